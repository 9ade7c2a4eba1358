// Articles of two made-up news sites, written for these tests (nothing comes from the corpus):
// each article has its own sentences, and the site's template around them. Deterministic: the
// same `n` always gives the same article.
import { seededRandom } from '../../../shared/seeded-random';

const AR_WORDS = [
  'أعلنت',
  'الحكومة',
  'اليوم',
  'عن',
  'خطة',
  'جديدة',
  'لدعم',
  'المزارعين',
  'في',
  'المناطق',
  'الشمالية',
  'وأكد',
  'الوزير',
  'أن',
  'المشروع',
  'سيبدأ',
  'الشهر',
  'المقبل',
  'بتمويل',
  'من',
  'البنك',
  'الدولي',
  'ويشمل',
  'بناء',
  'سدود',
  'صغيرة',
  'وقنوات',
  'للري',
  'وتدريب',
  'الشباب',
  'على',
  'التقنيات',
  'الحديثة',
  'وأشار',
  'التقرير',
  'إلى',
  'ارتفاع',
  'الإنتاج',
  'بنسبة',
  'كبيرة',
  'خلال',
  'العام',
  'الماضي',
];
const EN_WORDS = [
  'The',
  'city',
  'council',
  'voted',
  'on',
  'Tuesday',
  'to',
  'expand',
  'the',
  'bus',
  'network',
  'after',
  'months',
  'of',
  'debate',
  'over',
  'costs',
  'and',
  'routes',
  'officials',
  'said',
  'new',
  'lines',
  'would',
  'serve',
  'schools',
  'hospitals',
  'markets',
  'in',
  'northern',
  'districts',
  'while',
  'fares',
  'stay',
  'unchanged',
  'for',
  'students',
  'residents',
  'welcomed',
  'plan',
  'but',
  'some',
  'asked',
  'about',
  'delays',
];
const AR_PLACES = ['الرياض', 'جدة', 'الدمام', 'أبها', 'تبوك', 'المدينة المنورة', 'القاهرة', 'عمان'];
const EN_PLACES = ['DENVER', 'NEW YORK', 'LONDON', 'AUSTIN', 'BOSTON', 'SAN DIEGO'];

function sentence(words: readonly string[], next: () => number, length: number, stop = '.'): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[Math.floor(next() * words.length)]);
  return `${out.join(' ')}${stop}`;
}

/** Template lines of the Arabic site, as they appear in its articles. */
export const AR_TEMPLATE = {
  endMarker: ' // انتهى //',
  promo: 'حمّلوا تطبيق الوكالة على هواتفكم لتصلكم الأخبار العاجلة أولاً بأول.',
  /** A short line many articles have that is the article's own ("And he said:"). */
  shortCommon: 'وقال:',
};

/**
 * An Arabic wire article: a dateline line with a place and a date that vary, paragraphs of its
 * own, sometimes "وقال:", the end marker and a time line; most also the app promo.
 */
export function arabicArticle(n: number): string {
  const next = seededRandom(1000 + n);
  const place = AR_PLACES[n % AR_PLACES.length];
  const lines = [` ${place} ${(n % 28) + 1} محرم 1447 هـ الموافق ${(n % 30) + 1} يوليو 2025 م واس`];
  const paragraphs = 3 + Math.floor(next() * 4);
  for (let p = 0; p < paragraphs; p++) {
    lines.push(sentence(AR_WORDS, next, 12 + Math.floor(next() * 20)));
    if (p === 1 && n % 5 < 2) lines.push(AR_TEMPLATE.shortCommon, `"${sentence(AR_WORDS, next, 10)}"`);
  }
  if (n % 10 < 8) lines.push(AR_TEMPLATE.promo);
  lines.push(AR_TEMPLATE.endMarker, ` ${10 + (n % 12)}:${String(n % 60).padStart(2, '0')} ت م `, ' ');
  return lines.join('\n');
}

export const EN_TEMPLATE = {
  newsletter: '[Sign up for our Morning Transit newsletter to get the day’s stories in your inbox.]',
  follow: (name: string) => `Follow ${name} on Twitter: @${name.toLowerCase().replace(/\s+/g, '_')}`,
};

const EN_NAMES = ['Dana Ruiz', 'Omar Haddad', 'Lena Park', 'Sam Okafor'];

/** An English article: "PLACE (Metro Wire) - " glued before its first sentence, a newsletter box, a follow line. */
export function englishArticle(n: number): string {
  const next = seededRandom(5000 + n);
  const place = EN_PLACES[n % EN_PLACES.length];
  const lines = [`${place} (Metro Wire) - ${sentence(EN_WORDS, next, 18)}`];
  const paragraphs = 3 + Math.floor(next() * 4);
  for (let p = 0; p < paragraphs; p++) {
    lines.push('', sentence(EN_WORDS, next, 15 + Math.floor(next() * 15)));
    if (p === 1) lines.push('', EN_TEMPLATE.newsletter);
  }
  lines.push('', EN_TEMPLATE.follow(EN_NAMES[n % EN_NAMES.length]));
  return lines.join('\n');
}
