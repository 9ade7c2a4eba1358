// Verbs of saying in their forms, for the quote finder and the speaker read from the text.
// News reports speech with a handful of verbs in many forms: Arabic past and present, every
// person that reports (قال، قالت، قالوا، يقول، تقول، يقولون), the participles that carry the
// sentence's subject (مضيفا، مؤكدة، مشيرين) and the verbal nouns with their pronouns (تأكيده،
// بقولها); English base, -s, -ed and -ing. The forms are built from the verbs by rule, so a form
// no article showed yet is known too. Every form is folded as for search (normalizeForMatch).
import { normalizeForMatch } from './arabic-normalize';

const fold = (word: string) => normalizeForMatch(word).text;

/** What a form of a verb of saying tells about who spoke. */
export type SpeechForm =
  /** A finite verb: its subject is the speaker (قال الوزير، Jones said). */
  | 'verb'
  /** A participle or -ing form: the speaker is the sentence's subject (…، مضيفا أن / …, adding that). */
  | 'participle'
  /** A verbal noun: the speaker is its pronoun or the noun after it (تأكيده أن، إعلان الوزارة أن). */
  | 'noun'
  /** A passive: no speaker is named (يقال إن، قيل إن). */
  | 'passive';

/**
 * Arabic verbs of saying: past (3rd person masculine) and present. The present of ذكر is left
 * out: يذكر أن is the writer's "it is worth recalling", not someone's speech; so are the
 * verbs of belief and hope (يعتقد، يأمل، يتوقع), which the guide does not count as speech.
 */
const ARABIC_VERBS: [past: string, present: string | null][] = [
  ['قال', 'يقول'],
  ['تحدث', 'يتحدث'],
  ['أضاف', 'يضيف'],
  ['أكد', 'يؤكد'],
  ['صرح', 'يصرح'],
  ['أوضح', 'يوضح'],
  ['تابع', 'يتابع'],
  ['أشار', 'يشير'],
  ['ذكر', null],
  ['أعلن', 'يعلن'],
  ['اعتبر', 'يعتبر'],
  ['شدد', 'يشدد'],
  ['كتب', 'يكتب'],
  ['سأل', 'يسأل'],
  ['تساءل', 'يتساءل'],
  ['أجاب', 'يجيب'],
  ['ردد', 'يردد'],
  ['رد', 'يرد'],
  ['نقل', 'ينقل'],
  ['أفاد', 'يفيد'],
  ['حذر', 'يحذر'],
  ['زعم', 'يزعم'],
  ['واصل', 'يواصل'],
  ['اختتم', 'يختتم'],
  ['لفت', 'يلفت'],
  ['بين', 'يبين'],
  ['نوه', 'ينوه'],
  ['أردف', 'يردف'],
  ['استطرد', 'يستطرد'],
  ['استدرك', 'يستدرك'],
  ['كشف', 'يكشف'],
  ['لمح', 'يلمح'], // hinting: ولمح X إلى أن (dev32)
  // (يبلغ is also "amounts to, reaches", يبلغ من العمر، يبلغ عدد: 29 of the corpus's 30 are, so only the past.)
  ['أبلغ', null],
  ['أخبر', 'يخبر'],
  ['أقر', 'يقر'],
  ['اعترف', 'يعترف'],
  ['جزم', 'يجزم'],
  ['غرد', 'يغرد'],
  ['علق', 'يعلق'],
  ['نفى', 'ينفي'],
  ['رأى', 'يرى'],
  ['روى', 'يروي'],
  ['ادعى', null], // يدعى is also "is called" (شخص يدعى «…»)
];

/** Active participles (masculine singular): قائل → قائلا، قائلة، قائلين، قائلون. */
const ARABIC_PARTICIPLES = [
  'قائل',
  'مضيف',
  'مؤكد',
  'مشير',
  'موضح',
  'لافت',
  'معتبر',
  'متسائل',
  'مبرر',
  'واصف',
  'منوه',
  'مشدد',
  'محذر',
  'معلن',
  'مبين',
  'مردف',
  'مستطرد',
  'مستدرك',
  'مختتم',
  'كاشف',
  'مجيب',
  'زاعم',
  'معترف',
  'مصرح',
  'معلق',
  'ناف',
  // (Addressing: استدركت مخاطبة الفلسطينيين «…»: the one addressed is its object, the speaker the sentence's.)
  'مخاطب',
];

