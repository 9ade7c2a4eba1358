// The editor in Debian's headless Chromium, side by side with its floors (bare pages with the
// same technique: content-visibility, and the CSS Custom Highlight API) and a peer
// (@recogito/text-annotator 4.1.1 in both its renderers), in one browser and run. Input: the long
// mixed Arabic/English article (1.5 MB) with 10,000 and with 50,000 entities, generated. Timings
// come from inside the page (requestAnimationFrame, Performance API): see pages/frame-probe.ts.
// Every row is the median of RUNS runs (fresh pages), with the runs' spread (min–max).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { atMost, below, median, medianRow, percentile, ratioRow, type BenchRow } from './bench-statistics';
import { writeLongArticleWorkspace, type LongArticleOptions } from './generate-corpus';
import { openBySignal } from './open-timing';
import type { BenchAdd } from './pages/frame-probe';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 800 };

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const root = process.env.TAHRIR_ROOT ?? process.cwd();
const pagesDir = join(root, 'test', 'bench', 'pages');

/** TAHRIR_BENCH_ENTITIES=10000: only the article(s) with these entity counts (all by default). */
const ENTITIES = process.env.TAHRIR_BENCH_ENTITIES?.split(',').map(Number);
const ARTICLES: LongArticleOptions[] = (
  quick
    ? [{ targetBytes: 60_000, entities: 600, quotes: 30, edits: 3 }]
    : [
        { targetBytes: 1.5 * 2 ** 20, entities: 10_000, quotes: 500, edits: 20 },
        { targetBytes: 1.5 * 2 ** 20, entities: 50_000, quotes: 500, edits: 20 },
      ]
).filter((a) => !ENTITIES || ENTITIES.includes(a.entities));
/** Runs per row (fresh pages each): open times vary by ±15 % from one load to the next on a 2-core machine. */
const RUNS = Number(process.env.TAHRIR_BENCH_RUNS ?? (quick ? 1 : 3));
/** Tries per run of an add or a keypress. */
const TRIES = Number(process.env.TAHRIR_BENCH_TRIES ?? (quick ? 10 : 40));
/** TAHRIR_BENCH_PROFILE=dir: write CPU profiles (.cpuprofile, for DevTools) of Tahrir's open and keypresses there. */
const PROFILE_DIR = process.env.TAHRIR_BENCH_PROFILE;
/** TAHRIR_BENCH_TRACE=dir: write a performance trace (paint, layout, style, scripts) of Tahrir's open and keypresses there. */
const TRACE_DIR = process.env.TAHRIR_BENCH_TRACE;
/** TAHRIR_BENCH_TRACE_FRAMES=1: the trace also holds the compositor's and the display's frames (BeginFrame, raster). */
const TRACE_FRAMES = process.env.TAHRIR_BENCH_TRACE_FRAMES === '1';
const KEYPRESS_BUDGET_MS = quick ? 60_000 : 150_000;
/** TAHRIR_BENCH_SERVE=dir: the Tahrir checkout (built) whose `tahrir serve` is measured, for A/B runs of two builds. */
const SERVE_ROOT = process.env.TAHRIR_BENCH_SERVE ?? root;
/** TAHRIR_BENCH_SERVE_ARGS="--cpu-prof --cpu-prof-dir=dir": Node options for `tahrir serve` (NODE_OPTIONS refuses). */
const SERVE_ARGS = process.env.TAHRIR_BENCH_SERVE_ARGS?.split(' ').filter(Boolean) ?? [];
/** Which parts run (TAHRIR_BENCH_PARTS=floor,peer,tahrir): all by default. */
const PARTS = new Set((process.env.TAHRIR_BENCH_PARTS ?? 'floor,peer,tahrir').split(','));
/** Which rows run (TAHRIR_BENCH_ROWS=open,scroll): all by default (open, add, keys, scroll). */
const ROWS = new Set((process.env.TAHRIR_BENCH_ROWS ?? 'open,add,keys,scroll').split(','));
/**
 * Which pages the scroll row scrolls (TAHRIR_BENCH_SCROLL_PAGES=bare,text,highlights,tahrir): by default not the text +
 * highlights floor, whose every Range registered made it the slowest by far (scroll10's traces at 10,000 entities:
 * ~27 ms of main-thread CPU a frame, against ~2.4 for the bare page and ~6.6 for Tahrir; 1,125 of 1,270 frames dropped).
 */
const SCROLL_PAGES = new Set((process.env.TAHRIR_BENCH_SCROLL_PAGES ?? 'bare,text,tahrir').split(','));

const began = performance.now();
const progress = (what: string) =>
  process.stderr.write(`  browser bench ${((performance.now() - began) / 1000).toFixed(1)} s: ${what}\n`);

// ---------- the bare pages and the peer's page, served from a tiny local server

