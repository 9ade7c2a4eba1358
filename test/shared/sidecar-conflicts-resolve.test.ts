// Settling one structured conflict (Teams): the chosen version(s) in the list, the conflict gone.
import { describe, expect, it } from 'vitest';
import type { Entity, Sidecar } from '../../shared/model';
import { resolveConflict } from '../../shared/sidecar-conflicts';

const e = (id: string, start: number, end: number, label: string): Entity => ({ id, start, end, label, text: 'x' });

function sidecar(): Sidecar {
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: 'a'.repeat(64), length: 40 },
    document: { status: 'in-progress' },
    edits: [{ id: 'e1', start: 0, end: 5, text: 'xxxxx', replacement: '', kind: 'boilerplate' }],
    entities: [e('t1', 10, 14, 'PERSON')],
    quotes: [],
    conflicts: [
      {
        kind: 'entity',
        id: 't1',
        reason: 'both-changed',
        mine: e('t1', 10, 14, 'PERSON'),
        theirs: e('t1', 10, 16, 'ORG'),
      },
      {
        kind: 'edit',
        id: 'e2',
        reason: 'overlapping-edit',
        mine: { id: 'e1', start: 0, end: 5, text: 'xxxxx', replacement: '', kind: 'boilerplate' },
        theirs: { id: 'e2', start: 3, end: 8, text: 'xxxxx', replacement: '', kind: 'boilerplate' },
      },
      { kind: 'document', id: 'status', reason: 'field-changed', base: 'todo', mine: 'in-progress', theirs: 'done' },
    ],
  } as unknown as Sidecar;
}

describe('resolveConflict', () => {
  it('takes mine, theirs, both (a second id) or neither for an item', () => {
    expect(resolveConflict(sidecar(), 0, 'mine').entities.map((x) => [x.id, x.label])).toEqual([['t1', 'PERSON']]);
    expect(resolveConflict(sidecar(), 0, 'theirs').entities.map((x) => [x.id, x.end])).toEqual([['t1', 16]]);
    expect(resolveConflict(sidecar(), 0, 'both').entities.map((x) => [x.id, x.label])).toEqual([
      ['t1', 'PERSON'],
      ['t1-2', 'ORG'],
    ]);
    const neither = resolveConflict(sidecar(), 0, 'neither');
    expect(neither.entities).toEqual([]);
    expect(neither.conflicts?.map((c) => c.id)).toEqual(['e2', 'status']);
  });

  it('refuses both of two overlapping edits, and both values of a field', () => {
    expect(() => resolveConflict(sidecar(), 1, 'both')).toThrow(/overlap: only one of them can stay/);
    expect(resolveConflict(sidecar(), 1, 'theirs').edits.map((x) => x.id)).toEqual(['e2']);
    expect(() => resolveConflict(sidecar(), 2, 'both')).toThrow(/status holds one value/);
    expect(resolveConflict(sidecar(), 2, 'theirs').document.status).toBe('done');
    expect(resolveConflict(sidecar(), 2, 'neither').document.status).toBe('todo');
  });

  it('drops the conflicts section with the last one', () => {
    let s = sidecar();
    for (let i = 0; i < 3; i++) s = resolveConflict(s, 0, 'mine');
    expect('conflicts' in s).toBe(false);
    expect(() => resolveConflict(s, 0, 'mine')).toThrow(/no conflict number 1/);
  });
});
