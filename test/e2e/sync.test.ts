// Teams, end to end (`tahrir serve` in Chromium): the workspace is a clone of a bare remote where
// another annotator (omar) has pushed. The editor tags, the status line counts the document not
// synced, Sync (the button, then Ctrl+Shift+S in Arabic) commits and pushes it, brings omar's in,
// and shows the report; "Assigned to me" narrows the list to the assignment's documents.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

const OTHER = '001_c45525185d8883c3';
let session: EditorSession;
let remote = '';
const page = () => session.page;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });

async function tagPerson(word: string): Promise<void> {
  const last = [...word].length - 1;
  await harness.drag(page(), await harness.pointIn(page(), word, 0), await harness.pointIn(page(), word, last));
  await page().locator('[data-label="PERSON"]').click();
}

const statusLine = () => page().locator('[data-testid="sync-status"]').textContent();

describe.skipIf(!haveChromium)('Sync in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'sync',
      prepare: async (root) => {
        const base = join(root, '..');
        remote = join(base, 'remote.git');
        git(base, 'init', '-q', '--bare', '-b', 'main', remote);
        git(root, 'init', '-q', '-b', 'main');
        git(root, 'config', 'user.name', 'Lina Git');
        git(root, 'config', 'user.email', 'lina@example.org');
        const documents = Object.fromEntries(
          ['000_b3be894ae1d50a96', OTHER, '002_2a61abe6f966b1e4'].map((id, i) => [
            id,
            i === 0 ? ['Lina Git'] : ['omar'],
          ]),
        );
        const assignment = { format: 'tahrir-assignment', version: 1, annotators: ['Lina Git', 'omar'], overlap: 0 };
        const { writeFile } = await import('node:fs/promises');
        await writeFile(
          join(root, 'tahrir-assignment.json'),
          JSON.stringify({ ...assignment, seed: 0, documents }, null, 2) + '\n',
        );
        git(root, 'add', '-A');
        git(root, 'commit', '-qm', 'corpus');
        git(root, 'remote', 'add', 'origin', remote);
        git(root, 'push', '-q', '-u', 'origin', 'main');
        // Omar, in his own clone, marks another document done and pushes.
        const omar = join(base, 'omar');
        git(base, 'clone', '-q', remote, omar);
        git(omar, 'config', 'user.name', 'omar');
        git(omar, 'config', 'user.email', 'omar@example.org');
        const backend = await Backend.open(omar, { annotator: 'omar' });
        const opened = await backend.openDocument(OTHER);
        const document = { ...opened.sidecar.document, status: 'done' as const };
        await backend.saveSidecar(OTHER, { ...opened.sidecar, document }, opened.revision);
        await backend.close();
        git(omar, 'add', '-A');
        git(omar, 'commit', '-qm', 'omar: done');
        git(omar, 'push', '-q', 'origin', 'main');
      },
    });
    await harness.openDocumentIn(page(), SAMPLE);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('the status line counts the document tagged; Sync commits, pushes, brings omar’s in and says so', async () => {
    await expect.poll(statusLine).toContain('all synced');
    await tagPerson('اليابان');
    await harness.waitSaved(page());
    await expect.poll(statusLine, { timeout: 10_000 }).toBe('↑0 ↓0 · 1 document not synced');
    await page()
      .locator('.document-list')
      .screenshot({ path: join(shots, 'sync-status-line.png') });

    await page().locator('[data-testid="sync"]').click();
    const report = page().locator('[data-testid="sync-report"]');
    await report.waitFor({ timeout: 60_000 });
    expect(await page().locator('[data-testid="sync-problem"]').count()).toBe(0);
    const said = async (id: string) => words(await report.locator(`[data-testid="${id}"]`).textContent());
    expect(await said('sync-committed')).toBe(`1 document committed: ${SAMPLE}`);
    expect(await said('sync-pushed')).toBe('Sent to origin/main.');
    expect(await said('sync-incoming')).toBe(`${OTHER} — omar`);
    // git-setup ran first (this clone had no merge driver), and said so.
    expect(await report.textContent()).toContain('merge.tahrir.driver');
    await page().screenshot({ path: join(shots, 'sync-report.png') });
    await expect.poll(statusLine).toBe('↑0 ↓0 · all synced');
    expect(git(remote, 'log', '-1', '--format=%an|%s', 'main')).toMatch(
      new RegExp(`^Lina Git\\|Merge|^Lina Git\\|Tahrir: 1 document annotated by Lina Git — ${SAMPLE}\\.txt`),
    );
    expect(git(remote, 'log', '--format=%s', 'main')).toContain(
      `Tahrir: 1 document annotated by Lina Git — ${SAMPLE}.txt`,
    );
    await page().locator('[data-testid="sync-report-close"]').click();
    // Omar's document is done in the list now.
    await expect
      .poll(() => page().locator(`[data-doc-id="${OTHER}"] .status-dot`).getAttribute('class'))
      .toContain('status-done');
  }, 120_000);

  it('in Arabic: the status line and the report by Ctrl+Shift+S', async () => {
    await page().locator('[data-testid="language-switch"]').selectOption('ar');
    await tagPerson('جو بايدن');
    await harness.waitSaved(page());
    await expect.poll(statusLine, { timeout: 10_000 }).toBe('↑0 ↓0 · مستند واحد غير متزامن');
    await page()
      .locator('.document-list')
      .screenshot({ path: join(shots, 'sync-status-line-arabic.png') });
    await page().locator('[data-testid="document-text"]').focus();
    await page().keyboard.press('Control+Shift+KeyS');
    const report = page().locator('[data-testid="sync-report"]');
    await report.waitFor({ timeout: 60_000 });
    expect(words(await report.locator('[data-testid="sync-committed"]').textContent())).toBe(
      `أُودع مستند واحد: ${SAMPLE}`,
    );
    expect(await report.textContent()).toContain('لا جديد من الفريق.');
    await page().screenshot({ path: join(shots, 'sync-report-arabic.png') });
    await expect.poll(statusLine).toBe('↑0 ↓0 · الكل متزامن');
    await page().locator('[data-testid="sync-report-close"]').click();
    await page().locator('[data-testid="language-switch"]').selectOption('en');
  }, 120_000);

  it('"Assigned to me" keeps the documents the assignment gives this annotator', async () => {
    const listed = () =>
      page()
        .locator('[data-doc-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-doc-id')));
    expect((await listed()).length).toBe(5);
    await page().locator('[data-testid="assigned-to-me"]').click();
    await expect.poll(listed).toEqual([SAMPLE]);
    expect(await page().locator('.document-list .filter').inputValue()).toBe('assigned:me');
    expect(await page().locator('[data-testid="assigned-to-me"]').getAttribute('aria-pressed')).toBe('true');
    await page().locator('[data-testid="assigned-to-me"]').click();
    await expect.poll(async () => (await listed()).length).toBe(5);
  }, 60_000);

  it('a conflict with another annotator is reported, and the document opens as the conflict queue', async () => {
    // Omar makes اليابان a GPE and pushes; the editor makes it an ORG.
    const omar = join(session.root, '..', 'omar');
    git(omar, 'pull', '-q', '--no-rebase', 'origin', 'main');
    const backend = await Backend.open(omar, { annotator: 'omar' });
    const opened = await backend.openDocument(SAMPLE);
    const entities = opened.sidecar.entities.map((e) => (e.text === 'اليابان' ? { ...e, label: 'GPE' } : e));
    await backend.saveSidecar(SAMPLE, { ...opened.sidecar, entities }, opened.revision);
    await backend.close();
    git(omar, 'commit', '-qam', 'omar: GPE');
    git(omar, 'push', '-q', 'origin', 'main');

    await page().locator('.span-item', { hasText: 'اليابان' }).first().click();
    await page().keyboard.press('Digit2');
    await expect
      .poll(
        async () => (await harness.readSidecar(session.root, SAMPLE)).entities.find((e) => e.text === 'اليابان')?.label,
      )
      .toBe('ORG');
    await harness.waitSaved(page());
    await page().locator('[data-testid="sync"]').click();
    const report = page().locator('[data-testid="sync-report"]');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.locator('[data-testid="sync-conflicts"]').textContent()).toContain(SAMPLE);
    expect(await report.locator('[data-testid="sync-pushed"]').count()).toBe(0);
    await page().locator('[data-testid="conflict-queue"]').waitFor({ timeout: 10_000 });
    await page().screenshot({ path: join(shots, 'sync-conflict.png') });
    await page().locator('[data-testid="sync-report-close"]').click();
    expect(await page().locator('[data-testid="conflict-count"]').textContent()).toBe('1');
    expect(await statusLine()).toMatch(/^↑[1-9]\d* ↓0 · all synced$/);
  }, 120_000);
});
