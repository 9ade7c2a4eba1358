// Whether a general Arabic lexicon knows a word as an ordinary word: knowledge from outside the tagged sentences
// and the untagged text. Unseen names are mostly not in it, unseen ordinary words mostly are (NewsFANE 3,001–3,800,
// tokens whose stem 1–3,000 never shows: O 89%, PERSON 44%, GPE 43%, ORG 38%, LOC 56%). The list is the stems of
// Ayaspell's hunspell-ar entries (ordinary-words.json, derived once by build/derive-ordinary-words.mjs; MPL 1.1,
// ordinary-words.LICENSE), bundled: the tagger scores the same where no dictionary is installed.
import ORDINARY_WORDS from './ordinary-words.json';

/**
 * Sorted stems front-coded: each as the count of letters it shares with the one before (a digit, at most 9) and then
 * its own letters. 90,564 stems: 981 KB as lines, 315 KB so.
 */
export function encodeStems(sorted: readonly string[]): string {
  let out = '';
  let before = '';
  for (const stem of sorted) {
    let shared = 0;
    while (shared < 9 && shared < stem.length && stem[shared] === before[shared]) shared++;
    out += `${shared}${stem.slice(shared)}`;
    before = stem;
  }
  return out;
}

/** encodeStems' stems, in order. */
export function decodeStems(encoded: string): string[] {
  const stems: string[] = [];
  let before = '';
  for (let k = 0; k < encoded.length;) {
    const shared = encoded.charCodeAt(k) - 48;
    let end = k + 1;
    while (end < encoded.length && !(encoded.charCodeAt(end) >= 48 && encoded.charCodeAt(end) <= 57)) end++;
    before = before.slice(0, shared) + encoded.slice(k + 1, end);
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
  if (STEMS.has(stem)) return true;
  for (const ending of ENDINGS) {
    if (!stem.endsWith(ending) || stem.length - ending.length < 2) continue;
    const rest = stem.slice(0, -ending.length);
    if (STEMS.has(rest) || STEMS.has(`${rest}ة`)) return true;
  }
  return false;
}
