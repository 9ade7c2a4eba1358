// What the live region says after an edit: worked out from the document data before and after.
import { describe, expect, it } from 'vitest';
import { announceChange, shortText } from '../../shared/change-announcement';
import { withSpans, type DocumentData } from '../../shared/document-data';
import { createTranslator } from '../../shared/i18n/translator';
import type { Entity, Quote } from '../../shared/model';

const base: DocumentData = {
  document: { id: 'a', status: 'todo' } as DocumentData['document'],
  edits: {},
  entities: {},
  quotes: {},
};
const biden: Entity = { id: 't1', start: 30, end: 38, label: 'PERSON', text: 'جو بايدن' };

describe('change announcements', () => {
  it('a tag, a relabel, a delete, and their undo and redo', () => {
    const tagged = {
      ...base,
      document: { ...base.document, status: 'in_progress' as const },
      entities: withSpans(base.entities, { t1: biden }),
    };
    // The first edit's move to "in progress" goes unsaid.
    expect(announceChange(base, tagged, 'edit')).toBe('tagged PERSON جو بايدن');
    expect(announceChange(tagged, base, 'undo')).toBe('undone: tagged PERSON جو بايدن');
    expect(announceChange(base, tagged, 'redo')).toBe('redone: tagged PERSON جو بايدن');
    const relabelled = { ...tagged, entities: withSpans(tagged.entities, { t1: { ...biden, label: 'ORG' } }) };
    expect(announceChange(tagged, relabelled, 'edit')).toBe('relabelled جو بايدن as ORG');
    const deleted = { ...tagged, entities: withSpans(tagged.entities, { t1: null }) };
    expect(announceChange(tagged, deleted, 'edit')).toBe('deleted PERSON جو بايدن');
    // An undo goes from the later data back: undoing the delete brings the entity back.
    expect(announceChange(deleted, tagged, 'undo')).toBe('undone: deleted PERSON جو بايدن');
  });

  it('in Arabic, with the Arabic plural and separator, when the interface is in Arabic', () => {
    const ar = createTranslator('ar');
    const tagged = { ...base, entities: withSpans(base.entities, { t1: biden }) };
    expect(announceChange(base, tagged, 'edit', ar)).toBe('وُسم PERSON جو بايدن');
    expect(announceChange(tagged, base, 'undo', ar)).toBe('تراجع عن: وُسم PERSON جو بايدن');
    const two = withSpans(base.entities, { t1: biden, t2: { ...biden, id: 't2', start: 90, end: 95, text: 'بايدن' } });
    expect(announceChange(base, { ...base, entities: two }, 'edit', ar)).toBe('وُسم كيانان بـPERSON');
    const quote: Quote = { id: 'q1', start: 40, end: 60, text: 'الأمر جيد', kind: 'direct', speaker: null };
    const both = { ...tagged, quotes: withSpans(base.quotes, { q1: quote }) };
    expect(announceChange(base, both, 'edit', ar)).toBe('وُسم PERSON جو بايدن؛ عُلّم اقتباس الأمر جيد');
  });

  it('tag-all, quotes, speakers, cleanup edits and the status', () => {
    const many = withSpans(base.entities, {
      t1: biden,
      t2: { ...biden, id: 't2', start: 90, end: 95, text: 'بايدن' },
      t3: { ...biden, id: 't3', start: 120, end: 125, text: 'بايدن' },
    });
    expect(announceChange(base, { ...base, entities: many }, 'edit')).toBe('tagged 3 entities as PERSON');
    const q: Quote = {
      id: 'q1',
      start: 200,
      end: 260,
      text: 'نرحب بفرصة حلفائنا لبدء حوار',
      speaker: null,
      kind: 'direct',
    };
    const quoted = { ...base, entities: many, quotes: withSpans(base.quotes, { q1: q }) };
    expect(announceChange({ ...base, entities: many }, quoted, 'edit')).toBe(
      'marked quote نرحب بفرصة حلفائنا لبدء حوار',
    );
    const spoken = { ...quoted, quotes: withSpans(quoted.quotes, { q1: { ...q, speaker: 't1' } }) };
    expect(announceChange(quoted, spoken, 'edit')).toBe('speaker جو بايدن');
    const indirect = {
      ...spoken,
      quotes: withSpans(spoken.quotes, { q1: { ...q, speaker: 't1', kind: 'indirect' as const } }),
    };
    expect(announceChange(spoken, indirect, 'edit')).toBe('quote is indirect');
    const cleaned = {
      ...base,
      edits: withSpans(base.edits, {
        e1: {
          id: 'e1',
          start: 0,
          end: 20,
          text: 'إقرأ المزيد بايدن يتلقى',
          replacement: '',
          kind: 'boilerplate' as const,
        },
      }),
    };
    expect(announceChange(base, cleaned, 'edit')).toBe('removed boilerplate إقرأ المزيد بايدن يتلقى');
    const space = {
      ...base,
      edits: withSpans(base.edits, {
        e2: { id: 'e2', start: 5, end: 5, text: '', replacement: ' ', kind: 'typo' as const },
      }),
    };
    expect(announceChange(base, space, 'edit')).toBe('inserted a space');
    expect(announceChange(space, base, 'undo')).toBe('undone: inserted a space');
    const done = { ...base, document: { ...base.document, status: 'done' as const } };
    expect(announceChange(base, done, 'edit')).toBe('marked done');
    // Nothing to tell: no words for an edit, a bare "undone" for an undo.
    expect(announceChange(base, { ...base }, 'edit')).toBeNull();
    expect(announceChange(base, { ...base }, 'undo')).toBe('undone');
  });

  it('long texts are cut to their first words, counted in code points (emoji, combining marks)', () => {
    const long = 'قال '.repeat(40);
    expect(Array.from(shortText(long)).length).toBeLessThanOrEqual(60);
    expect(shortText(long).endsWith('…')).toBe(true);
    const emoji = '😀'.repeat(70);
    expect(Array.from(shortText(emoji))).toHaveLength(60);
    expect(shortText('a\r\n  b')).toBe('a b');
  });
});
