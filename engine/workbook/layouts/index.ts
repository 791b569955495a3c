/**
 * Workbook layout registry: the one place layouts are plugged in. The scoring pipeline asks every
 * layout how sure it is and uses the most confident one.
 */
import type { LayoutInput, WorkbookLayout } from './types';

const registry: WorkbookLayout[] = [];

export function registerLayout(layout: WorkbookLayout): void {
  const i = registry.findIndex((l) => l.name === layout.name);
  if (i >= 0) registry[i] = layout;
  else registry.push(layout);
}

export function layouts(): readonly WorkbookLayout[] {
  return registry;
}

/** A layout that recognises its own marks answers CERTAIN; the others are then not asked. */
export const CERTAIN = 100;

export function pickLayout(input: LayoutInput): WorkbookLayout | null {
  let best: WorkbookLayout | null = null;
  let score = 0;
  for (const l of registry) {
    const s = l.detect(input);
    if (s > score) (best = l), (score = s);
    if (s >= CERTAIN) break; // guessing layouts scan every sheet; no need once one is sure
  }
  return best;
}

export type { WorkbookLayout, LayoutInput, LayoutReadResult, WorkbookFigure } from './types';
