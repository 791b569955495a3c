/**
 * Builds the task pane once per test run, as it ships (the project's webpack.config.js in production
 * mode), with the simulated Excel host beside it, and serves that folder over http on localhost. Every
 * browser suite tests the same build: the bundle checks read its files, the pane tests load it. Jest runs
 * suites in parallel workers, so the build is guarded by a lock folder that names the run (set by the
 * global setup): the first suite builds, the others wait for its "done" marker.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { createServer, Server } from 'http';
import * as path from 'path';
import webpack from 'webpack';

export const ROOT = path.resolve(__dirname, '../..');
export const OUT = path.join(ROOT, 'test/.tmp/browser-dist');
/** The simulated host is built beside, not inside, the pane's folder (the pane build cleans its folder). */
export const SIM_OUT = path.join(ROOT, 'test/.tmp/browser-sim');
const DONE = path.join(ROOT, 'test/.tmp/browser-build.done');
const LOCK = path.join(ROOT, 'test/.tmp/browser-build.lock');

const readOr = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let built: Promise<void> | undefined;

/** The production pane and the simulated host, built once for this test run (other suites reuse them). */
export function buildPane(): Promise<void> {
  return (built ??= buildOnce());
}

async function buildOnce(): Promise<void> {
  const run = process.env.THIDUA_TEST_RUN ?? `solo-${process.pid}`;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (const until = Date.now() + 900_000; Date.now() < until; ) {
    if (readOr(DONE) === run) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another suite of this run is building: wait for its marker. A lock left by an earlier, killed run is taken over.
      const owner = readOr(path.join(LOCK, 'run'));
      if (owner !== undefined && owner !== run) rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      writeFileSync(path.join(LOCK, 'run'), run);
      rmSync(DONE, { force: true });
      await buildBoth();
      writeFileSync(DONE, run);
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  throw new Error('the task pane build of another test suite did not finish in 15 minutes');
}

async function buildBoth(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
  const pane = await makeConfig({}, { mode: 'production' });
  pane.output = { ...pane.output, path: OUT };
  pane.infrastructureLogging = { level: 'error' };
  const sim = simConfig();
  await new Promise<void>((resolve, reject) =>
    webpack([pane, sim], (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** The simulated host alone (bench/addin-startup.ts serves it beside a production dist/). */
export async function buildSim(): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    webpack(simConfig(), (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

function simConfig(): webpack.Configuration {
  return {
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: { 'office-sim': './test/browser/sim/office-sim.ts' },
    output: { path: SIM_OUT, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020' } } } }] },
    infrastructureLogging: { level: 'error' },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(dir, rel || 'taskpane.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}
