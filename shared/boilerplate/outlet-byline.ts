// The outlet alone on a line under the title, with the author's name above it:
// "Jane Doe\n\nUSA TODAY", "Editors\n\nThe Associated Press", "فريق التحرير\nالشرق الأوسط".
// Only among the first lines: further down, an outlet's name alone is a crosshead or a credit
// that other rules judge.

import type { SuggestedEdit } from '../api';
import { alternation, endsWithFullStop, wordCount } from './line-shape';
import { NEWS_AGENCIES } from './news-outlets';
import { defineRule, type SourceLine } from './rule';

const OUTLETS = [
  ...NEWS_AGENCIES,
  'USA TODAY',
  'USA Today',
  'USA TODAY NETWORK',
  'USA TODAY Network',
  'The Associated Press',
  'Los Angeles Times',
  'Chicago Tribune',
  'The Wall Street Journal',
  'Wall Street Journal',
  'CNBC',
  'Politico',
  'Axios',
  'The Hill',
  'Al-Monitor',
  'Arab News',
];
const outlet = new RegExp(
  `^[\\s\\u00A0]*(?:${alternation(OUTLETS)})(?:\\s+(?:staff|Staff|STAFF|network|Network|NETWORK|wire|Wire))?[\\s\\u00A0]*$`,
  'u',
);
const upperOutlet = new RegExp(
  `^[\\s\\u00A0]*(?:${alternation(OUTLETS.map((o) => o.toUpperCase()))})(?:\\s+(?:STAFF|NETWORK|WIRE))?[\\s\\u00A0]*$`,
  'u',
);
/** A desk rather than a person: "Editors", "Staff writer", "فريق التحرير". */
const desk =
  /^[\s\u00A0]*(?:editors|the editors|(?:the )?editorial board|staff|staff writer|staff reporter|news desk|فريق التحرير|هيئة التحرير|المحرر|محرر الموقع)[\s\u00A0]*$/iu;
/** "Jane Doe", "Ana de la Cruz": a person's name, each word capitalized. */
const authorLine =
  /^[\s\u00A0]*[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|de|la|van|von|al|el|bin)){1,3}[\s\u00A0]*$/u;

export const outletByline = defineRule({
  id: 'outlet-byline',
  description: { key: 'rule.outlet-byline' },
  language: 'any',
  detect(_text, ctx) {
    const out: SuggestedEdit[] = [];
    const filled = ctx.lines.filter((l) => l.text.trim().length > 0).slice(0, 6);
    for (let i = 1; i < filled.length; i++) {
      const line = filled[i];
      if (!outlet.test(line.text) && !upperOutlet.test(line.text)) continue;
      // The name above it goes too; on the first line it may be the title ("Trump Visits Ohio"
      // reads as a name), so there only a desk ("Editors") goes.
      const above: SourceLine = filled[i - 1];
      const named =
        desk.test(above.text) ||
        (i >= 2 && authorLine.test(above.text) && wordCount(above.text) <= 4 && !endsWithFullStop(above.text));
      out.push(ctx.suggestLines(named ? above : line, line, 'outlet-byline'));
    }
    return out;
  },
});
