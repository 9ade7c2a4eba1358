// `node build/read-scroll-trace.mjs TRACE.json…`: what the page's main thread painted in the scroll bench's trace
// (TAHRIR_BENCH_ROWS=scroll TAHRIR_BENCH_TRACE=dir, browser bench: scroll-tahrir-0.trace.json). Work counts, not the
// wall clock, which a loaded 2-core machine stretches: how many times the blocks of paragraphs (`.para-block`) were
// painted again after their first paint, in how many frames, and whether a style change came in those frames.
// Why that split: Chromium drops and rebuilds every highlight marker at any Highlight change and at any style or DOM
// change (HighlightRegistry::ValidateHighlightMarkers), which repaints every laid-out block with Ranges; a
// content-visibility block laid out or skipped is a style change, so those frames repaint whatever we do.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A block's paint under this much thread time is its cached display items replayed, not text painted again. */
const REPAINT_MS = 0.3;

/**
 * @typedef {{ name: string, ph?: string, pid: number, tid: number, ts?: number, dur?: number, tdur?: number,
 *   args?: { name?: string, elementCount?: number, data?: Record<string, any> } }} TraceEvent
 * @typedef {TraceEvent & { ts: number, dur: number }} Complete a ph X event
 * @typedef {{ frames: number, blocks: number, repaints: number, repaintsPerBlock: number, repaintFrames: number,
 *   repaintFramesWithStyle: number, blockPaintMs: number, taskMs: number, blockPaintShare: number }} ScrollWork
 */

/** @param {TraceEvent} e */
const threadMs = (e) => (e.tdur ?? e.dur ?? 0) / 1000;

/**
 * The trace's events → the scroll's block paints. The main thread: the one with the most frames (Commit).
 * @param {TraceEvent[]} events
 * @returns {ScrollWork}
 */
export function readScrollTrace(events) {
  const main = mainThread(events);
  const own = /** @type {Complete[]} */ (
    events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))
  );
  const painted = new Set();
  const out = { frames: 0, repaints: 0, repaintFrames: 0, repaintFramesWithStyle: 0, blockPaintMs: 0, taskMs: 0 };
  // A frame: everything since the last Commit, up to its own (the tasks before it, its style, layout and paint).
  let styled = 0;
  let repaints = 0;
  for (const e of own) {
    if (e.name === 'RunTask') out.taskMs += threadMs(e);
    if (e.name === 'UpdateLayoutTree') styled += e.args?.elementCount ?? 0;
    if (e.name === 'Paint' && e.args?.data?.nodeName?.includes('para-block')) {
      out.blockPaintMs += threadMs(e);
      const id = e.args.data.nodeId;
      if (!painted.has(id)) painted.add(id);
      else if (threadMs(e) > REPAINT_MS) repaints++;
    }
    if (e.name !== 'Commit') continue;
    out.frames++;
    out.repaints += repaints;
    if (repaints > 0) out.repaintFrames++;
    if (repaints > 0 && styled > 0) out.repaintFramesWithStyle++;
    styled = 0;
    repaints = 0;
  }
  return {
    ...out,
    blocks: painted.size,
    repaintsPerBlock: out.repaints / Math.max(1, painted.size),
    blockPaintShare: out.blockPaintMs / Math.max(1e-9, out.taskMs),
  };
}

/** A rAF gap over this is a dropped frame (test/bench/pages/frame-probe.ts: 1.5 × 16.7 ms). */
const DROPPED_MS = 25;
/** A long frame whose main thread ran less than a frame's worth of thread time in it waited for the machine. */
const STARVED_MS = 1000 / 60;

/**
 * What a trace event's own thread time was spent on: paint (Paint), the rest of the frame's paint side (PrePaint,
 * Layerize, Commit, the lifecycle around them), layout, style, the browser's IntersectionObserver computation, GC, or
 * script (named by the outermost script entry: an event's listener, a timer, an idle callback, the rAF, a function).
 * @param {TraceEvent} e
 * @param {string | null} script the kind of the script entry around it, if any
 */
function kindOf(e, script) {
  const n = e.name;
  if (/GC|Scaveng|Sweep/.test(n)) return 'gc';
  if (n === 'Paint') return 'paint';
  if (n === 'Layout' || n.endsWith('performLayout')) return 'layout';
  if (n === 'UpdateLayoutTree') return 'style';
  if (n.startsWith('IntersectionObserver') || n.includes('ViewportIntersections')) return 'intersections';
  if (/PrePaint|Layerize|Commit|CullRect|Compositing|PaintLifecycle|BeginMainFrame|UpdateLayers/.test(n))
    return 'paint-other';
  if (script) return script;
  const data = e.args?.data ?? {};
  if (n === 'EventDispatch') return `script: ${data.type} event`;
  if (n === 'TimerFire') return 'script: timer';
  if (n === 'FireIdleCallback') return 'script: idle callback';
  if (n === 'FireAnimationFrame') return 'script: rAF';
  if (n === 'FunctionCall') return `script: ${data.functionName || 'function'}`;
  if (n === 'RunMicrotasks') return 'script: microtasks';
  return 'other';
}

