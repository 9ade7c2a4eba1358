// Read-more and see-also injections: "إقرأ المزيد <headline>", "اقرأ أيضا: <headline>",
// "Read more: <headline>". Scrapers often glue the headline to the sentence that follows
// ("…من ضيفه كيشيداوبحسب وكالة…"): find the glue point so only the headline goes.

import type { SuggestedEdit } from '../api';
import { ARABIC_LETTER, endsWithFullStop, wordCount } from './line-shape';
import { ARABIC_OPENERS, ARABIC_SHORT_OPENERS, ENGLISH_OPENERS, arabicGluedOpener } from './sentence-openers';
import { defineRule, type RuleContext, type SourceLine } from './rule';
import { alternation } from './line-shape';

const also = '[أإا]يض(?:اً|ًا|ا)?';
/** Arabic triggers; the headline follows on the same line. */
export const ARABIC_READ_MORE = `(?:[اإأ]قر[أا]|طالع|شاهد|تابع)\\s+(?:${also}|كذلك|المزيد)`;
/** Arabic triggers that are ordinary words too, so they need a separator. */
const ARABIC_LABELLED = '(?:للمزيد|ذات صلة|مقالات? ذات صلة|خبر ذو صلة|موضوع ذو صلة)';
/** English triggers; as prose can start with "Read more about…", they need a separator or capitals. */
export const ENGLISH_READ_MORE =
  '(?:Read more|Read More|Also read|Also Read|Read also|See also|Go deeper|Go Deeper|Dig deeper|Keep reading|Related reading|Related|Related article|Related story|Related coverage|Watch|Recommended|Read next|Read Next|More|RELATED|MORE)';
const ENGLISH_CAPS =
  '(?:READ MORE|ALSO READ|READ ALSO|SEE ALSO|RELATED ARTICLE|RELATED STORY|RELATED VIDEO|WATCH|GO DEEPER|Related article|Related story|Related video|Related content)';

const sepAr = '\\s*(?:[:：»›>|\\-–—]|\\.{2,}|…)?\\s*';
const sepEn = '\\s*(?:[:：»›>|]|\\s[-–—])\\s*';
const trigger = new RegExp(
  `(?:^|(?<=[.!?؟»"”]))\\s*(?:(?:${ARABIC_READ_MORE})(?![\\p{L}\\p{M}])${sepAr}|${ARABIC_LABELLED}${sepEn}|${ENGLISH_READ_MORE}${sepEn}|${ENGLISH_CAPS}(?:${sepEn}|\\s+(?=[A-Z"“‘'])))(?=[\\p{L}\\p{N}"“«'‘(\\[])`,
  'gu',
);

const arabicOpenerWord = new RegExp(`^(?:${alternation(ARABIC_OPENERS)})(?![${ARABIC_LETTER}])`, 'u');
const englishOpenerWord = new RegExp(`^(?:${alternation(ENGLISH_OPENERS)})\\b`, 'u');
const englishGlue = new RegExp(
  `(?<=[a-z)\\]"”'’])(?=(?:${alternation(ENGLISH_OPENERS.filter((w) => w.length > 1))})\\b)|(?<=[a-z][.!?]["”’]?)(?=[A-Z][a-z])`,
  'u',
);
const digitArabicGlue = new RegExp(`(?<=[0-9])(?=[${ARABIC_LETTER}]{3,})`, 'u');
// ة and ى only ever end a word: a letter right after one is the next word.
const wordFinalGlue = new RegExp(`(?<=[ةى][\\u064B-\\u0652]*)(?=[${ARABIC_LETTER}])`, 'u');
const shortOpenerGlue = new RegExp(
  `(?<=[${ARABIC_LETTER}]{3})(?=(?:${alternation(ARABIC_SHORT_OPENERS.filter((w) => !w.includes(' ')))})(?![${ARABIC_LETTER}]))`,
  'u',
);

/**
 * Where an injected headline ends in `rest` (the text after the trigger, up to the end of
 * its line), as a UTF-16 offset into `rest`, or -1 when it cannot be told.
 */
