// What a workspace learned from its editor, per site: the lines removed as boilerplate and the
// lines kept (in reviewed documents, or rejected suggestions), and a logistic regression over
// line features (line-features.ts) trained on them. It lives in `.tahrir/learned.json`, a
// readable file: weights by feature name, and the removed and kept lines themselves.

import { FEATURE_NAMES, LineMemory, lineFeatures, type LineContext } from './line-features';
import type { KeyedLine } from './template-keys';

export const LEARNED_FORMAT = 'tahrir-learned';

/** One labeled line: its features and whether the editor removed it. */
export interface LabeledLine {
  features: number[];
  removed: boolean;
}

export interface LearnedSite {
  /** Labeled lines the model was trained on. */
  examples: { removed: number; kept: number };
  /** Feature name → weight (log-odds). */
  weights: Record<string, number>;
  /** Keys (template-keys.ts) of the whole lines the editor removed, each once. */
  removedLines: string[];
  /** Keys of the lines the editor rejected as suggestions, each once. */
  keptLines: string[];
  /** Keys of the last tokens of prefixes removed from the start of a line ("( reuters )-"), with how many. */
  removedPrefixes: Record<string, number>;
  /** Keys of the first tokens of suffixes removed from the end of a line. */
  removedSuffixes: Record<string, number>;
}

export interface LearnedModel {
  format: typeof LEARNED_FORMAT;
  version: 1;
  sites: Record<string, LearnedSite>;
}

export function emptyModel(): LearnedModel {
  return { format: LEARNED_FORMAT, version: 1, sites: {} };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  /** L2 penalty (not on the bias). */
  l2?: number;
}

/**
 * Logistic regression by full-batch gradient descent: deterministic (no shuffling), the two
 * classes weighted equally however few removed lines there are.
 */
export function trainLogistic(examples: readonly LabeledLine[], options: TrainOptions = {}): number[] {
  const { epochs = 300, rate = 0.5, l2 = 0.01 } = options;
  const size = FEATURE_NAMES.length;
  const removed = examples.filter((e) => e.removed).length;
  const kept = examples.length - removed;
  const w = new Float64Array(size);
  if (removed === 0 || kept === 0) {
    // One class only: the bias says so, nothing else is learned.
    w[0] = removed === 0 ? -4 : 4;
    return [...w];
  }
  // Features in one flat array, each example's class weight beside it: the loop below runs
  // 300 times over every labeled line of the site.
  const x = new Float64Array(examples.length * size);
  const y = new Float64Array(examples.length);
  const weight = new Float64Array(examples.length);
  examples.forEach((e, i) => {
    x.set(e.features, i * size);
    y[i] = e.removed ? 1 : 0;
    weight[i] = e.removed ? 0.5 / removed : 0.5 / kept;
  });
  const grad = new Float64Array(size);
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    for (let i = 0, row = 0; i < examples.length; i++, row += size) {
      let z = 0;
      for (let j = 0; j < size; j++) z += w[j] * x[row + j];
      const g = (sigmoid(z) - y[i]) * weight[i];
      for (let j = 0; j < size; j++) grad[j] += g * x[row + j];
    }
    let largest = 0;
    for (let j = 0; j < size; j++) {
      const step = grad[j] + (j === 0 ? 0 : l2 * w[j]);
      w[j] -= rate * step;
      largest = Math.max(largest, Math.abs(step));
    }
    if (largest < 1e-5) break; // converged
  }
  return [...w];
}

export function weightsByName(w: readonly number[]): Record<string, number> {
  return Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, Math.round(w[i] * 1000) / 1000]));
}

/** The probability that the editor would remove a line, by a site's learned weights. */
export function removalProbability(site: LearnedSite, features: readonly number[]): number {
  return sigmoid(FEATURE_NAMES.reduce((z, n, i) => z + (site.weights[n] ?? 0) * features[i], 0));
}

/**
 * Labeled lines of one class the weights are trained on, at most this many (taken evenly): a
 * few thousand say all 21 weights can, and training stays short in a workspace of 10,000
 * reviewed articles. The removed lines themselves are all remembered.
 */
export const MAX_TRAINING_LINES = 2000;

function evenly<T>(items: readonly T[], max = MAX_TRAINING_LINES): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

/** A site's learned lines, ready to compare against (built once per suggestion run). */
export class SiteMemory {
  readonly removed: LineMemory;
  readonly kept: LineMemory;

  constructor(site: Pick<LearnedSite, 'removedLines' | 'keptLines'>) {
    this.removed = new LineMemory(site.removedLines);
    this.kept = new LineMemory(site.keptLines);
  }
}

/**
 * One reviewed document's lines, labeled: removed (a boilerplate edit covers it), kept, or neither (partly covered).
 */
export interface ReviewedLine {
  line: KeyedLine;
  removed: boolean;
  /** Share of the site's other articles holding this line. */
  recurrence: number;
  /** The document it is from (its lines are not compared with each other when training). */
  document: string;
  /** Non-blank lines of that document. */
  lines: number;
}

/** Builds a site's model from its reviewed lines and the glued prefixes and suffixes removed. */
export function learnSite(
  lines: readonly ReviewedLine[],
  edges: { prefixes: string[]; suffixes: string[] },
  rejected: readonly string[],
): LearnedSite {
  const removedKeys = new Map<string, Set<string>>();
  const keptKeys = new Map<string, Set<string>>();
  for (const l of lines) {
    const into = l.removed ? removedKeys : keptKeys;
    const docs = into.get(l.line.key) ?? new Set<string>();
    docs.add(l.document);
    into.set(l.line.key, docs);
  }
  const removedMemory = new LineMemory(removedKeys.keys());
  const keptMemory = new LineMemory([...rejected]);
  // A line is compared with the lines removed from *other* documents: the same line of
  // another article is evidence, the line itself is not.
  const examples: LabeledLine[] = [];
  for (const l of lines) {
    const onlyFromThisDocument = (key: string) => {
      const docs = removedKeys.get(key);
      return docs !== undefined && docs.size === 1 && docs.has(l.document);
    };
    const context: LineContext = {
      lines: l.lines,
      recurrence: l.recurrence,
      similarToRemoved: removedMemory.best(l.line.key, 0.6, onlyFromThisDocument).similarity,
      similarToKept: keptMemory.best(l.line.key).similarity,
    };
    examples.push({ features: lineFeatures(l.line, context), removed: l.removed });
  }
  const training = [...evenly(examples.filter((e) => e.removed)), ...evenly(examples.filter((e) => !e.removed))];
  const tally = (keys: string[]) =>
    keys.reduce<Record<string, number>>((out, k) => ((out[k] = (out[k] ?? 0) + 1), out), {});
  return {
    examples: { removed: examples.filter((e) => e.removed).length, kept: examples.filter((e) => !e.removed).length },
    weights: weightsByName(trainLogistic(training)),
    removedLines: [...removedKeys.keys()],
    keptLines: [...new Set(rejected)],
    removedPrefixes: tally(edges.prefixes),
    removedSuffixes: tally(edges.suffixes),
  };
}
