/** Hostile criteria-set files: alias bombs, huge files, binary junk — refused cleanly, never a hang. */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadCriteriaText } from '../../engine/core';
import { thidua } from '../helpers/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-crit-'));

describe('hostile criteria files', () => {
  test('a YAML alias bomb ("billion laughs") is refused, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${'abcdefghijkl'[i]}: &${'abcdefghijkl'[i]} [*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]},*${'abcdefghijkl'[i - 1]}]`);
    lines.push('id: bomb', 'title: bomb', 'sections: []');
    const started = Date.now();
    const r = loadCriteriaText(lines.join('\n'), 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.set).toBeNull();
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0].file).toBe('bomb.yaml');
  });

  test('a huge criteria file is refused before parsing (exit 2)', () => {
    const f = path.join(dir, 'huge.yaml');
    writeFileSync(f, `# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    const r = thidua(['lint', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/file_too_large/);
  });

  test('binary junk named .json is a syntax error, not a crash', () => {
    const r = loadCriteriaText(String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 256)), 'junk.json');
    expect(r.set).toBeNull();
    expect(r.problems[0].code).toMatch(/syntax_error|schema_error/);
  });

  test('a hostile formula inside a criteria file is refused at load with its line', () => {
    const text = [
      'id: x', 'title: x', 'indicators:', '  - { id: a, text: a }', 'sections:', '  - id: A', '    text: A', '    max: 5', '    children:',
      '      - id: A.1', '        text: f', '        max: 5', '        kind: formula', '        formula: a.constructor.constructor("return process")()',
    ].join('\n');
    const r = loadCriteriaText(text, 'x.yaml');
    expect(r.set).toBeNull();
    expect(r.problems[0]).toMatchObject({ code: 'formula_forbidden', criterion: 'A.1', line: 10 });
  });
});
