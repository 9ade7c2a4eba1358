// Unsaved changes survive a killed app: the editor's recovery journal is written through the
// API, `tahrir serve` is killed with SIGKILL, started again, and opening the document offers
// the recovered changes; restoring them saves them, and the journal is then cleared.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument, SaveResult } from '../../shared/api';
import type { Sidecar } from '../../shared/model';
import { bundleCli, killHard, startServeProcess, type ServeProcess } from './serve-process';
import { addSample, tempWorkspace } from './workspace-snapshot';

let base: string;
let cli: string;
const running: ServeProcess[] = [];

beforeAll(async () => {
  base = tempWorkspace('tahrir-recover-');
  cli = await bundleCli(base);
});

afterAll(async () => {
  for (const p of running) await killHard(p);
  rmSync(base, { recursive: true, force: true });
});

describe('recovery journal across a killed serve process', () => {
  it('journal written → SIGKILL → restart → recovered offered → restore saves it → journal cleared', async () => {
    const root = join(base, 'ws');
    mkdirSync(root, { recursive: true });
    addSample(root, 'article');
    const sidecarPath = join(root, 'article.annotations.json');
    const onDiskBefore = readFileSync(sidecarPath);

    const first = await startServeProcess(cli, root);
    running.push(first);
    const opened = await first.call<OpenedDocument>('openDocument', 'article');
    expect(opened.recovered).toBeUndefined();
    const unsaved: Sidecar = {
      ...opened.sidecar,
      document: { ...opened.sidecar.document, note: 'typed just before the crash — عمّان 👍🏽' },
      entities: [
        ...opened.sidecar.entities,
        { id: 't99', start: 0, end: 3, label: 'MISC', text: Array.from(opened.text).slice(0, 3).join('') },
      ],
    };
    await first.call('writeRecovery', 'article', unsaved);
    await killHard(first);
    expect(first.child.signalCode).toBe('SIGKILL');
    // The kill lost nothing on disk and wrote nothing half-way.
    expect(readFileSync(sidecarPath)).toEqual(onDiskBefore);

    const second = await startServeProcess(cli, root);
    running.push(second);
    const reopened = await second.call<OpenedDocument>('openDocument', 'article');
    expect(reopened.recovered, 'the unsaved changes are offered').toBeDefined();
    expect(reopened.recovered!.sidecar.document.note).toBe(unsaved.document.note);
    expect(reopened.recovered!.sidecar.entities.map((e) => e.id)).toContain('t99');
    expect(Date.parse(reopened.recovered!.savedAt)).not.toBeNaN();

    // Restore: save the recovered sidecar over the revision on disk.
    const saved = await second.call<SaveResult>(
      'saveSidecar',
      'article',
      reopened.recovered!.sidecar,
      reopened.revision,
    );
    expect(saved.revision).toMatch(/^[0-9a-f]{64}$/);
    const onDisk = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
    expect(onDisk.document.note).toBe(unsaved.document.note);
    expect(onDisk.entities.map((e) => e.id)).toContain('t99');
    // Saved, so nothing more to recover.
    const again = await second.call<OpenedDocument>('openDocument', 'article');
    expect(again.recovered).toBeUndefined();
    expect(again.revision).toBe(saved.revision);
    await killHard(second);
    console.log('recovery after SIGKILL of tahrir serve: unsaved changes offered and restored');
  }, 180_000);
});
