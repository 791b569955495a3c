/**
 * `.xls` and `.ods` copies of the other-layouts samples (made by LibreOffice with
 * test/fixtures/familiar/make-legacy.sh, committed so the tests never need soffice) import as the same
 * tree and score exactly as their `.xlsx` twins: the manifest's totals.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileSet, type CompiledSet } from '../../engine/core';
import { importFamiliar } from '../../engine/core/familiar';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';
import { expandInputs } from '../../engine/cli/expand-inputs';

const SAMPLES = path.resolve(__dirname, '../fixtures/samples/other-layouts-2024');
const LEGACY = path.resolve(__dirname, '../fixtures/familiar/legacy');
const manifest: { files: Array<{ file: string; self?: { total: number }; inspected?: { total: number } }> } = JSON.parse(
  fs.readFileSync(path.join(SAMPLES, 'manifest.json'), 'utf8'),
);

async function setOf(file: string): Promise<CompiledSet> {
  const { opened, problems } = await openWorkbook(fs.readFileSync(file), file);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const r = importFamiliar(opened!.grids, { file });
  expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  return compileSet(r.criteriaSet!);
}
const shape = (s: CompiledSet) => s.nodes.map((n) => [n.id, n.max, n.role]);

const cases = ['v1-cum-2', 'v2-dong-bang', 'v3-cum-2'].flatMap((layout) => (['xls', 'ods'] as const).map((fmt) => [layout, fmt] as const));

describe.each(cases)('%s as .%s', (layout, fmt) => {
  test('the blank imports as the same tree as the .xlsx blank', async () => {
    const twin = await setOf(path.join(SAMPLES, layout, 'blank.xlsx'));
    const legacy = await setOf(path.join(LEGACY, layout, `blank.${fmt}`));
    expect(shape(legacy)).toEqual(shape(twin));
    expect([legacy.leaves.length, legacy.maxBase, legacy.maxBonus]).toEqual([22, 100, 5]);
  });
  test('filled copies score the manifest totals, with the set imported from either format', async () => {
    const sets = [await setOf(path.join(SAMPLES, layout, 'blank.xlsx')), await setOf(path.join(LEGACY, layout, `blank.${fmt}`))];
    const copies = fs.readdirSync(path.join(LEGACY, layout)).filter((f) => f.endsWith(`.${fmt}`) && !f.startsWith('blank'));
    expect(copies.length).toBeGreaterThan(0);
    for (const name of copies) {
      const want = manifest.files.find((f) => f.file === `${layout}/${name.replace(/\.\w+$/, '.xlsx')}`)!;
      const file = path.join(LEGACY, layout, name);
      for (const criteria of sets) {
        const s = await scoreWorkbook(fs.readFileSync(file), { file, criteria });
        expect(s.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect([name, s.evaluation!.self!.total, s.evaluation!.inspected!.total]).toEqual([name, want.self!.total, want.inspected!.total]);
      }
    }
  });
});

test('a folder given to rank stands for its .xls and .ods files too (none skipped silently)', () => {
  const { files } = expandInputs([path.join(LEGACY, 'v3-cum-2')]);
  expect(files.map((f) => path.basename(f)).sort()).toEqual(['01.ods', '01.xls', '05.ods', '05.xls', 'blank.ods', 'blank.xls']);
});

test('a damaged .xls is refused with a message, not a stack trace', async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(LEGACY, 'v1-cum-2', 'blank.xls')).subarray(0, 1536));
  const { opened, problems } = await openWorkbook(bytes, 'broken.xls');
  expect(opened).toBeUndefined();
  expect(problems.map((p) => [p.code, p.file])).toEqual([[expect.stringMatching(/^(not_xlsx|encrypted_or_xls)$/), 'broken.xls']]);
});

// SheetJS writes what it cannot parse to the console (an .ods's conditional number formats): nothing
// of it reaches the user's terminal, and notes that could touch the figures come back as warnings.
test('the .xls/.ods reader prints nothing on the console; its notes are warnings naming the file', async () => {
  const spies = (['error', 'warn', 'log'] as const).map((m) => jest.spyOn(console, m));
  try {
    const files = cases.map(([layout, fmt]) => path.join(LEGACY, layout, `blank.${fmt}`));
    for (const file of files) {
      const { opened, problems } = await openWorkbook(fs.readFileSync(file), file);
      expect(opened).toBeDefined();
      for (const p of problems.filter((x) => x.code === 'legacy_reader_note')) expect([p.severity, p.file]).toEqual(['warning', file]);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    // The console is the caller's again afterwards.
    expect([console.error, console.warn, console.log]).toEqual(spies);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
});
