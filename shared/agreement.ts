// Agreement between annotators' versions of the same documents (`tahrir agree`): for entities,
// span-level precision/recall/F1 for each pair (exact: same start, end and label; overlapping:
// same label and shared text, matched one to one) and token-level coefficients over the
// project's tokenizer (each token takes the label of the entity covering it, "O" otherwise; the
// outermost one where entities nest); for quotes, span F1 and how often matched quotes name the
// same speaker; for cleanup, character-level agreement on what boilerplate edits remove. All in
// source coordinates (each annotator's edits would give each a different clean text).
import { AgreementCounts, prf, type PRF } from './agreement-stats';
import type { Entity, Quote, Sidecar } from './model';
import { tokenize } from './tokenizer';

export const OUTSIDE = 'O';

export interface Coefficients {
  /** Mean share of items each pair labelled the same. */
  observed: number | null;
  /** Fleiss' κ (NLTK's pi, multi-π). */
  fleissKappa: number | null;
  /** Krippendorff's α, nominal. */
  krippendorffAlpha: number | null;
  /** Cohen's κ averaged over pairs (NLTK's kappa). */
  meanCohenKappa: number | null;
  /** Davies & Fleiss' κ (NLTK's multi_kappa). */
  daviesFleissKappa: number | null;
  items: number;
}

export interface PairAgreement {
  /** Indexes into the versions; `a` is taken as the reference. */
  a: number;
  b: number;
  entities: {
    exact: PRF;
    overlap: PRF;
    cohenKappa: number | null;
    byLabel: Record<string, { exact: PRF; overlap: PRF; cohenKappa: number | null }>;
  };
  quotes: { exact: PRF; overlap: PRF; speakerAgreement: number | null; matched: number };
  cleanup: { observed: number | null; cohenKappa: number | null };
}

export interface DocumentDisagreement {
  id: string;
  /** 1 − mean pairwise overlapping F1 of entities and quotes together. */
  disagreement: number;
  entities: number[];
  quotes: number[];
}

export interface AgreementReport {
  versions: string[];
  /** Documents every version has a sidecar for: those are compared. */
  documents: number;
  tokens: Coefficients;
  byLabel: Record<string, Coefficients>;
  cleanup: Coefficients;
  pairs: PairAgreement[];
  /** Most disagreement first. */
  documentsByDisagreement: DocumentDisagreement[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function coefficients(c: AgreementCounts): Coefficients {
  if (c.items === 0)
    return {
      observed: null,
      fleissKappa: null,
      krippendorffAlpha: null,
      meanCohenKappa: null,
      daviesFleissKappa: null,
      items: 0,
    };
  return {
    observed: finite(c.meanObserved()),
    fleissKappa: finite(c.fleissKappa()),
    krippendorffAlpha: finite(c.krippendorffAlpha()),
    meanCohenKappa: finite(c.meanPairwiseKappa()),
    daviesFleissKappa: finite(c.daviesFleissKappa()),
    items: c.items,
  };
}

type Span = { start: number; end: number };

/** Exact matches: same range and key, as multisets. */
function exactMatches<T extends Span>(a: readonly T[], b: readonly T[], key: (x: T) => string): number {
  const left = new Map<string, number>();
  for (const x of a) {
    const k = `${x.start}:${x.end}:${key(x)}`;
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  let matched = 0;
  for (const y of b) {
    const k = `${y.start}:${y.end}:${key(y)}`;
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      matched++;
    }
  }
  return matched;
}

/** Overlapping matches, one to one: exact ones first, then the most overlap, greedily. Returns the pairs. */
function overlapMatches<T extends Span>(a: readonly T[], b: readonly T[], key: (x: T) => string): [T, T][] {
  const candidates: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const x = a[i];
      const y = b[j];
      if (key(x) !== key(y)) continue;
      const shared = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      const touches = shared > 0 || (x.start === y.start && x.end === y.end);
      if (!touches) continue;
      const exact = x.start === y.start && x.end === y.end ? 1 : 0;
      candidates.push({ i, j, score: exact * 1e12 + shared });
    }
  }
  candidates.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: [T, T][] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    out.push([a[c.i], b[c.j]]);
  }
  return out;
}

/** What a quote's speaker is, comparable across versions (entity ids differ between annotators). */
function speakerKey(q: Quote, entities: ReadonlyMap<string, Entity>): string {
  if (q.speaker !== null) {
    const e = entities.get(q.speaker);
    if (e) return `entity:${e.start}:${e.end}`;
  }
  return q.speakerName ? `name:${q.speakerName}` : 'none';
}

