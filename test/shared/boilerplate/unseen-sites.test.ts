// Made-up articles in the styles of sites the corpus does not have (Al Jazeera, Youm7, Masrawy, Sky News
// Arabia, Al-Ahram, RT Arabic, Anadolu, AP, BBC, the Guardian, CNN): never corpus text. [[…]] marks the
// boilerplate; each case must be found whole, with nothing else removed. The rules were written from nine
// sites, and the product is judged on others: this is the check on those others (on main 0.868 of the
// marked characters were found; the two cases cleanup52 left, a lone "شاهد الفيديو" and a TikTok sound line, are
// found since cleanup53).
import { describe, expect, test } from 'vitest';
import { suggestEdits } from '../../../shared/boilerplate/index';

const P =
  'قال وزير الخارجية في مؤتمر صحفي عقده اليوم إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بمشاركة وفود من عدة دول.';
const P2 = 'وأضاف أن الحكومة تعمل على تسهيل وصول المساعدات إلى المناطق المتضررة، مشيرا إلى أن الأوضاع تتحسن تدريجيا.';
const E =
  'The minister told reporters on Tuesday that talks would resume next week in the capital with delegations from several countries.';
const E2 =
  'He added that the government was working to speed aid to the worst-hit areas and that conditions were slowly improving.';
