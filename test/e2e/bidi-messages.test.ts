// Messages that mix directions (issue 19's last point): a Latin file name and the JSON parser's English inside an
// Arabic sentence, an Arabic file name inside an English one. Each value is isolated (FSI … PDI), so the line reads in
// the interface's direction with the file name where a reader expects it: first, at the start of the line (the right
// in Arabic, the left in English). The document list with a broken sidecar, the error banner, the export summary and
// the import report, in both languages, with screenshots. `tahrir serve` on a temp copy of seeds/.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import type { Entity } from '../../shared/model';
import { serializeSidecar } from '../../shared/sidecar';
import { words } from '../helpers/isolated';
import * as harness from './harness';
import { haveChromium, shots, type EditorSession } from './harness';

/** A Latin-named document and an Arabic-named one, each with a broken sidecar. */
const BROKEN_LATIN = 'zz_broken';
const BROKEN_ARABIC = 'خبر تالف';
/** An Arabic-named document worked on, with a nested entity CoNLL cannot hold (the summary names it). */
const NESTED = 'تقرير اليوم';
const TEXT = 'قال الرئيس الأمريكي جو بايدن إن مساعي اليابان أمر جيد.\n';

async function prepare(root: string): Promise<void> {
  const truncated = '{"format": "tahrir-annotations", "version": 1, "sou';
  for (const id of [BROKEN_LATIN, BROKEN_ARABIC]) {
    await writeFile(join(root, `${id}.txt`), TEXT);
    await writeFile(join(root, `${id}.annotations.json`), truncated);
  }
  await writeFile(join(root, `${NESTED}.txt`), TEXT);
  const backend = await Backend.open(root);
  const empty = (await backend.openDocument(NESTED)).sidecar;
  await backend.close();
  const span = (id: string, needle: string, label: string): Entity => {
    const start = harness.cpOffset(TEXT, needle);
    return { id, start, end: start + [...needle].length, label, text: needle };
  };
  await writeFile(
    join(root, `${NESTED}.annotations.json`),
    serializeSidecar({
      ...empty,
      document: { status: 'done' },
      entities: [span('t1', 'الرئيس الأمريكي جو بايدن', 'PERSON'), span('t2', 'الأمريكي', 'GPE')],
    }),
  );
  const lines = [
    { id: 'missing', text: 'x', spans: [] },
    { text: 'x', spans: [] },
  ];
  await writeFile(join(root, 'pre.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

interface Placed {
  top: number;
  /** The line's box and the value's (its first line), in CSS pixels. */
  box: { left: number; right: number };
  value: { left: number; right: number };
  direction: string;
}

/** Where `value` is drawn inside `line` (the `occurrence`-th time it occurs in one of its text nodes). */
async function place(line: Locator, value: string, occurrence = 0): Promise<Placed> {
  return line.evaluate(
    (el, [value, occurrence]) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(value);
        if (at < 0 || seen++ < occurrence) continue;
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + value.length);
        const first = range.getClientRects()[0];
        const box = el.getBoundingClientRect();
        return {
          top: first.top,
          box: { left: box.left, right: box.right },
          value: { left: first.left, right: first.right },
          direction: getComputedStyle(el).direction,
        };
      }
      throw new Error(`not shown: ${value} in ${el.textContent}`);
    },
    [value, occurrence] as const,
  );
}

/** `first` is read before `then`: above it, or on its line before it in the line's direction. */
function expectReadBefore(first: Placed, then: Placed): void {
  if (Math.abs(first.top - then.top) > 4) expect(first.top).toBeLessThan(then.top);
  else if (first.direction === 'rtl') expect(first.value.left).toBeGreaterThanOrEqual(then.value.right - 1);
  else expect(first.value.right).toBeLessThanOrEqual(then.value.left + 1);
}

