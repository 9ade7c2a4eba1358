// A workspace of hundreds of articles in the editor (Chromium through `tahrir serve`): the list
// renders a page of rows, more as its end scrolls into view, the current document always, and
// a filter starts again from its first page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_PAGE } from '../../renderer/ui/DocumentList';
import { writeArticleWorkspace } from '../bench/generate-corpus';
import * as harness from './harness';
import { haveChromium, type EditorSession } from './harness';

const ARTICLES = 2 * LIST_PAGE + 50;

let session: EditorSession;
let page: Page;

const rows = () => page.locator('.document-item').count();
const scrollListToEnd = () => page.evaluate(() => document.querySelector('.document-list ul')!.scrollTo(0, 1e9));

describe.skipIf(!haveChromium)('a workspace of hundreds of documents (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'document-list',
      viewport: { width: 1280, height: 800 },
      async prepare(ws) {
        await writeArticleWorkspace(ws, ARTICLES);
      },
    });
    page = session.page;
    await page.waitForSelector('.document-item');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('renders one page of rows, and says how many more there are', async () => {
    const total = ARTICLES + 5; // the seeds come too
    await expect.poll(() => page.getByTestId('progress').textContent()).toContain(`of ${total} done`);
    await expect.poll(rows).toBe(LIST_PAGE);
    await expect.poll(() => page.locator('.more-documents').textContent()).toBe(`${total - LIST_PAGE} more documents`);
  });

  it('renders more as the end of the list scrolls into view, up to every document', async () => {
    for (let i = 0; i < 5 && (await rows()) < ARTICLES + 5; i++) {
      const before = await rows();
      await scrollListToEnd();
      await expect.poll(rows).toBeGreaterThan(before);
    }
    expect(await rows()).toBe(ARTICLES + 5);
    expect(await page.locator('.more-documents').count()).toBe(0);
  });

  it('starts a filter from its first page', async () => {
    // The first document (a seed) is the current one: not among the articles the filter keeps.
    await page.getByLabel('Filter documents').fill('batch-000');
    // The list follows the filter a moment later (useDeferredValue): wait for what it says.
    await expect
      .poll(() => page.locator('.more-documents').textContent())
      .toBe(`${ARTICLES - LIST_PAGE} more documents`);
    expect(await rows()).toBe(LIST_PAGE);
    await page.getByLabel('Filter documents').fill('');
    await expect
      .poll(() => page.locator('.more-documents').textContent())
      .toBe(`${ARTICLES + 5 - LIST_PAGE} more documents`);
    expect(await rows()).toBe(LIST_PAGE);
  });

  it('always renders the current document, however far down the list', async () => {
    await page.getByLabel('Filter documents').fill('');
    for (let i = 0; i < 5 && (await rows()) < ARTICLES + 5; i++) {
      const before = await rows();
      await scrollListToEnd();
      await expect.poll(rows).toBeGreaterThan(before);
    }
    const last = await page.locator('.document-item').last().getAttribute('data-doc-id');
    await page.locator(`[data-doc-id="${last}"]`).click();
    await expect.poll(() => page.locator('.document-item.current').getAttribute('data-doc-id')).toBe(last);
    // A filter starts from its first page, but the list still reaches the current document.
    await page.getByLabel('Filter documents').fill('batch-000');
    await expect.poll(rows).toBe(ARTICLES);
    await page.getByLabel('Filter documents').fill('article-0000');
    await expect.poll(rows).toBe(10);
    expect(await page.locator('.document-item.current').count()).toBe(0);
    await page.getByLabel('Filter documents').fill('');
    await expect.poll(rows).toBe(ARTICLES + 5);
  });
});