async function bundlePages(outdir: string): Promise<string> {
  await build({
    entryPoints: [
      join(pagesDir, 'baseline-page.ts'),
      join(pagesDir, 'recogito-page.ts'),
      join(pagesDir, 'floor-text.css'),
    ],
    outdir,
    bundle: true,
    loader: { '.woff2': 'file', '.woff': 'file' },
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  const probe = await build({
    entryPoints: [join(pagesDir, 'frame-probe.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return probe.outputFiles[0].text;
}

const HIGHLIGHT_STYLES = `::highlight(bench-PERSON){background:#f4a3a3}::highlight(bench-ORG){background:#9cc7f4}
::highlight(bench-GPE){background:#a8dba8}::highlight(bench-LOC){background:#d6c08a}::highlight(bench-DATE){background:#d3b3ef}
::highlight(bench-EVENT){background:#f6c58f}::highlight(bench-MISC){background:#c9c9c9}`;

/** The floors' page: Tahrir's text metrics and fonts (floor-text.css), the text in a scroll box as Tahrir's is. */
function floorHtml(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<style>${HIGHLIGHT_STYLES}</style><link rel="stylesheet" href="/assets/floor-text.css"></head>
<body><div id="scroll"><div id="text"></div></div><script type="module" src="/assets/baseline-page.js"></script></body></html>`;
}

/** The peer's page: its own look (recogito lays out its container itself). */
function pageHtml(script: string, css?: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:16px/1.6 "Noto Naskh Arabic","Noto Sans",serif}#text{max-width:46em;margin:0 auto;padding:1em}p{margin:0 0 .8em}
${HIGHLIGHT_STYLES}</style>
${css ? `<link rel="stylesheet" href="/assets/${css}">` : ''}</head>
<body><div id="text"></div><script type="module" src="/assets/${script}"></script></body></html>`;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The bench pages' server; `show` sets the article its /bench/ files are. */
async function serveBenchPages(
  assets: string,
): Promise<{ server: Server; origin: string; show: (workspace: string, file: string) => void }> {
  let article = { workspace: '', file: '' };
  const routes: Record<string, () => Promise<[string, string | Buffer]>> = {
    '/floor': async () => ['text/html; charset=utf-8', floorHtml()],
    '/recogito': async () => [
      'text/html; charset=utf-8',
      pageHtml('recogito-page.js', existsSync(join(assets, 'recogito-page.css')) ? 'recogito-page.css' : undefined),
    ],
    '/bench/text.txt': async () => [TYPES['.txt'], await readFile(join(article.workspace, article.file))],
    '/bench/sidecar.json': async () => [
      TYPES['.json'],
      await readFile(join(article.workspace, article.file.replace(/\.txt$/, '.annotations.json'))),
    ],
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const route =
      routes[path] ??
      (path.startsWith('/assets/') && !path.includes('..')
        ? async (): Promise<[string, Buffer]> => [
            TYPES[extname(path)] ?? 'application/octet-stream',
            await readFile(join(assets, path.slice('/assets/'.length))),
          ]
        : null);
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route().then(
      ([type, body]) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    show: (workspace, file) => (article = { workspace, file }),
  };
}

// ---------- Tahrir itself, through `tahrir serve`

async function startTahrirServe(workspace: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...SERVE_ARGS, join(SERVE_ROOT, 'electron', 'tahrir.cjs'), 'serve', workspace],
    {
      cwd: SERVE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`tahrir serve printed no URL in 30 s: ${stderr.trim()}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tahrir serve exited (${code}): ${stderr.trim()}`));
    });
  });
  return { child, url };
}

// ---------- measuring inside a page

async function newPage(browser: Browser, probe: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  return { context, page };
}

interface OpenTiming {
  paintedAt: number;
  /** The harness's utility script ran in the page before it was open (see openBySignal). */
  harnessBefore: boolean;
  stats: Record<string, number>;
  longestTaskMs: number;
}

async function openPage(page: Page, url: string): Promise<OpenTiming> {
  const timing = await openBySignal(page, url);
  if (!timing) throw new Error(`bench: ${url} never said it was open`);
  const harnessBefore = timing.harnessAt !== null && timing.harnessAt < timing.paintedAt;
  const stats = (await page.evaluate(
    () => (window as unknown as { __benchStats?: Record<string, number> }).__benchStats ?? {},
  )) as Record<string, number>;
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)));
  return { paintedAt: timing.paintedAt, harnessBefore, stats, longestTaskMs };
}

interface Memory {
  heapMiB: number;
  domNodes: number;
}

async function memory(context: BrowserContext, page: Page): Promise<Memory> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  await cdp.detach();
  return { heapMiB: metric('JSHeapUsedSize') / 2 ** 20, domNodes: metric('Nodes') };
}

/**
 * Every add-one call (the floor's, the peer's, Tahrir's) is made on a settled page: this long after
 * the previous try and its preparation (Tahrir's: selecting the word), so what they set off is not
 * billed to the add, and each page meets the call as recogito's does between its own tries.
 */
const ADD_QUIET_MS = 150;
/**
 * The time to the 2nd rAF depends on where in the 16.7 ms frame interval the call lands: a page that
 * wakes from idle draws its first frame at once, the second at the next vsync. 150 ms is exactly 9
 * frames, so a page whose previous try ended on a rAF (the peer's) would meet every call at the same
 * point of the interval, and another page (Tahrir's, after selecting a word) at random points. Each
 * try therefore waits a further 0–16 ms, spread evenly over the tries, the same sequence on every page.
 */
const phaseOffsetMs = (attempt: number) => (attempt * 7) % 17;
const quietBeforeTry = (attempt: number) => ADD_QUIET_MS + phaseOffsetMs(attempt);

/** `tries` adds timed on a bare or peer page (`__benchAdd`); `missed`: adds whose highlight never showed. */
async function addOneTimings(page: Page, tries: number): Promise<{ times: number[]; missed: number }> {
  const times: number[] = [];
  let missed = 0;
  for (let attempt = 0; times.length < tries && attempt < tries * 3; attempt++) {
    await page.waitForTimeout(quietBeforeTry(attempt));
    const add = await page.evaluate(() => (window as unknown as { __benchAdd: () => Promise<BenchAdd> }).__benchAdd());
    if ('scrolled' in add) continue;
    if (add.ms === null) missed++;
    else times.push(add.ms);
  }
  return { times, missed };
}

async function scrollRun(page: Page, record = false) {
  // Step so that a full pass takes at most ~1,500 frames (a fast, steady fling).
  const height = await page.evaluate(() => window.__bench.scrollContainer().scrollHeight);
  const step = Math.max(400, Math.ceil(height / 1500));
  return {
    step,
    ...(await page.evaluate(([s, r]) => window.__bench.scrollThrough(s, undefined, r), [step, record] as const)),
  };
}

