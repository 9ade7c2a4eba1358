// What is left of a link once the page is flattened to text: "Read more about him" under an
// excerpt, a short URL cited after the last sentence of a paragraph (" reut.rs/3bGMCtl",
// " (bit.ly/3cK8UvT)"), and a pointer to a graphic ("(See graphic here showing …)").
// A URL inside a sentence ("in a letter posted bit.ly/… on Twitter") is part of it and stays:
// the leftover must come after the sentence's end and close the paragraph.

import type { SuggestedEdit } from '../api';
import { endsWithFullStop, wordCount } from './line-shape';
import { defineRule } from './rule';

/** "Read more about her", "Read more about him from Opinions Read more about him from Style". */
const readMoreLine =
  /^[\s\u00A0]*(?:(?:read|see|find out|learn) more(?: about (?:him|her|them|it|this|his [\p{L}]+|her [\p{L}]+|their [\p{L}]+))?(?: (?:from|in|at) [A-Z][\p{L}]*(?: [A-Z][\p{L}]*){0,2})?[\s\u00A0]*){1,3}$/iu;
const SHORT_LINK = '(?:https?:\\/\\/)?(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,6}\\/[\\w\\-./?=&%#~+]+';
/** A URL, bare or in brackets, after the end of a sentence and closing the line. */
const citedLink = new RegExp(`(?<=[.!?"”’)\\]])[\\s\\u00A0]+[([]?${SHORT_LINK}[)\\]]?\\.?[\\s\\u00A0]*$`, 'iu');
/** "(See graphic here showing how the money moved.)", "(For a graphic, click here)". */
const graphicPointer =
  /(?<=[.!?"”’])[\s\u00A0]+\((?:see|for|click|tap|view|watch|read)\b[^()]{0,40}\b(?:graphic|chart|map|interactive|factbox|photos?|video|here|link)\b[^()]{0,80}\)\.?[\s\u00A0]*$/iu;

export const linkLeftover = defineRule({
  id: 'link-leftover',
  description: { key: 'rule.link-leftover' },
  language: 'en',
  detect(_text, ctx) {
    const out: SuggestedEdit[] = [];
    for (const line of ctx.lines) {
      const t = line.text;
      if (t.trim().length === 0) continue;
      if (/more/iu.test(t) && readMoreLine.test(t) && wordCount(t) <= 16 && !endsWithFullStop(t)) {
        out.push(ctx.suggestLines(line, line, 'link-leftover'));
        continue;
      }
      // A link has its slash, a pointer its brackets.
      const m = (t.includes('/') ? citedLink.exec(t) : null) ?? (t.includes('(') ? graphicPointer.exec(t) : null);
      if (m && t.slice(0, m.index).trim().length > 0)
        out.push(ctx.suggest(line.start + m.index, line.end, 'boilerplate', 'link-leftover'));
    }
    return out;
  },
});
