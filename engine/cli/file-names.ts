/**
 * File names made from unit names (one workbook per school): readable Vietnamese kept as it is (NFC),
 * characters no file system accepts replaced, Windows' reserved names avoided, length bounded, and two
 * units never given the same file, even on a file system that ignores case or Unicode normalisation.
 */

// Path separators, characters Windows refuses, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Bytes of a name (without the extension): file systems allow 255; leave room for " (12).xlsx". */
const MAX_BYTES = 180;

function clip(s: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

/** A file name stem for a unit name (no extension). */
export function safeFileStem(unit: string): string {
  let s = unit.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE, '-').trim();
  s = s.replace(/^[.\s-]+/, '').replace(/[.\s]+$/, '');
  s = clip(s, MAX_BYTES).replace(/[.\s]+$/, '');
  if (!s) s = 'don-vi';
  if (RESERVED.test(s)) s = `${s}_`;
  return s;
}

/** The key two names collide under (case-insensitive, normalisation-insensitive file systems). */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi');
}

/**
 * One distinct file name per unit, in order: `<stem>.xlsx`, then `<stem> (2).xlsx`... when two units
 * give the same name (or names equal but for case). `taken` holds names already used (their keys).
 */
export function fileNamesForUnits(units: string[], ext = '.xlsx', taken: Set<string> = new Set()): string[] {
  return units.map((u) => {
    const stem = safeFileStem(u);
    let name = `${stem}${ext}`;
    for (let n = 2; taken.has(collisionKey(name)); n++) name = `${stem} (${n})${ext}`;
    taken.add(collisionKey(name));
    return name;
  });
}