/** Starts the page's CPU profiler; the returned function writes `<PROFILE_DIR>/<name>.cpuprofile`. */
async function startProfile(context: BrowserContext, page: Page): Promise<(name: string) => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async (name) => {
    const { profile } = await cdp.send('Profiler.stop');
    await mkdir(PROFILE_DIR!, { recursive: true });
    await writeFile(join(PROFILE_DIR!, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  };
}

/** A performance trace of the page (as DevTools records it), written when the returned function is called. */
async function startTrace(context: BrowserContext, page: Page): Promise<(name: string) => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', {
    categories: [
      'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute',
      ...(TRACE_FRAMES ? ['disabled-by-default-devtools.timeline.frame,cc,viz,input,benchmark,gpu'] : []),
    ].join(','),
    transferMode: 'ReportEvents',
  });
  return async (name) => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await mkdir(TRACE_DIR!, { recursive: true });
    await writeFile(join(TRACE_DIR!, `${name}.trace.json`), JSON.stringify({ traceEvents: events }));
    await cdp.detach();
  };
}

/**
 * An open's one big request (Tahrir's startEditor, the floor's text) from the page's Resource Timing, all in ms from
 * the navigation: the page's HTML's first byte, when the page asked (fetch called), when the request was sent, its
 * first byte, its last, and the server's own time (its Server-Timing: the back end's and the encoding's), so that a
 * slow open says whether the page (up to "asked"), the server (to "first byte") or the transfer was slow.
 */
async function requestPhases(page: Page, path: string): Promise<string> {
  return page.evaluate((path) => {
    const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === path) as
      PerformanceResourceTiming | undefined;
    if (!entry) return `no ${path} request`;
    const html = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const server = entry.serverTiming.map((t) => `${t.name} ${t.duration.toFixed(0)}`).join(', ');
    const at = (ms: number) => ms.toFixed(0);
    return (
      `html ${html ? at(html.responseStart) : '?'}, asked ${at(entry.startTime)}, sent ${at(entry.requestStart)}, ` +
      `first byte ${at(entry.responseStart)}, last ${at(entry.responseEnd)}${server ? ` (server: ${server})` : ''}`
    );
  }, path);
}

// ---------- Tahrir's editor, driven by keyboard and mouse

/** How long a run waits for the suggestions to settle (the tagger trained) before it measures anyway. */
const SUGGESTIONS_WAIT_MS = quick ? 30_000 : 180_000;

/**
 * Waits for the state the keypress and scroll rows are measured in: the suggestions in (drawn near the view) and the
 * tagger not reading or training (no answer of ~100,000 suggestions on its way), then the page quiet for a second.
 * Returns that state in words, for the row's note: without it the rows mixed tries before and after the suggestions.
 */
async function suggestionsSettled(page: Page): Promise<string> {
  const state = await page.evaluate(async (timeoutMs) => {
    const started = performance.now();
    const stateNow = () => document.querySelector('[data-testid="suggestion-bar"]')?.getAttribute('data-state');
    for (;;) {
      const state = stateNow();
      if (state && !['loading', 'reading', 'training'].includes(state)) return state;
      if (performance.now() - started > timeoutMs) return `${state ?? 'no suggestion bar'} after ${timeoutMs / 1000} s`;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, SUGGESTIONS_WAIT_MS);
  await page.evaluate(() => window.__bench.settled());
  const open = await page.evaluate(
    () => document.querySelector('[data-testid="suggestion-count"]')?.textContent?.trim() ?? '',
  );
  return `suggestions in (${open}), tagger ${state}`;
}

/** Opens the long document in the served editor; returns the time to its first paint with highlights. */
async function openInTahrir(
  page: Page,
  url: string,
  documentId: string,
): Promise<{ fromNavigation: number; fromOpen: number; how: string; harnessBefore: boolean }> {
  // The editor may open the (only) document by itself; otherwise click it in the document list.
  const auto = await openBySignal(page, url, 90_000);
  if (auto !== null) {
    const harnessBefore = auto.harnessAt !== null && auto.harnessAt < auto.paintedAt;
    return { fromNavigation: auto.paintedAt, fromOpen: NaN, how: 'opened on load', harnessBefore };
  }
  const item = page.getByText(documentId, { exact: false }).first();
  await item.waitFor({ timeout: 60_000 });
  const openedAt = await page.evaluate(() => {
    const w = window as unknown as { __benchOpen?: Promise<{ paintedAt: number }>; __benchClickAt?: number };
    addEventListener('click', (e) => (w.__benchClickAt = e.timeStamp), { capture: true, once: true });
    w.__benchOpen = window.__bench.paintWhen(() => window.__bench.rangeCount() > 0, 0, 600_000);
    return performance.now();
  });
  await item.click();
  const painted = await page.evaluate(
    () => (window as unknown as { __benchOpen: Promise<{ paintedAt: number }> }).__benchOpen,
  );
  const clickAt = await page.evaluate(() => (window as unknown as { __benchClickAt?: number }).__benchClickAt ?? NaN);
  return {
    fromNavigation: painted.paintedAt,
    fromOpen: painted.paintedAt - (Number.isFinite(clickAt) ? clickAt : openedAt),
    how: 'opened from the document list',
    harnessBefore: true,
  };
}

/**
 * Finds the `index`-th untagged Arabic word of the text in view (no highlight range touches it)
 * and returns its centre, for the mouse to select it as an editor would.
 */
async function findUntaggedWord(page: Page, index: number): Promise<{ x: number; y: number; word: string } | null> {
  return page.evaluate((n) => {
    getSelection()?.removeAllRanges();
    const box = window.__bench.scrollContainer();
    const view = box === document.scrollingElement ? { top: 0, bottom: innerHeight } : box.getBoundingClientRect();
    const paragraphs = [...document.querySelectorAll('p[data-para], p[dir="auto"]')].filter((p) => {
      const r = p.getBoundingClientRect();
      return r.bottom > view.top + 40 && r.top < view.bottom - 40 && (p.textContent ?? '').length > 200;
    });
    // Only the ranges drawn in these paragraphs can touch a word in them.
    const inView = new Set<Node>(paragraphs.flatMap((p) => [...p.childNodes]));
    const ranges: AbstractRange[] = [];
    CSS.highlights.forEach((h, name) => {
      // A word is untagged when no entity touches it (a suggestion on it is no tag: see __benchHighlights).
      if (window.__benchHighlights && !name.startsWith(window.__benchHighlights)) return;
      h.forEach((r) => inView.has((r as AbstractRange).startContainer) && ranges.push(r as AbstractRange));
    });
    let seen = 0;
    // Two Ranges for all the checking: every live Range stays registered with the document until it is
    // garbage-collected, and the browser updates each one on every DOM change the editor then makes.
    const range = document.createRange();
    const other = document.createRange();
    for (const p of paragraphs) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const words = /(?<=\s)[\u0621-\u064A]{5,}(?=\s)/g;
        for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = range.getClientRects();
          const rect = range.getBoundingClientRect();
          // One line box (a word broken over two lines has no one centre to double-click).
          if (rects.length !== 1 || rect.top < view.top + 20 || rect.bottom > view.bottom - 20) continue;
          const touched = ranges.some((r) => {
            other.setStart(r.startContainer, r.startOffset);
            other.setEnd(r.endContainer, r.endOffset);
            return (
              range.compareBoundaryPoints(Range.END_TO_START, other) < 0 &&
              range.compareBoundaryPoints(Range.START_TO_END, other) > 0
            );
          });
          if (touched) continue;
          if (seen++ < n) continue;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, word: m[0] };
        }
      }
    }
    return null;
  }, index);
}

