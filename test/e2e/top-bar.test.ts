// The top bar as an editor sees it, end to end: at the window sizes editors use (a 1,024 × 640 laptop, 1,400 × 900,
// 1,920 × 1,080), in English and in Arabic, every control of the bar is on screen, wide enough to be seen, and apart
// from the others; the appearance menu opens over the side panel, where a click reaches it. `tahrir serve` on a temp
// copy of seeds/, Debian's Chromium; screenshots in test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';

let session: EditorSession;
let page: Page;

interface Control {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The top bar's controls as drawn: every button, select and summary shown (not inside a closed menu). */
async function controls(): Promise<Control[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.top-bar button, .top-bar select, .top-bar summary')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const name = e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '';
        return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
  );
}

/** What is wrong with the bar at this size: controls off screen, squeezed to nothing, or drawn over another. */
async function faults(): Promise<string[]> {
  const width = page.viewportSize()!.width;
  const shown = await controls();
  const out: string[] = [];
  for (const c of shown) {
    if (c.left < 0 || c.right > width) out.push(`${c.name} off screen (${Math.round(c.left)}–${Math.round(c.right)})`);
    if (c.right - c.left < 12) out.push(`${c.name} squeezed to ${Math.round(c.right - c.left)} px`);
  }
  for (const [i, a] of shown.entries())
    for (const b of shown.slice(i + 1)) {
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > 1 && down > 1) out.push(`${a.name} over ${b.name} by ${Math.round(across)} px`);
    }
  return out;
}

describe.skipIf(!haveChromium)('the top bar in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'top-bar' });
    ({ page } = session);
    await harness.openDocumentIn(page, SAMPLE);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('opens the appearance menu over the side panel, where a click reaches its choices', async () => {
    await page.locator('[data-testid="appearance"] summary').click();
    // The bar and the side panel are each a paint layer (isolation); the side panel, later in the page, was drawn over
    // the menu, which showed only its top edge, and a click on a choice reached the side panel instead.
    const onTop = await page.evaluate(() => {
      const select = document.querySelector('[data-testid="theme-select"]')!;
      const r = select.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === select;
    });
    await page.screenshot({ path: join(shots, 'appearance-menu.png') });
    expect(onTop).toBe(true);
    await page.locator('[data-testid="theme-select"]').selectOption('dark', { timeout: 5_000 });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.locator('[data-testid="theme-select"]').selectOption('system');
    await page.locator('[data-testid="appearance"] summary').click();
  });

  it('closes the appearance menu and the suggestion sources on Escape and on a press elsewhere, as menus', async () => {
    const isOpen = (testid: string) =>
      page.evaluate((sel) => (document.querySelector(sel) as HTMLDetailsElement).open, testid);
    const appearance = '[data-testid="appearance"]';
    await page.locator(`${appearance} summary`).click();
    await page.locator('[data-testid="theme-select"]').focus();
    await page.keyboard.press('Escape');
    // Left to <details>, both stayed open over the text (across documents, under dialogs) until clicked again.
    expect(await isOpen(appearance)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('appearance-summary'))).toBe(true);
    await page.locator(`${appearance} summary`).click();
    expect(await isOpen(appearance)).toBe(true);
    const sources = '[data-testid="suggestion-bar"] details';
    await page.locator(`${sources} summary`).click();
    expect(await isOpen(sources)).toBe(true);
    expect(await isOpen(appearance)).toBe(false); // the press on the other's summary was elsewhere
    const box = (await page.locator('[data-para]').first().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await isOpen(sources)).toBe(false);
  });

  it('keeps the workspace tools behind one button in a narrow window, by mouse and by keyboard', async () => {
    await page.setViewportSize({ width: 1024, height: 640 });
    const exportButton = page.locator('[data-testid="open-export"]');
    await expect.poll(() => exportButton.isVisible()).toBe(false);
    await page.locator('[data-testid="workspace-menu"]').click();
    expect(await page.locator('[data-testid="workspace-menu"]').getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: join(shots, 'workspace-menu-1024.png') });
    await exportButton.click();
    await page.waitForSelector('[data-testid="export-format"]');
    expect(await exportButton.isVisible()).toBe(false); // the menu closed as the tool opened
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="export-format"]', { state: 'detached' });
    // By keyboard: Enter opens it, Tab reaches the first tool, Escape closes it and gives the focus back.
    await page.locator('[data-testid="workspace-menu"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="open-site-templates"]').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-site-templates');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="open-site-templates"]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('workspace-menu');
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(await exportButton.isVisible()).toBe(true);
  });

  it('shows every control on screen and apart from the others at 1,024, 1,400 and 1,920 px, in English and Arabic', async () => {
    const found: string[] = [];
    for (const locale of ['en', 'ar']) {
      if (locale === 'ar') await page.locator('[data-testid="language-switch"]').selectOption('ar');
      for (const [width, height] of [
        [1024, 640],
        [1400, 900],
        [1920, 1080],
      ]) {
        await page.setViewportSize({ width, height });
        await page.waitForFunction((w) => document.documentElement.clientWidth === w, width);
        await page.screenshot({ path: join(shots, `top-bar-${locale}-${width}.png`) });
        // The clean / source switch and the status are the document's: they were squeezed to nothing under 1,920 px.
        for (const testid of ['status-select', 'undo', 'language-switch', 'open-shortcuts'])
          expect(await page.locator(`[data-testid="${testid}"]`).isVisible(), `${testid} ${locale} ${width}`).toBe(
            true,
          );
        found.push(...(await faults()).map((f) => `${locale} ${width}: ${f}`));
      }
    }
    await page.locator('[data-testid="language-switch"]').selectOption('en');
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(found).toEqual([]);
  });
});
