import { describe, expect, it } from 'vitest';
import { atLeast, atMost, median, medianRow, percentile, ratioRow, spread } from './bench-statistics';

describe('bench statistics', () => {
  it('p95 is the nearest rank over all values, never interpolated', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    // 20 values: rank ceil(0.95 × 20) = 19, the 19th smallest.
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 10).reverse();
    expect(percentile(twenty, 95)).toBe(190);
    // 10 values: rank ceil(9.5) = 10, the largest: one slow try in ten shows in p95.
    expect(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 50], 95)).toBe(50);
    expect(percentile([], 95)).toBeNaN();
  });

  it('the median is a measured value (the lower middle of an even count), order does not matter', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([40, 10, 30, 20])).toBe(20);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('does not reorder the caller’s values', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('spread is the lowest and highest run', () => {
    expect(spread([5, 2, 9, 4])).toEqual([2, 9]);
    expect(spread([])).toEqual([NaN, NaN]);
  });

  it('a median row carries its spread and run count; goals say whether they are met', () => {
    const row = medianRow('open', [120, 100, 140], 'ms');
    expect(row).toMatchObject({ value: 120, spread: [100, 140], runs: 3 });
    expect(atMost(row, 150)).toMatchObject({ goal: '≤ 150 ms', met: true });
    expect(atMost(row, 110)).toMatchObject({ goal: '≤ 110 ms', met: false });
    expect(atLeast({ name: 't', value: 49.9, unit: '%' }, 50)).toMatchObject({ goal: '≥ 50%', met: false });
  });

  it('a ratio of two median rows spans the worst and best pairing of their runs', () => {
    const top = medianRow('a', [200, 180, 240], 'ms');
    const bottom = medianRow('b', [100, 80, 120], 'ms');
    const ratio = ratioRow('a / b', top, bottom);
    expect(ratio.value).toBe(2);
    expect(ratio.spread).toEqual([180 / 120, 240 / 80]);
    expect(atMost(ratio, 1.5)).toMatchObject({ goal: '≤ 1.5×', met: false });
  });
});
