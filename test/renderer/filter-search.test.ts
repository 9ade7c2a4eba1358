// The filter's text search never lands on the list while the filter is typed in: an answer that comes after a key
// typed since it was asked is dropped, and an answer that adds nothing to the names' matches leaves the store alone;
// a new listing waits for the filter to be still.
// A real workspace, a real back end.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startServer } from '../../electron/serve';
import { createHttpApi } from '../../renderer/api-http';
import {
  FILTER_SEARCH_DELAY,
  loadWorkspace,
  readListingsWhenStill,
  refreshDocuments,
  searchTexts,
  setFilter,
  visibleDocuments,
} from '../../renderer/session/document-actions';
import { session, startSession } from '../../renderer/session/session';
import { store } from '../../renderer/session/store';
import { tempFolder, writeFiles } from '../electron/temp-folder';
import { ARABIC, ENGLISH, openWorkspace } from './store-workspace';

const ids = () => visibleDocuments(store().getState()).map((d) => d.id);

describe('the filter while it is typed in', () => {
  it('drops an answer asked before the last key: only the search after that key is shown', async () => {
    await openWorkspace();
    await loadWorkspace();
    setFilter('امريكا'); // in the Arabic text only
    const asked = searchTexts(); // the pause's search…
    setFilter('امريكا ق'); // …and a key typed while it is on its way
    const changes: unknown[] = [];
    const stop = store().subscribe((s, before) => {
      if (s.textMatches !== before.textMatches) changes.push(s.textMatches);
    });
    try {
      await asked;
      expect(changes).toEqual([]);
      expect(store().getState().textMatches).toBeNull();
      // The key's own search, once typing pauses, is shown.
      await searchTexts();
      expect(ids()).toEqual(['ar']);
      expect(changes).toHaveLength(1);
    } finally {
      stop();
      setFilter('');
    }
  });

  it('leaves the store as it is when an answer adds no document to the names’ matches', async () => {
    await openWorkspace({ 'ar.txt': ARABIC, 'en.txt': ENGLISH, 'kishida.txt': 'Nothing here.\n' });
    await loadWorkspace();
    setFilter('kishida'); // the name kishida, and the English text
    await searchTexts();
    expect(ids()).toEqual(['en', 'kishida']);
    setFilter('kishida.'); // only in a name: the back end answers none
    const state = store().getState();
    const list = visibleDocuments(state);
    expect(list.map((d) => d.id)).toEqual([]);
    await searchTexts();
    // No store change: the list is not filtered nor drawn again (in the frame of whatever key comes next).
    expect(store().getState()).toBe(state);
    expect(visibleDocuments(store().getState())).toBe(list);
    setFilter('');
  });

  it('takes an empty answer in place of one that added documents for the same words (the text changed)', async () => {
    const { root } = await openWorkspace();
    await loadWorkspace();
    setFilter('امريكا');
    await searchTexts();
    expect(ids()).toEqual(['ar']);
    await writeFile(join(root, 'ar.txt'), 'قال الرئيس إن الأمر جيد.\n');
    await searchTexts(true);
    expect(ids()).toEqual([]);
    setFilter('');
  });

  it('shows a new listing once the filter is still, not while it is typed in', async () => {
    await openWorkspace();
    await loadWorkspace();
    const shown: number[] = [];
    const stop = store().subscribe((s, before) => {
      if (s.documents !== before.documents) shown.push(performance.now());
    });
    try {
      const keyAt = performance.now();
      setFilter('a');
      await refreshDocuments();
      expect(shown).toHaveLength(1);
      expect(shown[0] - keyAt).toBeGreaterThanOrEqual(FILTER_SEARCH_DELAY);
    } finally {
      stop();
    }
  });

  it('asks for no search while a word is typed at an ordinary pace (a key every 250 ms), one once typing pauses', async () => {
    await openWorkspace();
    await loadWorkspace();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const asked = session().seq.search;
      for (const typed of ['k', 'ki', 'kis', 'kish', 'kishi', 'kishid', 'kishida']) {
        setFilter(typed);
        vi.advanceTimersByTime(250);
        expect(session().seq.search, typed).toBe(asked);
      }
      vi.advanceTimersByTime(FILTER_SEARCH_DELAY);
      expect(session().seq.search).toBe(asked + 1);
    } finally {
      vi.useRealTimers();
      setFilter('');
    }
  });
});

describe('a listing answered while the filter is typed in (tahrir serve)', () => {
  it('is read and parsed once the filter is still, not in a keystroke’s way', async () => {
    const root = await tempFolder('tahrir-listing-');
    await writeFiles(root, { 'ar.txt': ARABIC, 'en.txt': ENGLISH });
    const server = await startServer({ root, port: 0, rendererDir: root, log: () => undefined });
    try {
      const api = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token });
      startSession(api);
      readListingsWhenStill(api);
      await loadWorkspace();
      // Keys 100 ms apart (as the corpus bench types them); the back end answers the listing meanwhile (a few ms
      // here; at 10,000 documents, when it has read them all, which came as the filter was typed).
      let readAt = 0;
      setFilter('k');
      const listing = api.listDocuments().then((documents) => ((readAt = performance.now()), documents));
      for (const typed of ['ki', 'kis', 'kish']) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        setFilter(typed);
      }
      const lastKeyAt = session().filterKeyAt;
      expect((await listing).map((d) => d.id)).toEqual(['ar', 'en']);
      // Listings read while the filter was typed in: none (main: 1, ~15 ms of parse at 10,000 rows in a key).
      const readWhileTyping = Number(readAt < lastKeyAt + FILTER_SEARCH_DELAY);
      expect(readWhileTyping).toBe(0);
      setFilter('');
    } finally {
      await server.close();
    }
  });
});
