/**
 * `npm run bench`: the figures of the quality bars, each under the command that produces it. The
 * machine is shared and noisy: read ratios, and the machine line, not absolute numbers alone.
 */
import { cpus, loadavg, totalmem } from 'os';
import { benchCore } from './core';
import { benchStartup } from './startup';

async function main() {
  const only = process.argv[2];
  console.log(`# npm run bench${only ? ` -- ${only}` : ''}`);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
  if (!only || only === 'core') {
    console.log('\n## engine (npm run bench -- core)');
    for (const l of await benchCore()) console.log(l);
  }
  if (!only || only === 'startup') {
    console.log('\n## command-line start-up (npm run bench -- startup)');
    for (const l of await benchStartup()) console.log(l);
  }
  if (!only || only === 'rank') {
    console.log('\n## rank end to end (npm run bench -- rank)');
    for (const l of await (await import('./rank')).benchRank()) console.log(l);
  }
  if (only === 'instructions') {
    console.log('\n## instructions a file, under valgrind (npm run bench -- instructions)');
    for (const l of await (await import('./instructions')).benchInstructions()) console.log(l);
  }
  if (!only || only === 'addin') {
    console.log('\n## add-in start-up in headless Chromium, CPU 4x slower (npm run bench -- addin)');
    for (const l of await (await import('./addin-startup')).benchAddinStartup()) console.log(l);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
