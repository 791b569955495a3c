/**
 * The styles part (xl/styles.xml) of a workbook written directly: a small, fixed set of cell formats,
 * each registered once (by the writer, before any cell) and referred to by its index in every cell.
 * Fonts, fills, borders and number formats are shared between formats; conditional formats' differential
 * styles (dxfs) are registered here too.
 */
import { xmlEscape } from './xml';

export interface FontSpec {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

/** One cell format. Colours are ARGB ("FFD9E1F2"). */
export interface StyleSpec {
  font?: FontSpec;
  /** Solid fill colour. */
  fill?: string;
  /** Thin border on all four sides, in this colour. */
  border?: string;
  /** Number format code ("0", "0.00", "+0.00;-0.00;0.00"). */
  numFmt?: string;
  h?: 'left' | 'center' | 'right';
  v?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
}

/** A conditional format's look: fill (background) colour and bold. */
export interface DxfSpec {
  fill?: string;
  bold?: boolean;
}

/** Number formats Excel knows by id (ECMA-376 18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

// The default font (format 0): no theme part is written, so its colour is explicit.
const DEFAULT_FONT = '<font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>';

const fontXml = (f: FontSpec) =>
  `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.size !== undefined ? `<sz val="${f.size}"/>` : ''}${f.name ? `<name val="${xmlEscape(f.name)}"/>` : ''}</font>`;
const fillXml = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`;
const side = (tag: string, argb: string) => `<${tag} style="thin"><color rgb="${argb}"/></${tag}>`;
const borderXml = (argb: string) => `<border>${side('left', argb)}${side('right', argb)}${side('top', argb)}${side('bottom', argb)}<diagonal/></border>`;
const VERTICAL = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

/** A list of distinct XML fragments, each with its index. */
class Table {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  constructor(initial: string[]) {
    this.items = [...initial];
    initial.forEach((x, i) => this.index.set(x, i));
  }
  id(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

export class StyleSheet {
  private readonly fonts = new Table([DEFAULT_FONT]);
  private readonly fills = new Table(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Table(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Table(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly specs: StyleSpec[] = [{}];
  private readonly dxfs = new Table([]);

  /** The index of a cell format (registered on first use). */
  style(s: StyleSpec): number {
    const fontId = s.font ? this.fonts.id(fontXml(s.font)) : 0;
    const fillId = s.fill ? this.fills.id(fillXml(s.fill)) : 0;
    const borderId = s.border ? this.borders.id(borderXml(s.border)) : 0;
    const numFmtId = s.numFmt ? this.numFmtId(s.numFmt) : 0;
    const align =
      s.h || s.v || s.wrap ? `<alignment${s.h ? ` horizontal="${s.h}"` : ''}${s.v ? ` vertical="${VERTICAL[s.v]}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>` : '';
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : '') + (fontId ? ' applyFont="1"' : '') + (fillId ? ' applyFill="1"' : '') + (borderId ? ' applyBorder="1"' : '') + (align ? ' applyAlignment="1"' : '');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}`;
    const n = this.xfs.items.length;
    const id = this.xfs.id(align ? `${head}>${align}</xf>` : `${head}/>`);
    if (id === n) this.specs.push(s);
    return id;
  }

  /** The point size a cell format's text is shown in (11 without a font). */
  fontSize(id: number): number {
    return this.specs[id]?.font?.size ?? 11;
  }

  /** The index of a conditional format's differential style. */
  dxf(d: DxfSpec): number {
    const font = d.bold ? '<font><b/></font>' : '';
    const fill = d.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${d.fill}"/></patternFill></fill>` : '';
    return this.dxfs.id(`<dxf>${font}${fill}</dxf>`);
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const fmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? list('numFmts', fmts) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs.items) +
      '<tableStyles count="0"/></styleSheet>'
    );
  }
}
