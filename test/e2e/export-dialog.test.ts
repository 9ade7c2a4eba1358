// Export… and Import… end to end: `tahrir serve` on a temp copy of seeds/ (the sample with
// the brief's example sidecar, a document with a broken sidecar, and a few thousand small
// generated ones so an export runs long enough to cancel). Export to JSONL from the dialog:
// the file appears and the summary says what went in and what was left out; a cancelled
// export leaves no partial file; importing the export back finds every span already there.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openDocumentIn, openEditor, repo, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

const EXAMPLE = join(repo, 'test', 'fixtures', 'sidecars', `${SAMPLE}.annotations.json`);
const BROKEN = 'zz_broken';
const BULK = 800;
const BULK_LINE = 'قال الرئيس الأمريكي جو بايدن إن مساعي اليابان أمر جيد. Ministers met in Tokyo on Monday.\n';

let session: EditorSession;
const page = () => session.page;

async function exportedFiles(): Promise<string[]> {
  const dir = join(session.root, 'exports');
  // Not the list of what exports wrote (.tahrir-exports.json): only the exports themselves.
  return existsSync(dir) ? (await readdir(dir)).filter((f) => !f.startsWith('.')).sort() : [];
}

async function openExportDialog(): Promise<void> {
  await page().locator('[data-testid="document-text"]').focus();
  await page().keyboard.press('Control+e');
  await page().waitForSelector('[data-testid="export-dialog"]');
}

