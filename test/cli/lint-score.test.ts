import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { run, thidua } from '../helpers/cli';
import { DEFAULT_SET_FILE, defaultSet, miniDef } from '../helpers/sets';

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-cli-'));
const write = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('thidua lint', () => {
  test('the default set exits 0', async () => {
    const r = await run(['lint', DEFAULT_SET_FILE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('22 tiêu chí');
  });

  test('an inconsistent set exits 1 naming the problem, in Vietnamese then English', async () => {
    const bad = write('bad.yaml', stringify(miniDef((d) => (d.sections[0].max = 21))));
    const vi = await run(['lint', bad]);
    expect(vi.code).toBe(1);
    expect(vi.stdout).toMatch(/max_mismatch/);
    expect(vi.stdout).toMatch(/Tổng điểm chuẩn các mục con là 20, nhưng A ghi 21/);
    expect(vi.stdout).toMatch(/dòng \d+/);
    const en = await run(['lint', bad, '--lang', 'en']);
    expect(en.stdout).toMatch(/Children of A add up to 20 but A says 21/);
  });

  test('--json prints one JSON document and nothing else on stdout', async () => {
    const r = await run(['lint', DEFAULT_SET_FILE, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, leaves: 22, maxBase: 100, maxBonus: 5 });
  });

  test('usage errors and unreadable files exit 2 without a stack trace', () => {
    const missing = thidua(['lint', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/file_unreadable/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(thidua(['frobnicate']).code).toBe(2);
    expect(thidua(['lint']).code).toBe(2);
  });
});

describe('thidua score on JSON submissions', () => {
  const set = defaultSet();
  const self: Record<string, unknown> = {};
  for (const e of set.entries) self[e.key] = e.type === 'flag' ? 'x' : e.indicator ? 10 : (e.max ?? 0);
  Object.assign(self, { 'VI.1': 1, 'VI.2': 0, 'VI.3': 0 });

  test('the contract shape, totals and exit 0', async () => {
    const sub = write('bg.json', JSON.stringify({ unit: 'Trường Chính trị tỉnh Bắc Giang', self, inspected: { ...self, 'I.1': 3.5 } }));
    const r = await run(['score', sub, '--criteria', DEFAULT_SET_FILE, '--json']);
    expect(r.code).toBe(0);
    const [doc] = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      file: sub,
      unit: 'Trường Chính trị tỉnh Bắc Giang',
      criteriaSet: { id: 'cum-trung-du-2024', hash: set.hash },
      self: { total: 101, base: 100, bonus: 1, penalty: 0 },
      inspected: { total: 100.5, base: 99.5 },
      final: { total: 100.5, source: 'inspected' },
    });
    expect(doc.self.sections[0]).toEqual({ id: 'I', score: 10, max: 10 });
    expect(doc.problems).toEqual([]);
  });

  test('bad entries exit 1 with codes; --lang en changes the message', async () => {
    const sub = write('bad.json', JSON.stringify({ unit: 'X', self: { ...self, 'I.1': 'tám', 'I.2': 9 } }));
    const r = await run(['score', sub, '--criteria', DEFAULT_SET_FILE, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const [doc] = JSON.parse(r.stdout);
    expect(doc.problems.map((p: { code: string }) => p.code).sort()).toEqual(['above_max', 'non_numeric']);
    expect(doc.problems.find((p: { code: string }) => p.code === 'non_numeric').message).toBe('Value "tám" is not a number');
  });

  test('human output is Vietnamese with decimal commas', async () => {
    const sub = write('h.json', JSON.stringify({ unit: 'Y', self: { ...self, 'I.1': 3.5 } }));
    const r = await run(['score', sub, '--criteria', DEFAULT_SET_FILE]);
    expect(r.stdout).toContain('Tự chấm: 100,5');
  });

  test('a JSON submission without --criteria is an error', async () => {
    const sub = write('nocrit.json', JSON.stringify({ unit: 'Z', self }));
    const r = await run(['score', sub, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].problems[0].code).toBe('criteria_required');
  });
});
