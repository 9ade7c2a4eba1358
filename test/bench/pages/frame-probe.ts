// Injected at document start into every bench page (bare pages, the peer's page, Tahrir itself):
// frame timing with requestAnimationFrame and the Performance API, nothing page-specific.
// "Painted" = the rAF after the frame in which the condition first held: by then that frame was drawn.
// The open is sent to the harness as a console message (OPEN_SIGNAL), so the harness waits for it without running
// anything in the page: its first page.evaluate compiles and runs Playwright's utility script on the page's main
// thread, which, made right after the navigation committed, ran in the middle of every page's open.
import { OPEN_SIGNAL, type OpenSignal } from './open-signal';

interface PaintTiming {
  /** performance.now() when the condition was first seen true (a rAF). */
  readyAt: number;
  /** performance.now() at the following rAF. */
  paintedAt: number;
}

interface ScrollRun {
  frames: number;
  /** Frames whose rAF delta exceeded 1.5 × 16.7 ms. */
  dropped: number;
  longestFrameMs: number;
  durationMs: number;
  scrolledPx: number;
  /** With `record`: each frame's rAF delta (ms) and the scroll position it showed (where the long frames fall). */
  deltas?: { ms: number; top: number }[];
}

interface InputTiming {
  /** event.timeStamp of the keydown (same clock as performance.now()). */
  inputAt: number;
  /** performance.now() at the rAF after the change was seen, and at least two rAFs after the input. */
  paintedAt: number;
  changed: boolean;
  /** When the keydown's listeners ran, and each rAF's frame time and run time until paintedAt (for the tail's parts). */
  detail?: { dispatchedAt: number; frames: { frameTime: number; ranAt: number }[] };
}

/** One add on a bare or peer page: `scrolled` when no word was in view (the page scrolled on); `ms` null when the highlight never showed. */
export type BenchAdd = { scrolled: true } | { ms: number | null };

export interface BenchProbe {
  open: Promise<PaintTiming>;
  /** When the harness's utility script first ran in the page (see OpenSignal.harnessAt). */
  harnessAt(): number | null;
  rangeCount(): number;
  paintWhen(condition: () => boolean, minFrames?: number, timeoutMs?: number): Promise<PaintTiming>;
  /** Resolves after the next keydown once CSS highlights have more (or fewer) ranges than `before`, then one more frame. */
  afterKeydown(direction: 'more' | 'fewer', before: number, timeoutMs?: number): Promise<InputTiming>;
  scrollThrough(stepPx: number, maxFrames?: number, record?: boolean): Promise<ScrollRun>;
  scrollContainer(): Element;
  /**
   * "Add one → painted", the same on every page: ms from `since` (just before the add was called) to
   * the rAF after the frame whose rendering included more highlight ranges than `before`, and never
   * before the 2nd rAF after the call (the method's floor). A library that registers its highlight
   * later (in a timer, or a rAF of its own) is timed to the frame that drew it. Null when no range
   * was added within `timeoutMs`.
   */
  addPainted(since: number, before: number, timeoutMs?: number): Promise<number | null>;
  /** Once neither the DOM nor the highlight Ranges changed for `quietMs` (the page's work after its first paint is done): ms from the call to the last change. */
  settled(quietMs?: number, timeoutMs?: number): Promise<number>;
  longTasks: { start: number; duration: number }[];
  /** The page's long animation frames (≥ 50 ms) so far, with the scripts that ran in them: what a slow key waited for. */
  longFrames(): LongFrame[];
  /**
   * From the first call on, every DOM write of the page (MutationObserver records: when they were delivered, and what
   * was written: the element's test id or tag and class, and the kind) — to tell a key's own writes from others.
   */
  domWrites(): { at: number; what: string }[];
}

/** A long animation frame (the Long Animation Frames API) in plain data. */
export interface LongFrame {
  startTime: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: {
    startTime: number;
    duration: number;
    invoker: string;
    invokerType: string;
    sourceFunctionName: string;
    sourceCharPosition: number;
    forcedStyleAndLayoutDuration: number;
  }[];
}

