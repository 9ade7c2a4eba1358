// Editorial notes a site appends or prepends: the opinion disclaimer ("The views expressed …
// are the author's own", "والآراء الواردة أدناه تعبر عن رأي الكاتبة، ولا تعكس بالضرورة وجهة
// نظر …") with the "هذا المقال بقلم …" line it often shares, correction notes ("Correction: An
// earlier version of this story …", a wire's "(Corrects day … in paragraph)"), price and affiliate
// notes. Each is a whole line; the words inside an article's sentence ("the views expressed by the
// minister") stay, as the line must say whose views they are not.

import { wordCount } from './line-shape';
import { defineRule } from './rule';

const ARABIC_VIEWS =
  '(?:الآراء|الاراء|الأفكار|المقال|المادة|المحتوى|ما ورد|ما جاء)(?:\\s+\\S+){0,4}?\\s+(?:تعبر|يعبر|تعبّر|يعبّر|تمثل|يمثل)\\s+(?:عن\\s+)?(?:رأي|آراء|اراء|وجهة نظر)\\s+(?:كاتب|الكاتب|الكاتبة|كاتبه|كاتبها|كاتبيها|صاحب|صاحبه|صاحبها|المؤلف)';
// "ولا تعكس (الآراء المنشورة) بالضرورة رأي …", "لا تعبر عن رأي الموقع": "does not (necessarily) reflect" alone
// is prose ("ولا تعبر هذه الخطوة عن موقف الحكومة", "قد لا تعكس بالضرورة التهاب …"): it needs "necessarily"
// and a view or position, or the site as its object.
const ARABIC_NOT_OURS =
  '(?:لا|ولا)\\s+(?:تعكس|يعكس|تعبر|يعبر|تمثل|يمثل)\\s+(?:\\S+\\s+){0,3}?(?:بالضرورة\\s+(?:عن\\s+)?(?:رأي|آراء|موقف|وجهة نظر|سياسة|توجه)|(?:عن\\s+)?(?:رأي|موقف|وجهة نظر|سياسة)\\s+(?:الموقع|الصحيفة|الشبكة|القناة|المجلة|الجريدة|هيئة التحرير|أسرة التحرير|الناشر))';
const ENGLISH_VIEWS =
  "(?:the\\s+)?(?:views|opinions|thoughts)\\s+(?:and\\s+opinions\\s+)?expressed\\s+(?:by\\s+[^.]{1,40}?\\s+)?(?:here|herein|above|below|in\\s+this\\s+(?:article|column|commentary|piece|op-ed|post|story))?\\s*(?:are|is)\\s+(?:solely\\s+|entirely\\s+)?(?:those\\s+of\\s+the\\s+(?:author|writer|contributor)s?|the\\s+(?:author|writer)(?:'s|s'|’s)(?:\\s+own)?|(?:his|her|their)\\s+own)";
const ENGLISH_NOT_OURS =
  "(?:do(?:es)?\\s+not|don['’]t)\\s+necessarily\\s+(?:reflect|represent)\\s+(?:the\\s+)?(?:views|opinions|position|policy|official)|(?:do(?:es)?\\s+not|don['’]t)\\s+(?:reflect|represent)\\s+(?:the\\s+)?(?:views|opinions|position|policy)\\s+of\\s+(?:the\\s+|this\\s+|our\\s+)?(?:publication|newspaper|site|website|network|outlet|editors|editorial board|publisher|station|magazine)";

