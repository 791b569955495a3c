import type { Command } from 'commander';
import { formatPoints, scoreReport } from '../../core';
import { exitFor, GlobalOptions, langOf, printJson, printProblems, requireCriteria, say, t } from '../context';
import { scoreInput } from '../score-input';

interface Options extends GlobalOptions {
  criteria?: string;
}

export function register(program: Command): void {
  program
    .command('score')
    .description('Tính điểm / score workbooks or JSON submissions')
    .argument('<files...>', 'workbook.xlsx or submission.json')
    .option('--criteria <file>', 'criteria set, for workbooks that do not carry one')
    .option('--json', 'JSON output')
    .action(async (files: string[], opts: Options) => {
      const lang = langOf(opts);
      const criteria = await requireCriteria(opts.criteria);
      const reports = [];
      const all = [];
      for (const file of files) {
        const r = await scoreInput(file, criteria);
        const rep = scoreReport({ ...r, evaluation: r.evaluation }, lang);
        reports.push(rep);
        all.push(...r.problems);
        if (!opts.json) {
          const col = (c: typeof rep.self) =>
            c ? `${formatPoints(c.total, lang)} (${formatPoints(c.base, lang)} + ${formatPoints(c.bonus, lang)} - ${formatPoints(c.penalty, lang)})` : '—';
          say(opts, `${file}${rep.unit ? ` — ${rep.unit}` : ''}`);
          say(opts, `  ${t(lang, 'Tự chấm', 'Self')}: ${col(rep.self)}   ${t(lang, 'Cụm chấm', 'Inspected')}: ${col(rep.inspected)}`);
          if (rep.final)
            say(opts, `  ${t(lang, 'Điểm cuối', 'Final')}: ${formatPoints(rep.final.total, lang)} (${rep.final.source === 'inspected' ? t(lang, 'Cụm chấm', 'inspected') : t(lang, 'tự chấm', 'self')})`);
          printProblems(opts, rep.problems);
        }
      }
      if (opts.json) printJson(reports);
      process.exitCode = exitFor(all);
    });
}
