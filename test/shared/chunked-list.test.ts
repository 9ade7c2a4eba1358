// The open suggestions' list in chunks: the same as the array it stands for, whatever the edits, and an edit of a
// few items of 100,000 copies a chunk or two, sharing the rest.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ChunkedList, type ListEdit } from '../../shared/chunked-list';
import { partitionPoint } from '../../shared/sorted-search';

/** The edits as an array's splices (from the end, so the earlier positions hold). */
function spliced(items: number[], edits: ListEdit<number>[]): number[] {
  const out = [...items];
  for (const e of [...edits].reverse()) out.splice(e.from, e.to - e.from, ...e.items);
  return out;
}

test('a ChunkedList is the array it stands for, through any edits (at, iteration, search, toArray)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 3000 }),
      fc.array(
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 600 })), {
          maxLength: 6,
        }),
        { maxLength: 6 },
      ),
      (first, rounds) => {
        let array = [...first].sort((a, b) => a - b);
        let list = ChunkedList.from(array);
        for (const round of rounds) {
          // Edits by position, none overlapping: `from`s spread over the list, each over at most 3 items.
          const edits: ListEdit<number>[] = [];
          let at = 0;
          for (const [step, width, items] of round) {
            const from = Math.min(array.length, at + (step % Math.max(1, array.length + 1)));
            const to = Math.min(array.length, from + width);
            if (edits.length && from < edits[edits.length - 1].to) break;
            edits.push({ from, to, items });
            at = to;
          }
          array = spliced(array, edits);
          list = list.replaced(edits);
          expect(list.length).toBe(array.length);
          expect([...list]).toEqual(array);
          expect(list.toArray()).toEqual(array);
          for (const i of [0, array.length >> 1, array.length - 1, array.length, -1]) expect(list.at(i)).toBe(array[i]);
        }
        // Searches on a sorted one: the same as the array's.
        const sorted = ChunkedList.from([...array].sort((a, b) => a - b));
        const plain = sorted.toArray();
        for (const x of [-1, 0, 7, 500, 1999, 2001])
          expect(sorted.partitionPoint((y) => y < x)).toBe(partitionPoint(plain.length, (i) => plain[i] < x));
      },
    ),
    { numRuns: 200 },
  );
});

test('an edit of a few items of 100,000 copies a chunk or two, the others shared', () => {
  const list = ChunkedList.from(Array.from({ length: 100_000 }, (_, i) => i));
  const next = list.replaced([
    { from: 50_000, to: 50_001, items: [] },
    { from: 50_010, to: 50_010, items: [-1, -2] },
  ]);
  expect(next.length).toBe(100_001);
  expect(next.at(50_000)).toBe(50_001);
  expect(next.at(50_009)).toBe(-1);
  expect(next.chunksNotIn(list)).toBeLessThanOrEqual(2);
  expect(list.chunksNotIn(next)).toBeLessThanOrEqual(2);
});