/** Each token's label in one version: the outermost entity covering it. */
function tokenLabels(tokens: readonly Span[], entities: readonly Entity[]): string[] {
  const sorted = [...entities].sort((x, y) => x.start - y.start || y.end - x.end);
  const labels = new Array<string>(tokens.length).fill(OUTSIDE);
  let t = 0;
  // Entities by start; each token takes the first (outermost) one that covers it.
  for (const e of sorted) {
    while (t < tokens.length && tokens[t].end <= e.start) t++;
    for (let k = t; k < tokens.length && tokens[k].start < e.end; k++) {
      if (labels[k] === OUTSIDE && tokens[k].start >= e.start && tokens[k].end <= e.end) labels[k] = e.label;
    }
  }
  return labels;
}

/**
 * The tokens' rows of labels (one label per version), each distinct row once with how many tokens have it, in the
 * order first met. Counting a row once with its number gives the same counts as token by token (sums of whole
 * numbers), and each version's labels are still first met in the same order (the order the coefficients sum them in);
 * it was most of `tahrir agree`'s own work, a few distinct rows repeated over every token.
 */
export function distinctRows(
  perVersion: readonly (readonly string[])[],
  tokens: number,
  labels: ReadonlySet<string>,
): [string[], number][] {
  // A row as a number: each version's label by its index among this document's labels, in base (labels + 1).
  const index = new Map<string, number>([[OUTSIDE, 0]]);
  for (const label of labels) if (!index.has(label)) index.set(label, index.size);
  const at = new Map<number, number>();
  const rows: [string[], number][] = [];
  for (let t = 0; t < tokens; t++) {
    let key = 0;
    for (const labelsOf of perVersion) key = key * index.size + index.get(labelsOf[t])!;
    const seen = at.get(key);
    if (seen !== undefined) rows[seen][1]++;
    else {
      at.set(key, rows.length);
      rows.push([perVersion.map((labelsOf) => labelsOf[t]), 1]);
    }
  }
  return rows;
}

/** Runs of the source with the same "removed by a boilerplate edit or not" in every version, as [length, labels]. */
function cleanupRuns(length: number, versions: readonly Sidecar[]): [number, string[]][] {
  const cuts = new Set<number>([0, length]);
  const removed = versions.map((s) =>
    s.edits.filter((e) => e.kind === 'boilerplate' && !e.orphaned && e.end > e.start),
  );
  for (const list of removed) for (const e of list) cuts.add(Math.min(e.start, length)).add(Math.min(e.end, length));
  const points = [...cuts].sort((x, y) => x - y);
  const runs: [number, string[]][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (to <= from) continue;
    runs.push([
      to - from,
      removed.map((list) => (list.some((e) => e.start <= from && to <= e.end) ? 'removed' : 'kept')),
    ]);
  }
  return runs;
}

/** Spans matched exactly and by overlap between two versions, and how many each version has. */
interface MatchCounts {
  exact: number;
  overlap: number;
  a: number;
  b: number;
}

const noMatches = (): MatchCounts => ({ exact: 0, overlap: 0, a: 0, b: 0 });

/** Adds one document's matches between the spans `a` and `b` of two versions. */
function countMatches<T>(to: MatchCounts, a: readonly T[], b: readonly T[], exact: number, overlap: number): void {
  to.exact += exact;
  to.overlap += overlap;
  to.a += a.length;
  to.b += b.length;
}

interface PairTotals {
  entities: MatchCounts;
  byLabel: Map<string, MatchCounts>;
  quotes: MatchCounts;
  speakerSame: number;
}

/** Accumulates agreement over documents, one at a time (memory: counts, and one number per document). */
export class AgreementAccumulator {
  private readonly n: number;
  private readonly tokens: AgreementCounts;
  private readonly labels = new Map<string, AgreementCounts>();
  private readonly cleanup: AgreementCounts;
  private readonly pairList: [number, number][] = [];
  private readonly totals: PairTotals[];
  private readonly labelPairs = new Map<string, AgreementCounts>();
  private readonly documents: DocumentDisagreement[] = [];

  constructor(readonly versions: readonly string[]) {
    this.n = versions.length;
    this.tokens = new AgreementCounts(this.n);
    this.cleanup = new AgreementCounts(this.n);
    for (let a = 0; a < this.n; a++) for (let b = a + 1; b < this.n; b++) this.pairList.push([a, b]);
    this.totals = this.pairList.map(() => ({
      entities: noMatches(),
      byLabel: new Map(),
      quotes: noMatches(),
      speakerSame: 0,
    }));
  }

