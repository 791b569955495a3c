/**
 * Bounds on JSON (and YAML flow) input before it is parsed: nesting depth counted in one linear pass
 * (brackets outside strings), so a file nested 200,000 deep is refused with a message naming it instead
 * of overflowing a recursive parser or walker.
 */

/** Deepest nesting accepted: criteria sets and submissions need fewer than 20 levels. */
export const MAX_JSON_DEPTH = 64;

/** True when the text nests brackets deeper than `limit` (strings skipped, escapes honoured). */
export function nestingExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (text[i] === quote) inString = false;
      continue;
    }
    if (c === 34 /* " */) (inString = true), (quote = '"');
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return false;
}
