// The tagger scores a sentence from its features' numbers (features.ts featureIds), resolved once per word and
// model, not from the feature strings training reads (sentenceFeatures): the two must give the same scores, added in
// the same order, or suggestions would change with the speed-up.
import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from '../../../shared/ner/features';
import { buildGazetteer, gazetteerTags, withJackknifedGazetteer } from '../../../shared/ner/gazetteer';
import { loadTagger, marginals, tagGraph, trainTagger, viterbi, type TaggerModel } from '../../../shared/ner/tagger';
import { toySentences } from './toy-corpus';

/** A token's scores as the strings say: each feature's weights per tag, summed in sentenceFeatures' order. */
function scoresFromStrings(model: TaggerModel, features: string[][]): Float64Array {
  const T = model.tags.length;
  const emission = new Float64Array(features.length * T);
  features.forEach((fs, i) => {
    for (const f of fs)
      model.tags.forEach((tag, t) => {
        const w = model.features[f]?.[tag];
        if (w) emission[i * T + t] += w;
      });
  });
  return emission;
}

describe('scores from feature numbers', () => {
  // Words holding the | that joins a pair's two words (w-1|w=a|b): such a pair is not split at its first |.
  const odd = (tokens: string[]) => tokens.map((t, i) => (i % 4 === 1 ? `${t}|x` : i % 4 === 2 ? `|${t}` : t));
  const train = toySentences(200, 1, 0).map((s) => ({ ...s, tokens: odd(s.tokens) }));
  const profiles = new Map<string, string>();
  for (const s of train) for (const t of s.tokens) profiles.set(t.replace(/\u200e/gu, ''), `uf=${t.length % 3} ua=1`);
  const model = trainTagger(withJackknifedGazetteer(train, { hide: 0.3 }), {
    epochs: 3,
    seed: 1,
    gazetteer: true,
    profiles,
  });
  const tagger = loadTagger(model);
  const test = toySentences(40, 2, 0).map((s) => ({ ...s, tokens: odd(s.tokens) }));
  const gazetteer = buildGazetteer(train);
  const graph = tagGraph(model.tags);
  const T = model.tags.length;
  const transitions = new Float64Array((T + 1) * T);
  model.transitions.forEach((row, from) => row.forEach((w, to) => (transitions[from * T + to] = w)));

  it('are the scores of the feature strings, with and without the gazetteer', () => {
    for (const { tokens } of test) {
      const words = tagger.wordScores(tokens);
      expect(words).toEqual(scoresFromStrings(model, sentenceFeatures(tokens, undefined, profiles)));
      const gaz = gazetteerTags(tokens, gazetteer);
      const whole = scoresFromStrings(model, sentenceFeatures(tokens, gaz, profiles));
      expect(whole.some((x, k) => x !== words[k])).toBe(true);
      // With the gazetteer's features added: the tags and confidence that decoding the strings' sums gives.
      const path = viterbi(whole, tokens.length, graph, transitions);
      expect(tagger.tagScored(tokens, words, gaz)).toEqual({
        tags: Array.from(path, (t) => model.tags[t].replace(/^U-/u, 'B-').replace(/^L-/u, 'I-')),
        confidence: marginals(whole, tokens.length, graph, transitions, path),
      });
      expect(tagger.tag(tokens, gaz)).toEqual(tagger.tagScored(tokens, words, gaz));
    }
  });
});
