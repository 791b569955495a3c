/** Timing helpers for the bench: medians of many runs, printed in milliseconds. */
import { performance } from 'perf_hooks';

export function median(runs: number, fn: () => unknown): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

export function ms(x: number): string {
  return `${x < 1 ? x.toFixed(3) : x.toFixed(1)} ms`;
}