describe.skipIf(!haveChromium)('Export… and Import… dialogs in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await openEditor({
      name: 'export-dialog',
      async prepare(root) {
        await copyFile(EXAMPLE, join(root, `${SAMPLE}.annotations.json`));
        await writeFile(join(root, `${BROKEN}.txt`), 'جو بايدن في طوكيو.\n');
        await writeFile(
          join(root, `${BROKEN}.annotations.json`),
          '{"format": "tahrir-annotations", "version": 1, "entities": [',
        );
        // Enough documents that an export takes a moment: cancellable mid-way.
        await mkdir(join(root, 'bulk'));
        for (let i = 0; i < BULK; i++)
          await writeFile(join(root, 'bulk', `b${String(i).padStart(5, '0')}.txt`), BULK_LINE.repeat(100));
      },
    });
    await openDocumentIn(page(), SAMPLE);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('exports JSONL from the dialog: progress, then the summary; the file is on disk; untouched documents left out by default, and said so', async () => {
    await openExportDialog();
    expect(await page().locator('[data-testid="export-format"] option').allTextContents()).toHaveLength(6);
    await page().locator('[data-testid="export-format"]').selectOption('jsonl');
    await page().locator('[data-testid="export-choose"]').click();
    const destination = (await page().locator('[data-testid="export-destination"]').textContent()) ?? '';
    expect(destination).toMatch(/^exports\/jsonl-\d{8}-\d{6}\.jsonl$/);
    // The dialog says untouched documents are left out unless asked for.
    expect(await page().locator('[data-testid="export-include-untouched"]').isChecked()).toBe(false);
    expect(await page().locator('[data-testid="export-untouched-note"]').textContent()).toMatch(/left out/);
    await page().screenshot({ path: join(shots, 'export-dialog.png') });
    await page().locator('[data-testid="export-start"]').click();
    await page().waitForSelector('[data-testid="export-summary"]', { timeout: 120_000 });
    const summary = (await page().locator('[data-testid="export-summary"]').textContent()) ?? '';
    // The one document worked on; the untouched ones (the other seeds, the bulk) left out and said so; the broken one named with the reason.
    expect(summary).toContain('Exported 1 document:');
    expect(words(await page().locator('[data-testid="export-untouched"]').textContent())).toMatch(
      new RegExp(
        `^Left out ${BULK + 4} untouched documents \\(to do, nothing annotated\\): .* and ${BULK - 1} more\\.$`,
      ),
    );
    expect(await page().locator('[data-testid="export-skipped"]').textContent()).toContain(BROKEN);
    // The sample's example: eight entities, one inside the removed read-more headline.
    const person = await page().locator('.dataset-summary tr[data-label="PERSON"] td').textContent();
    expect(Number(person)).toBeGreaterThan(0);
    expect(await page().locator('[data-testid="export-left-out"]').textContent()).toMatch(/removed/);
    await page().screenshot({ path: join(shots, 'export-summary.png') });
    const files = await exportedFiles();
    expect(files).toHaveLength(1);
    const lines = (await readFile(join(session.root, 'exports', files[0]), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const sample = lines
      .map((l) => JSON.parse(l) as { id: string; text: string; spans: { start: number; end: number; text: string }[] })
      .find((r) => r.id === SAMPLE);
    // Seven of the eight entities (one is inside removed text), code point offsets into the clean text.
    expect(sample?.spans).toHaveLength(7);
    for (const span of sample!.spans)
      expect(Array.from(sample!.text).slice(span.start, span.end).join('')).toBe(span.text);
    await page().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page().locator('[data-testid="export-dialog"]').count()).toBe(0);
  });

  it('a cancelled export leaves no partial file', async () => {
    await page().locator('[data-testid="open-export"]').click();
    await page().waitForSelector('[data-testid="export-dialog"]');
    await page().locator('[data-testid="export-format"]').selectOption('conll');
    // Every document, the untouched bulk too: an export that takes a moment.
    await page().locator('[data-testid="export-include-untouched"]').check();
    await page().locator('[data-testid="export-start"]').click();
    await page().waitForSelector('[data-testid="export-progress"]');
    await page().locator('[data-testid="export-cancel"]:not([disabled])').click();
    await expect
      .poll(() => page().locator('[data-testid="export-error"]').textContent(), { timeout: 30_000 })
      .toContain('cancelled');
    await page().screenshot({ path: join(shots, 'export-cancelled.png') });
    // Only the JSONL export from before: nothing of the cancelled CoNLL one, not even a temp file.
    expect(await exportedFiles()).toEqual([expect.stringMatching(/^jsonl-.*\.jsonl$/)]);
    await page().keyboard.press('Escape');
    await expect.poll(() => page().locator('[data-testid="export-dialog"]').count()).toBe(0);
  });

  it('imports the JSONL export back: every span is already there, nothing added', async () => {
    const [file] = await exportedFiles();
    await page().locator('button', { hasText: 'Import…' }).click();
    await page().waitForSelector('[data-testid="import-dialog"]');
    await page().locator('[data-testid="import-format"]').selectOption('jsonl');
    await page().locator('[data-testid="import-source"]').fill(`exports/${file}`);
    await page().locator('[data-testid="import-start"]').click();
    await page().waitForSelector('[data-testid="import-report"]', { timeout: 60_000 });
    const report = (await page().locator('[data-testid="import-report"] h3').first().textContent()) ?? '';
    expect(report).toMatch(/ 0 spans added, [1-9]\d* already there/);
    await page().screenshot({ path: join(shots, 'import-report.png') });
  });

  it('an import shows how far it is and can be cancelled: the report says what it read before', async () => {
    // A pre-annotation of each bulk document: one line, and one sidecar written, a document.
    const text = BULK_LINE.repeat(100);
    const person = { start: 20, end: 28, label: 'PERSON' };
    const lines = Array.from({ length: BULK }, (_, i) =>
      JSON.stringify({ id: `bulk/b${String(i).padStart(5, '0')}`, text, spans: [person] }),
    );
    await writeFile(join(session.root, 'exports', 'bulk.jsonl'), lines.join('\n') + '\n');
    await page().locator('[data-testid="import-source"]').fill('exports/bulk.jsonl');
    await page().locator('[data-testid="import-start"]').click();
    await expect
      .poll(() => page().locator('[data-testid="import-progress"]').textContent(), { timeout: 30_000 })
      .toMatch(/\d+ of \d+ read/);
    await page().locator('[data-testid="import-cancel"]').click();
    await page().waitForSelector('[data-testid="import-cancelled"]', { timeout: 60_000 });
    const report = (await page().locator('[data-testid="import-report"] h3').first().textContent()) ?? '';
    const read = Number(/^([\d,]+) documents?/.exec(report)?.[1].replace(/,/g, ''));
    expect(read).toBeLessThan(BULK);
    await page().screenshot({ path: join(shots, 'import-cancelled.png') });
  });
});
