// Autosave against the real back end on a temp folder: debounced saves, the journal,
// failures kept in memory and retried, saving before a switch, stale revisions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TahrirError } from '../../shared/errors';
import type { TahrirApi } from '../../shared/api';
import { tagEntity } from '../../renderer/session/annotation-actions';
import { connectApi } from '../../renderer/session/api-connection';
import { keepMineOverDisk, saveNow, startAutosave, unsavedDocuments } from '../../renderer/session/autosave';
import { session } from '../../renderer/session/session';
import { loadWorkspace, openDocument, restoreRecovered } from '../../renderer/session/document-actions';
import { undo } from '../../renderer/session/history';
import { store } from '../../renderer/session/store';
import { sidecarFromData } from '../../shared/document-data';
import { sidecarWorkerRunning } from '../../renderer/session/sidecar-writer';
import type { Sidecar } from '../../shared/model';
import { Backend } from '../../electron/backend';
import { ARABIC, apiOf, cp, openWorkspace } from './store-workspace';

const FAST = { debounceMs: 20, recoveryDelayMs: 1, firstRetryMs: 60, maxRetryMs: 240 };
const biden = () => ({ start: cp(ARABIC, 'جو بايدن'), end: cp(ARABIC, 'جو بايدن') + 8 });

async function until(condition: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function onDisk(
  root: string,
  id: string,
): Promise<{
  document: { status: string };
  entities: { id: string; start: number; end: number; text: string }[];
  annotator?: string;
} | null> {
  try {
    return JSON.parse(await readFile(join(root, `${id}.annotations.json`), 'utf8'));
  } catch {
    return null;
  }
}

/** The real API, with saves failing while `failing.count` > 0 (a full disk, a lost connection). */
function withFailingSaves(api: TahrirApi, failing: { count: number; calls: number }): TahrirApi {
  return new Proxy(api, {
    get(target, key, receiver) {
      if (key === 'saveSidecar') {
        return (...args: Parameters<TahrirApi['saveSidecar']>) => {
          failing.calls++;
          if (failing.count > 0) {
            failing.count--;
            return Promise.reject(new TahrirError('io', 'no space left on device', `${args[0]}.annotations.json`));
          }
          return target.saveSidecar(...args);
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

afterEach(() => session().dispose());

describe('autosave', () => {
  it('saves after a short pause, with code-point offsets, and keeps the revision for the next save', async () => {
    const { root } = await openWorkspace();
    startAutosave(FAST);
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', biden());
    expect(store().getState().save.state).toBe('dirty');
    await until(() => store().getState().save.state === 'saved');
    const first = store().getState().revision;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    // Stamped with the writer the page names (git's user.name for the workspace here, whatever this machine's is).
    const saved = await onDisk(root, 'ar');
    const me = saved?.annotator;
    expect(saved?.entities).toEqual([
      { id: 't1', ...biden(), label: 'PERSON', text: 'جو بايدن', createdBy: me, changedBy: me },
    ]);
    undo();
    await until(() => store().getState().save.state === 'saved' && store().getState().revision !== first);
    expect((await onDisk(root, 'ar'))?.entities).toEqual([]);
    expect(
      store()
        .getState()
        .documents.find((d) => d.id === 'ar')?.entities,
    ).toBe(0);
  });

  it('keeps a failed save in memory, says so, journals it, and retries until it is written', async () => {
    const { root, api } = await openWorkspace();
    const failing = { count: 2, calls: 0 };
    connectApi(withFailingSaves(api, failing));
    startAutosave(FAST);
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', biden());
    await until(() => store().getState().save.state === 'error');
    expect(store().getState().save.error).toMatchObject({
      code: 'io',
      message: expect.stringContaining('no space left'),
    });
    expect(store().getState().save.retryAt).toBeGreaterThan(Date.now() - 1000);
    // The journal has the change: a crash now would offer it back.
    const journaled = async () =>
      (await (await Backend.open(root)).openDocument('ar')).recovered?.sidecar.entities.map((e) => e.text);
    await until(async () => (await journaled())?.[0] === 'جو بايدن');
    await until(() => store().getState().save.state === 'saved');
    expect(failing.calls).toBe(3);
    expect((await onDisk(root, 'ar'))?.entities.map((e) => e.text)).toEqual(['جو بايدن']);
    // A good save clears the journal.
    expect((await (await Backend.open(root)).openDocument('ar')).recovered).toBeUndefined();
  });

  it('saves before another document opens; when that fails, keeps the changes aside and retries them', async () => {
    const { root, api } = await openWorkspace();
    startAutosave({ ...FAST, debounceMs: 10_000 });
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', biden());
    await openDocument('en');
    expect((await onDisk(root, 'ar'))?.entities).toHaveLength(1);

    const failing = { count: 1, calls: 0 };
    connectApi(withFailingSaves(api, failing));
    tagEntity('PERSON', { start: 0, end: 5 });
    await openDocument('ar');
    expect(store().getState().doc?.id).toBe('ar');
    expect(unsavedDocuments()).toEqual(['en']);
    await until(() => unsavedDocuments().length === 0);
    expect((await onDisk(root, 'en'))?.entities[0].text).toBe('Fumio');
  });

  it('picks up changes kept aside when their document is opened again before they were written', async () => {
    const { root, api } = await openWorkspace();
    const failing = { count: 100, calls: 0 };
    connectApi(withFailingSaves(api, failing));
    startAutosave({ ...FAST, debounceMs: 10_000, firstRetryMs: 10_000 });
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', biden());
    await openDocument('en');
    await openDocument('ar');
    expect(Object.values(store().getState().data!.entities).map((e) => e.text)).toEqual(['جو بايدن']);
    expect(store().getState().save.state).toBe('dirty');
    failing.count = 0;
    expect(await saveNow()).toBe(true);
    expect((await onDisk(root, 'ar'))?.entities).toHaveLength(1);
  });

  it('does not retry a stale revision by itself; "keep mine" writes over the newer file', async () => {
    const { root } = await openWorkspace();
    startAutosave(FAST);
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', biden());
    await until(() => store().getState().save.state === 'saved');
    // Someone else writes the sidecar.
    const other = await Backend.open(root);
    const theirs = await other.openDocument('ar');
    await other.saveSidecar(
      'ar',
      { ...theirs.sidecar, document: { ...theirs.sidecar.document, note: 'theirs' } },
      theirs.revision,
    );
    tagEntity('GPE', { start: cp(ARABIC, 'عمّان'), end: cp(ARABIC, 'عمّان') + 5 });
    await until(() => store().getState().save.state === 'error');
    expect(store().getState().save.error?.code).toBe('stale-revision');
    expect(store().getState().save.retryAt).toBeNull();
    expect(Object.keys(store().getState().data!.entities)).toHaveLength(2); // nothing lost
    await keepMineOverDisk();
    expect(store().getState().save.state).toBe('saved');
    expect((await onDisk(root, 'ar'))?.entities).toHaveLength(2);
  });

  it('offers unsaved changes from the journal, and restoring them saves them', async () => {
    const { root } = await openWorkspace();
    const before = await Backend.open(root);
    const opened = await before.openDocument('ar');
    await before.writeRecovery('ar', {
      ...opened.sidecar,
      entities: [{ id: 't1', ...biden(), label: 'PERSON', text: 'جو بايدن' }],
    });
    connectApi(apiOf(await Backend.open(root)));
    startAutosave(FAST);
    await loadWorkspace();
    await openDocument('ar');
    expect(store().getState().doc?.recovered?.sidecar.entities).toHaveLength(1);
    expect(store().getState().data!.entities).toEqual({});
    restoreRecovered();
    expect(store().getState().doc?.recovered).toBeNull();
    await until(() => store().getState().save.state === 'saved');
    expect((await onDisk(root, 'ar'))?.entities).toHaveLength(1);
    undo(); // restoring is one undo step
    expect(store().getState().data!.entities).toEqual({});
  });

  it('without a Worker (Node), builds the sidecar text on the page from the changes: the back end gets text equal to the whole sidecar', async () => {
    const { root, api } = await openWorkspace();
    const sent: unknown[] = [];
    connectApi(
      new Proxy(api, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver);
          if (key !== 'saveSidecar' && key !== 'writeRecovery')
            return typeof value === 'function' ? value.bind(target) : value;
          return (id: string, sidecar: unknown, ...rest: unknown[]) => {
            sent.push(sidecar);
            return (value as (...a: unknown[]) => Promise<unknown>).call(target, id, sidecar, ...rest);
          };
        },
      }),
    );
    expect(sidecarWorkerRunning()).toBe(false);
    startAutosave(FAST);
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', biden());
    await until(() => store().getState().save.state === 'saved');
    tagEntity('GPE', { start: cp(ARABIC, 'عمّان'), end: cp(ARABIC, 'عمّان') + 5 });
    await until(() => store().getState().save.state === 'saved');
    undo();
    await until(() => store().getState().save.state === 'saved');
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.every((s) => typeof s === 'string')).toBe(true);
    const s = store().getState();
    const last = JSON.parse(sent[sent.length - 1] as string) as Sidecar;
    // The page also names its annotator in the header (the editor's setting, git's user.name by default).
    expect({ ...last, updatedAt: undefined }).toEqual({
      ...sidecarFromData(s.doc!.base, s.data!),
      updatedAt: undefined,
      ...(last.annotator === undefined ? {} : { annotator: last.annotator }),
    });
    expect((await onDisk(root, 'ar'))?.entities.map((e) => e.text)).toEqual(['جو بايدن']);
  });

  it('never writes a read-only document', async () => {
    const broken = '{"format": "tahrir-annotations", "version": 99}';
    const { root } = await openWorkspace({ 'ar.txt': ARABIC, 'ar.annotations.json': broken });
    startAutosave(FAST);
    await loadWorkspace();
    await openDocument('ar');
    expect(store().getState().doc?.readOnly).toBeTruthy();
    tagEntity('PERSON', biden());
    expect(await saveNow()).toBe(true);
    expect(await readFile(join(root, 'ar.annotations.json'), 'utf8')).toBe(broken);
  });
});
