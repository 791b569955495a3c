/**
 * Start-up stays lean: loading the compiled command line (what `thidua --help` does) must not load the
 * heavy libraries, which only the commands that need them require. The figures are in `npm run bench --
 * startup`; this guards the cause, a static import of a heavy module slipping back in.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const HEAVY = ['exceljs', 'mathjs', 'ajv', 'yaml', 'docx', '@e965/xlsx'];

test('loading the CLI and printing its help loads none of the heavy libraries', () => {
  const probe = `
    const M = require('module'); const seen = new Set(); const load = M._load;
    M._load = function (req, parent, ...rest) { const top = req.startsWith('@') ? req.split('/').slice(0, 2).join('/') : req.split('/')[0]; seen.add(top); return load.call(this, req, parent, ...rest); };
    const cli = require(${JSON.stringify(path.join(ROOT, 'lib/cli/main.js'))});
    process.stdout.write = () => true;
    cli.main(['--help']).then(() => { process.stderr.write(JSON.stringify([...seen])); });`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status).toBe(0);
  const loaded: string[] = JSON.parse(r.stderr);
  expect(loaded).toContain('commander');
  expect(loaded.filter((m) => HEAVY.includes(m))).toEqual([]);
});
