// How many undo steps a document keeps: 500 for an article, fewer for a long document (each
// step keeps a copy of the records it changed), never fewer than 50.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../shared/model';
import type { DocumentData } from '../../shared/document-data';
import { undoSteps } from '../../shared/history';

function dataWith(entities: number): DocumentData {
  const record: Record<string, Entity> = {};
  for (let i = 1; i <= entities; i++)
    record[`t${i}`] = { id: `t${i}`, start: i * 10, end: i * 10 + 5, label: 'PERSON', text: 'أحمد' };
  return { document: { status: 'todo' } as DocumentData['document'], edits: {}, entities: record, quotes: {} };
}

describe('undo steps kept', () => {
  it('500 for a news article, ~100 for 10,000 entities, at least 50', () => {
    expect(undoSteps(dataWith(8))).toBe(500);
    expect(undoSteps(dataWith(10_000))).toBe(100);
    expect(undoSteps(dataWith(100_000))).toBe(50);
  });
});
