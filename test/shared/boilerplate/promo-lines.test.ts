import { describe, expect, test } from 'vitest';
import {
  advertisementLine,
  callToActionLine,
  contactBlock,
  copyrightLine,
  followLine,
  newsletterLine,
  shareLine,
} from '../../../shared/boilerplate/promo-lines';
import { createRuleContext, type BoilerplateRule } from '../../../shared/boilerplate/rule';
import { removed } from './rule-harness';

const cases: [BoilerplateRule, string[], string[]][] = [
  [
    advertisementLine,
    [
      'Advertisement',
      'ADVERTISEMENT',
      '- إعلان -',
      'Story continues below advertisement',
      'Scroll to continue with content',
      'Supported by',
      'Advertisement · Scroll to continue',
    ],
    ['The advertisement was banned by the regulator.', 'إعلان الحكومة عن الموازنة جاء متأخرا.'],
  ],
  [
    newsletterLine,
    [
      'Sign up for our free newsletter',
      'Subscribe to our newsletter to get the latest news in your inbox',
      'اشترك في النشرة البريدية لتصلك آخر الأخبار',
      'Get our morning briefing delivered to your inbox',
    ],
    [
      'Subscribers to the service rose by 10% last year.',
      'Sign up rates for the program fell sharply, officials said.',
      'اشترك أكثر من ألف متطوع في الحملة.',
    ],
  ],
  [
    shareLine,
    [
      'Share this article',
      'Facebook Twitter WhatsApp Email',
      'شارك | فيسبوك | تويتر | واتساب',
      'Share on Facebook',
      'انسخ الرابط',
      'Share',
      'share2',
      'Share full article',
      'فيسبوك | تويتر | يوتيوب',
    ],
    ['Share prices fell 3% on Monday.', 'شارك آلاف المتظاهرين في المسيرة.', 'Facebook said it removed the accounts.'],
  ],
  [
    followLine,
    [
      'تابعونا على تويتر وفيسبوك',
      'لمتابعة آخر الأخبار تابعوا قناتنا على تلغرام',
      'Follow us on Twitter @BBCWorld',
      'Download our app for breaking news alerts',
      'تابعوا آخر الأخبار عبر تطبيق نبض',
    ],
    [
      'تابعوا عملهم حتى ساعات الفجر رغم القصف.',
      'Follow the money, the investigator told reporters.',
      'تابع الوزير حديثه قائلا إن الحل قريب.',
    ],
  ],
  [
    copyrightLine,
    [
      '© 2024 Reuters. All rights reserved.',
      'A version of this article appears in print on Dec. 3, 2024, Section A, Page 8 of the New York edition with the headline: Nile. Order Reprints | Today’s Paper | Subscribe',
      'جميع الحقوق محفوظة لموقع اليوم السابع 2024',
      'Copyright 2024 The Associated Press',
      '(c) 2023 BBC',
    ],
    [
      'The company sued over copyright infringement of its songs.',
      'Copyright law has not kept pace with AI, the judge said.',
    ],
  ],
  [
    callToActionLine,
    [
      'للمزيد من الأخبار اضغط هنا',
      'Click here to watch the video',
      'لمشاهدة الفيديو',
      'Leave a comment',
      'تعليقات الزوار',
      '___',
      '·',
      'Follow',
      'Support free-thinking journalism and attend Independent events',
      'Join our commenting forum',
      'Comment on this story',
      'NEW You can now listen to Fox News articles!',
      'This article is from our daily newsletter. Sign up here.',
    ],
    [
      'He said he would comment on this story later.',
      'You can now listen to the concert online, the organisers said.',
      'Watch the video of the vote, he told reporters, and judge for yourself.',
      'He told voters to click their heels and hope, in a speech that drew laughter.',
      'Follow the money.',
      'Supporters of the bill say it protects journalism and free speech, and will be tabled next month.',
    ],
  ],
];

describe.each(cases)('%s', (rule, positives, negatives) => {
  test.each(positives)(`${rule.id} removes %s`, (line) => {
    expect(removed(rule, `نص.\n${line}\nنص.`)).toEqual([`${line}\n`]);
  });
  test.each(negatives)(`${rule.id} keeps %s`, (line) => {
    expect(removed(rule, `${line}\n`)).toEqual([]);
  });
});

test('follow-us: a heading with the platforms on the next line goes as one block', () => {
  expect(removed(followLine, 'نص.\nتابعونا على\nفيسبوك | تويتر | يوتيوب\n')).toEqual([
    'تابعونا على\nفيسبوك | تويتر | يوتيوب\n',
  ]);
  expect(removed(followLine, 'تابعونا على\nالصفحة الرئيسية للموقع الإلكتروني\n')).toEqual([]);
});

test('contact: a heading with e-mail and phone lines under it; a "Contacts" subheading before prose stays', () => {
  expect(removed(contactBlock, 'Text.\nMedia contact:\npress@sungrid.example\n+212 5 22 00 00 00\nMore.')).toEqual([
    'Media contact:\npress@sungrid.example\n+212 5 22 00 00 00\n',
  ]);
  expect(
    removed(contactBlock, 'Contacts\nThe ministry kept its contacts with both sides open, officials said.\n'),
  ).toEqual([]);
});

test('a row of tatweel is a separator', () => {
  expect(
    callToActionLine.detect('نص.\nـــــــــــــ\nنص.', createRuleContext('نص.\nـــــــــــــ\nنص.')).map((e) => e.text),
  ).toEqual(['ـــــــــــــ\n']);
});

// Sites we do not have (made-up lines in their styles).
test.each(['تابعونا على تليجرام', 'تابعوا آخر الأخبار عبر قناتنا على تليغرام'])('follow-us: removes %s', (line) => {
  expect(removed(followLine, `نص.\n${line}\n`)).toEqual([`${line}\n`]);
});

test("copyright: AP's rights line goes, a sentence about a ban stays", () => {
  const line = 'This material may not be published, broadcast, rewritten or redistributed.';
  expect(removed(copyrightLine, `Body.\n${line}\n`)).toEqual([`${line}\n`]);
  expect(removed(copyrightLine, 'The court said the report may not be published until the trial ends.\n')).toEqual([]);
});
