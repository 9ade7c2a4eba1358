// Words glued together by scraping (a removed tag left no space): "2024وجاء",
// "Googleغوغل", "عام2021", "said.The". Proposed as `split` edits: an insertion of one space
// at the glue point.
// Only where the boundary is certain: a change of script (Arabic letters against digits or
// Latin letters), a sentence end or a label's colon against a capital. Never inside a run of Arabic letters:
// clitics make "والمشروبات" and "للعقوبات" one word, so a "و" or a "ة" proves nothing there
// (a headline glued to its sentence is cut by the read-more rule, which knows the headline).

import type { SuggestedEdit } from '../api';
import { ARABIC_LETTER, alternation } from './line-shape';
import { defineRule } from './rule';

const A = `[${ARABIC_LETTER}]`;
// Units, era marks and abbreviations written straight after a number: not glue.
const UNITS = [
  'م',
  'هـ',
  'ه',
  'ق',
  'كم',
  'كغ',
  'كلغ',
  'كلم',
  'مم',
  'سم',
  'ملم',
  'مل',
  'ك',
  'ج',
  'د',
  'س',
  'ث',
  'ر',
  'ق.م',
  'مليار',
  'مليون',
  'ألف',
  'الف',
];
const GLUES: RegExp[] = [
  // Arabic then Latin, Latin then Arabic: "Googleغوغل", "غوغلGoogle".
  new RegExp(`(?<=${A}{2})(?=[A-Za-z]{2})`, 'gu'),
  new RegExp(`(?<=[A-Za-z]{2})(?=${A}{2})`, 'gu'),
  // A number then an Arabic word: "2024وجاء" (but "2024م", "5كم" are written so).
  new RegExp(`(?<=[0-9\\u0660-\\u0669]{2,})(?=(?!(?:${alternation(UNITS)})(?!${A}))${A}{3,})`, 'gu'),
  // An Arabic word of three letters or more then a number: "عام2021" (but "ب5", "و3" are prefixes).
  new RegExp(`(?<=${A}{3})(?=[0-9\\u0660-\\u0669])`, 'gu'),
  // English sentences: "said.The", "Cummings.In".
  /(?<=[a-z]{2}[.!?]["”’]?)(?=[A-Z][a-z])/gu,
  // A label or teaser glued to its headline: "More:Trump threatens…", "Target sales up 11%:Retailer's…",
  // "'The new way':Businesses…". On the whole corpus 71 such points, all in usatoday, all glue on reading.
  /(?<=(?:[A-Za-z0-9]{2}|[0-9]%|[A-Za-z][?!'’"”]):)(?=["“'‘]?[A-Z][A-Za-z])/gu,
];

export const gluedWords = defineRule({
  id: 'glued-words',
  description: { key: 'rule.glued-words' },
  language: 'any',
  detect(_text, ctx) {
    const points = new Set<number>();
    for (const line of ctx.lines) {
      const text = line.text;
      for (const glue of GLUES) {
        glue.lastIndex = 0;
        for (let m = glue.exec(text); m; m = glue.exec(text)) {
          const at = m.index;
          glue.lastIndex = at + 1;
          // The word the glue point sits in: links, handles and hashtags glue letters on purpose.
          let s = at;
          while (s > 0 && !/\s/u.test(text[s - 1])) s--;
          let e = at;
          while (e < text.length && !/\s/u.test(text[e])) e++;
          if (at === s || /[/@#_]|https?:|www\.|\.(?:com|net|org)/iu.test(text.slice(s, e))) continue;
          points.add(line.start + at);
        }
      }
    }
    const out: SuggestedEdit[] = [];
    for (const p of [...points].sort((a, b) => a - b)) out.push(ctx.suggest(p, p, 'split', 'glued-words', ' '));
    return out;
  },
});
