import { describe, expect, it } from 'vitest';
import type { Entity, LabelConfig } from '../../shared/model';
import { crossesParagraphBreak, labelPolicy, overlapRelation, policyBreak, spansCross } from '../../shared/span-policy';

const LABELS: LabelConfig[] = [
  { name: 'PERSON' },
  { name: 'ORG', allowCrossing: false },
  { name: 'EVENT', allowAcrossParagraphs: true },
];

function entity(id: string, start: number, end: number, label: string, text = 'x'.repeat(end - start)): Entity {
  return { id, start, end, label, text };
}

describe('span policies (tahrir.json, per label)', () => {
  it('defaults: crossing allowed, a paragraph break not', () => {
    expect(labelPolicy(undefined)).toEqual({ allowCrossing: true, allowAcrossParagraphs: false });
    expect(labelPolicy(LABELS[1])).toEqual({ allowCrossing: false, allowAcrossParagraphs: false });
    expect(labelPolicy(LABELS[2])).toEqual({ allowCrossing: true, allowAcrossParagraphs: true });
  });

  it('a span crosses a paragraph break when its text holds a line break (LF, CRLF, U+2029)', () => {
    expect(crossesParagraphBreak('جو بايدن')).toBe(false);
    expect(crossesParagraphBreak('طوكيو.\nوقال')).toBe(true);
    expect(crossesParagraphBreak('Tokyo.\r\nThe')).toBe(true);
    expect(crossesParagraphBreak('a\u2029b')).toBe(true);
  });

  it('crossing is overlapping without nesting', () => {
    expect(spansCross({ start: 0, end: 10 }, { start: 5, end: 15 })).toBe(true);
    expect(spansCross({ start: 5, end: 15 }, { start: 0, end: 10 })).toBe(true);
    expect(spansCross({ start: 0, end: 10 }, { start: 2, end: 5 })).toBe(false);
    expect(spansCross({ start: 0, end: 10 }, { start: 0, end: 10 })).toBe(false);
    expect(spansCross({ start: 0, end: 10 }, { start: 10, end: 15 })).toBe(false);
  });

  it('refuses a span across a paragraph break by default, naming the label and the setting', () => {
    const text = 'في طوكيو.\n😀 وقال';
    const broken = policyBreak({ start: 3, end: 18, text, label: 'PERSON' }, LABELS, []);
    expect(broken?.rule).toBe('across-paragraphs');
    expect(broken?.message).toContain('A PERSON may not run across a paragraph break');
    expect(broken?.message).toContain('"allowAcrossParagraphs": true for PERSON in tahrir.json');
    expect(policyBreak({ start: 3, end: 18, text, label: 'EVENT' }, LABELS, [])).toBeNull();
  });

  it('refuses a crossing when either label refuses it; nesting always passes', () => {
    const org = entity('t1', 0, 10, 'ORG', 'جامعة القاهرة');
    const person = entity('t2', 20, 30, 'PERSON');
    const crossOrg = policyBreak({ start: 5, end: 15, text: 'abc', label: 'PERSON' }, LABELS, [org, person]);
    expect(crossOrg?.rule).toBe('crossing');
    expect(crossOrg?.other).toBe(org);
    expect(crossOrg?.message).toBe(
      'This PERSON would cross the ORG “جامعة القاهرة”, and ORG may not cross another entity (nesting inside it is allowed; "allowCrossing" in tahrir.json).',
    );
    expect(policyBreak({ start: 25, end: 35, text: 'abc', label: 'ORG' }, LABELS, [org, person])?.other).toBe(person);
    expect(policyBreak({ start: 25, end: 35, text: 'abc', label: 'EVENT' }, LABELS, [org, person])).toBeNull();
    expect(policyBreak({ start: 2, end: 5, text: 'abc', label: 'PERSON' }, LABELS, [org])).toBeNull();
    expect(policyBreak({ start: 0, end: 12, text: 'abc', label: 'ORG' }, LABELS, [org])).toBeNull();
    // The span being relabelled is not crossed by itself; an orphaned entity is not where it says.
    expect(policyBreak({ id: 't1', start: 0, end: 10, text: 'abc', label: 'ORG' }, LABELS, [org])).toBeNull();
    expect(
      policyBreak({ start: 5, end: 15, text: 'abc', label: 'ORG' }, LABELS, [{ ...org, orphaned: true }]),
    ).toBeNull();
  });
});

describe('overlapRelation', () => {
  it('says how one span lies against another', () => {
    expect(overlapRelation({ start: 2, end: 5 }, { start: 0, end: 10 })).toBe('inside');
    expect(overlapRelation({ start: 0, end: 10 }, { start: 2, end: 5 })).toBe('holds');
    expect(overlapRelation({ start: 0, end: 10 }, { start: 5, end: 15 })).toBe('crosses');
    expect(overlapRelation({ start: 0, end: 10 }, { start: 0, end: 10 })).toBe('same');
    expect(overlapRelation({ start: 0, end: 10 }, { start: 10, end: 15 })).toBeNull();
  });
});
