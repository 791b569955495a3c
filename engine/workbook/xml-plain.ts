/**
 * A tokenizer for the plain XML that spreadsheet writers produce (Excel, exceljs, LibreOffice), used
 * before saxes on every part the reader parses: saxes checks every character through a state machine,
 * and on the sheets of a cluster's workbooks it was most of the time of a ranking.
 *
 * It never decides anything saxes would decide differently. It accepts a text only when the text lies
 * in a subset whose well-formedness it checks in full, and gives the events saxes gives for it
 * (opentag with name and attributes, text, closetag; a self-closing tag opens and closes). Anything
 * outside the subset returns null and the caller parses with saxes, which then gives its own events or
 * its own error. The subset:
 *  - characters: tab, line feed and U+0020-U+D7FF, U+E000-U+FFFD only (no carriage return, which XML
 *    turns into a line feed; no surrogate pair, no control character);
 *  - no "<!" (comment, CDATA, DOCTYPE), no "<?" except an XML declaration at the very start of the
 *    form `<?xml version="1.0" [encoding="NAME"] [standalone="yes|no"]?>`, no "]]>" in a text;
 *  - names of ASCII letters, digits and `_ . : -`, starting with a letter or `_`;
 *  - attributes `name="value"` (or single quotes) after white space, no space around "=", no "<" in a
 *    value, no name met twice in a tag or known to a plain object (`constructor`, `__proto__`);
 *  - references: the five predefined entities and decimal or hexadecimal character references to a
 *    character XML allows;
 *  - one root element, white space only around it, every tag closed by its own name.
 * In attribute values a literal tab or line feed becomes a space (a reference keeps its character), as
 * saxes does. Browser-safe: no Node imports. test/workbook/xml-plain.test.ts compares it with saxes on
 * every part of the fixtures and on thousands of mutations of them.
 */

export interface PlainTag {
  name: string;
  attributes: Record<string, string>;
}

/** Events: a PlainTag opens, a string is text, CLOSE followed by the name closes. */
export const CLOSE: unique symbol = Symbol('close');
export type PlainEvent = PlainTag | string | typeof CLOSE;

