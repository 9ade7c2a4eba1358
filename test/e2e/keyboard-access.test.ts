// Keyboard access end to end (issue 19's defects): focus can leave the text both ways and reach
// every region, the text shows where focus is, no shortcut edits without a visible target, one
// short-lived hint for every command that needs a selection, and the shortcut sheet opens at its
// top and gives focus back. `tahrir serve` on a temp copy of seeds/, Debian's Chromium.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';

let session: EditorSession;
let page: Page;

/** Which region holds the focus: the landmark or named part of the page the focused element is in. */
async function focusedRegion(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.closest('[data-testid="document-text"]')) return 'text';
    if (el.closest('.side-panel')) return 'side-panel';
    if (el.closest('.document-list')) return 'document-list';
    if (el.closest('.top-bar')) return 'top-bar';
    if (el.closest('.document-pane')) return 'document-pane';
    return el.tagName;
  });
}

/** Presses `key` until the focus is in `region` (at most `max` presses); the regions passed on the way. */
async function tabTo(key: 'Tab' | 'Shift+Tab', region: string, max = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const r = await focusedRegion();
    if (seen[seen.length - 1] !== r) seen.push(r);
    if (r === region) return seen;
  }
  throw new Error(`${key} never reached ${region}; passed ${seen.join(' → ')}`);
}

