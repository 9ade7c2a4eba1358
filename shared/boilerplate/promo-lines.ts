// Page furniture lines: advertisement markers, newsletter sign-ups, share bars,
// follow-us calls, copyright notices, click-here calls. Each is a whole, short line;
// the same words inside a sentence of the article stay.

import { stripBullet, words, wordCount } from './line-shape';
import { blockRule, lineRule, type BoilerplateRule, type SourceLine } from './rule';

const advertisement = new RegExp(
  '^\\s*[-–—•*|]*\\s*(?:advertisement|advert|ads?|sponsored(?: content)?|paid content|promoted|إعلان|اعلان|إعلانات|مساحة إعلانية|محتوى مدفوع|' +
    'story continues below(?: this)? advertisement|article continues (?:below|after)(?: (?:this )?advertisement)?|continue reading (?:the main story|below)|' +
    'supported by|ad feedback|advertisement feedback|report this ad|scroll to continue(?: with content)?|scroll to continue reading|continue reading|skip advertisement|تابع القراءة أسفل الإعلان|يتبع الإعلان)\\s*[-–—•*|]*\\s*$',
  'iu',
);

const newsletterStart =
  /^\s*(?:sign up\b|subscribe\b|get (?:our|the)\b|join (?:our|the)\b|enter your email|by (?:signing up|subscribing|entering your email)|don'?t miss|never miss|newsletter|اشترك|اشتركي|اشتركوا|سجل(?:وا)?\s+(?:في|ب|الآن)|النشرة (?:البريدية|الإخبارية)|نشرتنا|احصل(?:وا)? على|لا تفوت|لا تفوّت)/iu;
const newsletterTopic = new RegExp(
  [
    String.raw`newsletter`,
    String.raw`inbox`,
    String.raw`e-?mail`,
    String.raw`bulletin`,
    String.raw`briefing`,
    String.raw`privacy (?:notice|policy)`,
    String.raw`نشر[ةت]`,
    String.raw`النشرة`,
    String.raw`البريد`,
    String.raw`بريدك`,
    String.raw`مجانا`,
    String.raw`مجاناً`,
    String.raw`صندوق`,
  ].join('|'),
  'iu',
);

const privacyNotice =
  /^\s*(?:privacy notice|privacy policy|by (?:signing up|subscribing)|we (?:will|won't) (?:never )?(?:share|use) your|سياسة الخصوصية|بالاشتراك)/iu;
/** "Free weekly newsletter": a short line that names a newsletter. */
const newsletterName = new RegExp(
  [
    String.raw`^\s*(?:(?:free|weekly|daily|our|the)\s+){0,3}(?:newsletter|email|briefing)s?\s*$`,
    String.raw`^\s*(?:النشرة|نشرة)\s+\S+(?:\s+\S+)?\s*$`,
  ].join('|'),
  'iu',
);

const SHARE_WORDS = [
  'share',
  'share this',
  'share this article',
  'share this story',
  'share this page',
  'share on',
  'share via',
  'shares',
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'email',
  'e-mail',
  'print',
  'linkedin',
  'telegram',
  'reddit',
  'pinterest',
  'messenger',
  'copy link',
  'copy',
  'link',
  'copied',
  'tweet',
  'save',
  'comments',
  'comment',
  'flipboard',
  'bluesky',
  'threads',
  'شارك',
  'شاركها',
  'شارك الخبر',
  'شارك المقال',
  'شارك هذا',
  'شارك على',
  'شاركوا',
  'مشاركة',
  'المشاركة',
  'المقال',
  'الخبر',
  'فيسبوك',
  'فيس بوك',
  'تويتر',
  'واتساب',
  'واتس اب',
  'واتس آب',
  'تلغرام',
  'تيليجرام',
  'تلجرام',
  'لينكدإن',
  'لينكد إن',
  'إكس',
  'طباعة',
  'اطبع',
  'انسخ الرابط',
  'نسخ الرابط',
  'انسخ',
  'نسخ',
  'الرابط',
  'رابط',
  'البريد الإلكتروني',
  'ايميل',
  'إيميل',
  'حفظ',
  'تعليق',
  'تعليقات',
  'ماسنجر',
  'عبر',
  'on',
  'via',
  'this',
  'article',
  'story',
  'هذا',
  'reuse this content',
  'like this',
  'like',
  'loading...',
  'loading…',
  'like loading...',
  'more',
  'gift article',
  'listen',
  'listen to this article',
  'bookmark',
  'bookmarks',
  'add to bookmarks',
  'saved',
  'حفظ المقال',
  'أضف إلى المفضلة',
  'المفضلة',
  'share full article',
  'youtube',
  'instagram',
  'tiktok',
  'snapchat',
  'threads',
  'يوتيوب',
  'انستغرام',
  'إنستغرام',
  'انستجرام',
  'تيك توك',
  'سناب شات',
  'email this',
  'إرسال',
  'ارسال',
];
const shareWords = new Set(SHARE_WORDS.map((w) => w.toLowerCase()));
/** First words of the share vocabulary: a quick way to turn most lines away. */
const shareFirstWords = new Set(SHARE_WORDS.map((w) => w.toLowerCase().split(' ')[0]));
const shareVerb =
  /^(?:share|tweet|print|copy link|save|bookmark|add to bookmarks|المفضلة|أضف إلى المفضلة|حفظ المقال|reuse this content|like this|like loading|listen|gift article|شارك|شاركها|شاركوا|مشاركة|المشاركة|طباعة|اطبع|انسخ|نسخ|حفظ)/iu;
const PLATFORMS =
  /^(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|messenger|email|youtube|instagram|tiktok|snapchat|threads|فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|تيليجرام|إكس|لينكد|يوتيوب|انستغرام|إنستغرام|انستجرام|تيك توك|سناب شات)/iu;

const followStart =
  /^\s*(?:تابعونا|تابعوا|تابعنا|تابع(?:وا)? (?:آخر|أحدث|اخر|احدث|كل|جميع)|يمكنكم متابعة|للمتابعة|لمتابعة (?:آخر|أحدث|اخر|أهم|المزيد|كل)|حمل(?:وا)? تطبيق|نزل(?:وا)? تطبيق|انضم(?:وا)? (?:إلى|الى|ل)|اشترك(?:وا)? في قناة|follow\b|download (?:our|the)\b|get the .{0,20}app|join (?:us|our)\b|like us on|find us on|stay (?:up to date|informed|connected))/iu;
const followTopic = new RegExp(
  [
    String.raw`تويتر`,
    String.raw`فيسبوك`,
    String.raw`فيس بوك`,
    String.raw`إنستغرام`,
    String.raw`انستغرام`,
    String.raw`انستجرام`,
    String.raw`يوتيوب`,
    String.raw`تلغرام`,
    String.raw`تيليجرام`,
    String.raw`تلجرام`,
    String.raw`تليجرام`,
    String.raw`تليغرام`,
    String.raw`تيليغرام`,
    String.raw`واتساب`,
    String.raw`تيك توك`,
    String.raw`تطبيق`,
    String.raw`قناتنا`,
    String.raw`قناة`,
    String.raw`حساب`,
    String.raw`منصات`,
    String.raw`منصة`,
    String.raw`صفحت`,
    String.raw`موقعنا`,
    String.raw`جوجل نيوز`,
    String.raw`غوغل نيوز`,
    String.raw`نبض`,
    String.raw`twitter`,
    String.raw`facebook`,
    String.raw`instagram`,
    String.raw`youtube`,
    String.raw`telegram`,
    String.raw`whatsapp`,
    String.raw`tiktok`,
    String.raw`threads`,
    String.raw`bluesky`,
    String.raw`google news`,
    String.raw`app`,
    String.raw`\bus\b`,
    String.raw`@\w+`,
    String.raw`\bon x\b`,
    String.raw`coverage`,
    String.raw`https?:\/\/`,
    String.raw`www\.`,
  ].join('|'),
  'iu',
);

const copyrightStart =
  /^\s*(?:our standards:|editorial standards|corrections policy|©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|جميع الحقوق|كافة الحقوق|حقوق (?:النشر|الطبع|التأليف)|all rights reserved)/iu;
const printEdition =
  /^\s*(?:a version of this (?:article|story) appears? in print|this (?:article|story) (?:was|has been) (?:amended|updated|corrected) (?:on|since)|order reprints|نشر هذا (?:المقال|الخبر) في (?:العدد|النسخة) (?:الورقية|المطبوعة))/iu;
/** The wires' rights line: "This material may not be published, broadcast, rewritten or redistributed." (AP). */
const wireRights = /may not be (?:re)?published,? broadcast,? rewritten,? or redistributed/iu;
const copyrightAnywhere =
  /all rights reserved|جميع الحقوق محفوظة|كافة الحقوق محفوظة|حقوق النشر محفوظة|جميع حقوق النشر|©/iu;

const commentWidget =
  /^\s*(?:leave a (?:comment|reply)|cancel reply|post a comment|add a comment|\d+\s+comments?|comments?|view comments|show comments|أضف تعليق(?:ك|ا)?|اترك تعليق(?:ا|اً)?|اكتب تعليقك|التعليقات|تعليقات الزوار|تعليقات القراء|أضف تعليقاً|comment on this (?:story|article))\s*$/iu;
const supportUs =
  /^\s*(?:view original content|download (?:the )?(?:multimedia|high-resolution|press kit)|listen to (?:this|the) (?:article|story|episode)|(?:new!?\s+)?you can now listen to [^.]{0,40}\b(?:articles|stories)!?\s*$|this (?:article|story|piece) (?:is|was) (?:from|in|part of) (?:our|the) (?:[\w-]+ ){0,4}newsletter|استمع إلى (?:المقال|الخبر|التقرير)|save (?:articles?|stories) to read later|support (?:\S+ ){0,3}(?:journalism|reporting|us)|become a (?:member|subscriber|supporter|patron)|make a (?:contribution|donation)|donate (?:now|today)|join (?:our|the) (?:\S+ ){0,2}(?:forum|community|conversation)|join (?:\S+ ){0,2}conversations?|already (?:a subscriber|have an account)|subscribe to (?:continue|read)|unlock (?:this|unlimited)|ادعم(?:وا)? (?:الصحافة|صحافتنا|استقلالنا)|اشترك(?:وا)? لمواصلة القراءة)/iu;
/** Buttons alone on their line. */
const button =
  /^\s*(?:follow|following|subscribe|subscribed|sign in|log in|register|متابعة|تابع|اشترك|تسجيل الدخول)\s*$/iu;
const commentPolicy = new RegExp(
  [
    String.raw`(?:معايير|شروط|قواعد) (?:التعليق|التعليقات|النشر)`,
    String.raw`comments? (?:are|is) (?:closed|moderated|disabled)`,
    String.raw`community (?:guidelines|standards)`,
    String.raw`المرجو الالتزام`,
  ].join('|'),
  'iu',
);
/** A line of only separators ("___", "* * *", "—————", a row of tatweel "ـــــ"). */
const separator = /^\s*(?:[_\-–—*=•·~#\u0640]\s*)+$|^\s*\.{3,}\s*$/u;
const callToAction = /اضغط هنا|إضغط هنا|انقر هنا|اضغط على الرابط|اضغط الرابط|click here|tap here|click the link/iu;
const callToActionStart =
  /^\s*(?:لقراءة المزيد|لمشاهدة الفيديو|للمزيد من الأخبار|للمزيد من التفاصيل|لمزيد من الأخبار|to read more|watch the video|watch the full)/iu;

export function isAdvertisementLine(line: string): boolean {
  // Reuters prints two markers on one line: "Advertisement · Scroll to continue".
  return line.split(/\s[·•|]\s/u).every((part) => advertisement.test(part));
}

export function isNewsletterLine(line: string): boolean {
  const t = stripBullet(line);
  const start = newsletterStart.exec(t);
  if (start === null) return privacyNotice.test(t) && wordCount(t) <= 40;
  // The topic must come after the opening words: "Subscribers rose…" or "اشترك ألف متطوع…" is news;
  // a bare "Sign up here." or "Subscribe now" is a sign-up button.
  const rest = t.slice(start[0].length);
  return (
    (newsletterTopic.test(rest) && wordCount(t) <= 40) ||
    (wordCount(t) <= 6 &&
      !/[,،]/u.test(t) &&
      /^(?:\s*(?:here|now|today|for free|free|الآن|هنا|مجانا|مجاناً)?[\s.!]*|\s+to\s+[A-Z][\p{L}\s]{0,40})$/iu.test(
        rest,
      ))
  );
}

/** Whether the line is made only of share-bar words, and whether it has a share verb or two platforms. */
function shareBar(line: string): { only: boolean; strong: boolean } {
  const no = { only: false, strong: false };
  if (line.length > 160) return no;
  const first = /\p{L}+/u.exec(line);
  if (first && !shareFirstWords.has(first[0].toLowerCase())) return no;
  // Counts beside buttons ("Share 12", "share2") are part of the bar.
  const parts = line
    .replace(/[|•·,،/\-–—:()[\]]+/gu, ' ')
    .replace(/(?<=\p{L})\d+\b|(?<!\p{L})\d+(?!\p{L})/gu, ' ')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .trim();
  if (parts.length === 0) return no;
  // Greedy: two- and three-word entries ("share this article", "انسخ الرابط") before single words.
  const ws = words(parts);
  let platforms = 0;
  let verb = false;
  for (let i = 0; i < ws.length;) {
    let taken = 0;
    for (let n = Math.min(3, ws.length - i); n >= 1; n--) {
      const phrase = ws.slice(i, i + n).join(' ');
      if (shareWords.has(phrase.toLowerCase())) {
        taken = n;
        if (shareVerb.test(phrase)) verb = true;
        if (PLATFORMS.test(phrase)) platforms++;
        break;
      }
    }
    if (taken === 0) return no;
    i += taken;
  }
  return { only: true, strong: verb || platforms >= 2 };
}

export function isShareLine(line: string): boolean {
  return shareBar(line).strong;
}

export function isFollowLine(line: string): boolean {
  const t = stripBullet(line);
  return followStart.test(t) && followTopic.test(t) && wordCount(t) <= 30;
}

export function isCopyrightLine(line: string): boolean {
  const n = wordCount(line);
  return (
    (copyrightStart.test(line) && n <= 30) ||
    (copyrightAnywhere.test(line) && n <= 20) ||
    (wireRights.test(line) && n <= 30) ||
    (printEdition.test(line) && n <= 70)
  );
}

const reported = /\b(?:said|says|told|tells|asked|added)\b|(?:^|\s)(?:قال|قالت|وقال|وقالت|أضاف|وأضاف)(?=\s)/u;

export function isCallToActionLine(line: string): boolean {
  if (commentWidget.test(line) || separator.test(line) || button.test(line)) return true;
  if ((commentPolicy.test(line) || supportUs.test(line)) && wordCount(line) <= 25) return true;
  // "Watch the video of the vote, he told reporters": a sentence that reports someone's words is the article's.
  return (
    (callToAction.test(line) && wordCount(line) <= 20) ||
    (callToActionStart.test(line) && wordCount(line) <= 15 && !reported.test(line))
  );
}

/** Contact details: a heading, then lines of e-mail addresses, phone numbers and names. */
const contactHeading = new RegExp(
  [
    String.raw`^\s*(?:(?:media|press|investor|for more information,?)\s+)?(?:contacts?|inquiries|enquiries)\s*:?\s*$`,
    String.raw`^\s*(?:للتواصل(?: الإعلامي)?|للاستفسار(?:ات)?|للتواصل مع وسائل الإعلام)\s*:?\s*$`,
  ].join('|'),
  'iu',
);
const contactDetail = new RegExp(
  [
    String.raw`@[\w-]+\.\w`,
    String.raw`(?:\+|00)\d[\d\s().-]{6,}`,
    String.raw`^\s*(?:tel|phone|email|e-mail|هاتف|بريد)\b`,
    String.raw`^\s*(?!.*\.\s*$)[\p{L}.'’ -]{2,40}$`,
  ].join('|'),
  'iu',
);

export const contactBlock = blockRule('contact', { key: 'rule.contact' }, (lines, i) => {
  if (!contactHeading.test(lines[i].text)) return -1;
  let last = i;
  for (
    let j = i + 1;
    j < lines.length && j <= i + 6 && lines[j].text.trim().length > 0 && contactDetail.test(lines[j].text);
    j++
  )
    last = j;
  // A heading with nothing that looks like contact details under it stays (it may be a subheading).
  if (last === i || !lines.slice(i + 1, last + 1).some((l) => /@|\d{3}/u.test(l.text))) return -1;
  return last;
});

/** "Share this:" then "Twitter", "Facebook" a line. */
function shareButtons(lines: readonly SourceLine[], i: number): number {
  let last = i;
  while (last + 1 < lines.length && shareBar(lines[last + 1].text).only) last++;
  return last;
}

/** Guardian-style sign-up box: heading, newsletter name, blurb, privacy notice. */
function newsletterBox(lines: readonly SourceLine[], i: number): number {
  let last = i;
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const t = lines[j].text;
    if (isNewsletterLine(t) || newsletterName.test(t) || privacyNotice.test(t)) last = j;
  }
  return last;
}

export const advertisementLine = lineRule('advertisement', { key: 'rule.advertisement' }, isAdvertisementLine);
export const newsletterLine = lineRule('newsletter', { key: 'rule.newsletter' }, isNewsletterLine, newsletterBox);
export const shareLine = lineRule('share-line', { key: 'rule.share-line' }, isShareLine, shareButtons);
export const followLine = blockRule('follow-us', { key: 'rule.follow-us' }, (lines, i) => {
  const t = lines[i].text;
  // "تابعونا على" alone, with the platforms on the next line.
  const heading =
    followStart.test(stripBullet(t)) && wordCount(t) <= 4 && i + 1 < lines.length && shareBar(lines[i + 1].text).strong;
  if (heading) return i + 1;
  return isFollowLine(t) ? i : -1;
});
export const copyrightLine = lineRule('copyright', { key: 'rule.copyright' }, isCopyrightLine);
export const callToActionLine = lineRule('call-to-action', { key: 'rule.call-to-action' }, isCallToActionLine);

export const PROMO_RULES: readonly BoilerplateRule[] = [
  advertisementLine,
  newsletterLine,
  shareLine,
  followLine,
  copyrightLine,
  callToActionLine,
  contactBlock,
];
