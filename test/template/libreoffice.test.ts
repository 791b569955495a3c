/**
 * Interop proof: templates generated from the default set and from a generated ~300-criterion set are
 * filled with random valid values through exceljs, recalculated by LibreOffice headless, and
 * LibreOffice's values of TongTuCham / TongCumCham, of every section subtotal (and of every other
 * formula cell of the plan) must equal the engine's. Then `scoreWorkbook` on the recalculated file must
 * find no disagreement and no edited formula. Needs `soffice` (libreoffice-calc-nogui): skipped with a
 * loud message when missing, failed instead when CI is set.
 *
 * @slow LibreOffice recalculates 25 workbooks, five of 300 criteria (started first: test/helpers/sequencer.js)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CellValue, CompiledSet, evaluate, parseAddress, toMilli } from '../../engine/core';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';
import { rng } from '../helpers/big-set';
import { haveLibreOffice, recalculateInParallel } from '../helpers/libreoffice';
import { defaultSet, fillColumn, largeSet, loadXlsx, randomEntries, template, toBytes } from './helpers';


jest.setTimeout(240_000);

if (haveLibreOffice('the LibreOffice interop test of the templates')) {
  interface Case {
    name: string;
    set: CompiledSet;
    plan: TemplatePlan;
    self: Record<string, CellValue> | null;
    inspected: Record<string, CellValue> | null;
  }

  describe('LibreOffice recalculates generated templates to the engine totals', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'thidua-lo-'));
    const inDir = path.join(work, 'in');
    const outDir = path.join(work, 'out');
    const cases: Case[] = [];

    beforeAll(async () => {
      mkdirSync(inDir);
      mkdirSync(outDir);
      const rand = rng(20240601);
      const std = defaultSet();
      const big = largeSet(7);
      const plans = new Map<string, TemplatePlan>();
      const build = async (name: string, set: CompiledSet, mode: 'self' | 'inspection', withInspection: boolean) => {
        const self = randomEntries(set, rand);
        const inspected = withInspection ? randomEntries(set, rand) : null;
        const { bytes, plan } = await template(set, mode, {
          unit: `Trường Chính trị ${name}`,
          prefill: mode === 'inspection' ? { self, evidence: {} } : undefined,
        });
        plans.set(name, plan);
        const wb = await loadXlsx(bytes);
        const ws = wb.getWorksheet(plan.sheetName)!;
        if (mode === 'self') fillColumn(ws, plan, 'self', self);
        if (inspected) fillColumn(ws, plan, 'inspected', inspected);
        writeFileSync(path.join(inDir, `${name}.xlsx`), await toBytes(wb));
        cases.push({ name, set, plan, self, inspected });
      };
      for (let i = 0; i < 10; i++) await build(`default-self-${i}`, std, 'self', false);
      for (let i = 0; i < 10; i++) await build(`default-insp-${i}`, std, 'inspection', true);
      for (let i = 0; i < 3; i++) await build(`big-self-${i}`, big, 'self', false);
      for (let i = 0; i < 2; i++) await build(`big-insp-${i}`, big, 'inspection', true);

      // Two LibreOffice starts at once convert every file (private profiles keep them independent of the user's).
      const files = cases.map((c) => path.join(inDir, `${c.name}.xlsx`));
      await recalculateInParallel(files, outDir, 2, 200_000);
    });

    afterAll(() => rmSync(work, { recursive: true, force: true }));

    const valueAt = (grid: { cell(r: number, c: number): { value: unknown; formula?: string } | undefined }, addr: string) => {
      const a = parseAddress(addr)!;
      const c = grid.cell(a.row, a.col);
      return c;
    };

    test('every random filling: names, section subtotals, every formula cell, equal the engine', async () => {
      expect(cases.length).toBe(25);
      let compared = 0;
      for (const c of cases) {
        const bytes = new Uint8Array(readFileSync(path.join(outDir, `${c.name}.xlsx`)));
        const { opened } = await openWorkbook(bytes, c.name);
        expect(opened).toBeDefined();
        const grid = opened!.grids.find((g) => g.sheet === c.plan.sheetName)!;
        expect(grid).toBeDefined();

        // The defined names survive LibreOffice and point at the totals.
        const names = new Map((await loadXlsx(bytes)).definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges[0]]));
        const ev = evaluate(c.set, { self: c.self, inspected: c.inspected });
        for (const col of ['self', 'inspected'] as const) {
          const score = col === 'self' ? ev.self : ev.inspected;
          if (!score) continue;
          const name = col === 'self' ? 'TongTuCham' : 'TongCumCham';
          const ref = names.get(name);
          expect(ref).toBeDefined();
          const addr = ref!.split('!')[1].replace(/\$/g, '');
          expect(addr).toBe(c.plan.scores[col].total.address);
          const total = valueAt(grid, addr);
          expect({ file: c.name, name, value: total?.value }).toEqual({ file: c.name, name, value: score.total });

          for (const s of c.set.sections) {
            const cell = valueAt(grid, c.plan.scores[col][s.id].address);
            expect({ file: c.name, section: s.id, col, value: toMilli(Number(cell?.value)) }).toEqual({
              file: c.name,
              section: s.id,
              col,
              value: toMilli(score.nodes[s.id] ?? 0),
            });
          }
          for (const [node, sc] of Object.entries(c.plan.scores[col])) {
            if (!sc.formula) continue;
            const cell = valueAt(grid, sc.address);
            const engine = node === 'base' || node === 'bonus' || node === 'penalty' || node === 'total' ? score[node] : score.nodes[node] ?? 0;
            if (toMilli(Number(cell?.value ?? 0)) !== toMilli(engine))
              throw new Error(`${c.name} ${col} ${node} at ${sc.address}: LibreOffice ${cell?.value}, engine ${engine}\n=${sc.formula}`);
            compared++;
          }
        }

        // The engine reading the recalculated file finds the same totals and no disagreeing formula.
        const scored = await scoreWorkbook(bytes, { file: c.name });
        const bad = scored.problems.filter((p) => ['formula_disagrees', 'formula_edited', 'formula_overwritten', 'criteria_tampered'].includes(p.code) || p.code.startsWith('row_'));
        expect(bad).toEqual([]);
        expect(scored.evaluation?.self?.total).toBe(ev.self?.total);
        if (c.inspected) expect(scored.evaluation?.inspected?.total).toBe(ev.inspected?.total);
      }
      expect(compared).toBeGreaterThan(1500);
    });
  });
}
