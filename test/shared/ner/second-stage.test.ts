// The entity tagger's second stage (second-stage.ts): features of the first stage's tags elsewhere in the text, and a
// perceptron on them that learns from first-stage output what the first stage alone cannot see.
import { describe, expect, it } from 'vitest';
import { applySecondStage, secondStageFeatures, trainSecondStage } from '../../../shared/ner/second-stage';
import { seededRandom } from '../../../shared/seeded-random';

const sure = (tags: string[]) => ({ tags, confidence: tags.map(() => 0.99) });

describe('second-stage features', () => {
  it('sees the label of the same stem elsewhere, clitics aside, and a longer name found elsewhere over these words', () => {
    const sentences = [
      ['قالت', 'حركة', 'طالبان', 'امس'],
      ['و', 'ردت', 'طالبان', 'على', 'حركة', 'طالبان'],
      ['هاجم', 'بطالبان', 'القرية'],
    ];
    const first = [
      sure(['O', 'B-ORG', 'I-ORG', 'O']),
      sure(['O', 'O', 'B-ORG', 'O', 'O', 'B-ORG']),
      sure(['O', 'O', 'O']),
    ];
    const features = secondStageFeatures(sentences, first);
    // بطالبان (ب + طالبان), untagged here, was tagged ORG at its three other occurrences.
    expect(features[2][1]).toEqual(expect.arrayContaining(['tm=ORG', 'tm|n=ORG|all', 'tm|t=ORG|O']));
    // حركة طالبان, found whole in sentence 1, covers the cut name at the end of sentence 2.
    expect(features[1][4]).toEqual(expect.arrayContaining(['ne=B-ORG', 'ne|t=B-ORG|O']));
    expect(features[1][5]).toEqual(expect.arrayContaining(['ne=L-ORG', 'ne|t=L-ORG|U-ORG']));
    // Its own sentence does not count: in sentence 0 the whole name sees only sentence 1's طالبان.
    expect(features[0][2]).toEqual(expect.arrayContaining(['ne=U-ORG']));
    expect(features[0][1].some((f) => f.startsWith('ne'))).toBe(false);
  });

  it('counts only the sentences within reach', () => {
    const far = Array.from({ length: 30 }, (_, k) =>
      k === 0 || k === 29 ? ['زار', 'كوفي'] : ['كان', 'الطقس', 'حارا'],
    );
    const first = far.map((tokens, k) => sure(k === 0 ? ['O', 'B-PERSON'] : tokens.map(() => 'O')));
    const features = secondStageFeatures(far, first);
    expect(features[29][1].some((f) => f.startsWith('tm') || f.startsWith('ne'))).toBe(false);
  });
});

/**
 * Texts as a first stage would tag them: each text has a few names of its own (never seen in another text), each
 * mentioned several times; the first stage finds each name at only some of its mentions (a name it tagged once is
 * missed at the others), and finds the common words as O.
 */
function toyTexts(seed: number, count: number) {
  const random = seededRandom(seed);
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = () => Array.from({ length: 5 }, () => letters[Math.floor(random() * letters.length)]).join('');
  const fillers = ['ذهب', 'الى', 'السوق', 'ثم', 'عاد', 'الى', 'البيت', 'مساء'];
  return Array.from({ length: count }, () => {
    const names = [word(), word(), word()];
    const sentences: string[][] = [];
    const first: { tags: string[]; confidence: number[] }[] = [];
    const gold: string[][] = [];
    for (let k = 0; k < 12; k++) {
      const name = names[k % names.length];
      const at = Math.floor(random() * 4);
      const tokens = [...fillers.slice(0, at), name, ...fillers.slice(at, at + 3)];
      const tags = tokens.map((_, i) => (i === at ? 'B-PERSON' : 'O'));
      // The first stage found each name at its first mention only, and is as sure of the O it gave the others.
      const found = k < names.length;
      sentences.push(tokens);
      gold.push(tags);
      first.push({
        tags: found ? tags : tokens.map(() => 'O'),
        confidence: tokens.map(() => 0.99),
      });
    }
    return { sentences, first, gold };
  });
}

describe('second-stage training', () => {
  it('learns to tag a name the first stage missed where it found the same name elsewhere', () => {
    const model = trainSecondStage(toyTexts(1, 20), { epochs: 5, seed: 1 });
    const [text] = toyTexts(2, 1);
    const out = applySecondStage(model, text.sentences, text.first);
    expect(out.map((s) => s.tags)).toEqual(text.gold);
    // The first stage's own names stay as they were.
    const missedBefore = text.first.filter((s, k) => s.tags.join() !== text.gold[k].join()).length;
    expect(missedBefore).toBe(9);
  });

  it('is deterministic given a seed', () => {
    const texts = toyTexts(3, 10);
    expect(trainSecondStage(texts, { epochs: 3, seed: 4 })).toEqual(trainSecondStage(texts, { epochs: 3, seed: 4 }));
  });
});
