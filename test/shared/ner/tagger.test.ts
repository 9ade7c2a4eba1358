import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_LABEL_MAP,
  parseConll,
  parseDataArgument,
  parseLabelMap,
  scoreSpans,
} from '../../../shared/ner/ner-data';
import { contextsElsewhere, foldWord, stripClitics, wordShape } from '../../../shared/ner/features';
import { tagSentences, trainEntityTagger } from '../../../shared/ner/entity-tagger';
import { gazetteerTags, withJackknifedGazetteer } from '../../../shared/ner/gazetteer';
import {
  isTaggerModel,
  loadTagger,
  spansOfTags,
  toBilou,
  trainTagger,
  type TaggedSentence,
} from '../../../shared/ner/tagger';
import { toConll, toySentences } from './toy-corpus';

vi.setConfig({ testTimeout: 60_000 });

describe('features', () => {
  it('folds a token as search does, without NewsFANE direction marks', () => {
    expect(foldWord('\u200Eأَحمـــد')).toBe('احمد');
    expect(foldWord('Biden')).toBe('biden');
  });

  it('strips و ف, ب ل ك and ال in front, keeping a stem of at least two letters', () => {
    expect(stripClitics('وبالقاهرة')).toEqual({ stem: 'قاهرة', clitics: 'وبال' });
    expect(stripClitics('للحكومة')).toEqual({ stem: 'حكومة', clitics: 'لال' });
    // A guess: بايدن loses its ب too. The tagger sees the word and the stem, and learns which counts.
    expect(stripClitics('وبايدن')).toEqual({ stem: 'ايدن', clitics: 'وب' });
    expect(stripClitics('ومصر')).toEqual({ stem: 'مصر', clitics: 'و' });
    expect(stripClitics('ولد')).toEqual({ stem: 'ولد', clitics: '' });
    expect(stripClitics('biden')).toEqual({ stem: 'biden', clitics: '' });
  });

  it('word shapes', () => {
    expect(wordShape('McDonald')).toBe('XxXx');
    expect(wordShape('\u200Eبايدن')).toBe('a');
    expect(wordShape('2024')).toBe('d');
  });
});

