// The workspace layout in one place (shared/workspace-layout.ts): document ids, text files and
// sidecars, and which file names are which.
import { describe, expect, it } from 'vitest';
import {
  documentIdOf,
  documentIdOfName,
  documentIdOfSidecar,
  isSidecarFileName,
  isTextFileName,
  sidecarFileOf,
  textFileOf,
  textFileOfSidecar,
} from '../../shared/workspace-layout';
import { defaultExportDestination } from '../../shared/export-destination';
import { classifyWorkspacePath } from '../../electron/watcher';

describe('workspace layout', () => {
  it('turns ids into files and back', () => {
    for (const id of ['a', 'news/عمّان 2026', 'x.y/z.txt']) {
      expect(documentIdOf(textFileOf(id))).toBe(id);
      expect(documentIdOfSidecar(sidecarFileOf(id))).toBe(id);
      expect(textFileOfSidecar(sidecarFileOf(id))).toBe(textFileOf(id));
    }
    expect(documentIdOfName('news/a.txt')).toBe('news/a');
    expect(documentIdOfName('news/a')).toBe('news/a');
  });

  it('tells texts and sidecars by name (a bare suffix is neither)', () => {
    expect(isTextFileName('a.txt')).toBe(true);
    expect(isTextFileName('.txt')).toBe(false);
    expect(isSidecarFileName('a.annotations.json')).toBe(true);
    expect(isSidecarFileName('.annotations.json')).toBe(false);
    expect(isTextFileName('a.annotations.json')).toBe(false);
  });

  it('the watcher, and the default export destination, read the same layout', () => {
    expect(classifyWorkspacePath(sidecarFileOf('news/a'))).toEqual({ kind: 'sidecar', id: 'news/a' });
    expect(classifyWorkspacePath(textFileOf('news/a'))).toEqual({ kind: 'text', id: 'news/a' });
    expect(defaultExportDestination('jsonl', new Date(Date.UTC(2026, 0, 28, 9, 30, 15)))).toBe(
      'exports/jsonl-20260128-093015.jsonl',
    );
  });
});