const CASES = {
  'aljazeera-iqra': `${P}\n[[اقرأ أيضا\n]][[مسؤول أممي يحذر من تفاقم الأزمة الإنسانية في المنطقة\n]]${P2}`,
  'youm7-iqra-colon': `${P}\n[[اقرأ أيضًا: وزير الصحة يتفقد مستشفى جديدا في المحافظة\n]]${P2}`,
  'masrawy-tabiouna': `${P}\n${P2}\n[[تابعونا على فيسبوك وتويتر للمزيد من الأخبار\n]]`,
  'tabiouna-whatsapp': `${P}\n${P2}\n[[تابعوا آخر الأخبار عبر قناتنا على واتساب\n]]`,
  'skynews-source': `${P}\n${P2}\n[[المصدر: سكاي نيوز عربية\n]]`,
  'masdar-agencies': `${P}\n${P2}\n[[المصدر : وكالات\n]]`,
  'ahram-date': `[[الأحد 12 مايو 2024 - 10:45 ص\n]]${P}\n${P2}`,
  'ahram-date2': `[[نشر في: الاثنين، 3 يونيو 2024 09:15 م\n]]${P}\n${P2}`,
  'rt-source': `${P}\n${P2}\n[[المصدر: RT + وكالات\n]]`,
  'anadolu-glued': `[[أنقرة/ محمد علي/ الأناضول\n]]${P}\n${P2}`,
  'anadolu-paren': `[[إسطنبول (الأناضول) - ]]${P}\n${P2}`,
  'keywords-line': `${P}\n${P2}\n[[الكلمات الدالة: الحكومة، المفاوضات، المساعدات\n]]`,
  'keywords-persian': `${P}\n${P2}\n[[الكلمات الدالة: الحكومة، المفاوضات، ی‌ک\n]]`,
  'hashtags-line': `${P}\n${P2}\n[[#مصر #الحكومة #المفاوضات\n]]`,
  'tweet-ar': `${P}\n[[لن نتخلى عن شعبنا مهما كانت الظروف pic.twitter.com/AbCdEf1234 — أحمد محمود (@ahmad_mahmoud) May 3, 2024\n]]${P2}`,
  'tweet-ar-date': `${P}\n[[لن نتخلى عن شعبنا مهما كانت الظروف pic.twitter.com/AbCdEf1234 — أحمد محمود (@ahmad_mahmoud) 3 مايو 2024\n]]${P2}`,
  'ar-copyright': `${P}\n${P2}\n[[© جميع الحقوق محفوظة لموقع المثال 2024\n]]`,
  'ar-photo': `${P}\n[[(صورة: رويترز)\n]]${P2}`,
  'ar-photo-arch': `${P}\n[[صورة أرشيفية\n]]${P2}`,
  'ar-share': `${P}\n${P2}\n[[شارك الخبر\n]]`,
  'ar-ad': `${P}\n[[إعلان\n]]${P2}`,
  'ap-underscores': `${E}\n${E2}\n[[___\n]][[Associated Press writer Jane Doe in Chicago contributed to this report.\n]]`,
  'ap-dateline': `[[WASHINGTON (AP) — ]]${E}\n${E2}`,
  'bbc-related': `${E}\n${E2}\n[[Related Topics\n]][[Elections\n]][[United States\n]]`,
  'bbc-caption': `${E}\n[[Image caption, Rescue workers searched through the rubble on Monday\n]]${E2}`,
  'bbc-image-source': `${E}\n[[Image source, Getty Images\n]]${E2}`,
  'guardian-signup': `${E}\n[[Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST\n]]${E2}`,
  'guardian-photo': `${E}\n[[Rescue workers in the city on Monday. Photograph: Jane Smith/AP\n]]${E2}`,
  'cnn-paren': `[[(CNN) — ]]${E}\n${E2}`,
  'cnn-paren2': `[[(CNN)]]${E}\n${E2}`,
  'read-more-colon': `${E}\n[[Read more: Talks stall as deadline nears\n]]${E2}`,
  'click-here': `${E}\n${E2}\n[[Click here to download our app.\n]]`,
  'click-here2': `${E}\n${E2}\n[[Click here to sign up for our newsletter.\n]]`,
  'newsletter-promo': `${E}\n[[Get the best of our coverage in your inbox. Sign up for our daily newsletter.\n]]${E2}`,
  'story-updated': `${E}\n${E2}\n[[This story has been updated.\n]]`,
  'story-updated2': `${E}\n${E2}\n[[This story has been updated with additional information.\n]]`,
  'tweet-en': `${E}\n[[We will not back down. pic.twitter.com/Xy12AbCd34 — Jane Smith (@janesmith) May 3, 2024\n]]${E2}`,
  'insta-embed': `${E}\n[[View this post on Instagram\n]][[A post shared by Jane Smith (@janesmith)\n]]${E2}`,
  'copyright-en': `${E}\n${E2}\n[[Copyright 2024 The Associated Press. All rights reserved.\n]]`,
  'ap-rewrite': `${E}\n${E2}\n[[This material may not be published, broadcast, rewritten or redistributed.\n]]`,
  advertisement: `${E}\n[[ADVERTISEMENT\n]]${E2}`,
  'share-en': `${E}\n${E2}\n[[Share this article\n]]`,
  'image-caption-colon': `${E}\n[[Image caption: Rescue workers on Monday\n]]${E2}`,
  'related-topics-colon': `${E}\n${E2}\n[[Related Topics: Elections, United States\n]]`,
  'ap-contrib2': `${E}\n${E2}\n[[Associated Press writers John Roe and Mary Major contributed.\n]]`,

  'ar-tali3': `${P}\n[[طالع أيضا: مسؤول أممي يحذر من تفاقم الأزمة\n]]${P2}`,
  'ar-iqra-mazid': `${P}\n[[اقرأ المزيد: مسؤول أممي يحذر من تفاقم الأزمة\n]]${P2}`,
  'ar-related-label': `${P}\n${P2}\n[[أخبار ذات صلة\n]][[مسؤول أممي يحذر من تفاقم الأزمة الإنسانية\n]][[وزير الصحة يتفقد مستشفى جديدا\n]]`,
  'ar-mawadi3': `${P}\n${P2}\n[[مواضيع ذات صلة\n]][[مسؤول أممي يحذر من تفاقم الأزمة الإنسانية\n]]`,
  'ar-kalimat-miftahia': `${P}\n${P2}\n[[الكلمات المفتاحية: الحكومة - المفاوضات - المساعدات\n]]`,
  'ar-wusum': `${P}\n${P2}\n[[وسوم: الحكومة، المفاوضات\n]]`,
  'ar-masdar-jazeera': `${P}\n${P2}\n[[المصدر : الجزيرة + وكالات\n]]`,
  'ar-masdar-youm7': `${P}\n${P2}\n[[المصدر: اليوم السابع\n]]`,
  'ar-newsletter': `${P}\n${P2}\n[[اشترك في نشرتنا البريدية ليصلك أهم الأخبار يوميا\n]]`,
  'ar-app': `${P}\n${P2}\n[[حمّل تطبيق الموقع لمتابعة آخر الأخبار\n]]`,
  'ar-telegram': `${P}\n${P2}\n[[تابعونا على تليجرام\n]]`,
  'ar-anadolu-line2': `[[إسطنبول/ الأناضول\n]]${P}\n${P2}`,
  'ar-mena': `[[القاهرة - أ ش أ\n]]${P}\n${P2}`,
  'ar-mena-glued': `[[القاهرة (أ ش أ) - ]]${P}\n${P2}`,
  'ar-ahram-gate': `[[القاهرة - بوابة الأهرام\n]]${P}\n${P2}`,
  'ar-sky-dateline': `[[أبوظبي - سكاي نيوز عربية\n]]${P}\n${P2}`,
  'ar-youm7-byline': `[[كتب محمد أحمد\n]]${P}\n${P2}`,
  'ar-masrawy-byline': `[[كتب- محمد أحمد:\n]]${P}\n${P2}`,
  'ar-katabat': `[[كتبت - سارة علي\n]]${P}\n${P2}`,
  'ar-akhir-tahdith': `[[آخر تحديث: 12:30 - 3 مايو 2024\n]]${P}\n${P2}`,
  'ar-tarikh-nashr': `[[تاريخ النشر: 2024/05/03\n]]${P}\n${P2}`,
  'ar-nushira': `[[نُشر في 3 مايو 2024\n]]${P}\n${P2}`,
  'ar-anadolu-end': `${P}\n${P2}\n[[(الأناضول)\n]]`,
  'ar-afp-end': `${P}\n${P2}\n[[(أ ف ب)\n]]`,
  'ar-photo-afp': `${P}\n[[صورة من: أ ف ب\n]]${P2}`,
  'ar-video': `${P}\n[[شاهد الفيديو\n]]${P2}`,
  'ar-tweet-rt': `${P}\n[[— أحمد محمود (@ahmad_mahmoud) May 3, 2024\n]]${P2}`,
  'en-follow-ap': `${E}\n${E2}\n[[___\n]][[Follow AP's coverage of the elections at https://apnews.com/hub/elections\n]]`,
  'en-find-ap': `${E}\n${E2}\n[[Find more AP coverage of the climate at https://apnews.com/hub/climate\n]]`,
  'en-getty': `${E}\n[[Getty Images\n]]${E2}`,
  'en-photograph-alone': `${E}\n[[Photograph: Jane Smith/Reuters\n]]${E2}`,
  'en-follow-us': `${E}\n${E2}\n[[Follow us on Twitter and Facebook.\n]]`,
  'en-reuters-credit': `${E}\n${E2}\n[[Reporting by Jane Doe; Editing by John Roe\n]]`,
  'en-cnn-copyright': `${E}\n${E2}\n[[Copyright © 2024 CNN. All rights reserved.\n]]`,
  'en-editors-note': `[[Editor’s Note: John Doe is a professor of history. The views expressed in this commentary are his own.\n]]${E}\n${E2}`,
  'en-watch': `${E}\n[[WATCH: Talks stall as deadline nears\n]]${E2}`,
  'en-related-caps': `${E}\n[[RELATED: Talks stall as deadline nears\n]]${E2}`,
  'en-more-caps': `${E}\n[[MORE: Talks stall as deadline nears\n]]${E2}`,
  'en-subscribe': `${E}\n${E2}\n[[Subscribe to our newsletter for the latest updates.\n]]`,
  'en-listen': `[[Listen to this article\n]]${E}\n${E2}`,
  'en-story-continues': `${E}\n[[Story continues below advertisement\n]]${E2}`,
  'en-continue-reading': `${E}\n[[Continue reading the main story\n]]${E2}`,
  'en-supported-by': `[[Supported by\n]]${E}\n${E2}`,
  'en-media-caption': `${E}\n[[Media caption, The minister spoke to reporters\n]]${E2}`,
  'en-ap-photo': `${E}\n[[Rescue workers search the rubble on Monday. (AP Photo/Jane Smith)\n]]${E2}`,
  'en-corrected': `${E}\n${E2}\n[[This story has been corrected to show the talks resume next week, not this week.\n]]`,
  'en-contributed-end': `${E}\n${E2}\n[[The Associated Press contributed to this report.\n]]`,
  'en-cnns': `${E}\n${E2}\n[[CNN’s Jane Doe and John Roe contributed to this report.\n]]`,
  'en-read-more-glued': `${E} [[Read more: Talks stall as deadline nears]]\n${E2}`,
  'en-embed-tiktok': `${E}\n[[@janesmith We will not back down #protest ♬ original sound - Jane Smith\n]]${E2}`,
};

