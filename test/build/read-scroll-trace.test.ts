// build/read-scroll-trace.mjs on a trace written here: frames (up to each Commit) that paint blocks of paragraphs,
// first and again, with or without a style change, on the main thread and on another.
import { describe, expect, it } from 'vitest';
import { readScrollTrace } from '../../build/read-scroll-trace.mjs';

const PID = 7;
const MAIN = 1;
const OTHER = 2;
let at = 0;
/** A complete event (ph X) on a thread, `ms` of thread time, `offset` ms after `at`. */
function x(name: string, offset: number, ms: number, args: Record<string, unknown> = {}, tid = MAIN) {
  return { name, ph: 'X', pid: PID, tid, ts: (at + offset) * 1000, dur: ms * 2000, tdur: ms * 1000, args };
}
const block = (id: number) => ({ data: { nodeName: "DIV class='para-block'", nodeId: id } });

/** One frame: a task holding its style (elements restyled), the blocks' paints (id, ms) and its Commit. */
function frame(styled: number, paints: [number, number][], tid = MAIN) {
  const events = [
    x('RunTask', 0, 10, {}, tid),
    ...(styled ? [x('UpdateLayoutTree', 1, 1, { elementCount: styled }, tid)] : []),
    x('Paint', 2, 5, { data: { nodeName: '#document' } }, tid),
    ...paints.map(([id, ms]) => x('Paint', 2, ms, block(id), tid)),
    x('Commit', 9, 1, {}, tid),
  ];
  at += 16;
  return events;
}

describe('read-scroll-trace', () => {
  it('counts the blocks painted again after their first paint, by frame, with or without a style change', () => {
    at = 0;
    const events = [
      ...frame(10, [[1, 2]]), // block 1 laid out and painted: a first paint
      ...frame(0, [[1, 1.5]]), // its Ranges came: painted again
      ...frame(0, [[1, 0.01]]), // replayed from cache: not a repaint
      ...frame(9, [
        [1, 1],
        [2, 3],
      ]), // block 2's first layout repaints block 1 (a style change)
      ...frame(1, [
        [1, 0.5],
        [2, 0.8],
      ]),
      ...frame(0, []),
      // Another thread's frames (fewer): not the page's.
      ...frame(5, [[1, 9]], OTHER),
    ];
    const w = readScrollTrace(events);
    expect(w.frames).toBe(6);
    expect(w.blocks).toBe(2);
    expect(w.repaints).toBe(4);
    expect(w.repaintsPerBlock).toBe(2);
    expect(w.repaintFrames).toBe(3);
    expect(w.repaintFramesWithStyle).toBe(2);
    expect(w.blockPaintMs).toBeCloseTo(2 + 1.5 + 0.01 + 1 + 3 + 0.5 + 0.8, 6);
    expect(w.taskMs).toBeCloseTo(60, 6);
    expect(w.blockPaintShare).toBeCloseTo(w.blockPaintMs / 60, 6);
  });

  it('says when the trace has no frame', () => {
    expect(() => readScrollTrace([])).toThrow(/no frame/);
  });
});
