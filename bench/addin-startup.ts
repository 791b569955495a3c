/**
 * `npm run bench -- addin`: the task pane's start-up, from navigation to its tabs on screen, in headless
 * Chromium with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate, a stand-in for an inspector's
 * laptop), against the simulated Excel host. Measures the production build in dist/ (`npm run build`
 * first); the same pages unthrottled give the ratio. Median of 5 loads each, and the scripts' sizes.
 * "Tabs on screen" is the first frame after the tabs entered the page, timed in the page itself. Also
 * the time until the pane has started (panels filled). THIDUA_ADDIN_BEFORE=<folder> measures an
 * older build in the same run, its loads interleaved with this one's, and prints the ratio.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { buildSim, serve, SIM_OUT } from '../test/browser/build';
import { CHROMIUM, haveChromium, launchChromium } from '../test/browser/chromium';

const ROOT = path.resolve(__dirname, '..');
/** THIDUA_ADDIN_DIST=<folder> measures another build (e.g. an older commit's dist/) for a before/after. */
const DIST = process.env.THIDUA_ADDIN_DIST ? path.resolve(process.env.THIDUA_ADDIN_DIST) : path.join(ROOT, 'dist');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** THIDUA_ADDIN_BEFORE=<folder>: a second build measured in the same run, loads interleaved, for a ratio. */
const BEFORE = process.env.THIDUA_ADDIN_BEFORE ? path.resolve(process.env.THIDUA_ADDIN_BEFORE) : undefined;

type Run = { tabs: number; ready: number };

export async function benchAddinStartup(runs = 5): Promise<string[]> {
  if (!existsSync(path.join(DIST, 'taskpane.js'))) return ['(skipped: no dist/, run `npm run build` first)'];
  if (!haveChromium) return [`(skipped: no Chromium at ${CHROMIUM})`];
  await buildSim();
  const simJs = readFileSync(path.join(SIM_OUT, 'office-sim.js'), 'utf8');
  const builds = [DIST, ...(BEFORE && existsSync(path.join(BEFORE, 'taskpane.js')) ? [BEFORE] : [])];
  const servers = await Promise.all(builds.map((d) => serve(d)));
  const browser = await launchChromium();
  /** Navigation to the tabs on screen, and to the pane started (its panels filled: aria-busy="false"). */
  const once = async (url: string, rate: number): Promise<Run> => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(url)) return route.continue();
      if (u.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: simJs });
      return route.abort('blockedbyclient');
    });
    // When the tabs enter the page, and the next frame (painted): measured in the page, so a main thread
    // busy with other scripts afterwards does not delay the reading.
    await page.addInitScript(() => {
      const w = window as unknown as { __tabsAt?: number; __tabsPainted?: number };
      new MutationObserver((_, obs) => {
        if (w.__tabsAt === undefined && document.querySelector('[role=tab]')) {
          w.__tabsAt = performance.now();
          requestAnimationFrame(() => (w.__tabsPainted = performance.now()));
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${url}/taskpane.html`);
    await page.locator('[role=tab]').first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __tabsPainted?: number }).__tabsPainted !== undefined, undefined, { timeout: 120_000 });
    const tabs = await page.evaluate(() => (window as unknown as { __tabsPainted: number }).__tabsPainted);
    await page.waitForFunction(() => document.querySelector('#app')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 120_000, polling: 50 });
    const ready = await page.evaluate(() => performance.now());
    await context.close();
    return { tabs, ready };
  };
  const out: string[] = [];
  const ms = (xs: number[]) => `median ${Math.round(median(xs))} ms (${xs.map(Math.round).join(', ')})`;
  try {
    for (const s of servers) await once(s.url, 1); // warm the servers and the disk cache
    const fast: Run[][] = builds.map(() => []);
    const slow: Run[][] = builds.map(() => []);
    for (let i = 0; i < runs; i++)
      for (let b = 0; b < builds.length; b++) {
        fast[b].push(await once(servers[b].url, 1));
        slow[b].push(await once(servers[b].url, 4));
      }
    builds.forEach((dir, b) => {
      const kb = (f: string) => (existsSync(path.join(dir, f)) ? Math.round(statSync(path.join(dir, f)).size / 1024) : 0);
      const maps = readdirSync(dir).filter((f) => f.endsWith('.map')).length;
      const all = readdirSync(dir).filter((f) => f.endsWith('.js'));
      out.push(`build: ${path.relative(ROOT, dir) || dir}${b ? ' (before)' : ''}`);
      out.push(`  taskpane.js ${kb('taskpane.js')} KiB (all scripts ${all.reduce((n, f) => n + kb(f), 0)} KiB), boot.js ${kb('boot.js')} KiB (polyfills.js ${kb('polyfills.js')} KiB only where built-ins are missing), source maps in dist/: ${maps}`);
      out.push(`  tabs on screen, CPU 4x slower: ${ms(slow[b].map((r) => r.tabs))}`);
      out.push(`  pane started (panels filled), CPU 4x slower: ${ms(slow[b].map((r) => r.ready))}`);
      out.push(`  tabs on screen, unthrottled: ${ms(fast[b].map((r) => r.tabs))}; ratio ${(median(slow[b].map((r) => r.tabs)) / median(fast[b].map((r) => r.tabs))).toFixed(1)}x`);
    });
    if (builds.length === 2) {
      const r = (k: keyof Run) => (median(slow[0].map((x) => x[k])) / median(slow[1].map((x) => x[k]))).toFixed(2);
      out.push(`this build / before, CPU 4x slower: tabs on screen ${r('tabs')}x, pane started ${r('ready')}x`);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.server.close(r))));
  }
  return out;
}
