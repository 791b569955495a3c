/**
 * Deduction sections with a cap ("trừ tối đa 10 điểm"): the importer reads the cap from the section's
 * text, the engine takes off at most the cap (with a note when it applies), lint says when a cap is
 * put where it has no effect, and the generated template's formulas agree with the engine: checked in
 * the plan and, when LibreOffice is installed, by LibreOffice recalculating filled templates above and
 * below the cap (and the familiar corpus workbooks whose deduction section is capped).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { evaluate, lint, loadCriteriaDef, type CompiledSet, type CriteriaSet } from '../../engine/core';
import { importFamiliar } from '../../engine/core/familiar';
import { gridFromRows, parseAddress } from '../../engine/core/grid';
import { planTemplate } from '../../engine/core/template/plan';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';
import { buildVariation, expectedTotal, VARIATIONS } from '../fixtures/familiar/build';
import { familiarWorkbookTotals, haveLibreOffice, recalculate, SOFFICE } from '../helpers/libreoffice';
import { run } from '../helpers/cli';
import { fillColumn, loadXlsx, template, toBytes } from '../template/helpers';

jest.setTimeout(240_000);

/** A familiar table whose deduction section states its cap in one of the ways people write it. */
function layout(deductionHeading: string) {
  return gridFromRows('Bảng điểm', [
    ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025'],
    [],
    ['TT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm', 'Điểm Cụm chấm'],
    [{ value: 'I', bold: true }, { value: 'CÔNG TÁC CHUYÊN MÔN', bold: true }, 20, null, null],
    ['1', 'Giảng dạy', 12, 11, 10],
    ['2', 'Nghiên cứu khoa học', 8, 8, 7],
    [{ value: 'II', bold: true }, { value: deductionHeading, bold: true }, null, null, null],
    ['1', 'Gửi báo cáo chậm (trừ 1 điểm/lần)', null, 2, 6],
    ['2', 'Vi phạm quy chế (trừ 2 điểm/lần)', null, 0, 8],
    [null, 'TỔNG ĐIỂM', null, null, null],
  ]);
}

function compiled(def: CriteriaSet | null): CompiledSet {
  const r = loadCriteriaDef(def);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.set!;
}

describe('import reads the cap of a deduction section from its text', () => {
  test.each([
    ['ĐIỂM TRỪ (trừ tối đa 10 điểm)', 10],
    ['ĐIỂM TRỪ (trừ không quá 5 điểm)', 5],
    ['ĐIỂM TRỪ: tối đa trừ 10 điểm', 10],
    ['Điểm trừ (tối đa 7,5 điểm)', 7.5],
    ['DEDUCTIONS (at most 4 points)', 4],
  ])('%s -> cap %p', (heading, cap) => {
    const r = importFamiliar([layout(heading)], { file: 'bang.xlsx' });
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    const sec = r.criteriaSet!.sections.find((s) => s.role === 'deduction')!;
    expect(sec).toMatchObject({ id: 'II', cap });
    const set = compiled(r.criteriaSet);
    expect(set.byId.get('II')!.cap).toBe(cap);
    // The cap is not a bonus: the most the set can give is unchanged.
    expect(set.maxBase).toBe(20);
    expect(set.maxBonus).toBe(0);
  });

  test.each([['ĐIỂM TRỪ'], ['ĐIỂM TRỪ (mỗi lần trừ 1 điểm, tối đa 3 lần)']])('%s: no cap', (heading) => {
    const sec = importFamiliar([layout(heading)]).criteriaSet!.sections.find((s) => s.role === 'deduction')!;
    expect(sec.cap).toBeUndefined();
  });
});