/** Verbal nouns, which take the speaker as a pronoun or the noun after them: تأكيده أن، بقولها إن. */
const ARABIC_NOUNS = [
  'قول',
  'تأكيد',
  'إعلان',
  'تصريح',
  'توضيح',
  'إشارة',
  'تحذير',
  'زعم',
  'ادعاء',
  'إقرار',
  'اعتراف',
  'تشديد',
  'نفي',
  'إفادة',
];

/** Passives: the content is reported, the speaker unnamed. */
const ARABIC_PASSIVES = ['قيل', 'يقال', 'أفيد'];

// The persons a report uses: he, she, they. The dual is left out: rare in news, and its forms
// are often other words (ردا على "in reply to", كتبا "books", زعما "leaders").

function pastForms(past: string): string[] {
  if (past.endsWith('ى')) {
    const stem = past.slice(0, -1); // رأى → رأت، رأوا
    return [past, `${stem}ت`, `${stem}وا`];
  }
  return [past, `${past}ت`, `${past}وا`];
}

function presentForms(present: string): string[] {
  const she = `ت${present.slice(1)}`;
  if (/[يى]$/u.test(present)) {
    const stem = present.slice(0, -1); // يرى → ترى، يرون؛ ينفي → تنفي، ينفون
    return [present, she, `${stem}ون`];
  }
  return [present, she, `${present}ون`];
}

function participleForms(participle: string): string[] {
  // ناف (نافٍ) → نافيا، نافية، نافين
  const stem = participle.endsWith('ف') && participle.length === 3 ? `${participle}ي` : participle;
  return [`${stem}ا`, `${stem}ة`, `${stem}ين`, `${stem}ون`, `${stem}تين`, `${stem}ان`];
}

const PRONOUNS = ['', 'ه', 'ها', 'هم', 'هما', 'هن'];

function nounForms(noun: string): string[] {
  // The pronoun goes on a ة as ت: إشارة → إشارته.
  const base = noun.endsWith('ة') ? noun.slice(0, -1) + 'ت' : noun;
  return [noun, ...PRONOUNS.slice(1).map((p) => base + p)];
}

/**
 * English verbs of saying: [base, past] (past left out when it is base + -ed / -d). Beliefs and
 * findings (believe, expect, find, show) are not speech. A verb whose base is also a common noun
 * (the state, a report that…, the stress) counts only in its past and -ing forms.
 */
const ENGLISH_VERBS: [base: string, past?: string][] = [
  ['say', 'said'],
  ['tell', 'told'],
  ['write', 'wrote'],
  ['add'],
  ['explain'],
  ['announce'],
  ['warn'],
  ['argue'],
  ['insist'],
  ['acknowledge'],
  ['admit', 'admitted'],
  ['concede'],
  ['confirm'],
  ['deny', 'denied'],
  ['predict'],
  ['conclude'],
  ['suggest'],
  ['indicate'],
  ['mention'],
  ['emphasize'],
  ['emphasise'],
  ['maintain'],
  ['contend'],
  ['assert'],
  ['allege'],
  ['declare'],
  ['reveal'],
  ['disclose'],
  ['caution'],
  ['complain'],
  ['reiterate'],
  ['ask'],
  ['assure'],
];
const ENGLISH_NOUN_VERBS: [base: string, past?: string][] = [
  ['state'],
  ['note'],
  ['report'],
  ['claim'],
  ['estimate'],
  ['tweet'],
  ['remark'],
  ['stress'],
  ['reply', 'replied'],
  ['recall'],
  ['testify', 'testified'],
];

