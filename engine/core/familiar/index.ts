/**
 * The cluster's familiar scoring table: locating it on a sheet, reading its outline, importing it as a
 * criteria set. Pure (works on Grids), so the add-in imports the active sheet through Office.js too.
 */
export { importFamiliar, locateOutline, parseClassification, classifyTotals } from './import';
export type { ImportOptions, ImportResult } from './import';
export { readOutline, numberingOf, numberingInText, sectionRole } from './outline';
export type { Outline, OutlineNode, TotalRow } from './outline';
export { findTable, findTableOnSheet, labelRoles } from './table';
export type { TableLocation, TableColumns } from './table';
export { SheetFormulas } from './formula';
export { parsePoints, textKey, masterCell } from './text';
export * as familiarVocabulary from './vocabulary';
