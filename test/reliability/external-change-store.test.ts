// External changes through the renderer's store, against the real Backend on a temp folder:
// quiet reload when nothing is unsaved; keep mine / take theirs / merge by id when something
// is; a changed text re-anchors unsaved work; a removed text keeps everything.
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { recoveryPath } from '../../electron/sidecar-store';
import type { TahrirApi } from '../../shared/api';
import type { Entity, Sidecar } from '../../shared/model';
import { saveNow, startAutosave } from '../../renderer/session/autosave';
import { openDocument } from '../../renderer/session/document-actions';
import { listenToBackend } from '../../renderer/session/external-events';
import {
  EXTERNAL_CHANGE_DIALOG,
  handleExternalChange,
  installExternalChangeHandling,
  keepMine,
  keepRecoveryCopy,
  mergeBoth,
  pendingChange,
  takeTheirs,
} from '../../renderer/session/external-change';
import { changeDocument } from '../../renderer/session/history';
import { session, startSession } from '../../renderer/session/session';
import { store } from '../../renderer/session/store';
import { addSample, SAMPLE_TEXT_PATH, tempWorkspace } from './workspace-snapshot';

const ID = 'article';
const SLOW = { debounceMs: 60_000, firstRetryMs: 60_000, maxRetryMs: 60_000 };
let root: string;
let backend: Backend;
let uninstall: () => void;
const sidecarPath = () => join(root, `${ID}.annotations.json`);
const onDisk = (): Sidecar => JSON.parse(readFileSync(sidecarPath(), 'utf8')) as Sidecar;

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Someone else's edit: the sidecar on disk with one more entity (as a colleague's Tahrir would write it). */
function editOnDisk(extra: Partial<Entity> & { id: string }): Sidecar {
  const s = onDisk();
  const text = readFileSync(join(root, `${ID}.txt`), 'utf8');
  const start = extra.start ?? 0;
  const end = extra.end ?? 3;
  s.entities.push({ start, end, label: 'ORG', text: Array.from(text).slice(start, end).join(''), ...extra } as Entity);
  writeFileSync(sidecarPath(), JSON.stringify(s, null, 2) + '\n');
  return s;
}

/** An unsaved change here: one more entity. */
function changeHere(id: string, start: number, end: number): void {
  const text = store().getState().doc!.source;
  changeDocument((d) => ({
    ...d,
    entities: {
      ...d.entities,
      [id]: { id, start, end, label: 'PERSON', text: Array.from(text).slice(start, end).join('') },
    },
  }));
}

beforeEach(async () => {
  root = tempWorkspace('tahrir-extstore-');
  addSample(root, ID);
  backend = await Backend.open(root);
  startSession(backend as unknown as TahrirApi);
  uninstall = installExternalChangeHandling();
  // Autosave as in the app (a change makes the document dirty at once), but slow enough
  // that a change stays unsaved until the test saves it.
  startAutosave(SLOW);
  await openDocument(ID);
});

