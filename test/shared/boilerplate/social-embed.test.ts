import { describe, expect, test } from 'vitest';
import { socialEmbed } from '../../../shared/boilerplate/social-embed';
import { removed } from './rule-harness';

describe('social-embed', () => {
  test('a tweet with its t.co link and an attribution glued to the next sentence', () => {
    const text =
      'منطقة كورسك.\nForeign ministers condemned the cooperation https://t.co/3NWgRxpBwK\n— dpa news agency (@dpa_intl) November 6, 2024وجاء في البيان أن الدعم خطير.\n';
    expect(removed(socialEmbed, text)).toEqual([
      'Foreign ministers condemned the cooperation https://t.co/3NWgRxpBwK\n— dpa news agency (@dpa_intl) November 6, 2024',
    ]);
  });

  test('an Arabic tweet with pic.twitter.com and its attribution line', () => {
    const text =
      'نص.\nنحن مع السلام دائما #غزة pic.twitter.com/AbC123\n— وزارة الخارجية (@MofaQatar_AR) 12 June 2024\nنص آخر.';
    expect(removed(socialEmbed, text)).toEqual([
      'نحن مع السلام دائما #غزة pic.twitter.com/AbC123\n— وزارة الخارجية (@MofaQatar_AR) 12 June 2024\n',
    ]);
  });

  test('BBC skip/end blocks and Instagram embeds go whole', () => {
    const bbc =
      'Text.\nSkip twitter post by Jane Doe\nAllow X content?\nThis article contains content provided by X.\nAccept and continue\nEnd of twitter post by Jane Doe\nMore text.';
    expect(removed(socialEmbed, bbc)).toEqual([
      'Skip twitter post by Jane Doe\nAllow X content?\nThis article contains content provided by X.\nAccept and continue\nEnd of twitter post by Jane Doe\n',
    ]);
    const insta = 'نص.\nView this post on Instagram\nصورة من الحفل\nA post shared by Fairuz (@fairuz)\nنص.';
    expect(removed(socialEmbed, insta)).toEqual([
      'View this post on Instagram\nصورة من الحفل\nA post shared by Fairuz (@fairuz)\n',
    ]);
  });

  test('a bare post link line goes', () => {
    expect(removed(socialEmbed, 'Text.\nhttps://twitter.com/user/status/123456\nText.')).toEqual([
      'https://twitter.com/user/status/123456\n',
    ]);
  });

  test.each([
    'وكتب الوزير على حسابه في منصة إكس أن "الحل السياسي هو الطريق الوحيد".',
    'The minister said in a post on X that talks would resume.',
    '— and then, he said, everything changed.',
    'The report is available at https://example.org/report.pdf for readers.',
  ])('keeps prose about posts: %s', (line) => {
    expect(removed(socialEmbed, `${line}\n`)).toEqual([]);
  });

  test('a line holding the post and its attribution goes whole, with the date in English or Arabic', () => {
    expect(
      removed(
        socialEmbed,
        'Text.\nThe bridge is open again! pic.twitter.com/AbC123xyz — City Hall (@cityhall) June 2, 2023\nText.',
      ),
    ).toEqual(['The bridge is open again! pic.twitter.com/AbC123xyz — City Hall (@cityhall) June 2, 2023\n']);
    expect(
      removed(
        socialEmbed,
        'نص.\nافتتاح الجسر اليوم pic.twitter.com/AbC123xyz — بلدية المدينة (@city_ar) ٢ يونيو ٢٠٢٣\nنص.',
      ),
    ).toEqual(['افتتاح الجسر اليوم pic.twitter.com/AbC123xyz — بلدية المدينة (@city_ar) ٢ يونيو ٢٠٢٣\n']);
  });
});

describe('social-embed: TikTok, and the embeds in Arabic', () => {
  test('a TikTok embed: the handle, the caption with its hashtags and the sound line', () => {
    const text = 'Text.\n@janesmith\nWe will not back down #protest\n♬ original sound - Jane Smith\nMore text.\n';
    expect(removed(socialEmbed, text)).toEqual([
      '@janesmith\nWe will not back down #protest\n♬ original sound - Jane Smith\n',
    ]);
    expect(removed(socialEmbed, 'نص.\n@ahmad لن نتخلى #غزة ♬ الصوت الأصلي - أحمد\nنص.\n')).toEqual([
      '@ahmad لن نتخلى #غزة ♬ الصوت الأصلي - أحمد\n',
    ]);
    expect(removed(socialEmbed, 'Text.\n@janesmith - tiktok.com/@janesmith\nMore.\n')).toEqual([
      '@janesmith - tiktok.com/@janesmith\n',
    ]);
    // A caption line with hashtags but no sound line under it is the article's.
    expect(removed(socialEmbed, 'Text.\nThe campaign used #protest widely.\nMore text.\n')).toEqual([]);
  });

  test('Instagram, Facebook and YouTube embeds in their Arabic words', () => {
    const insta = 'نص.\nعرض هذا المنشور على Instagram\nصورة من الحفل\nتمت مشاركة منشور بواسطة فيروز (@fairuz)\nنص.';
    expect(removed(socialEmbed, insta)).toEqual([
      'عرض هذا المنشور على Instagram\nصورة من الحفل\nتمت مشاركة منشور بواسطة فيروز (@fairuz)\n',
    ]);
    expect(removed(socialEmbed, 'نص.\nتم النشر بواسطة وزارة الصحة في الثلاثاء، ٣ مايو ٢٠٢٤\nنص.')).toEqual([
      'تم النشر بواسطة وزارة الصحة في الثلاثاء، ٣ مايو ٢٠٢٤\n',
    ]);
    expect(removed(socialEmbed, 'نص.\nالمشاهدة على YouTube\nنص.')).toEqual(['المشاهدة على YouTube\n']);
    // Without the embed's date or handle, the same words are a sentence of the article.
    expect(removed(socialEmbed, 'نص.\nتم النشر بواسطة وزارة الداخلية على حسابها الرسمي في 3 مايو 2024.\nنص.')).toEqual(
      [],
    );
    expect(removed(socialEmbed, 'نص.\nتمت مشاركة منشور بواسطة حساب الوزارة على فيسبوك\nنص.')).toEqual([]);
  });
});
