/** Workbook edge of the engine (exceljs): opening, layouts, scoring files, writing workbooks. */
export * from './open';
export * from './score';
export * from './layouts';
export * from './template/write';
