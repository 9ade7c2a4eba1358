// build/read-scroll-trace.mjs on a trace written here: frames (up to each Commit) that paint blocks of paragraphs,
// first and again, with or without a style change, on the main thread and on another.
import { describe, expect, it } from 'vitest';
import { readScrollFrames, readScrollTrace } from '../../build/read-scroll-trace.mjs';

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

  it('lists the frames over 25 ms between rAFs with their thread time by kind, or starved when it ran little', () => {
    at = 0;
    /** As x, its wall time its thread time (nested events do not overlap their neighbours). */
    const y = (name: string, offset: number, ms: number, args: Record<string, unknown> = {}) => ({
      ...x(name, offset, ms, args),
      dur: ms * 1000,
    });
    /** A frame: the rAF at `at`, then events `offset` ms after it; the next frame starts `gap` ms later. */
    const frame = (gap: number, events: ReturnType<typeof x>[]) => {
      const out = [y('RunTask', 0, 0.3), y('FireAnimationFrame', 0, 0.1), y('Commit', 0.1, 0.1), ...events];
      at += gap;
      return out;
    };
    const events = [
      ...frame(16, [y('Paint', 1, 3)]),
      // A block's first layout and its paint: 22 ms of thread time in a 40 ms frame.
      ...frame(40, [y('RunTask', 1, 22), y('Layout', 1, 14), y('Paint', 16, 6, block(1))]),
      // 50 ms with 4 ms run: the thread waited.
      ...frame(50, [y('RunTask', 1, 4), y('Paint', 1, 3)]),
      // The observer's callback and the browser's intersections: script named by its entry, GC inside it counted apart.
      ...frame(30, [
        y('RunTask', 1, 20),
        y('IntersectionObserverController::computeIntersections', 1, 2),
        y('FunctionCall', 4, 16, { data: { functionName: 'nearChanged' } }),
        y('MinorGC', 5, 6),
      ]),
      ...frame(16, []),
    ];
    const f = readScrollFrames(events);
    expect(f.frames).toBe(4);
    expect(f.long.map((l) => [l.index, l.ms, l.kind])).toEqual([
      [2, 40, 'layout'],
      [3, 50, 'starved'],
      [4, 30, 'script: nearChanged'],
    ]);
    expect(f.perKind).toEqual({ layout: 1, starved: 1, 'script: nearChanged': 1 });
    expect(f.long[2].kinds.gc).toBeCloseTo(6, 6);
    expect(f.long[2].kinds['script: nearChanged']).toBeCloseTo(10, 6);
    expect(f.selfMs.intersections).toBeCloseTo(2, 6);
    expect(f.selfMs.paint).toBeCloseTo(3 + 6 + 3, 6);
    expect(f.selfMs['paint-other']).toBeCloseTo(4 * 0.1, 6);
  });
});
