import { describe, expect, test } from 'vitest';
import { linkLeftover } from '../../../shared/boilerplate/link-leftover';
import { removed } from './rule-harness';

describe('link-leftover', () => {
  test('read-more lines under excerpts', () => {
    expect(
      removed(
        linkLeftover,
        'She taught for 30 years.\nRead more about her\nHe ran the bakery.\nRead more about him from Local News\n',
      ),
    ).toEqual(['Read more about her\n', 'Read more about him from Local News\n']);
  });

  test('a short URL or a graphic pointer after the last sentence goes, the sentence stays', () => {
    expect(removed(linkLeftover, 'The report was published on Monday. bit.ly/4xYzAbc\n')).toEqual([' bit.ly/4xYzAbc']);
    expect(removed(linkLeftover, 'Sales fell sharply in May. (example.com/story/123)\n')).toEqual([
      ' (example.com/story/123)',
    ]);
    expect(removed(linkLeftover, 'The fund moved the money abroad. (See chart here showing the flows.)\n')).toEqual([
      ' (See chart here showing the flows.)',
    ]);
  });

  test.each([
    'The minister posted the letter at bit.ly/4xYzAbc on Twitter.',
    'Read more about the plan in the full report, the minister told MPs.',
    'See more of the city on foot.',
    'bit.ly/4xYzAbc',
  ])('keeps %s', (line) => {
    expect(removed(linkLeftover, `${line}\n`)).toEqual([]);
  });
});
