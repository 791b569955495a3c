/**
 * The published JSON Schema of a criteria set. Kind-specific properties come from the registered kinds,
 * so a new kind extends the schema without touching this file. `npm run schema` writes it to
 * templates/criteria-set.schema.json (a test keeps the file in sync).
 */
import { getKind, kindNames } from './kinds';

export function criteriaSetSchema(): Record<string, unknown> {
  const kindProps: Record<string, unknown> = {};
  for (const name of kindNames()) Object.assign(kindProps, getKind(name)!.schema);
  const num = { type: 'number' };
  const node = {
    type: 'object',
    required: ['id', 'text'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.\\-]+$', description: 'Mã ổn định của tiêu chí' },
      number: { type: 'string', maxLength: 32, description: 'Số thứ tự như in trong bảng (I, 1, 2.1, a)' },
      text: { type: 'string', minLength: 1, maxLength: 2000, description: 'Nội dung tiêu chí' },
      max: { type: 'number', minimum: 0, maximum: 10000, description: 'Điểm chuẩn' },
      kind: { type: 'string', description: `Loại tiêu chí: ${kindNames().join(', ')}` },
      step: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Bước điểm (ví dụ 0.25, 0.5)' },
      evidence: { type: 'boolean', description: 'Bắt buộc có minh chứng' },
      guidance: { type: 'string', maxLength: 4000, description: 'Hướng dẫn chấm' },
      role: { enum: ['base', 'bonus', 'deduction'], description: 'Chỉ ở cấp phần: base (tính điểm), bonus (điểm thưởng), deduction (điểm trừ)' },
      cap: { type: 'number', minimum: 0, description: 'Chỉ ở cấp phần: phần điểm thưởng cộng tối đa chừng này, phần điểm trừ trừ tối đa chừng này' },
      children: { type: 'array', items: { $ref: '#/$defs/node' }, maxItems: 1000 },
      ...kindProps,
    },
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://thidua.example/criteria-set.schema.json',
    title: 'Bảng tiêu chí chấm điểm thi đua (thidua criteria set)',
    type: 'object',
    required: ['id', 'title', 'sections'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      id: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.\\-]+$' },
      title: { type: 'string', minLength: 1 },
      cluster: { type: 'string' },
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      step: { type: 'number', exclusiveMinimum: 0 },
      evidence: { type: 'boolean' },
      notes: { type: 'string' },
      familiarLayout: {
        type: 'object',
        additionalProperties: false,
        description: 'Cách đọc bảng điểm quen thuộc khi nhập (thidua import) / how the familiar table was read',
        properties: {
          sheet: { type: 'string', maxLength: 200 },
          headerRow: { type: 'integer', minimum: 1, maximum: 100000 },
          columns: { type: 'object', additionalProperties: { type: 'string', pattern: '^[A-Z]{1,3}$' } },
          found: { type: 'object', additionalProperties: { enum: ['label', 'content', 'given'] } },
          warnings: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'object',
              required: ['code', 'vi', 'en'],
              additionalProperties: false,
              properties: { code: { type: 'string' }, sheet: { type: 'string' }, cell: { type: 'string' }, vi: { type: 'string' }, en: { type: 'string' } },
            },
          },
        },
      },
      indicators: {
        type: 'array',
        maxItems: 500,
        items: {
          type: 'object',
          required: ['id', 'text'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 64 },
            text: { type: 'string' },
            unit: { type: 'string' },
            expr: { type: 'string', maxLength: 1000 },
            min: num,
            max: num,
            integer: { type: 'boolean' },
          },
        },
      },
      sections: { type: 'array', minItems: 1, maxItems: 100, items: { $ref: '#/$defs/node' } },
      policy: {
        type: 'object',
        additionalProperties: false,
        properties: {
          finalScore: { enum: ['inspected-else-self', 'inspected', 'self'] },
          tolerance: { type: 'number', minimum: 0 },
          totalMoveThreshold: { type: 'number', minimum: 0 },
          classification: {
            type: 'array',
            items: {
              type: 'object',
              required: ['label', 'min'],
              additionalProperties: false,
              properties: { label: { type: 'string' }, labelEn: { type: 'string' }, min: num },
            },
          },
          tieBreakers: { type: 'array', items: { type: 'string' } },
          awards: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'label', 'quota', 'minTotal'],
              additionalProperties: false,
              properties: {
                id: { type: 'string' },
                label: { type: 'string' },
                labelEn: { type: 'string' },
                quota: { type: 'integer', minimum: 0 },
                minTotal: num,
                rule: { type: 'string' },
                maxRank: { type: 'integer', minimum: 1 },
                exclusive: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
    $defs: { node },
  };
}
