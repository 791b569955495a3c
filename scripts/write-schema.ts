/** Writes the published JSON Schema of criteria sets (npm run schema). */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { criteriaSetSchema } from '../engine/core';

const out = path.resolve(__dirname, '../templates/criteria-set.schema.json');
writeFileSync(out, `${JSON.stringify(criteriaSetSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
