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
  /** @type {Map<string, number>} */
  const commitsBy = new Map();
  for (const e of events)
    if (e.name === 'Commit' && e.ph === 'X')
      commitsBy.set(`${e.pid}:${e.tid}`, (commitsBy.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...commitsBy].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('no frame (Commit) in the trace');
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node build/read-scroll-trace.mjs TRACE.json…');
    process.exit(2);
  }
  for (const file of files) {
    const w = readScrollTrace(JSON.parse(readFileSync(file, 'utf8')).traceEvents);
    const perBlock = w.repaintsPerBlock.toFixed(2);
    console.log(
      `${file}: ${w.frames} frames, ${w.blocks} blocks; block repaints over ${REPAINT_MS} ms ${w.repaints}` +
        ` (${perBlock} a block) in ${w.repaintFrames} frames, ${w.repaintFramesWithStyle} of them` +
        ` with a style change; block Paint ${w.blockPaintMs.toFixed(0)} ms of ${w.taskMs.toFixed(0)} ms of tasks` +
        ` (${(100 * w.blockPaintShare).toFixed(1)}%, thread time)`,
    );
  }
}