/** How many screens down a try looks for an untagged word before giving up. */
const MAX_SCREENS_ON = 40;

/**
 * Selects an untagged word in view by a real double-click (Playwright's mouse: the browser's own
 * mousedown/mouseup/dblclick and selection), scrolling on when none is left; null when the text
 * has none. The selection is checked to be that word.
 */
async function selectWordByMouse(
  page: Page,
  index: number,
): Promise<{ x: number; y: number } | { missed: string } | null> {
  let word = await findUntaggedWord(page, index);
  // Everything in view is tagged (or nothing is): move on down the document, screen by screen. The earlier
  // parts tag words at its top and the editor saves them: at 10,000 entities the add-one runs left the first
  // screens without an untagged word, and a single screen's step found none (the keypress rows had 0 tries).
  for (let screens = 0; !word && screens < MAX_SCREENS_ON; screens++) {
    const moved = await page.evaluate(() => {
      const box = window.__bench.scrollContainer();
      const top = box.scrollTop;
      box.scrollTop += (box.getBoundingClientRect().height || innerHeight) * 0.8;
      return box.scrollTop !== top;
    });
    if (!moved) return null; // the end of the document
    await page.evaluate(() => window.__bench.paintWhen(() => true, 2));
    word = await findUntaggedWord(page, 0);
  }
  if (!word) return null;
  await page.mouse.dblclick(word.x, word.y);
  const selected = await page.evaluate(() => getSelection()?.toString().trim() ?? '');
  if (selected !== word.word) return { missed: `“${selected}” for “${word.word}”` };
  return { x: word.x, y: word.y };
}

/** TAHRIR_BENCH_KEYS_DETAIL=dir: each keypress's timing parts (dispatch, the rAFs' frame times) written there. */
const KEYS_DETAIL_DIR = process.env.TAHRIR_BENCH_KEYS_DETAIL;
type KeyDetail = { inputAt: number; paintedAt: number; detail?: unknown };
const keyDetails: Record<string, KeyDetail[]> = {};

async function keyTiming(
  page: Page,
  direction: 'more' | 'fewer',
  press: () => Promise<void>,
  kind = '',
): Promise<number | null> {
  // Arm first (the waiter must exist before the key goes in), then press, then collect.
  await page.evaluate((d) => {
    (window as unknown as { __benchKey: unknown }).__benchKey = window.__bench.afterKeydown(
      d,
      window.__bench.rangeCount(),
    );
  }, direction);
  await press();
  const t = await page.evaluate(
    () => (window as unknown as { __benchKey: Promise<KeyDetail & { changed: boolean }> }).__benchKey,
  );
  if (KEYS_DETAIL_DIR && kind) (keyDetails[kind] ??= []).push(t);
  return t.changed ? t.paintedAt - t.inputAt : null;
}

interface KeypressResults {
  tag: number[];
  remove: number[];
  undo: number[];
  misses: { tag: number; remove: number; undo: number };
  /** Double-clicks that did not select their word: what they selected instead. */
  selectMissed: string[];
}

