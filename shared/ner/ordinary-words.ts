// Whether a general Arabic lexicon knows a word as an ordinary word: knowledge from outside the tagged sentences
// and the untagged text. Unseen names are mostly not in it, unseen ordinary words mostly are (NewsFANE 3,001–3,800,
// tokens whose stem 1–3,000 never shows: O 89%, PERSON 44%, GPE 43%, ORG 38%, LOC 56%). The list is the stems of
// Ayaspell's hunspell-ar entries (ordinary-words.json, derived once by build/derive-ordinary-words.mjs; MPL 1.1,
// ordinary-words.LICENSE), bundled: the tagger scores the same where no dictionary is installed.
import ORDINARY_WORDS from './ordinary-words.json';

/** The first of the 42 Arabic letters a stem is made of (U+0621 hamza to U+064A yeh). */
const FIRST_LETTER = 0x0621;
const LETTERS = 42;

/** A letter as one ASCII character (A–Z, then a–p), so the bundled JSON string needs no \u escapes (6 bytes each). */
const toAscii = (code: number): number => (code - FIRST_LETTER < 26 ? 65 : 97 - 26) + code - FIRST_LETTER;
const fromAscii = (code: number): number => FIRST_LETTER + (code < 97 ? code - 65 : code - 97 + 26);

/**
 * Sorted stems (of U+0621–U+064A letters) front-coded: each as the count of letters it shares with the one before (a
 * digit, at most 9) and then its own letters, one ASCII character each. 90,564 stems: 981 KB as lines of UTF-8, 203
 * KB so (765 KB in each bundle as a JSON string of Arabic letters, which esbuild writes as \u escapes).
 */
export function encodeStems(sorted: readonly string[]): string {
  let out = '';
  let before = '';
  for (const stem of sorted) {
    let shared = 0;
    while (shared < 9 && shared < stem.length && stem[shared] === before[shared]) shared++;
    let own = '';
    for (let k = shared; k < stem.length; k++) {
      const code = stem.charCodeAt(k);
      if (code < FIRST_LETTER || code >= FIRST_LETTER + LETTERS) throw new Error(`not an Arabic letter in ${stem}`);
      own += String.fromCharCode(toAscii(code));
    }
    out += `${shared}${own}`;
    before = stem;
  }
  return out;
}

/** encodeStems' stems, in order. */
export function decodeStems(encoded: string): string[] {
  // The letters back to Arabic in one string first: slices of it are cheaper than a string built per stem.
  const units = new Uint16Array(encoded.length);
  for (let k = 0; k < encoded.length; k++) {
    const code = encoded.charCodeAt(k);
    units[k] = code <= 57 ? code : fromAscii(code);
  }
  // (TextDecoder: 57–100 ms of CPU for the list and its Set; String.fromCharCode over chunks: 95–138 ms; 5 rounds,
  // load 9.)
  const text = new TextDecoder('utf-16le').decode(units);
  const stems: string[] = [];
  let before = '';
  for (let k = 0; k < text.length;) {
    let end = k + 1;
    while (end < text.length && !(text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57)) end++;
    before = before.slice(0, text.charCodeAt(k) - 48) + text.slice(k + 1, end);
    stems.push(before);
    k = end;
  }
  return stems;
}

let STEMS: ReadonlySet<string> | undefined;

/**
 * Endings the lexicon's entries take, which it lists once (plurals, dual, feminine, relative adjective, pronouns,
 * verb endings, the accusative alef): with them 89% of the unseen ordinary words above are known, 77% with the
 * nouns' endings alone (ات … يون), 54% with none.
 */
const ENDINGS = [
  ...['ات', 'ون', 'ين', 'ان', 'ة', 'ه', 'ها', 'هم', 'هما', 'كم', 'نا', 'ي', 'تها', 'ته', 'تهم', 'يه', 'ية', 'يا'],
  ...['يين', 'يون', 'ا', 'وا', 'ت', 'تين', 'يتين', 'و', 'تا', 'تان'],
];

/**
 * Whether the lexicon knows a stem (a token folded and its proclitics off: features.ts), as it is or without one of
 * ENDINGS (with ة put back: حكومتها → حكومة), at least two letters left.
 */
export function isOrdinaryStem(stem: string): boolean {
  STEMS ??= new Set(decodeStems(ORDINARY_WORDS.stems));
  return isKnownStem(STEMS, stem);
}

/** Whether `stems` know a stem as isOrdinaryStem looks it up (build/lexicon-coverage.mjs measures other lists so). */
export function isKnownStem(stems: ReadonlySet<string>, stem: string): boolean {
  if (stems.has(stem)) return true;
  for (const ending of ENDINGS) {
    if (!stem.endsWith(ending) || stem.length - ending.length < 2) continue;
    const rest = stem.slice(0, -ending.length);
    if (stems.has(rest) || stems.has(`${rest}ة`)) return true;
  }
  return false;
}
