/** Filled template workbooks made in-process (as a school and its inspectors would fill them). */
import type { CellValue, CompiledSet } from '../../engine/core';
import { planTemplate } from '../../engine/core/template/plan';
import { renderTemplate } from '../../engine/workbook/template/write';

export async function filledInspection(
  set: CompiledSet,
  o: { unit: string; year: number; self: Record<string, CellValue>; inspected: Record<string, CellValue>; evidence?: Record<string, string>; remarks?: Record<string, string> },
): Promise<Uint8Array> {
  const plan = planTemplate(set, { mode: 'inspection', unit: o.unit, year: o.year, prefill: { unit: o.unit, self: o.self, evidence: o.evidence ?? {} } });
  const wb = await renderTemplate(plan);
  const ws = wb.getWorksheet(plan.sheetName)!;
  for (const [k, v] of Object.entries(o.inspected)) if (plan.entries.inspected[k] && v !== null && v !== '') ws.getCell(plan.entries.inspected[k]).value = v as never;
  for (const [k, v] of Object.entries(o.remarks ?? {})) if (plan.remarks[k]) ws.getCell(plan.remarks[k]).value = v;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
