// One editor session per open workspace: a fresh session starts from nothing, and ending one
// stops everything it started (autosave's timers, its listeners), so nothing leaks into the next.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tagEntity } from '../../renderer/session/annotation-actions';
import { startAutosave } from '../../renderer/session/autosave';
import { loadSuggestions } from '../../renderer/session/cleanup-suggestions';
import { loadWorkspace, openDocument, reloadDocument, switchWorkspace } from '../../renderer/session/document-actions';
import { Backend } from '../../electron/backend';
import type { TahrirApi } from '../../shared/api';
import { TahrirError } from '../../shared/errors';
import { tempFolder, writeFiles } from '../electron/temp-folder';
import { session, startSession } from '../../renderer/session/session';
import { apiOf, ARABIC, cp, ENGLISH, openWorkspace } from './store-workspace';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('editor session', () => {
  it('a change on disk to the open document, nothing unsaved: an edit made while it is read again is kept', async () => {
    // The change is read, found to differ, and shown; it was read a second time to be shown, and an edit made in that
    // moment (a conflict settled by key right after opening, in CI) was replaced by that second answer.
    const { backend } = await openWorkspace();
    let armed = false;
    let asked = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const api = new Proxy(apiOf(backend), {
      get(target, key) {
        const found = Reflect.get(target, key) as unknown;
        const value = typeof found === 'function' ? found.bind(target) : found;
        // Every answer for 'ar' after the change on disk but the first comes late (the first is held by no one).
        if (key === 'openDocument')
          return async (id: string) => {
            const opened = await (value as TahrirApi['openDocument'])(id);
            if (armed && id === 'ar' && ++asked > 1) await gate;
            return opened;
          };
        return value;
      },
    }) as TahrirApi;
    const current = startSession(api);
    await loadWorkspace();
    await openDocument('ar');
    expect(current.store.getState().save.state).toBe('saved');
    // Someone else's save: a note on the document.
    const { revision } = current.store.getState();
    const theirs = await backend.openDocument('ar');
    await backend.saveSidecar(
      'ar',
      { ...theirs.sidecar, document: { ...theirs.sidecar.document, note: 'theirs' } },
      revision!,
    );
    armed = true;
    const handled = current.events.onFileEvent({ type: 'sidecar-changed', id: 'ar' });
    // The first answer is in: the change is shown (or, on the old code, asked again and held).
    await vi.waitFor(() => expect(asked).toBeGreaterThan(0));
    await sleep(0);
    tagEntity('PERSON', { start: cp(ARABIC, 'بايدن'), end: cp(ARABIC, 'بايدن') + 5 });
    release();
    await handled;
    expect(Object.values(current.store.getState().data!.entities).map((e) => e.text)).toEqual(['بايدن']);
  });

  it('a reload answered after another document opened leaves that one on screen', async () => {
    // A change on disk to the document being left (its own "done" saved, say) reloads it; Done and next opened the next
    // one meanwhile, and the late answer put the one left back on screen under the next one's name in the list (CI).
    const { backend } = await openWorkspace();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const api = new Proxy(apiOf(backend), {
      get(target, key) {
        const found = Reflect.get(target, key) as unknown;
        const value = typeof found === 'function' ? found.bind(target) : found;
        // The reload's answer ('ar', asked again while it is open) comes late: after 'en' opened.
        if (key === 'openDocument')
          return async (id: string) => {
            const opened = await (value as TahrirApi['openDocument'])(id);
            if (id === 'ar' && session().store.getState().doc?.id === 'ar') await gate;
            return opened;
          };
        return value;
      },
    }) as TahrirApi;
    startSession(api);
    await loadWorkspace();
    await openDocument('ar');
    const reloading = reloadDocument();
    await openDocument('en');
    expect(session().store.getState().doc?.id).toBe('en');
    release();
    await reloading;
    expect(session().store.getState().doc?.id).toBe('en');
    expect(session().store.getState().opening).toBeNull();
  });

  it('starts from nothing: the store, the cleanup slice and the counters are its own', async () => {
    const { api } = await openWorkspace();
    await loadWorkspace();
    await openDocument('ar');
    await loadSuggestions();
    tagEntity('PERSON', { start: cp(ARABIC, 'بايدن'), end: cp(ARABIC, 'بايدن') + 5 });
    const first = session();
    expect(first.store.getState().cleanup.docId).toBe('ar');
    expect(first.seq.open).toBe(1);

    const second = startSession(api);
    expect(session()).toBe(second);
    const s = second.store.getState();
    expect(s.doc).toBeNull();
    expect(s.data).toBeNull();
    expect(s.past).toEqual([]);
    expect(s.cleanup).toMatchObject({ docId: null, suggestions: [] });
    expect(s.externalChoice).toBeNull();
    expect(s.replacing).toBeNull();
    expect(second.seq).toEqual({
      open: 0,
      suggestions: 0,
      annotationSuggestions: 0,
      flash: 0,
      notice: 0,
      search: 0,
      syncStatus: 0,
    });
    expect(s.review).toMatchObject({ docId: null, suggestions: [], cursor: null });
    // The first session's data is untouched by the second.
    expect(Object.keys(first.store.getState().data!.entities)).toEqual(['t1']);
  });

  it('ending a session stops its autosave: a change left unsaved is not written after it ends', async () => {
    const { root, api } = await openWorkspace();
    startAutosave({ debounceMs: 30, recoveryDelayMs: 30 });
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', { start: cp(ARABIC, 'بايدن'), end: cp(ARABIC, 'بايدن') + 5 });
    expect(session().store.getState().save.state).toBe('dirty');
    startSession(api); // ends the first one
    await sleep(200);
    await expect(readFile(join(root, 'ar.annotations.json'), 'utf8')).rejects.toThrow();
    await expect(readFile(join(root, '.tahrir', 'recovery', 'ar.json'), 'utf8')).rejects.toThrow();
  });

  it('a session left running saves that same change (what the test above relies on)', async () => {
    const { root } = await openWorkspace();
    startAutosave({ debounceMs: 30, recoveryDelayMs: 30 });
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', { start: cp(ARABIC, 'بايدن'), end: cp(ARABIC, 'بايدن') + 5 });
    const end = Date.now() + 15_000; // a save on a loaded machine can take seconds; one that never comes still fails
    while (session().store.getState().save.state !== 'saved' && Date.now() < end) await sleep(10);
    const saved = JSON.parse(await readFile(join(root, 'ar.annotations.json'), 'utf8')) as { entities: unknown[] };
    expect(saved.entities).toHaveLength(1);
    session().dispose();
  });

  it('another workspace opens in a session of its own: what the last one could not save is never written into the new one', async () => {
    const a = await openWorkspace();
    const bRoot = await tempFolder('tahrir-store-b-');
    await writeFiles(bRoot, { 'ar.txt': ARABIC, 'en.txt': ENGLISH }); // the same document ids
    const b = await Backend.open(bRoot);
    // The desktop's host: openWorkspace moves every later call to the other folder. Saves fail in
    // the first one (a full disk), so the document left there stays unsaved and is retried.
    let open = a.backend;
    const api = new Proxy(apiOf(a.backend), {
      get(_target, key) {
        // The host switches at once and answers later: retries of the last workspace due meanwhile
        // must not reach the new one (a save of ar would land in B's ar).
        if (key === 'openWorkspace') return async () => ((open = b), await sleep(250), b.getWorkspace());
        if (key === 'saveSidecar' && open === a.backend)
          return () => Promise.reject(new TahrirError('io', 'no space left on device'));
        const value = Reflect.get(open, key) as unknown;
        return typeof value === 'function' ? value.bind(open) : value;
      },
    }) as TahrirApi;
    const first = startSession(api);
    startAutosave({ debounceMs: 10_000, recoveryDelayMs: 1, firstRetryMs: 30, maxRetryMs: 60 });
    await loadWorkspace();
    await openDocument('ar');
    tagEntity('PERSON', { start: cp(ARABIC, 'بايدن'), end: cp(ARABIC, 'بايدن') + 5 });
    await openDocument('en'); // the save of ar fails: kept aside, retried
    expect(first.autosave.unsavedDocuments()).toEqual(['ar']);

    await switchWorkspace(bRoot);
    const next = session();
    expect(next).not.toBe(first);
    expect(next.store.getState().workspace?.root).toBe(bRoot);
    expect(next.store.getState().doc?.id).toBe('ar');
    expect(next.store.getState().data?.entities).toEqual({});
    expect(next.store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringContaining('ar') });
    await sleep(300); // several retry periods
    await expect(readFile(join(bRoot, 'ar.annotations.json'), 'utf8')).rejects.toThrow();
    // What was not saved is in the first workspace's journal.
    expect((await (await Backend.open(a.root)).openDocument('ar')).recovered?.sidecar.entities).toHaveLength(1);
    next.dispose();
  });
});
