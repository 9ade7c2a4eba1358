// The editor at scale, in Debian's headless Chromium: the long mixed Arabic/English article at
// 1.5 MB with 50,000 entities (the browser bench measures 10,000), opened in `tahrir serve`.
// Rows: the DOM it builds, keypress → painted for tag, delete and undo, the side panel after an
// edit and after the first paint, and a scroll through the whole document.
// `npm run bench -- --only editor-scale`; TAHRIR_BENCH_SCALE_ENTITIES=10000 for another size.
// Timings come from inside the page (requestAnimationFrame, Performance API): see pages/frame-probe.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { writeLongArticleWorkspace, type LongArticleOptions } from './generate-corpus';
import { openBySignal } from './open-timing';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

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
/** TAHRIR_BENCH_SERVE=dir: the Tahrir checkout (built) whose `tahrir serve` is measured, for A/B runs of two builds. */
const SERVE_ROOT = process.env.TAHRIR_BENCH_SERVE ?? root;
/** How long the keypresses wait for the suggestions to settle (the tagger trained) before they are timed anyway. */
const SUGGESTIONS_WAIT_MS = quick ? 30_000 : 180_000;
const entities = Number(process.env.TAHRIR_BENCH_SCALE_ENTITIES ?? (quick ? 2_000 : 50_000));
const article: LongArticleOptions = quick
  ? { targetBytes: 200_000, entities, quotes: 100, edits: 5 }
  : { targetBytes: 1.5 * 1024 * 1024, entities, quotes: 1_000, edits: 30 };
const TRIES = Number(process.env.TAHRIR_BENCH_TRIES ?? (quick ? 10 : 100));
const BUDGET_MS = quick ? 60_000 : 300_000;
const OPEN_REPEATS = quick ? 1 : 3;
/** The side panel's goal: caught up within this long after the edit (and the editor is quiet then). */
const PANEL_GOAL_MS = 100;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (values: number[]) => percentile(values, 50);
const began = performance.now();
const progress = (what: string) =>
  process.stderr.write(`  editor-scale bench ${((performance.now() - began) / 1000).toFixed(1)} s: ${what}\n`);

