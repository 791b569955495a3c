/**
 * The rankings the ranking workbook writer is checked on (test/rank/workbook-diff.test.ts), built as
 * data and deterministic, so the reference workbooks in test/fixtures/ranking-reference/ (written once
 * by the earlier exceljs writer, see its README) stay the expected side.
 */
import { buildRanking, CompiledSet, evaluate, problem, Ranking, RankSource } from '../../engine/core';
import { bigSet } from '../addin/sets';
import { compile, tinyDef, unit } from './helpers';

export const REFERENCE_DATE = new Date(2024, 11, 20, 9, 30);

/** A unit of any set: each leaf scored from a small deterministic generator. */
function genUnit(set: CompiledSet, name: string, seed: number, file: string, inspect: boolean): RankSource {
  let x = seed * 2654435761 + 12345;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const self: Record<string, number> = {};
  const inspected: Record<string, number> = {};
  const remarks: Record<string, string> = {};
  for (const leaf of set.leaves) {
    const max = leaf.max ?? 1;
    const role = set.byId.get(leaf.sectionId)?.role;
    const v = role === 'deduction' ? 0 : Math.round(max * (0.6 + 0.4 * next()) * 4) / 4;
    self[leaf.id] = v;
    // A few discrepancies per school, not hundreds.
    const moved = role !== 'deduction' && next() < 0.05 ? Math.max(0, v - 0.25 * (1 + Math.floor(next() * 3))) : v;
    inspected[leaf.id] = moved;
    if (moved !== v && next() < 0.5) remarks[leaf.id] = `Thiếu minh chứng ${leaf.id}`;
  }
  const evaluation = evaluate(set, { unit: name, file, self, inspected: inspect ? inspected : null, remarks });
  return {
    file,
    unit: name,
    year: 2024,
    layout: 'json',
    set,
    criteriaSet: { id: set.id, hash: set.hash },
    evaluation,
    remarks,
    problems: evaluation.problems,
  };
}

const tiny = () => compile(tinyDef());

/** Three units (a shared rank, one without inspection) and a refused file. */
export function small(): Ranking {
  const set = tiny();
  const r = buildRanking([
    unit(set, 'Thái Nguyên', [8, 8, 8, 8], [8, 8, 8, 8], { file: 'tn.xlsx' }),
    unit(set, 'Tuyên Quang', [8, 8, 8, 8], null, { file: 'tq.xlsx' }),
    unit(set, 'Điện Biên', [10, 10, 10, 10], [10, 8, 10, 7], { file: 'db.xlsx', remarks: { 'A.2': 'Thiếu minh chứng', 'C.1': 'Chưa đạt' } }),
    { file: 'hong.xlsx', set: null, criteriaSet: null, evaluation: null, problems: [problem('not_xlsx', { detail: 'zip hỏng' }, { file: 'hong.xlsx' })] },
  ]);
  r.sources[0].sha256 = 'a'.repeat(64);
  return r;
}

/**
 * Names and remarks a writer must keep as text: formulas, markup, quotes, control characters, long
 * (`longRepeat` times "Dài ": 9,000 makes a name past Excel's 32,767-character limit).
 */
export function hostile(longRepeat = 9000): Ranking {
  const set = tiny();
  return buildRanking([
    unit(set, '=HYPERLINK("http://x","y")', [9, 9, 9, 9, 2], [9, 7, 9, 9, 2], { file: 'a&b <c>.xlsx', remarks: { 'A.2': `"quoted" 'single' <tag> & amp` } }),
    unit(set, `Tuyên Quang 'B' & <C> "D"\u0001\u0008\u000B\u001F`, [8, 8, 8, 8], [8, 8, 6, 8], { file: "q'uote.xlsx", remarks: { 'B.1': '+1 cộng\nxuống dòng\ttab' } }),
    unit(set, '@SUM(A1)', [5, 5, 5, 5, 0, 2], null, { file: '-minus.xlsx' }),
    unit(set, 'Dài '.repeat(longRepeat), [7, 7, 7, 7], [7, 7, 7, 7], { file: 'long.xlsx' }),
    { file: 'hong1.xlsx', set: null, criteriaSet: null, evaluation: null, problems: [problem('not_xlsx', { detail: '<zip> & "hỏng"' }, { file: 'hong1.xlsx' })] },
    { file: 'hong2.xlsx', set: null, criteriaSet: null, evaluation: null, problems: [problem('not_xlsx', { detail: 'x' }, { file: 'hong2.xlsx' })] },
  ]);
}

/** Only refused files: no units, no charts. */
function refusedOnly(): Ranking {
  return buildRanking([{ file: 'hong.xlsx', set: null, criteriaSet: null, evaluation: null, problems: [problem('not_xlsx', { detail: 'zip hỏng' }, { file: 'hong.xlsx' })] }]);
}

/** No discrepancies, no awards reached. */
function calm(): Ranking {
  const set = compile(tinyDef({ awards: [] }, (d) => delete (d.sections[4].children![1] as { disqualifies?: string[] }).disqualifies));
  return buildRanking([unit(set, 'Lào Cai', [5, 5, 5, 5], [5, 5, 5, 5], { file: 'lc.xlsx' }), unit(set, 'Yên Bái', [4, 4, 4, 4], null, { file: 'yb.xlsx' })]);
}

/** A cluster of `n` schools on a 40-criterion set, a few discrepancies each, two refused files. */
export function cluster(n: number): Ranking {
  const set = compile(bigSet(40));
  const sources: RankSource[] = [];
  for (let i = 0; i < n; i++) sources.push(genUnit(set, `Trường Chính trị tỉnh số ${i + 1}`, i + 1, `truong-${String(i + 1).padStart(4, '0')}.xlsx`, i % 7 !== 3));
  sources.push({ file: 'hong.xlsx', set: null, criteriaSet: null, evaluation: null, problems: [problem('not_xlsx', { detail: 'zip hỏng' }, { file: 'hong.xlsx' })] });
  const r = buildRanking(sources);
  r.sources.forEach((s, i) => (s.sha256 = (i.toString(16) + 'f'.repeat(64)).slice(0, 64)));
  return r;
}

export const CASES: Array<{ name: string; lang: 'vi' | 'en'; ranking: () => Ranking }> = [
  { name: 'small-vi', lang: 'vi', ranking: small },
  { name: 'small-en', lang: 'en', ranking: small },
  { name: 'hostile-vi', lang: 'vi', ranking: () => hostile() },
  { name: 'hostile-en', lang: 'en', ranking: () => hostile() },
  { name: 'refused-only', lang: 'vi', ranking: refusedOnly },
  { name: 'calm-en', lang: 'en', ranking: calm },
  { name: 'cluster-60-vi', lang: 'vi', ranking: () => cluster(60) },
  { name: 'cluster-1000-vi', lang: 'vi', ranking: () => cluster(1000) },
];