afterEach(async () => {
  uninstall();
  session().dispose();
  await backend.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a sidecar changed on disk', () => {
  it('nothing unsaved: reloaded quietly, no dialog', async () => {
    editOnDisk({ id: 't100' });
    await handleExternalChange({ type: 'sidecar-changed', id: ID });
    const s = store().getState();
    expect(s.dialog).toBeNull();
    expect(Object.keys(s.data!.entities)).toContain('t100');
    expect(s.save.state).toBe('saved');
  });

  it('unsaved changes: the dialog opens, nothing is overwritten; merge keeps both additions and saves them', async () => {
    changeHere('t50', 10, 14);
    const theirs = editOnDisk({ id: 't100', start: 20, end: 25 });
    const bytes = readFileSync(sidecarPath());
    await handleExternalChange({ type: 'sidecar-changed', id: ID });
    expect(store().getState().dialog).toBe(EXTERNAL_CHANGE_DIALOG);
    expect(pendingChange()?.merged?.conflicts).toEqual([]);
    expect(readFileSync(sidecarPath())).toEqual(bytes);
    expect(await mergeBoth()).toBe(true);
    const saved = onDisk();
    expect(saved.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['t50', 't100', ...theirs.entities.map((e) => e.id)]),
    );
    expect(store().getState().dialog).toBeNull();
    expect(store().getState().save.state).toBe('saved');
  });

  it('both added an entity under the same new id: the merge keeps both (theirs renamed)', async () => {
    const next = `t${Math.max(...onDisk().entities.map((e) => Number(e.id.slice(1)))) + 1}`;
    changeHere(next, 10, 14);
    editOnDisk({ id: next, start: 30, end: 33 });
    await handleExternalChange({ type: 'sidecar-changed', id: ID });
    expect(pendingChange()?.merged?.renamed).toHaveLength(1);
    await mergeBoth();
    const starts = onDisk().entities.map((e) => e.start);
    expect(starts).toEqual(expect.arrayContaining([10, 30]));
  });

  it('keep mine writes the unsaved version over the one on disk; take theirs shows the disk version', async () => {
    changeHere('t50', 10, 14);
    editOnDisk({ id: 't100' });
    await handleExternalChange({ type: 'sidecar-changed', id: ID });
    expect(await keepMine()).toBe(true);
    expect(onDisk().entities.map((e) => e.id)).toContain('t50');
    expect(onDisk().entities.map((e) => e.id)).not.toContain('t100');

    changeHere('t51', 40, 44);
    editOnDisk({ id: 't101' });
    await handleExternalChange({ type: 'sidecar-changed', id: ID });
    await takeTheirs();
    const ids = Object.keys(store().getState().data!.entities);
    expect(ids).toContain('t101');
    expect(ids).not.toContain('t51');
    expect(onDisk().entities.map((e) => e.id)).toContain('t101');
  });

  it('through the real event stream: the watcher reports the change and the dialog opens', async () => {
    const stopListening = listenToBackend();
    try {
      await backend.watching();
      changeHere('t50', 10, 14);
      editOnDisk({ id: 't100' });
      await until(() => store().getState().dialog === EXTERNAL_CHANGE_DIALOG);
      expect(pendingChange()?.change).toEqual({ type: 'sidecar-changed', id: ID });
    } finally {
      stopListening();
    }
  });
});

describe('a text changed on disk', () => {
  it('unsaved changes are re-anchored to the new text and saved; the editor is told what moved', async () => {
    const before = store().getState();
    const someEntity = Object.values(before.data!.entities).find((e) => !e.orphaned && e.start > 200)!;
    changeHere('t50', someEntity.start, someEntity.end);
    expect(store().getState().save.state).toBe('dirty');
    const text = readFileSync(join(root, `${ID}.txt`), 'utf8');
    const prefix = 'عاجل 👍🏽 — خبر جديد.\n';
    writeFileSync(join(root, `${ID}.txt`), prefix + text);
    await handleExternalChange({ type: 'text-changed', id: ID });
    const s = store().getState();
    const shift = Array.from(prefix).length;
    expect(s.data!.entities.t50.start).toBe(someEntity.start + shift);
    expect(s.doc!.reanchored!.moved.length).toBeGreaterThan(0);
    expect(s.notice?.text).toMatch(/moved/);
    expect(await saveNow()).toBe(true);
    const saved = onDisk();
    expect(saved.entities.find((e) => e.id === 't50')?.start).toBe(someEntity.start + shift);
    expect(saved.source.length).toBe(Array.from(prefix + text).length);
  });
});

describe('a document removed on disk', () => {
  it('the open annotations stay, the sidecar is untouched, and a recovery copy is kept', async () => {
    changeHere('t50', 10, 14);
    const sidecarBytes = readFileSync(sidecarPath());
    unlinkSync(join(root, `${ID}.txt`));
    await handleExternalChange({ type: 'document-removed', id: ID });
    expect(store().getState().dialog).toBe(EXTERNAL_CHANGE_DIALOG);
    expect(Object.keys(store().getState().data!.entities)).toContain('t50');
    await keepRecoveryCopy();
    expect(existsSync(recoveryPath(root, ID))).toBe(true);
    expect(readFileSync(sidecarPath())).toEqual(sidecarBytes);
    // The text comes back: opening offers the unsaved work.
    writeFileSync(join(root, `${ID}.txt`), readFileSync(SAMPLE_TEXT_PATH));
    const reopened = await backend.openDocument(ID);
    expect(reopened.recovered?.sidecar.entities.map((e) => e.id)).toContain('t50');
  });
});
