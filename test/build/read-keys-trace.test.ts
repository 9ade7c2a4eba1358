// build/read-keys-trace.mjs on a trace written here: the keys bench's four keydowns a round (1, Delete,
// Control, Z), each followed by tasks; the thread ms counted per kind of keypress, by what ran, and the
// first frame's Paint.
import { describe, expect, it } from 'vitest';
import { readKeysTrace } from '../../build/read-keys-trace.mjs';

const PID = 7;
const MAIN = 1;
const OTHER = 2;
let at = 0;
/** A complete event (ph X) on a thread, `ms` long (wall and thread time alike), starting `offset` ms after `at`. */
function x(name: string, offset: number, ms: number, data: Record<string, unknown> = {}, tid = MAIN) {
  return {
    name,
    ph: 'X',
    pid: PID,
    tid,
    ts: (at + offset) * 1000,
    dur: ms * 1000,
    tdur: ms * 1000,
    args: { data },
  };
}

/** One keypress: its task (the keydown), a frame (FireAnimationFrame, Paint, Commit) and the next frame. */
function keypress(paintMs: number, extra: ReturnType<typeof x>[] = []) {
  const events = [
    x('RunTask', 0, 2),
    x('EventDispatch', 0, 2, { type: 'keydown' }),
    x('RunTask', 5, paintMs + 2),
    x('FireAnimationFrame', 5, 1),
    x('Paint', 6, paintMs, { nodeName: '#document' }),
    x('Paint', 6, paintMs - 1, { nodeName: 'DIV' }), // inside the first: not counted twice
    x('Commit', 6 + paintMs, 1),
    ...extra,
    x('RunTask', 22, 2), // the next frame: the bench's measure ends in it
    x('Commit', 23, 1),
  ];
  at += 100;
  return events;
}

describe('read-keys-trace', () => {
  it('counts the main thread per kind of keypress, by what ran, and the Paint of the first frame', () => {
    at = 0;
    const events = [
      { name: 'thread_name', ph: 'M', pid: PID, tid: MAIN, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', pid: PID, tid: OTHER, args: { name: 'Compositor' } },
      ...keypress(6),
      ...keypress(8, [x('RunTask', 12, 3), x('FunctionCall', 12, 3, { functionName: 'tell' })]),
      ...keypress(1), // Control: not a keypress of its own
      ...keypress(4, [x('RunTask', 40, 5, {}, OTHER)]), // another thread's task: not counted
    ];
    const result = readKeysTrace(events);
    expect(Object.keys(result)).toEqual(['tag', 'delete', 'undo']);
    expect(result.tag.keypresses).toBe(1);
    expect(result.tag.perKeypress).toEqual({
      '(all tasks)': 2 + 8 + 2,
      Paint: 6,
      'keydown event': 2,
      FireAnimationFrame: 1,
      Commit: 2,
    });
    expect(result.tag.firstPaint).toEqual({ p50: 6, p95: 6 });
    expect(result.delete.perKeypress.tell).toBe(3);
    expect(result.delete.perKeypress['(all tasks)']).toBe(2 + 10 + 3 + 2);
    expect(result.undo.firstPaint.p50).toBe(4);
    expect(result.undo.perKeypress['(all tasks)']).toBe(2 + 6 + 2);
  });

  it('says which trace it cannot read', () => {
    expect(() => readKeysTrace([])).toThrow(/no CrRendererMain/);
  });
});
