// Made-up articles in the styles of more sites the corpus does not have, and of the embeds and
// bylines the corpus has too few of to learn from (never corpus text). [[…]] marks the boilerplate.
// Read by more-sites.test.ts; kept apart so a probe script can score them against any build.

const P =
  'قال وزير الخارجية في مؤتمر صحفي عقده اليوم إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بمشاركة وفود من عدة دول.';
const P2 = 'وأضاف أن الحكومة تعمل على تسهيل وصول المساعدات إلى المناطق المتضررة، مشيرا إلى أن الأوضاع تتحسن تدريجيا.';
const E =
  'The minister told reporters on Tuesday that talks would resume next week in the capital with delegations from several countries.';
const E2 =
  'He added that the government was working to speed aid to the worst-hit areas and that conditions were slowly improving.';

export const CASES: Record<string, string> = {
  // Video embeds' leftovers: the label alone on its line.
  'ar-shahed-video': `${P}\n[[شاهد الفيديو\n]]${P2}`,
  'ar-shahed-video-colon': `${P}\n[[شاهد الفيديو:\n]]${P2}`,
  'ar-shahed-aydan': `${P}\n[[شاهد أيضا\n]]${P2}`,
  'ar-shahed-aydan-tanween': `${P}\n[[شاهد أيضاً:\n]]${P2}`,
  'ar-shahed-colon': `${P}\n[[شاهد:\n]]${P2}`,
  'ar-bil-video': `${P}\n[[بالفيديو\n]]${P2}`,
  'en-watch-colon': `${E}\n[[Watch:\n]]${E2}`,
  'en-watch-caps': `${E}\n[[WATCH:\n]]${E2}`,
  'en-watch-video': `${E}\n[[Watch the video\n]]${E2}`,
  'en-watch-related': `${E}\n[[Watch: Rescue teams reach the flooded town\n]]${E2}`,
  // TikTok, Instagram, Facebook and YouTube embeds as scrapers leave them.
  'tiktok-sound': `${E}\n[[@janesmith We will not back down #protest ♬ original sound - Jane Smith\n]]${E2}`,
  'tiktok-three-lines': `${E}\n[[@janesmith\n]][[We will not back down #protest #city\n]][[♬ original sound - Jane Smith\n]]${E2}`,
  'tiktok-ar-sound': `${P}\n[[@ahmad_mahmoud لن نتخلى عن شعبنا #غزة ♬ الصوت الأصلي - أحمد محمود\n]]${P2}`,
  'tiktok-link': `${E}\n[[https://www.tiktok.com/@janesmith/video/7234567890123456789\n]]${E2}`,
  'tiktok-handle-link': `${E}\n[[@janesmith - tiktok.com/@janesmith\n]]${E2}`,
  'insta-block': `${E}\n[[View this post on Instagram\n]][[Back home after a long week #family\n]][[A post shared by Jane Smith (@janesmith)\n]]${E2}`,
  'insta-ar': `${P}\n[[عرض هذا المنشور على Instagram\n]][[تمت مشاركة منشور بواسطة أحمد محمود (@ahmad_mahmoud)\n]]${P2}`,
  'insta-shared-alone': `${E}\n[[A post shared by Jane Smith (@janesmith)\n]]${E2}`,
  'facebook-posted': `${E}\n[[Posted by Jane Smith on Tuesday, May 3, 2024\n]]${E2}`,
  'facebook-ar-posted': `${P}\n[[تم النشر بواسطة ‏وزارة الصحة‏ في الثلاثاء، ٣ مايو ٢٠٢٤\n]]${P2}`,
  'youtube-watch-on': `${E}\n[[Watch on YouTube\n]]${E2}`,
  'youtube-ar-watch-on': `${P}\n[[المشاهدة على YouTube\n]]${P2}`,
  'youtube-link': `${P}\n[[https://www.youtube.com/watch?v=AbCdEf12345\n]]${P2}`,
  // A byline standing alone above a wire or network line.
  'byline-network': `[[Jane Doe\n\nUSA TODAY NETWORK\n\n]]${E}\n\n${E2}`,
  'byline-two-ap': `[[John Roe and Mary Major\nThe Associated Press\n]]${E}\n${E2}`,
  'byline-special-to': `[[Jane Doe\nSpecial to USA TODAY\n]]${E}\n${E2}`,
  'byline-pressroom': `[[Staff\nUSA TODAY NETWORK PRESSROOM\n]]${E}\n${E2}`,
  'byline-reuters-under-title': `Talks to resume next week\n[[Jane Doe\nReuters\n]]${E}\n${E2}`,
  // Arabic sites.
  'quds-glued': `[[لندن- «القدس العربي»: ]]${P}\n${P2}`,
  'quds-end': `${P}\n${P2}\n[[(القدس العربي)\n]]`,
  'araby-iqra': `${P}\n[[اقرأ أيضاً: مسؤول أممي يحذر من تفاقم الأزمة\n]]${P2}`,
  'araby-guillemets': `${P}\n[[«اقرأ أيضاً»\n]][[مسؤول أممي يحذر من تفاقم الأزمة الإنسانية\n]]${P2}`,
  'araby-dateline': `[[بيروت ـ العربي الجديد\n]]${P}\n${P2}`,
  'araby-end-agencies': `${P}\n${P2}\n[[(العربي الجديد، فرانس برس)\n]]`,
  'hespress-google-news': `${P}\n${P2}\n[[تابعوا آخر الأخبار من هسبريس على Google News\n]]`,
  'hespress-byline': `[[هسبريس - محمد أحمد\n]]${P}\n${P2}`,
  'khaleej-dateline': `[[دبي: «الخليج»\n]]${P}\n${P2}`,
  'bayan-dateline': `[[دبي - البيان\n]]${P}\n${P2}`,
  'bayan-google-news': `${P}\n${P2}\n[[تابعوا أخبار الإمارات من البيان عبر غوغل نيوز\n]]`,
  'enab-glued': `[[عنب بلدي – ريف حلب\n]]${P}\n${P2}`,
  'enab-khas': `[[عنب بلدي – خاص\n]]${P}\n${P2}`,
  'independent-arabia-more-on': `${P}\n${P2}\n[[المزيد عن: الحكومة/المفاوضات/المساعدات\n]]`,
  'masry-byline': `[[كتب: محمد أحمد\n]]${P}\n${P2}`,
  'masry-google-news': `${P}\n${P2}\n[[لمتابعة آخر الأخبار تابعوا المصري اليوم على جوجل نيوز\n]]`,
  'ar-cookies': `${P}\n${P2}\n[[يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. بمواصلة التصفح فإنك توافق على ذلك.\n]]`,
  'ar-newsletter-box': `${P}\n${P2}\n[[اشترك في النشرة الإخبارية\n]]`,
  // English sites.
  'nyt-advertisement': `${E}\n[[Advertisement\n]][[SKIP ADVERTISEMENT\n]]${E2}`,
  'nyt-supported': `[[Supported by\n]][[SKIP ADVERTISEMENT\n]]${E}\n${E2}`,
  'nyt-continue': `${E}\n[[Continue reading the main story\n]]${E2}`,
  'nyt-credit': `${E}\n[[Credit...Jane Doe for The New York Times\n]]${E2}`,
  'nyt-print': `${E}\n${E2}\n[[A version of this article appears in print on May 3, 2024, Section A, Page 6 of the New York edition with the headline: Talks to Resume Next Week.\n]]`,
  'nyt-share': `[[Share full article\n]]${E}\n${E2}`,
  'wapo-comment': `${E}\n${E2}\n[[Comment on this story\n]]`,
  'wapo-gift': `[[Gift Article\n]]${E}\n${E2}`,
  'aje-source': `${E}\n${E2}\n[[Source: Al Jazeera and news agencies\n]]`,
  'aje-source-agencies': `${E}\n${E2}\n[[Source: News Agencies\n]]`,
  'aje-published': `[[Published On 3 May 2024\n]]${E}\n${E2}`,
  'independent-signup': `${E}\n[[Sign up to our free Morning Headlines email for the latest news\n]]${E2}`,
  'independent-join': `${E}\n${E2}\n[[Join our commenting forum\n]]`,
  'fox-app': `${E}\n[[CLICK HERE TO GET THE FOX NEWS APP\n]]${E2}`,
  'fox-more': `${E}\n[[CLICK HERE FOR MORE US NEWS\n]]${E2}`,
  'fox-listen': `[[NEW You can now listen to Fox News articles!\n]]${E}\n${E2}`,
  'fox-contributed': `${E}\n${E2}\n[[Fox News Digital's Jane Doe contributed to this report.\n]]`,
  'nbc-originally': `${E}\n${E2}\n[[This article was originally published on NBCNews.com\n]]`,
  'bloomberg-assistance': `${E}\n${E2}\n[[— With assistance from Jane Doe and John Roe.\n]]`,
  'bloomberg-updates': `${E}\n${E2}\n[[(Updates with minister’s comment in third paragraph.)\n]]`,
  'bloomberg-copyright': `${E}\n${E2}\n[[©2024 Bloomberg L.P.\n]]`,
  'bloomberg-most-read': `[[Most Read from Bloomberg\n]][[Talks Stall as Deadline Nears in Vienna\n]][[Markets Slide as Investors Brace for Higher Rates\n]]${E}\n${E2}`,
  'bloomberg-contact': `${E}\n${E2}\n[[To contact the reporter on this story: Jane Doe in London at jdoe@bloomberg.net\n]]`,
  'newsletter-from': `${E}\n${E2}\n[[This article is from our daily newsletter. Sign up here.\n]]`,
  'cookie-en': `${E}\n${E2}\n[[We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies.\n]]`,
  'cookie-accept': `${E}\n${E2}\n[[Accept all cookies\n]]`,
  // Article text that looks like the above, and stays.
  'keep-watch-sentence': `${E}\nWatch the video of the vote, he told reporters, and judge for yourself.\n${E2}`,
  'keep-shahed-sentence': `${P}\nشاهد الفيديو الذي نشرته الوزارة على حسابها الرسمي قبل ساعات.\n${P2}`,
  'keep-title-over-network': `Talks Set To Resume In Vienna\n[[USA TODAY NETWORK\n]]${E}\n${E2}`,
  'keep-assistance-sentence': `${E}\nWith assistance from the UN, the ministry reopened the crossing on Monday.\n${E2}`,
  'keep-hashtag-sentence': `${E}\nThe campaign, known online as #StandTogether, drew thousands of posts.\n${E2}`,
  'keep-comment-sentence': `${E}\nThe ministry declined to comment on this story when asked on Monday.\n${E2}`,
  'keep-published-by': `${P}\nتم النشر بواسطة وزارة الداخلية على حسابها الرسمي في 3 مايو 2024.\n${P2}`,
};
