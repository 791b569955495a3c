/**
 * One template per unit, fast: the workbooks of a cluster differ only by the unit's name (the unit
 * cell and the hidden sheet's metadata), so the workbook is rendered once with a placeholder name and
 * each unit's copy is that package with the placeholder replaced in the shared strings and re-zipped,
 * and the metadata hash (which covers the unit, stamp.ts) replaced by the one computed for that unit.
 * The parts no unit changes (styles, the criteria sheet, most of the package) are deflated once and
 * every copy's zip carries those bytes as they are (fflate's ZipInputFile interface), so a copy costs
 * the deflate of the few parts that name the unit, not of the whole package.
 * Every copy is read back (the same reader `thidua check` uses) and must carry exactly its unit and
 * read clean; a copy that does not is rendered in full instead, and the caller is told how many were.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { type Deflater, FFLATE_DEFLATER, packPart, type StoredPart, zipStored } from '../zip-write';
import type { CompiledSet } from '../../core/compile';
import type { TemplateOptions, TemplatePlan } from '../../core/template/plan';
import { readTemplate } from '../../core/template/read';
import { metaDigest } from '../../core/template/stamp';
import { openWorkbook } from '../open';
import { writeTemplate } from './write';

/** Cannot occur in a unit name (private-use characters around a fixed word). */
const PLACEHOLDER = '\uE000THIDUA-UNIT\uE001';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface UnitTemplate {
  unit: string;
  bytes: Uint8Array;
  plan: TemplatePlan;
}

/** A part deflated once, added to every copy's zip as those bytes (method 8, its CRC and size given). */
type Deflated = Omit<StoredPart, 'name'>;

/** A zip of the package: the shared deflated parts as they are, the unit's own parts deflated now, in the package's order. */
function zipCopy(order: string[], shared: Map<string, Deflated>, own: Map<string, Uint8Array>, deflater: Deflater): Uint8Array {
  return zipStored(
    order.map((name) => {
      const d = shared.get(name);
      if (d) return { name, ...d };
      return { name, ...packPart(own.get(name)!, 6, deflater) };
    }),
  );
}

/** Read back: the unit is exactly the one asked for and nothing in the copy is an error. */
async function carriesUnit(bytes: Uint8Array, unit: string): Promise<boolean> {
  const { opened } = await openWorkbook(bytes, 'x.xlsx');
  if (!opened) return false;
  const r = readTemplate(opened.grids, {});
  return !!r.set && r.meta.unit === unit && !r.problems.some((p) => p.severity === 'error');
}

/**
 * Templates for `units` (in order), handed to `each` one at a time (so a caller can write each and
 * let it go). Returns how many had to be rendered in full. `deflater` compresses the copies' parts
 * (fflate's by default, browser-safe; the command line hands in Node's zlib).
 */
export async function writeUnitTemplates(
  set: CompiledSet,
  opts: Omit<TemplateOptions, 'unit' | 'prefill'>,
  units: string[],
  each: (t: UnitTemplate, index: number) => void | Promise<void>,
  deflater: Deflater = FFLATE_DEFLATER,
): Promise<{ rendered: number }> {
  const base = await writeTemplate(set, { ...opts, unit: PLACEHOLDER });
  const parts = unzipSync(base.bytes);
  const baseHash = base.plan.meta.metaHash;
  const marked = Object.keys(parts).filter((name) => {
    if (!name.endsWith('.xml')) return false;
    const xml = strFromU8(parts[name]);
    return xml.includes(PLACEHOLDER) || (!!baseHash && xml.includes(baseHash));
  });
  const texts = Object.fromEntries(marked.map((name) => [name, strFromU8(parts[name])]));
  const order = Object.keys(parts);
  const shared = new Map<string, Deflated>();
  for (const name of order)
    if (texts[name] === undefined) shared.set(name, packPart(parts[name], 6, deflater));
  let rendered = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const unitHash = metaDigest({ ...base.plan.meta, unit } as unknown as Record<string, unknown>);
    let bytes: Uint8Array | null = null;
    if (marked.length && unit.trim() === unit && unit !== '') {
      const own = new Map<string, Uint8Array>();
      const swap = (xml: string) => {
        const named = xml.split(PLACEHOLDER).join(xmlEscape(unit));
        return baseHash ? named.split(baseHash).join(unitHash) : named;
      };
      for (const name of marked) own.set(name, strToU8(swap(texts[name])));
      const copy = zipCopy(order, shared, own, deflater);
      if (await carriesUnit(copy, unit)) bytes = copy;
    }
    const plan = { ...base.plan, meta: { ...base.plan.meta, unit, metaHash: unitHash } };
    if (!bytes) {
      rendered++;
      const full = await writeTemplate(set, { ...opts, unit });
      await each({ unit, bytes: full.bytes, plan: full.plan }, i);
      continue;
    }
    await each({ unit, bytes, plan }, i);
  }
  return { rendered };
}
