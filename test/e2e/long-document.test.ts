// A long document in the editor (Chromium through `tahrir serve`): painted a screenful first,
// the rest of its paragraphs rendered while the browser is idle, highlight Ranges only for the
// paragraphs near the view, and everything reachable (scrolling, the entity list) as before.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLongArticleWorkspace, type WrittenDocument } from '../bench/generate-corpus';
import * as harness from './harness';
import { haveChromium, type EditorSession } from './harness';

let session: EditorSession;
let page: Page;
let doc: WrittenDocument;
let paragraphs: number;

/** Highlight Ranges drawn in the paragraphs [from, to), by highlight name. */
function rangesIn(from: number, to: number): Promise<number> {
  return page.evaluate(
    ([from, to]) => {
      let n = 0;
      CSS.highlights.forEach((h) =>
        h.forEach((r) => {
          const p = (r as AbstractRange).startContainer.parentElement?.closest<HTMLElement>('[data-para]');
          const i = Number(p?.dataset.para);
          if (i >= from && i < to) n++;
        }),
      );
      return n;
    },
    [from, to],
  );
}

const allRanges = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
const renderedParagraphs = () => page.locator('[data-para]').count();

describe.skipIf(!haveChromium)('a long document in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'long-document',
      viewport: { width: 1280, height: 800 },
      async prepare(ws) {
        doc = await writeLongArticleWorkspace(ws, { targetBytes: 300_000, entities: 3_000, quotes: 100, edits: 5 });
      },
    });
    page = session.page;
    paragraphs = (await harness.readSource(session.root, doc.id)).split('\n').length;
    await harness.openDocumentIn(page, doc.id);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('draws highlights in view at once, and only near the view', async () => {
    await expect.poll(() => rangesIn(0, 10)).toBeGreaterThan(0);
    const drawn = await allRanges();
    // Thousands of entities, a few screens of Ranges.
    expect(drawn).toBeLessThan(doc.entities / 4);
    // Static, not live: the browser would otherwise update every one of them on each DOM change.
    const live = await page.evaluate(() =>
      [...CSS.highlights.values()].reduce((n, h) => n + [...h].filter((r) => r instanceof Range).length, 0),
    );
    expect(live).toBe(0);
  });

  it('renders every paragraph once the browser is idle', async () => {
    await expect.poll(() => page.locator('.paragraphs-to-come').count(), { timeout: 30_000 }).toBe(0);
    const last = Number(await page.locator('[data-para]').last().getAttribute('data-para'));
    expect(await renderedParagraphs()).toBe(last + 1);
    // The clean text: the source's lines less the ones its edits removed.
    expect(last + 1).toBeGreaterThan(paragraphs - 10);
  });

  it('draws the end when scrolled there, and drops the Ranges of the top', async () => {
    await page.evaluate(() => {
      const box = document.querySelector('.document-scroll')!;
      box.scrollTop = box.scrollHeight;
    });
    await expect.poll(() => rangesIn(paragraphs - 20, paragraphs)).toBeGreaterThan(0);
    await expect.poll(() => rangesIn(0, 10)).toBe(0);
  });

  it('scrolls to and flashes an entity chosen in the list, wherever it is', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.locator('.tabs [role="tab"]', { hasText: 'Entities' }).click();
    const group = page.locator('.span-group').first();
    await group.locator('.show-all').click();
    const last = group.locator('.span-item').last();
    const text = (await last.locator('bdi').first().textContent()) ?? '';
    await last.click();
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...(CSS.highlights.get('tahrir-flash') ?? [])]
            .map((r) =>
              (r as AbstractRange).startContainer.textContent!.slice(
                (r as AbstractRange).startOffset,
                (r as AbstractRange).endOffset,
              ),
            )
            .join(''),
        ),
      )
      .toBe(text);
  });
});
