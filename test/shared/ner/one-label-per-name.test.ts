// The last step of tagging (entity-tagger.ts): a name tagged with different labels across one text takes the label
// most of its occurrences carry, weighted by the tagger's confidence; bounds never change.
import { describe, expect, it } from 'vitest';
import { oneLabelPerName } from '../../../shared/ner/entity-tagger';

describe('one label per name across the text', () => {
  const sentences = [
    ['زار', 'وفد', 'المدينة', 'امس'],
    ['و', 'في', 'المدينة', 'مسجد'],
    ['قال', 'بالمدينة', 'احمد'],
  ];

  it('relabels the minority occurrence, clitics aside, and lowers its confidence to the majority share', () => {
    const tagged = [
      { tags: ['O', 'O', 'B-GPE', 'O'], confidence: [1, 1, 0.9, 1] },
      { tags: ['O', 'O', 'B-GPE', 'O'], confidence: [1, 1, 0.8, 1] },
      { tags: ['O', 'B-ORG', 'B-PERSON'], confidence: [1, 0.95, 0.9] },
    ];
    const out = oneLabelPerName(sentences, tagged);
    expect(out.map((t) => t.tags)).toEqual([
      ['O', 'O', 'B-GPE', 'O'],
      ['O', 'O', 'B-GPE', 'O'],
      ['O', 'B-GPE', 'B-PERSON'],
    ]);
    // GPE holds 1.7 of the name's 2.65.
    expect(out[2].confidence[1]).toBeCloseTo(1.7 / 2.65, 6);
    expect(out[0].confidence).toEqual(tagged[0].confidence);
  });

  it('leaves a label alone when no label holds the majority, and never moves bounds or names untagged words', () => {
    const tagged = [
      { tags: ['O', 'O', 'B-GPE', 'O'], confidence: [1, 1, 0.5, 1] },
      { tags: ['O', 'B-ORG', 'I-ORG', 'O'], confidence: [1, 0.9, 0.9, 1] },
      { tags: ['O', 'B-ORG', 'O'], confidence: [1, 0.9, 1] },
    ];
    // في المدينة (ORG) is another name than المدينة: GPE 0.5 against ORG 0.9 for المدينة.
    const out = oneLabelPerName(sentences, tagged);
    expect(out.map((t) => t.tags)).toEqual([
      ['O', 'O', 'B-ORG', 'O'],
      ['O', 'B-ORG', 'I-ORG', 'O'],
      ['O', 'B-ORG', 'O'],
    ]);
    const even = [
      { tags: ['O', 'O', 'B-GPE', 'O'], confidence: [1, 1, 0.9, 1] },
      { tags: ['O', 'O', 'B-LOC', 'O'], confidence: [1, 1, 0.8, 1] },
      { tags: ['O', 'B-ORG', 'O'], confidence: [1, 0.7, 1] },
    ];
    expect(oneLabelPerName(sentences, even).map((t) => t.tags)).toEqual(even.map((t) => t.tags));
  });
});
