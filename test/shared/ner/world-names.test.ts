// The world's names from the runtime's ICU (features.ts worldFeatures): countries, continents and the countries'
// نسبة adjectives, known to the tagger without any corpus.
import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from '../../../shared/ner/features';

const world = (sentence: string) => {
  const tokens = sentence.split(' ');
  return sentenceFeatures(tokens).map((fs) => fs.filter((f) => f.startsWith('wg=')).join(' '));
};

describe("the world's names", () => {
  it('knows countries of one and of several words, and continents, under clitics', () => {
    expect(world('زار فرنسا و بالمملكة العربية السعودية و افريقيا')).toEqual([
      'wg=O',
      'wg=B-GPE',
      'wg=O',
      'wg=B-GPE',
      'wg=I-GPE',
      'wg=I-GPE',
      'wg=O',
      'wg=B-LOC',
    ]);
  });

  it("knows a country's نسبة adjective, with or without the article, though stripClitics cuts لبنان to بنان", () => {
    expect(world('اللبنانيين الفرنسية روسي الايرانيون')).toEqual(['wg=NIS', 'wg=NIS', 'wg=NIS', 'wg=NIS']);
  });

  it('tells its neighbours: a name after a country or before an adjective', () => {
    const tokens = 'ريال مدريد الاسباني'.split(' ');
    expect(sentenceFeatures(tokens)[1]).toContain('wg+1=NIS');
    expect(sentenceFeatures(tokens)[0]).not.toContain('wg+1=O');
  });

  it('leaves common words alone, and a name cut to two letters (بالاو → او)', () => {
    expect(world('قال او كان في الوزارة')).toEqual(['wg=O', 'wg=O', 'wg=O', 'wg=O', 'wg=O']);
  });
});
