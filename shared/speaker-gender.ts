// Grammatical gender in Arabic reports, for the chain of who spoke: the verb agrees with its subject (قالت الوزيرة،
// قال الوزير، مؤكدة، مضيفا), and a title or a body in ة is feminine (الوزيرة، المتحدثة، الحكومة، منظمة …) as a title
// without it is masculine (الوزير، المتحدث). So وأضافت after a man has spoken goes back to the last speaker a
// feminine verb can have. Names say nothing here (no list of names): a named speaker's gender is the verb's that
// introduced them.
import { foldWord, speechForm } from './speech-verbs';

export type Gender = 'feminine' | 'masculine';

const fold = foldWord;

/** The gender an Arabic verb or participle of saying gives its subject (قالت، تقول، مؤكدة / قال، مؤكدا), or null. */
export function speechVerbGender(word: string): Gender | null {
  // (Most words are no verb of saying at all: one lookup of the folded word says so.)
  const folded = fold(word);
  const form = speechForm(folded);
  if (form !== 'verb' && form !== 'participle') return null;
  const bare = /^[وف]./u.test(folded) && speechForm(folded.slice(1)) === form ? folded.slice(1) : folded;
  if (form === 'participle') {
    if (/ة$/u.test(bare)) return 'feminine';
    if (/[^وي]ا$|ً$/u.test(bare)) return 'masculine';
    return null;
  }
  const isVerb = (w: string) => speechForm(w) === 'verb';
  // قالت، أضافت، رأت (رأى): the past's ت; تقول، تضيف: the present's ت where ي makes the masculine (not تابع).
  if (bare.endsWith('ت') && (isVerb(bare.slice(0, -1)) || isVerb(`${bare.slice(0, -1)}ي`))) return 'feminine';
  if (bare.startsWith('ت') && isVerb(`ي${bare.slice(1)}`)) return 'feminine';
  if (isVerb(`${bare}ت`) || (bare.startsWith('ي') && isVerb(`ت${bare.slice(1)}`))) return 'masculine';
  if (/ي$/u.test(bare) && isVerb(`${bare.slice(0, -1)}ت`)) return 'masculine';
  return null;
}

/** Titles whose gender is their form's: وزير / وزيرة. (مصادر is a plural that takes either.) */
const TITLE_NOUNS = new Set(
  (
    'رئيس رئيسة وزير وزيرة نائب نائبة مدير مديرة عضو عضوة مسؤول مسؤولة قائد قائدة سفير سفيرة أمين أمينة مستشار ' +
    'مستشارة متحدث متحدثة ناطق ناطقة محافظ محافظة مندوب مندوبة ممثل ممثلة مبعوث مبعوثة مفوض مفوضة خبير خبيرة ' +
    'أستاذ أستاذة محلل محللة وكيل وكيلة مساعد مساعدة عميد عميدة مدرب مدربة مراسل مراسلة ملك ملكة أمير أميرة ' +
    'دكتور دكتورة مصدر ناشط ناشطة كاتب كاتبة شاعر شاعرة فنان فنانة ممثل ممثلة روائي روائية لاعب لاعبة طبيب طبيبة'
  )
    .split(' ')
    .map(fold),
);

/** Feminine nouns that head a body's name with no ال: منظمة العفو، وزارة الخارجية، وكالة الأنباء. */
const BODY_NOUNS = new Set(
  (
    'منظمة وزارة وكالة شركة هيئة لجنة حكومة جمعية رابطة مؤسسة جامعة صحيفة قناة محكمة سفارة رئاسة شرطة دولة ' +
    'مجموعة حركة جماعة إدارة نقابة بعثة قيادة'
  )
    .split(' ')
    .map(fold),
);

/**
 * Masculine singular nouns that head a body's name or name a text it put out, with or without ال (الجيش، مكتب
 * الرئيس، البيان): the verb after them is masculine (قال البيان، أعلن الجيش), so a feminine وأضافت is not theirs.
 */
const MASCULINE_NOUNS = new Set(
  (
    'بيان تقرير مكتب جيش اتحاد مجلس برلمان حزب نادي بنك مصرف صندوق مركز مرصد تحالف معهد فريق منتخب ' +
    'مستشفى موقع مجمع كرملين'
  )
    .split(' ')
    .map(fold),
);

/**
 * The gender an Arabic mention of a speaker takes its verb in, from its first word: a title (الوزيرة، المتحدث), a
 * noun in ال and ة (الحكومة، الشرطة) or a body's noun (منظمة العفو) is feminine, a title without ة or a masculine
 * body's or text's noun (الجيش، البيان) masculine; a name (many end in ة either way), a plural or an English
 * mention: null.
 */
export function mentionGender(text: string): Gender | null {
  const first = fold(text.trim().split(/\s+/u)[0] ?? '');
  if (!/^[\u0621-\u064A]/u.test(first)) return null;
  const definite = first.startsWith('ال');
  const noun = first.replace(/^ال/u, '');
  if (TITLE_NOUNS.has(noun)) return /ة$/u.test(noun) ? 'feminine' : 'masculine';
  if ((definite && /ة$/u.test(noun) && noun.length >= 3) || BODY_NOUNS.has(noun)) return 'feminine';
  if (MASCULINE_NOUNS.has(noun)) return 'masculine';
  return null;
}
