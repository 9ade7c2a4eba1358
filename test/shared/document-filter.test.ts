import { describe, expect, it } from 'vitest';
import { foldForFilter, foldWords, parseFilter, statusPasses, wordsMissing } from '../../shared/document-filter';
import { extractTitle } from '../../shared/metadata';

describe('the document filter', () => {
  it('parses words and status: (todo, in_progress, in-progress, done)', () => {
    expect(parseFilter('  Biden  status:DONE اليابان ')).toEqual({ statuses: ['done'], words: ['biden', 'اليابان'] });
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

  it('counts code points, not UTF-16 units: emoji and combining marks fold without shifting', () => {
    expect(foldForFilter('👍 Café é')).toBe('👍 cafe e');
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
