/**
 * The criterion-kind registry: the one place kinds are plugged in. The kernel looks kinds up here by
 * name and never branches on a kind; adding a kind means writing its file and adding it to this list.
 */
import type { SectionRole } from '../model';
import { createRegistry } from '../registry';
import { bonus } from './bonus';
import { checklist } from './checklist';
import { deduction } from './deduction';
import { formula } from './formula';
import { manual } from './manual';
import { tiers } from './tiers';
import type { CriterionKind } from './types';

const kinds = createRegistry<CriterionKind>([manual, formula, checklist, tiers, bonus, deduction]);

export const registerKind = kinds.register;
export const getKind = kinds.get;
export const kindNames = kinds.names;

/** The kind a leaf gets when it names none, by the role of its section. */
export const DEFAULT_KIND: Record<SectionRole, string> = { base: 'manual', bonus: 'bonus', deduction: 'deduction' };

export type { CriterionKind } from './types';