async function probeScript(): Promise<string> {
  const probe = await build({
    entryPoints: [join(root, 'test', 'bench', 'pages', 'frame-probe.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return probe.outputFiles[0].text;
}

async function startTahrirServe(workspace: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(SERVE_ROOT, 'electron', 'tahrir.cjs'), 'serve', workspace], {
    cwd: SERVE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

async function newPage(browser: Browser, probe: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: probe });
  // The side panel's state per frame from the first one: is the entity list filled, which frame is it.
  await context.addInitScript({
    content: `(() => {
      const w = window; w.__panelFrames = []; let n = 0;
      const tick = () => { n++; const listed = document.querySelectorAll('.side-panel .span-group li').length;
        if (w.__panelFrames.length < 4000) w.__panelFrames.push({ n, at: performance.now(), listed }); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })();`,
  });
  const page = await context.newPage();
  return { context, page };
}

interface PanelFrame {
  n: number;
  at: number;
  listed: number;
}

/** Opens the document (the only one: the editor opens it by itself, or it is clicked in the list); ms to the first paint with highlights. */
async function openDocument(page: Page, url: string, documentId: string): Promise<number> {
  const auto = await openBySignal(page, url, 90_000); // the page's own signal: no harness script in its open
  if (auto !== null) return auto.paintedAt;
  await page.getByText(documentId, { exact: false }).first().click();
  return (await page.evaluate(() => window.__bench.paintWhen(() => window.__bench.rangeCount() > 0, 0, 600_000)))
    .paintedAt;
}

/** Selects the `index`-th untagged Arabic word in view (no highlight range touches it); its centre for a click. */
async function selectUntaggedWord(page: Page, index: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate((n) => {
    const box = window.__bench.scrollContainer();
    const view = box === document.scrollingElement ? { top: 0, bottom: innerHeight } : box.getBoundingClientRect();
    const paragraphs = [...document.querySelectorAll('p[data-para]')].filter((p) => {
      const r = p.getBoundingClientRect();
      return r.bottom > view.top + 40 && r.top < view.bottom - 40 && (p.textContent ?? '').length > 200;
    });
    const inView = new Set<Node>(paragraphs.flatMap((p) => [...p.childNodes]));
    const ranges: AbstractRange[] = [];
    CSS.highlights.forEach((h) =>
      h.forEach((r) => inView.has((r as AbstractRange).startContainer) && ranges.push(r as AbstractRange)),
    );
    let seen = 0;
    const range = document.createRange();
    const other = document.createRange();
    for (const p of paragraphs) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const words = /(?<=\s)[\u0621-\u064A]{5,}(?=\s)/g;
        for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rect = range.getBoundingClientRect();
          if (rect.top < view.top + 20 || rect.bottom > view.bottom - 20) continue;
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
          const selection = getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          document.dispatchEvent(new Event('selectionchange'));
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
    }
    return null;
  }, index);
}

interface KeyTiming {
  painted: number | null;
  /** keydown → the rAF after the frame in which the Entities tab's count showed `panelWants`. */
  panel: number | null;
}

/**
 * Presses a key and times it: to the rAF after the frame that showed the highlight change, and to
 * the one after the frame in which the side panel's entity count read `panelWants`.
 */
async function timeKey(
  page: Page,
  direction: 'more' | 'fewer',
  panelWants: number,
  press: () => Promise<void>,
): Promise<KeyTiming> {
  await page.evaluate(
    ({ d, wants }) => {
      const w = window as unknown as Record<string, unknown>;
      w.__benchKey = window.__bench.afterKeydown(d, window.__bench.rangeCount());
      w.__benchPanel = new Promise<number | null>((resolve) => {
        let inputAt = NaN;
        addEventListener(
          'keydown',
          (e) => {
            if (!['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) inputAt = e.timeStamp;
          },
          { capture: true },
        );
        const count = () => Number(document.querySelector('.tabs [role="tab"] .count')?.textContent ?? NaN);
        let seen = false;
        const tick = (now: number) => {
          if (seen) return resolve(now - inputAt);
          if (!Number.isNaN(inputAt) && count() === wants) seen = true;
          if (!Number.isNaN(inputAt) && now - inputAt > 5_000) return resolve(null);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    { d: direction, wants: panelWants },
  );
  await press();
  const t = await page.evaluate(
    () =>
      (window as unknown as { __benchKey: Promise<{ inputAt: number; paintedAt: number; changed: boolean }> })
        .__benchKey,
  );
  const panel = await page.evaluate(() => (window as unknown as { __benchPanel: Promise<number | null> }).__benchPanel);
  return { painted: t.changed ? t.paintedAt - t.inputAt : null, panel };
}

const entityCount = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('.tabs [role="tab"] .count')?.textContent ?? NaN));

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  const rows: BenchRow[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'tahrir-editor-scale-bench-'));
  const workspace = join(dir, 'workspace');
  const doc = await writeLongArticleWorkspace(workspace, article);
  const what = `${(doc.bytes / 2 ** 20).toFixed(2)} MB, ${doc.entities.toLocaleString('en-US')} entities`;
  rows.push({ name: 'editor at scale: long document', value: doc.bytes, unit: 'bytes', note: what });
  const probe = await probeScript();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const served = await startTahrirServe(workspace);
  try {
    const opens: number[] = [];
    const panelFrames: number[] = [];
    for (let r = 0; r < OPEN_REPEATS; r++) {
      progress(`open #${r + 1}`);
      const { context, page } = await newPage(browser, probe);
      const paintedAt = await openDocument(page, served.url, doc.id);
      opens.push(paintedAt);
      // Which frame after the first painted one showed the entity list filled (1 = the first paint's next frame).
      await page.evaluate(() => window.__bench.paintWhen(() => true, 30));
      const frames = (await page.evaluate(
        () => (window as unknown as { __panelFrames: PanelFrame[] }).__panelFrames,
      )) as PanelFrame[];
      const first = frames.findIndex((f) => f.at >= paintedAt - 0.5);
      const filled = frames.findIndex((f, i) => i >= first && f.listed > 0);
      panelFrames.push(first < 0 || filled < 0 ? NaN : filled - first + 1);
      await context.close();
    }
    rows.push({
      name: `editor at scale: open, painted with highlights (${what})`,
      value: median(opens),
      unit: 'ms',
      note: `navigation → paint, median of ${OPEN_REPEATS}; per open: ${opens.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    });
    rows.push({
      name: 'editor at scale: side panel entity list filled, frame after the first paint',
      value: Math.max(...panelFrames),
      unit: 'frame',
      note: `goal ≤ 2 (the first paint's second frame); per open: ${panelFrames.join(', ')}`,
    });

    const { context, page } = await newPage(browser, probe);
    await openDocument(page, served.url, doc.id);
    // The state the keypresses are timed in: the suggestions in and the tagger not reading or training (see the
    // suggestion bar's data-state), then the page quiet.
    const suggestionState = await page.evaluate(async (timeoutMs) => {
      const started = performance.now();
      for (;;) {
        const state = document.querySelector('[data-testid="suggestion-bar"]')?.getAttribute('data-state');
        if (state && !['loading', 'reading', 'training'].includes(state)) return state;
        if (performance.now() - started > timeoutMs)
          return `${state ?? 'no suggestion bar'} after ${timeoutMs / 1000} s`;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, SUGGESTIONS_WAIT_MS);
    const settledMs = await page.evaluate(() => window.__bench.settled());
    const suggestionCount = await page.evaluate(
      () => document.querySelector('[data-testid="suggestion-count"]')?.textContent?.trim() ?? '',
    );
    const state = `suggestions in (${suggestionCount}), tagger ${suggestionState}`;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    await cdp.detach();
    rows.push({
      name: 'editor at scale: DOM nodes, document open',
      value: metric('Nodes'),
      unit: 'nodes',
      note: `JS heap ${(metric('JSHeapUsedSize') / 2 ** 20).toFixed(0)} MiB, once settled (${(settledMs / 1000).toFixed(1)} s after the first paint)`,
    });

    progress(`keypresses × ${TRIES}`);
    const times = { tag: [] as number[], remove: [] as number[], undo: [] as number[] };
    const panel: number[] = [];
    let misses = 0;
    const box = await page.evaluate(() => window.__bench.scrollContainer().getBoundingClientRect().height);
    const deadline = performance.now() + BUDGET_MS;
    let word = 0;
    for (let i = 0; i < TRIES && performance.now() < deadline; i++) {
      let target = await selectUntaggedWord(page, word);
      if (!target) {
        await page.evaluate((h) => (window.__bench.scrollContainer().scrollTop += h * 0.8), box);
        await page.evaluate(() => window.__bench.paintWhen(() => true, 2));
        word = 0;
        target = await selectUntaggedWord(page, word);
        if (!target) break;
      }
      const count = await entityCount(page);
      const tag = await timeKey(page, 'more', count + 1, () => page.keyboard.press('1'));
      if (tag.painted === null) {
        misses++;
        word++;
        continue;
      }
      times.tag.push(tag.painted);
      if (tag.panel !== null) panel.push(tag.panel);
      await page.evaluate(() => getSelection()?.removeAllRanges());
      await page.mouse.click(target.x, target.y);
      await page.evaluate(() => window.__bench.paintWhen(() => true, 1));
      const removed = await timeKey(page, 'fewer', count, () => page.keyboard.press('Delete'));
      if (removed.painted !== null) times.remove.push(removed.painted);
      if (removed.panel !== null) panel.push(removed.panel);
      const undone = await timeKey(page, 'more', count + 1, () => page.keyboard.press('Control+z'));
      if (undone.painted !== null) times.undo.push(undone.painted);
      if (undone.panel !== null) panel.push(undone.panel);
      word++;
    }
    for (const [label, list] of [
      ['tag (hotkey 1)', times.tag],
      ['delete', times.remove],
      ['undo (Ctrl+Z)', times.undo],
    ] as const) {
      const within = list.filter((t) => t <= 34).length / Math.max(1, list.length);
      rows.push({ name: `editor at scale: keypress → painted p50: ${label}`, value: median(list), unit: 'ms' });
      rows.push({
        name: `editor at scale: keypress → painted p95: ${label}`,
        value: percentile(list, 95),
        unit: 'ms',
        note: `goal ≤ 34; ${(100 * within).toFixed(0)} % of ${list.length} tries within it${misses ? `; ${misses} tags without a change` : ''}; from the state: ${state}`,
      });
    }
    rows.push({
      name: 'editor at scale: side panel caught up after an edit, p95',
      value: percentile(panel, 95),
      unit: 'ms',
      note: `keydown → the frame after the entity count showed the edit; goal ≤ ${PANEL_GOAL_MS} after the editor's own paint; p50 ${median(panel).toFixed(0)} ms, ${panel.length} edits`,
    });

    progress('scroll');
    const height = await page.evaluate(() => window.__bench.scrollContainer().scrollHeight);
    const step = Math.max(400, Math.ceil(height / 1500));
    const sc = await page.evaluate((s) => window.__bench.scrollThrough(s), step);
    rows.push({
      name: 'editor at scale: scroll whole document, dropped frames',
      value: sc.dropped,
      unit: 'frames',
      note: `of ${sc.frames} (${step} px/frame, ${sc.scrolledPx} px), longest ${sc.longestFrameMs.toFixed(0)} ms`,
    });
    await context.close();
  } finally {
    served.child.kill('SIGTERM');
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
