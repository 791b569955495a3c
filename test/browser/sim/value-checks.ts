/**
 * Value checks of the simulated Excel host: what Excel refuses at sync with InvalidArgument when a
 * property gets a value of the wrong type, an enum string Excel does not know, or a grid of the wrong
 * shape. The enum tables are typed against @types/office-js (Record over each enum's string values), so
 * they hold exactly Excel's values: a missing or invented one fails `tsc`.
 */

const H_ALIGN: Record<`${Excel.HorizontalAlignment}`, true> = { General: true, Left: true, Center: true, Right: true, Fill: true, Justify: true, CenterAcrossSelection: true, Distributed: true };
const V_ALIGN: Record<`${Excel.VerticalAlignment}`, true> = { Top: true, Center: true, Bottom: true, Justify: true, Distributed: true };
const LINE_STYLE: Record<`${Excel.BorderLineStyle}`, true> = { None: true, Continuous: true, Dash: true, DashDot: true, DashDotDot: true, Dot: true, Double: true, SlantDashDot: true };
const BORDER_INDEX: Record<`${Excel.BorderIndex}`, true> = { EdgeTop: true, EdgeBottom: true, EdgeLeft: true, EdgeRight: true, InsideVertical: true, InsideHorizontal: true, DiagonalDown: true, DiagonalUp: true };
const ORIENTATION: Record<`${Excel.PageOrientation}`, true> = { Portrait: true, Landscape: true };
const PAPER: Record<`${Excel.PaperType}`, true> = { Letter: true, LetterSmall: true, Tabloid: true, Ledger: true, Legal: true, Statement: true, Executive: true, A3: true, A4: true, A4Small: true, A5: true, B4: true, B5: true, Folio: true, Quatro: true, Paper10x14: true, Paper11x17: true, Note: true, Envelope9: true, Envelope10: true, Envelope11: true, Envelope12: true, Envelope14: true, Csheet: true, Dsheet: true, Esheet: true, EnvelopeDL: true, EnvelopeC5: true, EnvelopeC3: true, EnvelopeC4: true, EnvelopeC6: true, EnvelopeC65: true, EnvelopeB4: true, EnvelopeB5: true, EnvelopeB6: true, EnvelopeItaly: true, EnvelopeMonarch: true, EnvelopePersonal: true, FanfoldUS: true, FanfoldStdGerman: true, FanfoldLegalGerman: true };
const DV_OPERATOR: Record<`${Excel.DataValidationOperator}`, true> = { Between: true, NotBetween: true, EqualTo: true, NotEqualTo: true, GreaterThan: true, LessThan: true, GreaterThanOrEqualTo: true, LessThanOrEqualTo: true };
const DV_ALERT: Record<`${Excel.DataValidationAlertStyle}`, true> = { Stop: true, Warning: true, Information: true };
const LEGEND: Record<`${Excel.ChartLegendPosition}`, true> = { Invalid: true, Top: true, Bottom: true, Left: true, Right: true, Corner: true, Custom: true };

