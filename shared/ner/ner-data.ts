// CoNLL entity data for `tahrir ner-eval`: sentences of `token<TAB>tag` lines (blank line
// between sentences, CRLF or LF, `-DOCSTART-` lines skipped), their fine-grained classes
// mapped to our labels, and precision/recall/F1 over exact spans (the conlleval convention).
import { goldScore, type GoldCounts, type GoldScore } from '../gold-score';
import { spansOfTags, type TaggedSentence } from './tagger';

/**
 * NewsFANE Gold's classes → our labels (issue 17). A class not listed becomes MISC; our own
 * labels (from a `tahrir export --format conll`) stay as they are.
 */
export const NEWSFANE_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'Politician',
      'Athlete',
      'Artist',
      'Other_PER',
      'Religious_PER',
      'Scientist',
      'Businessperson',
      'Engineer',
      'Lawyer',
    ].map((c) => [c, 'PERSON']),
  ),
  ...Object.fromEntries(
    [
      'Non-Governmental',
      'Sports',
      'Media',
      'Government',
      'Commercial',
      'Educational',
      'Police',
      'Entertainment',
      'Religious_ORG',
      'Medical-Science',
    ].map((c) => [c, 'ORG']),
  ),
  ...Object.fromEntries(
    ['Nation', 'Population-Center', 'State-or-Province', 'GPE-Cluster', 'County-or-District'].map((c) => [c, 'GPE']),
  ),
  ...Object.fromEntries(
    [
      'Water-Body',
      'Continent',
      'Land',
      'Land-Region-Natural',
      'Celestial',
      'Water',
      'Path',
      'Building-Grounds',
      'Airport',
      'Subarea-Facility',
    ].map((c) => [c, 'LOC']),
  ),
  ...Object.fromEntries(['PERSON', 'ORG', 'GPE', 'LOC', 'MISC', 'DATE', 'EVENT'].map((l) => [l, l])),
};

/** The labels the micro average is taken over. */
export const SCORED_LABELS = ['PERSON', 'ORG', 'GPE', 'LOC'] as const;

export interface LabelMap {
  map: Readonly<Record<string, string>>;
  /** What a class the map does not name becomes. */
  otherwise: string | null;
}

export const DEFAULT_LABEL_MAP: LabelMap = { map: NEWSFANE_LABELS, otherwise: 'MISC' };

/**
 * A `--label-map` file: a JSON object class → label; the key "*" names the label of every
 * other class (without it, other classes keep their own names). Throws naming what is wrong.
 */
export function parseLabelMap(json: string): LabelMap {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new Error('must be a JSON object of class → label');
  const map: Record<string, string> = {};
  let otherwise: string | null = null;
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'string' || v === '' || /\s/u.test(v))
      throw new Error(`the label of "${k}" must be a word (got ${JSON.stringify(v)})`);
    if (k === '*') otherwise = v;
    else map[k] = v;
  }
  return { map, otherwise };
}

export class ConllError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** One sentence as read, with the line it started on (1-based). */
export interface ConllSentence extends TaggedSentence {
  line: number;
}

/**
 * The sentences of a CoNLL file, tags mapped with `labels` (B-Politician → B-PERSON).
 * The token is the first column and the tag the last (so `token POS tag` files read too).
 * Throws ConllError at the first line that is not `token<TAB>tag` with a BIO tag.
 */
export function parseConll(text: string, labels: LabelMap = DEFAULT_LABEL_MAP): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let current: ConllSentence | null = null;
  let lastClass = 'O';
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].replace(/\r$/u, '');
    if (line.trim() === '') {
      if (current) sentences.push(current);
      current = null;
      continue;
    }
    if (line.startsWith('-DOCSTART-')) continue;
    const columns = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/u);
    if (columns.length < 2)
      throw new ConllError(k + 1, `expected "token<TAB>tag", got ${JSON.stringify(line.slice(0, 60))}`);
    const token = columns[0];
    const tag = columns[columns.length - 1].trim();
    let mapped = mapTag(tag, labels);
    if (mapped === null) throw new ConllError(k + 1, `"${tag}" is not a BIO tag (O, B-…, I-…)`);
    current ??= { tokens: [], tags: [], line: k + 1 };
    // An I- continues only the class before it: I-Politician after B-Athlete (both PERSON) starts a span, as does a
    // stray I-.
    const previous = current.tags.length > 0 ? lastClass : 'O';
    if (mapped.startsWith('I-') && (previous === 'O' || previous !== tag.slice(2))) mapped = `B-${mapped.slice(2)}`;
    lastClass = mapped === 'O' ? 'O' : tag.slice(2);
    current.tokens.push(token);
    current.tags.push(mapped);
  }
  if (current) sentences.push(current);
  return sentences;
}

function mapTag(tag: string, labels: LabelMap): string | null {
  if (tag === 'O') return 'O';
  const m = /^([BIES])-(.+)$/u.exec(tag);
  if (!m) return null;
  const label = Object.hasOwn(labels.map, m[2]) ? labels.map[m[2]] : (labels.otherwise ?? m[2]);
  if (label === 'O') return 'O';
  return `${m[1] === 'B' || m[1] === 'S' ? 'B' : 'I'}-${label}`;
}

/** Sentences `from`–`to` (1-based, inclusive), as `FILE:1-3000` selects them. */
export function sentenceRange(
  sentences: readonly ConllSentence[],
  range: { from: number; to: number } | null,
): ConllSentence[] {
  if (!range) return [...sentences];
  return sentences.slice(range.from - 1, range.to);
}

/** `FILE:1-3000` → the file and the range; a plain path has no range. */
export function parseDataArgument(arg: string): { file: string; range: { from: number; to: number } | null } {
  const m = /^(.*):(\d+)-(\d+)$/u.exec(arg);
  if (!m) return { file: arg, range: null };
  const from = Number(m[2]);
  const to = Number(m[3]);
  if (from < 1 || to < from) throw new Error(`the sentence range ${m[2]}-${m[3]} must be FROM-TO with 1 ≤ FROM ≤ TO`);
  return { file: m[1], range: { from, to } };
}

export interface LabelScore extends GoldScore {
  label: string;
}

/**
 * Exact-span scores per label and micro-averaged over `micro` labels: a predicted span
 * counts only when its start, end and label all equal a gold span's (conlleval).
 */
export function scoreSpans(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  micro: readonly string[] = SCORED_LABELS,
): { labels: LabelScore[]; micro: LabelScore } {
  const counts = new Map<string, GoldCounts>();
  const entry = (label: string) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  };
  gold.forEach((tags, k) => {
    const g = spansOfTags(tags);
    const p = spansOfTags(predicted[k]);
    const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;
    const goldKeys = new Set(g.map(key));
    for (const s of g) entry(s.label).gold++;
    for (const s of p) {
      entry(s.label).predicted++;
      if (goldKeys.has(key(s))) entry(s.label).correct++;
    }
  });
  const labels = [...counts.keys()].sort().map((l) => {
    const c = counts.get(l)!;
    return { label: l, ...goldScore(c) };
  });
  const sum = (f: (c: GoldCounts) => number) =>
    micro.reduce((n, l) => n + f(counts.get(l) ?? { gold: 0, predicted: 0, correct: 0 }), 0);
  return {
    labels,
    micro: {
      label: micro.join('/'),
      ...goldScore({ gold: sum((c) => c.gold), predicted: sum((c) => c.predicted), correct: sum((c) => c.correct) }),
    },
  };
}
