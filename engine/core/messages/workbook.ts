import { defineMessages } from './define';

/** Problems of a generated template read back: structure, tampering, workbook formulas. */
export const WORKBOOK_MESSAGES = defineMessages({
  formula_disagrees: {
    severity: 'warning',
    vi: 'Công thức trong tệp cho {workbook}, tính lại được {engine}',
    en: 'The workbook formula gives {workbook}, recomputed {engine}',
  },
});
