// A working day's flow in the editor (Chromium through `tahrir serve`, issue 19): the document
// list under its titles, the filter by title and by text (Arabic-normalized), done and next
// (Ctrl+Enter) in the filtered list's order, and the entity list telling apart the rows of one
// name by the words around each.
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

let session: EditorSession;
let page: Page;

const listed = () =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-doc-id]')].map((b) => b.dataset.docId!));
const current = () => page.locator('.document-item.current').getAttribute('data-doc-id');
/** The document whose text is on screen. */
const shownDocument = () => page.locator('[data-testid="document-text"]').getAttribute('aria-label');
const filter = (text: string) => page.getByLabel('Filter documents').fill(text);

describe.skipIf(!haveChromium)('a working day’s flow (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'working-day', viewport: { width: 1400, height: 900 } });
    page = session.page;
    await page.waitForSelector('.document-item');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists each document under its headline, the hash-named file secondary', async () => {
    const row = page.locator('[data-doc-id="004_4222fc5ff515d8db"]');
    await expect
      .poll(() => row.locator('.document-title').textContent())
      .toBe('Cairo film festival opens with Arab premieres and a tribute to Omar Sharif');
    expect(await row.locator('.document-id').textContent()).toBe('004_4222fc5ff515d8db');
  });

  it('filters by words of the title', async () => {
    await filter('cairo festival');
    await expect.poll(listed).toEqual(['004_4222fc5ff515d8db']);
  });

  it('says how many documents the filter keeps, and with none how to clear it (both languages)', async () => {
    // On main: nothing said how many matched, and "No document matches the filter." with no way out named.
    const said = async () => words((await page.locator('[data-testid="filter-count"]').textContent()) ?? '');
    await filter('cairo festival');
    await expect.poll(said).toBe('1 of 5 documents match the filter');
    await filter('الامريكي status:done');
    await expect.poll(listed).toEqual([]);
    await expect
      .poll(said)
      .toBe(
        'No document of 5 matches “الامريكي status:done”. Clear the filter (Escape in the box) to see them all. Clear the filter',
      );
    await page.screenshot({ path: join(shots, 'filter-no-match-en.png') });
    await page.locator('[data-testid="filter-count"] button').click();
    await expect.poll(async () => (await listed()).length).toBe(5);
    await expect.poll(() => page.locator('[data-testid="filter-count"]').count()).toBe(0);
    await page.locator('[data-testid="language-switch"]').selectOption('ar');
    try {
      const box = page.getByLabel('تصفية المستندات');
      await box.fill('status:done');
      await expect.poll(said).toMatch(/^لا مستند من 5 يطابق «status:done»\. امسح التصفية/);
      await page.screenshot({ path: join(shots, 'filter-no-match-ar.png') });
      // Escape in the box clears it, as the hint says.
      await box.press('Escape');
      await expect.poll(async () => (await listed()).length).toBe(5);
      await box.fill('cairo');
      await expect.poll(said).toBe('1 من 5 مستندات تطابق التصفية');
      await box.fill('');
    } finally {
      await page.locator('[data-testid="language-switch"]').selectOption('en');
    }
  });

  it('filters by a word of the text only, spelled with another hamza and with diacritics', async () => {
    // The text of the sample has «إدارته» and «الأمريكي»; neither is in any title or file name.
    await filter('اِدارته');
    await expect.poll(listed).toEqual([SAMPLE]);
    await filter('الامريكي status:todo');
    await expect.poll(listed).toEqual([SAMPLE]);
    await filter('الامريكي status:done');
    await expect.poll(listed).toEqual([]);
    await expect.poll(() => page.locator('.document-list .empty-hint').count()).toBe(1);
    await filter('');
    await expect.poll(async () => (await listed()).length).toBe(5);
  });

  it('done and next (Ctrl+Enter): marks done, opens the next not done in the filtered list, says so at the end', async () => {
    await harness.openDocumentIn(page, '001_c45525185d8883c3');
    await filter('status:todo');
    await expect.poll(listed).not.toContain('none');
    // The keys work from the filter box too: the document, not the field, is what they act on.
    await page.keyboard.press('Control+Enter');
    await expect.poll(current).toBe('002_2a61abe6f966b1e4');
    await expect.poll(shownDocument).toContain('002_2a61abe6f966b1e4');
    // The one marked done left the `status:todo` list; the next one is the one after it.
    await expect.poll(listed).not.toContain('001_c45525185d8883c3');
    await page.locator('[data-testid="document-text"]').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(current).toBe('003_1c8bf587c45bb5aa');
    await expect.poll(shownDocument).toContain('003_1c8bf587c45bb5aa');
    await page.keyboard.press('Control+Enter');
    await expect.poll(current).toBe('004_4222fc5ff515d8db');
    await expect.poll(shownDocument).toContain('004_4222fc5ff515d8db');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.locator('.toast').textContent())
      .toContain('Marked done. No document after this one in the filtered list is left to do; 1 not done is above it.');
    await expect.poll(() => page.locator('[data-testid="status-select"]').inputValue()).toBe('done');
    await page.screenshot({ path: join(shots, 'working-day-done-and-next.png') });
    await harness.waitSaved(page);
    for (const id of ['001_c45525185d8883c3', '002_2a61abe6f966b1e4', '003_1c8bf587c45bb5aa', '004_4222fc5ff515d8db'])
      expect((await harness.readSidecar(session.root, id)).document.status, id).toBe('done');
    await filter('');
    await expect.poll(() => page.getByTestId('progress').textContent()).toBe('4 of 5 done');
  });

  it('shows the words around each entity, so the rows of one name read apart, right to left', async () => {
    await harness.openDocumentIn(page, SAMPLE);
    const from = await harness.pointIn(page, 'اليابان', 1, 1);
    const to = await harness.pointIn(page, 'اليابان', 6, 1);
    await harness.drag(page, from, to);
    await page.keyboard.press('3'); // GPE
    await page.locator('.span-item.selected').waitFor();
    await page.keyboard.press('a'); // every other occurrence
    const contexts = page.locator('section[aria-label="GPE"] [data-testid="entity-context"]');
    await expect.poll(() => contexts.count()).toBeGreaterThanOrEqual(4);
    const texts = await contexts.allTextContents();
    expect(new Set(texts).size).toBe(texts.length); // each row reads apart
    expect(texts).toContain('… بايدن، الأربعاء، إن مساعي اليابان لعقد قمة مع كوريا …');
    for (const c of await contexts.all()) {
      expect(await c.getAttribute('dir')).toBe('rtl');
      expect(await c.locator('mark').textContent()).toBe('اليابان');
    }
    await page.locator('.side-panel').screenshot({ path: join(shots, 'working-day-entity-context.png') });
  });

  it('shows the corpus’s progress as charts under the strict CSP (a screenshot)', async () => {
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.getByRole('button', { name: 'Progress…' }).click();
    const view = page.getByTestId('progress-view');
    await view.locator('svg').first().waitFor();
    expect(await view.locator('svg').count()).toBe(3);
    expect(await view.locator('svg').first().getAttribute('aria-label')).toBe(
      'Documents per status over time: 4 done, 1 in progress, 0 to do',
    );
    // The GPE row counts the entities tagged above (saved first).
    await expect
      .poll(() => view.locator('svg >> nth=1').locator('g[data-name="GPE"]').getAttribute('data-value'))
      .toBe('5');
    const box = await view.locator('svg').first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await view.screenshot({ path: join(shots, 'working-day-progress.png') });
    expect(refused).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => view.count()).toBe(0);
  });
});
