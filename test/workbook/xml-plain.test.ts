/**
 * xml-plain.ts against saxes (the parser exceljs uses, and the reader's fallback): on every XML part of
 * the fixture workbooks (written by Excel, exceljs, LibreOffice and SheetJS) and on thousands of random
 * mutations of them, the fast tokenizer either declines (null) or gives exactly saxes' events for a text
 * saxes accepts. It must never accept a text saxes refuses. It must also take every unmutated part, or
 * the reader would not be faster.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { CLOSE, plainXmlEvents, type PlainEvent } from '../../engine/workbook/xml-plain';
import { utf8Text } from '../../engine/workbook/xlsx-read';

type Ev = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

/** saxes' events (adjacent texts joined: the reader's handlers join them) and whether it refused the text. */
function saxesEvents(xml: string): { events: Ev[]; error: boolean } {
  const events: Ev[] = [];
  let error = false;
  const p = new SaxesParser();
  p.on('error', () => (error = true));
  p.on('opentag', (t) => events.push(['open', t.name, { ...t.attributes } as Record<string, string>]));
  p.on('text', (s) => {
    const last = events[events.length - 1];
    if (last && last[0] === 'text') last[1] += s;
    else events.push(['text', s]);
  });
  p.on('closetag', (t) => events.push(['close', t.name]));
  try {
    p.write(xml);
    if (!error) p.close();
  } catch {
    error = true;
  }
  return { events, error };
}

function plainEvents(raw: PlainEvent[]): Ev[] {
  const out: Ev[] = [];
  for (let k = 0; k < raw.length; k++) {
    const e = raw[k];
    if (typeof e === 'string') {
      const last = out[out.length - 1];
      if (last && last[0] === 'text') last[1] += e;
      else out.push(['text', e]);
    } else if (e === CLOSE) out.push(['close', raw[++k] as string]);
    else out.push(['open', e.name, { ...e.attributes }]);
  }
  return out;
}

/** saxes emits white space outside the root as text; the reader never uses it: compare inside the root. */
function insideRoot(evs: Ev[]): Ev[] {
  let depth = 0;
  return evs.filter((e) => {
    if (e[0] === 'open') return ++depth > 0;
    if (e[0] === 'close') return depth-- > 0;
    return depth > 0;
  });
}

/** Outcome of one text: 'declined', 'same' (accepted, saxes' events), or a failure description. */
function compare(xml: string): 'declined' | 'same' | string {
  const fast = plainXmlEvents(xml);
  if (!fast) return 'declined';
  const ref = saxesEvents(xml);
  if (ref.error) return `accepted a text saxes refuses: ${JSON.stringify(xml.slice(0, 300))}`;
  const a = JSON.stringify(plainEvents(fast));
  const b = JSON.stringify(insideRoot(ref.events));
  return a === b ? 'same' : `events differ for ${JSON.stringify(xml.slice(0, 300))}`;
}

function xlsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const f = path.join(dir, e);
    if (statSync(f).isDirectory()) out.push(...xlsxFiles(f));
    else if (f.endsWith('.xlsx')) out.push(f);
  }
  return out.sort();
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const parts: Array<{ where: string; xml: string }> = [];
for (const f of xlsxFiles(FIXTURES)) {
  const zip = unzipSync(new Uint8Array(readFileSync(f)));
  for (const [name, data] of Object.entries(zip))
    if (/\.(xml|rels|vml)$/.test(name) && data.length < 400_000) parts.push({ where: `${path.relative(FIXTURES, f)}:${name}`, xml: utf8Text(data) });
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = ['<', '>', '&', '"', "'", '/', '=', ' ', '\t', '\n', '\r', ';', '#', 'x', ']', '!', '?', '-', ':', '1', 'a', '_', '.', '\u0001', '\u0000', '\uFFFE', '\uFEFF', 'é', '\uD83D', '\uDE00', 'ệ', '\u0085', '\u2028'];
const SNIPPETS = [
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#0;', '&#65;', '&#x41;', '&#X41;', '&#x;', '&#;', '&;', '&foo;', '&amp', '&#xD800;', '&#x10FFFF;', '&#x110000;',
  '&#13;', '&#9;', '&#10;', '&#1114111;', '&#0065;', '&constructor;', '&__proto__;', '<![CDATA[x]]>', '<!-- c -->', '<?pi x?>', ']]>', '</c>', '<c>', '<a/>', '<a />',
  ' r="1"', ' r="2"', ' constructor="1"', ' __proto__="x"', ' a=\'1\'', ' b = "1"', '"', '<1a>', '</ a>', '< a>', '<a:b c:d="1"/>', ' xmlns="urn:x"', ' xml:space="preserve"',
  '\r\n', '<!DOCTYPE x>', '<?xml version="1.0"?>', '\uFEFF', '<a b="1"c="2"/>', '<a b="<"/>', '<a b="1" b="2"/>', '<a\tb="1"\n/>', '<a b="x\ty\nz"/>', '<a b="&#9;&#10;"/>',
];

function mutate(xml: string, r: () => number): string {
  const at = Math.floor(r() * (xml.length + 1));
  switch (Math.floor(r() * 7)) {
    case 0:
      return xml.slice(0, at) + xml.slice(at + 1 + Math.floor(r() * 3));
    case 1:
      return xml.slice(0, at) + CHARS[Math.floor(r() * CHARS.length)] + xml.slice(at);
    case 2:
      return xml.slice(0, at) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + xml.slice(at);
    case 3: {
      const len = Math.floor(r() * 40);
      return xml.slice(0, at) + xml.slice(at, at + len) + xml.slice(at);
    }
    case 4:
      return xml.slice(0, at);
    case 5: {
      // Near markup: mutate just after a '<' or inside a tag, where the rules are.
      const lt = xml.indexOf('<', at);
      const k = lt < 0 ? at : lt + 1 + Math.floor(r() * 12);
      return xml.slice(0, k) + (r() < 0.5 ? CHARS[Math.floor(r() * CHARS.length)] : '') + xml.slice(k + (r() < 0.5 ? 1 : 0));
    }
    default: {
      // Swap a tag's name for another's.
      const names = xml.match(/<\/?[A-Za-z_][\w.:-]*/g) ?? [];
      if (!names.length) return xml;
      const a = names[Math.floor(r() * names.length)];
      const b = names[Math.floor(r() * names.length)];
      return xml.replace(a, a.startsWith('</') ? `</${b.replace(/^<\/?/, '')}` : `<${b.replace(/^<\/?/, '')}`);
    }
  }
}

describe('plain XML tokenizer against saxes', () => {
  test('every XML part of the fixture workbooks is taken, with saxes events', () => {
    expect(parts.length).toBeGreaterThan(300);
    const bad = parts.map((p) => ({ where: p.where, r: compare(p.xml) })).filter((x) => x.r !== 'same');
    expect(bad).toEqual([]);
  });

  test('random mutations of those parts: never accepted when saxes refuses, never other events', () => {
    const r = rng(20261202);
    // Small parts mutate fastest; the sheets carry the cells. Both kinds, many times over.
    const pool = parts.filter((p) => p.xml.length < 60_000);
    let declined = 0;
    let same = 0;
    const failures: string[] = [];
    for (let k = 0; k < 6000; k++) {
      let xml = pool[Math.floor(r() * pool.length)].xml;
      const times = 1 + Math.floor(r() * 3);
      for (let m = 0; m < times; m++) xml = mutate(xml, r);
      const out = compare(xml);
      if (out === 'declined') declined++;
      else if (out === 'same') same++;
      else if (failures.length < 5) failures.push(out);
    }
    expect(failures).toEqual([]);
    // The mutations keep many texts inside the subset (a test that declines everything proves nothing).
    expect(same).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(1000);
  });

  test('names met before are reused only when they are the same name (thousands of names, colliding slots)', () => {
    const r = rng(7);
    const pick = () => `n${Math.floor(r() * 5000).toString(36)}${'abc'[Math.floor(r() * 3)]}`;
    for (let round = 0; round < 20; round++) {
      let xml = '<root>';
      for (let k = 0; k < 400; k++) {
        const a = pick();
        const b = pick();
        xml += `<${pick()} ${a}="1"${a === b ? '' : ` ${b}="2"`}/>`;
      }
      xml += '</root>';
      expect(compare(xml)).toBe('same');
    }
  });

  test.each([
    ['<a/>', true],
    ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a b="1"/>', true],
    ["<?xml version='1.0'?><a/>", true],
    ['<a b="x&#9;y\tz&#10;"/>', true],
    ['<a>&lt;&#x1F600;&amp;</a>', true],
    ['<a>&#0;</a>', false],
    ['<a>&#X41;</a>', false],
    ['<a>&nbsp;</a>', false],
    ['<a b="1" b="2"/>', false],
    ['<a b="1"c="2"/>', false],
    ['<a b="<"/>', false],
    ['<a constructor="1"/>', false],
    ['<a></b>', false],
    ['<a/><b/>', false],
    ['<a>x</a>y', false],
    [' <?xml version="1.0"?><a/>', false],
    ['<a>\r\n</a>', false],
    ['<a><!-- x --></a>', false],
    ['<a>]]></a>', false],
    ['<a>', false],
    ['', false],
    ['<a>\u0001</a>', false],
    ['<a b="\u0001"/>', false],
    ['<a b="\uFFFE"/>', false],
    ['<a b="x]]>y"/>', true],
    ['<a>\uD83D\uDE00</a>', false],
    // Past the first 32 characters of a text or a value, where native scans take over.
    [`<a>${'x'.repeat(40)}]]>y</a>`, false],
    [`<a>${'x'.repeat(40)}]]y&gt;</a>`, true],
    [`<a>${'x'.repeat(40)}\u0001</a>`, false],
    [`<a>${'x'.repeat(40)}&amp;&#x1F600;</a>`, true],
    [`<a b="${'x'.repeat(40)}<"/>`, false],
    [`<a b="${'x'.repeat(40)}\uFFFF"/>`, false],
    [`<a b="${'x'.repeat(40)}&amp;\ty\nz" c='${'é'.repeat(50)}"'/>`, true],
    [`<a b="${'x'.repeat(40)}/>`, false],
  ])('%j: taken %s, and then as saxes gives it', (xml, taken) => {
    const r = compare(xml);
    expect(r).toBe(taken ? 'same' : 'declined');
  });
});
