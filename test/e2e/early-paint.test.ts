// The first screen painted by early.js before app.js runs (renderer/text/early-paint.ts): its text stands where the
// app then renders it (no jump), its highlights are the app's (every entity and quote the app shows on the first
// screen, in the same place and colour), and no frame between shows neither, in both interface languages.
// `tahrir serve` on a generated long article (the bench's generator), Debian's Chromium; app.js is held back until
// the early frame is read, then let go. Screenshots of both frames into test-results/.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import { writeLongArticleWorkspace, type WrittenDocument } from '../bench/generate-corpus';
import { DEFAULT_LABELS, type Sidecar } from '../../shared/model';
import { buildRenderer, CHROMIUM, CHROMIUM_ARGS, haveChromium, shots } from './harness';
import { FIRST_PART_HEADER } from '../../shared/start-answer-wire';

interface Drawn {
  /** The first paragraphs' boxes: [top, left, right]. */
  lines: number[][];
  /** Every entity and quote highlight Range on screen: its highlight's name, its text and where it is. */
  ranges: string[];
  /** Highlight Ranges in all (entities and quotes). */
  count: number;
}

/** What the page shows in the document's text now: in the early paint's overlay while it is there, else the app's. */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const scope = document.querySelector('.early-paint') ?? document.getElementById('root')!;
    const paragraphs = [...scope.querySelectorAll('.document-text p')].slice(0, 4);
    const lines = paragraphs.map((p) => {
      const r = p.getBoundingClientRect();
      return [r.top, r.left, r.right].map(Math.round);
    });
    const scroller = scope.querySelector('.document-scroll')!.getBoundingClientRect();
    const ranges: string[] = [];
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (!/^tahrir-(label|quote)/.test(name)) return;
      highlight.forEach((r) => {
        const range = new Range();
        const s = r as AbstractRange;
        if (!scope.contains(s.startContainer)) return;
        count++;
        range.setStart(s.startContainer, s.startOffset);
        range.setEnd(s.endContainer, s.endOffset);
        const box = range.getBoundingClientRect();
        // On screen: within the text's scroll box (a Range below it is not the first screen's).
        if (box.bottom <= scroller.top || box.top >= scroller.bottom) return;
        ranges.push(`${name} ${range.toString()} @${Math.round(box.top)},${Math.round(box.left)}`);
      });
    });
    return { lines, ranges: ranges.sort(), count };
  });
}

/**
 * An entity inside the first removed paragraph (hidden in the clean view: the side panel marks it so), in sidecar order
 * (the first part then still leaves the rest of the entities out): the first row of the panel's first label (the
 * workspace's first, PERSON: its entities before it taken out, and so the quotes' speakers among them), in view in the
 * early paint's panel.
 */
async function hideAnEntity(file: string): Promise<void> {
  const sidecar = JSON.parse(await readFile(file, 'utf8')) as Sidecar;
  const edit = sidecar.edits.find((e) => e.replacement === '' && [...e.text].length > 6)!;
  const label = DEFAULT_LABELS[0].name;
  const hidden = {
    id: 'hidden-1',
    start: edit.start,
    end: edit.start + 5,
    label,
    text: [...edit.text].slice(0, 5).join(''),
  };
  const out = new Set(sidecar.entities.filter((e) => e.label === label && e.start < edit.start).map((e) => e.id));
  for (const quote of sidecar.quotes) if (quote.speaker && out.has(quote.speaker)) quote.speaker = null;
  sidecar.entities = [...sidecar.entities.filter((e) => !out.has(e.id)), hidden].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1),
  );
  await writeFile(file, JSON.stringify(sidecar, null, 2) + '\n');
}

interface Listed {
  tabs: string[];
  groups: { label: string; chip: string; count: string; rows: { text: string; className: string }[] }[];
  /** Each label's rows standing (at least in part) in the panel's view. */
  inView: number[];
}

/** The side panel under `scope` as the editor reads it: its tabs, and each label's rows (the words they show). */
function listed(page: Page, scope: string): Promise<Listed> {
  return page.evaluate((selector) => {
    const panel = document.querySelector(selector)!;
    const view = panel.querySelector('.tab-body')!.getBoundingClientRect();
    const groups = [...panel.querySelectorAll('.span-group')];
    return {
      tabs: [...panel.querySelectorAll('.tabs [role="tab"]')].map(
        (t) => `${t.textContent} ${t.getAttribute('aria-selected')}`,
      ),
      groups: groups.map((g) => ({
        label: g.getAttribute('aria-label') ?? '',
        chip: g.querySelector('.label-chip')!.className,
        count: g.querySelector('h3')!.textContent ?? '',
        rows: [...g.querySelectorAll('li button')].map((b) => ({ text: b.textContent ?? '', className: b.className })),
      })),
      inView: groups.map(
        (g) => [...g.querySelectorAll('li')].filter((li) => li.getBoundingClientRect().top < view.bottom).length,
      ),
    };
  }, scope);
}

