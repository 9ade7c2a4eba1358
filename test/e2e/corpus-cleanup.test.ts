// Issue 16's cleanup in the app, end to end: `tahrir serve`, Chromium. A workspace holds four
// made-up articles of one site ("harbour") sharing a footer line (its edition number differs);
// the corpus cleanup view lists it with its count, "Remove everywhere" makes it a rule in
// tahrir.json and a suggestion in every document; then one document is reviewed by keyboard
// alone (next, reject, accept, the next document with suggestions) and its sidecar checked on disk.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  haveChromium,
  openDocumentIn,
  openEditor,
  readSidecar,
  renderedText,
  shots,
  waitSaved,
  type EditorSession,
} from './harness';
import { words } from '../helpers/isolated';

/** The site's footer: Arabic with a Latin name and a number inside (a mixed-direction line). */
const footer = (n: number) => `ميناء اليوم (Harbour Today) — الطبعة ${n} من النسخة الورقية`;
const HEADLINES = [
  'مجلس الميناء يقر ميزانية العام الجديد',
  'وصول أول سفينة حاويات إلى الرصيف الشمالي',
  'الصيادون يطالبون بمرسى جديد',
  'افتتاح سوق السمك بعد التجديد',
];
const SPEAKERS = ['سامر الحداد', 'ليلى منصور', 'Captain Rami Haddad', 'نادر العلي'];
const PLACES = ['الرصيف الشمالي', 'المرسى القديم', 'سوق السمك', 'البوابة الشرقية'];
const article = (i: number) =>
  `${HEADLINES[i]}\n` +
  `قال ${SPEAKERS[i]} إن العمل في ${PLACES[i]} سيبدأ بعد ${i + 2} أسابيع.\n` +
  `المصدر: وكالات\n` +
  `وأضاف أن ${PLACES[(i + 1) % 4]} سيستقبل ${i + 3} سفن في الشهر الأول.\n` +
  `${footer(10 + i)}\n`;

let session: EditorSession;
const page = () => session.page;
const current = () => page().locator('.cleanup-suggestion.current').getAttribute('data-rule');

