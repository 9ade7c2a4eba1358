// The Arabic interface end to end (issue 19): the language switch, the chrome mirrored (panels
// swap sides, text runs right to left; the article keeps its own per-paragraph direction), the
// shortcut sheet in Arabic, the choice remembered, the system's language chosen at first start,
// and shortcuts on the same physical keys with an Arabic layout (key 'ض', code 'KeyQ').
// `tahrir serve` on a temp copy of seeds/, Debian's Chromium; screenshots into test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, SAMPLE, shots, type EditorSession } from './harness';
import { chromium } from 'playwright-core';
import { words } from '../helpers/isolated';

const ENGLISH = '004_4222fc5ff515d8db';
let session: EditorSession;
let page: Page;

/** Where the main regions are, and the page's direction. */
async function layout(): Promise<{ dir: string; lang: string; list: number; side: number; text: number }> {
  return page.evaluate(() => {
    const x = (selector: string): number => document.querySelector(selector)!.getBoundingClientRect().left;
    return {
      dir: getComputedStyle(document.querySelector('.top-bar')!).direction,
      lang: document.documentElement.lang,
      list: x('.document-list'),
      side: x('.side-panel'),
      text: x('.document-pane'),
    };
  });
}

/** A key press as an Arabic keyboard layout sends it: the Arabic character, the physical key's code. */
async function pressArabic(
  key: string,
  code: string,
  modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    ({ key, code, modifiers }) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, code, ...modifiers, bubbles: true, cancelable: true }));
    },
    { key, code, modifiers },
  );
}

/** A number of a list title as the page lays it out: its box (where the row shows it or would) and the row's title. */
interface TitleNumber {
  title: string;
  number: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The title's box: what is outside is cut off. */
  boxLeft: number;
  boxRight: number;
}

/**
 * The numbers the list shows cut, with how much of each is painted: every number of every title is lit in a colour of
 * its own (a CSS highlight, painted only where its glyphs are), the page is screenshot, and the lit columns counted. A
 * number painted whole or not at all is fine; one painted in part ("2025" cut to "5" by the ellipsis) is not.
 */
async function numbersCut(): Promise<{ seen: TitleNumber[]; cut: string[] }> {
  const seen = await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('::highlight(probe-number) { color: rgb(255, 0, 0); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const ranges: Range[] = [];
    const out: TitleNumber[] = [];
    for (const title of document.querySelectorAll('.document-title')) {
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const text = nodes.map((n) => n.data).join('');
      const pointAt = (unit: number): [Text, number] => {
        let before = 0;
        for (const n of nodes) {
          if (unit <= before + n.data.length) return [n, unit - before];
          before += n.data.length;
        }
        throw new Error(`no text at ${unit}`);
      };
      const box = title.getBoundingClientRect();
      for (const m of text.matchAll(/[0-9]+(?:[.,:][0-9]+)*/g)) {
        const range = document.createRange();
        range.setStart(...pointAt(m.index));
        range.setEnd(...pointAt(m.index + m[0].length));
        ranges.push(range);
        const r = range.getBoundingClientRect();
        out.push({
          title: text,
          number: m[0],
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
          boxLeft: box.left,
          boxRight: box.right,
        });
      }
    }
    CSS.highlights.set('probe-number', new Highlight(...ranges));
    return out;
  });
  const png = await page.screenshot();
  const lit = await page.evaluate(
    async ({ data, seen }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      CSS.highlights.delete('probe-number');
      return seen.map((n) => {
        const left = Math.floor(Math.max(n.left, n.boxLeft));
        const right = Math.ceil(Math.min(n.right, n.boxRight));
        if (right <= left) return 0;
        const width = right - left;
        const pixels = context.getImageData(left, Math.floor(n.top), width, Math.ceil(n.bottom - n.top)).data;
        let first = Infinity;
        let last = -Infinity;
        for (let i = 0; i < pixels.length; i += 4)
          if (pixels[i] > 150 && pixels[i] - pixels[i + 1] > 90 && pixels[i] - pixels[i + 2] > 90) {
            const x = (i / 4) % width;
            first = Math.min(first, x);
            last = Math.max(last, x);
          }
        return last < first ? 0 : last - first + 1;
      });
    },
    { data: png.toString('base64'), seen },
  );
  const cut = seen
    .map((n, i) => ({ n, lit: lit[i], width: n.right - n.left }))
    .filter(({ lit, width }) => lit > 0 && lit < width * 0.8)
    .map(({ n, lit, width }) => `${n.number} of "${n.title}": ${lit} of ${Math.round(width)} px painted`);
  return { seen, cut };
}

