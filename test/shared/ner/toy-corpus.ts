// A toy entity corpus written for the tests (no research data): people after a title,
// places after في, organisations after وزارة / شركة, in Arabic with clitics and in English.
import { seededRandom } from '../../../shared/seeded-random';

const FIRST = [
  'سامر',
  'رنا',
  'خليل',
  'منى',
  'جواد',
  'ليلى',
  'باسل',
  'هالة',
  'ناصر',
  'دانة',
  'وسيم',
  'ريم',
  'زياد',
  'سلمى',
  'طارق',
  'نور',
];
const LAST = ['حداد', 'نجار', 'خوري', 'سعادة', 'عبود', 'مراد', 'شاهين', 'قاسم', 'يونس', 'فارس', 'زيدان', 'حمدان'];
const PLACES = [
  'طرابلس',
  'صيدا',
  'حلب',
  'حمص',
  'اربد',
  'الزرقاء',
  'نابلس',
  'جنين',
  'سوسة',
  'صفاقس',
  'وهران',
  'قسنطينة',
  'فاس',
  'مكناس',
];
const ORGS = ['النقل', 'الصحة', 'الزراعة', 'المالية', 'الاتصالات', 'السياحة', 'العدل', 'التربية'];
const TITLES = ['الرئيس', 'الوزير', 'السفير', 'النائب'];
const VERBS = ['زار', 'غادر', 'وصل الى', 'تحدث في'];
const FILLER = ['امس', 'اليوم', 'صباحا', 'مساء', 'بعد ظهر الثلاثاء'];

export interface ToySentence {
  tokens: string[];
  tags: string[];
}

/** `count` sentences; `part` 0 and 1 use different halves of the names, so a test has unseen names. */
export function toySentences(count: number, seed: number, part: 0 | 1 | 'all' = 'all'): ToySentence[] {
  const random = seededRandom(seed);
  // Only names are split between the parts; the words around them are the same.
  const pick = <T>(items: readonly T[], names = false): T => {
    const half = part === 'all' || !names ? items : items.filter((_, k) => k % 2 === part);
    return half[Math.floor(random() * half.length)];
  };
  const out: ToySentence[] = [];
  for (let k = 0; k < count; k++) {
    const s: ToySentence = { tokens: [], tags: [] };
    const add = (text: string, tag = 'O') => {
      text.split(' ').forEach((t, i) => {
        s.tokens.push(`\u200E${t}`);
        s.tags.push(tag === 'O' ? 'O' : `${i === 0 ? 'B' : 'I'}-${tag}`);
      });
    };
    add(pick(TITLES));
    add(`${pick(FIRST, true)} ${pick(LAST, true)}`, 'Politician');
    add(pick(VERBS));
    add(pick(PLACES, true), 'Population-Center');
    if (random() < 0.5) {
      add('مع');
      add('وزارة');
      add(pick(ORGS, true), 'Government');
    }
    add(pick(FILLER));
    add('.');
    out.push(s);
  }
  return out;
}

/** The sentences as a CoNLL file: NewsFANE's layout (token TAB tag, CRLF, blank line between). */
export function toConll(sentences: readonly ToySentence[]): string {
  return sentences.map((s) => s.tokens.map((t, i) => `${t}\t${s.tags[i]}\r\n`).join('')).join('\r\n');
}
