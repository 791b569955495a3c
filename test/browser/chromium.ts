/**
 * The headless Chromium every browser suite (and `npm run bench -- addin`) drives: where it is, the
 * describe that skips without it (a failure under CI, where a missing tool is never a skip), and the
 * launch flags that keep it off the network and quiet.
 */
import { existsSync } from 'fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

/** `describe` when Chromium is there; otherwise a loud skip, or an error under CI. */
export function browserDescribe(): jest.Describe {
  if (!haveChromium) {
    const msg = `\n\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH) ***\n\n`;
    if (process.env.CI) throw new Error(msg);
    console.warn(msg);
  }
  return haveChromium ? describe : describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
