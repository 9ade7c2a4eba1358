// The progress view's documents per status over time (issue 19): each save that changes a
// document's status dates the change in the sidecar's statusHistory; a save that does not leaves
// the file as it was (no history is started for it), and an older file without one stays valid.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { corpusProgress } from '../../shared/corpus-progress';
import { parseSidecar } from '../../shared/sidecar';
import { withStatusChange } from '../../shared/status-history';
import { tempFolder, writeFiles } from './temp-folder';

describe('status history', () => {
  it('dates each change of status on save, keeps the history through saves that do not change it', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'a.txt': 'Sara met Omar in Amman.\n' });
    const backend = await Backend.open(root);
    const opened = await backend.openDocument('a');
    const file = join(root, 'a.annotations.json');
    const read = async () => parseSidecar(await readFile(file, 'utf8'), 'a.annotations.json');
    const tag = { id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara' };
    const r1 = await backend.saveSidecar(
      'a',
      { ...opened.sidecar, document: { ...opened.sidecar.document, status: 'in_progress' }, entities: [tag] },
      null,
    );
    const first = await read();
    // The first save has no file to compare with: written as sent, its updatedAt dates its status.
    expect(first.statusHistory).toBeUndefined();
    const r1b = await backend.saveSidecar(
      'a',
      { ...first, document: { ...first.document, status: 'todo' }, entities: [] },
      r1.revision,
    );
    const back = await read();
    expect(back.statusHistory).toEqual([
      { status: 'in_progress', at: first.updatedAt },
      { status: 'todo', at: back.updatedAt },
    ]);
    // The editor sends what it opened (history included) with a change that leaves the status.
    const r2 = await backend.saveSidecar('a', { ...back, entities: [tag] }, r1b.revision);
    expect((await read()).statusHistory).toEqual(back.statusHistory);
    // Sent without the history (an older editor): the file's is kept, the new status appended.
    const { statusHistory: _dropped, ...without } = await read();
    await backend.saveSidecar('a', { ...without, document: { ...without.document, status: 'done' } }, r2.revision);
    const done = await read();
    expect(done.statusHistory?.map((h) => h.status)).toEqual(['in_progress', 'todo', 'done']);
    expect(done.statusHistory?.[2].at).toBe(done.updatedAt);
    // Written after annotator, before conflicts: the key order of the format.
    const text = await readFile(file, 'utf8');
    expect(text.indexOf('"statusHistory"')).toBeGreaterThan(text.indexOf('"updatedAt"'));
  });

  it('starts no history when the status stays, so a file without one saves as it was', () => {
    const base = parseSidecar(
      JSON.stringify({
        format: 'tahrir-annotations',
        version: 1,
        source: { file: 'a.txt', sha256: '0'.repeat(64), length: 4 },
        document: { status: 'done' },
        edits: [],
        entities: [],
        quotes: [],
      }),
      'a.annotations.json',
    );
    expect(withStatusChange(base, base, '2026-12-01T00:00:00Z')).toBe(base);
    expect(withStatusChange(null, base, '2026-12-01T00:00:00Z')).toBe(base);
    // The editor saves a merge with a change on disk: the history on disk and the merged one are both kept.
    const onDisk = { ...base, statusHistory: [{ status: 'done' as const, at: '2026-11-05T10:00:00Z' }] };
    const merged = {
      ...base,
      statusHistory: [
        { status: 'in_progress' as const, at: '2026-11-04T10:00:00Z' },
        { status: 'done' as const, at: '2026-11-05T10:00:00Z' },
      ],
    };
    expect(withStatusChange(onDisk, merged, '2026-12-01T00:00:00Z').statusHistory).toEqual(merged.statusHistory);
    // An older file done since its last save, taken back to in progress: its history starts there.
    const older = { ...base, updatedAt: '2026-11-02T10:00:00Z' };
    const edited = { ...older, document: { status: 'in_progress' as const } };
    expect(withStatusChange(older, edited, '2026-12-01T00:00:00Z').statusHistory).toEqual([
      { status: 'done', at: '2026-11-02T10:00:00Z' },
      { status: 'in_progress', at: '2026-12-01T00:00:00Z' },
    ]);
  });

  it('the progress counts each document in each status from the day it changed to it', () => {
    const s = (status: 'todo' | 'in_progress' | 'done', history: [string, string][], updatedAt?: string) =>
      parseSidecar(
        JSON.stringify({
          format: 'tahrir-annotations',
          version: 1,
          source: { file: 'a.txt', sha256: '0'.repeat(64), length: 4 },
          document: { status },
          edits: [],
          entities: [],
          quotes: [],
          ...(updatedAt ? { updatedAt } : {}),
          ...(history.length ? { statusHistory: history.map(([st, at]) => ({ status: st, at })) } : {}),
        }),
        'a.annotations.json',
      );
    const p = corpusProgress([
      s(
        'done',
        [
          ['in_progress', '2026-11-20T09:00:00Z'],
          ['done', '2026-11-25T17:00:00Z'],
        ],
        '2026-11-29T10:00:00Z',
      ),
      s('in_progress', [['in_progress', '2026-11-25T08:00:00Z']], '2026-11-29T10:00:00Z'),
      // An older file: in its status from its last save.
      s('done', [], '2026-11-29T10:00:00Z'),
      null,
    ]);
    expect(p.overTime).toEqual([
      { day: '2026-11-20', todo: 3, in_progress: 1, done: 0 },
      { day: '2026-11-25', todo: 2, in_progress: 1, done: 1 },
      { day: '2026-11-29', todo: 1, in_progress: 1, done: 2 },
    ]);
  });
});