describe('the tagger', () => {
  it('learns a toy pattern and finds names it never saw from their context', () => {
    const train = toySentences(300, 1, 0);
    const test = toySentences(100, 2, 1);
    const model = trainTagger(train, { epochs: 5, seed: 3 });
    const tagger = loadTagger(model);
    const predicted = test.map((s) => tagger.tag(s.tokens).tags);
    const scores = scoreSpans(
      test.map((s) => s.tags),
      predicted,
      ['Politician', 'Population-Center', 'Government'],
    );
    expect(scores.micro.f1).toBeGreaterThan(0.9);
  });

  it('is deterministic given a seed, and its JSON tags the same after a round trip', () => {
    const train = toySentences(120, 5);
    const a = trainTagger(train, { epochs: 3, seed: 7 });
    const b = trainTagger(train, { epochs: 3, seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = trainTagger(train, { epochs: 3, seed: 8 });
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    const reread = loadTagger(JSON.parse(JSON.stringify(a)));
    const direct = loadTagger(a);
    for (const s of toySentences(20, 9)) expect(reread.tag(s.tokens)).toEqual(direct.tag(s.tokens));
    expect(a).toMatchObject({ format: 'tahrir-tagger', version: 1, seed: 7, epochs: 3 });
  });

  it('tells a model from what only looks like one, and will not load the latter', () => {
    const model = trainTagger(toySentences(40, 3), { epochs: 1, seed: 1 });
    expect(isTaggerModel(JSON.parse(JSON.stringify(model)))).toBe(true);
    const broken = [
      null,
      'model',
      { ...model, format: 'other' },
      { ...model, version: 2 },
      { ...model, tags: 'O' },
      { ...model, transitions: null },
      { ...model, transitions: [1, 2] },
      { ...model, features: null },
      { ...model, profiles: 3 },
    ];
    for (const b of broken) {
      expect(isTaggerModel(b), JSON.stringify(b)?.slice(0, 80)).toBe(false);
      expect(() => loadTagger(b as never)).toThrow(/not a tahrir-tagger model/);
    }
  });

  it('word dropout: hides the own-word features from the share of tokens asked, the same way for a seed', () => {
    const train = toySentences(200, 1, 0);
    const ownWord = /^(w|s|g\|w|w-1\|w|w\|w\+1)=/u;
    const plain = trainTagger(train, { epochs: 3, seed: 2 });
    expect(Object.keys(plain.features).some((f) => ownWord.test(f))).toBe(true);
    // Every word hidden every pass: the model learns nothing of words themselves, only of their context and letters.
    const blind = trainTagger(train, { epochs: 3, seed: 2, wordDropout: 1 });
    expect(Object.keys(blind.features).filter((f) => ownWord.test(f))).toEqual([]);
    expect(Object.keys(blind.features).some((f) => f.startsWith('w-1='))).toBe(true);
    const half = trainTagger(train, { epochs: 3, seed: 2, wordDropout: 0.5 });
    expect(JSON.stringify(trainTagger(train, { epochs: 3, seed: 2, wordDropout: 0.5 }))).toBe(JSON.stringify(half));
    expect(JSON.stringify(half)).not.toBe(JSON.stringify(plain));
    // Still finds the names it never saw.
    const test = toySentences(100, 2, 1);
    const tagger = loadTagger(half);
    const scores = scoreSpans(
      test.map((s) => s.tags),
      test.map((s) => tagger.tag(s.tokens).tags),
      ['Politician', 'Population-Center', 'Government'],
    );
    expect(scores.micro.f1).toBeGreaterThan(0.9);
  });

  it('never decodes I- after O or after another label', () => {
    const tagger = loadTagger(trainTagger(toySentences(100, 1), { epochs: 2 }));
    for (const s of toySentences(50, 4)) {
      const { tags, confidence } = tagger.tag(s.tokens);
      tags.forEach((t, i) => {
        if (t.startsWith('I-')) expect([`B-${t.slice(2)}`, t]).toContain(tags[i - 1]);
      });
      for (const p of confidence) {
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1.000001);
      }
    }
  });

  it("learns BILOU (a name's last word and a one-word name as tags of their own) and writes BIO", () => {
    expect(toBilou(['B-PERSON', 'I-PERSON', 'I-PERSON', 'O', 'B-GPE', 'B-GPE', 'I-GPE'])).toEqual([
      'B-PERSON',
      'I-PERSON',
      'L-PERSON',
      'O',
      'U-GPE',
      'B-GPE',
      'L-GPE',
    ]);
    const train = toySentences(200, 1, 0);
    const model = trainTagger(train, { epochs: 3, seed: 2 });
    expect(model.tags.filter((t) => /^[LU]-/u.test(t)).length).toBeGreaterThan(0);
    // Learned from gold names' last words and one-word names: weights above zero for L- and U-.
    const learned = Object.values(model.features).flatMap((byTag) =>
      Object.entries(byTag).filter(([t, w]) => /^[LU]-/u.test(t) && w > 0),
    );
    expect(learned.length).toBeGreaterThan(0);
    const tagger = loadTagger(model);
    for (const s of toySentences(40, 3, 1)) {
      const { tags } = tagger.tag(s.tokens);
      expect(tags.every((t) => /^(?:O|[BI]-.+)$/u.test(t))).toBe(true);
    }
    // A model saved before BILOU (B- and I- only) still tags.
    const bio = {
      ...model,
      tags: ['O', 'B-X', 'I-X'],
      transitions: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    };
    bio.features = { 'w=زيد': { 'B-X': 1 } };
    expect(loadTagger(bio).tag(['زيد', 'قال']).tags).toEqual(['B-X', 'O']);
  });

  it('hides the share of jackknifed gazetteer names asked, whole names, the same way for a seed', () => {
    const train: TaggedSentence[] = toySentences(300, 1, 0);
    const shown = withJackknifedGazetteer(train);
    const hidden = withJackknifedGazetteer(train, { hide: 0.5, seed: 4 });
    expect(withJackknifedGazetteer(train, { hide: 0.5, seed: 4 })).toEqual(hidden);
    let names = 0;
    let kept = 0;
    shown.forEach((s, k) => {
      const before = s.gazetteer!;
      const after = hidden[k].gazetteer!;
      before.forEach((tag, i) => {
        if (tag.startsWith('B-')) names++;
        if (tag.startsWith('B-') && after[i] === tag) kept++;
        // A name is kept or hidden whole.
        if (tag.startsWith('I-')) expect(after[i] === tag).toBe(after[i - 1] === before[i - 1]);
        expect(after[i] === tag || after[i] === '').toBe(true);
      });
    });
    expect(kept / names).toBeGreaterThan(0.4);
    expect(kept / names).toBeLessThan(0.6);
  });

  it('finds names it never saw after a title, though the gazetteer knew every training name', () => {
    // The toy's 48 first-and-last-name pairs are each in the other folds: the jackknifed gazetteer knows 99% of the
    // training names, none of the test's. The tagger must still learn the title before a name.
    const train = parseConll(toConll(toySentences(300, 1, 0)));
    const test = parseConll(toConll(toySentences(100, 2, 1)));
    for (const seed of [1, 2, 3]) {
      const trained = trainEntityTagger(train, { epochs: 5, seed, unlabeled: test.map((s) => s.tokens) });
      const tagger = loadTagger(trained.model);
      // The first pass as tagSentences runs it: with the words beside each word's other occurrences.
      const elsewhere = contextsElsewhere(test.map((s) => s.tokens));
      const found = test.map(
        (s, k) => tagger.tag(s.tokens, gazetteerTags(s.tokens, trained.gazetteer), elsewhere[k]).tags,
      );
      const person = scoreSpans(
        test.map((s) => s.tags),
        found,
        ['PERSON'],
      ).micro;
      expect(person.recall).toBeGreaterThan(0.9);
    }
  });

  it('with its gazetteer, in two passes, as ner-eval runs it', () => {
    const trained = trainEntityTagger(parseConll(toConll(toySentences(200, 1, 0))), { epochs: 4 });
    const test = parseConll(toConll(toySentences(60, 2, 1)));
    const tagged = tagSentences(
      loadTagger(trained.model),
      trained.gazetteer,
      test.map((s) => s.tokens),
    );
    expect(
      scoreSpans(
        test.map((s) => s.tags),
        tagged.map((t) => t.tags),
      ).micro.f1,
    ).toBeGreaterThan(0.9);
  });
});

describe('CoNLL data', () => {
  it('maps NewsFANE classes to PERSON/ORG/GPE/LOC/MISC, reads CRLF and U+200E', () => {
    const text =
      '\u200Eالوليد\tB-Politician\r\n\u200Eبن\tI-Politician\r\nفي\tO\r\n\u200Eالنيل\tB-Water-Body\r\n\r\nكتاب\tB-Book\r\nوزارة\tB-Government\r\n';
    const s = parseConll(text);
    expect(s.map((x) => x.tags)).toEqual([
      ['B-PERSON', 'I-PERSON', 'O', 'B-LOC'],
      ['B-MISC', 'B-ORG'],
    ]);
    expect(s[1].line).toBe(6);
  });

  it('two classes of one label next to each other stay two spans', () => {
    expect(parseConll('a\tB-Athlete\nb\tI-Politician\n')[0].tags).toEqual(['B-PERSON', 'B-PERSON']);
  });

  it('a bad line is named', () => {
    expect(() => parseConll('a\tO\nb\n')).toThrow(/^line 2: expected "token<TAB>tag"/u);
    expect(() => parseConll('a\tX-PER\n')).toThrow(/^line 1: "X-PER" is not a BIO tag/u);
  });

  it('label maps: a file of class → label, "*" for the rest', () => {
    const map = parseLabelMap('{"Athlete": "SPORT", "*": "O"}');
    expect(parseConll('a\tB-Athlete\nb\tB-Nation\n', map)[0].tags).toEqual(['B-SPORT', 'O']);
    expect(() => parseLabelMap('[1]')).toThrow(/JSON object/u);
    expect(() => parseLabelMap('{"a": 3}')).toThrow(/"a" must be a word/u);
    expect(DEFAULT_LABEL_MAP.map.Politician).toBe('PERSON');
  });

  it('FILE:FROM-TO selects sentences', () => {
    expect(parseDataArgument('a.conll:1-3000')).toEqual({ file: 'a.conll', range: { from: 1, to: 3000 } });
    expect(parseDataArgument('C:\\data\\a.conll')).toEqual({ file: 'C:\\data\\a.conll', range: null });
    expect(() => parseDataArgument('a.conll:5-2')).toThrow(/FROM-TO/u);
  });

  it('scores exact spans only (conlleval): a boundary error is a false positive and a false negative', () => {
    const gold = [['B-PERSON', 'I-PERSON', 'O', 'B-GPE']];
    const predicted = [['B-PERSON', 'O', 'O', 'B-GPE']];
    const r = scoreSpans(gold, predicted);
    expect(r.labels.find((l) => l.label === 'PERSON')).toMatchObject({ gold: 1, predicted: 1, correct: 0, f1: 0 });
    expect(r.micro).toMatchObject({ gold: 2, predicted: 2, correct: 1, precision: 0.5, recall: 0.5 });
    expect(spansOfTags(['I-X', 'I-X', 'B-X', 'O'])).toEqual([
      { start: 0, end: 2, label: 'X' },
      { start: 2, end: 3, label: 'X' },
    ]);
  });
});
