import type { MessageDef } from '../messages';

/** Identity helper that keeps the literal keys of a catalog while checking its shape. */
export function defineMessages<T extends Record<string, MessageDef>>(m: T): T {
  return m;
}