const isEnum = (table: Record<string, true>, v: unknown) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(table, v);
const isBool = (v: unknown) => typeof v === 'boolean';
const isColor = (v: unknown) => typeof v === 'string' && (/^#[0-9A-Fa-f]{6}$/.test(v) || /^[A-Za-z]+$/.test(v));
const isNum = (lo: number, hi: number, int = false) => (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi && (!int || Number.isInteger(v));

/** Settable paths (below Range) the sim knows, each with what Excel accepts. */
const RANGE_PROPS: Record<string, (v: unknown) => boolean> = {
  'format.columnWidth': isNum(0, 255 * 7.5 + 5), // points: 255 characters at most
  'format.rowHeight': isNum(0, 409),
  'format.wrapText': isBool,
  'format.horizontalAlignment': (v) => isEnum(H_ALIGN, v),
  'format.verticalAlignment': (v) => isEnum(V_ALIGN, v),
  'format.indentLevel': isNum(0, 250, true),
  'format.textOrientation': (v) => isNum(-90, 90, true)(v) || v === 180,
  'format.font.bold': isBool,
  'format.font.italic': isBool,
  'format.font.color': isColor,
  'format.font.size': isNum(1, 409),
  'format.fill.color': isColor,
  'format.protection.locked': isBool,
};

/** Why Excel would refuse `value` for the range property at `path`, or null when it takes it. */
export function rangePropertyError(path: string, value: unknown): string | null {
  const border = /^format\.borders\.([^.]+)\.(\w+)$/.exec(path);
  if (border) {
    if (!isEnum(BORDER_INDEX, border[1])) return `"${border[1]}" is not an Excel.BorderIndex`;
    if (border[2] === 'style') return isEnum(LINE_STYLE, value) ? null : `${JSON.stringify(value)} is not an Excel.BorderLineStyle`;
    if (border[2] === 'color') return isColor(value) ? null : `${JSON.stringify(value)} is not a color`;
    return `the simulated host does not set borders.${border[2]}`;
  }
  if (path.startsWith('dataValidation.')) return dataValidationError(path.slice('dataValidation.'.length), value);
  const check = RANGE_PROPS[path];
  if (!check) return `the simulated host does not know the property ${path}`;
  return check(value) ? null : `${JSON.stringify(value)} is not a valid value for Range.${path}`;
}

function dataValidationError(prop: string, v: unknown): string | null {
  const o = v as Record<string, any>;
  if (!o || typeof o !== 'object') return `dataValidation.${prop} needs an object`;
  if (prop === 'rule') {
    const kinds = Object.keys(o);
    const known = ['wholeNumber', 'decimal', 'list', 'custom', 'date', 'time', 'textLength'];
    if (kinds.length !== 1 || !known.includes(kinds[0])) return `a data validation rule has exactly one of ${known.join(', ')} (got ${kinds.join(', ')})`;
    const r = o[kinds[0]];
    if (kinds[0] === 'list') return typeof r?.source === 'string' && typeof r?.inCellDropDown === 'boolean' ? null : 'list rule needs source (string) and inCellDropDown (boolean)';
    if (kinds[0] === 'custom') return typeof r?.formula === 'string' ? null : 'custom rule needs a formula (string)';
    if (!isEnum(DV_OPERATOR, r?.operator)) return `${JSON.stringify(r?.operator)} is not an Excel.DataValidationOperator`;
    const isOperand = (x: unknown) => typeof x === 'number' || typeof x === 'string';
    if (!isOperand(r.formula1)) return 'formula1 must be a number or a string';
    const two = r.operator === 'Between' || r.operator === 'NotBetween';
    if (two !== (r.formula2 !== undefined) || (two && !isOperand(r.formula2))) return `operator ${r.operator} ${two ? 'needs' : 'takes no'} formula2`;
    return null;
  }
  if (prop === 'prompt') {
    if (!isBool(o.showPrompt)) return 'prompt.showPrompt must be a boolean';
    if (typeof o.title !== 'string' || o.title.length > 32) return 'prompt.title: a string of at most 32 characters';
    if (typeof o.message !== 'string' || o.message.length > 255) return 'prompt.message: a string of at most 255 characters';
    return null;
  }
  if (prop === 'errorAlert') {
    if (!isBool(o.showAlert)) return 'errorAlert.showAlert must be a boolean';
    if (!isEnum(DV_ALERT, o.style)) return `${JSON.stringify(o.style)} is not an Excel.DataValidationAlertStyle`;
    if (typeof o.title !== 'string' || o.title.length > 32) return 'errorAlert.title: a string of at most 32 characters';
    if (typeof o.message !== 'string' || o.message.length > 255) return 'errorAlert.message: a string of at most 255 characters';
    return null;
  }
  return `the simulated host does not know dataValidation.${prop}`;
}

/** Worksheet.pageLayout: properties set and methods called. */
export function pageLayoutError(key: string, value: unknown): string | null {
  if (key === 'orientation') return isEnum(ORIENTATION, value) ? null : `${JSON.stringify(value)} is not an Excel.PageOrientation`;
  if (key === 'paperSize') return isEnum(PAPER, value) ? null : `${JSON.stringify(value)} is not an Excel.PaperType`;
  if (key === 'setPrintArea') return typeof value === 'string' && /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?(,\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?)*$/.test(value) ? null : `${JSON.stringify(value)} is not a print area`;
  if (key === 'setPrintTitleRows') return typeof value === 'string' && /^\$?\d+:\$?\d+$/.test(value) ? null : `${JSON.stringify(value)} is not a row range such as $5:$5`;
  return `the simulated host does not know pageLayout.${key}`;
}

export function legendPositionError(value: unknown): string | null {
  return isEnum(LEGEND, value) ? null : `${JSON.stringify(value)} is not an Excel.ChartLegendPosition`;
}

/**
 * A grid set on Range.values / formulas / numberFormat: one value for every cell, or a 2-D array of the
 * range's exact size whose cells are strings, finite numbers or booleans (numberFormat: strings).
 */
export function gridError(prop: 'values' | 'formulas' | 'numberFormat', v: unknown, rows: number, cols: number): string | null {
  const cellOk = (x: unknown) => (prop === 'numberFormat' ? typeof x === 'string' : typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)));
  if (!Array.isArray(v)) return cellOk(v) ? null : `${JSON.stringify(v)} is not a valid value for Range.${prop}`;
  if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
    return `The number of rows or columns in the input array doesn't match the size or dimensions of the range (Range.${prop}: ${rows}×${cols} expected).`;
  for (const r of v as unknown[][]) for (const x of r) if (!cellOk(x)) return `${JSON.stringify(x)} is not a valid cell value for Range.${prop}`;
  return null;
}
