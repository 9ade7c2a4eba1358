// Page furniture lines: advertisement markers, newsletter sign-ups, share bars,
// follow-us calls, copyright notices, click-here calls. Each is a whole, short line;
// the same words inside a sentence of the article stay.

import { alternation, stripBullet, words, wordCount } from './line-shape';
import { defineRule, type BoilerplateRule } from './rule';

const advertisement = new RegExp(
  '^\\s*[-–—•*|]*\\s*(?:advertisement|advert|ads?|sponsored(?: content)?|paid content|promoted|إعلان|اعلان|إعلانات|مساحة إعلانية|محتوى مدفوع|' +
    'story continues below(?: this)? advertisement|article continues (?:below|after)(?: (?:this )?advertisement)?|continue reading (?:the main story|below)|' +
    'scroll to continue(?: with content)?|skip advertisement|تابع القراءة أسفل الإعلان|يتبع الإعلان)\\s*[-–—•*|]*\\s*$',
  'iu',
);

const newsletterStart =
  /^\s*(?:sign up\b|subscribe\b|get (?:our|the)\b|join (?:our|the)\b|enter your email|by (?:signing up|subscribing|entering your email)|don'?t miss|never miss|newsletter|اشترك|اشتركي|اشتركوا|سجل(?:وا)?\s+(?:في|ب|الآن)|النشرة (?:البريدية|الإخبارية)|نشرتنا|احصل(?:وا)? على|لا تفوت|لا تفوّت)/iu;
const newsletterTopic =
  /newsletter|inbox|e-?mail|bulletin|briefing|privacy (?:notice|policy)|نشر[ةت]|النشرة|البريد|بريدك|مجانا|مجاناً|صندوق/iu;

const SHARE_WORDS = [
  'share', 'share this', 'share this article', 'share this story', 'share this page', 'share on', 'share via', 'shares',
  'facebook', 'twitter', 'x', 'whatsapp', 'email', 'e-mail', 'print', 'linkedin', 'telegram', 'reddit', 'pinterest',
  'messenger', 'copy link', 'copy', 'link', 'copied', 'tweet', 'save', 'comments', 'comment', 'flipboard', 'bluesky', 'threads',
  'شارك', 'شاركها', 'شارك الخبر', 'شارك المقال', 'شارك هذا', 'شارك على', 'شاركوا', 'مشاركة', 'المشاركة', 'المقال', 'الخبر',
  'فيسبوك', 'فيس بوك', 'تويتر', 'واتساب', 'واتس اب', 'واتس آب', 'تلغرام', 'تيليجرام', 'تلجرام', 'لينكدإن', 'لينكد إن', 'إكس',
  'طباعة', 'اطبع', 'انسخ الرابط', 'نسخ الرابط', 'انسخ', 'نسخ', 'الرابط', 'رابط', 'البريد الإلكتروني', 'ايميل', 'إيميل', 'حفظ',
  'تعليق', 'تعليقات', 'ماسنجر', 'عبر', 'on', 'via', 'this', 'article', 'story', 'هذا',
];
const shareToken = new RegExp(`^(?:${alternation(SHARE_WORDS)})$`, 'iu');
const shareVerb = /^(?:share|tweet|print|copy link|شارك|شاركها|شاركوا|مشاركة|المشاركة|طباعة|اطبع|انسخ|نسخ)/iu;
const PLATFORMS = /^(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|messenger|email|فيسبوك|تويتر|واتساب|تلغرام|تيليجرام|إكس|لينكد)/iu;

const followStart =
  /^\s*(?:تابعونا|تابعوا|تابعنا|تابع(?:وا)? (?:آخر|أحدث|اخر|احدث|كل|جميع)|يمكنكم متابعة|للمتابعة|لمتابعة (?:آخر|أحدث|اخر|أهم|المزيد|كل)|حمل(?:وا)? تطبيق|نزل(?:وا)? تطبيق|انضم(?:وا)? (?:إلى|الى|ل)|اشترك(?:وا)? في قناة|follow\b|download (?:our|the)\b|get the .{0,20}app|join (?:us|our)\b|like us on|find us on|stay (?:up to date|informed|connected))/iu;
const followTopic =
  /تويتر|فيسبوك|فيس بوك|إنستغرام|انستغرام|انستجرام|يوتيوب|تلغرام|تيليجرام|تلجرام|واتساب|تيك توك|تطبيق|قناتنا|قناة|حساب|منصات|منصة|صفحت|موقعنا|جوجل نيوز|غوغل نيوز|نبض|twitter|facebook|instagram|youtube|telegram|whatsapp|tiktok|threads|bluesky|google news|app|\bus\b|@\w+|\bon x\b/iu;

const copyrightStart = /^\s*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|جميع الحقوق|كافة الحقوق|حقوق (?:النشر|الطبع|التأليف)|all rights reserved)/iu;
const copyrightAnywhere = /all rights reserved|جميع الحقوق محفوظة|كافة الحقوق محفوظة|حقوق النشر محفوظة|جميع حقوق النشر|©/iu;

