// Keyword and tag lines: "كلمات دلالية: …", "الوسوم: …", "Tags: …", a "Tags" heading
// followed by one tag a line, or a line of #hashtags only.

import { alternation, endsWithFullStop, wordCount } from './line-shape';
import { isAdvertisementLine, isCopyrightLine, isShareLine } from './promo-lines';
import { defineRule, type SourceLine } from './rule';

const KEYWORD_LABELS = [
  'كلمات دلالية',
  'الكلمات الدلالية',
  'كلمات مفتاحية',
  'الكلمات المفتاحية',
  'الكلمات الرئيسية',
  'الكلمات الدالة',
  'كلمات دالة',
  'كلمات البحث',
  'الوسوم',
  'وسوم',
  'العلامات',
  'الموضوعات',
  'مواضيع',
  'المواضيع',
  'التصنيفات',
  'التصنيف',
  'هاشتاغ',
  'هاشتاج',
  'المزيد عن',
  'المزيد حول',
  'Tags',
  'Tag',
  'Keywords',
  'Topics',
  'Related topics',
  'Related Topics',
  'Filed under',
  'Categories',
  'Category',
  'Subjects',
  'More about',
  'More on',
  'Explore more on these topics',
  'More on these topics',
  'Explore more',
  'مواضيع ذات صلة بالخبر',
];
const labelPattern = `(?:${alternation(KEYWORD_LABELS)})`;
const inline = new RegExp(`^\\s*${labelPattern}\\s*[:：\\-–—]\\s*(\\S.*)$`, 'iu');
const heading = new RegExp(`^\\s*${labelPattern}\\s*[:：]?\\s*$`, 'iu');
const hashtags = /^\s*(?:#[\p{L}\p{N}_]+[\s,،]*){2,}$/u;

/** The keywords part of a keyword line, or undefined. */
export function keywordLineContent(line: string): string | undefined {
  const m = inline.exec(line);
  if (m && !(endsWithFullStop(m[1]) && wordCount(m[1]) > 6)) return m[1].trim();
  if (hashtags.test(line)) return line.trim();
  return undefined;
}

export function isKeywordsLine(line: string): boolean {
  return keywordLineContent(line) !== undefined || heading.test(line);
}

/** A tag under a "Tags" heading: a few words, no sentence punctuation. */
function isTagItem(line: string): boolean {
  const t = line.trim();
  if (isShareLine(t) || isAdvertisementLine(t) || isCopyrightLine(t)) return false;
  return t.length > 0 && t.length <= 40 && wordCount(t) <= 4 && !/[.:؛!?؟]$/u.test(t);
}

export const keywordsLine = defineRule({
  id: 'keywords-line',
  description: { key: 'rule.keywords-line' },
  language: 'any',
  detect(_text, ctx) {
    const out = [];
    const lines = ctx.lines;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (keywordLineContent(l.text) !== undefined) {
        out.push(ctx.suggestLines(l, l, 'keywords-line'));
      } else if (heading.test(l.text)) {
        let last: SourceLine | undefined;
        for (let j = i + 1; j < lines.length && j <= i + 25 && isTagItem(lines[j].text); j++) last = lines[j];
        if (last) {
          out.push(ctx.suggestLines(l, last, 'keywords-line'));
          i = last.index;
        }
      }
    }
    return out;
  },
});
