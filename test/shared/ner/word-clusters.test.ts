// Word clusters from untagged text (shared/ner/word-clusters.ts), and the tagger that learns
// from them: texts written here, never the research data.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/seeded-random';
import { loadTagger, trainTagger } from '../../../shared/ner/tagger';
import { buildWordClusters } from '../../../shared/ner/word-clusters';
import { buildWordProfiles } from '../../../shared/ner/word-profile';

const words = (text: string) => text.split(' ');

describe('word clusters', () => {
  // Names after a title and before ان or امس; towns after a preposition and مدينة or بلدة.
  const names = ['سامر', 'رنا', 'خليل', 'منى', 'جواد', 'ليلى'];
  const towns = ['حلب', 'حمص', 'صيدا', 'جنين', 'فاس', 'صور'];
  const random = seededRandom(3);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)];
  const texts = Array.from({ length: 300 }, () => [
    ['قال', pick(['الرئيس', 'الوزير', 'السيد']), pick(names), pick(['ان', 'امس'])],
    [pick(['في', 'الى', 'من']), pick(['مدينة', 'بلدة']), pick(towns), pick(['امس', 'و'])],
  ]).flat();

  it('puts the words that keep the same company in one cluster, and a bit string per word', () => {
    const clusters = buildWordClusters(texts, { classes: 4 });
    const path = clusters.get(names[0])!;
    expect(path).toMatch(/^[01]+$/u);
    for (const name of names) expect(clusters.get(name)).toBe(path);
    for (const town of towns) expect(clusters.get(town)).not.toBe(path);
    expect(new Set(towns.map((t) => clusters.get(t))).size).toBe(1);
  });

  it('the same texts give the same clusters; a word seen fewer than minCount times has none', () => {
    expect([...buildWordClusters(texts, { classes: 4 })]).toEqual([...buildWordClusters(texts, { classes: 4 })]);
    expect(buildWordClusters([...texts, ['نادر']], { classes: 4, minCount: 2 }).has('نادر')).toBe(false);
  });
});

describe('the tagger with word clusters', () => {
  it('finds a name it never saw tagged, whose company the tagged names share only through other names', () => {
    // Tagged: "X زار PLACE امس", X a name (PERSON) or a noun (O); half of each only in the test.
    const names = ['سامر', 'رنا', 'خليل', 'منى', 'جواد', 'ليلى', 'باسل', 'هالة', 'ناصر', 'دانة'];
    const nouns = ['جند', 'طاقم', 'مدير', 'طالب', 'جيش', 'حزب', 'مجلس', 'شعب', 'قائد', 'موكب'];
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
    // Untagged: the tagged names keep one company (الرئيس … ان), the others another (السيد … صرح), so a word's
    // neighbours (its profile) say nothing the tagged sentences taught; two more names keep both and join the two.
    const half = (list: readonly string[], part: number) => list.filter((_, k) => k % 2 === part);
    const thrice = (list: readonly string[], text: (w: string) => string) =>
      list.flatMap((w) => Array.from({ length: 3 }, () => words(text(w))));
    const untagged = [
      ...thrice(half(names, 0), (n) => `قال الرئيس ${n} ان`),
      ...thrice(half(names, 1), (n) => `كتب السيد ${n} صرح`),
      ...thrice(['عمر', 'سلمى'], (n) => `قال الرئيس ${n} ان`),
      ...thrice(['عمر', 'سلمى'], (n) => `كتب السيد ${n} صرح`),
      ...thrice(half(nouns, 0), (n) => `في ${n} الكبير`),
      ...thrice(half(nouns, 1), (n) => `الى ${n} الجديد`),
      ...thrice(['جسر', 'سوق'], (n) => `في ${n} الكبير`),
      ...thrice(['جسر', 'سوق'], (n) => `الى ${n} الجديد`),
    ];
    const right = (clusterClasses: number) => {
      const profiles = buildWordProfiles(untagged, { clusterClasses });
      const tagger = loadTagger(trainTagger(sentences(0), { epochs: 5, seed: 1, profiles }));
      return sentences(1).filter((s) => tagger.tag(s.tokens).tags[0] === s.tags[0]).length;
    };
    expect(right(16)).toBeGreaterThanOrEqual(45);
    // Without clusters: no better than calling them all one thing.
    expect(right(0)).toBeLessThanOrEqual(27);
  });
});
