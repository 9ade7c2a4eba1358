// Scoring quote suggestions against hand-labelled quotes (`tahrir quote-eval`, test/gold/quotes.json):
// precision, recall and F1 per language and kind, counted the conlleval way (each gold and each
// predicted quote counted once), and how often the suggested speaker of a found direct quote is right.
// A predicted quote matches a gold quote of the same kind when they overlap by at least half of
// the longer of the two (so neither a sentence-long guess nor a two-word fragment matches a quote
// it only touches); each gold quote matches at most one prediction, the most overlapping first.
// Offsets are code points. Pure: the CLI reads the files, this only counts.
import { normalizeForMatch } from './arabic-normalize';
import { CodePointIndex } from './code-points';
import { goldScore, ratio, type GoldCounts, type GoldScore } from './gold-score';

export type QuoteKind = 'direct' | 'indirect';

export interface ScoredQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: { start: number; end: number } | null;
}

export interface QuoteEvalDocument {
  lang: string;
  /** The document's text: speakers are compared by what they say, not only where. */
  text: string;
  gold: readonly ScoredQuote[];
  predicted: readonly ScoredQuote[];
}

export interface QuoteCounts extends GoldScore {
  lang: string;
  kind: QuoteKind;
}

export interface QuoteEvalResult {
  rows: QuoteCounts[];
  /** Per language: matched direct quotes, and of those the ones whose suggested speaker is right. */
  speakers: { lang: string; matched: number; right: number; accuracy: number }[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** At least half of the longer span is shared. */
export function quotesMatch(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return overlap(a, b) * 2 >= Math.max(a.end - a.start, b.end - b.start) && overlap(a, b) > 0;
}

/** Pairs of (gold, predicted) indexes, one-to-one, the largest overlaps first. */
export function pairs(gold: readonly ScoredQuote[], predicted: readonly ScoredQuote[]): [number, number][] {
  const candidates: { g: number; p: number; o: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      if (g.kind === p.kind && quotesMatch(g, p)) candidates.push({ g: gi, p: pi, o: overlap(g, p) });
    }),
  );
  candidates.sort((a, b) => b.o - a.o || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    out.push([c.g, c.p]);
  }
  return out;
}

/** A word's letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * An Arabic word without the article and what may stand in front of it (و / ف, then ال, لل, بال or كال: للخارجية،
 * الخارجية and بالخارجية are all خارجية), as the workspace's matching reads names; whole when under three letters
 * are left. (Not ل / ب before a noun with no article: بشركة X is another company's name, not الشركة.)
 */
function withoutClitics(word: string): string {
  const bare = word.replace(/^[وف]?(?:لل|[بك]?ال)/u, '');
  return /^[\u0621-\u064A]/u.test(word) && bare.length >= 3 ? bare : word;
}

/**
 * A suggested speaker is right when it is the gold speaker's span, overlaps it, or names the same
 * person elsewhere in the text (one name holds the other: "Ghaeli" and "Newsha Ghaeli", the Arabic words compared
 * without their clitics: "لمصادر عسكرية" and "المصادر العسكرية"); no speaker is right only where the gold has none.
 */
export function speakerIsRight(
  index: CodePointIndex,
  gold: ScoredQuote['speaker'],
  predicted: ScoredQuote['speaker'],
): boolean {
  if (!gold || !predicted) return !gold && !predicted;
  if (overlap(gold, predicted) > 0) return true;
  const words = (s: { start: number; end: number }) =>
    ` ${(normalizeForMatch(index.slice(s.start, s.end)).text.match(WORD) ?? []).map(withoutClitics).join(' ')} `;
  const g = words(gold);
  const p = words(predicted);
  return g.trim() !== '' && p.trim() !== '' && (g.includes(p) || p.includes(g));
}

export function scoreQuotes(documents: readonly QuoteEvalDocument[]): QuoteEvalResult {
  const counts = new Map<string, GoldCounts>();
  const speakers = new Map<string, { matched: number; right: number }>();
  const count = (lang: string, kind: QuoteKind) => {
    const key = `${lang}\t${kind}`;
    if (!counts.has(key)) counts.set(key, { gold: 0, predicted: 0, correct: 0 });
    return counts.get(key)!;
  };
  for (const doc of documents) {
    const index = new CodePointIndex(doc.text);
    for (const kind of ['direct', 'indirect'] as const) {
      const c = count(doc.lang, kind);
      c.gold += doc.gold.filter((q) => q.kind === kind).length;
      c.predicted += doc.predicted.filter((q) => q.kind === kind).length;
    }
    if (!speakers.has(doc.lang)) speakers.set(doc.lang, { matched: 0, right: 0 });
    const s = speakers.get(doc.lang)!;
    for (const [g, p] of pairs(doc.gold, doc.predicted)) {
      const gold = doc.gold[g];
      count(doc.lang, gold.kind).correct++;
      if (gold.kind !== 'direct') continue;
      s.matched++;
      if (speakerIsRight(index, gold.speaker, doc.predicted[p].speaker)) s.right++;
    }
  }
  const rows = [...counts.entries()]
    .map(([key, c]) => {
      const [lang, kind] = key.split('\t');
      return { lang, kind: kind as QuoteKind, ...goldScore(c) };
    })
    .sort((a, b) => a.lang.localeCompare(b.lang) || a.kind.localeCompare(b.kind));
  return {
    rows,
    speakers: [...speakers.entries()]
      .map(([lang, s]) => ({ lang, ...s, accuracy: ratio(s.right, s.matched) }))
      .sort((a, b) => a.lang.localeCompare(b.lang)),
  };
}
