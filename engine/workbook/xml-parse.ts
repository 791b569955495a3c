/**
 * Parsing a part as exceljs did: its bytes decoded as UTF-8 (utf8Text), then the plain markup Office
 * writes tokenized by xml-plain.ts, anything else by saxes (the parser exceljs uses), the first
 * well-formedness error refusing the part. A small part that comes back byte for byte hands out its
 * kept events; a text with elements cut out (xlsx-read.ts's kept rows) hands out theirs at each marker.
 * Browser-safe: no Node imports (the host's one-byte decoder comes through zip-read's natives).
 */
import type { SaxesParser as Saxes } from 'saxes';
import { asciiText, sameBytes, XlsxFormatError } from './zip-read';
import { CLOSE, plainXmlEvents, type PlainEvent, type PlainTag } from './xml-plain';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** saxes is loaded for the first part outside the plain subset (most runs never need it: about 10 ms). */
let saxesLib: typeof Saxes | undefined;
function saxesParser(): typeof Saxes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (saxesLib ??= (require('saxes') as typeof import('saxes')).SaxesParser);
}

/**
 * The part's bytes as text, exactly as `new TextDecoder('utf-8').decode(data)` gives them (a leading BOM
 * dropped, invalid sequences replaced), but decoded in pieces: a TextDecoder is several times slower on
 * one long text with some non-ASCII characters (the Vietnamese messages of a sheet's validations) than
 * on its ASCII stretches and its non-ASCII ones apart. The cuts fall just before an ASCII byte, which is
 * never inside a UTF-8 sequence and which a decoder never swallows into a replacement, so the pieces
 * join to the same text (test/workbook/xlsx-read.test.ts checks it over random bytes). `dropBom` false
 * keeps a leading BOM (a piece cut from the middle of a part).
 */
export function utf8Text(data: Uint8Array, dropBom = true): string {
  const n = data.length;
  let i = dropBom && n >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  let out = '';
  let plainFrom = i;
  // The host's one-byte decoder over the whole, where it has one: the ASCII text up to the first byte
  // past 0x7F (found by a regular expression, natively) is already the answer's beginning.
  const whole = i === 0 ? asciiText(data) : undefined;
  if (whole !== undefined) {
    const first = whole.search(NOT_ASCII);
    if (first < 0) return whole;
    out = whole.slice(0, first);
    plainFrom = i = first;
  }
  while (i < n) {
    if (data[i] < 0x80) {
      i++;
      continue;
    }
    // A stretch holding non-ASCII bytes, up to the first run of 64 ASCII bytes after it.
    let j = i + 1;
    let last = i;
    while (j < n && j - last <= 64) {
      if (data[j] >= 0x80) last = j;
      j++;
    }
    out += asciiPiece(data.subarray(plainFrom, i)) + decoder.decode(data.subarray(i, last + 1));
    plainFrom = i = last + 1;
  }
  return out + asciiPiece(data.subarray(plainFrom, n));
}
const NOT_ASCII = /[^\x00-\x7f]/;
/** An ASCII stretch: the host's one-byte decoder when it has one (several times faster than a TextDecoder). */
const asciiPiece = (piece: Uint8Array): string => asciiText(piece) ?? decoder.decode(piece);

/**
 * The value last made from each part name, kept with a copy of the part's bytes and handed out again
 * only for the same bytes (compared in full, never by hash or CRC; the zip layer hands the same bytes
 * object again for a part whose compressed bytes were the same), so a reuse gives what reading again
 * would. At most `names` names, parts of at most `maxBytes` bytes.
 */
export function keptPerPart<V>(maxBytes: number, names = 64) {
  const kept = new Map<string, { bytes: Uint8Array; ref: Uint8Array; value: V }>();
  return {
    find(name: string, data: Uint8Array): { value: V } | undefined {
      const last = data.length <= maxBytes ? kept.get(name) : undefined;
      return last && (last.ref === data || sameBytes(last.bytes, data)) ? last : undefined;
    },
    keep(name: string, data: Uint8Array, value: V): void {
      if (data.length > maxBytes) return;
      if (!kept.has(name) && kept.size >= names) kept.delete(kept.keys().next().value as string);
      kept.set(name, { bytes: data.slice(), ref: data, value });
    },
    clear: () => kept.clear(),
  };
}

/**
 * The events of the last small part of each name (instructions and stamp sheets, the workbook part,
 * relationships: the same bytes in every file made from one template). Handlers read events and never
 * change them (test/workbook/xlsx-read.test.ts checks it), so a kept event list serves every file.
 */
export const SAME_EVENTS_MAX = 32 * 1024;
const keptEvents = keptPerPart<PlainEvent[]>(SAME_EVENTS_MAX);
/** Forget the kept events (tests read a file cold with it). */
export function forgetKeptEvents(): void {
  keptEvents.clear();
}
/** Hand a part's (or a cut element's) events to the handlers, in order. */
export function handOut(events: PlainEvent[], open: (t: PlainTag) => void, text: ((s: string) => void) | null, close: (name: string) => void): void {
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    if (typeof e === 'string') text?.(e);
    else if (e === CLOSE) close(events[++k] as string);
    else open(e);
  }
}
/**
 * Parse XML as exceljs does (with saxes): the first well-formedness error refuses the part. Plain
 * markup goes through xml-plain.ts, which gives saxes' events for it.
 */
export function parseXml(
  data: Uint8Array | string,
  part: string,
  open: (t: PlainTag) => void,
  text: ((s: string) => void) | null,
  close: (name: string) => void,
  /** Marker elements, each standing for one element cut out of the text: `at(k)` hands out the k-th one's events. */
  marks?: { name: string; at: (k: number) => void },
): void {
  if (marks) {
    const [own, ownClose] = [open, close];
    let k = 0;
    open = (t) => (t.name === marks.name ? marks.at(k++) : own(t));
    close = (n) => n === marks.name || ownClose(n);
  }
  // A small part byte for byte as the last one of its name: its events again (they depend on its bytes only).
  const last = typeof data === 'string' ? undefined : keptEvents.find(part, data);
  if (last) {
    handOut(last.value, open, text, close);
    return;
  }
  const xml = typeof data === 'string' ? data : utf8Text(data);
  // The plain subset Office writes, checked in full without saxes; anything else is saxes' to decide.
  const events = plainXmlEvents(xml);
  // A text with elements cut out is read only as plain markup (see sheetPieces in xlsx-read.ts): the caller reads the whole part.
  if (!events && marks) throw new XlsxFormatError(`${part}: not plain markup`);
  if (events) {
    if (typeof data !== 'string') keptEvents.keep(part, data, events);
    handOut(events, open, text, close);
    return;
  }
  const p = new (saxesParser())();
  let error: Error | undefined;
  p.on('error', (e) => {
    if (!error) error = e;
  });
  p.on('opentag', open);
  if (text) p.on('text', text);
  p.on('closetag', (t) => close(t.name));
  p.write(xml);
  // exceljs stopped at the first error too; closing also catches a part cut short or left unclosed
  // (where exceljs failed later, on the half-read model).
  if (!error) p.close();
  if (error) throw new XlsxFormatError(`${part}: ${error.message.slice(0, 160)}`);
}

