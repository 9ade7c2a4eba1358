// Export under `tahrir serve` reaches the browser (issue 19): the output is on the server's disk,
// and the browser also gets it as a download, a file as it is, a brat folder as a tar archive
// (read back with Debian's tar). Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, SAMPLE, type EditorSession } from './harness';

let session: EditorSession;
let page: Page;

async function exportAs(format: 'jsonl' | 'brat'): Promise<{ saved: string; name: string; outputs: string }> {
  await page.locator('[data-testid="open-export"]').click();
  await page.waitForSelector('[data-testid="export-dialog"]');
  await page.locator('[data-testid="export-format"]').selectOption(format);
  await page.locator('[data-testid="export-choose"]').click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.locator('[data-testid="export-start"]').click();
  const got = await download;
  const saved = join(session.base, 'downloads', got.suggestedFilename());
  await got.saveAs(saved);
  await page.waitForSelector('[data-testid="export-downloaded"]');
  const outputs = (await page.locator('[data-testid="export-outputs"]').textContent()) ?? '';
  await page.getByRole('button', { name: 'Close' }).click();
  return { saved, name: got.suggestedFilename(), outputs };
}

describe.skipIf(!haveChromium)('export downloads under tahrir serve (Chromium)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'download' });
    ({ page } = session);
    await mkdir(join(session.base, 'downloads'));
    await harness.openDocumentIn(page, SAMPLE);
    // A document worked on: one entity.
    await harness.drag(page, await harness.pointIn(page, 'جو بايدن', 0), await harness.pointIn(page, 'جو بايدن', 6));
    await page.keyboard.press('1');
    await harness.waitSaved(page);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('JSONL: the browser downloads the very file written on the server', async () => {
    const { saved, name, outputs } = await exportAs('jsonl');
    expect(name).toMatch(/^jsonl-\d{8}-\d{6}\.jsonl$/);
    const onServer = join(session.root, 'exports', name);
    expect(outputs).toContain(onServer);
    expect(await readFile(saved, 'utf8')).toBe(await readFile(onServer, 'utf8'));
    expect(JSON.parse((await readFile(saved, 'utf8')).trim()).id).toBe(SAMPLE);
  });

  it('brat: the folder comes as a tar archive that tar lists and extracts as written', async () => {
    const { saved, name } = await exportAs('brat');
    expect(name).toMatch(/^brat-\d{8}-\d{6}\.tar$/);
    const folder = name.replace(/\.tar$/, '');
    const listed = execFileSync('tar', ['-tf', saved], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listed).toEqual([`${folder}/${SAMPLE}.ann`, `${folder}/${SAMPLE}.txt`, `${folder}/annotation.conf`]);
    const into = join(session.base, 'downloads', 'x');
    await mkdir(into);
    execFileSync('tar', ['-xf', saved, '-C', into]);
    for (const file of [`${SAMPLE}.ann`, `${SAMPLE}.txt`, 'annotation.conf']) {
      expect(await readFile(join(into, folder, file), 'utf8'), file).toBe(
        await readFile(join(session.root, 'exports', folder, file), 'utf8'),
      );
    }
    expect(await readFile(join(into, folder, `${SAMPLE}.ann`), 'utf8')).toMatch(/^T1\tPERSON \d+ \d+\tجو بايدن$/m);
  });
});