function englishForms(base: string, past?: string): { verb: string[]; participle: string[] } {
  const third = /(s|sh|ch|x)$/u.test(base)
    ? `${base}es`
    : /[^aeiou]y$/u.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`;
  const ed = past ?? (base.endsWith('e') ? `${base}d` : `${base}ed`);
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return { verb: [base, third, ed], participle: [ing] };
}

function buildForms(): Map<string, SpeechForm> {
  const forms = new Map<string, SpeechForm>();
  const put = (words: string[], form: SpeechForm) => {
    for (const w of words) if (!forms.has(fold(w))) forms.set(fold(w), form);
  };
  put(ARABIC_PASSIVES, 'passive');
  for (const [past, present] of ARABIC_VERBS)
    put([...pastForms(past), ...(present ? presentForms(present) : [])], 'verb');
  for (const p of ARABIC_PARTICIPLES) put(participleForms(p), 'participle');
  for (const n of ARABIC_NOUNS) put(nounForms(n), 'noun');
  for (const [base, past] of ENGLISH_VERBS) {
    const { verb, participle } = englishForms(base, past);
    put(verb, 'verb');
    put(participle, 'participle');
  }
  for (const [base, past] of ENGLISH_NOUN_VERBS) {
    const { verb, participle } = englishForms(base, past);
    put([verb[2]], 'verb');
    put(participle, 'participle');
  }
  return forms;
}

/** Forms that are more often another word: بين "between", تبين أن "it turned out that". */
const NOT_SPEECH = ['بين', 'تبين'];

let built: Map<string, SpeechForm> | null = null;
/**
 * Built on first use, not on import: the page imports this with the quote suggestions, and building its ~640 forms
 * (each folded) held up the editor's start before its first paint.
 */
function forms(): Map<string, SpeechForm> {
  if (!built) {
    built = buildForms();
    for (const w of NOT_SPEECH) built.delete(fold(w));
  }
  return built;
}

/**
 * The form of a verb of saying that the folded `word` is, or null: also with the conjunction
 * و / ف in front (وقال، فأكد), and a verbal noun also with ب / ل and the article (بقوله، والتأكيد).
 */
export function speechForm(word: string): SpeechForm | null {
  const direct = forms().get(word);
  if (direct) return direct;
  if (!/^[\u0600-\u06FF]/u.test(word)) return null;
  const bare = word.replace(/^[وف]/u, '');
  const form = bare === word ? null : forms().get(bare);
  if (form) return form;
  // A preposition or the article goes only on a noun: بقوله، بالتأكيد، لإعلان.
  const m = /^(?:[بل]ال|[بل]|ال)(.+)$/u.exec(bare);
  return m && forms().get(m[1]) === 'noun' ? 'noun' : null;
}

/** Every folded form, for tests and for the speaker suggestion's word list. */
export function speechFormsOf(kind: SpeechForm): string[] {
  return [...forms()].filter(([, f]) => f === kind).map(([w]) => w);
}

/**
 * English words that introduce a quotation next to them ("…," Jones said / "…," she continued):
 * fewer than the forms above, since more of them found more titles than quotes; "continued" is
 * here though it reports no speech elsewhere. Folded (lower case).
 */
export const ENGLISH_QUOTE_CUES: ReadonlySet<string> = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'stated',
  'noted',
  'explained',
  'explains',
  'announced',
  'wrote',
  'writes',
  'tweeted',
  'asked',
  'replied',
  'responded',
  'insisted',
  'warned',
  'argued',
  'continued',
  'recalled',
  // ("“…,” agreed Tom Park"; "“…?” Gomez wonders".)
  'agreed',
  'wonders',
  'wondered',
  // ("“…!” exclaims Tom Park", dev33.)
  'exclaims',
  'exclaimed',
  // ("the directors reminded the panel that “…”", dev38; not "remind" among the verbs above: "the stories here remind
  // us that …" is no one's speech.)
  'reminded',
]);

/**
 * The folded `word` introduces a quotation next to it: an Arabic verb of saying in any of its
 * forms (قال، وأضاف، مؤكدا، بقوله), or one of the English cues (also with و / ف: an Arabic text
 * quoting in English is rare, but the rule is one).
 */
export function isQuoteCue(word: string): boolean {
  if (/^[\u0600-\u06FF]/u.test(word)) return speechForm(word) !== null;
  return ENGLISH_QUOTE_CUES.has(word);
}

/** The folded `word` is a finite verb of saying (قال الوزير، وأضاف، Jones said, she continued). */
export function isSayingVerb(word: string): boolean {
  return speechForm(word) === 'verb' || ENGLISH_QUOTE_CUES.has(word);
}

/**
 * A word folded as for search, remembered: the quote finder folds every word of a text several
 * times over (its reported speech, each quote's speaker), and a text has far fewer distinct words.
 */
export function foldWord(word: string): string {
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    if (FOLDED.size > 100_000) FOLDED.clear();
    FOLDED.set(word, (folded = fold(word)));
  }
  return folded;
}

const FOLDED = new Map<string, string>();