declare global {
  interface Window {
    __bench: BenchProbe;
    /** Set by bare pages when their content is in the DOM (a function: checked each frame). */
    __benchReady?: boolean | (() => boolean);
    /** Set by a page whose annotations are elements (recogito's SPANS renderer): their class, counted as drawn. */
    __benchSpanClass?: string;
    /**
     * Only the highlights whose name starts so are counted (Tahrir's entities: its suggestions, a dotted line under
     * nearly every word of the 10,000-entity article, close as a word is tagged and are no tag).
     */
    __benchHighlights?: string;
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** What is drawn: highlight Ranges, and the elements of a renderer that draws with them (a live collection: cheap). */
function rangeCount(): number {
  let n = 0;
  if (typeof CSS !== 'undefined' && CSS.highlights)
    CSS.highlights.forEach((highlight, name) => {
      if (!window.__benchHighlights || name.startsWith(window.__benchHighlights)) n += highlight.size;
    });
  if (window.__benchSpanClass) n += document.getElementsByClassName(window.__benchSpanClass).length;
  return n;
}

async function paintWhen(condition: () => boolean, minFrames = 0, timeoutMs = 120_000): Promise<PaintTiming> {
  const started = performance.now();
  let frames = 0;
  for (;;) {
    await frame();
    frames++;
    if (frames >= minFrames && condition()) {
      const readyAt = performance.now();
      const paintedAt = await frame();
      return { readyAt, paintedAt };
    }
    if (performance.now() - started > timeoutMs) throw new Error(`bench: condition not met within ${timeoutMs} ms`);
  }
}

let keydownWaiters: ((at: number, dispatchedAt: number) => void)[] = [];
/** Pressing Control (or Shift, Alt, Meta) before the key of a shortcut is not the keypress: Ctrl+Z is timed from the Z. */
const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta']);
addEventListener(
  'keydown',
  (event) => {
    if (MODIFIER_KEYS.has(event.key)) return;
    const waiters = keydownWaiters;
    keydownWaiters = [];
    const dispatchedAt = performance.now();
    for (const w of waiters) w(event.timeStamp, dispatchedAt);
  },
  { capture: true },
);

async function afterKeydown(direction: 'more' | 'fewer', before: number, timeoutMs = 5_000): Promise<InputTiming> {
  const [inputAt, dispatchedAt] = await new Promise<[number, number]>((resolve) =>
    keydownWaiters.push((at, dispatched) => resolve([at, dispatched])),
  );
  const changed = () => (direction === 'more' ? rangeCount() > before : rangeCount() < before);
  let frames = 0;
  let seenInFrame = 0;
  const detail = { dispatchedAt, frames: [] as { frameTime: number; ranAt: number }[] };
  for (;;) {
    const frameTime = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    detail.frames.push({ frameTime, ranAt: now });
    frames++;
    if (!seenInFrame && changed()) seenInFrame = frames;
    // The rAF after the frame that showed the change, and never before the second rAF (the method's floor).
    if (seenInFrame && frames > seenInFrame && frames >= 2) return { inputAt, paintedAt: now, changed: true, detail };
    if (now - inputAt > timeoutMs) return { inputAt, paintedAt: now, changed: false, detail };
  }
}

function addPainted(since: number, before: number, timeoutMs = 3_000): Promise<number | null> {
  return new Promise((resolve) => {
    // A message posted from a rAF callback is handled once that frame's rendering is done, after
    // every other rAF callback of the frame (a library's own drawing among them).
    const channel = new MessageChannel();
    let frames = 0;
    let painted = false;
    channel.port1.onmessage = () => {
      if (rangeCount() > before) painted = true;
    };
    const onFrame = () => {
      frames++;
      const now = performance.now();
      if (painted && frames >= 2) {
        channel.port1.close();
        resolve(now - since);
        return;
      }
      if (now - since > timeoutMs) {
        channel.port1.close();
        resolve(null);
        return;
      }
      if (!painted) channel.port2.postMessage(null);
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  });
}

function scrollContainer(): Element {
  // The element that actually scrolls the text: the nearest scrollable ancestor of a paragraph.
  const paragraph = document.querySelector('p[data-para], p[dir="auto"]');
  for (let el = paragraph?.parentElement ?? null; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) return el;
  }
  return document.scrollingElement ?? document.documentElement;
}

async function settled(quietMs = 1000, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  let last = started;
  const observer = new MutationObserver(() => {
    last = performance.now();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  let ranges = rangeCount();
  try {
    for (;;) {
      const now = await frame();
      const n = rangeCount();
      if (n !== ranges) {
        ranges = n;
        last = now;
      }
      if (now - last >= quietMs) return last - started;
      if (now - started > timeoutMs) throw new Error(`bench: the page kept changing for ${timeoutMs} ms`);
    }
  } finally {
    observer.disconnect();
  }
}

async function scrollThrough(stepPx: number, maxFrames = 3000, record = false): Promise<ScrollRun> {
  const box = scrollContainer();
  box.scrollTop = 0;
  await frame();
  let last = await frame();
  const started = last;
  let frames = 0;
  let dropped = 0;
  let longest = 0;
  let previousTop = -1;
  const deltas: { ms: number; top: number }[] | undefined = record ? [] : undefined;
  while (frames < maxFrames) {
    box.scrollTop += stepPx;
    const top = box.scrollTop;
    const now = await frame();
    const delta = now - last;
    deltas?.push({ ms: delta, top });
    last = now;
    frames++;
    if (delta > 1.5 * (1000 / 60)) dropped++;
    longest = Math.max(longest, delta);
    // Virtualized lists grow as they render: stop only when the position no longer moves.
    if (box.scrollTop === previousTop) break;
    previousTop = box.scrollTop;
  }
  return { frames, dropped, longestFrameMs: longest, durationMs: last - started, scrolledPx: box.scrollTop, deltas };
}

const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  /* longtask timing unavailable */
}

/**
 * Playwright's utility script reads `__pwClock` as it starts (its clock's builtins, when installed): the first read
 * is the harness's first work in the page's main world. The bench installs no clock.
 */
let harnessAt: number | null = null;
Object.defineProperty(window, '__pwClock', {
  configurable: true,
  get() {
    harnessAt ??= performance.now();
    return undefined;
  },
});

/**
 * The open: the frame in which the page's content (or first highlight) was first there, painted = when that frame's
 * rendering was done (a message posted from its rAF is handled right after it), not the next rAF: a page that starts
 * a long task after that frame (Tahrir's app taking over from early.js's first screen) held the next rAF back, and
 * its open was timed to the end of work done after the frame was on screen.
 */
function openPainted(condition: () => boolean, timeoutMs = 600_000): Promise<PaintTiming> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const onFrame = () => {
      const readyAt = performance.now();
      if (condition()) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve({ readyAt, paintedAt: performance.now() });
        };
        channel.port2.postMessage(null);
        return;
      }
      if (readyAt - started > timeoutMs) reject(new Error(`bench: the page did not open within ${timeoutMs} ms`));
      else requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  });
}

