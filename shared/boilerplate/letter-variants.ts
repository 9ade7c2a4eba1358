// Letter variants in Arabic words: the Persian keheh ک and farsi yeh ی that Persian
// keyboards type (کوریا الشمالیة → كوريا الشمالية), and tatweel stretching a word
// (الـــرئيس → الرئيس). Proposed as `normalize` edits, one per word. Persian or Urdu text
// is left alone, and a tatweel that joins a prefix to a number or Latin word (الـ20, بـGoogle)
// is how Arabic writes that, so it stays.

import type { SuggestedEdit } from '../api';
import { defineRule } from './rule';

const KEHEH = '\u06A9';
const FARSI_YEH = '\u06CC';
const TATWEEL = '\u0640';
// Letters, marks and tatweel only: punctuation such as the Arabic comma is not part of a word.
const arabicWord = /[\u0621-\u065F\u0670-\u06D3\u0750-\u077F]+/gu;
const persianOnly = /[\u067E\u0686\u0698\u06AF\u06BA\u06BE\u06C1\u06D2]/u; // پ چ ژ گ ں ھ ہ ے
const persianWords = /(?:^|\s)(?:که|این|است|را|برای|می|های|آن|شد|کرد|بود|خود|یک|هم|ما|شما|او|آنها)(?=\s|$|\u200C)/gu;
const letter = /[\u0621-\u063A\u0641-\u064A]/u;

function looksPersian(line: string): boolean {
  if (persianOnly.test(line) || /\u200C[\u0600-\u06FF]/u.test(line)) return true;
  return (line.match(persianWords) ?? []).length >= 2;
}

/** The word with its letter variants normalized (tatweel only between letters). */
export function normalizeLetterVariants(word: string): string {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === KEHEH) out += '\u0643';
    else if (c === FARSI_YEH) out += '\u064A';
    else if (c === TATWEEL) {
      let j = i + 1;
      while (j < chars.length && chars[j] === TATWEEL) j++;
      const before = out.length > 0 && letter.test(out[out.length - 1]);
      const after = j < chars.length && (letter.test(chars[j]) || chars[j] === KEHEH || chars[j] === FARSI_YEH);
      if (!(before && after)) out += chars.slice(i, j).join('');
      i = j - 1;
    } else out += c;
  }
  return out;
}

export const letterVariants = defineRule({
  id: 'letter-variants',
  description: 'Persian letter forms (ک ی) in Arabic words and stretching tatweel, normalized to Arabic letters.',
  language: 'ar',
  detect(_text, ctx) {
    const out: SuggestedEdit[] = [];
    for (const line of ctx.lines) {
      if (!/[\u06A9\u06CC\u0640]/u.test(line.text) || looksPersian(line.text)) continue;
      arabicWord.lastIndex = 0;
      for (let m = arabicWord.exec(line.text); m; m = arabicWord.exec(line.text)) {
        const fixed = normalizeLetterVariants(m[0]);
        if (fixed !== m[0]) {
          const start = line.start + m.index;
          out.push(ctx.suggest(start, start + m[0].length, 'normalize', 'letter-variants', fixed));
        }
      }
    }
    return out;
  },
});
