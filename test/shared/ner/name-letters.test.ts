// The letter model (shared/ner/name-letters.ts): what a word's letters say of its label, a training word scored as
// if unseen, and the tagger finding a name it never saw by its letters. Words written here, never the research data.
import { describe, expect, it } from 'vitest';
import { letterGrams, letterScorer, trainLetterModel } from '../../../shared/ner/name-letters';
import { loadTagger, spansOfTags, trainTagger, type TaggedSentence } from '../../../shared/ner/tagger';

// Names ending in -وف or -سكي; nouns that do not. The context says nothing: "X جديد".
const NAMES = ['ايفانوف', 'بتروف', 'سميرنوف', 'كوزلوف', 'موروزوف', 'ليبيديف', 'كوفالسكي', 'نوفاكوفسكي', 'فولكوف'];
const NOUNS = ['كتاب', 'بيت', 'قلم', 'باب', 'سوق', 'شارع', 'مكتب', 'طريق', 'جسر', 'نهر', 'مطار', 'ملعب'];
const sentence = (word: string, tag: string): TaggedSentence => ({ tokens: [word, 'جديد'], tags: [tag, 'O'] });
const sentences = [...NAMES.map((w) => sentence(w, 'B-PERSON')), ...NOUNS.map((w) => sentence(w, 'O'))];

describe('the letter model', () => {
  it('reads a word as its letter n-grams of 2 to 4, the beginning and the end marked', () => {
    expect(letterGrams('بيت')).toEqual(['^ب', 'بي', 'يت', 'ت$', '^بي', 'بيت', 'يت$', '^بيت', 'بيت$']);
  });

  it("gives a word it never saw the label its letters share: -وف a name's, the rest O", () => {
    const letters = letterScorer(trainLetterModel(sentences));
    expect(letters('سوكولوف')).toContain('lt=PERSON');
    expect(letters('سوكولوف')).toContain('ln=PERSON|5');
    expect(letters('دفتر')).toContain('lt=O');
    // Not letters: nothing.
    expect(letters('2024')).toEqual([]);
  });

  it('scores a training word as if it had not been trained on (leave one out)', () => {
    const without = letterScorer(trainLetterModel(sentences.filter((s) => s.tokens[0] !== 'سميرنوف')));
    const withIt = letterScorer(trainLetterModel(sentences));
    expect(withIt('سميرنوف')).toEqual(without('سميرنوف'));
    expect(withIt('نهر')).toEqual(
      letterScorer(trainLetterModel(sentences.filter((s) => s.tokens[0] !== 'نهر')))('نهر'),
    );
  });

  it('lets the tagger find a name it never saw by its letters, and survives the model file', () => {
    // Without the letter model the word's letter trigrams are there too, but the words themselves carry the labels.
    const model = trainTagger(sentences, { epochs: 5, seed: 1, letters: trainLetterModel(sentences), wordDropout: 0 });
    const tagger = loadTagger(JSON.parse(JSON.stringify(model)));
    const found = ['سوكولوف', 'ياكوفسكي', 'بوبوف'].filter(
      (w) => spansOfTags(tagger.tag([w, 'جديد']).tags)[0]?.label === 'PERSON',
    );
    expect(found).toEqual(['سوكولوف', 'ياكوفسكي', 'بوبوف']);
    expect(tagger.tag(['دفتر', 'جديد']).tags).toEqual(['O', 'O']);
  });
});
