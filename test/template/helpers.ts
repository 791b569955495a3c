/** Shared by the template tests: the default set, templates written to bytes, random valid fillings. */
import ExcelJS from 'exceljs';
import { CellValue, CompiledSet, loadCriteriaDef } from '../../engine/core';
import type { TemplateOptions, TemplatePlan } from '../../engine/core/template/plan';
import { writeTemplate } from '../../engine/workbook/template/write';
import { bigSet } from '../helpers/big-set';

export { ROOT, DEFAULT_SET_FILE, defaultSet } from '../helpers/sets';

export function largeSet(seed = 42): CompiledSet {
  const r = loadCriteriaDef(bigSet({ seed }));
  if (!r.set) throw new Error(JSON.stringify(r.problems));
  return r.set;
}

export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A random valid value for every entry of one column (blank where blank means none, sometimes). */
export function randomEntries(set: CompiledSet, rand: () => number): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const spec of set.entries) {
    if (spec.type === 'flag') {
      out[spec.key] = rand() < 0.5 ? 'x' : null;
      continue;
    }
    if (spec.indicator) {
      out[spec.key] = rand() < 0.05 ? 0 : Math.floor(rand() * 25);
      continue;
    }
    if (spec.blankIsZero && rand() < 0.4) {
      out[spec.key] = null;
      continue;
    }
    if (spec.unit === 'cases') {
      out[spec.key] = Math.floor(rand() * 3);
      continue;
    }
    if (spec.max === undefined && !spec.step) {
      // A measured value (tiers): anything >= 0.
      out[spec.key] = Math.round(rand() * 1000) / 10;
      continue;
    }
    const step = spec.step ?? 0.25;
    const max = spec.max ?? step * 6;
    out[spec.key] = Math.floor(rand() * (Math.round(max / step) + 1)) * step;
  }
  return out;
}

/** Write values into a template's column through exceljs. */
export function fillColumn(ws: ExcelJS.Worksheet, plan: TemplatePlan, column: 'self' | 'inspected', values: Record<string, CellValue>): void {
  for (const [k, v] of Object.entries(values)) ws.getCell(plan.entries[column][k]).value = v === undefined ? null : (v as ExcelJS.CellValue);
}

export async function template(set: CompiledSet, mode: 'self' | 'inspection' = 'self', extra: Partial<TemplateOptions> = {}) {
  return writeTemplate(set, { mode, ...extra });
}

/** Every entry valid: manual at their max minus a step, indicators that make formulas compute. */
export function validSelf(s: CompiledSet): Record<string, CellValue> {
  const v: Record<string, CellValue> = {};
  for (const e of s.entries) {
    if (e.type === 'flag') v[e.key] = 'x';
    else if (e.indicator) v[e.key] = 10;
    else if (e.blankIsZero) v[e.key] = null;
    else v[e.key] = e.max !== undefined ? e.max - (e.step ?? 0.25) : 50;
  }
  return v;
}
