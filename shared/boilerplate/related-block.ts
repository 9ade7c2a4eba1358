// Related-article blocks: a heading alone on its line ("إقرأ أيضاً:", "«اقرأ أيضاً»", "Related",
// "More on this story", "الأكثر قراءة") and the headlines listed under it. In the page
// footer (after the source, keyword, copyright or share lines) everything after the
// heading is another article the scraper took along, so the block runs to the end.

import { isDateLine } from './date-line';
import { isHeadlineLike, wordCount } from './line-shape';
import { isKeywordsLine } from './keywords-line';
import { isAdvertisementLine, isCopyrightLine, isFollowLine, isNewsletterLine, isShareLine } from './promo-lines';
import { lineRule, type SourceLine } from './rule';
import { isSourceLine } from './source-line';

const also = '[أإا]يض(?:اً|ًا|ا)?';
const ARABIC_HEADINGS =
  `(?:[اإأ]قر[أا]|طالع|شاهد)\\s+(?:${also}|كذلك|المزيد)|(?:مواضيع|أخبار|اخبار|مقالات|موضوعات|قصص|تقارير|روابط)\\s+(?:ذات صلة|متعلقة|مشابهة|مقترحة|أخرى)|` +
  'ذات صلة|الأكثر (?:قراءة|مشاهدة|تداولا|تداولاً|شعبية)|اخترنا لك|اخترنا لكم|قد يهمك|قد يهمك أيضا|قد يعجبك(?:\\s+' +
  also +
  ')?|' +
  'المزيد من الأخبار|المزيد من (?:الأخبار|المقالات|التقارير)|آخر الأخبار|أحدث الأخبار|أخبار متعلقة|أهم الأخبار|الأخبار الأكثر قراءة|مقالات أخرى|' +
  'ننصحك بقراءة|موضوعات قد تهمك|مواضيع قد تهمك|لا تفوتك|لا يفوتك|للمزيد';
const ENGLISH_HEADINGS =
  'related(?: (?:articles?|stories|story|coverage|content|news|reading|links?|posts?|videos?|topics))?|read (?:more|next|also)|also read|see also|' +
  'more on this(?: story)?|more coverage|more (?:from|on|about) .{1,40}|you (?:may|might) also (?:like|be interested in|enjoy)|most (?:read|popular|viewed|shared)(?: (?:from|on|in) \\S+(?: \\S+)?)?|' +
  "top stories|trending(?: now| stories)?|recommended(?: for you| stories| reading)?|editor'?s picks|more stories|more news|latest news|" +
  'latest stories|further reading|what to read next|up next|around the web|from our partners|in other news|elsewhere|' +
  'visual stories|web stories|photo stories|photo galleries|more videos|latest videos|top videos|watch more|must read|must watch|' +
  'فيديوهات|أحدث الفيديوهات|شاهد المزيد|قصص مصورة|ألبوم الصور|ننصحك أيضا';
const heading = new RegExp(
  `^\\s*[-–—•*#«"“]*\\s*(?:${ARABIC_HEADINGS}|${ENGLISH_HEADINGS})\\s*(?:[:：»"”›>|\\-–—]|\\.{2,}|…)*\\s*$`,
  'iu',
);

export function isRelatedHeading(line: string): boolean {
  return heading.test(line);
}

/** A line of the page footer: once such a line is seen, no article text follows it. */
export function isFooterLine(line: string): boolean {
  return (
    isSourceLine(line) ||
    isKeywordsLine(line) ||
    isCopyrightLine(line) ||
    isShareLine(line) ||
    isFollowLine(line) ||
    isNewsletterLine(line) ||
    isAdvertisementLine(line)
  );
}

/** The last line of the headline list under a heading, or undefined when nothing is listed. */
function listEnd(lines: readonly SourceLine[], from: number): SourceLine | undefined {
  let last: SourceLine | undefined;
  let items = 0;
  for (let j = from; j < lines.length && items < 10; j++) {
    const t = lines[j].text;
    if (t.trim().length === 0) {
      // A blank line inside the list is fine; two in a row end it.
      if (j + 1 < lines.length && lines[j + 1].text.trim().length === 0) break;
      continue;
    }
    if (!(isHeadlineLike(t) || isDateLine(t) || /^\s*(?:https?:\/\/|www\.)\S+\s*$/u.test(t))) break;
    last = lines[j];
    items++;
  }
  // A short last line right before prose is the article's next subheading, not a listed headline.
  if (last && items >= 2 && wordCount(last.text) <= 5 && !/[?؟:]|\.\./u.test(last.text)) {
    const after = lines.slice(last.index + 1).find((l) => l.text.trim().length > 0);
    if (after && !isHeadlineLike(after.text)) {
      let prev = last.index - 1;
      while (prev >= from && lines[prev].text.trim().length === 0) prev--;
      last = lines[prev];
    }
  }
  return last;
}

export const relatedBlock = lineRule('related', { key: 'rule.related' }, isRelatedHeading, (lines, i) => {
  let prev = i - 1;
  while (prev >= 0 && lines[prev].text.trim().length === 0) prev--;
  // Under the page's footer, everything from the heading to the end goes.
  if (prev >= 0 && isFooterLine(lines[prev].text)) return lines.length - 1;
  // With nothing listed under it, the heading alone still goes.
  return (listEnd(lines, i + 1) ?? lines[i]).index;
});
