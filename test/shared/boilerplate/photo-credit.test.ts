import { describe, expect, test } from 'vitest';
import { isPhotoCreditLine } from '../../../shared/boilerplate/photo-credit';

describe('photo-credit', () => {
  test.each([
    'Photo: AFP',
    'Image source, Getty Images',
    'Image caption, Mr Biden spoke to reporters at the White House on Wednesday',
    'REUTERS/Evelyn Hockstein',
    'Getty Images',
    'صورة أرشيفية',
    '(تصوير: أحمد حسن)',
    'الصورة: رويترز',
    'الرئيس الأمريكي جو بايدن في البيت الأبيض (رويترز)',
    'Credit: Anadolu Agency via Getty Images',
    '1 /1',
    'Pilgrims walk near the Grand Mosque in Makkah. (SPA)',
  ])('credit %s', (line) => expect(isPhotoCreditLine(line)).toBe(true));

  test.each([
    'Photographs of the scene were shared widely on social media, and police asked people to stop.',
    'صورة الوضع في غزة قاتمة، بحسب الأمم المتحدة التي حذرت من مجاعة وشيكة في شمال القطاع.',
    'Reuters reported the deal on Monday.',
    'The loan was approved by the International Monetary Fund (IMF).',
    'Scored 3 / 10 in the test, the pupils were disappointed.',
    'وقال الوزير إن بلاده لن تتراجع عن موقفها وإن الحوار هو الحل الوحيد للأزمة في المنطقة (رويترز).',
  ])('not a credit: %s', (line) => expect(isPhotoCreditLine(line)).toBe(false));
});