describe('the engine takes off at most the cap, and says so', () => {
  const set = compiled(importFamiliar([layout('ĐIỂM TRỪ (trừ tối đa 10 điểm)')]).criteriaSet);

  test('below the cap everything is taken off; above it the cap, with a note at the section', () => {
    // self: 2 + 0 = 2 (under 10); inspected: 6 + 8 = 14 (over 10).
    const ev = evaluate(set, {
      self: { 'I.1': 11, 'I.2': 8, 'II.1': 2, 'II.2': 0 },
      inspected: { 'I.1': 10, 'I.2': 7, 'II.1': 6, 'II.2': 8 },
    });
    expect(ev.self).toMatchObject({ base: 19, penalty: 2, total: 17 });
    expect(ev.inspected).toMatchObject({ base: 17, penalty: 10, total: 7 });
    expect(ev.inspected!.nodes.II).toBe(10);
    expect(ev.inspected!.sections.find((s) => s.id === 'II')).toMatchObject({ role: 'deduction', score: 10, max: 10 });
    const notes = ev.problems.filter((p) => p.code === 'deduction_capped');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'warning', criterion: 'II', column: 'inspected', params: { value: 14, cap: 10 } });
    expect(notes[0].messages.vi).toContain('14');
    expect(notes[0].messages.en).toContain('only 10 taken off');
  });

  test('exactly at the cap: no note', () => {
    const ev = evaluate(set, { self: { 'I.1': 11, 'I.2': 8, 'II.1': 2, 'II.2': 8 } });
    expect(ev.self!.penalty).toBe(10);
    expect(ev.problems.map((p) => p.code)).not.toContain('deduction_capped');
  });

  test('a cap on a scored section or inside a section has no effect: lint says so', () => {
    const def: CriteriaSet = {
      id: 'x',
      title: 'x',
      sections: [
        { id: 'I', text: 'Chuyên môn', max: 10, cap: 5, children: [{ id: 'I.1', text: 'a', max: 10, cap: 3 }] },
        { id: 'II', text: 'Điểm trừ', role: 'deduction', cap: 4, children: [{ id: 'II.1', text: 'b' }] },
      ],
    };
    const r = loadCriteriaDef(def);
    const codes = lint(r.set!).filter((p) => p.code === 'cap_not_applied').map((p) => p.params?.id);
    expect(codes.sort()).toEqual(['I', 'I.1']);
  });
});