describe.skipIf(!haveChromium)('the first screen painted early (early.js) in Chromium', () => {
  let base = '';
  let server: RunningServer;
  let browser: Browser;
  let doc: WrittenDocument;
  let root = '';

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'tahrir-early-paint-'));
    root = join(base, 'ws');
    doc = await writeLongArticleWorkspace(root, { targetBytes: 200_000, entities: 2_000, quotes: 60, edits: 4 });
    await hideAnEntity(join(root, `${doc.id}.annotations.json`));
    await buildRenderer(join(base, 'renderer'));
    await mkdir(shots, { recursive: true });
    server = await startServer({ root, rendererDir: join(base, 'renderer'), log: () => undefined });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  for (const locale of ['en', 'ar'] as const)
    it(`draws the text and its highlights where the app then shows them (${locale})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({
        content: `localStorage.setItem('tahrir.locale', '${locale}');
          window.__frames = [];
          // What React's first commit put in the page: the document's text, or the app without it.
          new MutationObserver((_, observer) => {
            const root = document.getElementById('root');
            if (!root || root.childElementCount === 0) return;
            window.__firstCommitHasText = !!root.querySelector('[data-para]');
            observer.disconnect();
          }).observe(document, { childList: true, subtree: true });
          const tick = () => {
            const scope = document.querySelector('.early-paint') ?? document.getElementById('root');
            const p = scope && scope.querySelector('.document-text p');
            let n = 0;
            CSS.highlights.forEach((h) => (n += h.size));
            window.__frames.push({ early: !!document.querySelector('.early-paint'), top: p ? p.getBoundingClientRect().top : null, ranges: n, app: !!document.querySelector('#root > *') });
            if (window.__frames.length < 2000) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);`,
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      // app.js held back: the early frame stays on screen to be read, as long as the app takes on a loaded machine.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/app.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url);
      await page.waitForSelector('.early-paint .document-text p', { timeout: 60_000 });
      await page.evaluate(() => document.fonts.ready);
      const early = await drawn(page);
      // The text after the first screen is still on its way (only its lines' lengths came with the first part): the
      // early paint keeps its room all the same, the scroll bar as long as the app's.
      const earlyScroll = await page.evaluate(() => {
        const box = document.querySelector('.early-paint .document-scroll')!;
        return { height: box.scrollHeight, view: box.clientHeight };
      });
      expect(earlyScroll.height).toBeGreaterThan(earlyScroll.view * 20);
      await page.screenshot({ path: join(shots, `early-paint-${locale}-early.png`) });
      release();
      await page.waitForFunction(
        () => !document.querySelector('.early-paint') && !!document.querySelector('[data-para]'),
      );
      // The app draws its entities near the view once it is still: wait for them, then read.
      await page.waitForTimeout(500);
      const app = await drawn(page);
      await page.screenshot({ path: join(shots, `early-paint-${locale}-app.png`) });

      expect(early.lines.length).toBeGreaterThan(2);
      // No jump: the first paragraphs stand where they stood.
      expect(app.lines).toEqual(early.lines);
      // Complete: every entity and quote the app shows on the first screen was in the early frame, in its place.
      expect(app.ranges.length).toBeGreaterThan(5);
      expect(early.ranges).toEqual(expect.arrayContaining(app.ranges));
      const frames = await page.evaluate(
        () =>
          (window as unknown as { __frames: { early: boolean; top: number | null; ranges: number; app: boolean }[] })
            .__frames,
      );
      // app.js ran after the early frame was drawn: the app's open went on at once, so React's first render is the
      // document's, and no frame drew the app's empty page under the early paint (a render, a layout and a repaint
      // of the early highlights the open waited behind).
      expect(
        await page.evaluate(() => (window as unknown as { __firstCommitHasText?: boolean }).__firstCommitHasText),
      ).toBe(true);
      expect(frames.filter((f) => f.early && f.app)).toEqual([]);
      const first = frames.findIndex((f) => f.top !== null);
      expect(frames[first].early).toBe(true);
      // From the first frame with text on, every frame shows it, in the same place, with highlights.
      for (const f of frames.slice(first)) expect([f.top, f.ranges > 0]).toEqual([frames[first].top, true]);
      expect(frames.some((f) => !f.early && f.top !== null)).toBe(true);
      await context.close();
    });

  for (const locale of ['en', 'ar'] as const)
    it(`draws the side panel's entity list a frame after the first screen, as the app then lists it, in place (${locale})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // Per frame (its requestAnimationFrame, before it paints): the first screen's text there, the list's rows, and
      // where the first row stands (the early paint's panel while it is there, else the app's).
      await context.addInitScript({
        content: `localStorage.setItem('tahrir.locale', '${locale}');
          window.__panel = [];
          const tick = () => {
            const rows = document.querySelectorAll('.side-panel .span-group li');
            const text = !!document.querySelector('.document-text p');
            const lone = document.querySelector('.early-panel li');
            const at = (lone ?? rows[0])?.getBoundingClientRect();
            window.__panel.push({ text, listed: rows.length, at: at ? [at.top, at.left].map(Math.round).join(',') : null });
            if (window.__panel.length < 3000) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);`,
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/app.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url);
      await page.waitForSelector('.early-paint .side-panel .span-group li', { timeout: 60_000 });
      const early = await listed(page, '.early-paint .side-panel');
      release();
      await page.waitForFunction(
        () => !document.querySelector('.early-paint, .early-panel') && !!document.querySelector('#root .span-group li'),
        null,
        { timeout: 60_000 },
      );
      const app = await listed(page, '#root .side-panel');
      // Right: the same tabs and counts, labels in the same order with their counts, the same rows (text, badges, the
      // words around) in the same order, hidden ones alike; every row the app's panel shows drawn early, and no more
      // than a screenful of them (the rest are out of view: each of them held the first paint back).
      expect(app.groups.length).toBeGreaterThan(3);
      expect(app.groups.reduce((n, g) => n + g.rows.length, 0)).toBeGreaterThan(100);
      expect(app.groups[0].rows[0].className).toContain('hidden-span');
      expect(early.tabs).toEqual(app.tabs);
      expect(early.groups.map(({ rows: _, ...g }) => g)).toEqual(app.groups.map(({ rows: _, ...g }) => g));
      for (const [i, group] of early.groups.entries()) {
        expect(group.rows).toEqual(app.groups[i].rows.slice(0, group.rows.length));
        expect(group.rows.length).toBeGreaterThanOrEqual(app.inView[i]);
      }
      const drawnEarly = early.groups.reduce((n, g) => n + g.rows.length, 0);
      expect(drawnEarly).toBeGreaterThanOrEqual(app.inView.reduce((n, k) => n + k, 0));
      expect(drawnEarly).toBeLessThanOrEqual(32); // 800 px of panel: ~15 rows in view
      const frames = await page.evaluate(
        () => (window as unknown as { __panel: { text: boolean; listed: number; at: string | null }[] }).__panel,
      );
      // In the frame after the first painted one (the first is the text's alone: the list's layout held it back), and
      // in every frame after it, in the same place: no frame without the list once it is there, no jump.
      const first = frames.findIndex((f) => f.text);
      expect(first).toBeGreaterThan(-1);
      expect(frames[first].listed).toBe(0);
      const withList = frames.findIndex((f) => f.listed > 0);
      expect(withList - first).toBeGreaterThan(0);
      expect(withList - first).toBeLessThanOrEqual(2);
      for (const f of frames.slice(withList)) expect([f.listed > 0, f.at]).toEqual([true, frames[withList].at]);
      await context.close();
    });

  it("loads ICU's locale data in a worker: the page's main thread makes no Intl object before the early paint", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Each Intl object the page's main thread makes, with when: the first loads ICU's data (50–270 ms of main thread).
    await context.addInitScript({
      content: `window.__intlMade = [];
        for (const name of ['NumberFormat', 'PluralRules', 'DateTimeFormat', 'Collator', 'Segmenter', 'ListFormat']) {
          const Made = Intl[name];
          Intl[name] = new Proxy(Made, {
            construct(target, args) {
              window.__intlMade.push(name + ' @' + performance.now().toFixed(1));
              return Reflect.construct(target, args);
            },
          });
        }`,
    });
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // app.js held back (it makes Intl objects of its own): what is read is early.js's alone.
    await page.route('**/app.js', () => undefined);
    await page.goto(server.url);
    await page.waitForSelector('.early-paint .document-text p', { timeout: 60_000 });
    const { made, paintedAt } = await page.evaluate(() => ({
      made: (window as unknown as { __intlMade: string[] }).__intlMade,
      paintedAt: window.__tahrirEarlyPaint?.at ?? Infinity,
    }));
    expect(made.filter((m) => Number(m.split('@')[1]) < paintedAt)).toEqual([]);
    // Started once the early frame is drawn (the start came in the page).
    await expect.poll(() => workers.some((url) => url.endsWith('/icu-worker.js'))).toBe(true);
    await context.close();
  });

  it("asks for the rest of the start, ICU's data and app.js only once the first screen's frame is drawn", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // When the first frame showing the early paint's text began (its requestAnimationFrame).
    await context.addInitScript({
      content: `const tick = () => {
          if (document.querySelector('.early-paint .document-text p')) window.__textFrameAt = performance.now();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);`,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    const asked = await page.waitForFunction(
      () => {
        const at = (end: string) =>
          performance.getEntriesByType('resource').find((e) => e.name.split('?')[0].endsWith(end))?.startTime;
        const [rest, icu, app] = [at('/api/startEditor'), at('/icu-worker.js'), at('/app.js')];
        const frame = (window as unknown as { __textFrameAt?: number }).__textFrameAt;
        return (
          rest !== undefined &&
          icu !== undefined &&
          app !== undefined &&
          frame !== undefined && { rest, icu, app, frame }
        );
      },
      null,
      { timeout: 60_000 },
    );
    const times = (await asked.jsonValue()) as { rest: number; icu: number; app: number; frame: number };
    // The page came with the start's first part: the rest (~2.5 MB at 10,000 entities), ICU's data and app.js (~850
    // KB, compiled on a worker thread) competed with the first screen's style, layout and paint on a 2-core machine.
    expect(times.rest).toBeGreaterThan(times.frame);
    expect(times.icu).toBeGreaterThan(times.frame);
    expect(times.app).toBeGreaterThan(times.frame);
    // The app took over all the same.
    await page.waitForFunction(
      () => !document.querySelector('.early-paint') && !!document.querySelector('[data-para]'),
    );
    await context.close();
  });

  // Last: it changes the document.
  it('opens the document only whole: keys pressed while the rest of its entities is on its way lose none', async () => {
    const sidecarFile = join(root, `${doc.id}.annotations.json`);
    const before = JSON.parse(await readFile(sidecarFile, 'utf8')) as Sidecar;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // startEditor's body given up to the end of its first part; the rest once the test lets it go.
    await context.addInitScript({
      content: `{
        const pageFetch = window.fetch.bind(window);
        let release;
        window.__releaseRest = new Promise((resolve) => (release = resolve));
        window.__letRestGo = () => release();
        window.__calls = [];
        window.fetch = async (input, init) => {
          window.__calls.push(String(input).split('/').pop());
          const response = await pageFetch(input, init);
          const first = Number(response.headers.get('${FIRST_PART_HEADER}'));
          if (!String(input).endsWith('/startEditor') || !first) return response;
          const all = new Uint8Array(await response.arrayBuffer());
          const body = new ReadableStream({
            async start(controller) {
              controller.enqueue(all.slice(0, first));
              window.__restHeld = true;
              await window.__releaseRest;
              controller.enqueue(all.slice(first));
              controller.close();
            },
          });
          return new Response(body, { status: response.status, headers: response.headers });
        };
      }`,
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url);
    await page.waitForSelector('.early-paint .document-text p', { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __restHeld?: boolean }).__restHeld)).toBe(true);
    // The app is up (app.js runs at the latest 5 s after early.js: app-start.ts), with no document yet.
    await page.waitForFunction(() => document.getElementById('root')!.childElementCount > 0, null, { timeout: 20_000 });
    // What an impatient editor does meanwhile: select, tag, delete, undo, save.
    await page.mouse.dblclick(640, 300);
    for (const key of ['1', 'Delete', 'Backspace', 'Control+z', 'Control+s']) await page.keyboard.press(key);
    await page.waitForTimeout(1_500);
    expect(await page.locator('.early-paint').count()).toBe(1);
    expect(await page.locator('#root [data-para]').count()).toBe(0);
    const calls = await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
    expect(calls.filter((c) => /save|recovery/i.test(c))).toEqual([]);
    expect(JSON.parse(await readFile(sidecarFile, 'utf8'))).toEqual(before);
    await page.evaluate(() => (window as unknown as { __letRestGo: () => void }).__letRestGo());
    await page.waitForFunction(
      () => !document.querySelector('.early-paint') && !!document.querySelector('[data-para]'),
    );
    // The document whole in the app: one more entity, tagged by keyboard, saved with all the others.
    const word = await page.evaluate(() => {
      const text = [...document.querySelectorAll('[data-para]')]
        .map((p) => p.firstChild)
        .find((n) => n instanceof Text);
      const m = /\p{L}{4,}/u.exec((text as Text).data)!;
      const range = document.createRange();
      range.setStart(text!, m.index);
      range.setEnd(text!, m.index + m[0].length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return m[0];
    });
    await page.keyboard.press('1');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 10_000 });
    await expect
      .poll(async () => (JSON.parse(await readFile(sidecarFile, 'utf8')) as Sidecar).entities.length, {
        timeout: 10_000,
      })
      .toBe(before.entities.length + 1);
    const after = JSON.parse(await readFile(sidecarFile, 'utf8')) as Sidecar;
    expect(after.entities).toEqual(expect.arrayContaining(before.entities));
    expect(after.entities.some((e) => e.text === word)).toBe(true);
    await context.close();
  });
});
