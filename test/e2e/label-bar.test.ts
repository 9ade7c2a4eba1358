// The label bar, the live region and the themes, end to end: a click on a label tags the selection
// as its digit would (focus and selection stay in the text), the live region says what each edit
// did, and dark mode and high contrast paint the page and the highlights as the palette test
// checked them. `tahrir serve` on a temp copy of seeds/, Debian's Chromium; screenshots in test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio, type Rgb } from '../../shared/color-vision';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

let session: EditorSession;
let page: Page;

/** What the live region says, its words (the values in it are isolated, FSI … PDI). */
const announced = async (): Promise<string> =>
  words(await page.evaluate(() => (document.querySelector('[data-testid="announcer"]')?.textContent ?? '').trim()));

/** The entities of the open document as the side panel lists them: label → texts. */
async function listed(): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const group of document.querySelectorAll('.span-group')) {
      out[group.getAttribute('aria-label') ?? ''] = [...group.querySelectorAll('.span-item bdi')].map(
        (b) => b.textContent ?? '',
      );
    }
    return out;
  });
}

/** A CSS colour as the page computes it, as sRGB 0–255 (the page resolves color-mix and light-dark). */
async function computed(selector: string, property: 'color' | 'backgroundColor'): Promise<Rgb> {
  return page.evaluate(
    ({ selector, property }) => {
      const c = getComputedStyle(document.querySelector(selector)!)[property];
      // Chromium gives rgb(), rgba() or color(srgb r g b / a) for a color-mix.
      const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(c);
      if (srgb)
        return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255] as [number, number, number];
      const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)/.exec(c)!;
      return [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number];
    },
    { selector, property },
  );
}

