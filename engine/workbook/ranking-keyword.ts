/**
 * Written in the ranking workbook's keywords so that a later run recognises its own output in an input
 * folder. Apart from the writer so that recognising a file does not load exceljs.
 */
export const RANKING_WORKBOOK_KEYWORD = 'thidua-ranking';
