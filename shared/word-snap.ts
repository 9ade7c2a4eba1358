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

/** Where a selection starting at `pos` begins once snapped: the start of the word it is in, or of the next word. */
export function snapStart(text: string, pos: number): number | null {
  for (const w of wordsOf(text)) if (w.end > pos) return w.start;
  return null;
}

/** Where a selection ending at `pos` ends once snapped: the end of the word it is in, or of the word before. */
export function snapEnd(text: string, pos: number): number | null {
  const words = wordsOf(text);
  for (let i = words.length - 1; i >= 0; i--) if (words[i].start < pos) return words[i].end;
  return null;
}

/** A selection within one paragraph snapped to whole words; null when it holds no word. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  const s = snapStart(text, start);
  const e = snapEnd(text, end);
  if (s === null || e === null || e <= s) return null;
  return { start: s, end: e };
}
