// The tagger's knowledge from outside: which words a general Arabic lexicon knows (shared/ner/ordinary-words.ts,
// Ayaspell's stems bundled as ordinary-words.json). Made-up names and dictionary words only, no corpus text.
import { describe, expect, it, vi } from 'vitest';
import { trainEntityTagger } from '../../../shared/ner/entity-tagger';
import { foldWord, sentenceFeatures, stripClitics } from '../../../shared/ner/features';
import { decodeStems, encodeStems, isKnownStem, isOrdinaryStem } from '../../../shared/ner/ordinary-words';
import { type TaggedSentence } from '../../../shared/ner/tagger';
import { seededRandom } from '../../../shared/seeded-random';

vi.setConfig({ testTimeout: 60_000 });

const stem = (token: string) => stripClitics(foldWord(token)).stem;

/** Dictionary nouns, each its own stem (no letter read as a clitic). */
const WORDS = [
  ...['مدرسة', 'مكتبة', 'حديقة', 'سيارة', 'طاولة', 'نافذة', 'شجرة', 'قهوة', 'رسالة', 'صحيفة', 'جريدة', 'طريق'],
  ...['سماء', 'نهر', 'جبل', 'بحر', 'شمس', 'قمر', 'نجمة', 'زهرة', 'تفاحة', 'خبز', 'حليب', 'عصير', 'قلم', 'دفتر'],
  ...['حقيبة', 'ساعة', 'هاتف', 'مفتاح', 'باب', 'غرفة', 'سرير', 'مطبخ', 'حمام', 'درج', 'سقف', 'جدار', 'تراب'],
  ...['رمل', 'حجر', 'ذهب', 'فضة', 'حديد', 'نحاس', 'خشب', 'ورق', 'قماش', 'صوف', 'قطن', 'حرير', 'جلد', 'عظم'],
];

/** A made-up name of 5–7 letters that no lexicon holds. */
function madeUpName(random: () => number): string {
  const letters = 'تثجحخدذرزسشصضطظعغقمنهي';
  let name = '';
  for (let n = 5 + Math.floor(random() * 3); name.length < n;) name += letters[Math.floor(random() * letters.length)];
  return name;
}

describe('ordinary words', () => {
  it('knows dictionary words, with the endings the lexicon lists once, and not made-up names', () => {
    for (const w of ['المدرسة', 'ومكتبات', 'حكومتها', 'يكتبون', 'مدارس']) expect(isOrdinaryStem(stem(w)), w).toBe(true);
    for (const w of ['زخرنتوف', 'قلمبيسار', 'تروزيني']) expect(isOrdinaryStem(stem(w)), w).toBe(false);
  });

  it('looks up any list of stems as it looks up the lexicon (build/lexicon-coverage.mjs measures other lists so)', () => {
    const stems = new Set(['زخرنت', 'قلمبة']);
    for (const w of ['زخرنت', 'زخرنتات', 'زخرنتها', 'قلمبة', 'قلمبتها']) expect(isKnownStem(stems, w), w).toBe(true);
    for (const w of ['زخرن', 'قلمبيسار', 'المدرسة']) expect(isKnownStem(stems, w), w).toBe(false);
  });

  it('front-codes sorted stems and reads them back', () => {
    const stems = ['اب', 'ابا', 'ابوابهمكثيراجدا', 'ابوابهمكثيراجدان', 'ت', 'تت'];
    const encoded = encodeStems(stems);
    expect(encoded.length).toBeLessThan(stems.join('').length);
    expect(decodeStems(encoded)).toEqual(stems);
  });

  it("joins the gazetteer's tag with whether the lexicon knows the word", () => {
    const features = sentenceFeatures(['المدرسة', 'زخرنتوف', 'Paris'], ['', 'B-PERSON', '']);
    expect(features[0]).toContain('g|lx=O|1');
    expect(features[1]).toContain('g|lx=B-PERSON|0');
    expect(features[2]).toContain('g|lx=O|_');
  });

  it('learns that a word the gazetteer and the lexicon do not know is more often a name', () => {
    // Each sentence: dictionary words in random order and, in most, a made-up name at a random place, never one
    // twice (so the jackknifed gazetteer knows none). The lexicon's flag is all that tells the names apart.
    const random = seededRandom(7);
    const train: TaggedSentence[] = Array.from({ length: 300 }, () => {
      const tokens = Array.from({ length: 5 }, () => WORDS[Math.floor(random() * WORDS.length)]);
      const tags = tokens.map(() => 'O');
      if (random() < 0.7) {
        const at = Math.floor(random() * (tokens.length + 1));
        tokens.splice(at, 0, madeUpName(random));
        tags.splice(at, 0, 'B-PERSON');
      }
      return { tokens, tags };
    });
    const { model } = trainEntityTagger(train, { seed: 1 });
    // A one-word name's tag (BILOU) against O, from the flag alone.
    const forName = (feature: string) =>
      (model.features[feature]?.['U-PERSON'] ?? 0) - (model.features[feature]?.O ?? 0);
    expect(forName('g|lx=O|0')).toBeGreaterThan(forName('g|lx=O|1'));
  });
});
