import { describe, expect, test } from 'vitest';
import { isPhotoCaptionLine } from '../../../shared/boilerplate/photo-caption';

describe('photo-caption', () => {
  test.each([
    'FILE PHOTO: Workers repair a bridge over the river in Lyon, France, March 3, 2021. REUTERS/Jean Dupont/File Photo',
    'A child plays in a fountain during a heatwave in Madrid, Spain, July 12, 2022.REUTERS/Ana Gil',
    'Visitors queue outside the museum on Sunday, hoping to see the exhibition before it closes for the season. (Jane Roe/Getty Images)',
    'Firefighters battle the blaze near the highway. (AP Photo/Sam Lee)',
    'Students gather in the courtyard of their school on the first day back. (Mark Bell/The Washington Post)',
    'The old lighthouse, restored by volunteers over three summers, lit again. Courtesy photo',
    '(Courtesy of the Harbor Museum)',
    '(Riverside Community College)',
    'Show caption Hide caption The mayor speaks at the opening of the new library on Main Street…',
    'متظاهرون في وسط العاصمة يوم الجمعة (الصورة: رويترز)',
    'الرئيس يستقبل الوفد في القصر (تصوير: محمد علي)',
  ])('caption %s', (line) => expect(isPhotoCaptionLine(line)).toBe(true));

  test.each([
    'The photos were provided courtesy of the family.',
    'He thanked the museum, which lent the painting as a courtesy.',
    '(Applause)',
    'The regulator (the FCA) fined the bank on Monday.',
    'The company said profits rose 5% in the quarter, according to Reuters.',
    'Photographers gathered outside the court as the verdict was read on Thursday afternoon.',
  ])('not a caption: %s', (line) => expect(isPhotoCaptionLine(line)).toBe(false));
});

test('a “Credit…” line under a caption', () => {
  expect(isPhotoCaptionLine('Credit...Sam Hill for The Daily Post')).toBe(true);
  expect(isPhotoCaptionLine('Credit card debt rose again in March, the report said.')).toBe(false);
});

test('a caption ending in its “hide caption” button', () => {
  expect(isPhotoCaptionLine('Volunteers stack sandbags by the river on Friday. Lee Park/City Radio hide caption')).toBe(
    true,
  );
  expect(isPhotoCaptionLine('She asked the editor to hide the caption, and he did.')).toBe(false);
});

test('a credit label closing the caption, or the outlet in brackets after a short caption', () => {
  expect(isPhotoCaptionLine('Crowds gathered on the beach as the sun set. Photograph: Ana Lee/Getty Images')).toBe(
    true,
  );
  expect(isPhotoCaptionLine('متطوعون يوزعون المياه على المارة وسط المدينة (سكاي نيوز عربية)')).toBe(true);
  expect(isPhotoCaptionLine('The photograph: a family portrait from 1952, was donated to the museum.')).toBe(false);
  expect(
    isPhotoCaptionLine('وقال الوزير إن الخطة ستنفذ خلال العام المقبل وفق ما ذكرت وكالة الأنباء الرسمية (واس).'),
  ).toBe(false);
});

test('photo-caption: a caption credited to an agency we do not know by name', () => {
  expect(isPhotoCaptionLine('A man walks past a closed shop in the old city, May 19, 2020. NOTICIA/Jane Doe')).toBe(
    true,
  );
  expect(isPhotoCaptionLine('The study was led by the WHO/Europe office in Copenhagen')).toBe(false);
});
