/** Reading a ranking workbook back (exceljs) and its raw XML, for the agreement and safety tests. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';

export interface RankingRow {
  rank: number;
  unit: string;
  self: number | null;
  inspected: number | null;
  final: number;
  source: string;
  classification: string;
  award: string;
  notes: string;
}

const plain = (v: ExcelJS.CellValue): unknown => (v && typeof v === 'object' && 'result' in v ? v.result : v);

export async function readRankingWorkbook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheetNames = wb.worksheets.map((w) => w.name);
  const sheet = (name: string) => wb.getWorksheet(name)!;

  // Xếp hạng: rows under the header whose first cell is the rank.
  const ws = sheet('Xếp hạng');
  let head = 0;
  ws.eachRow((row, r) => {
    if (!head && (row.getCell(1).value === 'Hạng' || row.getCell(1).value === 'Rank')) head = r;
  });
  const ranking: RankingRow[] = [];
  for (let r = head + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const rank = plain(row.getCell(1).value);
    if (typeof rank !== 'number') break;
    const n = (c: number) => {
      const v = plain(row.getCell(c).value);
      return typeof v === 'number' ? v : null;
    };
    const s = (c: number) => String(plain(row.getCell(c).value) ?? '');
    ranking.push({ rank, unit: s(2), self: n(3), inspected: n(4), final: n(5)!, source: s(6), classification: s(7), award: s(8), notes: s(9) });
  }

  // Ma trận điểm: unit -> { column label -> value }, plus the max row.
  const mx = sheet('Ma trận điểm');
  let mhead = 0;
  mx.eachRow((row, r) => {
    if (!mhead && (row.getCell(1).value === 'Hạng' || row.getCell(1).value === 'Rank')) mhead = r;
  });
  const labels: string[] = [];
  mx.getRow(mhead).eachCell((c, col) => (labels[col] = String(c.value ?? '')));
  const matrix: Record<string, Record<string, number | null>> = {};
  for (let r = mhead + 2; r <= mx.rowCount; r++) {
    const row = mx.getRow(r);
    const key = String(row.getCell(2).value ?? '');
    if (!key) continue;
    if (r > mhead + 2 && typeof plain(row.getCell(1).value) !== 'number') break; // the legend under the table
    const vals: Record<string, number | null> = {};
    for (let c = 3; c < labels.length; c++) {
      const v = plain(row.getCell(c).value);
      vals[labels[c]] = typeof v === 'number' ? v : null;
    }
    matrix[key] = vals;
  }

  // Chênh lệch: numbered rows under the first header.
  const dz = sheet('Chênh lệch');
  const discrepancies: Array<{ unit: string; number: string; text: string; self: number; inspected: number; delta: number; remark: string }> = [];
  let dhead = 0;
  dz.eachRow((row, r) => {
    if (!dhead && (row.getCell(1).value === 'TT' || row.getCell(1).value === 'No.')) dhead = r;
  });
  for (let r = dhead + 1; r <= dz.rowCount; r++) {
    const row = dz.getRow(r);
    if (typeof row.getCell(1).value !== 'number') break;
    discrepancies.push({
      unit: String(row.getCell(2).value),
      number: String(row.getCell(3).value),
      text: String(row.getCell(4).value ?? ''),
      self: row.getCell(5).value as number,
      inspected: row.getCell(6).value as number,
      delta: row.getCell(7).value as number,
      remark: String(row.getCell(8).value ?? ''),
    });
  }

  // Nguồn.
  const src = sheet('Nguồn');
  const sources: Array<{ file: string; sha256: string; shortSha256: string; unit: string; setId: string; setHash: string; status: string; problems: string }> = [];
  let shead = 0;
  src.eachRow((row, r) => {
    if (!shead && (row.getCell(1).value === 'TT' || row.getCell(1).value === 'No.')) shead = r;
  });
  for (let r = shead + 1; r <= src.rowCount; r++) {
    const row = src.getRow(r);
    if (typeof row.getCell(1).value !== 'number') break;
    const s = (c: number) => String(row.getCell(c).value ?? '');
    // Hashes print shortened in C and H; the full values are in the hidden columns L and M (after the provenance column K).
    sources.push({ file: s(2), sha256: s(12), shortSha256: s(3), unit: s(4), setId: s(7), setHash: s(13), status: s(9), problems: s(10) });
  }
  return { wb, sheetNames, ranking, matrix, discrepancies, sources, rankingSheet: ws };
}

/** Every part of the xlsx as text (worksheets, shared strings), for checks on the stored XML. */
export function xlsxXml(file: string): Record<string, string> {
  const files = unzipSync(readFileSync(file));
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml')).map(([n, d]) => [n, strFromU8(d)]));
}