// The note opens its line (after "Disclaimer:" or a conjunction) or follows the "هذا المقال بقلم" byline:
// "the ministry said the views expressed in the report are those of its authors" is a sentence.
const opinion = new RegExp(
  `^[\\s\\u00A0*(\\[]*(?:(?:disclaimer|editor['’]s note|note|تنويه|ملاحظة|إخلاء مسؤولية)\\s*[:：]\\s*)?(?:و\\s*)?(?:${ARABIC_VIEWS}|${ARABIC_NOT_OURS}|${ENGLISH_VIEWS}|${ENGLISH_NOT_OURS})`,
  'iu',
);
const opinionAnywhere = new RegExp(`${ARABIC_VIEWS}|${ARABIC_NOT_OURS}|${ENGLISH_VIEWS}|${ENGLISH_NOT_OURS}`, 'iu');
const editorsNote = /^[\s\u00A0*(\[]*(?:editor['’]s note|ملاحظة المحرر|ملاحظة التحرير|تنويه)\s*[:：]/iu;
/** "هذا المقال بقلم …،": the opinion note's first half, naming the writer. */
const opinionByline =
  /^[\s\u00A0]*(?:هذا|هذه)\s+(?:المقال|المقالة|التحليل|المادة)\s+(?:بقلم|كتبه|كتبته|للكاتب|للكاتبة)\s/u;
const correction = new RegExp(
  [
    String.raw`^[\s\u00A0]*[([*]?\s*(?:correction|clarification|editor['’]s note|update|تصحيح|توضيح|ملاحظة المحرر|ملاحظة التحرير)\s*[:：\-–—)\]]\s*(?:an?\s+)?(?:earlier|previous|prior)\s+version\s+of\s+this`,
    String.raw`^[\s\u00A0]*(?:this|an earlier version of this)\s+(?:article|story|report|post)\s+(?:has been|was)\s+(?:updated|corrected|amended)\b`,
    // A wire's note on a new version, alone in brackets: "(Corrects day to Monday from Tuesday in paragraph)",
    // Bloomberg's "(Updates with minister’s comment in third paragraph.)", "(Adds details)".
    String.raw`^[\s\u00A0]*\((?:corrects|updates|adds|recasts|rewrites|changes|clarifies|refiles|removes)\s` +
      String.raw`[^()]{1,160}\)[\s\u00A0.]*$`,
  ].join('|'),
  'iu',
);
/** "The AP is solely responsible for all content.", with the support it receives before it. */
const fundingNote = new RegExp(
  [
    String.raw`\b(?:is|are) solely responsible for all content\b`,
    String.raw`^[\s\u00A0]*(?:the )?[\p{L}'’ ]{2,60} receives (?:financial )?support from .{3,120}\b(?:solely responsible|editorial (?:independence|control))`,
  ].join('|'),
  'iu',
);
/** A wire's note on its public page: "الأخبار المنشورة على الصفحة الرسمية لوكالة … هي ملخص …". */
const wireNote = /^[\s\u00A0]*(?:الأخبار|المواد|الأنباء) المنشورة (?:على|في) .{0,80}(?:ملخص|جزء)/u;
const priceNote =
  /^[\s\u00A0]*[([*]?\s*(?:prices?\s+(?:are\s+)?(?:accurate|correct)\s+(?:at|as of)\s+(?:the\s+)?time\s+of\s+(?:publication|publishing|writing)|we\s+may\s+(?:earn|receive)\s+(?:a\s+)?(?:commission|compensation)|this\s+(?:article|story|post)\s+(?:contains|may contain)\s+affiliate\s+links|(?:if|when)\s+you\s+(?:buy|purchase)\s+(?:something|a product)\s+(?:through|via)\s+(?:our|a)\s+link)/iu;

/** Words every note above has one of: most lines are turned away by this one cheap test. */
const cue = new RegExp(
  [
    String.raw`view`,
    String.raw`opinion`,
    String.raw`reflect`,
    String.raw`represent`,
    String.raw`necessar`,
    String.raw`correct`,
    String.raw`clarif`,
    String.raw`updated`,
    String.raw`\((?:updates|adds|recasts|rewrites|changes|refiles|removes)\s`,
    String.raw`version`,
    String.raw`price`,
    String.raw`commission`,
    String.raw`affiliate`,
    String.raw`responsible`,
    String.raw`رأي`,
    String.raw`آراء`,
    String.raw`اراء`,
    String.raw`الآراء`,
    String.raw`تعكس`,
    String.raw`تعبر`,
    String.raw`تعبّر`,
    String.raw`يعبر`,
    String.raw`تمثل`,
    String.raw`يمثل`,
    String.raw`بقلم`,
    String.raw`كتبه`,
    String.raw`كتبت`,
    String.raw`للكاتب`,
    String.raw`تصحيح`,
    String.raw`توضيح`,
    String.raw`ملاحظة`,
    String.raw`المنشورة`,
  ].join('|'),
  'iu',
);

export function isDisclaimerLine(line: string): boolean {
  if (!cue.test(line)) return false;
  const n = wordCount(line);
  if (n === 0 || n > 70) return false;
  // "Editor’s Note: Jane Doe is a professor of … The views expressed in this commentary are her own.":
  // the note introduces the writer first, so the views clause comes second.
  if (editorsNote.test(line) && opinionAnywhere.test(line)) return true;
  if ((opinion.test(line) && n <= 45) || (opinionByline.test(line) && opinionAnywhere.test(line))) return true;
  if (opinionByline.test(line) && n <= 12) return true;
  return correction.test(line) || priceNote.test(line) || fundingNote.test(line) || wireNote.test(line);
}

export const disclaimer = defineRule({
  id: 'disclaimer',
  description: { key: 'rule.disclaimer' },
  language: 'any',
  detect(_text, ctx) {
    return ctx.lines.filter((l) => isDisclaimerLine(l.text)).map((l) => ctx.suggestLines(l, l, 'disclaimer'));
  },
});
