/**
 * Writes the published JSON Schema of criteria sets and the validator generated from it
 * (npm run schema). Tests keep both in sync with the registered kinds.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { criteriaSetSchema } from '../engine/core';
import { GENERATED_VALIDATOR, schemaValidatorSource } from './schema-validator';

const ROOT = path.resolve(__dirname, '..');
const out = path.join(ROOT, 'templates/criteria-set.schema.json');
writeFileSync(out, `${JSON.stringify(criteriaSetSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
const validator = path.join(ROOT, GENERATED_VALIDATOR);
writeFileSync(validator, schemaValidatorSource(criteriaSetSchema()));
console.log(`wrote ${validator}`);
