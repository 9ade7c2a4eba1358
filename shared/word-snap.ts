// Selections snap to whole words (Alt keeps the exact characters). Works on one
// paragraph's text in UTF-16 units, the unit DOM selections come in.

// Making a word segmenter loads ICU's word-break data, about 100 ms on a slow machine: that was
// most of the app's start-up script. It is made on the first snap, or earlier when the page is
// idle after the first document shows (prepareWordSnap).
let segmenter: Intl.Segmenter | null = null;

export function prepareWordSnap(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter;
}

interface Word {
  start: number;
  end: number;
}

let cache: { text: string; words: Word[] } | null = null;

function wordsOf(text: string): Word[] {
  if (cache?.text === text) return cache.words;
  const words: Word[] = [];
  for (const s of prepareWordSnap().segment(text))
    if (s.isWordLike) words.push({ start: s.index, end: s.index + s.segment.length });
  cache = { text, words };
  return words;
}

// A word as ICU segments it holds its clitics: "Japan's" and "لواشنطن" are one word each. An editor who selected
// exactly "Japan" or "واشنطن" meant that name (CoNLL and ANERcorp tag the stem, not the 's or the ل), so a boundary
// that already falls between a stem and its clitic stays where it is; one that cuts the stem itself still grows.
// Arabic letters that start words as often as they are proclitics (و in واشنطن, ب in بايدن) make the start the
// ambiguous end: it stays after a proclitic only when the selection also runs to the word's end (a whole stem
// selected); a drag from inside the word to its middle takes the whole word, as before.

/** The proclitics a word may begin with: و ف, then ب ك ل, then the article ال (or لل, ل + ال). */
const PROCLITICS = /^[وف]?(?:[بكل]|[بكل]?ال|لل)?$/u;
/** The letters (and marks) a stem is made of, at least two of them after its proclitics. */
const STEM = /^[\p{L}\p{M}]{2,}$/u;
/** An English possessive after the stem: 's, ’s, or the apostrophe alone. */
const POSSESSIVE = /^['’](?:s|S)?$/u;

/** Whether `pos`, inside `word`, falls after its proclitics and before a whole stem of Arabic letters. */
function afterProclitics(text: string, word: Word, pos: number): boolean {
  const prefix = text.slice(word.start, pos);
  return prefix.length > 0 && PROCLITICS.test(prefix) && STEM.test(text.slice(pos, word.end));
}

/**
 * Where a selection starting at `pos` begins once snapped: the start of the word it is in, or of the next word; where
 * it ends at or past that word's end (`end`, in the same text; past it by default), after the word's proclitics as
 * selected (واشنطن in لواشنطن).
 */
export function snapStart(text: string, pos: number, end = Infinity): number | null {
  for (const w of wordsOf(text)) {
    if (w.end <= pos) continue;
    return pos > w.start && end >= w.end && afterProclitics(text, w, pos) ? pos : w.start;
  }
  return null;
}

/**
 * Where a selection ending at `pos` ends once snapped: the end of the word it is in, or of the word before; before a
 * possessive as selected (Japan in Japan's).
 */
export function snapEnd(text: string, pos: number): number | null {
  const words = wordsOf(text);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (w.start >= pos) continue;
    return pos < w.end && POSSESSIVE.test(text.slice(pos, w.end)) ? pos : w.end;
  }
  return null;
}

/** A selection within one paragraph snapped to whole words (or stems, as above); null when it holds no word. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  const s = snapStart(text, start, end);
  const e = snapEnd(text, end);
  if (s === null || e === null || e <= s) return null;
  return { start: s, end: e };
}
