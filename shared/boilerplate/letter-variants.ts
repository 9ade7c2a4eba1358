// Letter variants in Arabic words: the Persian keheh ک and farsi yeh ی that Persian
// keyboards type (کوریا الشمالیة → كوريا الشمالية), the hehs of Urdu and Kurdish keyboards
// (ھذا → هذا, مدرسە → مدرسه), Persian's heh with hamza for ة (الدولۀ → الدولة), tatweel stretching a
// word (الـــرئيس → الرئيس), and Persian digits among Arabic ones (۲۰۲۴ → ٢٠٢٤). Proposed as
// `normalize` edits, one per word or number. A tatweel that joins a prefix to a number or Latin word
// (الـ20, بـGoogle) is how Arabic writes that, so it stays.
//
// Persian, Urdu or Kurdish text is left alone: a line that reads so, a quote in those languages
// («مرگ بر آمریکا»), a word with a letter Arabic does not have (گلشیفته, پزشکیان). A Persian name
// in Arabic letters otherwise (کاملیا انتخابی) is fixed, as an Arabic editor spells it: كامليا انتخابي.
// On the 904 corpus articles: 45 suggestions in 12 files (41 tatweel, 4 ک/ی words), all read, all right.
//
// Persian writes one letter, ی, where Arabic ends a word with either yeh ي (في، الأمريكي) or
// alef maksura ى (على، إلى، مستشفى). A word-final ی follows the same word written in Arabic
// letters elsewhere in the text; failing that, a list of common words ending in ى; else ي.

import type { SuggestedEdit } from '../api';
import { defineRule } from './rule';

const KEHEH = '\u06A9';
const FARSI_YEH = '\u06CC';
const TATWEEL = '\u0640';
// Letters, marks and tatweel only: punctuation such as the Arabic comma is not part of a word.
const arabicWord = /[\u0621-\u065F\u0670-\u06D5\u0750-\u077F]+/gu;
/** Letters of Persian, Urdu and Kurdish that Arabic does not have: پ چ ژ گ ں ہ ۃ ے ٹ ڈ ڑ ڕ ڵ ێ ۆ. */
const persianOnly = /[\u067E\u0686\u0698\u06AF\u06BA\u06C1\u06C3\u06D2\u0679\u0688\u0691\u0695\u06B5\u06CE\u06C6]/u;
// Persian, Kurdish and Urdu words that are no Arabic word, whatever the keyboard: not ما، هم، او، آن، شد,
// nor کرد (الكرد), کی (كي) or این (اين, "where" without its hamza), which Arabic typed on a Persian keyboard has.
const FOREIGN_WORDS = 'که|است|را|برای|می|های|بود|خود|یک|آنها|شما|لە|بە|کە|ئەو|ئەم|بۆ|ہے|کا|میں';
const persianWord = new RegExp(`^(?:${FOREIGN_WORDS})$`, 'u');
/** Whether a line may hold any foreign word or letter (most Arabic lines have none: the cheap test first). */
const foreignEvidence = new RegExp(
  `${persianOnly.source}|\\u200C|(?:^|[\\s«"“(])(?:${FOREIGN_WORDS})(?=[\\s»"”).,،:؛]|$)`,
  'u',
);
/** Quotes whose words are another language's when one of them is: «…», "…", “…”. */
const quoted = /«[^«»\n]{1,200}»|"[^"\n]{1,200}"|“[^“”\n]{1,200}”/gu;
const KURDISH_AE = '\u06D5'; // ە
const URDU_HEH = '\u06BE'; // ھ
const HEH_HAMZA = '\u06C0'; // ۀ
/** Persian digits ۰–۹ among Arabic-Indic ones ٠–٩ (٤ ٥ ٦ are drawn differently, and search tells them apart). */
const persianDigits = /[\u0660-\u0669\u06F0-\u06F9]*[\u06F0-\u06F9][\u0660-\u0669\u06F0-\u06F9]*/gu;
const letter = /[\u0621-\u063A\u0641-\u064A]/u;
const YEH = '\u064A';
const ALEF_MAKSURA = '\u0649';

/** Common Arabic words that end in alef maksura ى, as written without a prefix. */
const MAKSURA_WORDS = new Set(
  (
    'على إلى الى حتى لدى متى سوى مدى أخرى كبرى صغرى أولى ذكرى مستوى معنى مبنى مستشفى ملتقى منتدى أدنى أقصى أعلى ' +
    'موسى عيسى مصطفى يحيى فتوى دعوى شكوى جدوى مسعى مغزى منحى مأوى'
  ).split(' '),
);
/** Prefixes an Arabic word may carry: the conjunctions و ف, then the article or a preposition with it. */
const PREFIXES = /^(?:[وف])?(?:ال|بال|لل|كال)?/u;

/** The letter a word-final Persian yeh becomes, given the word's other letters (`stem`). */
export type FinalYeh = (stem: string) => typeof YEH | typeof ALEF_MAKSURA;