/** The value opens the line in its direction: at the right edge in Arabic, at the left in English. */
function expectAtStart(placed: Placed, language: 'en' | 'ar'): void {
  expect(placed.direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
  if (language === 'ar') expect(placed.box.right - placed.value.right).toBeLessThan(3);
  else expect(placed.value.left - placed.box.left).toBeLessThan(3);
}

let session: EditorSession;

describe.skipIf(!haveChromium)('messages mixing directions, isolated (Chromium, tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'bidi-messages', prepare });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  for (const language of ['ar', 'en'] as const)
    it(`${language}: the broken sidecar in the list and its banner, the export summary, the import report`, async () => {
      const context = await session.browser.newContext({ locale: language, viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      try {
        await page.goto(session.server.url);
        // The file name whose direction is not the interface's: Latin in Arabic, Arabic in English.
        const broken = language === 'ar' ? BROKEN_LATIN : BROKEN_ARABIC;
        const file = `${broken}.annotations.json`;
        const problem = page.locator(`[data-doc-id="${broken}"] .problem`);
        await expect.poll(() => problem.count(), { timeout: 30_000 }).toBe(1);
        const said = words(await problem.textContent());
        expect(said).toMatch(
          language === 'ar'
            ? new RegExp(`^${file}: ليس JSON صالحًا \\(.+\\)؛ ربما هو مبتور$`)
            : new RegExp(`^${file}: is not valid JSON \\(.+\\); it may be truncated$`),
        );
        // Its file name opens the line; the parser's English closes the Arabic one, inside its parentheses.
        expectAtStart(await place(problem, file), language);
        await problem.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `bidi-${language}-broken-sidecar-in-list.png`) });
        // Close up, at the screen's own size: what the whole-page screenshot shrinks.
        await page
          .locator(`[data-doc-id="${broken}"]`)
          .screenshot({ path: join(shots, `bidi-${language}-broken-sidecar-row.png`) });

        // Opened: the banner names the file in a sentence of the interface's language.
        await page.locator(`[data-doc-id="${broken}"]`).click();
        const banner = page.locator('[data-testid="read-only-banner"]');
        await banner.waitFor();
        expect(await banner.evaluate((el) => getComputedStyle(el).direction)).toBe(language === 'ar' ? 'rtl' : 'ltr');
        // The file is named once, by the banner's sentence (the reason said "{file}: {problem}" and named it again),
        // then the problem, in the interface's direction.
        const problemWords = language === 'ar' ? 'ليس JSON' : 'is not valid JSON';
        expect(words(await banner.textContent()).split(file).length - 1).toBe(1);
        expectReadBefore(await place(banner, file, 0), await place(banner, problemWords));
        await page.screenshot({ path: join(shots, `bidi-${language}-broken-sidecar-banner.png`) });
        await banner.screenshot({ path: join(shots, `bidi-${language}-broken-sidecar-banner-close.png`) });

        await exportConll(page, language);
        await importReport(page, language);
      } finally {
        await context.close();
      }
    });
});

/** CoNLL leaves the nested entity out: the summary names its Arabic document and text. */
async function exportConll(page: Page, language: 'en' | 'ar'): Promise<void> {
  await page.locator('[data-testid="open-export"]').click();
  await page.locator('[data-testid="export-dialog"]').waitFor();
  await page.locator('[data-testid="export-format"]').selectOption('conll');
  await page.locator('[data-testid="export-start"]').click();
  await page.locator('[data-testid="export-summary"]').waitFor({ timeout: 120_000 });
  const spans = page.locator('[data-testid="export-left-out-spans"] li');
  await expect.poll(() => spans.count()).toBeGreaterThan(0);
  const line = spans.first();
  const said = words(await line.textContent());
  expect(said).toContain(NESTED);
  expect(said).toMatch(
    language === 'ar' ? /«(الأمريكي|الرئيس الأمريكي جو بايدن)»/ : /“(الأمريكي|الرئيس الأمريكي جو بايدن)”/,
  );
  // The document's name opens the line in both languages.
  expectAtStart(await place(line, NESTED), language);
  await line.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, `bidi-${language}-export-summary.png`) });
  await page
    .locator('[data-testid="export-summary"]')
    .screenshot({ path: join(shots, `bidi-${language}-export-summary-close.png`) });
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="export-dialog"]').waitFor({ state: 'detached' });
}

/** The import report's skipped lines: the file and line number open each, the reason follows in the language. */
async function importReport(page: Page, language: 'en' | 'ar'): Promise<void> {
  await page.locator('[data-testid="open-import"]').click();
  await page.locator('[data-testid="import-format"]').selectOption('jsonl');
  await page.locator('[data-testid="import-source"]').fill('pre.jsonl');
  await page.locator('[data-testid="import-start"]').click();
  const skipped = page.locator('[data-testid="import-report"] li');
  await expect.poll(() => skipped.count(), { timeout: 60_000 }).toBe(2);
  const reasons = (await skipped.allTextContents()).map((r) => words(r).replace(/^.*\//, ''));
  expect(reasons).toEqual(
    language === 'ar'
      ? ['pre.jsonl:1: لا مستند «missing» في مساحة العمل', 'pre.jsonl:2: السطر بلا معرّف يسمّي مستنده']
      : [
          'pre.jsonl:1: no document "missing" in the workspace',
          'pre.jsonl:2: the line has no "id" naming its document',
        ],
  );
  // The file (its path, as the report gives it) and line number open each line.
  for (const line of await skipped.all()) {
    const file = words(await line.textContent()).split(': ')[0];
    expect(file).toMatch(/pre\.jsonl:[12]$/);
    expectAtStart(await place(line, file), language);
  }
  await page.screenshot({ path: join(shots, `bidi-${language}-import-report.png`) });
  await page
    .locator('[data-testid="import-report"]')
    .screenshot({ path: join(shots, `bidi-${language}-import-report-close.png`) });
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
}
