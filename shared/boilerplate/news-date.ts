// Dates as news sites print them, in English and Arabic ("11th, April 2024 GMT",
// "الأحد 02 يونيو 2024 - 15:30", "12 June 2024 14:05 BST", "١١ نيسان ٢٠٢٤"), to ISO.

import { alternation, caseVariants } from './line-shape';

const MONTHS: Record<string, number> = {};
function months(n: number, ...names: string[]): void {
  for (const name of names) MONTHS[name.toLowerCase()] = n;
}
months(1, 'January', 'Jan', 'يناير', 'كانون الثاني', 'جانفي', 'كانون ثاني');
months(2, 'February', 'Feb', 'فبراير', 'شباط', 'فيفري');
months(3, 'March', 'Mar', 'مارس', 'آذار', 'اذار');
months(4, 'April', 'Apr', 'أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'افريل');
months(5, 'May', 'مايو', 'أيار', 'ايار', 'ماي');
months(6, 'June', 'Jun', 'يونيو', 'يونيه', 'حزيران', 'جوان');
months(7, 'July', 'Jul', 'يوليو', 'يوليه', 'تموز', 'جويلية', 'جويلة', 'يوليوز');
months(8, 'August', 'Aug', 'أغسطس', 'اغسطس', 'آب', 'اب', 'أوت', 'اوت', 'غشت');
months(9, 'September', 'Sep', 'Sept', 'سبتمبر', 'أيلول', 'ايلول', 'شتنبر');
months(10, 'October', 'Oct', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول', 'تشرين أول');
months(11, 'November', 'Nov', 'نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر');
months(12, 'December', 'Dec', 'ديسمبر', 'كانون الأول', 'كانون الاول', 'كانون أول', 'دجنبر');

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'Mon',
  'Tue',
  'Tues',
  'Wed',
  'Thu',
  'Thur',
  'Thurs',
  'Fri',
  'Sat',
  'Sun',
  'الاثنين',
  'الإثنين',
  'الأثنين',
  'الثلاثاء',
  'الأربعاء',
  'الاربعاء',
  'الخميس',
  'الجمعة',
  'السبت',
  'الأحد',
  'الاحد',
];

const ZONES: Record<string, string> = {
  gmt: 'Z',
  utc: 'Z',
  z: 'Z',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  pst: '-08:00',
  pdt: '-07:00',
  msk: '+03:00',
  ast: '+03:00',
  ksa: '+03:00',
  gst: '+04:00',
  eat: '+03:00',
  wat: '+01:00',
  sast: '+02:00',
  ist: '+05:30',
  jst: '+09:00',
  pkt: '+05:00',
  trt: '+03:00',
  irst: '+03:30',
  aest: '+10:00',
  hkt: '+08:00',
  sgt: '+08:00',
  'بتوقيت غرينتش': 'Z',
  'بتوقيت جرينتش': 'Z',
  'بتوقيت غرينيتش': 'Z',
  'بتوقيت مكة المكرمة': '+03:00',
  'بتوقيت مكة': '+03:00',
  'بتوقيت السعودية': '+03:00',
  'بتوقيت الرياض': '+03:00',
  'بتوقيت الإمارات': '+04:00',
  'بتوقيت أبوظبي': '+04:00',
  'بتوقيت موسكو': '+03:00',
  'بتوقيت الدوحة': '+03:00',
};

// Month "names" may pair two calendars: "نيسان/أبريل", "April/نيسان".
const monthName = `(?:${alternation(caseVariants(Object.keys(MONTHS)))})\\.?`;
const month = `(${monthName}(?:\\s*[/(-]\\s*${monthName}\\)?)?)`;
const day = '(\\d{1,2})(?:st|nd|rd|th)?';
const year = '(\\d{4})';
const sep = '[\\s,،.\\-/]*';

const dayMonthYear = new RegExp(`(?<![\\d\\p{L}])${day}${sep}(?:of\\s+)?${month}${sep}${year}`, 'u');
const monthDayYear = new RegExp(`(?<![\\d\\p{L}])${month}\\s*${day}${sep}${year}`, 'u');
const isoDate = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/u;
const numericDate = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d(?!\d?[:.]\d{2}))/u;
const timeOfDay = new RegExp(
  `(?<!\\d)(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([aApP]\\.?[mM]\\.?|ص|م|صباحا|صباحاً|مساء|مساءً)?(?![\\d\\p{L}])` +
    `(?:\\s*\\(?\\s*((?:GMT|UTC)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|${alternation(caseVariants(Object.keys(ZONES)))}|[+-]\\d{2}:?\\d{2})(?![\\p{L}])\\)?)?`,
  'u',
);
// "3:45 pm EDT, Thu April 11, 2024": a weekday may sit between the time and the date.
const timeBeforeDate = new RegExp(
  `${timeOfDay.source}[\\s,،|\\-–—]*(?:${alternation(caseVariants(WEEKDAYS))})?\\.?[\\s,،|\\-–—]*$`,
  'u',
);

