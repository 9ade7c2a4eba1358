import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSummary, WorkspaceInfo } from '../../shared/api';
import { firstDocumentId, lastDocuments, rememberLastDocument } from '../../renderer/session/first-document';

function workspace(ids: string[]): WorkspaceInfo {
  const documents: DocumentSummary[] = ids.map((id) => ({
    id,
    file: `${id}.txt`,
    status: 'todo',
    entities: 0,
    quotes: 0,
    edits: 0,
  }));
  return { root: '/w', name: 'w', config: { labels: [] }, documents };
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('firstDocumentId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the first document without looking through the list when none was opened here before', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const w = workspace(['a', 'b', 'c']);
    const find = vi.spyOn(w.documents, 'find');
    expect(firstDocumentId(w)).toBe('a');
    expect(find).not.toHaveBeenCalled();
  });

  it('opens the one last opened here, or the first when it is gone', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    rememberLastDocument('/w', 'b');
    expect(firstDocumentId(workspace(['a', 'b', 'c']))).toBe('b');
    expect(firstDocumentId(workspace(['a', 'c']))).toBe('a');
    expect(firstDocumentId(workspace([]))).toBeNull();
  });

  it('opens the first when storage is unavailable', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(firstDocumentId(workspace(['x', 'y']))).toBe('x');
  });
});

describe('lastDocuments', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the document last opened per workspace root, and nothing else the page keeps', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    rememberLastDocument('/w', 'b');
    rememberLastDocument('/other/w', 'x/y');
    localStorage.setItem('tahrir.locale', 'ar');
    expect(lastDocuments()).toEqual({ '/w': 'b', '/other/w': 'x/y' });
  });

  it('gives none when the storage cannot be read', () => {
    vi.stubGlobal('localStorage', {
      get length(): number {
        throw new Error('denied');
      },
    });
    expect(lastDocuments()).toEqual({});
  });
});
