// The document list's first screen drawn by early.js before app.js runs (renderer/text/early-list.ts): with app.js
// held back, the list's rows are on screen (the first screen's, from the start's first part), as the app then draws
// them (the same text, classes and places), and from the first frame with rows on, no frame is without them.
// `tahrir serve` on 300 short articles (the bench's generator: more than the start's first screen of rows), Debian's
// Chromium, English.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import { writeArticleWorkspace } from '../bench/generate-corpus';
import type { Sidecar } from '../../shared/model';
import { buildRenderer, CHROMIUM, CHROMIUM_ARGS, haveChromium } from './harness';

interface Row {
  text: string;
  className: string;
  id: string;
  at: string;
  /** Its place in the list and the list's length, as screen readers say them. */
  place: string;
}

/** The list's rows under `scope` as drawn: their words, classes, ids and places. */
function rows(page: Page, scope: string): Promise<{ rows: Row[]; progress: string; scroll: number }> {
  return page.evaluate((scope) => {
    const list = document.querySelector(`${scope} .document-list`)!;
    const rows = [...list.querySelectorAll<HTMLElement>('.document-item')].map((b) => {
      const box = b.getBoundingClientRect();
      return {
        text: b.innerText,
        className: b.className + ' ' + b.querySelector('.status-dot')!.className,
        id: b.dataset.docId ?? '',
        place: `${b.parentElement!.getAttribute('aria-posinset')}/${b.parentElement!.getAttribute('aria-setsize')}`,
        at: [box.top, box.left, box.width].map(Math.round).join(','),
      };
    });
    const progress = list.querySelector<HTMLElement>('.progress-text')!.innerText;
    return {
      rows: rows.filter((r) => Number(r.at.split(',')[0]) < innerHeight),
      progress,
      scroll: list.querySelector('ul')!.scrollHeight,
    };
  }, scope);
}

describe.skipIf(!haveChromium)('the document list painted early (early.js) in Chromium', () => {
  let base = '';
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'tahrir-early-list-'));
    const root = join(base, 'ws');
    await writeArticleWorkspace(root, 300);
    // One more document done (the generator makes some so): its status dot and the progress line.
    const file = join(root, 'batch-000', 'article-00002.annotations.json');
    const sidecar = JSON.parse(await readFile(file, 'utf8')) as Sidecar;
    sidecar.document.status = 'done';
    await writeFile(file, JSON.stringify(sidecar, null, 2) + '\n');
    await buildRenderer(join(base, 'renderer'));
    server = await startServer({ root, rendererDir: join(base, 'renderer'), log: () => undefined });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('draws the first screen of rows before app.js runs, where and as the app then draws them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({
      content: `localStorage.setItem('tahrir.locale', 'en');
        window.__frames = [];
        const tick = () => {
          const row = document.querySelector('.early-paint .document-item') ?? document.querySelector('#root .document-item');
          window.__frames.push(row ? Math.round(row.getBoundingClientRect().top) : null);
          if (window.__frames.length < 3000) requestAnimationFrame(tick);
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
    await page.waitForSelector('.early-paint .document-list .document-item', { timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready);
    const early = await rows(page, '.early-paint');
    release();
    await page.waitForFunction(
      () => !document.querySelector('.early-paint') && !!document.querySelector('#root .document-item'),
      null,
      {
        timeout: 60_000,
      },
    );
    await page.waitForTimeout(300);
    const app = await rows(page, '#root');
    // The rows in view, all of them drawn early, the same words (title, id, counts), classes and places.
    expect(app.rows.length).toBeGreaterThan(5);
    expect(early.rows).toEqual(app.rows);
    expect(early.rows[0]).toMatchObject({ id: 'batch-000/article-00000', place: '1/300' });
    expect(early.rows[0].className).toContain('current');
    expect(early.rows[2].className).toContain('status-done');
    expect(early.progress).toBe(app.progress);
    expect(early.progress).toMatch(/^[1-9]\d* of 300 done$/);
    // Room for the rows to come: the scroll bar is the whole list's already.
    expect(early.scroll).toBe(app.scroll);
    const frames = await page.evaluate(() => (window as unknown as { __frames: (number | null)[] }).__frames);
    const first = frames.findIndex((f) => f !== null);
    expect(first).toBeGreaterThan(-1);
    for (const top of frames.slice(first)) expect(top).toBe(frames[first]);
    await context.close();
  });
});
