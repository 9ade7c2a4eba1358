// The early paint's document list (renderer/text/early-list.ts) says what the app's list says: its words are the
// catalogs', and its English counts and progress line are the catalog's messages with their numbers, for any numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api';
import { createTranslator, LOCALES } from '../../shared/i18n/translator';
import { earlyCounts, earlyProgress, EARLY_LIST_WORDS, englishNumber } from '../../renderer/text/early-list';

const count = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2_000_000 }));

describe("the early paint's document list words", () => {
  it('are what the interface says in each language', () => {
    for (const locale of LOCALES) {
      const t = createTranslator(locale, { isolate: true });
      for (const [key, words] of Object.entries(EARLY_LIST_WORDS[locale]))
        expect([key, words]).toEqual([key, t(key as Parameters<typeof t>[0])]);
    }
  });

  it("write a row's counts and the progress line as the English catalog does, and leave Arabic's to the app", () => {
    const t = createTranslator('en', { isolate: true });
    fc.assert(
      fc.property(count, count, count, count, (entities, quotes, edits, total) => {
        const d: DocumentSummary = { id: 'a', file: 'a.txt', status: 'todo', entities, quotes, edits };
        expect(earlyCounts(d, 'en')).toBe(t('list.counts', { entities, quotes, edits }));
        expect(earlyProgress(quotes, total, 'en')).toBe(t('list.progress', { done: quotes, total }));
        expect(earlyCounts(d, 'ar')).toBeNull();
      }),
    );
    expect(englishNumber(1234567)).toBe('1,234,567');
  });
});