  /** One document: its source text and each version's sidecar (already on that text), in version order. */
  add(id: string, source: string, sidecars: readonly Sidecar[]): void {
    const entities = sidecars.map((s) => s.entities.filter((e) => !e.orphaned));
    const quotes = sidecars.map((s) => s.quotes.filter((q) => !q.orphaned));
    const boundaries = entities.flatMap((list) => list.flatMap((e) => [e.start, e.end]));
    const tokens = tokenize(source, boundaries);
    const perVersion = entities.map((list) => tokenLabels(tokens, list));
    const labelSet = new Set<string>(entities.flatMap((list) => list.map((e) => e.label)));
    for (const label of labelSet) {
      if (this.labels.has(label)) continue;
      // A label first seen now: every token before was "not it" for everyone.
      const counts = new AgreementCounts(this.n);
      if (this.tokens.items > 0) counts.add(new Array<string>(this.n).fill(OUTSIDE), this.tokens.items);
      this.labels.set(label, counts);
    }
    const rows = distinctRows(perVersion, tokens.length, labelSet);
    for (const [row, times] of rows) this.tokens.add(row, times);
    // Per label: that label or not, on every token (labels not in this document: all "not", added in bulk).
    for (const [label, counts] of this.labels) {
      if (!labelSet.has(label)) {
        counts.add(new Array<string>(this.n).fill(OUTSIDE), tokens.length);
        continue;
      }
      for (const [row, times] of rows)
        counts.add(
          row.map((l) => (l === label ? label : OUTSIDE)),
          times,
        );
    }
    for (const [length, labels] of cleanupRuns(Array.from(source).length, sidecars)) this.cleanup.add(labels, length);

    const f1s: number[] = [];
    this.pairList.forEach(([a, b], p) => {
      const tot = this.totals[p];
      const byLabel = (x: Entity) => x.label;
      const overlap = overlapMatches(entities[a], entities[b], byLabel);
      countMatches(
        tot.entities,
        entities[a],
        entities[b],
        exactMatches(entities[a], entities[b], byLabel),
        overlap.length,
      );
      for (const label of labelSet) {
        const ea = entities[a].filter((e) => e.label === label);
        const eb = entities[b].filter((e) => e.label === label);
        const l = tot.byLabel.get(label) ?? noMatches();
        countMatches(l, ea, eb, exactMatches(ea, eb, byLabel), overlap.filter(([x]) => x.label === label).length);
        tot.byLabel.set(label, l);
      }
      const none = () => '';
      const qOverlap = overlapMatches(quotes[a], quotes[b], none);
      countMatches(tot.quotes, quotes[a], quotes[b], exactMatches(quotes[a], quotes[b], none), qOverlap.length);
      const ia = new Map(sidecars[a].entities.map((e) => [e.id, e]));
      const ib = new Map(sidecars[b].entities.map((e) => [e.id, e]));
      for (const [qa, qb] of qOverlap) if (speakerKey(qa, ia) === speakerKey(qb, ib)) tot.speakerSame++;
      f1s.push(
        prf(
          entities[a].length + quotes[a].length,
          entities[b].length + quotes[b].length,
          overlap.length + qOverlap.length,
        ).f1,
      );
    });
    const mean = f1s.reduce((s, x) => s + x, 0) / f1s.length;
    this.documents.push({
      id,
      disagreement: 1 - mean,
      entities: entities.map((l) => l.length),
      quotes: quotes.map((l) => l.length),
    });
  }

  report(): AgreementReport {
    const pairs: PairAgreement[] = this.pairList.map(([a, b], p) => {
      const t = this.totals[p];
      const byLabel: PairAgreement['entities']['byLabel'] = {};
      for (const [label, l] of [...t.byLabel].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        byLabel[label] = {
          exact: prf(l.a, l.b, l.exact),
          overlap: prf(l.a, l.b, l.overlap),
          cohenKappa: finite(this.labels.get(label)!.cohenKappa(a, b)),
        };
      }
      return {
        a,
        b,
        entities: {
          exact: prf(t.entities.a, t.entities.b, t.entities.exact),
          overlap: prf(t.entities.a, t.entities.b, t.entities.overlap),
          cohenKappa: this.tokens.items ? finite(this.tokens.cohenKappa(a, b)) : null,
          byLabel,
        },
        quotes: {
          exact: prf(t.quotes.a, t.quotes.b, t.quotes.exact),
          overlap: prf(t.quotes.a, t.quotes.b, t.quotes.overlap),
          speakerAgreement: t.quotes.overlap ? t.speakerSame / t.quotes.overlap : null,
          matched: t.quotes.overlap,
        },
        cleanup: {
          observed: this.cleanup.items ? finite(this.cleanup.observed(a, b)) : null,
          cohenKappa: this.cleanup.items ? finite(this.cleanup.cohenKappa(a, b)) : null,
        },
      };
    });
    const byLabel: Record<string, Coefficients> = {};
    for (const label of [...this.labels.keys()].sort()) byLabel[label] = coefficients(this.labels.get(label)!);
    const documentsByDisagreement = [...this.documents].sort(
      (x, y) => y.disagreement - x.disagreement || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
    return {
      versions: [...this.versions],
      documents: this.documents.length,
      tokens: coefficients(this.tokens),
      byLabel,
      cleanup: coefficients(this.cleanup),
      pairs,
      documentsByDisagreement,
    };
  }
}
