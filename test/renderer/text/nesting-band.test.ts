// The nesting band after an edit lanes again and redraws only the paragraphs the edit changed (and
// those the entities there run on into), not every entity drawn: on a long document each band is
// measured in the laid-out text. Node has no CSS Custom Highlight API nor layout: the page's
// registry is a Map of Sets (as in highlight-layer.test.ts), and the overlay a recorder of the
// bands it is asked to draw (what it would measure).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightLayer, type HighlightItem } from '../../../renderer/text/highlight-layer';
import { INNER_HIGHLIGHT, NestingBand } from '../../../renderer/text/nesting-band';
import type { Band, SpanOverlay } from '../../../renderer/text/span-overlay';

beforeAll(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  g.Highlight ??= class extends Set<unknown> {
    priority = 0;
  };
  g.CSS ??= { highlights: new Map() };
});
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const PARAGRAPH = 100; // paragraph i holds shown positions [100 i, 100 i + 100)
const paragraphAt = (pos: number) => Math.floor(pos / PARAGRAPH);

/** Every paragraph drawn (near the view); the overlay records each call. */
function setUp() {
  const layer = new HighlightLayer((start, end) => [{ start, end } as unknown as AbstractRange], paragraphAt);
  const calls: { all?: string[]; gone?: string[]; drawn: string[] }[] = [];
  const keys = (bands: Band[]) => bands.map((b) => `${b.key}:${b.lane}`).sort();
  const overlay = {
    drawBands: (bands: Band[]) => calls.push({ all: keys(bands), drawn: keys(bands) }),
    replaceBands: (gone: ReadonlySet<string>, bands: Band[]) =>
      calls.push({ gone: [...gone].sort(), drawn: keys(bands) }),
  } as unknown as SpanOverlay;
  const band = new NestingBand(layer, overlay, () => '#000');
  return { layer, band, calls };
}

const entity = (key: string, start: number, end: number): HighlightItem => ({
  key,
  name: 'tahrir-label-0',
  start,
  end,
});

describe('NestingBand', () => {
  it('after an edit, lanes and draws again only the bands of the paragraphs it changed', () => {
    const { layer, band, calls } = setUp();
    // A nested pair in each of 40 paragraphs, an entity alone in each too.
    for (let p = 0; p < 40; p++) {
      layer.put(`outer${p}`, entity(`outer${p}`, p * PARAGRAPH + 10, p * PARAGRAPH + 40));
      layer.put(`inner${p}`, entity(`inner${p}`, p * PARAGRAPH + 20, p * PARAGRAPH + 30));
      layer.put(`alone${p}`, entity(`alone${p}`, p * PARAGRAPH + 60, p * PARAGRAPH + 70));
    }
    band.schedule();
    vi.runAllTimers();
    expect(calls).toHaveLength(1);
    expect(calls[0].all).toHaveLength(80);
    expect(layer.item('inner7')?.name).toBe(INNER_HIGHLIGHT);

    // An edit in paragraph 7: a third entity nested in the pair; one in paragraph 12 deleted.
    const listed = vi.spyOn(layer, 'items');
    layer.put('deeper7', entity('deeper7', 722, 28 + 700));
    layer.put('inner12', null);
    band.schedule([7, 12]);
    vi.runAllTimers();
    expect(listed).not.toHaveBeenCalled();
    expect(calls[1]).toEqual({
      gone: ['inner12', 'inner7', 'outer12', 'outer7'],
      drawn: ['deeper7:2', 'inner7:1', 'outer7:0'],
    });
    // The outer one of paragraph 12 is alone now: its fill is back; the new innermost has none.
    expect(layer.item('outer12')?.name).toBe('tahrir-label-0');
    expect(layer.item('deeper7')?.name).toBe(INNER_HIGHLIGHT);
    expect(layer.item('inner20')?.name).toBe(INNER_HIGHLIGHT);
  });

  it('lanes an entity running on into the next paragraph with the entities there', () => {
    const { layer, band, calls } = setUp();
    layer.put('a', entity('a', 150, 170));
    layer.put('b', entity('b', 160, 230)); // paragraphs 1 and 2
    layer.put('c', entity('c', 210, 220)); // paragraph 2, inside b
    layer.put('d', entity('d', 510, 520));
    layer.put('e', entity('e', 505, 525));
    band.schedule();
    vi.runAllTimers();
    layer.put('a', null);
    band.schedule([1]);
    vi.runAllTimers();
    expect(calls[1]).toEqual({ gone: ['a', 'b', 'c'], drawn: ['b:0', 'c:1'] });
  });
});