async function keypressRuns(page: Page, tries: number, budgetMs: number): Promise<KeypressResults> {
  await page.evaluate(() => (window.__benchHighlights = 'tahrir-label-'));
  const out: KeypressResults = {
    tag: [],
    remove: [],
    undo: [],
    misses: { tag: 0, remove: 0, undo: 0 },
    selectMissed: [],
  };
  const deadline = performance.now() + budgetMs;
  let word = 0;
  // Up to `tries` rounds, within the time budget (a slow editor would otherwise hold the bench for hours).
  for (let i = 0; i < tries && performance.now() < deadline; i++) {
    const target = await selectWordByMouse(page, word);
    if (target && 'missed' in target) {
      // The double-click selected something else: the next word (this one again would fail again, for ever).
      out.selectMissed.push(target.missed);
      word++;
      continue;
    }
    if (!target) {
      word = 0;
      if (!(await selectWordByMouse(page, 0))) break;
      continue;
    }
    await page.waitForTimeout(quietBeforeTry(i));
    const tag = await keyTiming(page, 'more', () => page.keyboard.press('1'), 'tag');
    if (tag === null) {
      out.misses.tag++;
      word++;
      continue;
    }
    out.tag.push(tag);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.mouse.click(target.x, target.y);
    await page.evaluate(() => window.__bench.paintWhen(() => true, 1));
    // Delete and Ctrl+Z wait like the tag: the same pause and spread of frame phases. Sent right after the
    // bench's own frame callback, every key met the page mid-frame (the worst phase, one frame late; keys9).
    await page.waitForTimeout(quietBeforeTry(i));
    const removed = await keyTiming(page, 'fewer', () => page.keyboard.press('Delete'), 'delete');
    if (removed === null) out.misses.remove++;
    else out.remove.push(removed);
    await page.waitForTimeout(quietBeforeTry(i));
    const undone = await keyTiming(page, 'more', () => page.keyboard.press('Control+z'), 'undo');
    if (undone === null) out.misses.undo++;
    else out.undo.push(undone);
    word++; // the word just tagged again by undo is skipped next time anyway
  }
  return out;
}

/**
 * Adding one, timed as the peer's add is (the call → the 2nd rAF after it): the word selected by a
 * double-click, the call is the editor's own keyboard handler, given the tag hotkey's keydown in the page.
 */
async function addOneInTahrir(page: Page, tries: number, budgetMs: number): Promise<number[]> {
  await page.evaluate(() => (window.__benchHighlights = 'tahrir-label-'));
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < tries && performance.now() < deadline; i++) {
    const target = await selectWordByMouse(page, 0);
    if (!target) break;
    if ('missed' in target) continue;
    await page.waitForTimeout(quietBeforeTry(i));
    const t = await page.evaluate(() => {
      const before = window.__bench.rangeCount();
      const since = performance.now();
      const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(key);
      return window.__bench.addPainted(since, before);
    });
    if (t !== null) times.push(t);
    await page.evaluate(() => getSelection()?.removeAllRanges());
  }
  return times;
}

/** keypress → painted for tag, delete and undo in Tahrir, RUNS fresh pages of TRIES rounds each. */
async function keypressRows(
  browser: Browser,
  probe: string,
  url: string,
  documentId: string,
  tag: string,
  article: number,
): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const key: Record<'tag' | 'remove' | 'undo', { p50: number[]; p95: number[]; n: number; missed: number }> = {
    tag: { p50: [], p95: [], n: 0, missed: 0 },
    remove: { p50: [], p95: [], n: 0, missed: 0 },
    undo: { p50: [], p95: [], n: 0, missed: 0 },
  };
  let state = '';
  let selectMissed = 0;
  let lastMissed = '';
  for (let r = 0; r < RUNS; r++) {
    progress(`${tag}: keypresses × ${TRIES}: Tahrir #${r + 1}`);
    const { context, page } = await newPage(browser, probe);
    await openInTahrir(page, url, documentId);
    state = await suggestionsSettled(page);
    if (KEYS_DETAIL_DIR) await page.evaluate(() => void window.__bench.domWrites());
    const stopKeysProfile = PROFILE_DIR && r === 0 ? await startProfile(context, page) : null;
    const stopKeysTrace = TRACE_DIR && r === 0 ? await startTrace(context, page) : null;
    // Its own line: the CPU of the server (sampled apart) in the keypresses, not in the open and the tagger's training.
    progress(`${tag}: keypresses begin, Tahrir #${r + 1}`);
    const keys = await keypressRuns(page, TRIES, KEYPRESS_BUDGET_MS);
    selectMissed += keys.selectMissed.length;
    if (keys.selectMissed.length) lastMissed = keys.selectMissed.slice(0, 3).join(', ');
    await stopKeysProfile?.(`keypresses-${article}`);
    await stopKeysTrace?.(`keypresses-${article}`);
    // Each try's ms beside the trace, to find the slow ones in it; with KEYS_DETAIL_DIR, each try's timing parts.
    if (TRACE_DIR)
      await writeFile(join(TRACE_DIR, `keypresses-${article}-run${r + 1}.times.json`), JSON.stringify(keys));
    if (KEYS_DETAIL_DIR) {
      await mkdir(KEYS_DETAIL_DIR, { recursive: true });
      await writeFile(join(KEYS_DETAIL_DIR, `keypresses-${article}-run${r + 1}.json`), JSON.stringify(keyDetails));
      const longFrames = await page.evaluate(() => window.__bench.longFrames());
      await writeFile(
        join(KEYS_DETAIL_DIR, `keypresses-${article}-run${r + 1}.long-frames.json`),
        JSON.stringify(longFrames),
      );
      const writes = await page.evaluate(() => window.__bench.domWrites());
      await writeFile(join(KEYS_DETAIL_DIR, `keypresses-${article}-run${r + 1}.writes.json`), JSON.stringify(writes));
      for (const k of Object.keys(keyDetails)) delete keyDetails[k];
    }
    for (const k of ['tag', 'remove', 'undo'] as const) {
      const times = k === 'tag' ? keys.tag : k === 'remove' ? keys.remove : keys.undo;
      if (times.length === 0) continue;
      key[k].p50.push(median(times));
      key[k].p95.push(percentile(times, 95));
      key[k].n += times.length;
      key[k].missed += keys.misses[k];
    }
    await context.close();
  }
  for (const [k, what] of [
    ['tag', 'tag (double-click, 1)'],
    ['remove', 'delete (click, Delete)'],
    ['undo', 'undo (Ctrl+Z)'],
  ] as const) {
    const note = `${key[k].n} tries in all${key[k].missed ? `, ${key[k].missed} without a visible change in 5 s` : ''}, keydown → rAF after the change (≥ 2 frames); from the state: ${state} (last run)${selectMissed ? `; ${selectMissed} double-clicks selected another text (${lastMissed})` : ''}`;
    out.push(medianRow(`keypress → painted ${tag} p50: Tahrir ${what}`, key[k].p50, 'ms', { note }));
    out.push(
      atMost(
        medianRow(`keypress → painted ${tag} p95: Tahrir ${what}`, key[k].p95, 'ms', {
          note: 'median of the runs’ p95',
        }),
        34,
      ),
    );
  }
  return out;
}

