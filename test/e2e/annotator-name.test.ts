// Teams, end to end (`tahrir serve` in Chromium): the annotator's name in the top bar, git's
// user.name by default, editable and remembered; what the editor tags is saved as createdBy/changedBy.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';

let session: EditorSession;
const page = () => session.page;

async function tagPerson(word: string): Promise<void> {
  const last = [...word].length - 1;
  await harness.drag(page(), await harness.pointIn(page(), word, 0), await harness.pointIn(page(), word, last));
  await page().locator('[data-label="PERSON"]').click();
}

async function savedEntities(): Promise<{ text: string; createdBy?: string; changedBy?: string }[]> {
  return (await harness.readSidecar(session.root, SAMPLE)).entities;
}

describe.skipIf(!haveChromium)('The annotator name in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'annotator-name',
      prepare: async (root) => {
        execFileSync('git', ['init', '-q'], { cwd: root });
        execFileSync('git', ['config', 'user.name', 'Lina Git'], { cwd: root });
      },
    });
    await harness.openDocumentIn(page(), SAMPLE);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it("starts as git's user.name and stamps what the editor tags with it", async () => {
    await expect.poll(() => page().locator('[data-testid="annotator"]').textContent()).toContain('Lina Git');
    await tagPerson('اليابان');
    await harness.waitSaved(page());
    const saved = await harness.readSidecar(session.root, SAMPLE);
    expect(saved.annotator).toBe('Lina Git');
    expect(saved.entities.filter((e) => e.createdBy === 'Lina Git').map((e) => e.text)).toEqual(['اليابان']);
  });

  it('is edited in place, remembered after a reload, and stamps what comes after', async () => {
    await page().locator('[data-testid="annotator"]').click();
    const input = page().locator('[data-testid="annotator-input"]');
    await input.fill('سارة');
    await input.press('Enter');
    await expect.poll(() => page().locator('[data-testid="annotator"]').textContent()).toContain('سارة');
    await page().screenshot({ path: join(shots, 'annotator-name.png') });
    await page().reload();
    await page().waitForSelector('[data-para]');
    await expect.poll(() => page().locator('[data-testid="annotator"]').textContent()).toContain('سارة');
    await tagPerson('جو بايدن');
    await harness.waitSaved(page());
    const entities = await savedEntities();
    expect(entities.filter((e) => e.createdBy === 'سارة').map((e) => e.text)).toEqual(['جو بايدن']);
    // What Lina tagged stays hers.
    expect(entities.filter((e) => e.createdBy === 'Lina Git').map((e) => e.text)).toEqual(['اليابان']);
    expect((await harness.readSidecar(session.root, SAMPLE)).annotator).toBe('سارة');
  });
});
