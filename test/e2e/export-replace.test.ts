// Export… onto a destination that is taken, end to end (`tahrir serve` in Chromium): an earlier
// export there is replaced only after the editor says so; a file no export wrote is never
// written over, and the dialog says why.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../electron/export-job';
import { haveChromium, openDocumentIn, openEditor, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

let session: EditorSession;
const page = () => session.page;

/** Opens Export…, picks JSONL and a destination (serve: a dated name under exports/); returns it. */
async function chooseJsonlDestination(): Promise<string> {
  await page().locator('[data-testid="open-export"]').click();
  await page().waitForSelector('[data-testid="export-dialog"]');
  await page().locator('[data-testid="export-format"]').selectOption('jsonl');
  // The seeds are untouched: asked for, so there is something to replace.
  await page().locator('[data-testid="export-include-untouched"]').check();
  await page().locator('[data-testid="export-choose"]').click();
  const destination = (await page().locator('[data-testid="export-destination"]').textContent()) ?? '';
  expect(destination).toMatch(/^exports\/jsonl-\d{8}-\d{6}\.jsonl$/);
  return destination;
}

const lineCount = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean).length;

describe.skipIf(!haveChromium)('Export… onto a taken destination in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await openEditor({ name: 'export-replace' });
    await openDocumentIn(page(), SAMPLE);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('asks before replacing an earlier export, and replaces it once told to', async () => {
    const destination = await chooseJsonlDestination();
    const path = join(session.root, destination);
    // An earlier export of the finished documents only (none yet) is already there.
    await runExport({ root: session.root, request: { format: 'jsonl', out: path, status: 'done' } });
    const earlier = await readFile(path, 'utf8');
    await page().locator('[data-testid="export-start"]').click();
    const question = page().locator('[data-testid="export-replace-question"]');
    await question.waitFor();
    expect(words(await question.textContent())).toBe(`An earlier export is at ${destination}. Replace it?`);
    await page().screenshot({ path: join(shots, 'export-replace-question.png') });
    // Asked, not yet replaced.
    expect(await readFile(path, 'utf8')).toBe(earlier);
    await page().locator('[data-testid="export-replace"]').click();
    await page().waitForSelector('[data-testid="export-summary"]', { timeout: 60_000 });
    expect(await page().locator('[data-testid="export-outputs"]').textContent()).toContain(path);
    expect(await lineCount(path)).toBe(5);
    await page().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page().locator('[data-testid="export-dialog"]').count()).toBe(0);
  });

  it('never writes over a file no export wrote: says why, and offers no replacing', async () => {
    const destination = await chooseJsonlDestination();
    const path = join(session.root, destination);
    await writeFile(path, 'my own notes\n');
    await page().locator('[data-testid="export-start"]').click();
    const error = page().locator('[data-testid="export-error"]');
    await error.waitFor();
    // (Within the same second as the test before, the name is that export's, now edited: refused too.)
    expect(await error.textContent()).toMatch(
      /(exists and is not an earlier Tahrir export|was changed since); not writing over it/,
    );
    expect(await page().locator('[data-testid="export-replace"]').count()).toBe(0);
    expect(await readFile(path, 'utf8')).toBe('my own notes\n');
    await page().keyboard.press('Escape');
    await expect.poll(() => page().locator('[data-testid="export-dialog"]').count()).toBe(0);
  });
});
