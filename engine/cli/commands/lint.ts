import type { Command } from 'commander';
import { hasErrors, localize } from '../../core';
import { EXIT, GlobalOptions, langOf, loadCriteriaFile, printJson, printProblems, say, t } from '../context';

export function register(program: Command): void {
  program
    .command('lint')
    .description('Kiểm tra bảng tiêu chí / check a criteria set (YAML, JSON or Excel sheet)')
    .argument('<criteria>', 'criteria.(yaml|json|xlsx)')
    .option('--json', 'JSON output')
    .action(async (file: string, opts: GlobalOptions) => {
      const lang = langOf(opts);
      const r = await loadCriteriaFile(file);
      const problems = localize(r.problems, lang);
      const ok = !hasErrors(problems);
      if (opts.json) {
        printJson({
          file,
          ok,
          criteriaSet: r.set ? { id: r.set.id, hash: r.set.hash } : null,
          leaves: r.set?.leaves.length ?? null,
          maxBase: r.set?.maxBase ?? null,
          maxBonus: r.set?.maxBonus ?? null,
          problems,
        });
      } else {
        if (r.set)
          say(opts, t(lang,
            `${file}: ${r.set.leaves.length} tiêu chí, điểm tối đa ${r.set.maxBase} + thưởng ${r.set.maxBonus}`,
            `${file}: ${r.set.leaves.length} criteria, max ${r.set.maxBase} + bonus ${r.set.maxBonus}`));
        printProblems(opts, problems);
        say(opts, ok ? t(lang, 'Hợp lệ.', 'OK.') : t(lang, `Có ${problems.filter((p) => p.severity === 'error').length} lỗi.`, `${problems.filter((p) => p.severity === 'error').length} error(s).`));
      }
      process.exitCode = ok ? EXIT.ok : EXIT.problems;
    });
}
