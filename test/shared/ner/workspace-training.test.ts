// What the workspace's tagger learns from: annotated documents whole; from a document to do,
// only the sentences of its rejected suggestions, the rejected span as "no name".
import { describe, expect, test } from 'vitest';
import { teachesTagger, trainingSentences } from '../../../shared/ner/workspace-training';

const TEXT = 'زار بايدن القاهرة أمس. وقال مسؤول إن الزيارة ناجحة. وصل الوفد إلى عمان.';
const at = (needle: string) => [...TEXT.slice(0, TEXT.indexOf(needle))].length;
const span = (needle: string) => ({ start: at(needle), end: at(needle) + [...needle].length });

describe('training sentences', () => {
  test('an annotated document teaches every sentence; one to do teaches nothing', () => {
    const entities = [{ ...span('بايدن'), label: 'PERSON' }];
    const done = trainingSentences([{ text: TEXT, status: 'done', entities }]);
    expect(done).toHaveLength(3);
    expect(done[0]).toEqual({
      tokens: ['زار', 'بايدن', 'القاهرة', 'أمس', '.'],
      tags: ['O', 'B-PERSON', 'O', 'O', 'O'],
    });
    expect(trainingSentences([{ text: TEXT, status: 'todo', entities }])).toEqual([]);
    expect(teachesTagger({ status: 'todo', entities, rejected: [] })).toBe(false);
  });

  test('a rejected suggestion in a document to do teaches its own sentence, the span as no name', () => {
    const rejected = [{ rule: 'entity:PERSON', ...span('مسؤول'), text: 'مسؤول' }];
    const cleanup = [{ rule: 'site-template', ...span('وصل الوفد'), text: 'وصل الوفد' }];
    const doc = { text: TEXT, status: 'todo' as const, entities: [], rejected: [...rejected, ...cleanup] };
    expect(teachesTagger(doc)).toBe(true);
    const got = trainingSentences([doc]);
    expect(got).toHaveLength(1);
    expect(got[0].tokens).toContain('مسؤول');
    expect(got[0].tags.every((t) => t === 'O')).toBe(true);
    expect(teachesTagger({ ...doc, rejected: cleanup })).toBe(false);
  });
});
