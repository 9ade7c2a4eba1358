import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/seeded-random';
import { contextsElsewhere } from '../../../shared/ner/features';
import { tagSentences, trainEntityTagger } from '../../../shared/ner/entity-tagger';
import { gazetteerTags } from '../../../shared/ner/gazetteer';
import { loadTagger, type TaggedSentence } from '../../../shared/ner/tagger';

describe('contextsElsewhere', () => {
  it('gives a word the words beside its other occurrences nearby, not its own, skipping split-off clitics', () => {
    const text = [
      ['قال', 'الرئيس', 'زيدان', 'امس'],
      ['وصل', 'و', 'زيدان', 'الى', 'المدينة'],
      ['وصل', 'زيدان', 'الى', 'المدينة'],
    ];
    const found = contextsElsewhere(text);
    // ال comes off (the stem is رئيس); و, a token of its own, is skipped (وصل is before زيدان in sentence 2); the
    // third sentence's neighbours are the second's own, which say nothing new to it.
    expect(found[1][2]).toEqual(['a-1=رئيس', 'a+1=امس']);
    expect(found[2][1]).toEqual(['a-1=رئيس', 'a+1=امس']);
    expect(found[0][2]).toEqual(['a-1=وصل', 'a+1=الي']);
    // Seen once: nothing; a clitic: nothing.
    expect(found[0][0]).toEqual([]);
    expect(found[1][1]).toEqual([]);
  });

  it('reaches 20 sentences either side, and leaves common words out', () => {
    const filler = (n: number) => Array.from({ length: n }, () => ['ثم', 'جاء', 'الخبر']);
    const far = contextsElsewhere([['الرئيس', 'زيدان'], ...filler(19), ['وصل', 'زيدان']]);
    expect(far[20][1]).toEqual(['a-1=رئيس']);
    const tooFar = contextsElsewhere([['الرئيس', 'زيدان'], ...filler(20), ['وصل', 'زيدان']]);
    expect(tooFar[21][1]).toEqual([]);
    // جاء is in 61 sentences here: a common word.
    const common = contextsElsewhere([['قد', 'جاء', 'امس'], ...filler(60)]);
    expect(common[0][1]).toEqual([]);
  });
});

/** A made-up word of 4–6 Arabic letters: names and nouns alike, so that letters cannot tell them apart. */
function word(random: () => number): string {
  const letters = 'تثجحخدذرزسشصضطظعغقمنهي';
  const n = 4 + Math.floor(random() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += letters[Math.floor(random() * letters.length)];
  return w;
}

/**
 * Pairs of sentences: a new person introduced with a title, then bare in a sentence that says nothing of him; or a new
 * thing bought, then bare in the same kind of sentence. The bare sentence alone cannot tell a name from a thing.
 */
function pairs(count: number, seed: number): TaggedSentence[] {
  const random = seededRandom(seed);
  const out: TaggedSentence[] = [];
  for (let k = 0; k < count; k++) {
    const w = word(random);
    const person = k % 2 === 0;
    out.push(
      person
        ? { tokens: ['قال', 'الرئيس', w, 'امس'], tags: ['O', 'O', 'B-PERSON', 'O'] }
        : { tokens: ['اشترى', 'الرجل', w, 'امس'], tags: ['O', 'O', 'O', 'O'] },
      { tokens: ['ثم', 'وصل', w, 'الى', 'المدينة'], tags: ['O', 'O', person ? 'B-PERSON' : 'O', 'O', 'O'] },
    );
  }
  return out;
}

describe('the tagger with contexts elsewhere', () => {
  it('tells a bare name from a bare noun by the title it had elsewhere in the text, in the first pass', () => {
    // (The second pass would also get it from the name found after its title, with confidence: the first pass
    // must not need that, since a name's titled mention is not always a confident one.)
    const trained = trainEntityTagger(pairs(200, 1), { epochs: 5, seed: 1 });
    const tagger = loadTagger(trained.model);
    const test = pairs(40, 2).map((s) => s.tokens);
    const elsewhere = contextsElsewhere(test);
    const first = test.map((tokens, k) => tagger.tag(tokens, gazetteerTags(tokens, trained.gazetteer), elsewhere[k]));
    // The bare sentences (every second one): the word is tagged as its first sentence said.
    let right = 0;
    for (let k = 1; k < test.length; k += 2) if (first[k].tags[2] === (k % 4 === 1 ? 'B-PERSON' : 'O')) right++;
    expect(right).toBeGreaterThanOrEqual(38);
    // And so in both passes, as ner-eval and the workspace tag.
    const both = tagSentences(tagger, trained.gazetteer, test);
    expect(both.filter((t, k) => k % 2 === 1 && t.tags[2] === (k % 4 === 1 ? 'B-PERSON' : 'O')).length).toBe(40);
  });
});
