// Reporting credits: "Contributing: David Oliver", "Additional reporting: …", "— With assistance from …",
// a long list of names
// ending "… contributed to this report.", "ساهم في إعداد التقرير: …", and a credits box at the end
// of a feature ("About this story" / "Credits" with the "written by … Edited by …" lines under it).
// Short "(Reporting by …; Editing by …)" lines are the byline rule's.

import { wordCount } from './line-shape';
import { blockRule } from './rule';

const contributingLabel =
  /^[\s\u00A0]*[([]?\s*(?:contributing|contributors?|additional reporting|with reporting from|reporting contributed by|ساهم(?:ت)? في (?:التغطية|الإعداد|إعداد التقرير|إعداد هذا التقرير|التقرير)|شارك(?:ت)? في (?:الإعداد|التغطية|إعداد التقرير)|إعداد|تحرير|مراجعة)\s*[:：]\s*\S/iu;
// "… all contributed." is prose: the credit names what was contributed to.
const contributedEnd =
  /contributed (?:reporting(?: (?:to|for) (?:this|the) (?:report|story|article))?|to (?:this|the) (?:report|story|article|reporting))\.?[)\]]?[\s\u00A0]*$/iu;
/**
 * Bloomberg's "— With assistance from Jane Doe and John Roe." after the story: with its dash, or naming people
 * only ("With assistance from the UN, the ministry …" is a sentence).
 */
const assistance = new RegExp(
  String.raw`^[\s\u00A0]*(?:[—–-]+\s*[Ww]ith (?:assistance|reporting) from\s+\S|` +
    String.raw`[Ww]ith (?:assistance|reporting) from\s+[A-Z][\p{L}.'’-]*` +
    String.raw`(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\p{L}.'’-]*)*\.?[\s\u00A0]*$)`,
  'u',
);
/** A sentence break inside the line ("… said. Smith …"); initials ("Lena H. Sun") are not one. */
const sentenceBreak = /[a-z\u0621-\u064A]{2}[.!?]\s+\S/u;
const CREDIT_PHRASE = new RegExp(
  [
    String.raw`\b(?:written|edited|reported|produced|composed|designed|illustrated|photographed|compiled|researched|translated|copy edited|fact-checked|excerpted)\s+by\b`,
    String.raw`\b(?:photo editing|copy editing|design and development|design|development|graphics|video|illustrations?|editing|reporting|research|production|photography)\s+by\b`,
    String.raw`(?:إعداد|تحرير|تصميم|تصوير|مونتاج|إخراج|ترجمة)\s*[:：]`,
  ].join('|'),
  'giu',
);
const creditsHeading =
  /^[\s\u00A0]*(?:about this (?:story|project|report|series|package)|credits|story credits|project credits|عن هذا التقرير|فريق العمل|فريق الإعداد|أسرة التحرير)\s*:?[\s\u00A0]*$/iu;

function creditPhrases(line: string): number {
  if (!/by\b|[:：]/iu.test(line)) return 0;
  return (line.match(CREDIT_PHRASE) ?? []).length;
}

export function isWireCreditLine(line: string): boolean {
  const n = wordCount(line);
  if (n === 0) return false;
  if ((contributingLabel.test(line) || assistance.test(line)) && n <= 40) return true;
  // "Joel Achenbach, Ariana Eunjung Cha, … and William Wan contributed to this report."
  if (contributedEnd.test(line) && n <= 90 && !sentenceBreak.test(line.replace(contributedEnd, ''))) return true;
  // "Text composed by … Edited by … Photo editing by …": a line of credits.
  return creditPhrases(line) >= 2 && n <= 120;
}

export const wireCredit = blockRule('wire-credit', { key: 'rule.wire-credit' }, (lines, i) => {
  const t = lines[i].text;
  if (creditsHeading.test(t)) {
    // The box: the heading and the credit lines under it (blank lines between them).
    let last = -1;
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      if (lines[j].text.trim().length === 0) continue;
      if (creditPhrases(lines[j].text) === 0 && !isWireCreditLine(lines[j].text)) break;
      last = j;
    }
    if (last > i) return last;
  }
  return isWireCreditLine(t) ? i : -1;
});