/** Cases still missed, and why: kept out of the check so it says what is found. */
const MISSED = new Set<string>([
  // Both found since cleanup53: a video label alone (widget) and TikTok's sound line (social-embed).
]);

function check(marked: string): { missed: string[]; extra: string[] } {
  const parts = marked.split(/\[\[|\]\]/u);
  let text = '';
  const want: [number, number][] = [];
  parts.forEach((p, i) => {
    if (i % 2) want.push([text.length, text.length + p.length]);
    text += p;
  });
  const removals = suggestEdits(text).filter((e) => e.kind === 'boilerplate');
  const removed = (k: number) => removals.some((e) => e.start <= k && k < e.end);
  const wanted = (k: number) => want.some(([a, b]) => a <= k && k < b);
  const missed: string[] = [];
  const extra: string[] = [];
  for (let k = 0; k < text.length; k++) {
    if (/\s/u.test(text[k])) continue;
    if (wanted(k) && !removed(k)) missed.push(text[k]);
    if (!wanted(k) && removed(k)) extra.push(text[k]);
  }
  return { missed, extra };
}

describe('boilerplate of sites we do not have (made-up articles)', () => {
  test.each(Object.entries(CASES).filter(([name]) => !MISSED.has(name)))('%s', (_name, marked) => {
    const { missed, extra } = check(marked);
    expect({ missed: missed.join(''), extra: extra.join('') }).toEqual({ missed: '', extra: '' });
  });
});
