// `node build/read-keys-trace.mjs TRACE.json [app.js.map]`: what the page's main thread did around each
// keypress of the keys bench's trace (TAHRIR_BENCH_TRACE=dir, browser bench). Work counts, not wall clock:
// on a loaded 2-core machine the wall clock of a frame stretches, its thread time much less.
// Per kind (tag, delete, undo: the bench presses 1, Delete, Control, Z in each round), the thread ms per
// keypress from 20 ms before the keydown to the second frame after it, by what ran (events of
// devtools.timeline; a script's FunctionCall named by the source map when given), and the Paint of the
// first frame after the key (p50, p95).
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ name: string, ph?: string, pid: number, tid: number, ts?: number, dur?: number, tdur?: number,
 *   args?: { name?: string, data?: Record<string, any> } }} TraceEvent
 * @typedef {TraceEvent & { ts: number, dur: number, args: { data: Record<string, any> } }} Complete a ph X event
 * @typedef {{ keypresses: number, perKeypress: Record<string, number>, firstPaint: { p50: number, p95: number } }} Kind
 */

const KINDS = ['tag', 'delete', null, 'undo'];
const SUMMED = new Set([
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'FunctionCall',
  'Paint',
  'PrePaint',
  'Layout',
  'UpdateLayoutTree',
  'Layerize',
  'Commit',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
]);

/** @param {number[]} values @param {number} p */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : NaN;
};

/**
 * The trace's events → per kind: keypresses, thread ms per keypress by what ran, first frame Paint p50 and p95.
 * @param {TraceEvent[]} events
 * @param {(data: Record<string, any>) => string} [nameOf] a FunctionCall's name
 * @returns {Record<string, Kind>}
 */
export function readKeysTrace(events, nameOf = (data) => data.functionName || '(anonymous)') {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no CrRendererMain thread in the trace');
  const own = /** @type {Complete[]} */ (
    events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
  );
  /** @param {Complete} a @param {Complete} b */
  const byStart = (a, b) => a.ts - b.ts;
  const tasks = own.filter((e) => e.name === 'RunTask').sort(byStart);
  const inner = own.filter((e) => SUMMED.has(e.name)).sort(byStart);
  const commits = own.filter((e) => e.name === 'Commit').sort(byStart);
  const paints = own.filter((e) => e.name === 'Paint' && e.args?.data?.nodeName === '#document').sort(byStart);
  const keydowns = own.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort(byStart);
  /** @type {Record<string, { keypresses: number, ms: Record<string, number>, firstPaints: number[] }>} */
  const out = {};
  keydowns.forEach((key, i) => {
    const kind = KINDS[i % 4];
    if (!kind) return;
    const o = (out[kind] ??= { keypresses: 0, ms: {}, firstPaints: [] });
    o.keypresses++;
    const end = Math.min(
      commits.filter((c) => c.ts > key.ts)[1]?.ts ?? key.ts + 100_000,
      keydowns[i + 1]?.ts ?? Infinity,
    );
    for (const task of tasks) {
      if (task.ts + task.dur <= key.ts - 20_000 || task.ts >= end) continue;
      let until = -1;
      for (const e of inner) {
        if (e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.ts < until) continue;
        until = e.ts + e.dur; // the outermost only: a Paint holds Paints
        const what =
          e.name === 'EventDispatch'
            ? `${e.args.data.type} event`
            : e.name === 'FunctionCall'
              ? nameOf(e.args.data)
              : e.name.replace('IntersectionObserverController::computeIntersections', 'IntersectionObserver');
        o.ms[what] = (o.ms[what] ?? 0) + (e.tdur ?? e.dur) / 1000;
      }
      o.ms['(all tasks)'] = (o.ms['(all tasks)'] ?? 0) + (task.tdur ?? task.dur) / 1000;
    }
    const paint = paints.find((p) => p.ts > key.ts);
    if (paint && paint.ts < end) o.firstPaints.push((paint.tdur ?? paint.dur) / 1000);
  });
  /** @type {Record<string, Kind>} */
  const result = {};
  for (const [kind, o] of Object.entries(out)) {
    const perKey = Object.entries(o.ms)
      .map(([what, ms]) => /** @type {[string, number]} */ ([what, ms / o.keypresses]))
      .sort((a, b) => b[1] - a[1]);
    result[kind] = {
      keypresses: o.keypresses,
      perKeypress: Object.fromEntries(perKey),
      firstPaint: { p50: percentile(o.firstPaints, 0.5), p95: percentile(o.firstPaints, 0.95) },
    };
  }
  return result;
}

/**
 * A FunctionCall's name, and where it is in the source (by the bundle's source map).
 * @param {string} mapFile
 */
function sourceNamer(mapFile) {
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  /** @param {Record<string, any>} data */
  return (data) => {
    const at = /** @type {{ originalSource?: string, originalLine: number } | null} */ (
      data.url?.endsWith('.js') ? map.findEntry(data.lineNumber - 1, data.columnNumber - 1) : null
    );
    const where = at?.originalSource
      ? ` ${at.originalSource.split('/').slice(-2).join('/')}:${at.originalLine + 1}`
      : '';
    return `${data.functionName || '(anonymous)'}${where}`;
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, mapFile] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node build/read-keys-trace.mjs TRACE.json [app.js.map]');
    process.exit(2);
  }
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
  const result = readKeysTrace(traceEvents, mapFile ? sourceNamer(mapFile) : undefined);
  for (const [kind, r] of Object.entries(result)) {
    const f = (/** @type {number} */ ms) => ms.toFixed(2);
    const paint = `p50 ${f(r.firstPaint.p50)}, p95 ${f(r.firstPaint.p95)} ms`;
    console.log(`${kind}: ${r.keypresses} keypresses; first frame's Paint ${paint}`);
    for (const [what, ms] of Object.entries(r.perKeypress))
      if (ms >= 0.05) console.log(`  ${f(ms).padStart(6)} ms  ${what}`);
  }
}