const DECLARATION = /^<\?xml[ \t\n]+version=(["'])1\.0\1(?:[ \t\n]+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone=(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
const CHAR_REF = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/;
const PREDEFINED: Record<string, string | undefined> = Object.assign(Object.create(null), { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

/** Names a plain object already answers to (all of them 7 characters or more). */
const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09;
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x3a || c === 0x2d;
/** A character outside the subset: a control character other than tab and line feed, a surrogate, U+FFFE, U+FFFF. */
const outside = (c: number) => (c < 0x20 ? c !== 0x09 && c !== 0x0a : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe));

/** References replaced, or null for one outside the subset. */
export function decodeRefs(s: string): string | null {
  let out = '';
  let from = 0;
  for (let k = s.indexOf('&'); k >= 0; k = s.indexOf('&', from)) {
    const semi = s.indexOf(';', k + 1);
    if (semi < 0 || semi - k > 10) return null;
    const name = s.slice(k + 1, semi);
    let ch = PREDEFINED[name];
    if (ch === undefined) {
      const m = CHAR_REF.exec(name);
      if (!m) return null;
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      // A character XML allows: the literal ones, a carriage return, or one past the BMP.
      if (cp < 0x10000 ? outside(cp) && cp !== 0x0d : cp > 0x10ffff) return null;
      ch = String.fromCodePoint(cp);
    }
    out += s.slice(from, k) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}

function onlySpace(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Names met before, by a hash of their characters: a tag or attribute name found again is the same
 * string (no slice to allocate, no string to look up when it becomes a property key). A hit is checked
 * character by character; a kept name is a copy, never a slice that would keep its whole part alive.
 */
const NAMES: Array<string | undefined> = new Array(1024);
/** Where the last name read by nameFrom ends. */
let nameEnd = 0;
/** The name starting at `from` (possibly empty: the caller checks), its end in nameEnd. */
function nameFrom(xml: string, from: number): string {
  const n = xml.length;
  let j = from;
  let h = 0;
  for (let c = xml.charCodeAt(j); j < n && isNameChar(c); c = xml.charCodeAt(++j)) h = (h * 31 + c) | 0;
  nameEnd = j;
  const slot = h & 1023;
  const kept = NAMES[slot];
  if (kept !== undefined && kept.length === j - from && xml.startsWith(kept, from)) return kept;
  const name = xml.slice(from, j).split('').join('');
  NAMES[slot] = name;
  return name;
}

/**
 * A tag without attributes (`<v>`, `<f>`, `<t>`, ...): one frozen tag per name, handed out every time.
 * Consumers read events and never change them (the reader also hands out events kept from earlier
 * files); frozen, a change would fail loudly.
 */
const BARE = new Map<string, PlainTag>();
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});
function bareTag(name: string): PlainTag {
  let t = BARE.get(name);
  if (!t) {
    t = Object.freeze({ name, attributes: NO_ATTRIBUTES });
    if (BARE.size < 4096) BARE.set(name, t);
  }
  return t;
}

/** The events of `xml`, or null when it is outside the subset above (then saxes decides). */
export function plainXmlEvents(xml: string): PlainEvent[] | null {
  let i = 0;
  if (xml.startsWith('<?')) {
    const d = DECLARATION.exec(xml);
    if (!d) return null;
    i = d[0].length;
  }
  const n = xml.length;
  const events: PlainEvent[] = [];
  const stack: string[] = [];
  /** The attribute names of the tag being read (a name twice is saxes' error). */
  const names: string[] = [];
  let rootClosed = false;
  for (;;) {
    // Text up to the next '<', every character looked at: "<!" and "<?" are refused below, as tags.
    let lt = i;
    let refs = false;
    for (; lt < n; lt++) {
      const c = xml.charCodeAt(lt);
      if (c === 0x3c) break;
      if (c === 0x26) refs = true;
      else if (c === 0x5d) {
        if (xml.charCodeAt(lt + 1) === 0x5d && xml.charCodeAt(lt + 2) === 0x3e) return null; // "]]>"
      } else if (outside(c)) return null;
    }
    if (lt > i) {
      if (!stack.length) {
        if (!onlySpace(xml, i, lt)) return null;
      } else {
        let text = xml.slice(i, lt);
        if (refs) {
          const t = decodeRefs(text);
          if (t === null) return null;
          text = t;
        }
        events.push(text);
      }
    }
    if (lt >= n) break;
    let j = lt + 1;
    if (xml.charCodeAt(j) === 0x2f) {
      // </name S? >
      const name = nameFrom(xml, j + 1);
      j = nameEnd;
      if (!name || !stack.length) return null;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3e || stack[stack.length - 1] !== name) return null;
      stack.pop();
      events.push(CLOSE, name);
      if (!stack.length) rootClosed = true;
      i = j + 1;
      continue;
    }
    // <name (S attr="value")* S? (> | />)
    if (rootClosed || !isNameStart(xml.charCodeAt(j))) return null;
    const name = nameFrom(xml, j);
    j = nameEnd;
    const attributes: Record<string, string> = {};
    let nNames = 0;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const c = xml.charCodeAt(j);
      if (c === 0x3e) break;
      if (c === 0x2f) {
        if (xml.charCodeAt(j + 1) !== 0x3e) return null;
        selfClosing = true;
        j++;
        break;
      }
      if (j === before || !isNameStart(c)) return null;
      const attr = nameFrom(xml, j);
      j = nameEnd;
      if (xml.charCodeAt(j) !== 0x3d) return null;
      const q = xml.charCodeAt(++j);
      if (q !== 0x22 && q !== 0x27) return null;
      // The value up to its quote, in one pass: '<' or a character outside the subset declines, '&' and
      // white space need a second look.
      let k = j + 1;
      let marks = 0;
      for (let c2 = xml.charCodeAt(k); c2 !== q; c2 = xml.charCodeAt(++k)) {
        if (k >= n || c2 === 0x3c) return null;
        if (c2 === 0x26 || c2 === 0x09 || c2 === 0x0a) marks++;
        else if (outside(c2)) return null;
      }
      for (let m = 0; m < nNames; m++) if (names[m] === attr) return null;
      if (attr.length >= 7 && PROTO_NAMES.has(attr)) return null;
      names[nNames++] = attr;
      let value = xml.slice(j + 1, k);
      if (marks) {
        value = value.replace(/[\t\n]/g, ' ');
        if (value.indexOf('&') >= 0) {
          const v = decodeRefs(value);
          if (v === null) return null;
          value = v;
        }
      }
      attributes[attr] = value;
      j = k + 1;
    }
    events.push(nNames ? { name, attributes } : bareTag(name));
    if (selfClosing) {
      events.push(CLOSE, name);
      if (!stack.length) rootClosed = true;
    } else stack.push(name);
    i = j + 1;
  }
  return rootClosed && !stack.length ? events : null;
}