describe.skipIf(!haveChromium)('keyboard access in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'keyboard' });
    ({ page } = session);
    await harness.openDocumentIn(page, SAMPLE);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('Tab goes round every region and back: into the text, out of it to the side panel, Shift+Tab back through the text to the list', async () => {
    await page.locator(`[data-doc-id="${SAMPLE}"]`).focus();
    expect(await focusedRegion()).toBe('document-list');
    await tabTo('Tab', 'text');
    // WCAG 2.4.7: the focused text shows a ring.
    const ring = await page.evaluate(() => {
      const cs = getComputedStyle(document.querySelector('[data-testid="document-text"]')!);
      return {
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
        shadow: cs.boxShadow !== 'none',
      };
    });
    expect(ring.outline || ring.shadow).toBe(true);
    await page.screenshot({ path: join(shots, 'keyboard-focus-ring.png') });
    // WCAG 2.1.2: Tab leaves the text, on to the side panel.
    await tabTo('Tab', 'side-panel', 3);
    // Shift+Tab comes back into the text, and out of it the other way.
    await tabTo('Shift+Tab', 'text', 3);
    const back = await tabTo('Shift+Tab', 'document-list', 20);
    expect(back[back.length - 1]).toBe('document-list');
    // Round the page: from the list forward through the text and the side panel to the top bar again.
    const round = await tabTo('Tab', 'top-bar', 200);
    expect(round).toContain('text');
    expect(round).toContain('side-panel');
  });

  it('Ctrl+Shift+Space after tabbing into the text (no caret placed) changes nothing and says why; at a clicked caret it inserts one space, undoably', async () => {
    const before = await harness.renderedText(page);
    await page.locator(`[data-doc-id="${SAMPLE}"]`).focus();
    await tabTo('Tab', 'text');
    await page.keyboard.press('Control+Shift+Space');
    await page.waitForSelector('.toast', { timeout: 10_000 });
    expect(await page.locator('.toast').textContent()).toMatch(/Click where the space goes/);
    expect(await harness.renderedText(page)).toBe(before);
    expect(await page.locator('[aria-label="Undo"]').isDisabled()).toBe(true);
    // A caret the user put there: the space goes in, says so, and Ctrl+Z takes it out.
    const at = await harness.pointIn(page, 'مساعي', 2);
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('Control+Shift+Space');
    await page.waitForFunction(
      () => document.querySelector('.toast')?.textContent?.includes('Inserted a space'),
      null,
      { timeout: 10_000 },
    );
    const after = await harness.renderedText(page);
    expect(Array.from(after).length).toBe(Array.from(before).length + 1);
    expect(after).not.toBe(before);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (t) => [...document.querySelectorAll('[data-para]')].map((p) => p.textContent ?? '').join('\n') === t,
      before,
      { timeout: 10_000 },
    );
  });

  it('with nothing selected, 1–7, Q, S, K, L, A and Delete each say what they need in the same short message, gone in a moment or at the next command', async () => {
    // The toast's words (without its × button), once they are `expected` or after 10 s (a loaded machine's frames
    // come late; the wait ends as soon as they are there).
    const toast = async (expected: string): Promise<string | null> => {
      // Its words: the keys and labels in it are isolated (FSI … PDI), as every value in a message.
      const said = () =>
        page.evaluate(
          () => document.querySelector('.toast')?.firstChild?.textContent?.replace(/[\u2066-\u2069]/g, '') ?? null,
        );
      await page
        .waitForFunction(
          (t) => document.querySelector('.toast')?.firstChild?.textContent?.replace(/[\u2066-\u2069]/g, '') === t,
          expected,
          { timeout: 10_000 },
        )
        .catch(() => undefined);
      return said();
    };
    // A click on plain text: no selection, no span selected.
    const at = await harness.pointIn(page, 'مساعي', 2);
    await page.mouse.click(at.x, at.y);
    const expected: Record<string, string> = {
      '1': 'Select text first, then press 1 (PERSON).',
      '3': 'Select text first, then press 3 (GPE).',
      q: 'Select the quote’s text first, then press Q.',
      s: 'Select a quote first, then press S.',
      k: 'Select a quote first, then press K.',
      l: 'Select an entity first, then press L.',
      a: 'Select an entity first, then press A.',
      Delete: 'Select an entity or a quote first, then press Delete.',
    };
    const said: Record<string, string | null> = {};
    for (const key of Object.keys(expected)) {
      await page.keyboard.press(key);
      said[key] = await toast(expected[key]);
    }
    expect(said).toEqual(expected);
    // Short-lived: gone by itself without a key (after about two seconds: 10 s allowed for a loaded machine's timers).
    await page.waitForSelector('.toast', { state: 'detached', timeout: 10_000 });
    // And a command that does run takes an earlier hint away at once.
    await page.keyboard.press('q');
    await page.waitForSelector('.toast');
    await page.keyboard.press('t'); // toggles the view: a command that needs no selection
    expect(await page.locator('.toast').count()).toBe(0);
    await page.keyboard.press('t');
  });

  it('the document list is one Tab stop: Tab from the filter reaches the label bar next; the arrows move between rows', async () => {
    // On main every row was a Tab stop: the 5 documents here (30 in a big workspace) stood between filter and text.
    const focusedRow = () => page.evaluate(() => document.activeElement?.getAttribute('data-doc-id') ?? null);
    await page.getByLabel('Filter documents').focus();
    await page.keyboard.press('Tab');
    expect(await focusedRow()).toBe(SAMPLE);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="label-bar"]') !== null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedRow()).toBe(SAMPLE);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe('001_c45525185d8883c3');
    await page.keyboard.press('End');
    expect(await focusedRow()).toBe('004_4222fc5ff515d8db');
    await page.screenshot({ path: join(shots, 'document-list-keyboard-focus.png') });
    await page.keyboard.press('Home');
    expect(await focusedRow()).toBe(SAMPLE);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="document-text"]')
        ?.getAttribute('aria-label')
        ?.includes('001_c45525185d8883c3'),
    );
    // The current document is the list's Tab stop now.
    const stops = await page.evaluate(() =>
      [...document.querySelectorAll('.document-item')]
        .filter((b) => b.getAttribute('tabindex') === '0')
        .map((b) => b.getAttribute('data-doc-id')),
    );
    expect(stops).toEqual(['001_c45525185d8883c3']);
    await harness.openDocumentIn(page, SAMPLE);
  });

  it('Escape closes the export dialog, the Workspace menu’s dialogs and the annotator’s name, the focus back where it was', async () => {
    // On main the focus was left on the page's body each time: the next Tab started over from the top bar.
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (el?.closest('[data-testid="document-text"]')) return 'text';
        return el?.getAttribute('data-testid') ?? el?.className ?? null;
      });
    const dialog = page.locator('[role="dialog"]');
    // Ctrl+E from the text.
    const at = await harness.pointIn(page, 'مساعي', 2);
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('Control+e');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The focus goes back in a task after the dialog is gone (so the closing key cannot click what it lands on).
    await expect.poll(focused).toBe('text');
    // From the Workspace menu (under 1,400 px): its Export… button is hidden once the menu closes, so its toggle.
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await page.locator('.workspace-menu-toggle').focus();
      await page.keyboard.press('Enter');
      await page.locator('.workspace-tools button', { hasText: 'Export…' }).focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(focused).toBe('workspace-menu');
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    // The annotator's name: Escape leaves it as it was, Enter keeps the new one; the focus back on its button.
    const before = await page.locator('[data-testid="annotator"] bdi').textContent();
    await page.locator('[data-testid="annotator"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('someone else');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('annotator');
    expect(await page.locator('[data-testid="annotator"] bdi').textContent()).toBe(before);
    await page.screenshot({ path: join(shots, 'annotator-focus-back.png') });
  });

  it('the shortcut sheet opens at its top at 900 and 700 px heights, and closing it gives the focus back where it was', async () => {
    for (const height of [900, 700]) {
      await page.setViewportSize({ width: 1400, height });
      // Opened by ? from the text: Escape gives the text its focus back.
      const at = await harness.pointIn(page, 'مساعي', 2);
      await page.mouse.click(at.x, at.y);
      await page.keyboard.press('?');
      const sheet = page.locator('.shortcut-sheet');
      await sheet.waitFor();
      const scroll = await sheet.evaluate((el) => ({ top: el.scrollTop, scrolls: el.scrollHeight > el.clientHeight }));
      expect(scroll.scrolls, `the sheet scrolls at ${height} px`).toBe(true);
      expect(scroll.top, `scrolled at ${height} px`).toBe(0);
      expect(await page.evaluate(() => !!document.activeElement?.closest('.shortcut-sheet'))).toBe(true);
      await page.screenshot({ path: join(shots, `shortcut-sheet-${height}.png`) });
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
      expect(await focusedRegion()).toBe('text');
      // Opened by the ? button: its Close button gives the focus back to it.
      await page.locator('button[aria-label="Keyboard shortcuts"]').click();
      await sheet.waitFor();
      expect(await sheet.evaluate((el) => el.scrollTop)).toBe(0);
      await page.locator('.shortcut-sheet button', { hasText: 'Close' }).click();
      await sheet.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Keyboard shortcuts');
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });
});
