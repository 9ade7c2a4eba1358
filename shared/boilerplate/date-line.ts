// Publication and update date lines: "تاريخ النشر: 11th, April 2024 GMT",
// "الأحد 02 يونيو 2024 - 15:30", "Published 12 June 2024, updated 13 June".
// A line goes only when, once its date, time, weekday and labels are taken out, nothing
// of substance is left: a sentence that mentions a date stays.

import { alternation, caseVariants, words } from './line-shape';
import { WEEKDAYS, asciiDigits, findNewsDate } from './news-date';
import { defineRule, type SourceLine } from './rule';

const LABELS = [
  'تاريخ النشر',
  'تاريخ نشر',
  'نشرت في',
  'نشرت بتاريخ',
  'نشرت',
  'تم نشره',
  'تاريخ الإضافة',
  'أضيف في',
  'تاريخ التحديث',
  'تاريخ الخبر',
  'تاريخ',
  'نشر في',
  'نُشر في',
  'نشر بتاريخ',
  'نشر',
  'نُشر',
  'آخر تحديث',
  'اخر تحديث',
  'أخر تحديث',
  'آخر تعديل',
  'تم التحديث',
  'تم النشر',
  'تحديث',
  'محدث',
  'التاريخ',
  'بتاريخ',
  'Published on',
  'Published at',
  'Published',
  'First published on',
  'First published',
  'Last updated on',
  'Last updated',
  'Updated on',
  'Updated at',
  'Updated',
  'Posted on',
  'Posted at',
  'Posted',
  'Date',
  'Modified',
  'Last modified',
];
const FILLER = [
  'في',
  'الساعة',
  'الموافق',
  'at',
  'on',
  'GMT',
  'UTC',
  'BST',
  'EDT',
  'EST',
  'CET',
  'CEST',
  'ET',
  'ص',
  'م',
  'am',
  'pm',
  'a.m.',
  'p.m.',
  'بتوقيت',
  'غرينتش',
  'جرينتش',
  'مكة',
  'المكرمة',
  'القدس',
  'القاهرة',
  'بيروت',
  'الدوحة',
  'الرياض',
  'local',
  'time',
  'صباحا',
  'مساء',
  'صباحاً',
  'مساءً',
  'هـ',
  'م.',
  'GST',
  'AST',
  'KSA',
  'EAT',
  'WAT',
  'SAST',
  'IST',
  'JST',
  'PKT',
  'TRT',
  'MSK',
  'PST',
  'PDT',
  'CST',
  'CDT',
  'EET',
  'EEST',
  'AEST',
  'HKT',
  'SGT',
  'local time',
  'بالتوقيت المحلي',
  'توقيت',
];
const label = new RegExp(`(?<![\\p{L}])(?:${alternation(caseVariants(LABELS))})(?![\\p{L}])\\s*[:：]?`, 'gu');
const weekday = new RegExp(`(?<![\\p{L}])(?:${alternation(caseVariants(WEEKDAYS))})(?![\\p{L}])`, 'gu');
const time = /(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?(?!\d)/g;
const relative =
  /(?:(?:منذ|قبل)\s+(?:\d+\s+)?(?:ساعة|ساعتين|ساعات|دقيقة|دقيقتين|دقائق|يوم|يومين|أيام|ايام|أسبوع|اسبوع|شهر)|(?:\d+|an?|one)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|just now|الآن)/giu;
// "06 ذو الحجة 1445 هـ": the Hijri date printed beside the Gregorian one.
const hijriDate =
  /\d{1,2}\s+(?:محرم|صفر|ربيع الأول|ربيع الاول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الاولى|جمادى الآخرة|جمادى الثانية|رجب|شعبان|رمضان|شوال|ذو القعدة|ذي القعدة|ذو الحجة|ذي الحجة)\s+\d{4}\s*(?:هـ|ه)?/gu;
const zoneOffset = /(?:GMT|UTC)?\s*[+-]\s*\d{1,2}(?::?\d{2})?/g;
const filler = new RegExp(`(?<![\\p{L}])(?:${alternation(caseVariants(FILLER))})(?![\\p{L}])`, 'gu');

/** A date label alone on its line ("Published", "آخر تحديث:"). */
const loneLabel = new RegExp(`^\\s*(?:${alternation(caseVariants(LABELS))})\\s*[:：]?\\s*$`, 'u');

/** A line that is nothing but a date stamp (with its label, time and zone). */
export function isDateLine(line: string): boolean {
  if (isDateStamp(line)) return true;
  // "TOI News Desk / Updated: May 30, 2024", "Reuters | Published 3 June 2024": a date stamp with a
  // short name beside it.
  const parts = line.split(/\s[|/•·]\s/u);
  if (parts.length < 2 || parts.length > 3) return false;
  return (
    parts.some((p) => isDateStamp(p)) &&
    parts.every((p) => isDateStamp(p) || (words(p).length <= 5 && !/[.،,:؛]\s*$/u.test(p.trim())))
  );
}

function isDateStamp(line: string): boolean {
  // Al Jazeera glues the year to the time: "12/6/202410:30". Vowel marks and tatweel say nothing here.
  const text = asciiDigits(line)
    .replace(/[\u064B-\u0652\u0640]/gu, '')
    .replace(/(\d{4})(?=\d{1,2}:\d{2})/gu, '$1 ')
    .trim();
  if (text.length === 0 || text.length > 180 || words(text).length > 26) return false;
  // Cheap test first: a date stamp has digits or says how long ago.
  if (!/\d{4}|\d{1,2}\s*[:/.\-]\s*\d{1,2}|منذ|قبل|ago|just now|الآن/iu.test(text)) return false;
  let rest = text;
  let found = false;
  for (let d = findNewsDate(rest); d; d = findNewsDate(rest)) {
    rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
    found = true;
  }
  if (relative.test(rest)) {
    found = true;
    rest = rest.replace(relative, ' ');
  }
  relative.lastIndex = 0;
  const hasLabel = label.test(rest);
  label.lastIndex = 0;
  if (!found && !(hasLabel && time.test(rest))) return false;
  time.lastIndex = 0;
  rest = rest
    .replace(hijriDate, ' ')
    .replace(label, ' ')
    .replace(weekday, ' ')
    .replace(time, ' ')
    .replace(zoneOffset, ' ')
    .replace(filler, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
  return rest.length === 0;
}

/** "6 min read", "مدة القراءة: 3 دقائق", "Listen · 4 min". */
const readingTime =
  /^\s*(?:(?:مدة|وقت) القراءة\s*[:：]?\s*)?(?:\d+|one|two|three)\s*(?:min|mins|minutes?|دقيقة|دقائق|د)\.?\s*(?:read|reading|listen|قراءة|للقراءة)?\s*$/iu;

export function isReadingTimeLine(line: string): boolean {
  return readingTime.test(asciiDigits(line)) && /read|listen|قراءة|القراءة/iu.test(line);
}

export const readingTimeLine = defineRule({
  id: 'reading-time',
  description: { key: 'rule.reading-time' },
  language: 'any',
  detect(_text, ctx) {
    // Under the title, a bare duration ("3 دقائق", "4 min") is the reading time too.
    const bare = /^\s*\d{1,2}\s*(?:min|mins|minutes|دقيقة|دقائق)\s*$/iu;
    return ctx.lines
      .filter((l: SourceLine) => isReadingTimeLine(l.text) || (l.index <= 6 && bare.test(asciiDigits(l.text))))
      .map((l) => ctx.suggestLines(l, l, 'reading-time'));
  },
});

const hasText = (l: SourceLine) => l.text.trim().length > 0;

/** A date with no label, time or "ago": "April 8, 2020", "3 مايو 2024". */
function isBareDate(line: string): boolean {
  const bare = !new RegExp(label.source, 'u').test(line) && !/\d[:.]\d{2}/u.test(line);
  relative.lastIndex = 0;
  const ago = relative.test(line);
  relative.lastIndex = 0;
  return bare && !ago;
}

export const dateLine = defineRule({
  id: 'published-line',
  description: { key: 'rule.published-line' },
  language: 'any',
  detect(_text, ctx) {
    const lines = ctx.lines;
    const out = [];
    const found = lines.filter((l) => isDateLine(l.text));
    // A dated list (a diary, a timeline, a column's past entries: "April 8, 2020" over each entry) heads
    // its entries with bare dates, and they are the article's own: two or more bare dates with text on
    // both sides are headings, kept (usatoday-22's four, the only wrong removals of 684 on the corpus).
    const between = (l: SourceLine) =>
      isBareDate(l.text) && lines.slice(0, l.index).some(hasText) && lines.slice(l.index + 1).some(hasText);
    const headings = new Set(found.filter(between).map((l) => l.index));
    if (headings.size < 2) headings.clear();
    for (const { index: i } of found) {
      if (headings.has(i)) continue;
      // "Published" alone on the line above its date ("Published\n3 hours ago") goes with it.
      const above = i > 0 ? lines[i - 1] : undefined;
      const first = above && loneLabel.test(above.text) ? above : lines[i];
      out.push(ctx.suggestLines(first, lines[i], 'published-line'));
    }
    return out;
  },
});
