import { describe, expect, it } from 'vitest';
import {
  assignedPasses,
  foldForFilter,
  foldWords,
  holdsAll,
  narrows,
  parseFilter,
  statusPasses,
  toggleAssignedToMe,
  wordsMissing,
} from '../../shared/document-filter';
import { extractTitle } from '../../shared/metadata';

describe('the document filter', () => {
  it('parses words and status: (todo, in_progress, in-progress, done)', () => {
    expect(parseFilter('  Biden  status:DONE اليابان ')).toEqual({
      statuses: ['done'],
      words: ['biden', 'اليابان'],
      assigned: null,
    });
    expect(parseFilter('status:in-progress').statuses).toEqual(['in_progress']);
    const typing = parseFilter('status:do');
    expect(statusPasses(typing, 'done')).toBe(false);
    expect(statusPasses(parseFilter('kim'), 'todo')).toBe(true);
  });

  it('folds hamza forms, diacritics, tatweel and Latin case as the editor search does', () => {
    const text = foldForFilter('قمة مع إسرائيل وبايـدن، Kishida says');
    expect(wordsMissing(text, foldWords(['اسرائيل', 'بَايْدن', 'KISHIDA']))).toEqual([]);
    expect(wordsMissing(text, foldWords(['أسرائيل', 'طوكيو']))).toEqual(['طوكيو']);
    // A word of diacritics alone looks for nothing (it would match every document).
    expect(foldWords(['َ', 'ب'])).toEqual(['ب']);
  });

  it('holdsAll: every folded word in the text, as wordsMissing finds none', () => {
    const text = foldForFilter('قمة مع إسرائيل وبايـدن، Kishida says 👍🏽');
    expect(holdsAll(text, foldWords(['اسرائيل', 'بَايْدن', 'KISHIDA', '👍🏽']))).toBe(true);
    expect(holdsAll(text, foldWords(['أسرائيل', 'طوكيو']))).toBe(false);
    expect(holdsAll(text, [])).toBe(true);
  });

  it('narrows: a filter that can only keep fewer documents (a word typed further, a word or status added)', () => {
    const narrowing = (a: string, b: string) => {
      const [x, y] = [parseFilter(a), parseFilter(b)];
      return narrows(x, foldWords(x.words), y, foldWords(y.words));
    };
    expect(narrowing('kish', 'kishida')).toBe(true);
    expect(narrowing('article-0', 'article-01')).toBe(true);
    expect(narrowing('اسر', 'إسرائيل')).toBe(true); // folded: the hamza typed or not
    expect(narrowing('kim', 'kim jong')).toBe(true);
    expect(narrowing('kim', 'kim status:done')).toBe(true);
    expect(narrowing('status:todo status:done', 'status:done')).toBe(true);
    expect(narrowing('kim', 'assigned:me kim')).toBe(true);
    // Widening, or another list: looked at whole again.
    expect(narrowing('kishida', 'kish')).toBe(false); // Backspace
    expect(narrowing('kim jong', 'kim')).toBe(false);
    expect(narrowing('kim status:done', 'kim')).toBe(false);
    expect(narrowing('status:done', 'status:todo')).toBe(false);
    expect(narrowing('status:do', 'status:done')).toBe(false); // `status:do` kept nothing
    expect(narrowing('assigned:me', 'assigned:lina')).toBe(false);
    expect(narrowing('kim', 'biden')).toBe(false);
  });

  it('counts code points, not UTF-16 units: emoji and combining marks fold without shifting', () => {
    expect(foldForFilter('👍 Café é')).toBe('👍 cafe e');
  });
});

describe('assigned:me (Teams)', () => {
  const assignment = { 'news/a': ['lina', 'omar'], b: ['Omar'], c: ['sara'] };
  it('keeps the documents the assignment gives this annotator (any case), or the one named', () => {
    const me = parseFilter('Assigned:Me status:todo');
    expect(me.assigned).toBe('me');
    expect(me.words).toEqual([]);
    expect(['news/a', 'b', 'c', 'd'].filter((id) => assignedPasses(me, id, assignment, 'Omar'))).toEqual([
      'news/a',
      'b',
    ]);
    const sara = parseFilter('assigned:sara');
    expect(['news/a', 'b', 'c'].filter((id) => assignedPasses(sara, id, assignment, 'Omar'))).toEqual(['c']);
  });

  it('without an assignment or a name nothing is assigned; without the word everything passes', () => {
    const me = parseFilter('assigned:me');
    expect(assignedPasses(me, 'b', undefined, 'omar')).toBe(false);
    expect(assignedPasses(me, 'b', assignment, '')).toBe(false);
    expect(assignedPasses(me, '__proto__', assignment, 'omar')).toBe(false);
    expect(assignedPasses(parseFilter('biden'), 'x', undefined, '')).toBe(true);
  });

  it('the toggle adds and takes out the word, leaving the rest of the filter', () => {
    expect(toggleAssignedToMe('biden status:done')).toBe('assigned:me biden status:done');
    expect(toggleAssignedToMe('biden Assigned:me  status:done')).toBe('biden status:done');
    expect(toggleAssignedToMe('')).toBe('assigned:me');
  });
});

describe('extractTitle', () => {
  it('takes a headline-like first line, after blank lines, CRLF and a BOM-less start', () => {
    expect(extractTitle('\r\n  Japan ready for talks with Pyongyang "at any time"\r\nBy X\r\n')).toBe(
      'Japan ready for talks with Pyongyang "at any time"',
    );
    expect(extractTitle('منفتحون على الحوار مع كيم جونغ أون.. بايدن يدعم مساعي اليابان\nنص')).toBe(
      'منفتحون على الحوار مع كيم جونغ أون.. بايدن يدعم مساعي اليابان',
    );
  });

  it('leaves out a first line that is a date or a single word', () => {
    expect(extractTitle('11 April 2024\nText')).toBeUndefined();
    expect(extractTitle('Hello\nText')).toBeUndefined();
    expect(extractTitle('')).toBeUndefined();
  });
});
