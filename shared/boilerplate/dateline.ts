// Datelines: the place and agency a wire story opens with. Glued before the first sentence
// ("NEW YORK (Reuters) - ", "(AP) — ", "WASHINGTON – ", "دبي، الإمارات العربية المتحدة (CNN)-- ")
// only the prefix goes, up to and including its dash; on a line of its own with the date
// (" بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس") the whole line goes.
// Only the first lines of a document are looked at: a dateline further down opens another story.

import type { SuggestedEdit } from '../api';
import { isDateLine } from './date-line';
import { alternation, words } from './line-shape';
import { NEWS_AGENCIES } from './news-outlets';
import { defineRule } from './rule';

const DASH = '(?:-{1,2}|–{1,2}|—{1,2})';
const agency = alternation([
  ...NEWS_AGENCIES,
  'Reuters Health',
  'AP Photo',
  'UPI',
  'CNBC',
  'HealthDay News',
  'dpa-AFX',
]);
// "NEW YORK", "BREVARD COUNTY, Fla.", "SAN JUAN, Puerto Rico", "U.N."; capitals for the city, a
// state or country after a comma.
const englishPlace =
  "[A-Z][A-Z.'’-]*(?:\\s+[A-Z][A-Z.'’-]*){0,3}(?:,\\s+[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,2})?";
// "دبي، الإمارات العربية المتحدة", "القاهرة": up to seven words, no sentence punctuation.
const arabicPlace =
  '[\\u0621-\\u064A][\\u0621-\\u064A\\u0640\\u064B-\\u0652]*(?:[\\s،,]+[\\u0621-\\u064A][\\u0621-\\u064A\\u0640\\u064B-\\u0652]*){0,6}';
const NBSP_SPACE = '[\\s\\u00A0]';

// "Paris", "Hong Kong": with the agency in brackets after it, a place may be in Title Case.
const titlePlace =
  "[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,3}(?:,\\s+[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,2})?";
// Reuters dates its dateline: "LONDON, May 18 (Reuters) - "; KUNA in figures: "الكويت - 14 - 5 (كونا) -- ".
const wireDate = `(?:${NBSP_SPACE}*[-–—]${NBSP_SPACE}*\\d{1,2}${NBSP_SPACE}*[-/]${NBSP_SPACE}*\\d{1,2}(?:${NBSP_SPACE}*[-/]${NBSP_SPACE}*\\d{2,4})?|,?\\s+(?:${alternation(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'])})\\.?\\s+\\d{1,2})?`;
/**
 * "(Reuters) - ", "NEW YORK (Reuters) - ", "LONDON, May 18 (Reuters) - ", "Atlanta (CNN)The …",
 * "دبي، الإمارات (CNN)-- ": a place (optional) and an agency in brackets, then its dash, or a
 * sentence glued straight on ("(CNN)The").
 */
const agencyDateline = new RegExp(
  `^${NBSP_SPACE}*(?:(?:${englishPlace}|${titlePlace}|${arabicPlace})${wireDate}${NBSP_SPACE}*)?\\((?:${agency})\\)(?:${NBSP_SPACE}*${DASH}${NBSP_SPACE}*(?=[\\p{L}"“«'‘])|(?=[A-Z][a-z]))`,
  'u',
);
/**
 * The same with an agency we do not know by name ("BEIRUT (NNA) - ", "الرباط (ومع) - "): one to three
 * capitalized words or short Arabic words in brackets, then the dash, which is needed here. With the
 * site's own name changed, cnn-arabic's and reuters' datelines were found only this way (15 of the 72
 * gold articles).
 */
const unknownAgency = [
  '[A-Z][A-Za-z.&]{1,11}(?:\\s[A-Z][A-Za-z.&]{1,11}){0,2}',
  '[\\u0621-\\u064A]{2,6}(?:\\s[\\u0621-\\u064A]{1,6}){0,2}',
].join('|');
const anyPlace = `(?:${englishPlace}|${titlePlace}|${arabicPlace})${wireDate}${NBSP_SPACE}*`;
const unknownAgencyDateline = new RegExp(
  `^${NBSP_SPACE}*(?:${anyPlace})?\\((?:${unknownAgency})\\)${NBSP_SPACE}*${DASH}${NBSP_SPACE}*(?=[\\p{L}"“«'‘])`,
  'u',
);
/** "القاهرة - أ ش أ: ", "بيروت – وكالات - ": a place, a dash and the agency, then a colon or dash. */
const arabicAgencyDateline = new RegExp(
  `^${NBSP_SPACE}*${arabicPlace}${NBSP_SPACE}*[-–—]${NBSP_SPACE}*[(«]?(?:${agency})[)»]?${NBSP_SPACE}*(?:[:：]|${DASH})${NBSP_SPACE}*(?=[\\p{L}"“«])`,
  'u',
);
/** "WASHINGTON – ", "DUBAI — ": a place in capitals and a dash, then a sentence in mixed case. */
const capsDateline = new RegExp(
  `^${NBSP_SPACE}*${englishPlace}${NBSP_SPACE}+[–—]{1,2}${NBSP_SPACE}+(?=[A-Z][a-z]|["“‘][A-Z])`,
  'u',
);
const agencyAtEnd = new RegExp(`${NBSP_SPACE}+(?:${agency})${NBSP_SPACE}*$`, 'u');
const shortWordAtEnd = new RegExp(`${NBSP_SPACE}+(?:[\\u0621-\\u064A]{2,5}|[A-Z]{2,6})${NBSP_SPACE}*$`, 'u');

/** The dateline at the start of `line`, as its length in UTF-16 units, or 0. */
export function gluedDatelineLength(line: string): number {
  const a = agencyDateline.exec(line) ?? arabicAgencyDateline.exec(line) ?? unknownAgencyDateline.exec(line);
  if (a) return a[0].length;
  const c = capsDateline.exec(line);
  // A place in capitals is at least one word of three letters ("A – " is no dateline).
  if (c && /[A-Z]{3}/u.test(c[0]) && !/[a-z]/u.test(c[0].split(',')[0])) return c[0].length;
  return 0;
}

/** A line with a place, a date and an agency: " بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس". */
export function isWireDatelineLine(line: string): boolean {
  // An agency we do not know by name is a short word closing the line: "… 2015 م ومس".
  const agencyMatch = agencyAtEnd.exec(line) ?? shortWordAtEnd.exec(line);
  if (!agencyMatch) return false;
  const rest = words(line.slice(0, agencyMatch.index));
  // The place is one to three words before the date.
  for (let n = 1; n <= 3 && n < rest.length; n++) if (isDateLine(rest.slice(n).join(' '))) return true;
  return false;
}

export const dateline = defineRule({
  id: 'dateline',
  description: { key: 'rule.dateline' },
  language: 'any',
  detect(_text, ctx) {
    const out: SuggestedEdit[] = [];
    let seen = 0;
    for (const line of ctx.lines) {
      if (line.text.trim().length === 0) continue;
      if (++seen > 4) break;
      if (isWireDatelineLine(line.text)) {
        out.push(ctx.suggestLines(line, line, 'dateline'));
        continue;
      }
      const n = gluedDatelineLength(line.text);
      if (n > 0) {
        out.push(ctx.suggest(line.start, line.start + n, 'boilerplate', 'dateline'));
        break;
      }
    }
    return out;
  },
});
