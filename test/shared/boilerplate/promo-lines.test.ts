import { describe, expect, test } from 'vitest';
import { advertisementLine, callToActionLine, copyrightLine, followLine, newsletterLine, shareLine } from '../../../shared/boilerplate/promo-lines';
import type { BoilerplateRule } from '../../../shared/boilerplate/rule';
import { removed } from './rule-harness';

const cases: [BoilerplateRule, string[], string[]][] = [
  [
    advertisementLine,
    ['Advertisement', 'ADVERTISEMENT', '- إعلان -', 'Story continues below advertisement', 'Scroll to continue with content'],
    ['The advertisement was banned by the regulator.', 'إعلان الحكومة عن الموازنة جاء متأخرا.'],
  ],
  [
    newsletterLine,
    ['Sign up for our free newsletter', 'Subscribe to our newsletter to get the latest news in your inbox', 'اشترك في النشرة البريدية لتصلك آخر الأخبار', 'Get our morning briefing delivered to your inbox'],
    ['Subscribers to the service rose by 10% last year.', 'Sign up rates for the program fell sharply, officials said.', 'اشترك أكثر من ألف متطوع في الحملة.'],
  ],
  [
    shareLine,
    ['Share this article', 'Facebook Twitter WhatsApp Email', 'شارك | فيسبوك | تويتر | واتساب', 'Share on Facebook', 'انسخ الرابط', 'Share'],
    ['Share prices fell 3% on Monday.', 'شارك آلاف المتظاهرين في المسيرة.', 'Facebook said it removed the accounts.'],
  ],
  [
    followLine,
    ['تابعونا على تويتر وفيسبوك', 'لمتابعة آخر الأخبار تابعوا قناتنا على تلغرام', 'Follow us on Twitter @BBCWorld', 'Download our app for breaking news alerts', 'تابعوا آخر الأخبار عبر تطبيق نبض'],
    ['تابعوا عملهم حتى ساعات الفجر رغم القصف.', 'Follow the money, the investigator told reporters.', 'تابع الوزير حديثه قائلا إن الحل قريب.'],
  ],
  [
    copyrightLine,
    ['© 2024 Reuters. All rights reserved.', 'جميع الحقوق محفوظة لموقع اليوم السابع 2024', 'Copyright 2024 The Associated Press', '(c) 2023 BBC'],
    ['The company sued over copyright infringement of its songs.', 'Copyright law has not kept pace with AI, the judge said.'],
  ],
  [
    callToActionLine,
    ['للمزيد من الأخبار اضغط هنا', 'Click here to watch the video', 'لمشاهدة الفيديو', 'Leave a comment', 'تعليقات الزوار', '___', '·', 'Follow', 'Support free-thinking journalism and attend Independent events', 'Join our commenting forum'],
    ['He told voters to click their heels and hope, in a speech that drew laughter.', 'Follow the money.', 'Supporters of the bill say it protects journalism and free speech, and will be tabled next month.'],
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