/**
 * @typedef {{ index: number, ms: number, threadMs: number, kind: string, kinds: Record<string, number> }} LongFrame
 * @typedef {{ frames: number, long: LongFrame[], perKind: Record<string, number>, selfMs: Record<string, number> }}
 *   ScrollFrames
 */

/**
 * The scroll's frames (the gaps between the page's rAF callbacks, FireAnimationFrame) and those over DROPPED_MS, each
 * with its main thread's own thread time by kind (kindOf) and named by the kind that took the most, or `starved` when
 * the thread ran less than a frame's worth in it (it waited: the machine's other work, or the raster); `selfMs`: the
 * whole scroll's thread time by kind, which does not depend on the load as the wall clock does.
 * @param {TraceEvent[]} events
 * @returns {ScrollFrames}
 */
export function readScrollFrames(events) {
  const main = mainThread(events);
  const own = /** @type {Complete[]} */ (
    events
      .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0))
  );
  // Each event's own thread time (less its children's), with its kind.
  /** @type {{ ts: number, end: number, self: number, kind: string, script: string | null }[]} */
  const stack = [];
  /** @type {{ ts: number, self: number, kind: string }[]} */
  const spans = [];
  for (const e of own) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const kind = e.name === 'RunTask' ? 'other' : kindOf(e, parent?.script ?? null);
    const script = kind.startsWith('script') ? kind : (parent?.script ?? null);
    const node = { ts: e.ts, end: e.ts + e.dur, self: threadMs(e), kind, script };
    if (parent) parent.self -= node.self;
    stack.push(node);
    spans.push(node);
  }
  const rafs = own.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts);
  /** @type {Record<string, number>} */
  const perKind = {};
  /** @type {Record<string, number>} */
  const selfMs = {};
  /** @type {LongFrame[]} */
  const long = [];
  let s = 0;
  for (let i = 1; i < rafs.length; i++) {
    /** @type {Record<string, number>} */
    const kinds = {};
    let ran = 0;
    while (s < spans.length && spans[s].ts < rafs[i - 1]) s++;
    for (let j = s; j < spans.length && spans[j].ts < rafs[i]; j++) {
      const { kind, self } = spans[j];
      if (self <= 0) continue;
      kinds[kind] = (kinds[kind] ?? 0) + self;
      selfMs[kind] = (selfMs[kind] ?? 0) + self;
      ran += self;
    }
    const ms = (rafs[i] - rafs[i - 1]) / 1000;
    if (ms <= DROPPED_MS) continue;
    const most = Object.entries(kinds).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
    const kind = ran < STARVED_MS ? 'starved' : most;
    perKind[kind] = (perKind[kind] ?? 0) + 1;
    long.push({ index: i, ms, threadMs: ran, kind, kinds });
  }
  return { frames: Math.max(0, rafs.length - 1), long, perKind, selfMs };
}

/**
 * The page's main thread: the one with the most frames (Commit).
 * @param {TraceEvent[]} events
 */
function mainThread(events) {
  /** @type {Map<string, number>} */
  const commitsBy = new Map();
  for (const e of events)
    if (e.name === 'Commit' && e.ph === 'X')
      commitsBy.set(`${e.pid}:${e.tid}`, (commitsBy.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...commitsBy].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('no frame (Commit) in the trace');
  return main;
}

const fmt = (/** @type {Record<string, number>} */ by, digits = 0) =>
  Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(digits)}`)
    .join(', ');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const frames = process.argv.includes('--frames');
  const files = process.argv.slice(2).filter((a) => a !== '--frames');
  if (files.length === 0) {
    console.error('usage: node build/read-scroll-trace.mjs [--frames] TRACE.json…');
    process.exit(2);
  }
  for (const file of files) {
    const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
    const w = readScrollTrace(events);
    const perBlock = w.repaintsPerBlock.toFixed(2);
    console.log(
      `${file}: ${w.frames} frames, ${w.blocks} blocks; block repaints over ${REPAINT_MS} ms ${w.repaints}` +
        ` (${perBlock} a block) in ${w.repaintFrames} frames, ${w.repaintFramesWithStyle} of them` +
        ` with a style change; block Paint ${w.blockPaintMs.toFixed(0)} ms of ${w.taskMs.toFixed(0)} ms of tasks` +
        ` (${(100 * w.blockPaintShare).toFixed(1)}%, thread time)`,
    );
    const f = readScrollFrames(events);
    console.log(`  ${f.long.length} of ${f.frames} frames over ${DROPPED_MS} ms, by kind: ${fmt(f.perKind)}`);
    console.log(`  the main thread's own time in the scroll by kind (ms): ${fmt(f.selfMs)}`);
    if (frames)
      for (const l of f.long)
        console.log(
          `  frame ${l.index}: ${l.ms.toFixed(0)} ms, ${l.threadMs.toFixed(1)} ms ran: ${l.kind} (${fmt(l.kinds, 1)})`,
        );
  }
}
