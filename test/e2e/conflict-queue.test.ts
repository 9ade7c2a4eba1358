// Teams, end to end (`tahrir serve` in Chromium): a sidecar a git merge left structured conflicts
// in opens as a queue, is settled by keyboard (T: theirs, N: neither), and the file is clean after.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import type { Entity } from '../../shared/model';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';

let session: EditorSession;
const page = () => session.page;

/** The sample's sidecar as the merge driver leaves it: Lina and Omar disagreed on two entities. */
async function conflicted(root: string): Promise<void> {
  const source = await harness.readSource(root, SAMPLE);
  const span = (id: string, needle: string, label: string, by: string): Entity => {
    const start = harness.cpOffset(source, needle);
    return { id, start, end: start + [...needle].length, label, text: needle, createdBy: 'Lina', changedBy: by };
  };
  const backend = await Backend.open(root);
  const empty = (await backend.openDocument(SAMPLE)).sidecar;
  const linaJapan = span('t1', 'اليابان', 'PERSON', 'Lina');
  const omarJapan = span('t1', 'اليابان', 'GPE', 'Omar');
  const linaBiden = span('t2', 'جو بايدن', 'ORG', 'Lina');
  const sidecar = {
    ...empty,
    entities: [linaJapan, linaBiden].sort((a, b) => a.start - b.start),
    conflicts: [
      { kind: 'entity' as const, id: 't1', reason: 'both-changed' as const, mine: linaJapan, theirs: omarJapan },
      {
        kind: 'entity' as const,
        id: 't2',
        reason: 'changed-and-deleted' as const,
        base: { ...linaBiden, label: 'PERSON', changedBy: 'Lina' },
        mine: linaBiden,
      },
    ],
  };
  await writeFile(join(root, `${SAMPLE}.annotations.json`), serializeSidecar(sidecar));
}

describe.skipIf(!haveChromium)('The merge conflict queue in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'conflict-queue', prepare: conflicted });
    await harness.openDocumentIn(page(), SAMPLE);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows the conflicts one at a time, settles them by keyboard, and leaves the file clean', async () => {
    const queue = page().locator('[data-testid="conflict-queue"]');
    await queue.waitFor();
    expect(await page().locator('[data-testid="conflict-count"]').textContent()).toBe('2');
    expect(await page().locator('[data-testid="conflict-current"]').textContent()).toContain('t1');
    await page().screenshot({ path: join(shots, 'conflict-queue.png') });
    // T: Omar's GPE.
    await page().keyboard.press('t');
    await expect.poll(() => page().locator('[data-testid="conflict-count"]').textContent()).toBe('1');
    expect(await page().locator('[data-testid="conflict-current"]').textContent()).toContain('t2');
    let onDisk = parseSidecar(await readFile(join(session.root, `${SAMPLE}.annotations.json`), 'utf8'));
    expect(onDisk.conflicts).toHaveLength(1);
    expect(onDisk.entities.find((e) => e.id === 't1')?.label).toBe('GPE');
    // N: neither (Omar deleted it, Lina's relabel is dropped too).
    await page().keyboard.press('n');
    await expect.poll(() => queue.count()).toBe(0);
    const text = await readFile(join(session.root, `${SAMPLE}.annotations.json`), 'utf8');
    expect(text).not.toContain('"conflicts"');
    onDisk = parseSidecar(text);
    expect(onDisk.entities.map((e) => [e.id, e.label, e.text])).toEqual([['t1', 'GPE', 'اليابان']]);
    // Editable again: the read-only banner is gone and a label key tags.
    await expect.poll(() => page().locator('[data-testid="save-state"]').textContent()).toContain('Saved');
  });
});
