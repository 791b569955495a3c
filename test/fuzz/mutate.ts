/**
 * Mutations of a valid filled template, deterministic from a seed: bytes of the zip, the XML inside the
 * parts, and cell values and types. Each returns the mutated bytes and a label for failure reports.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { XlsxCellEditor } from './cell-edit';

export type Rand = () => number;
export interface Mutation {
  label: string;
  bytes: Uint8Array;
}

export function rng(seed: number): Rand {
  // Mix the seed first: xorshift's first outputs for small seeds are tiny.
  let s = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  for (let i = 0; i < 8; i++) (s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5);
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Flip, set or delete bytes anywhere in the file. */
export function mutateBytes(src: Uint8Array, r: Rand): Mutation {
  const b = src.slice();
  const n = 1 + Math.floor(r() * 3);
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    const pos = Math.floor(r() * b.length);
    b[pos] ^= 1 << Math.floor(r() * 8);
    at.push(pos);
  }
  if (r() < 0.15) return { label: `truncate@${at[0]}`, bytes: b.subarray(0, at[0]) };
  return { label: `flip@${at.join(',')}`, bytes: b };
}

const XML_EDITS: Array<[string, (xml: string, r: Rand) => string]> = [
  ['delete-row', (x, r) => {
    const rows = [...x.matchAll(/<row [^>]*>.*?<\/row>/gs)];
    if (!rows.length) return x;
    const m = pick(r, rows);
    return x.slice(0, m.index!) + x.slice(m.index! + m[0].length);
  }],
  ['swap-row-numbers', (x, r) => {
    const rows = [...x.matchAll(/<row r="(\d+)"/g)];
    if (rows.length < 2) return x;
    const a = pick(r, rows)[1];
    const c = pick(r, rows)[1];
    return x.replace(new RegExp(`(<row r=")${a}(")`), `$1__A__$2`).replace(new RegExp(`(<row r=")${c}(")`), `$1${a}$2`).replace('__A__', c);
  }],
  ['change-number', (x, r) => {
    const vs = [...x.matchAll(/<v>(-?[\d.]+)<\/v>/g)];
    if (!vs.length) return x;
    const m = pick(r, vs);
    const nv = pick(r, ['0', '1', '2.5', '3.3', '-1', '999', '1E+308', '0.125', 'NaN', '']);
    return x.slice(0, m.index!) + `<v>${nv}</v>` + x.slice(m.index! + m[0].length);
  }],
  ['garble-formula', (x, r) => {
    const fs = [...x.matchAll(/<f>([^<]*)<\/f>/g)];
    if (!fs.length) return x;
    const m = pick(r, fs);
    const nf = pick(r, ['1/0', 'SUM(A1:A3)', '#REF!', 'D10*1000', '', 'HYPERLINK("http://x","y")']);
    return x.slice(0, m.index!) + `<f>${nf}</f>` + x.slice(m.index! + m[0].length);
  }],
  ['error-value', (x, r) => {
    const cs = [...x.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(<v>[^<]*<\/v>)<\/c>/g)];
    if (!cs.length) return x;
    const m = pick(r, cs);
    return x.slice(0, m.index!) + `<c r="${m[1]}" t="e"><v>${pick(r, ['#REF!', '#DIV/0!', '#VALUE!', '#N/A'])}</v></c>` + x.slice(m.index! + m[0].length);
  }],
  ['inline-string', (x, r) => {
    const cs = [...x.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(<v>[^<]*<\/v>)<\/c>/g)];
    if (!cs.length) return x;
    const m = pick(r, cs);
    const s = pick(r, ['tám', '8,5', ' 7.25 ', '=1+1', '', '💥'.repeat(10)]);
    return x.slice(0, m.index!) + `<c r="${m[1]}" t="inlineStr"><is><t>${s}</t></is></c>` + x.slice(m.index! + m[0].length);
  }],
  ['break-xml', (x, r) => {
    const pos = Math.floor(r() * x.length);
    return x.slice(0, pos) + pick(r, ['<', '</row>', '&', '<c r="A1">', '"']) + x.slice(pos);
  }],
  ['far-cell', (x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')],
  ['drop-part', (x) => x],
];

/**
 * Edit the XML of one part (most often the scoring sheet) and zip it again: the edited part deflated (at
 * the fastest level: the parts count, not the size), the others stored, as zip writers may.
 */
export function mutateXml(src: Uint8Array, r: Rand): Mutation {
  const parts = unzipSync(src);
  const names = Object.keys(parts);
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const [kind, edit] = pick(r, XML_EDITS);
  const stored: Zippable = {};
  for (const n of names) stored[n] = [parts[n], { level: 0 }];
  if (kind === 'drop-part') {
    const victim = pick(r, names);
    delete stored[victim];
    return { label: `drop-part:${victim}`, bytes: zipSync(stored) };
  }
  const target = r() < 0.8 && sheets.length ? pick(r, sheets) : pick(r, names.filter((n) => n.endsWith('.xml')));
  stored[target] = strToU8(edit(strFromU8(parts[target]), r));
  return { label: `${kind}:${target}`, bytes: zipSync(stored, { level: 1 }) };
}

/** Every kind of cell value the cell mutations put, each made from the random source. */
export const CELL_VALUES: Array<[string, (r: Rand) => ExcelJS.CellValue]> = [
  ['text-number', (r) => pick(r, ['8,5', '3.25', ' 2 ', '1,0'])],
  ['text-word', (r) => pick(r, ['tám', 'N/A', 'x', 'đạt', '—'])],
  ['date', () => new Date(Date.UTC(2024, 4, 5))],
  ['error', (r) => ({ error: pick(r, ['#REF!', '#DIV/0!', '#N/A']) }) as ExcelJS.CellErrorValue],
  ['formula', (r) => ({ formula: pick(r, ['1/0', '2+2', 'D10', 'SUM(D1:D5)']) }) as ExcelJS.CellFormulaValue],
  ['boolean', (r) => r() < 0.5],
  ['huge', (r) => pick(r, [1e308, -1e308, Number.MAX_SAFE_INTEGER])],
  ['negative', (r) => -Math.ceil(r() * 5)],
  ['off-step', (r) => pick(r, [0.1, 1.3, 2.01, 3.333])],
  ['blank', () => null],
  ['injection', (r) => pick(r, ['=HYPERLINK("http://x","y")', '+SUM(1)', '@cmd', '-1+1'])],
  ['valid', (r) => Math.floor(r() * 9) * 0.25],
];

/** The cell edits of one case: values or types for random entry, remark, evidence or score cells, and sometimes a merge. */
export interface CellEdits {
  values: Array<{ addr: string; kind: string; value: ExcelJS.CellValue }>;
  /** Merge this entry cell with its right neighbour (a merged range over an entry cell). */
  merge?: string;
}

export function drawCellEdits(plan: TemplatePlan, r: Rand): CellEdits {
  const pools = [
    ...Object.values(plan.entries.self),
    ...Object.values(plan.entries.inspected),
    ...Object.values(plan.remarks),
    ...Object.values(plan.evidence),
    ...Object.values(plan.scores.self).map((s) => s.address),
  ];
  const n = 1 + Math.floor(r() * 3);
  const values: CellEdits['values'] = [];
  for (let i = 0; i < n; i++) {
    const addr = pick(r, pools);
    const [kind, make] = pick(r, CELL_VALUES);
    values.push({ addr, kind, value: make(r) });
  }
  return { values, merge: r() < 0.1 ? pick(r, Object.values(plan.entries.self)) : undefined };
}

/**
 * Put an unexpected value or type into random entry, remark, evidence or score cells: edited in the
 * sheet's XML as exceljs would write them after a load (test/fuzz/cell-edit.ts), without an exceljs
 * load and save per case; the fuzz suite checks it against applyCellEditsWithExceljs.
 */
export function mutateCells(src: Uint8Array, plan: TemplatePlan, r: Rand): Mutation {
  return applyCellEdits(src, plan, drawCellEdits(plan, r));
}

export function applyCellEdits(src: Uint8Array, plan: TemplatePlan, edits: CellEdits): Mutation {
  const ed = new XlsxCellEditor(src, plan.sheetName);
  for (const { addr, value } of edits.values) ed.set(addr, value);
  const merged = edits.merge !== undefined && ed.mergeRight(edits.merge);
  return { label: cellLabel(edits, merged), bytes: ed.bytes() };
}

/** The same edits made through exceljs (load, set, merge, save): the reference the XML edits are checked against. */
export async function applyCellEditsWithExceljs(src: Uint8Array, plan: TemplatePlan, edits: CellEdits): Promise<Mutation> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(src as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(plan.sheetName)!;
  for (const { addr, value } of edits.values) ws.getCell(addr).value = value;
  let merged = false;
  if (edits.merge !== undefined) {
    const cell = ws.getCell(edits.merge);
    try {
      ws.mergeCells(Number(cell.row), Number(cell.col), Number(cell.row), Number(cell.col) + 1);
      merged = true;
    } catch {
      /* already merged */
    }
  }
  return { label: cellLabel(edits, merged), bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
}

const cellLabel = (e: CellEdits, merged: boolean) => `cells ${[...e.values.map((v) => `${v.addr}=${v.kind}`), ...(merged ? [`merge ${e.merge}`] : [])].join(' ')}`;
