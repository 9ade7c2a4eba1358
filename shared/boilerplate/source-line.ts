// Source lines: "المصدر: RT Arabic", "Source: Reuters", "المصادر: وكالات", and lines
// that are only an agency credit ("وكالات", "(رويترز)", "Staff and agencies").
// "قال المصدر إن …" is a sentence, not a source line: a label needs its colon or dash.

import { alternation, endsWithFullStop, wordCount } from './line-shape';
import { NEWS_AGENCIES } from './news-outlets';
import { lineRule } from './rule';

const SOURCE_LABELS = [
  'المصدر',
  'المصادر',
  'مصدر الخبر',
  'مصدر',
  'نقلا عن',
  'نقلاً عن',
  'عن',
  'بالتعاون مع',
  'Source',
  'Sources',
  'SOURCE',
  'Via',
  'With',
  'Additional sources',
];
const labelled = new RegExp(
  `^\\s*[(\\[]?\\s*(?:${alternation(SOURCE_LABELS)})\\s*[:：\\-–—]\\s*(.+?)\\s*[)\\]]?\\s*$`,
  'iu',
);
const agency = alternation(NEWS_AGENCIES);
const agencyOnly = new RegExp(
  `^\\s*[-–—(\\[]?\\s*(?:(?:[Ww]ith|مع|\\+)\\s*)?(?:${agency})(?:\\s*(?:[+/،,&|]|و|and)\\s*(?:${agency}))*\\s*[)\\]]?\\s*$`,
  'u',
);

// Press releases end with "SOURCE Company Name" (capitals, no colon).
const releaseSource = /^\s*SOURCE\s+(\S.{0,60}?)\s*$/u;

/** The source named on a source line, or undefined when the line is not one. */
export function sourceLineName(line: string): string | undefined {
  const release = releaseSource.exec(line);
  if (release && wordCount(release[1]) <= 8 && !endsWithFullStop(release[1])) return release[1];
  const m = labelled.exec(line);
  if (m) {
    const name = m[1].trim();
    // "Source: the ministry said on Tuesday that…" is prose that happens to start with a label.
    if (name.length === 0 || wordCount(name) > 8 || (endsWithFullStop(name) && wordCount(name) > 4)) return undefined;
    if (/^(?:عن)$/u.test(line.trim().split(/\s*[:：\-–—]/u)[0]) && !agencyOnly.test(name)) return undefined;
    if (/^\s*with\b/iu.test(line) && !agencyOnly.test(name)) return undefined;
    return name.replace(/[.)\]]+$/u, '').trim();
  }
  if (agencyOnly.test(line))
    return line
      .trim()
      .replace(/^[-–—(\[]\s*|\s*[)\]]$/gu, '')
      .trim();
  return undefined;
}

export function isSourceLine(line: string): boolean {
  return sourceLineName(line) !== undefined;
}

export const sourceLine = lineRule('source-line', { key: 'rule.source-line' }, isSourceLine);