function byList(stem: string): typeof YEH | typeof ALEF_MAKSURA {
  const word = stem + ALEF_MAKSURA;
  const bare = word.replace(PREFIXES, '');
  return MAKSURA_WORDS.has(word) || MAKSURA_WORDS.has(bare) || MAKSURA_WORDS.has(word.replace(/^[وف]/u, ''))
    ? ALEF_MAKSURA
    : YEH;
}

/**
 * Word-final ی as this text writes the same word in Arabic letters (on a tie or no evidence,
 * by the list of common ى words).
 */
export function finalYehFromText(text: string): FinalYeh {
  const seen = new Map<string, { maksura: number; yeh: number }>();
  for (const m of text.matchAll(/[\u0621-\u064A\u064B-\u065F\u0670]+/gu)) {
    const word = m[0].replace(/[\u064B-\u065F\u0670]/gu, '');
    const last = word[word.length - 1];
    if (word.length < 2 || (last !== YEH && last !== ALEF_MAKSURA)) continue;
    const stem = word.slice(0, -1);
    const count = seen.get(stem) ?? { maksura: 0, yeh: 0 };
    if (last === YEH) count.yeh++;
    else count.maksura++;
    seen.set(stem, count);
  }
  return (stem) => {
    const count = seen.get(stem);
    if (count && count.maksura !== count.yeh) return count.maksura > count.yeh ? ALEF_MAKSURA : YEH;
    return byList(stem);
  };
}

function isForeignWord(word: string): boolean {
  return persianOnly.test(word) || persianWord.test(word);
}

/** A line in Persian, Urdu or Kurdish: a zero-width non-joiner inside it, or half its words theirs or two. */
function looksPersian(line: string): boolean {
  if (/\u200C[\u0600-\u06FF]/u.test(line)) return true;
  const words = line.match(arabicWord) ?? [];
  const foreign = words.filter(isForeignWord).length;
  return foreign >= 2 || (foreign > 0 && foreign * 2 >= words.length);
}

/** UTF-16 ranges of the line's quotes that are in Persian, Urdu or Kurdish. */
function foreignQuotes(line: string): [number, number][] {
  const out: [number, number][] = [];
  for (const q of line.matchAll(quoted)) {
    if ((q[0].match(arabicWord) ?? []).some(isForeignWord)) out.push([q.index, q.index + q[0].length]);
  }
  return out;
}

/** The word with its letter variants normalized (tatweel only between letters). */
export function normalizeLetterVariants(word: string, finalYeh: FinalYeh = byList): string {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === KEHEH) out += '\u0643';
    else if (c === URDU_HEH || (c === KURDISH_AE && i > 0)) out += '\u0647';
    else if (c === HEH_HAMZA) out += i === chars.length - 1 ? '\u0629' : '\u0647';
    else if (c === FARSI_YEH)
      out +=
        i === chars.length - 1 && letter.test(out[out.length - 1] ?? '') ? finalYeh(out.replace(/\u0640/gu, '')) : YEH;
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
  description: { key: 'rule.letter-variants' },
  language: 'ar',
  detect(text, ctx) {
    const out: SuggestedEdit[] = [];
    let finalYeh: FinalYeh | null = null; // read off the text only when a line needs it
    for (const line of ctx.lines) {
      if (!/[\u06A9\u06CC\u0640\u06BE\u06C0\u06D5\u06F0-\u06F9]/u.test(line.text)) continue;
      // Most lines hold no foreign word: then no word is looked up and no quote is read.
      const foreign = foreignEvidence.test(line.text);
      if (foreign && looksPersian(line.text)) continue;
      const quotes = foreign ? foreignQuotes(line.text) : [];
      const inQuote = (at: number) => quotes.some(([a, b]) => a <= at && at < b);
      const fixes: { at: number; from: string; to: string }[] = [];
      arabicWord.lastIndex = 0;
      for (let m = arabicWord.exec(line.text); m; m = arabicWord.exec(line.text)) {
        if (foreign && (isForeignWord(m[0]) || inQuote(m.index))) continue;
        const fixed = normalizeLetterVariants(m[0], (stem) => (finalYeh ??= finalYehFromText(text))(stem));
        if (fixed !== m[0]) fixes.push({ at: m.index, from: m[0], to: fixed });
      }
      persianDigits.lastIndex = 0;
      const digits = /[\u06F0-\u06F9]/u.test(line.text);
      for (let m = digits ? persianDigits.exec(line.text) : null; m; m = persianDigits.exec(line.text)) {
        if (inQuote(m.index)) continue;
        const to = m[0].replace(/[\u06F0-\u06F9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0x06f0 + 0x0660));
        fixes.push({ at: m.index, from: m[0], to });
      }
      fixes.sort((a, b) => a.at - b.at);
      for (const f of fixes) {
        const start = line.start + f.at;
        out.push(ctx.suggest(start, start + f.from.length, 'normalize', 'letter-variants', f.to));
      }
    }
    return out;
  },
});
