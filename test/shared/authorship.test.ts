import { describe, expect, it } from 'vitest';
import { stampAuthorship } from '../../shared/authorship';
import type { Sidecar } from '../../shared/model';
import { emptySidecar, parseSidecar, serializeSidecar } from '../../shared/sidecar';

const base: Sidecar = {
  ...emptySidecar('a.txt', 'ab'.repeat(32), 40),
  entities: [
    { id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara' },
    { id: 't2', start: 10, end: 14, label: 'ORG', text: 'Acme', createdBy: 'Omar', changedBy: 'Omar' },
  ],
  quotes: [{ id: 'q1', start: 20, end: 30, text: 'we will go', speaker: 't1', kind: 'direct' }],
};

describe('stampAuthorship', () => {
  it('stamps what is new with both names, what changed with changedBy, and leaves the rest as it was', () => {
    const next: Sidecar = {
      ...base,
      entities: [
        { ...base.entities[0], label: 'ORG' },
        base.entities[1],
        { id: 't3', start: 5, end: 9, label: 'GPE', text: 'Oman' },
      ],
      edits: [{ id: 'e1', start: 35, end: 40, text: 'Share', replacement: '', kind: 'boilerplate' }],
    };
    const out = stampAuthorship(base, next, 'Lina');
    expect(out.entities).toEqual([
      // made before Teams: nobody knows who created it, Lina changed it
      { id: 't1', start: 0, end: 4, label: 'ORG', text: 'Sara', changedBy: 'Lina' },
      { id: 't2', start: 10, end: 14, label: 'ORG', text: 'Acme', createdBy: 'Omar', changedBy: 'Omar' },
      { id: 't3', start: 5, end: 9, label: 'GPE', text: 'Oman', createdBy: 'Lina', changedBy: 'Lina' },
    ]);
    expect(out.edits[0]).toMatchObject({ createdBy: 'Lina', changedBy: 'Lina' });
    expect(out.quotes[0].createdBy).toBeUndefined();
    expect(out.quotes[0].changedBy).toBeUndefined();
  });

  it('keeps Omar as the creator when Lina changes his entity, and keeps names that arrive already stamped', () => {
    const next: Sidecar = {
      ...base,
      entities: [
        base.entities[0],
        { ...base.entities[1], link: 'Q1' },
        { id: 't9', start: 1, end: 2, label: 'MISC', text: 'a', createdBy: 'Omar', changedBy: 'Omar' },
      ],
    };
    const out = stampAuthorship(base, next, 'Lina');
    expect(out.entities[1]).toMatchObject({ createdBy: 'Omar', changedBy: 'Lina' });
    expect(out.entities[2]).toMatchObject({ createdBy: 'Omar', changedBy: 'Omar' });
  });

  it('a change of the names alone is no change: the names stay as they were on disk', () => {
    const next: Sidecar = { ...base, entities: [base.entities[0], { ...base.entities[1], changedBy: 'Mallory' }] };
    expect(stampAuthorship(base, next, 'Lina').entities[1].changedBy).toBe('Omar');
  });
});

describe('createdBy and changedBy in the file', () => {
  it('are written after the other fields of an item, and read back', () => {
    const json = serializeSidecar({
      ...base,
      entities: [
        { id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara', changedBy: 'Lina', createdBy: 'Omar', link: 'Q5' },
      ],
    });
    expect(json).toContain(
      '"text": "Sara",\n      "link": "Q5",\n      "createdBy": "Omar",\n      "changedBy": "Lina"\n',
    );
    expect(parseSidecar(json).entities[0]).toMatchObject({ createdBy: 'Omar', changedBy: 'Lina' });
  });

  it('an older file without them reads and writes back byte for byte', () => {
    const older = serializeSidecar({ ...base, entities: [base.entities[0]] });
    expect(older).not.toContain('createdBy');
    expect(serializeSidecar(parseSidecar(older))).toBe(older);
  });

  it('a name that is not a string is refused, naming the item', () => {
    const bad = JSON.parse(serializeSidecar(base));
    bad.entities[1].createdBy = 7;
    expect(() => parseSidecar(JSON.stringify(bad), 'a.annotations.json')).toThrow(
      /a\.annotations\.json: is not a valid sidecar: entities\[1\]\.createdBy: must be a string/,
    );
  });
});
