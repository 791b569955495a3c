import type { Command } from 'commander';
import { hasErrors, localize } from '../../core';
import { exitFor, GlobalOptions, langOf, printJson, printProblems, requireCriteria, say, t } from '../context';
import { scoreInput } from '../score-input';

interface Options extends GlobalOptions {
  criteria?: string;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('Kiểm tra một bảng điểm đã nhập / check a filled workbook')
    .argument('<file>', 'workbook.xlsx or submission.json')
    .option('--criteria <file>', 'criteria set, for workbooks that do not carry one')
    .option('--json', 'JSON output')
    .action(async (file: string, opts: Options) => {
      const lang = langOf(opts);
      const criteria = await requireCriteria(opts.criteria);
      const r = await scoreInput(file, criteria);
      const problems = localize(r.problems, lang);
      const ok = !hasErrors(problems);
      if (opts.json) printJson({ file, ok, unit: r.unit ?? null, layout: r.layout ?? null, criteriaSet: r.criteriaSet, problems });
      else {
        say(opts, `${file}${r.unit ? ` — ${r.unit}` : ''}`);
        printProblems(opts, problems);
        const errs = problems.filter((p) => p.severity === 'error').length;
        const warns = problems.length - errs;
        say(opts, ok ? t(lang, `Hợp lệ (${warns} cảnh báo).`, `OK (${warns} warning(s)).`) : t(lang, `${errs} lỗi, ${warns} cảnh báo.`, `${errs} error(s), ${warns} warning(s).`));
      }
      process.exitCode = exitFor(problems);
    });
}