const open = openPainted(() => {
  const ready = window.__benchReady;
  return typeof ready === 'function' ? ready() : ready === true || rangeCount() > 0;
});
void open.then((t) => {
  const signal: OpenSignal = { ...t, harnessAt };
  console.debug(OPEN_SIGNAL + JSON.stringify(signal));
});

const longFrameEntries: PerformanceEntry[] = [];
try {
  new PerformanceObserver((list) => longFrameEntries.push(...list.getEntries())).observe({
    type: 'long-animation-frame',
    buffered: true,
  });
} catch {
  // a browser without the Long Animation Frames API: none listed
}
type ScriptTiming = Omit<LongFrame['scripts'][number], 'startTime' | 'duration'> & PerformanceEntry;
const longFrames = (): LongFrame[] =>
  longFrameEntries.map((e) => {
    const f = e as PerformanceEntry & Omit<LongFrame, 'scripts'> & { scripts: ScriptTiming[] };
    return {
      startTime: f.startTime,
      duration: f.duration,
      renderStart: f.renderStart,
      styleAndLayoutStart: f.styleAndLayoutStart,
      blockingDuration: f.blockingDuration,
      scripts: f.scripts.map((s) => ({
        startTime: s.startTime,
        duration: s.duration,
        invoker: s.invoker,
        invokerType: s.invokerType,
        sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition,
        forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
      })),
    };
  });

let writes: { at: number; what: string }[] | null = null;
function domWrites(): { at: number; what: string }[] {
  if (writes) return writes;
  writes = [];
  const describe = (node: Node): string => {
    const el = node instanceof Element ? node : node.parentElement;
    if (!el) return node.nodeName;
    const owner = el.closest('[data-testid]');
    return `${owner?.getAttribute('data-testid') ?? ''}>${el.tagName.toLowerCase()}.${el.classList[0] ?? ''}`;
  };
  new MutationObserver((records) => {
    const at = performance.now();
    for (const r of records)
      writes!.push({ at, what: `${r.type}${r.attributeName ? `:${r.attributeName}` : ''} ${describe(r.target)}` });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  return writes;
}

window.__bench = {
  open,
  domWrites,
  longFrames,
  harnessAt: () => harnessAt,
  rangeCount,
  paintWhen,
  afterKeydown,
  addPainted,
  scrollThrough,
  scrollContainer,
  settled,
  longTasks,
};
