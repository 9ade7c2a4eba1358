// Saving and journaling off the page's main thread, end to end: `tahrir serve` and Chromium.
// The sidecar worker builds the sidecar's text from each change and sends it to the server;
// what lands on disk is what the editor did, and a renderer crash loses nothing journaled.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sidecar } from '../../shared/model';
import * as harness from './harness';
import { haveChromium, SAMPLE, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

let session: EditorSession;
let page: Page;
let root: string;
let source: string;
const consoleLines: string[] = [];
const apiBodies: { url: string; body: string }[] = [];

const recoveryFile = () => join(root, '.tahrir', 'recovery', `${SAMPLE}.json`);
const onDisk = async (): Promise<Sidecar> =>
  JSON.parse(await readFile(join(root, `${SAMPLE}.annotations.json`), 'utf8')) as Sidecar;

function watch(p: Page): void {
  p.on('console', (m) => consoleLines.push(m.text()));
  p.on('pageerror', (e) => console.error('page error:', e.message));
  // Intercepted (and let through) to read the body the worker made; a Blob body is not in plain request events.
  void p.route(/\/api\/(saveSidecar|writeRecovery)$/, (route) => {
    const r = route.request();
    apiBodies.push({ url: r.url(), body: r.postDataBuffer()?.toString('utf8') ?? '' });
    void route.fallback();
  });
}

describe.skipIf(!haveChromium)('saving through the sidecar worker (tahrir serve, Chromium)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'saving' });
    ({ page, root } = session);
    watch(page);
    source = await harness.readSource(root, SAMPLE);
    await harness.openDocumentIn(page, SAMPLE);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('tags, and the worker writes the sidecar: on disk with code-point offsets, sent as the sidecar text itself', async () => {
    await expect.poll(() => page.workers().some((w) => w.url().endsWith('/sidecar-worker.js'))).toBe(true);
    const before = (await onDisk().catch(() => null))?.entities.length ?? 0;
    await harness.drag(page, await harness.pointIn(page, 'جو بايدن', 0), await harness.pointIn(page, 'جو بايدن', 6));
    await page.keyboard.press('1');
    await harness.waitSaved(page);
    await expect.poll(async () => (await onDisk()).entities.length, { timeout: 10_000 }).toBe(before + 1);
    const start = harness.cpOffset(source, 'جو بايدن');
    expect((await onDisk()).entities.map(harness.unstamped)).toContainEqual({
      id: `t${before + 1}`,
      start,
      end: start + 8,
      label: 'PERSON',
      text: 'جو بايدن',
    });
    // Sent by the worker, not the page (the page would have said it fell back).
    expect(consoleLines.filter((l) => /saving on the page|lost track/.test(l))).toEqual([]);
    // The body carries the sidecar text as it is (an object to the server), not encoded a second time as a string.
    const save = apiBodies.find((b) => b.url.endsWith('/saveSidecar'));
    expect(save?.body).toMatch(
      /^\{"args":\["000_b3be894ae1d50a96",\{"format":"tahrir-annotations".*\},null\]\}$|^\{"args":\["000_b3be894ae1d50a96",\{"format":"tahrir-annotations".*\},"[0-9a-f]{64}"\]\}$/s,
    );
  }, 60_000);

  it('journals a change at once; after a renderer crash the journal has it and reopening offers it', async () => {
    await harness.waitSaved(page);
    // Saves fail from now on (a full disk): only the journal gets the change.
    let failed = 0;
    await page.context().route('**/api/saveSidecar', (route) => {
      failed++;
      void route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'io', message: 'could not be written: the disk is full' } }),
      });
    });
    const word = await harness.pointIn(page, 'بيونغ يانغ', 2);
    await page.mouse.dblclick(word.x, word.y);
    await page.keyboard.press('3');
    await expect.poll(() => existsSync(recoveryFile()), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(
        async () =>
          JSON.parse(await readFile(recoveryFile(), 'utf8')).sidecar.entities.some(
            (e: { label: string }) => e.label === 'GPE',
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    await expect.poll(() => failed, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await onDisk()).entities.some((e) => e.label === 'GPE')).toBe(false);
    await expect.poll(() => page.locator('[data-testid="save-state"]').getAttribute('data-state')).toBe('error');

    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
    const cdp = await page.context().newCDPSession(page);
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close().catch(() => undefined);
    // (a page from browser.newPage has its own context: closing it took the failing route along)
    expect((await onDisk()).entities.some((e) => e.label === 'GPE')).toBe(false);

    page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    watch(page);
    await page.goto(session.server.url);
    await page.locator(`[data-doc-id="${SAMPLE}"]`).click();
    const restore = page.getByRole('button', { name: 'Restore them' });
    await restore.waitFor({ timeout: 10_000 });
    const journaled = (
      JSON.parse(await readFile(recoveryFile(), 'utf8')) as { sidecar: Sidecar }
    ).sidecar.entities.filter((e) => e.label === 'GPE');
    expect(journaled.map((e) => e.text)).toEqual([expect.stringMatching(/^بيونغ/)]);
    await restore.click();
    await restore.waitFor({ state: 'detached', timeout: 10_000 });
    // (the save indicator's state is polled along, so a failure says what the editor showed)
    const saveState = () => page.locator('[data-testid="save-state"]').getAttribute('data-state');
    await expect
      .poll(
        async () => ({
          gpe: (await onDisk()).entities.filter((e) => e.label === 'GPE').map(harness.unstamped),
          state: await saveState(),
        }),
        { timeout: 20_000 },
      )
      .toEqual({ gpe: journaled.map(harness.unstamped), state: 'saved' });
    await harness.waitSaved(page);
    await expect.poll(() => existsSync(recoveryFile()), { timeout: 10_000 }).toBe(false);
  }, 120_000);

  it('when the worker does not load, saves are built and sent by the page instead, with the same result', async () => {
    // One editor on the document at a time: the last test's page would take this one's save as an external change.
    await harness.waitSaved(page);
    await page.close();
    page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    watch(page);
    await page.route('**/sidecar-worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(session.server.url);
    await harness.openDocumentIn(page, SAMPLE);
    const word = await harness.pointIn(page, 'كوريا الشمالية', 2, 1);
    await page.mouse.dblclick(word.x, word.y);
    await page.keyboard.press('7'); // MISC
    await expect
      .poll(async () => (await onDisk()).entities.filter((e) => e.label === 'MISC').length, { timeout: 15_000 })
      .toBe(1);
    await harness.waitSaved(page);
    expect(consoleLines.some((l) => /sidecar worker failed.*saving on the page/.test(l))).toBe(true);
    // The page sent the sidecar as its JSON text (a string argument): the server took it all the same.
    expect(apiBodies.at(-1)?.body).toMatch(
      /^\{"args":\["000_b3be894ae1d50a96","\{\\"format\\":\\"tahrir-annotations\\"/,
    );
  }, 60_000);

  it('a save naming a label tahrir.json no longer defines is refused: the editor says which label and why, keeps the work, journals it, and saves once the label is back', async () => {
    await harness.waitSaved(page);
    const configPath = join(root, 'tahrir.json');
    const config = await readFile(configPath, 'utf8');
    // A colleague drops MISC from tahrir.json; this document has a MISC entity (the last test's).
    const withoutMisc = JSON.parse(config) as { labels: { name: string }[] };
    withoutMisc.labels = withoutMisc.labels.filter((l) => l.name !== 'MISC');
    await writeFile(configPath, JSON.stringify(withoutMisc, null, 2));
    const persons = async () =>
      (await onDisk()).entities.filter((e) => e.label === 'PERSON' && e.text === 'فوميو').length;
    const before = await persons();
    const word = await harness.pointIn(page, 'فوميو', 2);
    await page.mouse.dblclick(word.x, word.y);
    await page.keyboard.press('1'); // PERSON
    const state = page.locator('[data-testid="save-state"]');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('error');
    // Said by the refusal's catalog message (the English sentence said "not saved" a second time).
    await expect
      .poll(async () => words(await state.textContent()))
      .toMatch(
        /^Retry nowNot saved: .*000_b3be894ae1d50a96\.annotations\.json: is not a valid sidecar for .*label "MISC" is not one of the workspace labels \(PERSON, ORG, GPE, LOC, DATE, EVENT\)\. Add the label to tahrir\.json/,
      );
    // Said in full above the text, not only in the toolbar's one line.
    const banner = page.getByTestId('save-refused-banner');
    await expect
      .poll(async () => words(await banner.textContent()))
      .toMatch(
        /label "MISC" is not one of the workspace labels.*Add the label to tahrir\.json.*Your changes are kept here/,
      );
    expect(await banner.isVisible()).toBe(true);
    await page.screenshot({ path: join(harness.shots, 'saving-unknown-label.png') });
    // In the Arabic interface the banner says it in Arabic, by the message the back end sent (it showed the back end's
    // English sentence): only the label, the labels and the file names stay Latin.
    await page.locator('[data-testid="language-switch"]').selectOption('ar');
    await expect
      .poll(async () => words(await banner.textContent()))
      .toMatch(/^لم يُحفظ: .*التصنيف «MISC» ليس من تصنيفات مساحة العمل \(PERSON, .*أضف التصنيف إلى tahrir\.json/);
    expect(words(await banner.textContent())).not.toMatch(/not one of|Add the label|not saved/i);
    await page.locator('[data-testid="language-switch"]').selectOption('en');
    // Nothing written; the work stays on the page and in the journal.
    expect(await persons()).toBe(before);
    const journaled = async () =>
      existsSync(recoveryFile()) &&
      (JSON.parse(await readFile(recoveryFile(), 'utf8')) as { sidecar: Sidecar }).sidecar.entities.some(
        (e) => e.label === 'PERSON' && e.text === 'فوميو',
      );
    await expect.poll(journaled, { timeout: 10_000 }).toBe(true);
    // MISC is back in tahrir.json: the next try saves the work.
    await writeFile(configPath, config);
    await page.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(persons, { timeout: 15_000 }).toBe(before + 1);
    await harness.waitSaved(page);
    expect(await banner.count()).toBe(0);
  }, 60_000);
});
