// The bench's statistics, one definition for every section: nearest-rank percentiles over all
// tries (no interpolation, no best-of-N), and rows that are the median of several runs with
// their spread (min–max), so one lucky or unlucky run shows instead of deciding the number.

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
  /** Lowest and highest of the runs whose median is `value`. */
  spread?: [number, number];
  /** How many runs `value` is the median of. */
  runs?: number;
  /** What the row should reach, in words (`≤ 1.5×`); absent for a reference row (a floor, a size). */
  goal?: string;
  /** Whether `value` reaches the goal. */
  met?: boolean;
}

/** Nearest rank: the smallest value with at least p % of the values at or below it. NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** The nearest-rank median: with an even count, the lower middle value (a value that was measured). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function spread(values: readonly number[]): [number, number] {
  if (values.length === 0) return [NaN, NaN];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** A row that is the median of `runs` (one number per run), with the runs' spread. */
export function medianRow(
  name: string,
  runs: readonly number[],
  unit: string,
  extra: Partial<BenchRow> = {},
): BenchRow {
  return { name, value: median(runs), unit, spread: spread(runs), runs: runs.length, ...extra };
}

/** A goal "at most `limit`": states it on the row and whether the row's value meets it. */
export function atMost(row: BenchRow, limit: number, unit = row.unit): BenchRow {
  return { ...row, goal: `≤ ${limit}${unit === '×' || unit === '%' ? '' : ' '}${unit}`, met: row.value <= limit };
}

/** A goal "at least `limit`". */
export function atLeast(row: BenchRow, limit: number, unit = row.unit): BenchRow {
  return { ...row, goal: `≥ ${limit}${unit === '×' || unit === '%' ? '' : ' '}${unit}`, met: row.value >= limit };
}

/** A goal "below `other`" (strictly). */
export function below(row: BenchRow, other: number, what: string): BenchRow {
  return { ...row, goal: `< ${what}`, met: row.value < other };
}

/**
 * The ratio of two median rows, with the spread of the ratio as far as the runs allow: the lowest
 * numerator over the highest denominator, and the other way round.
 */
export function ratioRow(name: string, top: BenchRow, bottom: BenchRow, extra: Partial<BenchRow> = {}): BenchRow {
  const row: BenchRow = { name, value: top.value / bottom.value, unit: '×', ...extra };
  if (top.spread && bottom.spread) row.spread = [top.spread[0] / bottom.spread[1], top.spread[1] / bottom.spread[0]];
  return row;
}
