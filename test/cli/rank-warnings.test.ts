/** `rank` lists the warnings it counts: the first ones, all of them with --verbose (in process). */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { WARNINGS_SHOWN } from '../../engine/cli/commands/rank';
import { run } from '../helpers/cli';
import { DEFAULT_SET_FILE, defaultSet } from '../helpers/sets';

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-rankw-'));
const set = defaultSet();
const self: Record<string, unknown> = {};
for (const e of set.entries) self[e.key] = e.type === 'flag' ? 'x' : e.indicator ? 10 : (e.max ?? 0);
Object.assign(self, { 'VI.1': 1, 'VI.2': 0, 'VI.3': 0 });
// 15 keys the criteria set does not know: one unknown_entry warning each.
const unknown = Array.from({ length: 15 }, (_, i) => `Z.${i + 1}`);
const files = ['A', 'B'].map((u) => {
  const p = path.join(dir, `${u}.json`);
  const extra = u === 'A' ? Object.fromEntries(unknown.map((k) => [k, 1])) : {};
  writeFileSync(p, JSON.stringify({ unit: `Trường ${u}`, self: { ...self, ...extra } }));
  return p;
});

test('the first warnings are listed under the count; --verbose lists them all', async () => {
  const json = await run(['rank', ...files, '--criteria', DEFAULT_SET_FILE, '--json']);
  const warnings = JSON.parse(json.stdout).problems.filter((p: { severity: string }) => p.severity === 'warning');
  expect(warnings.length).toBeGreaterThan(WARNINGS_SHOWN);
  expect(warnings.filter((p: { code: string }) => p.code === 'unknown_entry').length).toBe(15);
  const n = warnings.length;

  const r = await run(['rank', ...files, '--criteria', DEFAULT_SET_FILE]);
  expect(r.code).toBe(0);
  const listed = r.stdout.split('\n').filter((l) => /^\s+CẢNH BÁO[ :]/.test(l));
  expect(listed.length).toBe(WARNINGS_SHOWN);
  expect(listed[0]).toMatch(/A\.json.*Mục "Z\.1" không có trong bảng tiêu chí, đã bỏ qua \(unknown_entry\)/);
  expect(r.stdout).toContain(`... và ${n - WARNINGS_SHOWN} cảnh báo nữa (--verbose để xem tất cả)`);
  expect(r.stdout).toContain(`${n} cảnh báo`);

  const all = await run(['rank', ...files, '--criteria', DEFAULT_SET_FILE, '--verbose', '--lang', 'en']);
  const listedAll = all.stdout.split('\n').filter((l) => /^\s+WARNING[ :]/.test(l));
  expect(listedAll.length).toBe(n);
  for (const k of unknown) expect(all.stdout).toContain(`Entry "${k}" is not in the criteria set and was ignored`);
  expect(all.stdout).not.toContain('--verbose shows them all');
});
