/**
 * `npm run bench -- addin`: the task pane's start-up, from navigation to its tabs on screen, in headless
 * Chromium with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate, a stand-in for an inspector's
 * laptop), against the simulated Excel host. Measures the production build in dist/ (`npm run build`
 * first); the same pages unthrottled give the ratio. Median of 5 loads each, and the scripts' sizes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { buildSim, serve, SIM_OUT } from '../test/browser/build';

const ROOT = path.resolve(__dirname, '..');
/** THIDUA_ADDIN_DIST=<folder> measures another build (e.g. an older commit's dist/) for a before/after. */
const DIST = process.env.THIDUA_ADDIN_DIST ? path.resolve(process.env.THIDUA_ADDIN_DIST) : path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchAddinStartup(runs = 5): Promise<string[]> {
  if (!existsSync(path.join(DIST, 'taskpane.js'))) return ['(skipped: no dist/, run `npm run build` first)'];
  if (!existsSync(CHROMIUM)) return [`(skipped: no Chromium at ${CHROMIUM})`];
  await buildSim();
  const simJs = readFileSync(path.join(SIM_OUT, 'office-sim.js'), 'utf8');
  const { server, url } = await serve(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  /** Navigation to the tabs on screen, and to the pane started (its panels filled: aria-busy="false"). */
  const once = async (rate: number): Promise<{ tabs: number; ready: number }> => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(url)) return route.continue();
      if (u.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: simJs });
      return route.abort('blockedbyclient');
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${url}/taskpane.html`);
    await page.locator('[role=tab]').first().waitFor({ timeout: 120_000 });
    const tabs = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => document.querySelector('#app')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 120_000, polling: 50 });
    const ready = await page.evaluate(() => performance.now());
    await context.close();
    return { tabs, ready };
  };
  const out: string[] = [];
  try {
    await once(1); // warm the server and the disk cache
    const fastRuns: Array<{ tabs: number; ready: number }> = [];
    const slowRuns: Array<{ tabs: number; ready: number }> = [];
    for (let i = 0; i < runs; i++) {
      fastRuns.push(await once(1));
      slowRuns.push(await once(4));
    }
    const fast = fastRuns.map((r) => r.tabs);
    const slow = slowRuns.map((r) => r.tabs);
    const slowReady = slowRuns.map((r) => r.ready);
    const kb = (f: string) => (existsSync(path.join(DIST, f)) ? Math.round(statSync(path.join(DIST, f)).size / 1024) : 0);
    const maps = readdirSync(DIST).filter((f) => f.endsWith('.map')).length;
    out.push(`build: ${path.relative(ROOT, DIST) || DIST}`);
    const all = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    out.push(`taskpane.js ${kb('taskpane.js')} KiB (all scripts ${all.reduce((n, f) => n + kb(f), 0)} KiB), boot.js ${kb('boot.js')} KiB (polyfills.js ${kb('polyfills.js')} KiB only where built-ins are missing), source maps in dist/: ${maps}`);
    out.push(`tabs on screen, CPU 4x slower: median ${Math.round(median(slow))} ms (${slow.map(Math.round).join(', ')})`);
    out.push(`pane started (panels filled), CPU 4x slower: median ${Math.round(median(slowReady))} ms (${slowReady.map(Math.round).join(', ')})`);
    out.push(`tabs on screen, unthrottled:    median ${Math.round(median(fast))} ms (${fast.map(Math.round).join(', ')}); ratio ${(median(slow) / median(fast)).toFixed(1)}x`);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return out;
}
