// Inter-annotator agreement coefficients over items that every coder labelled (one nominal label
// each), as NLTK's nltk.metrics.agreement.AnnotationTask defines them (Artstein & Poesio 2008):
//   cohenKappa(a, b)      = kappa_pairwise: (Ao − Ae) / (1 − Ae), Ae = Σ_k P_a(k) · P_b(k)
//   meanPairwiseKappa     = kappa: Cohen's κ averaged over every pair of coders
//   daviesFleissKappa     = multi_kappa: mean Ao and mean pairwise Ae over pairs (Davies & Fleiss 1982)
//   fleissKappa           = pi: multi-π, Fleiss' κ (1971): Ae = Σ_k (n_k / (N·C))²
//   krippendorffAlpha     = alpha with the nominal (binary) distance; 1 when one label is all there is
// Counts are kept, never the items: a corpus of any size costs a few numbers per label and pair.
// Items may carry a weight (a run of characters with the same labels counts as that many items).
// Undefined values (0/0, as when every item has the same label) are NaN.

export class AgreementCounts {
  readonly coders: number;
  /** Items (weighted). */
  items = 0;
  /** For each coder, how often they gave each label. */
  private readonly perCoder: Map<string, number>[];
  /** For each pair (i < j, in order), items they agree on. */
  private readonly agreed: number[];
  /** Σ over items of m² − Σ_label n_label² (ordered pairs of coders that disagree on it). */
  private disagreeingPairs = 0;

  constructor(coders: number) {
    if (coders < 2) throw new RangeError('agreement needs at least two coders');
    this.coders = coders;
    this.perCoder = Array.from({ length: coders }, () => new Map());
    this.agreed = new Array((coders * (coders - 1)) / 2).fill(0);
  }

  /** One item: `labels[c]` is coder c's label. */
  add(labels: readonly string[], weight = 1): void {
    const c = this.coders;
    this.items += weight;
    let p = 0;
    let same = 0; // Σ_label n_label² as the count of ordered pairs (including self) with equal labels
    for (let i = 0; i < c; i++) {
      const counts = this.perCoder[i];
      counts.set(labels[i], (counts.get(labels[i]) ?? 0) + weight);
      same += 1;
      for (let j = i + 1; j < c; j++, p++) {
        if (labels[i] === labels[j]) {
          this.agreed[p] += weight;
          same += 2;
        }
      }
    }
    this.disagreeingPairs += weight * (c * c - same);
  }

  private pairIndex(a: number, b: number): number {
    const [i, j] = a < b ? [a, b] : [b, a];
    // Pairs of i' < i come first: Σ_{i'<i} (c − 1 − i').
    return i * this.coders - (i * (i + 1)) / 2 + (j - i - 1);
  }

  /** Share of items coders a and b gave the same label. */
  observed(a: number, b: number): number {
    return this.agreed[this.pairIndex(a, b)] / this.items;
  }

  /** Chance agreement of a and b from each one's own label distribution (Cohen). */
  private expectedKappa(a: number, b: number): number {
    let ae = 0;
    for (const [label, n] of this.perCoder[a])
      ae += (n / this.items) * ((this.perCoder[b].get(label) ?? 0) / this.items);
    return ae;
  }

  cohenKappa(a: number, b: number): number {
    const ae = this.expectedKappa(a, b);
    return (this.observed(a, b) - ae) / (1 - ae);
  }

  private pairs(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.coders; i++) for (let j = i + 1; j < this.coders; j++) out.push([i, j]);
    return out;
  }

  private meanOver(f: (a: number, b: number) => number): number {
    const pairs = this.pairs();
    return pairs.reduce((sum, [a, b]) => sum + f(a, b), 0) / pairs.length;
  }

  meanObserved(): number {
    return this.meanOver((a, b) => this.observed(a, b));
  }

  meanPairwiseKappa(): number {
    return this.meanOver((a, b) => this.cohenKappa(a, b));
  }

  daviesFleissKappa(): number {
    const ae = this.meanOver((a, b) => this.expectedKappa(a, b));
    return (this.meanObserved() - ae) / (1 - ae);
  }

  /** Every label's count over all coders. */
  private totals(): Map<string, number> {
    const out = new Map<string, number>();
    for (const counts of this.perCoder) for (const [label, n] of counts) out.set(label, (out.get(label) ?? 0) + n);
    return out;
  }

  fleissKappa(): number {
    const all = this.items * this.coders;
    let ae = 0;
    for (const n of this.totals().values()) ae += (n / all) ** 2;
    return (this.meanObserved() - ae) / (1 - ae);
  }

  krippendorffAlpha(): number {
    const totals = this.totals();
    if (totals.size === 1) return 1;
    const c = this.coders;
    const all = this.items * c;
    // Observed: Σ_items m · D(item) / Σ m, D(item) = disagreeing ordered pairs / (m (m − 1)).
    const observed = this.disagreeingPairs / (c - 1) / all;
    let same = 0;
    for (const n of totals.values()) same += n * n;
    const expected = (all * all - same) / (all * (all - 1));
    return 1 - observed / expected;
  }
}

/** Precision, recall and F1 of `matched` items out of `reference` and `predicted` (0/0 is 1: both found nothing). */
export interface PRF {
  reference: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(reference: number, predicted: number, matched: number): PRF {
  const precision = predicted === 0 ? (reference === 0 ? 1 : 0) : matched / predicted;
  const recall = reference === 0 ? (predicted === 0 ? 1 : 0) : matched / reference;
  const f1 = reference + predicted === 0 ? 1 : (2 * matched) / (reference + predicted);
  return { reference, predicted, matched, precision, recall, f1 };
}
