// Notices the page shows around the story: cookie and privacy banners, "enable JavaScript" and
// old-browser notices, ad-blocker requests, app and notification calls ("Get the … app",
// "يمكنكم تسلم إشعارات … بعد تحميل … تطبيق …"), podcast and newsletter calls inside a note
// ("Prefer to listen? Check out the … podcast", "[Sign up for our … newsletter …]").
// Each is a whole line of at most a paragraph; the article writing about cookies has no "we use".

import { endsWithFullStop, wordCount } from './line-shape';
import { lineRule } from './rule';

// The site speaking of its own cookies, or a banner's buttons alone: an article on cookie rules stays.
const cookie = new RegExp(
  [
    String.raw`\b(?:we use cookies|this (?:site|website) uses cookies|we and our partners use cookies|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website))\b`,
    String.raw`^[\s\u00A0]*(?:(?:accept|reject|manage|allow) (?:all )?cookies|cookie (?:settings|policy|preferences))[\s\u00A0]*$`,
    String.raw`(?:نستخدم|يستخدم (?:هذا )?الموقع|يستخدم موقعنا)\s+(?:ملفات\s+)?(?:تعريف الارتباط|الكوكيز|الكوكيز|كوكيز)`,
    String.raw`(?:سياسة|إعدادات)\s+(?:ملفات\s+)?(?:تعريف الارتباط|الكوكيز)`,
    String.raw`باستمرارك في (?:استخدام|تصفح) (?:هذا )?(?:الموقع|موقعنا)`,
  ].join('|'),
  'iu',
);
const script =
  /\b(?:please enable javascript|javascript is (?:disabled|required|not enabled|turned off)|(?:you need to|you must|please) (?:enable|turn on) javascript|enable javascript (?:to|in your browser)|your browser (?:does not|doesn['’]t) support|you are using an (?:outdated|old|unsupported) browser|please (?:update|upgrade) your browser|(?:we noticed|it looks like) you(?:['’]re| are) using an ad ?blocker|please (?:disable|turn off|whitelist) (?:your )?ad ?block)/iu;
const scriptAr = new RegExp(
  [
    String.raw`(?:يرجى|الرجاء|يجب)\s+(?:تفعيل|تمكين)\s+(?:ال)?(?:جافا ?سكريبت|javascript)`,
    String.raw`متصفحك (?:لا يدعم|قديم)`,
    String.raw`(?:يرجى|الرجاء) (?:تعطيل|إيقاف) (?:مانع|حاجب) الإعلانات`,
  ].join('|'),
  'iu',
);
// "حمّلوا تطبيق …" as a call at the start of the line; "حمل … تطبيق القانون" (carried … applying the law) is prose.
const appAr = new RegExp(
  [
    String.raw`(?:يمكنكم|يمكنك|بإمكانكم|بإمكانك)\s+(?:الآن\s+)?(?:تسلم|تسلّم|استلام|تلقي|تلقّي|الحصول على|متابعة)\s+(?:\S+\s+){0,4}?(?:إشعارات|الإشعارات|تنبيهات|التنبيهات|آخر الأخبار|أهم الأخبار)`,
    String.raw`^[\s\u00A0]*(?:حمّل|حمّلوا|حملوا|نزّل|نزّلوا|نزلوا|(?:حمل|نزل)(?=\s+تطبيق))\s+(?:\S+\s+){0,2}?تطبيق`,
    String.raw`^[\s\u00A0]*(?:فعّل|فعّلوا|فعلوا|فعل)\s+(?:خاصية\s+)?(?:الإشعارات|التنبيهات|الاشعارات)`,
  ].join('|'),
  'u',
);
/** At the start of the line: "Get the … app", "Turn on notifications" (an article may say "download the app"). */
const appEnStart =
  /^[\s\u00A0]*[([]?\s*(?:(?:get|download|install) (?:the|our) (?:free )?[\p{L}\d .&'’-]{0,30}app\b|(?:turn on|enable|allow|sign up for|get) (?:push |breaking[- ]news |news )?(?:notifications|alerts)\b|(?:listen to|check out|subscribe to) (?:the|our|this)\b.{0,50}\bpodcast\b|sign up for (?:the|our) .{0,60}\bnewsletter\b)/iu;
/** "Find more of AP's coverage at …", "See full coverage: …". */
const moreCoverage =
  /^[\s\u00A0]*(?:find|see|read|get|follow|for) (?:more|full|all|the latest|complete|our)\b(?: of)?(?: [\p{L}'’]+){0,3} coverage\b/iu;
/** "Don't miss these insights from …", "لا تفوّت …": a teaser button, no sentence. */
const dontMiss = /^[\s\u00A0]*(?:don['’]?t miss|never miss|لا تفوت|لا تفوّت|لا يفوتك)\s/iu;
/** Anywhere in the line, as the site speaks of itself: "sign up for our … newsletter", "Prefer to listen?". */
const appEnAnywhere = new RegExp(
  [
    String.raw`\bprefer to listen\?`,
    String.raw`\bsubscribe (?:for free )?(?:on|in) (?:apple podcasts|spotify|stitcher|google podcasts)`,
    String.raw`\b(?:sign up for|subscribe to) our .{0,60}\bnewsletter\b`,
  ].join('|'),
  'iu',
);

/** Words every notice above has one of: most lines are turned away by this one cheap test. */
const cue = new RegExp(
  [
    String.raw`cookie`,
    String.raw`coverage`,
    String.raw`javascript`,
    String.raw`browser`,
    String.raw`block`,
    String.raw`app\b`,
    String.raw`notification`,
    String.raw`alert`,
    String.raw`podcast`,
    String.raw`newsletter`,
    String.raw`listen`,
    String.raw`ملفات`,
    String.raw`الارتباط`,
    String.raw`الكوكيز`,
    String.raw`كوكيز`,
    String.raw`جافا`,
    String.raw`متصفح`,
    String.raw`إشعار`,
    String.raw`الإشعار`,
    String.raw`اشعار`,
    String.raw`تنبيه`,
    String.raw`التنبيه`,
    String.raw`تطبيق`,
    String.raw`الإعلانات`,
  ].join('|'),
  'iu',
);

export function isPageNoticeLine(line: string): boolean {
  if (dontMiss.test(line) && wordCount(line) <= 12 && !endsWithFullStop(line)) return true;
  if (!cue.test(line)) return false;
  const n = wordCount(line);
  if (n === 0 || n > 60) return false;
  return (
    cookie.test(line) ||
    script.test(line) ||
    scriptAr.test(line) ||
    appAr.test(line) ||
    appEnStart.test(line) ||
    appEnAnywhere.test(line) ||
    (moreCoverage.test(line) && n <= 30)
  );
}

export const pageNotice = lineRule('page-notice', { key: 'rule.page-notice' }, isPageNoticeLine);