// ---------- the run

/** Runs `measure` for each of `runs` rounds over the named pages, interleaved (the machine's noise spreads over all). */
async function interleaved<K extends string>(
  names: readonly K[],
  runs: number,
  measure: (name: K, run: number) => Promise<number | null>,
): Promise<Record<K, number[]>> {
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < runs; r++)
    for (const name of names) {
      const value = await measure(name, r);
      if (value !== null && Number.isFinite(value)) out[name].push(value);
    }
  return out;
}

const PEERS = ['SPANS', 'CSS_HIGHLIGHTS'] as const;
type PeerRenderer = (typeof PEERS)[number];
const peerName = (r: PeerRenderer) => `recogito text-annotator 4.1.1 (${r}${r === 'SPANS' ? ', its default' : ''})`;

const scrollNote = (sc: { frames: number; step: number; scrolledPx: number; longestFrameMs: number }) =>
  `last run: of ${sc.frames} frames (${sc.step} px/frame, ${sc.scrolledPx} px), longest ${sc.longestFrameMs.toFixed(0)} ms`;

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  const rows: BenchRow[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'tahrir-browser-bench-'));
  const probe = await bundlePages(join(dir, 'assets'));
  const pages = await serveBenchPages(join(dir, 'assets'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let tahrir: ChildProcess | undefined;
  /** `traceAs`: with TRACE_DIR, the open's trace is written under this name (the floors', beside Tahrir's). */
  const load = async (path: string, traceAs?: string) => {
    const { context, page } = await newPage(browser, probe);
    const stopTrace = TRACE_DIR && traceAs ? await startTrace(context, page) : null;
    const timing = await openPage(page, pages.origin + path);
    await stopTrace?.(traceAs!);
    return { context, page, timing };
  };
  try {
    rows.push({
      name: 'browser',
      value: Number(browser.version().split('.')[0]),
      unit: 'major',
      note: `Chromium ${browser.version()}, viewport ${VIEWPORT.width}×${VIEWPORT.height}; rows are medians of ${RUNS} runs (spread: min–max of the runs)`,
    });
    for (const [a, article] of ARTICLES.entries()) {
      const workspace = join(dir, `workspace-${a}`);
      const doc = await writeLongArticleWorkspace(workspace, article);
      const tag = `${(doc.bytes / 2 ** 20).toFixed(1)} MB, ${doc.entities.toLocaleString('en-US')} entities`;
      rows.push({ name: `long document (${tag})`, value: doc.bytes, unit: 'bytes', note: `${doc.quotes} quotes` });
      pages.show(workspace, doc.file);
      const served = PARTS.has('tahrir') ? await startTahrirServe(workspace) : null;
      tahrir = served?.child;
      // Warm-up (not counted): the first load of each page pays for fonts, caches, the JIT and
      // (Tahrir's) the server's first reads.
      progress(`${tag}: warm-up`);
      for (const path of a === 0
        ? ['/floor?mode=text', ...(PARTS.has('peer') ? ['/recogito?renderer=SPANS'] : [])]
        : [])
        await (await load(path)).context.close();
      if (served) {
        const { context, page } = await newPage(browser, probe);
        await openInTahrir(page, served.url, doc.id);
        await context.close();
      }
      const openPages = ROWS.has('open')
        ? [
            ...(PARTS.has('floor') ? (['text', 'highlights'] as const) : []),
            ...(served ? (['tahrir'] as const) : []),
            ...(PARTS.has('peer') ? PEERS : []),
          ]
        : [];
      const extra: Record<string, OpenTiming> = {};
      /** Tahrir's app ready (its highlights drawn: the mark), in runs with a first screen painted early and without. */
      const appOpen: { early?: number[]; app?: number[] } = {};
      /** Runs in which the harness ran script in the page before its open (none, unless a page opens by a click). */
      const harnessBefore: Record<string, number> = {};
      /** Each Tahrir open's first request, phase by phase (see requestPhases); the floors' text request likewise. */
      const startPhases: string[] = [];
      const floorPhases: Record<string, string[]> = {};
      const open = await interleaved(openPages, RUNS, async (name, r) => {
        progress(`${tag}: open ${name} #${r + 1}`);
        if (name === 'tahrir') {
          const { context, page } = await newPage(browser, probe);
          const stopProfile = PROFILE_DIR && r === 0 ? await startProfile(context, page) : null;
          const stopTrace = TRACE_DIR && r === 0 ? await startTrace(context, page) : null;
          const t = await openInTahrir(page, served!.url, doc.id);
          await stopProfile?.(`open-${a}`);
          await stopTrace?.(`open-${a}`);
          // The app's own text and highlights (a first screen painted early by early.js is replaced then).
          const appReady = await page
            .waitForFunction(() => performance.getEntriesByName('tahrir:highlights-ready')[0]?.startTime, null, {
              timeout: 60_000,
            })
            .then(
              (h) => h.jsonValue() as Promise<number>,
              () => NaN,
            );
          const early = await page.evaluate(() => performance.getEntriesByName('tahrir:early-paint-ended').length > 0);
          startPhases.push(await requestPhases(page, '/api/startEditor'));
          if (Number.isFinite(appReady)) (appOpen[early ? 'early' : 'app'] ??= []).push(appReady);
          await context.close();
          if (t.harnessBefore) harnessBefore[name] = (harnessBefore[name] ?? 0) + 1;
          return Number.isFinite(t.fromOpen) ? t.fromOpen : t.fromNavigation;
        }
        const path = name === 'text' || name === 'highlights' ? `/floor?mode=${name}` : `/recogito?renderer=${name}`;
        const { context, page, timing } = await load(path, r === 0 ? `open-${a}-${name}` : undefined);
        extra[name] = timing;
        if (name === 'text' || name === 'highlights')
          (floorPhases[name] ??= []).push(await requestPhases(page, '/bench/text.txt'));
        if (timing.harnessBefore) harnessBefore[name] = (harnessBefore[name] ?? 0) + 1;
        await context.close();
        return timing.paintedAt;
      });
      // Since the open is read from the page's own signal (the harness touches the page only after it), the open
      // rows no longer include Playwright's utility script compiled and run in the page's load: a new basis.
      const openRow = (key: string, name: string, note: string) => {
        const values = open[key as keyof typeof open];
        const before = harnessBefore[key] ? ` (before it in ${harnessBefore[key]} runs)` : '';
        return medianRow(`open ${tag}: ${name}`, values, 'ms', {
          note: `${note}; runs: ${values.map((v) => v.toFixed(0)).join(', ')} ms; timed by the page's own signal, the harness in the page only after it${before}`,
        });
      };
      const rowsOf: Record<string, BenchRow> = {};
      if (open.text?.length) {
        rowsOf.text = openRow(
          'text',
          'floor, text only (content-visibility)',
          'navigation → first paint; fetches the text only, one <p dir=auto> per line, content-visibility:auto',
        );
        rowsOf.text.note += `; the text by run (ms from navigation): ${floorPhases.text?.join(' | ')}`;
        rowsOf.highlights = openRow(
          'highlights',
          'floor, text + highlights (content-visibility)',
          `+ the sidecar fetched and all ${extra.highlights?.stats.ranges} entities registered as CSS highlights (last run: ${extra.highlights?.stats.registerMs?.toFixed(0)} ms)`,
        );
        rows.push(rowsOf.text, rowsOf.highlights);
      }
      if (open.tahrir?.length) {
        rowsOf.tahrir = openRow(
          'tahrir',
          'Tahrir, painted with highlights in view',
          'navigation → first paint with highlights (tahrir serve): the first screen early.js paints from the answer, when it does',
        );
        rowsOf.tahrir.note += `; startEditor by run (ms from navigation): ${startPhases.join(' | ')}`;
        rows.push(rowsOf.tahrir);
        const ready = [...(appOpen.early ?? []), ...(appOpen.app ?? [])];
        if (ready.length)
          rows.push(
            medianRow(`open ${tag}: Tahrir, the app's own text and highlights in place`, ready, 'ms', {
              note: `navigation → the mark tahrir:highlights-ready (the app took over from early.js's paint in ${appOpen.early?.length ?? 0} of ${ready.length} runs); runs: ${ready.map((v) => v.toFixed(0)).join(', ')} ms`,
            }),
          );
        if (rowsOf.text) {
          rows.push(
            atMost(ratioRow(`open ${tag}: Tahrir / text-only floor`, rowsOf.tahrir, rowsOf.text), 1.5),
            atMost(ratioRow(`open ${tag}: Tahrir / text + highlights floor`, rowsOf.tahrir, rowsOf.highlights), 1.2),
          );
        }
      }
      for (const renderer of PARTS.has('peer') ? PEERS : []) {
        if (!open[renderer]?.length) continue;
        rowsOf[renderer] = openRow(
          renderer,
          peerName(renderer),
          `navigation → first paint; last run: setAnnotations ${extra[renderer]?.stats.setAnnotationsMs?.toFixed(0)} ms, longest task ${extra[renderer]?.longestTaskMs.toFixed(0)} ms`,
        );
        rows.push(rowsOf[renderer]);
        if (rowsOf.tahrir)
          rows.push(ratioRow(`open ${tag}: recogito ${renderer} / Tahrir`, rowsOf[renderer], rowsOf.tahrir));
      }

      // Adds, scrolling and memory on the first (10,000-entity) article only (the editor-scale bench has
      // the 50,000-entity scroll); the keypresses on both, as the goal is for both.
      if ((article.entities ?? 0) >= 50_000) {
        if (served && ROWS.has('keys')) rows.push(...(await keypressRows(browser, probe, served.url, doc.id, tag, a)));
        tahrir?.kill('SIGTERM');
        tahrir = undefined;
        process.stderr.write(`  browser bench rows so far: ${JSON.stringify(rows)}\n`);
        continue;
      }
      const addPages = ROWS.has('add')
        ? [
            ...(PARTS.has('floor') ? (['highlights'] as const) : []),
            ...(PARTS.has('peer') ? PEERS : []),
            ...(served ? (['tahrir'] as const) : []),
          ]
        : [];
      const addP50: Record<string, number[]> = {};
      const addP95: Record<string, number[]> = {};
      const heap: Record<string, number[]> = {};
      const addMissed: Record<string, number> = {};
      await interleaved(addPages, RUNS, async (name, r) => {
        progress(`${tag}: add one × ${TRIES} on ${name} #${r + 1}`);
        let times: number[];
        let context: BrowserContext;
        let page: Page;
        if (name === 'tahrir') {
          ({ context, page } = await newPage(browser, probe));
          await openInTahrir(page, served!.url, doc.id);
          await page.evaluate(() => window.__bench.settled());
          times = await addOneInTahrir(page, TRIES, KEYPRESS_BUDGET_MS);
        } else {
          ({ context, page } = await load(
            name === 'highlights' ? '/floor?mode=highlights' : `/recogito?renderer=${name}`,
          ));
          const added = await addOneTimings(page, TRIES);
          times = added.times;
          addMissed[name] = (addMissed[name] ?? 0) + added.missed;
        }
        (heap[name] ??= []).push((await memory(context, page)).heapMiB);
        (addP50[name] ??= []).push(median(times));
        (addP95[name] ??= []).push(percentile(times, 95));
        await context.close();
        return null;
      });
      const addWho: Record<string, string> = {
        highlights: 'floor, Highlight.add on the text + highlights page',
        tahrir: 'Tahrir (double-click, hotkey 1 in the page)',
        SPANS: 'recogito addAnnotation (SPANS)',
        CSS_HIGHLIGHTS: 'recogito addAnnotation (CSS_HIGHLIGHTS)',
      };
      const addRows: Record<string, { p50: BenchRow; p95: BenchRow }> = {};
      for (const name of addPages) {
        if (!addP50[name]?.length) continue;
        const note = `call → rAF after the frame that drew it (≥ 2nd rAF), ${TRIES} tries a run, words in view${addMissed[name] ? `, ${addMissed[name]} never drawn in 3 s` : ''}`;
        addRows[name] = {
          p50: medianRow(`add one ${tag} p50: ${addWho[name]}`, addP50[name], 'ms', { note }),
          p95: medianRow(`add one ${tag} p95: ${addWho[name]}`, addP95[name], 'ms', {
            note: 'median of the runs’ p95',
          }),
        };
      }
      if (addRows.tahrir) {
        const peers = PEERS.filter((p) => addRows[p]);
        for (const p of ['p50', 'p95'] as const) {
          let row = addRows.tahrir[p];
          if (peers.length) {
            const best = Math.min(...peers.map((peer) => addRows[peer][p].value));
            row = below(row, best, `recogito's ${p} in both renderers (${best.toFixed(1)} ms)`);
          }
          addRows.tahrir[p] = row;
        }
      }
      for (const name of addPages) if (addRows[name]) rows.push(addRows[name].p50, addRows[name].p95);
      if (addRows.tahrir && addRows.highlights)
        rows.push(ratioRow(`add one ${tag}: Tahrir p95 / floor p95`, addRows.tahrir.p95, addRows.highlights.p95));
      for (const name of addPages)
        if (heap[name]?.length)
          rows.push(
            medianRow(
              `memory ${tag}: JS heap, ${name === 'highlights' ? 'floor page' : name === 'tahrir' ? 'Tahrir' : `recogito ${name}`}`,
              heap[name],
              'MiB',
              {
                note: 'after a full GC, once the add-one tries are done',
              },
            ),
          );

      if (served && ROWS.has('keys')) rows.push(...(await keypressRows(browser, probe, served.url, doc.id, tag, a)));

      const scrollPages = ROWS.has('scroll')
        ? [
            ...(PARTS.has('floor') ? (['bare', 'text', 'highlights'] as const) : []),
            ...(served ? (['tahrir'] as const) : []),
          ].filter((name) => SCROLL_PAGES.has(name))
        : [];
      const lastScroll: Record<string, Awaited<ReturnType<typeof scrollRun>>> = {};
      let scrollState = '';
      const dropped = await interleaved(scrollPages, RUNS, async (name, r) => {
        progress(`${tag}: scroll ${name} #${r + 1}`);
        let context: BrowserContext;
        let page: Page;
        if (name === 'tahrir') {
          ({ context, page } = await newPage(browser, probe));
          await openInTahrir(page, served!.url, doc.id);
          scrollState = await suggestionsSettled(page);
        } else
          ({ context, page } = await load(
            name === 'bare'
              ? '/floor?mode=text&cv=0'
              : name === 'highlights'
                ? '/floor?mode=highlights'
                : '/floor?mode=text',
          ));
        // TRACE_DIR: the first run's scroll of each page traced (what a dropped frame held up).
        const stopScrollTrace = TRACE_DIR && r === 0 ? await startTrace(context, page) : null;
        const sc = await scrollRun(page, TRACE_DIR !== undefined);
        await stopScrollTrace?.(`scroll-${name}-${a}`);
        // With the trace, each frame's rAF delta and scroll position (where in the document the long frames fall).
        if (TRACE_DIR)
          await writeFile(join(TRACE_DIR, `scroll-${name}-${a}-run${r + 1}.frames.json`), JSON.stringify(sc.deltas));
        lastScroll[name] = sc;
        progress(
          `${tag}: scroll ${name} #${r + 1}: dropped ${sc.dropped} of ${sc.frames}, longest ${sc.longestFrameMs}`,
        );
        await context.close();
        return sc.dropped;
      });
      const scrollRows: Record<string, BenchRow> = {};
      for (const [name, what] of [
        ['bare', 'bare page, every line laid out (floor)'],
        ['text', 'text-only page, content-visibility'],
        ['highlights', 'text + highlights page, content-visibility'],
        ['tahrir', 'Tahrir'],
      ] as const)
        if (dropped[name]?.length)
          scrollRows[name] = medianRow(
            `scroll ${tag}, whole document: ${what}, dropped frames`,
            dropped[name],
            'frames',
            {
              note: scrollNote(lastScroll[name]) + (name === 'tahrir' ? `; from the state: ${scrollState}` : ''),
            },
          );
      if (scrollRows.tahrir && scrollRows.bare) {
        const limit = 2 * Math.max(1, scrollRows.bare.value);
        scrollRows.tahrir = {
          ...atMost(scrollRows.tahrir, limit, 'frames'),
          goal: `≤ 2× the bare page's (≥ 2): ${limit}`,
        };
      }
      rows.push(...Object.values(scrollRows));
      tahrir?.kill('SIGTERM');
      tahrir = undefined;
      // The rows so far, in the log too: a run stopped by its time limit still leaves them.
      process.stderr.write(`  browser bench rows so far: ${JSON.stringify(rows)}\n`);
    }
  } finally {
    tahrir?.kill('SIGTERM');
    await browser.close();
    pages.server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