const callToAction = /اضغط هنا|إضغط هنا|انقر هنا|اضغط على الرابط|اضغط الرابط|click here|tap here|click the link/iu;
const callToActionStart = /^\s*(?:لقراءة المزيد|لمشاهدة الفيديو|للمزيد من الأخبار|للمزيد من التفاصيل|لمزيد من الأخبار|to read more|watch the video|watch the full)/iu;

export function isAdvertisementLine(line: string): boolean {
  return advertisement.test(line);
}

export function isNewsletterLine(line: string): boolean {
  const t = stripBullet(line);
  const start = newsletterStart.exec(t);
  // The topic must come after the opening words: "Subscribers rose…" or "اشترك ألف متطوع…" is news.
  return start !== null && newsletterTopic.test(t.slice(start[0].length)) && wordCount(t) <= 40;
}

export function isShareLine(line: string): boolean {
  if (line.length > 160) return false;
  const parts = line
    .replace(/[|•·,،/\-–—:()[\]]+/gu, ' ')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .trim();
  if (parts.length === 0) return false;
  // Greedy: two- and three-word entries ("share this article", "انسخ الرابط") before single words.
  const ws = words(parts);
  let platforms = 0;
  let verb = false;
  for (let i = 0; i < ws.length; ) {
    let taken = 0;
    for (let n = Math.min(3, ws.length - i); n >= 1; n--) {
      const phrase = ws.slice(i, i + n).join(' ');
      if (shareToken.test(phrase)) {
        taken = n;
        if (shareVerb.test(phrase)) verb = true;
        if (PLATFORMS.test(phrase)) platforms++;
        break;
      }
    }
    if (taken === 0) return false;
    i += taken;
  }
  return verb || platforms >= 2;
}

export function isFollowLine(line: string): boolean {
  const t = stripBullet(line);
  return followStart.test(t) && followTopic.test(t) && wordCount(t) <= 30;
}

export function isCopyrightLine(line: string): boolean {
  const n = wordCount(line);
  return (copyrightStart.test(line) && n <= 30) || (copyrightAnywhere.test(line) && n <= 20);
}

export function isCallToActionLine(line: string): boolean {
  return (callToAction.test(line) && wordCount(line) <= 20) || (callToActionStart.test(line) && wordCount(line) <= 15);
}

function lineRule(id: string, description: string, test: (line: string) => boolean): BoilerplateRule {
  return defineRule({
    id,
    description,
    language: 'any',
    detect(_text, ctx) {
      return ctx.lines.filter((l) => test(l.text)).map((l) => ctx.suggestLines(l, l, id));
    },
  });
}

export const advertisementLine = lineRule('advertisement', 'An advertisement marker line ("Advertisement", "إعلان").', isAdvertisementLine);
export const newsletterLine = lineRule('newsletter', 'A newsletter sign-up line ("Sign up to …", "اشترك في النشرة …").', isNewsletterLine);
export const shareLine = lineRule('share-line', 'A share bar ("Share this article", "Facebook Twitter WhatsApp", "شارك").', isShareLine);
export const followLine = lineRule('follow-us', 'A follow-us or get-the-app line ("تابعونا على …", "Follow us on …").', isFollowLine);
export const copyrightLine = lineRule('copyright', 'A copyright notice ("©", "All rights reserved", "جميع الحقوق محفوظة").', isCopyrightLine);
export const callToActionLine = lineRule('call-to-action', 'A click-here line ("اضغط هنا", "Click here to …").', isCallToActionLine);

export const PROMO_RULES: readonly BoilerplateRule[] = [
  advertisementLine,
  newsletterLine,
  shareLine,
  followLine,
  copyrightLine,
  callToActionLine,
];