export function findGluePoint(rest: string): number {
  const candidates: number[] = [];
  // Glued inside a word: "كيشيداوبحسب", "KishidaThe", "2024وجاء".
  let offset = 0;
  for (const token of rest.split(/(\s+)/u)) {
    if (!/^\s*$/u.test(token) && offset > 0 && !/[/@#]|https?:/u.test(token)) {
      const ar = arabicGluedOpener.exec(token);
      if (ar && ar.index >= 2) candidates.push(offset + ar.index);
      const en = englishGlue.exec(token);
      if (en && en.index >= 2) candidates.push(offset + en.index);
      const dg = digitArabicGlue.exec(token);
      if (dg && dg.index >= 2) candidates.push(offset + dg.index);
      const wf = wordFinalGlue.exec(token);
      if (wf && wf.index >= 2) candidates.push(offset + wf.index);
      // "النهائيوفي الدقائق…": a short opener glued on, when a sentence's worth of words follows.
      const so = shortOpenerGlue.exec(token);
      if (so && wordCount(rest.slice(offset + token.length)) >= 5) candidates.push(offset + so.index);
    } else if (!/^\s*$/u.test(token) && offset === 0) {
      const ar = arabicGluedOpener.exec(token);
      if (ar && ar.index >= 3) candidates.push(ar.index);
      const en = englishGlue.exec(token);
      if (en && en.index >= 3) candidates.push(en.index);
    }
    offset += token.length;
  }
  // Separated by a space: a sentence opener after a few headline words, when what follows reads as prose.
  const spaced = /\s+/gu;
  let wordsBefore = 0;
  for (let m = spaced.exec(rest); m; m = spaced.exec(rest)) {
    wordsBefore++;
    const at = m.index + m[0].length;
    const after = rest.slice(at);
    if (wordsBefore >= 3 && arabicOpenerWord.test(after) && wordCount(after) >= 4) {
      candidates.push(at);
      break;
    }
    if (
      wordsBefore >= 4 &&
      englishOpenerWord.test(after) &&
      /[a-z,]$/u.test(rest.slice(0, m.index)) &&
      wordCount(after) >= 6 &&
      endsWithFullStop(after)
    ) {
      candidates.push(at);
      break;
    }
  }
  return candidates.length ? Math.min(...candidates) : -1;
}

/**
 * Suggestions for one trigger at `at` (UTF-16, inside `line`): the headline's removal and, where the
 * headline is glued to the next word ("كيشيداوبحسب"), a space at the glue point. The split is the
 * only one made inside a run of Arabic letters, as here the headline is known: it is dropped while
 * the removal stands (its edge), and offered once the editor rejects the removal.
 */
function readMoreEdits(ctx: RuleContext, line: SourceLine, at: number, triggerEnd: number): SuggestedEdit[] {
  const edit = readMoreEdit(ctx, line, at, triggerEnd);
  if (!edit) return [];
  const end = triggerEnd + findGluePoint(line.text.slice(triggerEnd - line.start));
  const glued = end > triggerEnd && /\S/u.test(ctx.text[end - 1]) && /\S/u.test(ctx.text[end]);
  return glued ? [edit, ctx.suggest(end, end, 'split', 'read-more', ' ')] : [edit];
}

/** The removal for one trigger at `at` (UTF-16, inside `line`). */
function readMoreEdit(ctx: RuleContext, line: SourceLine, at: number, triggerEnd: number): SuggestedEdit | undefined {
  const rest = line.text.slice(triggerEnd - line.start);
  const atLineStart = line.text.slice(0, at - line.start).trim().length === 0;
  const glue = findGluePoint(rest);
  if (glue > 0) return ctx.suggest(at, triggerEnd + glue, 'boilerplate', 'read-more');
  const restWords = wordCount(rest);
  // The headline is alone on its line (or ends the paragraph): all of it goes.
  if (restWords <= 22 && !(endsWithFullStop(rest) && restWords > 14)) {
    return atLineStart
      ? ctx.suggestLines(line, line, 'read-more')
      : ctx.suggest(at, line.end, 'boilerplate', 'read-more');
  }
  // A long run of prose and no glue point: "اقرأ أيضا ما قاله الخبراء…" may be the article speaking.
  return undefined;
}

export const readMore = defineRule({
  id: 'read-more',
  description: { key: 'rule.read-more' },
  language: 'any',
  detect(_text, ctx) {
    const out: SuggestedEdit[] = [];
    for (const line of ctx.lines) {
      trigger.lastIndex = 0;
      for (let m = trigger.exec(line.text); m; m = trigger.exec(line.text)) {
        // Mid-line, the match starts with the space after the sentence end: it goes too.
        const start = line.start + m.index;
        out.push(...readMoreEdits(ctx, line, start, line.start + m.index + m[0].length));
        break;
      }
    }
    return out;
  },
});
