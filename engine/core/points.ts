/**
 * Exact score arithmetic. Scores are carried as integer milli-points so that sums of 0.25/0.5/0.1 steps
 * never drift (no 89.49999); they become numbers only at the edges.
 */
export type Milli = number;

export const SCALE = 1000;

export function toMilli(x: number): Milli {
  return Math.round(x * SCALE);
}

export function fromMilli(m: Milli): number {
  return m / SCALE;
}

/** Round a number to 3 decimals the same way everywhere (used for display and JSON). */
export function exact(x: number): number {
  return fromMilli(toMilli(x));
}

/** True when x lies on the grid of `step` (a multiple of it), within the milli-point resolution. */
export function onStep(x: number, step: number): boolean {
  if (!(step > 0)) return true;
  const m = toMilli(x);
  const s = toMilli(step);
  return s === 0 || m % s === 0;
}

/** Largest multiple of step that is <= x (formula results are rounded down to the grid). */
export function floorToStep(x: number, step: number): number {
  if (!(step > 0)) return exact(x);
  const q = Math.floor(x / step + 1e-9);
  return fromMilli(q * toMilli(step));
}

/** Format for people: decimal comma in Vietnamese, no trailing zeros. */
export function formatPoints(x: number | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  const s = String(exact(x));
  return lang === 'vi' ? s.replace('.', ',') : s;
}
