import { describe, expect, test } from 'vitest';
import { isSyndicationLine } from '../../../shared/boilerplate/syndication';

describe('syndication', () => {
  test.each([
    '* صحيفة «الغارديان»',
    '(خدمة «لوموند»)',
    'مجلة «الإيكونوميست»',
    '*نقلاً عن صحيفة البيان الإماراتية',
    'نقلا عن "الحياة"',
    'ينشر بالاتفاق مع «بروجكت سنديكيت»',
    'This story was originally published by The Conversation.',
    'This article first appeared in the Sunday edition.',
    'Originally published on the author’s blog.',
    'Republished with permission.',
    'Distributed by Tribune Content Agency, LLC.',
  ])('credit %s', (line) => expect(isSyndicationLine(line)).toBe(true));

  test.each([
    'موقع الحادث',
    'صحيفة الصباح اليومية',
    'نقلاً عن مصادر مطلعة، قال المتحدث إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة.',
    'The story was first told by his grandmother in 1950.',
    'Officials said the data was originally published in March.',
  ])('not a credit: %s', (line) => expect(isSyndicationLine(line)).toBe(false));
});