export interface NewsDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, when a time of day was printed next to the date. */
  time?: string;
  /** "Z" or "+01:00", when a time zone was printed with the time. */
  zone?: string;
  /** Where the date (with its time) was found, in UTF-16 offsets of the searched text. */
  index: number;
  length: number;
}

/** Arabic-Indic and Persian digits → ASCII, one for one (same length). */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

function monthNumber(name: string): number | undefined {
  const first = name
    .split(/\s*[/(-]\s*/)[0]
    .replace(/\.$/, '')
    .toLowerCase();
  return MONTHS[first];
}

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function zoneOffset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const z = ZONES[raw.toLowerCase()];
  if (z) return z;
  const m = /^(?:GMT|UTC)?\s*([+-])\s*(\d{1,2}):?(\d{2})?$/i.exec(raw.trim());
  if (!m) return undefined;
  const hours = Number(m[2]);
  if (hours > 14) return undefined;
  const offset = `${m[1]}${String(hours).padStart(2, '0')}:${m[3] ?? '00'}`;
  return offset === '+00:00' || offset === '-00:00' ? 'Z' : offset;
}

interface DateHit {
  date: string;
  index: number;
  length: number;
}

function findDateOnly(text: string): DateHit | undefined {
  const hits: DateHit[] = [];
  let m = dayMonthYear.exec(text);
  if (m) {
    const mo = monthNumber(m[2]);
    const date = mo ? validDate(Number(m[3]), mo, Number(m[1])) : undefined;
    if (date) hits.push({ date, index: m.index, length: m[0].length });
  }
  m = monthDayYear.exec(text);
  if (m) {
    const mo = monthNumber(m[1]);
    const date = mo ? validDate(Number(m[3]), mo, Number(m[2])) : undefined;
    if (date) hits.push({ date, index: m.index, length: m[0].length });
  }
  m = isoDate.exec(text);
  if (m) {
    const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) hits.push({ date, index: m.index, length: m[0].length });
  }
  m = numericDate.exec(text);
  if (m) {
    // Day first, as most of the world (and every Arabic site) prints it, unless impossible.
    let [d, mo] = [Number(m[1]), Number(m[2])];
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    const date = validDate(Number(m[3]), mo, d);
    if (date) hits.push({ date, index: m.index, length: m[0].length });
  }
  hits.sort((a, b) => a.index - b.index || b.length - a.length);
  return hits[0];
}

/** The first date in the text, with the time of day printed next to it (before or after). */
export function findNewsDate(raw: string): NewsDate | undefined {
  const text = asciiDigits(raw);
  const hit = findDateOnly(text);
  if (!hit) return undefined;
  const result: NewsDate = { date: hit.date, index: hit.index, length: hit.length };
  // A time right after the date ("- 15:30", ", 14:05 BST", " at 3:30 pm") or right before it.
  const after = text.slice(hit.index + hit.length);
  const near = /^[\s,،|:\-–—]*(?:at\s+|الساعة\s+|في\s+|،\s*)?/iu.exec(after)![0].length;
  let t = timeOfDay.exec(after.slice(near));
  let tIndex = t && t.index === 0 ? hit.index + hit.length + near : -1;
  if (tIndex < 0) {
    const before = text.slice(0, hit.index);
    const tb = timeBeforeDate.exec(before);
    if (tb) {
      t = tb;
      tIndex = tb.index;
    } else t = null;
  }
  if (t && tIndex >= 0) {
    let hours = Number(t[1]);
    const minutes = Number(t[2]);
    const half = (t[4] ?? '').toLowerCase().replace(/\./g, '');
    if (/^(pm|م|مساء|مساءً)$/.test(half) && hours < 12) hours += 12;
    if (/^(am|ص|صباحا|صباحاً)$/.test(half) && hours === 12) hours = 0;
    if (hours < 24 && minutes < 60) {
      result.time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
      const zone = zoneOffset(t[5]);
      if (zone) result.zone = zone;
      const end = Math.max(hit.index + hit.length, tIndex + t[0].length);
      result.index = Math.min(hit.index, tIndex);
      result.length = end - result.index;
    }
  } else {
    // A zone printed with the date alone ("11th, April 2024 GMT") is part of the date text.
    const z = /^\s*(GMT|UTC)(?![\p{L}])/iu.exec(after);
    if (z) result.length += z[0].length;
  }
  return result;
}

/** ISO form: "2024-04-11", or "2024-06-12T14:05+01:00" when a time (and zone) was printed. */
export function toIsoDate(d: NewsDate): string {
  if (!d.time) return d.date;
  return `${d.date}T${d.time}${d.zone ?? ''}`;
}

/** The first date in the text as ISO, or undefined. */
export function parseNewsDate(text: string): string | undefined {
  const d = findNewsDate(text);
  return d ? toIsoDate(d) : undefined;
}
