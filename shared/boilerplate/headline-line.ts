// Headlines of other stories standing alone between paragraphs, without a "Related" label:
// "[In bleak report, U.N. says …]", "GRAPHIC: Where cases are on the rise - here",
// "'This will kill you': People are warning …", "'Unrivaled?' Fact-checking …",
// "Target sales up 11%:Retailer's …" (the label glued to the headline by the scraper).
// A crosshead of the article ("VACCINE HOPE", "Looking for disease") has none of these marks.

import { endsWithFullStop, isHeadlineLike, wordCount } from './line-shape';
import { defineRule } from './rule';

const bracketed = /^[\s\u00A0]*\[[^\[\]]{10,220}\][\s\u00A0]*$/u;
const LABELS =
  'GRAPHIC|GRAPHICS|Graphic|FACTBOX|Factbox|INTERACTIVE|Interactive|TIMELINE|Timeline|EXPLAINER|Explainer|PHOTOS|Photos|VIDEO|PODCAST|Podcast|LIVE UPDATES|Live updates|FACT CHECK|Fact check|BREAKINGVIEWS|Breakingviews';
const labelled = new RegExp(`^[\\s\\u00A0]*(?:${LABELS})\\s*:\\s*\\S`, 'u');
/** "… - here", "… (here)": the link text of a headline. */
const hereLink = /\s[-–—]\s*here\s*$|\(here\)\s*$/iu;
/** "'Quote': Headline" or "'Question?' Headline". */
const quoted = /^[\s\u00A0]*['‘"“][^'’"”‘“]{2,100}(?:['’"”]\s*:\s*|[?!]['’"”]\s+)[A-Z‘'"“]/u;
const saidVerb = /\b(?:said|says|told|asked|added|wrote|recalled|explained)\b/iu;
/** "Your guide to COVID-19:What you need …": a label glued to a headline with no space. */
const gluedLabel = /^[\s\u00A0]*[^\s:].{1,80}?[\p{L}\p{N}%'’"”)]:(?=[A-Z‘'"“])\S/u;

export function isUnlabeledHeadline(line: string): boolean {
  const n = wordCount(line);
  if (n < 3 || n > 30) return false;
  if (bracketed.test(line)) return !endsWithFullStop(line.replace(/\][\s\u00A0]*$/u, ''));
  if (labelled.test(line) || hereLink.test(line)) return isHeadlineLike(line, 30) || hereLink.test(line);
  if (!isHeadlineLike(line, 30)) return false;
  if (quoted.test(line) && !saidVerb.test(line)) return true;
  return gluedLabel.test(line) && !/https?:|www\./iu.test(line);
}

export const headlineLine = defineRule({
  id: 'headline-line',
  description: { key: 'rule.headline-line' },
  language: 'en',
  detect(_text, ctx) {
    const lines = ctx.lines;
    // Between paragraphs: the first line of the document is the article's own headline.
    const first = lines.findIndex((l) => l.text.trim().length > 0);
    return lines
      .filter((l) => l.index > first && isUnlabeledHeadline(l.text))
      .map((l) => ctx.suggestLines(l, l, 'headline-line'));
  },
});
