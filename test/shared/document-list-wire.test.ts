import { describe, expect, it, vi } from 'vitest';
import type { DocumentSummary, WorkspaceInfo } from '../../shared/api';
import { packListAnswer, packSummary, unpackListAnswer, unpackSummary } from '../../shared/document-list-wire';

const summaries: DocumentSummary[] = [
  { id: 'news/a', file: 'news/a.txt', status: 'todo', entities: 0, quotes: 0, edits: 0, pending: true },
  {
    id: 'أخبار/😀 e\u0301',
    file: 'أخبار/😀 e\u0301.txt',
    status: 'done',
    title: 'عنوان',
    entities: 3,
    quotes: 1,
    edits: 2,
  },
  { id: 'b', file: 'b.txt', status: 'todo', entities: 0, quotes: 0, edits: 0 },
  { id: 'c', file: 'c.txt', status: 'todo', entities: 0, quotes: 0, edits: 0, pending: true, title: 'Known before' },
  {
    id: 'gone',
    file: 'gone.txt',
    status: 'in_progress',
    entities: 0,
    quotes: 4,
    edits: 0,
    problem: { code: 'not-found', message: 'is missing', file: 'gone.txt' },
  },
  { id: 'odd', file: 'elsewhere/odd.txt', status: 'todo', entities: 0, quotes: 0, edits: 0 },
];

describe('the document list on the wire', () => {
  it('gives back every summary as it was, through JSON', () => {
    const wire = JSON.parse(JSON.stringify(summaries.map(packSummary)));
    expect(wire.map(unpackSummary)).toEqual(summaries);
  });

  it('makes nothing per row to pack a document not read yet (no array of its keys)', () => {
    const rows: DocumentSummary[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `d/${i}`,
      file: `d/${i}.txt`,
      status: 'todo',
      entities: 0,
      quotes: 0,
      edits: 0,
      pending: true,
    }));
    const keys = vi.spyOn(Object, 'keys');
    try {
      expect(rows.map(packSummary)).toEqual(rows.map((r) => r.id));
      expect(keys).not.toHaveBeenCalled();
    } finally {
      keys.mockRestore();
    }
    // One key more (a title known before) and it is not bare: sent as an object.
    expect(packSummary({ ...rows[0], title: 'T' })).toEqual({ id: 'd/0', pending: true, title: 'T' });
  });

  it('sends a document not read yet as its id alone, and leaves out the defaults of the others', () => {
    expect(packSummary(summaries[0])).toBe('news/a');
    expect(packSummary(summaries[2])).toEqual({ id: 'b' });
    expect(packSummary(summaries[3])).toEqual({ id: 'c', pending: true, title: 'Known before' });
    expect(packSummary(summaries[5])).toEqual({ id: 'odd', file: 'elsewhere/odd.txt' });
  });

  it('packs the answers that carry the list and no other', () => {
    const info = { root: 'w', name: 'w', documents: summaries } as unknown as WorkspaceInfo;
    const packed = JSON.parse(JSON.stringify(packListAnswer('getWorkspace', info)));
    expect(packed.documents[0]).toBe('news/a');
    expect(unpackListAnswer('getWorkspace', packed)).toEqual(info);
    const listed = JSON.parse(JSON.stringify(packListAnswer('listDocuments', summaries)));
    expect(unpackListAnswer('listDocuments', listed)).toEqual(summaries);
    const other = { documents: ['x'] };
    expect(packListAnswer('corpusProgress', other)).toBe(other);
    expect(unpackListAnswer('corpusProgress', other)).toBe(other);
  });

  it('makes 100,000 pending summaries a fraction of their full JSON', () => {
    const many: DocumentSummary[] = Array.from({ length: 100_000 }, (_, i) => {
      const id = `batch-${String(Math.floor(i / 500)).padStart(3, '0')}/article-${String(i).padStart(5, '0')}`;
      return { id, file: `${id}.txt`, status: 'todo', entities: 0, quotes: 0, edits: 0, pending: true };
    });
    const full = JSON.stringify(many).length;
    const packed = JSON.stringify(packListAnswer('listDocuments', many)).length;
    expect(packed).toBeLessThan(full / 3.5);
  });
});

describe('packSummary, against its first form', () => {
  // The form before its shortcut for pending bare summaries: a copy of the rest made for each.
  function packedBefore(summary: DocumentSummary): unknown {
    const { id, file, status, entities, quotes, edits, ...rest } = summary;
    const bare = file === `${id}.txt` && status === 'todo' && !entities && !quotes && !edits;
    if (bare && summary.pending && Object.keys(rest).length === 1) return id;
    const packed: Record<string, unknown> = { id, ...rest };
    if (file !== `${id}.txt`) packed.file = file;
    if (status !== 'todo') packed.status = status;
    if (entities) packed.entities = entities;
    if (quotes) packed.quotes = quotes;
    if (edits) packed.edits = edits;
    return packed;
  }

  it('packs every mix of fields as it did (pending is true or absent)', () => {
    const ids = ['a', 'news/a', 'a.txt', '', 'أ/ب'];
    const files = (id: string) => [`${id}.txt`, `${id}.TXT`, `x${id}.txt`, `${id}.txt.txt`, 'other.txt'];
    let n = 0;
    for (const id of ids)
      for (const file of files(id))
        for (const status of ['todo', 'done'] as const)
          for (const count of [0, 2])
            for (const pending of [true, undefined] as const)
              for (const title of [undefined, 'T']) {
                const summary: DocumentSummary = { id, file, status, entities: count, quotes: 0, edits: 0 };
                if (pending !== undefined) summary.pending = pending;
                if (title !== undefined) summary.title = title;
                expect(packSummary(summary), JSON.stringify(summary)).toEqual(packedBefore(summary));
                n++;
              }
    expect(n).toBe(400);
  });
});