describe("the template's formulas cap deductions as the engine does", () => {
  const set = compiled(importFamiliar([layout('ĐIỂM TRỪ (trừ tối đa 10 điểm)')]).criteriaSet);
  const plan = planTemplate(set, { mode: 'inspection', lang: 'vi' });

  test('the deduction section subtotal is MIN(cap, sum); the bonus-free total subtracts it', () => {
    for (const col of ['self', 'inspected'] as const) {
      expect(plan.scores[col].II.formula).toMatch(/^MIN\(10,/);
      expect(plan.scores[col].penalty.formula).toContain(plan.scores[col].II.address);
    }
  });
});

if (haveLibreOffice('LibreOffice recalculating capped deductions')) {
  describe('LibreOffice recalculates capped deductions to the engine totals', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'thidua-cap-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    const set = compiled(importFamiliar([layout('ĐIỂM TRỪ (trừ tối đa 10 điểm)')]).criteriaSet);
    const fillings = {
      under: { 'I.1': 11, 'I.2': 8, 'II.1': 2, 'II.2': 4 },
      at: { 'I.1': 12, 'I.2': 8, 'II.1': 4, 'II.2': 6 },
      over: { 'I.1': 10, 'I.2': 7, 'II.1': 6, 'II.2': 8 },
    };
    const capped = VARIATIONS.filter((v) => v.items.some((s) => s.role === 'deduction' && s.cap !== undefined));

    beforeAll(async () => {
      const files: string[] = [];
      for (const [name, inspected] of Object.entries(fillings)) {
        const { bytes, plan } = await template(set, 'inspection', { unit: `Trường ${name}`, prefill: { self: fillings.under, evidence: {} } });
        const wb = await loadXlsx(bytes);
        fillColumn(wb.getWorksheet(plan.sheetName)!, plan, 'inspected', inspected);
        const file = path.join(work, `tpl-${name}.xlsx`);
        writeFileSync(file, await toBytes(wb));
        files.push(file);
      }
      for (const v of capped) {
        const file = path.join(work, `${v.name}.xlsx`);
        writeFileSync(file, await buildVariation(v));
        files.push(file);
      }
      recalculate(files, path.join(work, 'out'));
    });

    test.each(Object.keys(fillings))('template filled %s the cap: LibreOffice totals and deduction subtotal equal the engine', async (name) => {
      expect(SOFFICE).not.toBeNull();
      const inspected = fillings[name as keyof typeof fillings];
      const ev = evaluate(set, { self: fillings.under, inspected });
      const bytes = new Uint8Array(readFileSync(path.join(work, 'out', `tpl-${name}.xlsx`)));
      const plan = planTemplate(set, { mode: 'inspection', lang: 'vi' });
      const { opened } = await openWorkbook(bytes, name);
      const grid = opened!.grids.find((g) => g.sheet === plan.sheetName)!;
      const at = (addr: string) => grid.cell(parseAddress(addr)!.row, parseAddress(addr)!.col)?.value;
      for (const col of ['self', 'inspected'] as const) {
        const score = col === 'self' ? ev.self! : ev.inspected!;
        expect({ col, II: at(plan.scores[col].II.address), penalty: at(plan.scores[col].penalty.address), total: at(plan.scores[col].total.address) }).toEqual({
          col,
          II: score.nodes.II,
          penalty: score.penalty,
          total: score.total,
        });
      }
      expect(ev.inspected!.penalty).toBe(Math.min(10, inspected['II.1'] + inspected['II.2']));
      const scored = await scoreWorkbook(bytes, { file: `${name}.xlsx` });
      expect(scored.problems.filter((p) => p.code === 'formula_disagrees')).toEqual([]);
      expect(scored.evaluation!.inspected!.total).toBe(ev.inspected!.total);
      expect(scored.problems.some((p) => p.code === 'deduction_capped')).toBe(name === 'over');
    });

    test('familiar workbooks whose deduction section is capped: their own totals, recalculated, equal the engine', async () => {
      expect(capped.length).toBeGreaterThanOrEqual(3);
      for (const v of capped) {
        const file = path.join(work, 'out', `${v.name}.xlsx`);
        const bytes = readFileSync(file);
        const { opened } = await openWorkbook(bytes, file);
        const set2 = compiled(importFamiliar(opened!.grids).criteriaSet);
        const scored = await scoreWorkbook(bytes, { file, criteria: set2 });
        expect(scored.problems.filter((p) => p.code === 'formula_disagrees')).toEqual([]);
        expect(scored.evaluation!.inspected!.total).toBe(expectedTotal(v, 'insp').total);
        if (v.grandTotal) {
          const own = await familiarWorkbookTotals(file);
          expect({ v: v.name, ...own }).toEqual({ v: v.name, self: expectedTotal(v, 'self').total, inspected: expectedTotal(v, 'insp').total });
        }
      }
    });
  });
}

describe('through the command line: import reads the cap, score takes off at most the cap', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-cap-cli-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('thidua import --json, then thidua score --criteria --json on the filled copy', async () => {
    const v = VARIATIONS.find((x) => x.name === 'd-after-total-capped')!;
    const file = path.join(work, 'bang.xlsx');
    writeFileSync(file, await buildVariation(v));
    const imp = await run(['import', file, '--json']);
    expect(imp.code).toBe(0);
    const imported = JSON.parse(imp.stdout);
    expect(imported.criteriaSet.sections.find((s: { id: string }) => s.id === 'IV')).toMatchObject({ role: 'deduction', cap: 2 });
    const setFile = path.join(work, 'set.json');
    writeFileSync(setFile, JSON.stringify(imported.criteriaSet));
    const sc = await run(['score', file, '--criteria', setFile, '--json']);
    const [scored] = JSON.parse(sc.stdout);
    expect(scored.self).toMatchObject({ base: 27.5, bonus: 3, penalty: 1, total: 29.5 });
    expect(scored.inspected).toMatchObject({ base: 26.25, bonus: 3, penalty: 2, total: 27.25 });
    expect(scored.inspected.sections.find((s: { id: string }) => s.id === 'IV')).toMatchObject({ score: 2, max: 2 });
    const note = scored.problems.find((p: { code: string }) => p.code === 'deduction_capped');
    expect(note).toMatchObject({ severity: 'warning', criterion: 'IV', sheet: v.sheet });
    expect(note.cell).toMatch(/^E\d+$/);
    expect(scored.problems.filter((p: { code: string }) => p.code === 'formula_disagrees')).toEqual([]);
  });
});
