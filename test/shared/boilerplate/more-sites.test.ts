// More sites we do not have, and the embeds and bylines the corpus has too few of (cases in
// more-sites-cases.ts, made up, never corpus text): each found whole, with nothing else removed.
// On main (cleanup52's rules) 52 of 79 cases came out whole: 0.650 of the marked characters found, and one
// sentence removed ("Watch the video of the vote, he told reporters, …"); since cleanup53 all 79. A case
// still missed goes under MISSED with why.
import { describe, expect, test } from 'vitest';
import { suggestEdits } from '../../../shared/boilerplate/index';
import { CASES } from './more-sites-cases';

/** Cases still missed, and why: kept out of the check so it says what is found. */
const MISSED = new Set<string>([]);

function check(marked: string): { missed: string; extra: string } {
  const parts = marked.split(/\[\[|\]\]/u);
  let text = '';
  const want: [number, number][] = [];
  parts.forEach((p, i) => {
    if (i % 2) want.push([text.length, text.length + p.length]);
    text += p;
  });
  const removals = suggestEdits(text).filter((e) => e.kind === 'boilerplate');
  let missed = '';
  let extra = '';
  for (let k = 0; k < text.length; k++) {
    if (/\s/u.test(text[k])) continue;
    const wanted = want.some(([a, b]) => a <= k && k < b);
    const removed = removals.some((e) => e.start <= k && k < e.end);
    if (wanted && !removed) missed += text[k];
    if (!wanted && removed) extra += text[k];
  }
  return { missed, extra };
}

describe('boilerplate of more sites we do not have (made-up articles)', () => {
  test.each(Object.entries(CASES).filter(([name]) => !MISSED.has(name)))('%s', (_name, marked) => {
    expect(check(marked)).toEqual({ missed: '', extra: '' });
  });
});
