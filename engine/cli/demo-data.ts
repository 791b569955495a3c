/**
 * The bundled example year (templates/demo/cluster-2024.yaml): seven schools' self scores and what the
 * cross-inspection changed, turned into the entries, evidence and remarks of each school's workbook.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { CellValue, CompiledSet } from '../core';

export const DEMO_DIR = path.resolve(__dirname, '../../templates/demo');
export const DEMO_DATA_FILE = path.join(DEMO_DIR, 'cluster-2024.yaml');

export interface DemoSchool {
  unit: string;
  /** File stem, e.g. "bac-giang". */
  file: string;
  self: Record<string, CellValue>;
  inspected: Record<string, CellValue>;
  /** Inspectors' remarks by criterion id. */
  remarks: Record<string, string>;
  /** Evidence (minh chứng) by criterion id, for the criteria the school scored above 0. */
  evidence: Record<string, string>;
}

export interface DemoData {
  /** The criteria set file, resolved. */
  criteria: string;
  year: number;
  schools: DemoSchool[];
}

interface RawChange {
  value: CellValue;
  remark?: string;
}

/** Read the raw file (no criteria set needed): where the criteria set is and the year. */
export function demoHeader(file = DEMO_DATA_FILE): { criteria: string; year: number; raw: Record<string, unknown> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  const raw = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { criteria: path.resolve(path.dirname(file), String(raw.criteria)), year: Number(raw.year), raw };
}

/** The schools' entries, checked against the criteria set (an unknown key is a bug in the data file). */
export function loadDemoData(set: CompiledSet, file = DEMO_DATA_FILE): DemoData {
  const { criteria, year, raw } = demoHeader(file);
  const evidenceText = (raw.evidence ?? {}) as Record<string, string>;
  const schools = (raw.schools as Array<Record<string, unknown>>).map((s): DemoSchool => {
    const unit = String(s.unit);
    const self = { ...(s.self as Record<string, CellValue>) };
    const inspected = { ...self };
    const remarks: Record<string, string> = {};
    for (const [key, ch] of Object.entries((s.inspection ?? {}) as Record<string, RawChange>)) {
      inspected[key] = ch.value;
      if (!ch.remark) continue;
      // A criterion's remark sits on its row; an indicator's goes to the criteria computed from it.
      const spec = set.entryByKey.get(key);
      const targets = spec?.criterion ? [spec.criterion] : set.leaves.filter((l) => l.impl.uses.includes(key.replace(/^@/, ''))).map((l) => l.id);
      for (const t of targets) remarks[t] = remarks[t] ? `${remarks[t]}; ${ch.remark}` : ch.remark;
    }
    for (const k of [...Object.keys(self), ...Object.keys(inspected)])
      if (!set.entryByKey.has(k)) throw new Error(`${path.basename(file)}: ${unit}: unknown entry "${k}" for criteria set ${set.id}`);
    const evidence: Record<string, string> = {};
    for (const leaf of set.leaves) if (leaf.evidence && evidenceText[leaf.id]) evidence[leaf.id] = evidenceText[leaf.id];
    return { unit, file: String(s.file), self, inspected, remarks, evidence };
  });
  return { criteria, year, schools };
}
