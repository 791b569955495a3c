/**
 * The criteria-set schema is checked by a validator generated ahead of time with ajv's standalone code
 * (engine/core/schema-validator.generated.ts, written by `npm run schema`), not compiled on every run.
 * It stays in sync with the schema (regenerating it gives the committed file) and judges documents as
 * ajv compiling the schema at run time does: the same verdict and the same errors on the bundled sets
 * and on hundreds of broken ones. A kind registered at run time changes the schema: then ajv compiles it.
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { criteriaSetSchema } from '../../engine/core';
import { SCHEMA_AJV_OPTIONS } from '../../engine/core/load';
import * as generated from '../../engine/core/schema-validator.generated';
import { GENERATED_VALIDATOR, schemaValidatorSource } from '../../scripts/schema-validator';
import { bigSet, rng } from '../helpers/big-set';
import { DEFAULT_SET_FILE, miniDef, ROOT } from '../helpers/sets';

const runtime = new Ajv2020(SCHEMA_AJV_OPTIONS).compile(criteriaSetSchema());
type Check = { (doc: unknown): boolean; errors?: unknown };
const verdict = (v: Check, doc: unknown) => ({ valid: v(doc), errors: v.errors ?? null });

/** A broken copy of a valid document: one random edit at a random place. */
function mutate(doc: unknown, r: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(doc));
  const holders: Record<string, unknown>[] = [];
  (function walk(v: unknown) {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      holders.push(v as Record<string, unknown>);
      Object.values(v).forEach(walk);
    }
  })(copy);
  const o = holders[Math.floor(r() * holders.length)];
  const keys = Object.keys(o);
  const k = keys[Math.floor(r() * keys.length)];
  const VALUES = [null, -1, 0, 1.5, 1e9, '', 'x', 'bad id!', 'y'.repeat(5000), true, [], {}, [1], { a: 1 }];
  switch (Math.floor(r() * 4)) {
    case 0:
      delete o[k];
      break;
    case 1:
      o[`unknown_${Math.floor(r() * 9)}`] = 1;
      break;
    default:
      o[k] = VALUES[Math.floor(r() * VALUES.length)];
  }
  return copy;
}

describe('the generated schema validator', () => {
  test('is in sync with the schema (npm run schema regenerates the same file)', () => {
    expect(readFileSync(path.join(ROOT, GENERATED_VALIDATOR), 'utf8')).toBe(schemaValidatorSource(criteriaSetSchema()));
  });

  test('judges the bundled and generated sets, and 600 broken copies, as runtime-compiled ajv does', () => {
    const valid = [parseYaml(readFileSync(DEFAULT_SET_FILE, 'utf8')), miniDef(), bigSet({ seed: 3, sections: 3, groups: 2, leaves: 9 })];
    for (const doc of valid) expect(verdict(generated.validate, doc)).toEqual({ valid: true, errors: null });
    const r = rng(13);
    let rejected = 0;
    const differ: unknown[] = [];
    for (let i = 0; i < 600; i++) {
      const doc = mutate(valid[i % valid.length], r);
      const want = JSON.stringify(verdict(runtime, doc));
      const got = JSON.stringify(verdict(generated.validate, doc));
      if (got !== want) differ.push({ doc, got, want });
      if (!runtime(doc)) rejected++;
    }
    expect(differ).toEqual([]);
    expect(rejected).toBeGreaterThan(300);
    for (const doc of [null, 1, 'x', [], {}, { id: 'a', title: 't', sections: [] }])
      expect(verdict(generated.validate, doc)).toEqual(verdict(runtime, doc));
  });

  test('is what loading uses; a kind registered at run time makes ajv compile the extended schema', () => {
    const withProbe = miniDef((d) => {
      d.sections[0].max = 21;
      d.sections[0].children!.push({ id: 'A.5', text: 'probe', max: 1, kind: 'i13probe', probeNote: 'n' } as never);
    });
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const core = require('../../engine/core') as typeof import('../../engine/core');
      const schemaErrors = core.loadCriteriaDef(withProbe, { cache: false }).problems.filter((p) => p.code === 'schema_error');
      expect(schemaErrors.map((p) => p.messages.en).join('\n')).toMatch(/unknown property "probeNote"/);
    });
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const core = require('../../engine/core') as typeof import('../../engine/core');
      const manual = core.getKind('manual')!;
      core.registerKind({ ...manual, name: 'i13probe', schema: { probeNote: { type: 'string' } } });
      const loaded = core.loadCriteriaDef(withProbe, { cache: false });
      expect(loaded.problems.filter((p) => p.code === 'schema_error')).toEqual([]);
      expect(loaded.problems).toEqual([]);
      expect(loaded.set).not.toBeNull();
    });
  });
});