describe.skipIf(!haveChromium)('the Arabic interface in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'arabic-ui' });
    ({ page } = session);
    await harness.openDocumentIn(page, SAMPLE);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('opens in the system’s language (English here), left to right', async () => {
    const before = await layout();
    expect(before).toMatchObject({ dir: 'ltr', lang: 'en' });
    expect(before.list).toBeLessThan(before.text);
    expect(before.text).toBeLessThan(before.side);
    await expect.poll(() => page.locator('[data-testid="open-export"]').textContent()).toBe('Export…');
  });

  it('switches to Arabic: every region mirrored, the words Arabic, the article’s paragraphs keeping their own direction', async () => {
    await page.locator('[data-testid="language-switch"]').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const after = await layout();
    expect(after).toMatchObject({ dir: 'rtl', lang: 'ar' });
    // The list is now at the right edge, the side panel at the left.
    expect(after.list).toBeGreaterThan(after.text);
    expect(after.text).toBeGreaterThan(after.side);
    expect(await page.locator('[data-testid="open-export"]').textContent()).toBe('تصدير…');
    expect(await page.locator('[data-testid="progress"]').textContent()).toMatch(/^أُنجز \d+ من \d+$/);
    expect(await page.locator('.document-list').getAttribute('aria-label')).toBe('المستندات');
    // The undo arrow points the other way.
    const flipped = await page.evaluate(
      () => getComputedStyle(document.querySelector('.top-bar .directional')!).transform,
    );
    expect(flipped).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await page.screenshot({ path: join(shots, 'arabic-interface.png') });

    // An English article in the Arabic interface still runs left to right, paragraph by paragraph.
    await harness.openDocumentIn(page, ENGLISH);
    const directions = await page.evaluate(() =>
      [...document.querySelectorAll('[data-para]')].slice(0, 4).map((p) => getComputedStyle(p).direction),
    );
    expect(directions).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
    await page.screenshot({ path: join(shots, 'arabic-interface-english-article.png') });
    await harness.openDocumentIn(page, SAMPLE);
  });

  it('keeps a number whole where the list cuts a title, the ellipsis at the title’s end', async () => {
    // "أوبك+ تمدد خفض الإنتاج حتى نهاية 2025.." was shown "…نهاية 5": the ellipsis cut the number at the title's end.
    const { seen, cut } = await numbersCut();
    await page.screenshot({ path: join(shots, 'arabic-interface-list-titles.png') });
    expect(seen.map((n) => n.number)).toContain('2025');
    expect(cut).toEqual([]);
    // The ellipsis at the end of each title as it reads: the left of an Arabic one, the right of an English one.
    const ends = await page.evaluate(() =>
      [...document.querySelectorAll('.document-title')].map((t) => getComputedStyle(t).direction),
    );
    expect(ends).toContain('rtl');
    expect(ends).toContain('ltr');
  });

  it('shows the shortcut sheet in Arabic, mirrored, opened by ؟ (Shift + / on an Arabic layout)', async () => {
    await page.locator('[data-testid="document-text"]').focus();
    await pressArabic('؟', 'Slash', { shiftKey: true });
    const sheet = page.locator('.shortcut-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('h2').textContent()).toBe('اختصارات لوحة المفاتيح');
    expect(await sheet.getAttribute('aria-label')).toBe('اختصارات لوحة المفاتيح');
    const row = await page.evaluate(() => {
      const tr = [...document.querySelectorAll('.shortcut-sheet tr')].find(
        (r) => r.querySelector('kbd')?.textContent === 'Q',
      )!;
      return {
        what: tr.querySelector('td')!.textContent,
        keysX: tr.querySelector('th')!.getBoundingClientRect().left,
        whatX: tr.querySelector('td')!.getBoundingClientRect().left,
        direction: getComputedStyle(tr).direction,
      };
    });
    expect(row.what).toBe('تعليم التحديد اقتباسًا');
    expect(row.direction).toBe('rtl');
    expect(row.keysX).toBeGreaterThan(row.whatX); // the keys column is on the right
    await page.screenshot({ path: join(shots, 'arabic-shortcut-sheet.png') });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
  });

  it('shows the dialogs, the cleanup tab and the label bar in Arabic, mirrored (screenshots)', async () => {
    const dialogs: [string, string, string][] = [
      ['[data-testid="open-export"]', '[data-testid="export-dialog"]', 'تصدير مجموعة بيانات'],
      ['.top-bar button:has-text("استيراد…")', '[data-testid="import-dialog"]', 'استيراد توسيمات مسبقة'],
      ['.top-bar button:has-text("التقدم…")', '[data-testid="progress-view"]', 'المستندات حسب الحالة عبر الزمن'],
      ['.top-bar button:has-text("قوالب المواقع…")', '[data-testid="corpus-cleanup"]', 'قوالب المواقع'],
    ];
    for (const [open, dialog, words] of dialogs) {
      await page.locator(open).first().click();
      const shown = page.locator(dialog);
      await expect.poll(() => shown.textContent(), { timeout: 15_000 }).toContain(words);
      expect(await shown.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      // No English sentence left in the dialog, the charts' words included (format and file names aside).
      expect(await shown.textContent()).not.toMatch(
        /\b(the|and|of|Close|Cancel|Choose|documents?|done|to do|in progress|none yet)\b/,
      );
      await page.screenshot({ path: join(shots, `arabic-${dialog.replace(/\W+/g, ' ').trim().split(' ').pop()}.png`) });
      await page.keyboard.press('Escape');
      await expect.poll(() => shown.count()).toBe(0);
    }
    await page.locator('.tabs [role="tab"]').nth(2).click();
    await expect.poll(() => page.locator('[data-testid="cleanup-panel"]').textContent()).toContain('تعديل يدوي');
    await page.screenshot({ path: join(shots, 'arabic-cleanup-tab.png') });
    // The rules' descriptions in Arabic: the back end sends each as a message (they were English sentences).
    const described = page.locator('[data-testid="cleanup-panel"] .rule-description');
    await expect.poll(() => described.count(), { timeout: 15_000 }).toBeGreaterThan(2);
    const descriptions = await described.allTextContents();
    expect(descriptions).toContain('سطر تاريخ النشر أو التحديث (تاريخ ووقت ويوم من الأسبوع وعنوان فقط).');
    expect(descriptions).toContain('سطر يذكر المصدر أو الوكالة (“المصدر: …”، “وكالات”).');
    for (const d of descriptions) {
      expect(d).toMatch(/\p{Script=Arabic}{3}/u);
      expect(d, d).not.toMatch(/\b[a-z]{2,}\b/);
    }
    expect(await described.first().evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page
      .locator('[data-testid="cleanup-panel"] .suggestion-group[data-rule="source-line"]')
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'arabic-cleanup-review.png') });
    // The suggestion bar's count of quote suggestions says "quote" in Arabic too.
    const chips = page.locator('[data-testid="suggestion-bar"] .review-labels');
    await expect.poll(() => chips.textContent(), { timeout: 15_000 }).toMatch(/اقتباس \d+/);
    expect(await chips.textContent()).not.toMatch(/quote/);
    // The label bar reads right to left: the left arrow moves to the next label.
    const bar = page.locator('[data-testid="label-bar"] button');
    await bar.first().focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-label'))).toBe(
      await bar.nth(1).getAttribute('data-label'),
    );
    expect(await bar.first().getAttribute('title')).toMatch(/^وسم النص المحدد بـ/);
  });

  it('runs a shortcut pressed with an Arabic layout (ض on the Q key marks a quote), and hints in Arabic', async () => {
    // Nothing selected: the hint, in Arabic.
    await page.locator('[data-testid="document-text"]').focus();
    await pressArabic('ض', 'KeyQ');
    await expect
      .poll(async () => words(await page.locator('.toast').textContent()))
      .toContain('حدّد نص الاقتباس أولًا، ثم اضغط Q.');
    const quotes = () => page.locator('.tabs [role="tab"]').nth(1).locator('.count').textContent();
    const before = Number(await quotes());
    // The quote's text selected (as a drag would leave it) inside its paragraph.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('[data-para]')].find((el) => el.textContent!.includes('أمر جيد'))!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode()!;
      const text = node.textContent!;
      const range = new Range();
      range.setStart(node, text.indexOf('مساعي اليابان'));
      range.setEnd(node, text.indexOf('أمر جيد') + 'أمر جيد'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await pressArabic('ض', 'KeyQ');
    await expect.poll(async () => Number(await quotes())).toBe(before + 1);
    // On disk (the indicator's "saved" may still be the one from before the key, for a frame or two).
    await expect
      .poll(async () => (await harness.readSidecar(session.root, SAMPLE).catch(() => null))?.quotes.length, {
        timeout: 15_000,
      })
      .toBe(before + 1);
    await harness.waitSaved(page);
  });

  it('remembers the choice across a reload', async () => {
    await page.reload();
    await page.waitForSelector('[data-para]');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await page.locator('[data-testid="language-switch"]').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.locator('[data-testid="open-export"]').textContent()).toBe('Export…');
  });

  it('opens in Arabic on a system whose language is Arabic', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--lang=ar-EG'] });
    try {
      const arabic = await browser.newPage({ locale: 'ar-EG', viewport: { width: 1400, height: 900 } });
      await arabic.goto(session.server.url);
      await arabic.waitForSelector('[data-testid="open-export"]');
      expect(await arabic.evaluate(() => [navigator.language, document.documentElement.dir])).toEqual(['ar-EG', 'rtl']);
      expect(await arabic.locator('[data-testid="open-export"]').textContent()).toBe('تصدير…');
    } finally {
      await browser.close();
    }
  });
});
