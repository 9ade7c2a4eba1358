// A string as JSON.stringify writes it, piece by piece: a writer can copy a long text straight
// into its output, escaping only the few characters JSON escapes, instead of making the quoted
// copy first (and then, for a string JSON.stringify built in parts, a flat copy of that).

/**
 * The characters JSON.stringify does not write as they are: `"`, `\`, the controls below U+0020 and the surrogates
 * (a lone one is escaped; a pair, one character, is not: jsonEscape tells them apart).
 */
export const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/g;

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * What JSON.stringify writes for the UTF-16 unit of `text` at `at` (one JSON_ESCAPED found), or null for the first
 * half of a surrogate pair, written as it is with its second half.
 */
export function jsonEscape(text: string, at: number): string | null {
  const unit = text.charCodeAt(at);
  if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(at + 1))) return null;
  return SHORT_ESCAPES[text[at]] ?? `\\u${unit.toString(16).padStart(4, '0')}`;
}

/** An escape is at most 6 characters (`\u001f`) for one UTF-16 unit. */
export const MAX_JSON_BYTES_PER_UNIT = 6;
