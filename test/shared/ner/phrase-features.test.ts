// The phrase around a word that the ±2 window cannot see (features.ts phraseFeatures): a head word of a name
// (وزارة، مطار، مدينة) a few words back with only words with the article between.
import { describe, expect, it } from 'vitest';
import { phraseHead, sentenceFeatures } from '../../../shared/ner/features';

const phrase = (sentence: string) => {
  const tokens = sentence.split(' ');
  return sentenceFeatures(tokens).map((fs) => fs.filter((f) => /^(?:hd|hdd|ha|dp)=/u.test(f)).join(' '));
};

describe('phrase features', () => {
  it('a head word three words back still reaches a word when only words with the article stand between', () => {
    expect(phrase('قالت وزارة الخارجية الامريكية الجديدة ان')).toEqual([
      '',
      'ha=ORG|3',
      'hd=ORG|1',
      'hd=ORG|2',
      'hd=ORG|3',
      // The first word without the article after the chain is not in it.
      '',
    ]);
  });

  it('a word without the article breaks the chain', () => {
    expect(phrase('مطار حيدر علييف الدولي')).toEqual(['ha=LOC|0', '', '', '']);
  });

  it('sees no farther than five words back', () => {
    expect(phrase('مدينة الالف الباء التاء الثاء الجيم الحاء').at(-1)).toBe('');
    expect(phrase('مدينة الالف الباء التاء الثاء الجيم').at(-1)).toBe('hd=GPE|5');
  });

  it('knows a head word under its clitics and the article, though stripClitics cuts its first letter', () => {
    for (const word of ['وزارة', 'ووزارة', 'بوزارة', 'الوزارة', 'والوزارة', 'للوزارة', 'وللوزارة'])
      expect(phraseHead(word)).toBe('ORG');
    expect(phraseHead('بالمجلس')).toBe('ORG');
    expect(phraseHead('المدينة')).toBe('GPE');
    expect(phraseHead('بنهر')).toBe('LOC');
    // Not a head word: a name that only starts like one, or a common word.
    expect(phraseHead('وزير')).toBe('');
    expect(phraseHead('الحكومة')).toBe('');
  });
});
