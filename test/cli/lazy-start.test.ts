/**
 * Start-up stays lean: loading the compiled command line (what `thidua --help` does) must not load the
 * heavy libraries, which only the commands that need them require; and `thidua check` of a template
 * loads only the light parts of them (the bundled mathjs parser, the generated schema validator, the
 * own xlsx reader). The figures are in `npm run bench -- startup`; this guards the causes, a static
 * import of a heavy module slipping back in.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { run } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
jest.setTimeout(60_000); // new processes on a shared machine

const HEAVY = ['exceljs', 'mathjs', 'ajv', 'yaml', 'docx', '@e965/xlsx'];

/** Every module request the compiled CLI makes while running argv, in a new process. */
function requestsOf(argv: string[]): string[] {
  const probe = `
    const M = require('module'); const seen = new Set(); const load = M._load;
    M._load = function (req, parent, ...rest) { seen.add(req); return load.call(this, req, parent, ...rest); };
    const cli = require(${JSON.stringify(path.join(ROOT, 'lib/cli/main.js'))});
    process.stdout.write = () => true;
    cli.main(${JSON.stringify(argv)}).then(() => { process.stderr.write(JSON.stringify([...seen])); });`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status).toBe(0);
  return JSON.parse(r.stderr);
}
const packageOf = (req: string) => (req.startsWith('@') ? req.split('/').slice(0, 2).join('/') : req.split('/')[0]);

test('loading the CLI and printing its help loads none of the heavy libraries', () => {
  const loaded = requestsOf(['--help']).map(packageOf);
  expect(loaded).toContain('commander');
  expect(loaded.filter((m) => HEAVY.includes(m))).toEqual([]);
});

test('check of a template loads its own command, the bundled mathjs parser and the generated validator, not mathjs, ajv or exceljs', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-lazy-'));
  try {
    const template = path.join(dir, 'mau.xlsx');
    expect((await run(['template', path.join(ROOT, 'templates/cum-thi-dua-2024.criteria.yaml'), '-o', template])).code).toBe(0);
    const requests = requestsOf(['check', template]);
    // The formulas were parsed and the schema checked: through the light modules.
    expect(requests).toEqual(expect.arrayContaining(['./mathjs-parser', './schema-validator.generated']));
    const heavy = requests.filter((r) => ['mathjs', 'exceljs', '@e965/xlsx', 'docx'].includes(packageOf(r)) || (packageOf(r) === 'ajv' && !r.startsWith('ajv/dist/runtime/')));
    expect(heavy).toEqual([]);
    // Only the check command's module is loaded: not rank's worker pool, nor demo's data.
    expect(requests).toContain('./check');
    expect(requests.filter((r) => ['../rank-pool', '../demo-data', './demo'].includes(r))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
