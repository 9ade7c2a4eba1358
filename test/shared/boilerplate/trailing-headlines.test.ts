import { describe, expect, test } from 'vitest';
import { trailingHeadlines } from '../../../shared/boilerplate/trailing-headlines';
import { removed } from './rule-harness';

const article =
  'The city council approved the new budget for public libraries on Tuesday.\nLibrarians said the budget would let branches open on Sundays again.\n';
const headlines = [
  'Heat wave breaks records across southern Europe',
  'Central bank keeps interest rates unchanged for now',
  'Local team wins its first national title in decades',
];

describe('trailing-headlines', () => {
  test('a list of other stories’ headlines after the last sentence', () => {
    expect(removed(trailingHeadlines, `${article}${headlines.join('\n')}\n`)).toEqual([`${headlines.join('\n')}\n`]);
  });

  test('two headlines, short items, or a list on the article’s topic stay', () => {
    expect(removed(trailingHeadlines, `${article}${headlines.slice(0, 2).join('\n')}\n`)).toEqual([]);
    expect(removed(trailingHeadlines, `${article}Flour\nSugar\nTwo eggs\nButter\n`)).toEqual([]);
    const own = [
      'New Sunday hours for the central public library',
      'Budget brings back Sunday hours at branch libraries',
      'Librarians welcome the new budget for libraries',
    ];
    expect(removed(trailingHeadlines, `${article}${own.join('\n')}\n`)).toEqual([]);
  });

  test('a document of headlines only is not cut', () => {
    expect(removed(trailingHeadlines, `${headlines.join('\n')}\n${headlines.join('\n')}\n`)).toEqual([]);
  });
});