describe.skipIf(!haveChromium)('corpus cleanup and keyboard review in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await openEditor({
      name: 'corpus-cleanup',
      viewport: { width: 1400, height: 900 },
      prepare: async (root) => {
        await mkdir(join(root, 'harbour'));
        for (let i = 0; i < 4; i++) await writeFile(join(root, 'harbour', `h${i + 1}.txt`), article(i));
      },
    });
    await openDocumentIn(page(), 'harbour/h1');
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('lists the site’s template lines with their counts and an example', async () => {
    await page().locator('.tabs [role="tab"]', { hasText: 'Cleanup' }).click();
    await page().locator('[data-testid="open-corpus-cleanup"]').click();
    const dialog = page().locator('[data-testid="corpus-cleanup"]');
    await dialog.waitFor();
    // The open document's site is shown first.
    await expect
      .poll(() => dialog.locator('.site-choice [aria-checked="true"]').textContent(), { timeout: 20_000 })
      .toMatch(/^harbour/);
    const row = dialog.locator('.template-line', { hasText: 'Harbour Today' });
    await row.waitFor();
    expect(await row.locator('.template-count').textContent()).toBe('4 / 4');
    expect(await row.locator('.template-example').textContent()).toMatch(
      /^ميناء اليوم \(Harbour Today\) — الطبعة 1\d من النسخة الورقية$/,
    );
    // The example is laid out right to left although it holds a Latin name and digits.
    expect(await row.locator('.template-example').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    await page().screenshot({ path: join(shots, 'corpus-cleanup-view.png') });
  });

  it('removes the footer everywhere: a rule in tahrir.json, a suggestion in the open document', async () => {
    const dialog = page().locator('[data-testid="corpus-cleanup"]');
    const row = dialog.locator('.template-line', { hasText: 'Harbour Today' });
    await row.getByRole('button', { name: 'Remove everywhere' }).click();
    await expect.poll(() => row.locator('.badge').textContent()).toBe('removed everywhere');
    const config = JSON.parse(await readFile(join(session.root, 'tahrir.json'), 'utf8'));
    expect(config.labels.length).toBeGreaterThan(0); // the rest of the file kept
    expect(config.boilerplateRules).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^remove-everywhere-/), flags: 'm', kind: 'boilerplate' }),
    ]);
    await page().screenshot({ path: join(shots, 'corpus-cleanup-removed.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    const group = page().locator('.suggestion-group[data-rule^="remove-everywhere-"]');
    await group.waitFor();
    expect(await group.locator('.cleanup-suggestion').count()).toBe(1);
    expect(words(await group.locator('.rule-description').textContent())).toContain('template line of harbour');
  });

  it('reviews the document by keyboard: next, reject, accept; N opens the next document with suggestions', async () => {
    const items = () =>
      page()
        .locator('.cleanup-suggestion')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    const before = await items();
    expect(before.some((k) => k?.startsWith('remove-everywhere-'))).toBe(true);
    await page().locator('[data-testid="suggestion-list"]').focus();
    const currentKey = () => page().locator('.cleanup-suggestion.current').getAttribute('data-key');
    await expect.poll(currentKey).toBe(before[0]); // focusing puts the cursor on the first
    const first = page().locator('.cleanup-suggestion').first();
    const rejectedRule = (await first.getAttribute('data-rule'))!;
    await page().screenshot({ path: join(shots, 'cleanup-panel-review.png') });
    await page().keyboard.press('r'); // reject the first
    await expect.poll(items).not.toContain(before[0]);
    // The cursor went on to the one after it; up and back down again.
    const after = await items();
    await expect.poll(currentKey).toBe(before[1]);
    const at = after.indexOf(before[1]);
    await page().keyboard.press('k');
    await expect.poll(currentKey).toBe(after[Math.max(0, at - 1)]);
    await page().keyboard.press('j');
    await expect.poll(currentKey).toBe(after[Math.min(after.length - 1, Math.max(0, at - 1) + 1)]);
    for (let i = 0; i < after.length && !(await currentKey())!.startsWith('remove-everywhere-'); i++)
      await page().keyboard.press('j');
    expect(await current()).toMatch(/^remove-everywhere-/);
    await page().keyboard.press('a'); // accept the footer
    await expect.poll(() => renderedText(page())).not.toContain('Harbour Today');
    await waitSaved(page());
    const disk = await readSidecar(session.root, 'harbour/h1');
    expect(disk.edits).toEqual([
      expect.objectContaining({
        rule: expect.stringMatching(/^remove-everywhere-/),
        kind: 'boilerplate',
        text: `${footer(10)}\n`,
        replacement: '',
      }),
    ]);
    expect(disk.rejected).toEqual([expect.objectContaining({ rule: rejectedRule })]);
    expect(disk.document.status).toBe('in_progress');

    await page().keyboard.press('n');
    await page().waitForFunction(() =>
      document.querySelector('[data-testid="document-text"]')?.getAttribute('aria-label')?.includes('harbour/h2'),
    );
    await expect
      .poll(async () => [await currentKey(), (await items())[0]])
      .toEqual([expect.any(String), expect.any(String)]);
    expect(await currentKey()).toBe((await items())[0]);
    await expect
      .poll(() => page().evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('suggestion-list');
    expect(await page().locator('.suggestion-group[data-rule^="remove-everywhere-"] .cleanup-suggestion').count()).toBe(
      1,
    );
  });
  it('N: a focus moved while the next document loads stays where it was moved', async () => {
    // The list took the focus a frame after the next document was open, whatever had the focus by then: the user's
    // move (here to the status menu) made while it loaded was undone.
    const before = await page().evaluate(() =>
      document.querySelector('[data-testid="document-text"]')?.getAttribute('aria-label'),
    );
    await page().locator('[data-testid="suggestion-list"]').focus();
    await page().evaluate(() => {
      // In one task: the key, then the move, both before the next document has come.
      const list = document.querySelector<HTMLElement>('[data-testid="suggestion-list"]')!;
      list.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', bubbles: true, cancelable: true }));
      document.querySelector<HTMLElement>('[data-testid="status-select"]')!.focus();
    });
    await expect
      .poll(
        () =>
          page().evaluate(() => document.querySelector('[data-testid="document-text"]')?.getAttribute('aria-label')),
        { timeout: 15_000 },
      )
      .not.toBe(before);
    await expect.poll(() => page().locator('.cleanup-suggestion.current').count(), { timeout: 15_000 }).toBe(1);
    // Two frames after the document and its suggestions are drawn: the list's deferred focus has run, or never will.
    await page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('status-select');
  });
});
