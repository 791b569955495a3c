/**
 * The scoring microkernel's public API. Pipeline: load criteria set -> compile -> evaluate a submission
 * -> aggregate -> validate -> reconcile -> rank. Pure TypeScript: no Office.js, no Node-only modules,
 * so the add-in bundles it as is.
 */
export * from './model';
export * from './points';
export * from './problems';
export * from './i18n';
export * from './compile';
export * from './evaluate';
export * from './lint';
export * from './load';
export * from './hash';
export * from './values';
export { criteriaSetSchema } from './schema';
export { sandbox, createSandbox, FormulaError, LIMITS as FORMULA_LIMITS } from './sandbox';
export { registerKind, getKind, kindNames, DEFAULT_KIND } from './kinds';
export type { CriterionKind, EntrySpec, CellValue, KindCompiled } from './kinds/types';
export { registerTieBreaker, getTieBreaker, tieBreakerNames, DEFAULT_TIE_BREAKERS } from './rank/tiebreakers';
export { registerAwardRule, getAwardRule, awardRuleNames, DEFAULT_AWARD_RULE } from './rank/awards';
export type { RankEntry, TieBreaker, AwardRule } from './rank/types';
export * from './grid';
export * from './report';
export { criteriaFromGrids } from './criteria-sheet';
export * from './rank/ranking';
export * from './template/plan';
export * from './familiar';
