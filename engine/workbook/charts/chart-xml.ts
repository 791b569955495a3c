/**
 * DrawingML chart parts (xl/charts/chartN.xml) and the drawing that anchors them on a sheet
 * (xl/drawings/drawingN.xml), as text. Pure: no zip, no I/O. A chart is a clustered column chart whose
 * series are columns, or lines over the same axes (the award thresholds drawn across the units).
 *
 * Hidden cells are plotted (plotVisOnly 0): chart-only data may sit in hidden columns.
 * Every series references its cells on the sheet (c:f) and carries a cache of their values, so readers
 * that do not recalculate (viewers, previews) draw the same picture Excel and LibreOffice do.
 */

export interface ChartSeries {
  /** The series name, and the cell that holds it (e.g. 'Xếp hạng'!$E$5). */
  name: string;
  nameRef?: string;
  /** Absolute reference of the values, e.g. 'Xếp hạng'!$E$6:$E$8. */
  valuesRef: string;
  values: Array<number | null>;
  /** Drawn as a line over the columns (e.g. a threshold). */
  line?: boolean;
  /** RRGGBB. */
  color?: string;
}

export interface ChartDef {
  title: string;
  /** Absolute reference of the category labels (the units). */
  categoriesRef: string;
  categories: string[];
  series: ChartSeries[];
  valueAxisTitle?: string;
  /** Zero-based cell anchors: the chart covers from (col, row) to (col, row). */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export function xmlEscape(s: string): string {
  return s.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 'Sheet name'!$C$6:$C$9, quoting the sheet name as formulas do. */
export function absRef(sheet: string, col1: string, row1: number, col2?: string, row2?: number): string {
  const a = `$${col1}$${row1}`;
  const b = col2 && row2 !== undefined ? `:$${col2}$${row2}` : '';
  return `'${sheet.replace(/'/g, "''")}'!${a}${b}`;
}

const COLOR = /^[0-9A-Fa-f]{6}$/;
function fill(color: string | undefined, line: boolean): string {
  if (!color || !COLOR.test(color)) return '';
  const solid = `<a:solidFill><a:srgbClr val="${color.toUpperCase()}"/></a:solidFill>`;
  return line ? `<c:spPr><a:ln w="28575" cap="rnd">${solid}<a:prstDash val="dash"/></a:ln></c:spPr>` : `<c:spPr>${solid}</c:spPr>`;
}

function richText(s: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(s)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: Array<number | null>): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function series(s: ChartSeries, idx: number, chart: ChartDef): string {
  const tx = s.nameRef ? `<c:tx><c:strRef><c:f>${xmlEscape(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` : `<c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>`;
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${tx}${fill(s.color, !!s.line)}` +
    (s.line ? '<c:marker><c:symbol val="none"/></c:marker>' : '<c:invertIfNegative val="0"/>') +
    `<c:cat><c:strRef><c:f>${xmlEscape(chart.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
    (s.line ? '<c:smooth val="0"/>' : '') +
    '</c:ser>'
  );
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** The chart part: columns, then lines on the same axes; legend at the bottom. */
export function chartXml(chart: ChartDef): string {
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const cols = indexed.filter((x) => !x.s.line);
  const lines = indexed.filter((x) => x.s.line);
  const axes = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const bar = cols.length
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${cols.map((x) => series(x.s, x.i, chart)).join('')}<c:gapWidth val="80"/>${axes}</c:barChart>`
    : '';
  const line = lines.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map((x) => series(x.s, x.i, chart)).join('')}<c:marker val="1"/>${axes}</c:lineChart>`
    : '';
  const valTitle = chart.valueAxisTitle ? `<c:title>${richText(chart.valueAxisTitle, 1000, false)}<c:overlay val="0"/></c:title>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart><c:title>${richText(chart.title, 1400, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${bar}${line}` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/>${valTitle}<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

/** The drawing part: one graphic frame per chart, anchored to cells; chart i is relationship rId{i+1}. */
export function drawingXml(charts: ChartDef[]): string {
  const anchors = charts
    .map(
      (c, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${c.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${c.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}
