// The outlet alone on a line under the title, with the author's name above it:
// "Jane Doe\n\nUSA TODAY NETWORK", "John Roe and Mary Major\nThe Associated Press", "Jane Doe\nSpecial to
// USA TODAY", "Editors\n\nThe Associated Press", "فريق التحرير\nالشرق الأوسط".
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
// "Special to USA TODAY": a freelancer's credit; "USA TODAY NETWORK PRESSROOM": the outlet's own desk.
const outlet = new RegExp(
  `^[\\s\\u00A0]*(?:[Ss]pecial to\\s+)?(?:${alternation(OUTLETS)})` +
    `(?:\\s+(?:staff|Staff|STAFF|network|Network|NETWORK|wire|Wire))?` +
    `(?:\\s+(?:[Pp]ressroom|PRESSROOM|[Nn]ewsroom|NEWSROOM))?[\\s\\u00A0]*$`,
  'u',
);
const upperOutlet = new RegExp(
  `^[\\s\\u00A0]*(?:SPECIAL TO\\s+)?(?:${alternation(OUTLETS.map((o) => o.toUpperCase()))})` +
    `(?:\\s+(?:STAFF|NETWORK|WIRE))?(?:\\s+(?:PRESSROOM|NEWSROOM))?[\\s\\u00A0]*$`,
  'u',
);
/** A desk rather than a person: "Editors", "Staff writer", "فريق التحرير". */
const desk =
  /^[\s\u00A0]*(?:editors|the editors|(?:the )?editorial board|staff|staff writer|staff reporter|news desk|فريق التحرير|هيئة التحرير|المحرر|محرر الموقع)[\s\u00A0]*$/iu;
/** "Jane Doe", "Ana de la Cruz": a person's name, each word capitalized. */
const authorLine =
  /^[\s\u00A0]*[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|de|la|van|von|al|el|bin)){1,3}[\s\u00A0]*$/u;
const NAME = "[A-Z][\\p{L}.'’-]*(?:\\s+(?:[A-Z][\\p{L}.'’-]*|de|la|van|von|al|el|bin)){1,3}";
/** "John Roe and Mary Major", "Jane Doe, John Roe and Mary Major": the authors of a story. */
const authorsLine = new RegExp(`^[\\s\\u00A0]*${NAME}(?:(?:,\\s*|,?\\s+and\\s+)${NAME})+[\\s\\u00A0]*$`, 'u');
/**
 * Words of a Title Case headline that no name has: on the first line, above the outlet, "Trump Visits
 * Ohio" reads as a name and stays, but "Talks Set To Resume In Vienna" shows itself by them.
 */
const HEADLINE_WORDS = [
  'To|Of|In|For|On|At|With|After|Over|From|Into|Amid|Against|Is|Are|Was|Were|Be|Says?|Will|Can|How|Why|What|Who',
  'New|Not|No|Up|As|By|Than|Its|It|Has|Have|Gets?|Makes?|Takes?|Could|Would|Should|May|Now|Here|This|That|These',
  'First|Top|More|Most|Dies|Dead|Wins?|Year|Week|Day',
].join('|');
const headlineWords = new RegExp(`(?:^|\\s)(?:${HEADLINE_WORDS})(?=\\s|$)`, 'u');

/**
 * An outlet line that credits a writer, never a headline's wire: "USA TODAY NETWORK", "Special to USA TODAY",
 * "… PRESSROOM", "Associated Press" as member papers print it. Under "Stocks Rally Again" a bare "Reuters"
 * is the wire of a title, so there the first line stays unless it names several people ("A and B").
 */
const byNetwork = /^\s*(?:special to\s.+|.+\s(?:network|pressroom|newsroom)|(?:the )?associated press)\s*$/iu;

/** A line of the authors' names (one to four words each, "and" between them). */
export function isAuthorsLine(line: string): boolean {
  return (authorLine.test(line) && wordCount(line) <= 4) || authorsLine.test(line);
}

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
      // The name above it goes too. On the first line it may be the title ("Trump Visits Ohio" reads
      // as a name), so there a name goes only without a headline's words and over a writer's credit:
      // a scraped body often has no title, and its first line is the author ("Jane Doe" / "USA TODAY
      // NETWORK": 7 usatoday articles of 60 open so).
      const above: SourceLine = filled[i - 1];
      const named =
        desk.test(above.text) ||
        (isAuthorsLine(above.text) &&
          !endsWithFullStop(above.text) &&
          (i >= 2 || (!headlineWords.test(above.text) && (authorsLine.test(above.text) || byNetwork.test(line.text)))));
      out.push(ctx.suggestLines(named ? above : line, line, 'outlet-byline'));
    }
    return out;
  },
});
