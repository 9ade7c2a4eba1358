// Many spans (a long document's suggestions), drawn only in the paragraphs near the view: what is drawn is
// exactly the spans crossing those paragraphs, and a change of the list or of the view resolves only the
// spans it adds, not every span. Node has no CSS Custom Highlight API: the page's registry is stood in for
// by a Map of Sets, as in highlight-layer.test.ts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edit } from '../../../shared/model';
import { shownText } from '../../../shared/text-view';
import { HighlightLayer } from '../../../renderer/text/highlight-layer';
import { SpansNearView } from '../../../renderer/text/spans-near-view';

beforeAll(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  g.Highlight ??= class extends Set<unknown> {
    priority = 0;
  };
  g.CSS ??= { highlights: new Map() };
});

/** `lines` paragraphs of 40 code points each (an emoji, a combining mark and CRLF among them). */
function sourceOf(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `😀 سطر\u064E ${String(i).padStart(5, '0')} ${'x'.repeat(26)}\r`).join(
    '\n',
  );
}
const LINE = 41; // code points per line with its line break

function setUp(lines: number, edits: Record<string, Edit> = {}) {
  const shown = shownText(sourceOf(lines), edits, 'clean');
  let near: Set<number> | null = new Set();
  const resolved: string[] = [];
  const layer = new HighlightLayer((start, end) => {
    resolved.push(`${start}-${end}`);
    const out: AbstractRange[] = [];
    for (let i = shown.paragraphAt(start); i <= shown.paragraphAt(end); i++)
      if (near === null || near.has(i)) out.push({ start, end, i } as unknown as AbstractRange);
    return out;
  }, shown.paragraphAt);
  let looks = 0;
  const spans = new SpansNearView<{ start: number; end: number }>(shown, layer, () => (looks++, near));
  const itemOf = (s: { start: number; end: number }) => ({
    key: `${s.start}:${s.end}`,
    name: 'tahrir-suggested-entity',
  });
  return {
    shown,
    spans,
    layer,
    itemOf,
    resolved,
    setNear: (n: Set<number> | null) => (near = n),
    looks: () => looks,
  };
}

describe('SpansNearView', () => {
  it('draws the spans crossing the paragraphs near the view, and only those (any view, any list)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40 * LINE), fc.integer({ min: 1, max: 3 * LINE })), { maxLength: 60 }),
        fc.uniqueArray(fc.nat(45), { maxLength: 12 }),
        fc.boolean(),
        (raw, nearList, removeSome) => {
          // In the clean view, lines 3-5 removed by an edit: spans wholly inside show nowhere.
          const edits: Record<string, Edit> = removeSome
            ? { e1: { id: 'e1', start: 3 * LINE, end: 6 * LINE, kind: 'boilerplate' } as Edit }
            : {};
          const t = setUp(40, edits);
          const list = raw.map(([start, length]) => ({ start, end: start + length })).sort((a, b) => a.start - b.start);
          const near = new Set(nearList);
          t.setNear(near);
          t.spans.show(list, t.itemOf, 3 * LINE);
          const expected = new Set<string>();
          for (const s of list) {
            const r = t.shown.toShown(s.start, s.end);
            if (!r || r.end <= r.start) continue;
            for (let i = t.shown.paragraphAt(r.start); i <= t.shown.paragraphAt(r.end); i++)
              if (near.has(i)) expected.add(t.itemOf(s).key);
          }
          expect(new Set(t.layer.items(true).map((i) => i.key))).toEqual(expected);
          // Every paragraph (a document of ordinary length): every span that shows.
          t.setNear(null);
          t.spans.update();
          expect(t.layer.items().length).toBe(
            new Set(
              list
                .filter(
                  (s) => (t.shown.toShown(s.start, s.end)?.end ?? 0) > (t.shown.toShown(s.start, s.end)?.start ?? 0),
                )
                .map((s) => t.itemOf(s).key),
            ).size,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a long list: the view, a scroll and a change of the list resolve the spans near the view, not all 100,000', () => {
    const t = setUp(10_000);
    // Ten spans a line: 100,000 in all.
    const list = Array.from({ length: 100_000 }, (_, i) => {
      const start = Math.floor(i / 10) * LINE + 12 + (i % 10) * 2;
      return { start, end: start + 2 };
    });
    t.setNear(new Set([5000, 5001, 5002, 5003, 5004]));
    t.spans.show(list, t.itemOf, 3 * LINE);
    expect(t.resolved.length).toBe(50);
    expect(t.layer.items()).toHaveLength(50);
    // The view moves a paragraph down: that paragraph's ten are drawn, the ten of the one left behind dropped.
    t.resolved.length = 0;
    t.setNear(new Set([5001, 5002, 5003, 5004, 5005]));
    t.spans.update();
    expect(t.resolved.length).toBe(10);
    expect(t.layer.items()).toHaveLength(50);
    // A keypress accepts one suggestion (a new list without it): nothing is resolved again, one is dropped.
    t.resolved.length = 0;
    const accepted = list.filter((_, i) => i !== 50_030);
    t.spans.show(accepted, t.itemOf, 2);
    expect(t.resolved.length).toBe(0);
    expect(t.layer.items()).toHaveLength(49);
    // Undone (the old list again): the one is drawn again, alone.
    t.spans.show(list, t.itemOf, 3 * LINE);
    expect(t.resolved).toEqual([
      `${t.shown.toShown(list[50_030].start, list[50_030].end)!.start}-${t.shown.toShown(list[50_030].start, list[50_030].end)!.end}`,
    ]);
  });

  it('with no spans, does not ask which paragraphs are near the view (the page measures them: a forced layout)', () => {
    const { spans, itemOf, layer, looks, setNear } = setUp(20);
    setNear(new Set([0, 1]));
    spans.show([{ start: 0, end: 5 }], itemOf, 5);
    expect(looks()).toBe(1);
    expect(layer.items().map((i) => i.key)).toEqual(['0:5']);
    spans.show([], itemOf, 0);
    spans.update();
    expect(looks()).toBe(1);
    expect(layer.items()).toEqual([]);
  });
});
