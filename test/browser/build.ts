/**
 * Builds the task pane (the project's webpack.config.js, development mode without source maps for speed)
 * and the simulated Excel host into one folder, and serves that folder over http on localhost.
 */
import { createReadStream, existsSync, statSync } from 'fs';
import { createServer, Server } from 'http';
import * as path from 'path';
import webpack from 'webpack';

export const ROOT = path.resolve(__dirname, '../..');
export const OUT = path.join(ROOT, 'test/.tmp/browser-dist');
/** The simulated host is built beside, not inside, the pane's folder (the pane build cleans its folder). */
export const SIM_OUT = path.join(ROOT, 'test/.tmp/browser-sim');

export async function buildPane(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
  const pane = await makeConfig({}, { mode: 'development' });
  pane.devtool = false;
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
