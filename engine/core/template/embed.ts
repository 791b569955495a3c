/** The very hidden sheet of a template: its metadata as "key | value" rows and the criteria set's JSON. */
import type { CompiledSet } from '../compile';
import { address } from '../grid';
import type { Lang } from '../i18n';
import type { CellValue } from '../kinds/types';
import { canonicalEntries, MAX_SELF_ENTRIES_CHARS, metaDigest, selfDigest } from './stamp';
import { chunks } from './formulas';
import { EMBED_CHUNK, TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type PlanRow, type TemplateMeta, type TemplateMode, type TemplateOptions } from './plan-types';

/** Cells of the hidden sheet: "key | value" rows, then the criteria set's JSON in chunks. */
export function embeddedCells(set: CompiledSet, meta: TemplateMeta): Array<{ address: string; value: string | number }> {
  const json = JSON.stringify(set.def);
  const parts = chunks([...json], EMBED_CHUNK).map((c) => c.join(''));
  const kv: Array<[string, string | number]> = [
    ['format', meta.format],
    ['formatVersion', meta.formatVersion],
    ['criteriaSetId', meta.criteriaSetId],
    ['hash', meta.hash],
    ['mode', meta.mode],
    ['unit', meta.unit],
    ['year', meta.year ?? ''],
    ['cluster', meta.cluster],
    ['lang', meta.lang],
    ['sheet', meta.sheet],
    ['toolVersion', meta.toolVersion],
    ['generatedAt', meta.generatedAt],
    ['chunks', parts.length],
  ];
  const cells: Array<{ address: string; value: string | number }> = [];
  kv.forEach(([k, v], i) => {
    cells.push({ address: address(i + 1, 1), value: k });
    cells.push({ address: address(i + 1, 2), value: v });
  });
  const start = kv.length + 2;
  parts.forEach((p, i) => {
    cells.push({ address: address(start + i, 1), value: `json.${i + 1}` });
    cells.push({ address: address(start + i, 2), value: p });
  });
  // The stamp and the metadata's own hash, after the JSON (the rows above keep their places).
  const extra: Array<[string, string]> = [];
  if (meta.mode === 'inspection')
    for (const k of ['selfHash', 'selfEntries', 'team', 'inspectedOn', 'fromFile'] as const) if (meta[k] !== undefined) extra.push([k, meta[k]!]);
  extra.push(['metaHash', meta.metaHash]);
  extra.forEach(([k, v], i) => {
    const r = start + parts.length + 1 + i;
    cells.push({ address: address(r, 1), value: k });
    cells.push({ address: address(r, 2), value: v });
  });
  return cells;
}

/** Row of the hidden sheet where the JSON chunks start. */
export const EMBED_JSON_ROW = 15;

/** The template's metadata, with the inspection stamp of the self entries the rows hold, and its own hash. */
export function templateMeta(
  set: CompiledSet,
  opts: TemplateOptions,
  w: { mode: TemplateMode; unit: string; year: number | null; cluster: string; lang: Lang; sheet: string },
  rows: PlanRow[],
): TemplateMeta {
  const { mode, unit, year, cluster, lang } = w;
  const sheetName = w.sheet;
  const meta: TemplateMeta = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    criteriaSetId: set.id,
    hash: set.hash,
    mode,
    unit,
    year,
    cluster,
    lang,
    sheet: sheetName,
    toolVersion: opts.toolVersion ?? '',
    generatedAt: opts.generatedAt ?? '',
    metaHash: '',
  };
  if (mode === 'inspection') {
    // The self entries as this workbook holds them (after the plan's own number spelling).
    const written: Record<string, CellValue> = {};
    for (const r of rows) for (const c of r.cells) if (c.entry?.column === 'self') written[c.entry.key] = c.value ?? null;
    const canonical = canonicalEntries(written);
    const text = JSON.stringify(canonical);
    meta.selfHash = selfDigest(canonical);
    if (text.length <= MAX_SELF_ENTRIES_CHARS) meta.selfEntries = text;
    meta.team = opts.inspection?.team ?? '';
    meta.inspectedOn = opts.inspection?.date ?? '';
    meta.fromFile = opts.inspection?.fromFile ?? '';
  }
  meta.metaHash = metaDigest(meta as unknown as Record<string, unknown>);
  return meta;
}
