// A document whose sidecar cannot be read opens read-only (nothing is written until it is fixed). What an editor
// presses there says so, naming the document and the problem: a digit on selected words did nothing and said nothing,
// Y / X said "Move to a suggestion first" though the cursor might be on one, Delete asked for a selection and
// Ctrl+Backspace on selected words said nothing; the suggestion bar offered suggestions and their keys, though none
// can be accepted there. `tahrir serve` on a temp copy of seeds/, Debian's Chromium.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { drag, haveChromium, pointIn, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

let session: EditorSession;
let page: Page;

const notice = async (): Promise<string> => words((await page.locator('.toast').textContent()) ?? '');
/** The notice shown, '' when there is none. */
const shown = async (): Promise<string> => ((await page.locator('.toast').count()) > 0 ? notice() : '');
const READ_ONLY = /is open read-only: nothing in it can be changed/;

describe.skipIf(!haveChromium)('a read-only document in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'read-only',
      prepare: (root) => writeFile(join(root, `${SAMPLE}.annotations.json`), '{"version": 1, "document": {'),
    });
    ({ page } = session);
    await harness.openDocumentIn(page, SAMPLE);
    await page.waitForSelector('.save-state.read-only');
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the problem inside its row of the list, in English and Arabic', async () => {
    for (const locale of ['en', 'ar']) {
      await page.locator('[data-testid="language-switch"]').selectOption(locale);
      const outside = await page.evaluate((id) => {
        const row = document.querySelector(`[data-doc-id="${id}"]`)!.getBoundingClientRect();
        const problem = document.querySelector(`[data-doc-id="${id}"] .problem`) as HTMLElement;
        // Its lines (each fragment of text), not its box: a file name too long for the row overflowed the box.
        const range = document.createRange();
        range.selectNodeContents(problem);
        const seen = problem.getBoundingClientRect();
        return [...range.getClientRects()]
          .filter((r) => r.width > 0 && r.top < seen.bottom)
          .filter((r) => r.left < row.left || r.right > row.right || r.bottom > row.bottom + 0.5)
          .map((r) => `${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}`);
      }, SAMPLE);
      await page.screenshot({ path: join(shots, `read-only-list-${locale}.png`) });
      expect(outside, locale).toEqual([]);
    }
    await page.locator('[data-testid="language-switch"]').selectOption('en');
  });

  it('says why a digit on selected words tags nothing', async () => {
    await drag(page, await pointIn(page, 'بايدن', 1), await pointIn(page, 'بايدن', 3));
    await page.keyboard.press('1');
    await expect
      .poll(notice)
      .toMatch(new RegExp(`^${SAMPLE} is open read-only: nothing in it can be changed \\(.*JSON`));
    await page.screenshot({ path: join(shots, 'read-only-tag.png') });
    expect(await page.evaluate(() => document.querySelectorAll('.span-item').length)).toBe(0);
  });

  it('says why Y and X decide no suggestion', async () => {
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.locator('[data-testid="document-text"]').focus();
    await page.locator('.toast button').click();
    await page.keyboard.press('y');
    await expect.poll(notice).toMatch(/is open read-only: nothing in it can be changed/);
  });

  it('says why Delete removes nothing, and Ctrl+Backspace on selected words', async () => {
    await page.locator('.toast button').click();
    await page.locator('[data-testid="document-text"]').focus();
    await page.keyboard.press('Delete');
    // On main: "Select an entity or a quote first, then press Delete."
    await expect.poll(shown).toMatch(READ_ONLY);
    await page.locator('.toast button').click();
    await drag(page, await pointIn(page, 'بايدن', 0), await pointIn(page, 'بايدن', 4));
    await page.keyboard.press('Control+Backspace');
    // On main: nothing at all.
    await expect.poll(shown).toMatch(READ_ONLY);
    await page.locator('.toast button').click();
  });

  it('suggests nothing there, and says why instead of the keys that accept', async () => {
    const bar = page.locator('[data-testid="suggestion-bar"]');
    // On main it said "Looking for suggestions…", then "10 suggestions open", drew them and named N / Y / X.
    await expect.poll(async () => words((await bar.textContent()) ?? '')).toMatch(/Nothing is suggested: .*read-only/);
    await page.screenshot({ path: join(shots, 'read-only-suggestions.png') });
    expect(await bar.locator('kbd').count()).toBe(0);
    expect(await bar.getAttribute('data-state')).not.toBe('loading');
    const drawn = await page.evaluate(() =>
      ['tahrir-suggested-entity', 'tahrir-suggested-quote', 'tahrir-suggested-current'].map(
        (name) => CSS.highlights.get(name)?.size ?? 0,
      ),
    );
    expect(drawn).toEqual([0, 0, 0]);
  });
});
