// Word profiles from untagged text (shared/ner/word-profile.ts), and the tagger that learns
// from them: texts written here, never the research data.
import { describe, expect, it } from 'vitest';
import { loadTagger, trainTagger } from '../../../shared/ner/tagger';
import { buildWordProfiles } from '../../../shared/ner/word-profile';
import { toySentences } from './toy-corpus';

const words = (text: string) => text.split(' ');

describe('word profiles', () => {
  // A name (سامر) after الرئيس, without ال or a pronoun; a noun (جيش) with both.
  const texts = [
    ...Array.from({ length: 4 }, () => words('قال الرئيس سامر ان الجيش جديد')),
    words('و جيشه جديد'),
    words('\u200Eجيش'),
    words('سامر'),
    words('نادر'),
  ];

  it('counts a stem with its clitics off, and describes it by its frequent neighbours', () => {
    const profiles = buildWordProfiles(texts);
    const samer = profiles.get('سامر')!.split(' ');
    expect(samer).toContain('ul=رئيس');
    expect(samer).toContain('ur=ان');
    // 5 times (log2 → 2), never with the article, never with a pronoun.
    expect(samer.slice(0, 3)).toEqual(['uf=2', 'ua=0', 'up=0']);
    // جيش: 5 times (the U+200E mark dropped), 4 of them الجيش, once جيشه.
    expect(profiles.get('جيش')!.split(' ').slice(0, 3)).toEqual(['uf=2', 'ua=3', 'up=2']);
    // Seen once: no profile.
    expect(profiles.has('نادر')).toBe(false);
  });

  it('the same texts give the same profiles, whatever the order of the map', () => {
    expect([...buildWordProfiles(texts)]).toEqual([...buildWordProfiles(texts)]);
  });
});

describe('the tagger with word profiles', () => {
  it('keeps them in its model, deterministic, and tags the same after a JSON round trip', () => {
    const train = toySentences(120, 5);
    const profiles = buildWordProfiles([...train.map((s) => s.tokens), ...toySentences(50, 6).map((s) => s.tokens)]);
    const a = trainTagger(train, { epochs: 3, seed: 7, profiles });
    const b = trainTagger(train, { epochs: 3, seed: 7, profiles });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.profiles!).length).toBe(profiles.size);
    expect(Object.keys(a.features).some((f) => f.startsWith('ul='))).toBe(true);
    const reread = loadTagger(JSON.parse(JSON.stringify(a)));
    const direct = loadTagger(a);
    for (const s of toySentences(20, 9)) expect(reread.tag(s.tokens)).toEqual(direct.tag(s.tokens));
    // Without profiles, the model has none (older model files read as before).
    expect(trainTagger(train, { epochs: 1 }).profiles).toBeUndefined();
  });

  it('tells a name it never saw tagged from a noun by the company each keeps in untagged text', () => {
    // Tagged: "X زار PLACE", X a name (PERSON) or a noun (O), alike in the tagged sentences.
    // Untagged: names after قال and never with ال; nouns mostly with ال. Half of each only in the test.
    const names = ['سامر', 'رنا', 'خليل', 'منى', 'جواد', 'ليلى', 'باسل', 'هالة', 'ناصر', 'دانة'];
    const nouns = ['وفد', 'فريق', 'مدير', 'طالب', 'جيش', 'حزب', 'مجلس', 'شعب', 'قائد', 'موكب'];
    const places = ['حلب', 'حمص', 'صيدا', 'جنين', 'فاس'];
    const sentences = (part: number) =>
      [...names, ...nouns]
        .filter((_, k) => k % 2 === part)
        .flatMap((w) =>
          places.map((place) => ({
            tokens: words(`${w} زار ${place} امس`),
            tags: [names.includes(w) ? 'B-PERSON' : 'O', 'O', 'O', 'O'],
          })),
        );
    const untagged = [
      ...names.flatMap((n) => Array.from({ length: 3 }, () => words(`قال ${n} ان الامر جديد`))),
      ...nouns.flatMap((n) => Array.from({ length: 3 }, () => words(`ان ال${n} جديد`))),
    ];
    const right = (profiles?: ReturnType<typeof buildWordProfiles>) => {
      const tagger = loadTagger(trainTagger(sentences(0), { epochs: 5, seed: 1, profiles }));
      return sentences(1).filter((s) => tagger.tag(s.tokens).tags[0] === s.tags[0]).length;
    };
    expect(right(buildWordProfiles(untagged))).toBe(sentences(1).length);
    expect(right()).toBeLessThan(sentences(1).length);
  });
});