describe.skipIf(!haveChromium)('label bar, live region and themes in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'label-bar' });
    ({ page } = session);
    await harness.openDocumentIn(page, SAMPLE);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows every label with its key and colour, and a click on one tags the selected words, the focus staying in the text', async () => {
    const bar = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="label-bar"] button')].map((b) => ({
        name: b.getAttribute('data-label'),
        key: b.querySelector('kbd')?.textContent,
        swatch: getComputedStyle(b.querySelector('.label-swatch')!).backgroundColor,
      })),
    );
    expect(bar.map((b) => `${b.key} ${b.name}`)).toEqual([
      '1 PERSON',
      '2 ORG',
      '3 GPE',
      '4 LOC',
      '5 DATE',
      '6 EVENT',
      '7 MISC',
    ]);
    expect(new Set(bar.map((b) => b.swatch)).size).toBe(7);
    // Drag from inside جو to inside بايدن (it snaps to the words), then click PERSON.
    await harness.drag(page, await harness.pointIn(page, 'جو بايدن', 0), await harness.pointIn(page, 'جو بايدن', 6));
    await page.locator('[data-label="PERSON"]').click();
    await expect.poll(listed).toEqual({ PERSON: ['جو بايدن'] });
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="document-text"]') !== null)).toBe(
      true,
    );
    // The new entity is selected: its label shows pressed in the bar, and a click on another label relabels it.
    await expect.poll(() => page.locator('[data-label="PERSON"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-label="ORG"]').click();
    await expect.poll(listed).toEqual({ ORG: ['جو بايدن'] });
    await expect.poll(announced).toBe('relabelled جو بايدن as PERSON'.replace('PERSON', 'ORG'));
    // With nothing selected, a click says what it needs, as the digit does.
    await page.keyboard.press('Escape');
    const at = await harness.pointIn(page, 'مساعي', 2);
    await page.mouse.click(at.x, at.y);
    await page.locator('[data-label="GPE"]').click();
    await page.waitForFunction(() => document.querySelector('.toast')?.textContent?.includes('Select text first'));
    await page.screenshot({ path: join(shots, 'label-bar.png') });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(listed).toEqual({});
  });

  it('at 1,024 × 640 keeps every label on one row, and the suggestion bar’s keys whole under it, in both languages', async () => {
    await page.setViewportSize({ width: 1024, height: 640 });
    try {
      for (const locale of ['en', 'ar']) {
        await page.locator('[data-testid="language-switch"]').selectOption(locale);
        await expect.poll(() => page.locator('.review-hint kbd').count()).toBe(3);
        const bar = await page.evaluate(() => {
          const box = (e: Element) => e.getBoundingClientRect();
          const rows = new Set([...document.querySelectorAll('.label-bar-button')].map((b) => Math.round(box(b).top)));
          // Every line of the hint's words inside its row: it ran past the row's end, "accept as that label" cut.
          const hint = document.querySelector('.review-hint')!;
          const range = document.createRange();
          range.selectNodeContents(hint);
          const row = box(hint);
          const outside = [...range.getClientRects()]
            .filter((r) => r.width > 0)
            .filter((r) => r.left < row.left - 0.5 || r.right > row.right + 0.5 || r.bottom > row.bottom + 0.5)
            .map((r) => `${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}`);
          return { labelRows: rows.size, hintOutside: outside };
        });
        await page.screenshot({ path: join(shots, `label-bar-1024-${locale}.png`) });
        // On main: the labels on two rows, and the hint past its row by 71 px.
        expect(bar, locale).toEqual({ labelRows: 1, hintOutside: [] });
      }
    } finally {
      await page.locator('[data-testid="language-switch"]').selectOption('en');
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('the label bar is one Tab stop whose arrows move between labels; Enter on a label tags the text selected before', async () => {
    await harness.drag(page, await harness.pointIn(page, 'اليابان', 1), await harness.pointIn(page, 'اليابان', 4));
    await page.locator('[data-label="PERSON"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-label'))).toBe('GPE');
    const tabbable = await page.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid="label-bar"] button')].filter(
          (b) => b.getAttribute('tabindex') === '0',
        ).length,
    );
    expect(tabbable).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(listed).toEqual({ GPE: ['اليابان'] });
    await expect.poll(announced).toBe('tagged GPE اليابان');
    await page.screenshot({ path: join(shots, 'label-bar-keyboard-focus.png') });
    await page.keyboard.press('Control+z');
    await expect.poll(listed).toEqual({});
  });

  it('the live region says what each edit did: tagged, deleted, undone, redone', async () => {
    const region = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="announcer"]')!;
      return { role: el.getAttribute('role'), live: el.getAttribute('aria-live') };
    });
    expect(region).toEqual({ role: 'status', live: 'polite' });
    await harness.drag(page, await harness.pointIn(page, 'جو بايدن', 0), await harness.pointIn(page, 'جو بايدن', 6));
    await page.keyboard.press('1');
    await expect.poll(announced).toBe('tagged PERSON جو بايدن');
    await page.keyboard.press('Delete');
    await expect.poll(announced).toBe('deleted PERSON جو بايدن');
    await page.keyboard.press('Control+z');
    await expect.poll(announced).toBe('undone: deleted PERSON جو بايدن');
    await page.keyboard.press('Control+z');
    await expect.poll(announced).toBe('undone: tagged PERSON جو بايدن');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(announced).toBe('redone: tagged PERSON جو بايدن');
    await page.keyboard.press('Control+z');
    await expect.poll(listed).toEqual({});
  });

  it('dark mode follows the system and the setting; text on a highlight keeps 4.5:1', async () => {
    await harness.drag(page, await harness.pointIn(page, 'جو بايدن', 0), await harness.pointIn(page, 'جو بايدن', 6));
    await page.keyboard.press('1');
    await harness.drag(page, await harness.pointIn(page, 'اليابان', 1), await harness.pointIn(page, 'اليابان', 4));
    await page.keyboard.press('3');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const page_ = await computed('body', 'backgroundColor');
    const text = await computed('[data-testid="document-text"]', 'color');
    expect(contrastRatio(text, page_)).toBeGreaterThan(12);
    // The highlight as painted: read back from a probe with the same background as ::highlight(tahrir-label-0).
    const probe = async (label: number): Promise<Rgb> => {
      await page.evaluate((label) => {
        const rule = [...document.adoptedStyleSheets]
          .flatMap((s) => [...s.cssRules])
          .find((r) => r.cssText.startsWith(`::highlight(tahrir-label-${label})`)) as CSSStyleRule;
        const el = document.getElementById('probe') ?? document.body.appendChild(document.createElement('div'));
        el.id = 'probe';
        el.style.cssText = '';
        el.style.backgroundColor = rule.style.backgroundColor;
      }, label);
      return computed('#probe', 'backgroundColor');
    };
    for (const label of [0, 2]) expect(contrastRatio(text, await probe(label))).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(shots, 'dark-mode.png') });
    // The setting overrides the system: light while the system is dark.
    await page.locator('[data-testid="appearance"] summary').click();
    await page.locator('[data-testid="theme-select"]').selectOption('light');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const light = await computed('[data-testid="document-text"]', 'color');
    expect(contrastRatio(light, await probe(0))).toBeGreaterThanOrEqual(4.5);
    await page.locator('[data-testid="theme-select"]').selectOption('system');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.locator('[data-testid="appearance"] summary').click();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('high contrast: the setting, and the system’s prefers-contrast: more and forced colours', async () => {
    await page.emulateMedia({ contrast: 'more' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.contrast)).toBe('more');
    expect(await computed('body', 'backgroundColor')).toEqual([255, 255, 255]);
    expect(await computed('[data-testid="document-text"]', 'color')).toEqual([0, 0, 0]);
    await page.screenshot({ path: join(shots, 'high-contrast.png') });
    await page.emulateMedia({ contrast: 'no-preference', colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.contrast)).toBe('normal');
    // The setting, in the dark theme.
    await page.locator('[data-testid="appearance"] summary').click();
    await page.locator('[data-testid="contrast-select"]').selectOption('more');
    await page.locator('[data-testid="appearance"] summary').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.contrast)).toBe('more');
    expect(await computed('body', 'backgroundColor')).toEqual([0, 0, 0]);
    await page.screenshot({ path: join(shots, 'high-contrast-dark.png') });
    // Kept across a reload, and on <html> before the first paragraph is drawn (the early paint's, before app.js).
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-para]')) return;
        const html = document.documentElement.dataset;
        (window as unknown as { firstDrawn: string }).firstDrawn = `${html.theme} ${html.contrast}`;
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.waitForSelector('[data-para]');
    expect(await page.evaluate(() => (window as unknown as { firstDrawn: string }).firstDrawn)).toBe('dark more');
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('more');
    await page.locator('[data-testid="appearance"] summary').click();
    await page.locator('[data-testid="contrast-select"]').selectOption('system');
    await page.locator('[data-testid="appearance"] summary').click();
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.contrast)).toBe('more');
    await page.screenshot({ path: join(shots, 'forced-colors.png') });
    await page.emulateMedia({ forcedColors: 'none' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.contrast)).toBe('normal');
  });
});
