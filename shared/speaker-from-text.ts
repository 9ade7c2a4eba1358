// Who said a quote, read from the words around it when the document has no tagged people yet
// (a new article, `tahrir suggest --quotes` outside a workspace): the subject of the speech verb
// next to the quote. Arabic news puts it after the verb (قال وزير الخارجية إن…); English after
// the quote ("…," Jones said / said Lucia Mullen, an analyst) or before the verb (Ross said that…).
// A pronoun (he, she, they) or a verb with no subject (وأضاف أن…) means the one who spoke last.
// Of a phrase with commas the part that is a name is taken ("his daughter, Linda Flowers").
// Pure; offsets are code points.
import { normalizeForMatch } from './arabic-normalize';
import { foldWord, isSayingVerb, speechForm } from './speech-verbs';
import { partitionPoint } from './sorted-search';

export interface Span {
  start: number;
  end: number;
}

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
  word: boolean;
}

// (A word keeps a point inside it, "U.S.", "Ltd.", but not two: «برناردشو.. الذي» is a word and a pause.)
// (A hashtag's # is no token and _ joins its words: news sites tag names in their sentences, وأعلنت #بكين،
// وقال #نصر_الله; the words are read.)
const TOKEN =
  /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’\u0640-]|_(?=[\p{L}\p{N}])|\.(?!\.))*|\n|(?!#[\p{L}\p{N}])[^\s\p{L}\p{N}\p{M}]/gu;

/** Each text's tokens, whole (a text's `chars` are read once by findQuotes and kept as they are). */
const WHOLE = new WeakMap<readonly string[], Token[]>();

/** The index of the first of `tokens` that starts at or after `at`. */
const firstFrom = (tokens: readonly Token[], at: number) => partitionPoint(tokens.length, (i) => tokens[i].start < at);

/**
 * Words and punctuation of `chars[from, to)`, with code-point offsets; a word's final full stop is a token.
 * The words between the first space after `from` and the last one before `to` are the whole text's, tokenized once
 * per text: the finder reads the 400 code points before each quote and the 200 after it, and the whole text for its
 * mentions, so a text's words were tokenized and folded again and again (tokensOf 13.8% of findQuotes' own time,
 * foldWord 9.1%). No token spans a space, and none looks further past its end than the spaces and the one character
 * after them, so the words between those spaces are the same tokens either way; the two ends are tokenized as before.
 */
function tokensOf(chars: readonly string[], from: number, to: number): Token[] {
  let p = from;
  while (p < to && chars[p] !== ' ') p++;
  let q = to - 2;
  while (q > p && chars[q] !== ' ') q--;
  if (q - p < 64) return tokenize(chars, from, to);
  let whole = WHOLE.get(chars);
  if (!whole) WHOLE.set(chars, (whole = tokenize(chars, 0, chars.length)));
  const first = firstFrom(whole, p + 1);
  const last = firstFrom(whole, q + 1);
  if (first >= last) return tokenize(chars, from, to);
  // (The head up to the first whole token and the character it starts with, so a "Corp." before it reads the same.)
  const r = whole[first].start;
  const head = tokenize(chars, from, r + 1).filter((t) => t.start < r);
  return [...head, ...whole.slice(first, last), ...tokenize(chars, q + 1, to)];
}

/** Words and punctuation of `chars[from, to)`, tokenized. */
function tokenize(chars: readonly string[], from: number, to: number): Token[] {
  const text = chars.slice(from, to).join('');
  const out: Token[] = [];
  let cp = from;
  let unit = 0;
  for (const m of text.matchAll(TOKEN)) {
    cp += Array.from(text.slice(unit, m.index)).length;
    unit = m.index;
    let t = m[0];
    // "Ltd." keeps its point inside a name, but a point before a space ends the sentence.
    const next = text[m.index + m[0].length];
    // (Not after a title or an initial: "Dr. Jane Smith", "Anthony S. Fauci".)
    // (Nor after an Arabic one-letter title: د. "Dr.", م. "Eng.", أ. "Prof.".)
    const abbreviation = /^(\p{Lu}|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|Sr|Lt|Col|Prof|[\u0621-\u064A])\.$/u.test(t);
    // ("Acme Corp. said", "Widgets Inc. and…": a company's point before a word in lower case ends no sentence; nor
    // the last point of initials, "a U.S. dollar economy, Hun Sen is …", whose second half read as a sentence named Hun
    // Sen for "he says" after it: dev33; 11 changed reads over the English corpus, 8 now right, none made wrong.)
    const company =
      /^(?:(?:Corp|Inc|Co|Cos|Ltd|Bros|Plc|Llc)\.|(?:\p{Lu}\.){2,})$/iu.test(t) &&
      /^\s+[\p{Ll}\d,;]/u.test(text.slice(m.index + m[0].length));
    const stop =
      t.length > 1 && t.endsWith('.') && !abbreviation && !company && (next === undefined || /\s/u.test(next)) ? 1 : 0;
    if (stop) t = t.slice(0, -1);
    const len = Array.from(t).length;
    const word = /^[\p{L}\p{N}]/u.test(t);
    out.push({ text: t, folded: word ? foldWord(t) : t, start: cp, end: cp + len, word });
    if (stop) out.push({ text: '.', folded: '.', start: cp + len, end: cp + len + 1, word: false });
    cp += len + stop;
    unit += m[0].length;
  }
  return out;
}

const fold = (words: string[]) => new Set(words.map((w) => normalizeForMatch(w).text));

/** Words that end an Arabic subject after its verb: the reported content, time, place, manner and audience. */
const ARABIC_STOPS = fold([
  'إن',
  'أن',
  'ان',
  'إنه',
  'أنه',
  'انه',
  'إنها',
  'أنها',
  'انها',
  'إنهم',
  'أنهم',
  'بأن',
  'بأنه',
  'بأنها',
  'بأنهم',
  'في',
  // (حذرت من أن…: a preposition, no subject.)
  'من',
  'خلال',
  'عقب',
  'بعد',
  'قبل',
  'أمس',
  'اليوم',
  'عن',
  'على',
  'مساء',
  'صباح',
  'يوم',
  'الذي',
  'التي',
  'الذين',
  'حيث',
  'وفق',
  'بحسب',
  // (وأوضح سيف حسبما نقل عنه التلفزيون: a relay after the subject.)
  'حسبما',
  'لدى',
  'أيضا',
  'إلى',
  'الأحد',
  'الإثنين',
  'الاثنين',
  'الثلاثاء',
  'الأربعاء',
  'الخميس',
  'الجمعة',
  'السبت',
  'قوله',
  'تصريحاته',
  'حديثه',
  'كلمته',
  'بيان',
  'بقوله',
  'بالقول',
  'ذلك',
  'هذا',
  // What about, not who: وقال بهذا الخصوص إن…، وأضاف بهذا الشأن:.
  'بهذا',
  'بهذه',
  'بذلك',
  'بشأن',
  'حول',
  // When, not who: وكتب ليلة زواجها في مذكراته: «…».
  'ليلة',
  // What was asked, not who: ثم سئل لماذا…، فأجاب.
  'لماذا',
  'ماذا',
  'كيف',
  'متى',
  'هل',
  'يوما',
  'عشية',
  'أثناء',
  'حين',
  'عندما',
  'لحظة',
  // How and when, not who: قالت لهن ببساطة «…»، قالت لي آنذاك: «…»، قال لي وهو يبتسم «…».
  'ببساطة',
  'بصراحة',
  'بهدوء',
  'بحزم',
  'بثقة',
  'بوضوح',
  'مجددا',
  'آنذاك',
  'حينذاك',
  'حينها',
  'وقتها',
  'يومها',
  'ساعتها',
  'عندئذ',
  // (Or earlier, later: وكان الوزير قد صرح سابقا.)
  'سابقا',
  'لاحقا',
  'مؤخرا',
  'مبتسما',
  'ضاحكا',
  'مازحا',
  'وهو',
  'وهي',
]);

const ENGLISH_STOPS = new Set([
  'in',
  'on',
  'at',
  'during',
  'to',
  'that',
  'of',
  'about',
  'after',
  'before',
  'last',
  'this',
  'earlier',
  'late',
  'on',
  'when',
  'while',
  'and',
  'but',
  'who',
  'which',
  'from',
  'told',
  'said',
  'explained',
  'recently',
  'also',
  'tuesday',
  'monday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
]);

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'هو', 'هي', 'هم']);
/** English quantifiers that stand for people already named ("All added…", "Most of the time…"): never a name. */
const QUANTIFIERS = new Set('all most some many both each every few several others none another any'.split(' '));
/** Pronouns that can only mean a person: "he said" is the last person who spoke, not "the ministry". */
const PERSONAL = new Set(['he', 'she', 'هو', 'هي']);
/** A pronoun, also with its verb run on ("she’s asked", "they’re"). */
const uncontracted = (word: string) => word.replace(/['’](s|re|m|d|ll|ve)$/u, '');
const isPronoun = (word: string) => PRONOUNS.has(uncontracted(word));
const pronounOf = (word: string): 'person' | 'pronoun' => (PERSONAL.has(uncontracted(word)) ? 'person' : 'pronoun');

/**
 * A preposition with a pronoun on it (له، عليه، فوقها، معهم): whom or where it was said, never
 * who said it (وقال له الوزير، وكتب فوقها: «…»).
 */
// (خلاله، خلالها, "during it": ببيان تلاه مدير مكتبه، أعلن خلاله أن «…» read خلاله as أعلن's subject; quotes45.)
const PREPOSITION_PRONOUN = new RegExp(
  '^[وف]?((ل|ب|في|فوق|تحت|عن|من|مع|عند|بعد|قبل|امام|خلف|بين|حول|ضد|عبر|علي|الي|لدي|خلال)(ه|ها|هم|هما|هن|نا|كم)' +
    // (And the first person: اقتربت مني، انتحت بي.)
    '|بي|مني|عني|معي)$',
  'u',
);

/**
 * Whom it was said to, right after the verb (وأضاف لبي بي سي، قال للصحفيين، قال لي، قال لـ«عكاظ»، قال لإحدى محطات
 * التلفزيون، لمجلة…): the verb's subject is not named there. (Not every word in ل: لافروف and لجنة are subjects; ل
 * on إحدى / أحد, "to one of", or on a medium's noun is the preposition.)
 */
const ADDRESSEE = new RegExp(
  '^[وف]?(ل|لي|لل.+|لبي|لوكال[هة]|لصحيف[هة]|لقنا[هة]|لموقع|لشبك[هة]|لرويترز|لاذاع[هة]|' +
    'لاحدي|لاحد|لمحط[هة]|لمجل[هة]|لجريد[هة]|لتلفزيون|لبرنامج|لوسائل)$',
  'u',
);

/**
 * Whom it was said to, in ل with a possessive, right after the verb (أكد لمتابعيه، قال لأنصاره، كتب لزوجته):
 * not the subject. (On the text, not the folded word: لجنة folds to لجنه.)
 */
const ADDRESSEE_OWN = /^[وف]?ل[^ل\s]{2,}(ه|ها|هم|هما|هن)$/u;

/** An audience in لل (للصحافيين، للحضور): whom it was said to, wherever it stands after the verb. */
const AUDIENCE = /^[وف]?لل(صحافيين|صحفيين|صحافه|صحافة|اعلاميين|إعلاميين|مراسلين|حضور|صحفي|صحافي)$/u;

const SENTENCE_END = /^[.!?؟\n]$/u;
const QUOTE_MARK = /^[«»“”"„‹›]$/u;
const isArabic = (t: string) => /[\u0600-\u06FF]/u.test(t);

/** A folded word is one of `set`, also with و / ف in front. */
function inSet(word: string, set: ReadonlySet<string>): boolean {
  return set.has(word) || ((word.startsWith('و') || word.startsWith('ف')) && set.has(word.slice(1)));
}

/** The words that open reported content: قال إن…، أكد أنه…، أفاد بأن…. */
const COMPLEMENTIZERS = fold('إن أن ان إنه أنه انه إنها أنها انها إنهم أنهم انهم بأن بأنه بأنها بأنهم'.split(' '));
/** The complementizers that carry the subject's own pronoun: قالت إنها …, أكد أنه …. */
const COMPLEMENTIZERS_WITH_PRONOUN = fold('إنه أنه انه إنها أنها انها إنهم أنهم انهم بأنه بأنها بأنهم'.split(' '));

/**
 * قالت الوزيرة إنها أبلغت السفير بأن «…»: an Arabic verb of saying right after the إنها / أنه of an earlier verb of
 * saying in its sentence is what the first one said of herself; its "subject" after it is whom she told, and the
 * speaker is the first verb's.
 */
/** Verbs of opinion (اعتبر، رأى، يرى), folded: inside what a verb of saying reports, the speaker's own word. */
const isOpinion = (word: string) => /^[وف]?(يعتبر|تعتبر|اعتبر|اعتبرت|يري|تري|راي|رات)$/u.test(word);

/**
 * أنه سأل X، إنها أبلغت X: a verb right after a complementizer with a pronoun on it has that pronoun for its subject;
 * the noun after it is its object, whom one asked or told (dev34's ماتيس for the one who asked him; quotes45).
 */
const afterItsPronoun = (tokens: Token[], k: number) =>
  isArabic(tokens[k].text) && inSet(tokens[k - 1]?.folded ?? '', COMPLEMENTIZERS_WITH_PRONOUN);

const toldInReported = (tokens: Token[], k: number) =>
  isArabic(tokens[k].text) &&
  inSet(tokens[k - 1]?.folded ?? '', COMPLEMENTIZERS_WITH_PRONOUN) &&
  tokens.slice(0, k - 1).some((t) => t.word && isSayingVerb(t.folded));

/**
 * وهو الأمر الذي رد عليه X، الذي علق عليه X: a verb of saying at `k` right after الذي / التي with a pronoun on a
 * preposition after it (عليه، عنه) that stands for the antecedent: the antecedent is the thing answered, and the
 * verb's subject comes after that pronoun.
 */
const repliesInRelative = (tokens: Token[], k: number) =>
  isArabic(tokens[k].text) &&
  /^(الذي|التي)$/u.test(tokens[k - 1]?.folded ?? '') &&
  /^(عليه|عليها|عنه|عنها)$/u.test(tokens[k + 1]?.folded ?? '');

/** Participles of saying (قائلا، مشيرا إلى…, adding): their subject is the sentence's, so the one who spoke last. */
const isParticiple = (word: string) => speechForm(word) === 'participle';

/**
 * Of a subject's words, the part that names someone: split at commas, the first part whose words
 * all start with a capital (English), else the first part; Arabic keeps its first part.
 */
function namePart(words: Token[], commas: number[], nearest: 'first' | 'last' = 'first'): Span | null {
  const parts: Token[][] = [[]];
  for (const w of words) {
    if (commas.includes(w.start)) parts.push([w]);
    else parts[parts.length - 1].push(w);
  }
  const real = parts.filter((p) => p.length > 0);
  if (real.length === 0) return null;
  // (A name's particles are in lower case: Herald van der Linde, Maria da Silva, Juan del Castillo.)
  const capitalised = real.find((p) =>
    p.every(
      (w) => /^\p{Lu}/u.test(w.text) || /^(of|de|al|bin|van|von|der|den|da|di|del|du|dos|la|le|ter)$/u.test(w.text),
    ),
  );
  const fallback = nearest === 'first' || isArabic(real[0][0].text) ? real[0] : real[real.length - 1];
  const chosen = capitalised && !isArabic(real[0][0].text) ? capitalised : fallback;
  return { start: chosen[0].start, end: chosen[chosen.length - 1].end };
}

/** A span, or a pronoun: 'person' for he / she (a person), 'pronoun' for the others. */
type Subject = Span | 'person' | 'pronoun' | null;

/** Arabic nouns that start a title (رئيس الوزراء، وزير الخارجية، نائب المدير) rather than a name. */
const TITLES = fold(
  (
    'رئيس رئيسة وزير وزيرة نائب نائبة مدير مديرة عضو مسؤول مسؤولة قائد سفير أمين مستشار متحدث ناطق محافظ ' +
    'أمير ملك زعيم مندوب ممثل مبعوث مفوض خبير أستاذ محلل مصدر مصادر وكيل مساعد عميد سكرتير مدرب مراسل ' +
    'متحدثة ناطقة عضوة أمينة سفيرة مستشارة مندوبة ممثلة مبعوثة مفوضة قائدة أميرة ملكة زعيمة خبيرة أستاذة محللة ' +
    'وكيلة عميدة مدربة مراسلة سكرتيرة ولي'
  ).split(' '),
);

/**
 * An Arabic word (with or without ال) is a title noun (الوزير، المتحدث): not a family name in ال (الحرمي، الزغل),
 * nor a plural of ministers (الوزراء) — only these may stand for the last speaker who bore the title.
 */
export function isArabicTitleNoun(word: string): boolean {
  const folded = normalizeForMatch(word).text;
  return TITLES.has(folded) || (folded.startsWith('ال') && TITLES.has(folded.slice(2)));
}

/**
 * "…، NAME: «" within ten words of `from`: the name a long title ends with before the quote's colon; or "…، NAME، إن"
 * (قالت السفيرة الأمريكية في مجلس الأمن، سلمى عادل، إن…): two or three words with no ال / لل between commas, right
 * before the إن / أن of what was said.
 */
function nameBeforeColon(tokens: Token[], from: number): Span | null {
  const comma = tokens.findIndex((t, i) => i >= from && i < from + 10 && t.text === '،');
  if (comma < 0 || tokens.slice(from, comma).some((t) => !t.word)) return null;
  let end = comma + 1;
  while (end < tokens.length && tokens[end].word && end - comma <= 4) end++;
  if (end === comma + 1) return null;
  // (Nor a time, a place's preposition or another stop: وقال X في تغريدة على تويتر، الأربعاء: the colon ends an
  // adjunct, not a name.)
  if (tokens.slice(comma + 1, end).some((t) => inSet(t.folded, ARABIC_STOPS))) return null;
  const content = tokens[end]?.text === '،' && COMPLEMENTIZERS.has(tokens[end + 1]?.folded ?? '') && end - comma >= 3;
  // (A name's words, not a clause: مصدر في الوزارة، طلب عدم ذكر اسمه، إن.)
  if (!(tokens[end]?.text === ':' || (content && tokens.slice(comma + 1, end).every(isNameWord)))) return null;
  return { start: tokens[comma + 1].start, end: tokens[end - 1].end };
}

/** Where something was said: في مؤتمر صحفي، في تصريح، في بيانها، في كلمته. */
const SAID_IN = /^(ال)?(مؤتمر|تصريح|بيان|حديث|لقاء|كلم|مقابل|اجتماع|جلس|ندو|تغريد|رسال)/u;

/**
 * A title that holds في (عضو الهيئة السياسية في الائتلاف السوري أحمد رمضان أن…): the words from
 * the title to the إن / أن of the reported content, when only words come between, at most eight.
 */
function titleBeforeContent(tokens: Token[], stop: number, first: Token): Span | null {
  // (A body is named with ال, في الائتلاف; في تصريح، في المؤتمر الصحفي are where it was said.)
  const next = tokens[stop + 1]?.folded ?? '';
  if (tokens[stop].folded !== 'في' || !/^ال/u.test(next) || SAID_IN.test(next)) return null;
  for (let j = stop + 1; j < tokens.length && j <= stop + 8; j++) {
    if (
      !tokens[j].word ||
      (j > stop + 1 && inSet(tokens[j].folded, ARABIC_STOPS) && !COMPLEMENTIZERS.has(tokens[j].folded))
    )
      return null;
    if (COMPLEMENTIZERS.has(tokens[j].folded))
      return j > stop + 1 ? { start: first.start, end: tokens[j - 1].end } : null;
  }
  return null;
}

/**
 * A long title that holds عن / في and runs on to a name before where or what was said (عضو مجلس النواب عن
 * محافظة البصرة والقيادي في الحزب الوطني سامر عادل في حديث للصحيفة أن…): that name, two or three words with
 * no ال / ل / ب in front, right after a word in ال (the end of the title's noun phrase), within sixteen words.
 */
function nameEndingTitle(tokens: Token[], stop: number): Span | null {
  for (let j = stop + 1; j < tokens.length && j <= stop + 16; j++) {
    const t = tokens[j];
    const said = t.folded === 'في' && SAID_IN.test(tokens[j + 1]?.folded ?? '');
    if (!said && !COMPLEMENTIZERS.has(t.folded) && t.text !== ':') {
      if (!t.word) return null;
      continue;
    }
    let n = j;
    while (n - 1 > stop && j - n < 3 && !/^[وف]?(ال|ل|ب)/u.test(tokens[n - 1].folded)) {
      if (!tokens[n - 1].word || inSet(tokens[n - 1].folded, ARABIC_STOPS)) return null;
      n--;
    }
    return j - n >= 2 && /^[وف]?(ال|لل)/u.test(tokens[n - 1]?.folded ?? '')
      ? { start: tokens[n].start, end: tokens[j - 1].end }
      : null;
  }
  return null;
}

/** Media a statement is given to (لوكالة الأنباء، لصحيفة…): whom it was said to, not a title's genitive. */
const MEDIUM = /^[وف]?(لوكال|لصحيف|لقنا|لموقع|لشبك|لاذاع|لرويترز|لبي)/u;

/**
 * A title's genitive in ل that runs on to a name right before إن / أن (المدير العام للشركة المطورة
 * للشارع الذكي زو يونج إن…): that name, when only words come between (no stop), at most eight, and
 * the last ones, before the complementizer, are not nouns with ال or ل (a name, not a noun phrase).
 */
function titleNameInL(tokens: Token[], k: number): Span | null {
  if (MEDIUM.test(tokens[k].folded)) return null;
  for (let j = k + 1; j < tokens.length && j <= k + 8; j++) {
    const t = tokens[j];
    if (!t.word) return nameBeforeEnd(tokens, k);
    if (COMPLEMENTIZERS.has(t.folded)) {
      let n = j;
      while (n - 1 > k && j - n < 3 && !/^[وف]?(ال|ل|ب)/u.test(tokens[n - 1].folded)) n--;
      return n < j ? { start: tokens[n].start, end: tokens[j - 1].end } : null;
    }
    if (inSet(t.folded, ARABIC_STOPS)) return nameBeforeEnd(tokens, k);
  }
  return nameBeforeEnd(tokens, k);
}

/**
 * The name a long title in ل ends with before whom or where it was said or the quote's mark (المدير العام لمنظمة
 * الصحة سامر عادل لصحيفة…، نائب الوزير للشؤون الوقائية ورئيس اللجنة الدكتور فهد الحربي «…»، الممثل الخاص للأمين
 * العام في ليبيا سامي عادل في بيان): two to four words right after the title's end (a word in ال, or the place
 * after its في / عن), found from the ل at `k` within sixteen words. A name's words have no ال / لل in front but
 * its last (a family name, الحربي).
 */
function nameBeforeEnd(tokens: Token[], k: number): Span | null {
  // (A name may start with ب or ل, بوستن، لؤي: not with ال or لل.)
  const plain = (t: Token) => t.word && !/^[وف]?(ال|لل)/u.test(t.folded);
  for (let e = k + 1; e < tokens.length && e <= k + 16; e++) {
    const t = tokens[e];
    const said = t.folded === 'في' && SAID_IN.test(tokens[e + 1]?.folded ?? '');
    const end =
      QUOTE_MARK.test(t.text) ||
      t.text === ':' ||
      said ||
      (e > k + 1 && t.word && (MEDIUM.test(t.folded) || AUDIENCE.test(t.folded)));
    if (!end) {
      // (في / عن and a place are the title's own words, للأمين العام في ليبيا; other stops end it.)
      const own = /^(في|عن)$/u.test(t.folded) && tokens[e + 1]?.word && !inSet(tokens[e + 1].folded, ARABIC_STOPS);
      if (!t.word || isSayingVerb(t.folded) || (inSet(t.folded, ARABIC_STOPS) && !own)) return null;
      continue;
    }
    for (let n = e - 2; n >= e - 4 && n - 1 > k; n--) {
      const name = tokens.slice(n, e);
      if (!name.every((w, i) => plain(w) || (i === name.length - 1 && w.word && /^ال/u.test(w.folded)))) return null;
      if (name.some((w) => inSet(w.folded, ARABIC_STOPS))) return null;
      const titleEnd = /^[وف]?ال/u.test(tokens[n - 1].folded) || /^(في|عن)$/u.test(tokens[n - 2]?.folded ?? '');
      if (titleEnd) return { start: tokens[n].start, end: tokens[e - 1].end };
    }
    return null;
  }
  return null;
}

/**
 * Verbs in the first person that open the words themselves after قال (قال أؤكد أن…، قال نرى أن…), where a
 * subject would stand: okaz and others report speech so, with no marks. Folded.
 */
const FIRST_PERSON_OPENING = fold(
  'أؤكد أعتقد أرى أظن أقول أشعر أتمنى آمل أطالب أدعو أشدد أرجو أتوقع أعتبر أريد نؤكد نعتقد نرى نطالب ندعو نأمل'.split(
    ' ',
  ),
);

/**
 * Words read as a subject end with a name after a title (الممثل الأمريكي جون سميث): their last two have no ال / لل
 * in front (a name may start with ل, روب لو) and are no title nouns, and the word before them is in ال (the
 * title's end).
 */
function endsWithName(words: Token[]): boolean {
  if (words.length < 3) return false;
  const name = words.slice(-2);
  const plain = name.every((w) => !/^[وف]?(ال|لل)/u.test(w.folded) && !inSet(w.folded, TITLES));
  return plain && /^ال/u.test(words[words.length - 3].folded);
}

/**
 * A title and the name it is put before, read whole (issue 17: the name was lost when a read stopped inside the title):
 * from the title noun at `from`, the title's own words — its nouns and adjectives, a genitive in ل / ب (لحزب الله،
 * بمجلس الشورى، لـ«أوبك»), في / لدى / باسم and what they govern, a body's name in marks, one apposition after a
 * comma — then a name: one to four words with no ال / لل, no stop and no title noun, right after a word in ال, a
 * body's closing mark, a comma or في, and right before what ends a subject (، : إن / أن, a quotation mark, في مؤتمر …,
 * a verb of saying, an audience, a genitive in ل such as لوسائل الإعلام, a preposition but من); a name may hold ال
 * after عبد / أبو, and end with a family name in ال. The span from the title to the name's end; null when the words
 * hold no such name (a subject with no name keeps its own read).
 */
function titleThenName(tokens: Token[], from: number): Span | null {
  const withAl = (t: Token | undefined) => !!t && /^[وف]?(ال|لل)/u.test(t.folded);
  // (ل / ب before a noun in ال or a body's name in marks is a genitive or a place, لحزب الله، بمجلس الشورى، لشركة
  // «…»; لـ / ب alone go before a body's name; before anything else ل / ب may start a name, ليو دوبس، بيريت.)
  const genitive = (k: number) =>
    /^[لب]/u.test(tokens[k].folded) && (withAl(tokens[k + 1]) || QUOTE_MARK.test(tokens[k + 1]?.text ?? ''));
  const bare = (t: Token) => /^[وف]?[لب]ـ*$/u.test(t.text) || /^[وف]?[لب]ـ/u.test(t.text);
  /** A body's name in marks at `k` (لـ«أوبك»، منظمة «كايج»): the closing mark's index, else -1. */
  const body = (k: number) => {
    let close = k + 1;
    while (close < tokens.length && tokens[close].word && close - k <= 5) close++;
    return close > k + 1 && QUOTE_MARK.test(tokens[close]?.text ?? '') && tokens[close + 1]?.word ? close : -1;
  };
  /** What ends a subject: a comma, a colon, a mark, what or where it was said, a verb of saying, an audience. */
  const ends = (k: number) => {
    const t = tokens[k];
    if (!t) return true;
    if (t.text === '،' || t.text === ':' || QUOTE_MARK.test(t.text)) return true;
    const f = t.folded;
    // (Where it was said, في مؤتمر صحفي، في حسابه على تويتر.)
    const said =
      f === 'في' && (SAID_IN.test(tokens[k + 1]?.folded ?? '') || /^حساب/u.test(tokens[k + 1]?.folded ?? ''));
    return t.word && (said || COMPLEMENTIZERS.has(f) || isSayingVerb(f) || isParticiple(f) || AUDIENCE.test(f));
  };
  let run = -1;
  let commas = 0;
  for (let k = from + 1; k < tokens.length && k <= from + 18; k++) {
    const t = tokens[k];
    const f = t.folded;
    const prev = tokens[k - 1];
    if (run < 0) {
      // Still in the title. (After its comma comes a noun, not where or when: متحدث باسم البنتاغون، في وقت سابق.)
      if (QUOTE_MARK.test(t.text) && body(k) > 0) k = body(k);
      else if (t.text === '،' && ++commas === 1 && tokens[k + 1]?.word && !inSet(tokens[k + 1].folded, ARABIC_STOPS))
        continue;
      else if (!t.word || !isArabic(t.text) || ends(k) || MEDIUM.test(f)) return null;
      else if (/^(في|لدى|باسم)$/u.test(f)) continue;
      else if (inSet(f, ARABIC_STOPS) || /^(عبر|امام)$/u.test(f) || PREPOSITION_PRONOUN.test(f)) return null;
      else if (withAl(t) || genitive(k) || bare(t) || inSet(f, TITLES)) continue;
      // A name follows the title's end; a word right after a noun with no ال is the title's own (مصدر أمني ليبي).
      else if (withAl(prev) || QUOTE_MARK.test(prev.text) || prev.text === '،' || /^(في|لدى)$/u.test(prev.folded))
        run = k;
      continue;
    }
    // In the name: it ends where the subject does, or before a genitive in ل (لوسائل الإعلام) or a preposition (على،
    // في جنيف), not من (المصدر «…» قلل من: a verb).
    const whole = { start: tokens[from].start, end: tokens[k - 1].end };
    // (Words before a body's name in marks were the title's: منظمة «كايج» في لندن NAME.)
    if (QUOTE_MARK.test(t.text) && body(k) > 0) {
      k = body(k);
      run = -1;
      continue;
    }
    const inL = t.word && /^[وف]?ل/u.test(f) && !withAl(t) && withAl(tokens[k + 1]);
    const stop = (inSet(f, ARABIC_STOPS) && f !== 'من') || /^(عبر|امام)$/u.test(f);
    if (ends(k) || (t.word && (MEDIUM.test(f) || inL || bare(t) || stop))) return whole;
    // (A name may hold ال after عبد / أبو: عبد الله، أبو الغيط.) A noun in ال after words with none: they were the
    // title's (في معهد آسان للدراسات السياسية NAME), read on.
    if (withAl(t) && /^(عبد|ابو)$/u.test(prev.folded)) continue;
    // (Or end with it, a family name after two or three words, right before what ends the subject: فهد الحربي «…».)
    if (withAl(t) && k - run >= 2 && k - run <= 3 && ends(k + 1)) return { start: tokens[from].start, end: t.end };
    if (withAl(t)) run = -1;
    // (طلب عدم ذكر اسمه: a clause, not a name.)
    else if (!t.word || !isArabic(t.text) || PREPOSITION_PRONOUN.test(f) || /^(من|عدم)$/u.test(f) || k - run >= 4)
      return null;
  }
  return null;
}

/**
 * A subject that holds a body's name in marks keeps its closing mark (صحيفة «بليك», not صحيفة «بليك: the gold marks the
 * pair whole): when the span holds one mark more than it closes, the mark right after it.
 */
function closingMark(tokens: Token[], read: Subject): Subject {
  if (!read || typeof read === 'string') return read;
  const k = firstFrom(tokens, read.end);
  if (!QUOTE_MARK.test(tokens[k]?.text ?? '') || tokens[k].start !== read.end) return read;
  let inside = 0;
  for (let i = firstFrom(tokens, read.start); i < k; i++) if (QUOTE_MARK.test(tokens[i].text)) inside++;
  return inside % 2 === 1 ? { start: read.start, end: tokens[k].end } : read;
}

/** A person's role in a body, in ال, that news writes before في, the body and the name (القيادي في حماس NAME). */
const IN_A_BODY = /^ال(قيادي|قياديه|شرعي|باحث|باحثه|ناشط|ناشطه|اكاديمي|اكاديميه|عضو|عضوه)$/u;

/**
 * The subject right after a verb of saying (see `subjectRead`); a read that starts with a title and stops inside it
 * runs on to the title's name when one follows (`titleThenName`).
 */
function subjectAfter(tokens: Token[], from: number, quotes: readonly Span[] = []): Subject {
  // "Asked if he would resign, he said": what one was asked (if, whether, about …) is no subject (quotes42).
  if (ASKED_ABOUT.has(tokens[from]?.folded ?? '')) return null;
  const read = closingMark(tokens, subjectRead(tokens, from, quotes));
  if (!read || typeof read === 'string') return read;
  const first = tokens.findIndex((t) => t.start === read.start);
  if (first < 0 || !isArabic(tokens[first].text)) return read;
  // وقال بيان صحفي من مؤسسة X إن: a statement from a body is the body's words (as بيان أصدره X), not the statement's.
  const after = firstFrom(tokens, read.end);
  if (/^(ال)?بيان$/u.test(tokens[first].folded) && after > 0 && /^(من|عن)$/u.test(tokens[after]?.folded ?? '')) {
    const body = closingMark(tokens, subjectRead(tokens, after + 1, quotes));
    if (body && typeof body === 'object') return body;
  }
  // (A role in ال that no title list holds, before في and its body, is a title too: شدد القيادي في حماس NAME،
  // الشرعي في «جبهة النصرة» NAME: the read stopped at في and kept the role without the name the guide keeps.)
  // (Only a person's role: الشركة في مدونتها، الشرطة في وقت سابق، المرصد في تقريره ran on into where it was said.)
  const role =
    read.end === tokens[first].end && IN_A_BODY.test(tokens[first].folded) && tokens[first + 1]?.folded === 'في';
  if (!isArabicTitleNoun(tokens[first].text) && !role) return read;
  const whole = titleThenName(tokens, first);
  return whole && whole.end > read.end ? whole : read;
}

/**
 * "The plan, the Chancellor said, will …" / "What is unusual, Wong said, is …" / "…, her sister said, inspiring …":
 * English reported speech whose attribution sits inside its span, between commas (a subject of one to five words,
 * then a verb of saying). Its subject: a name or noun phrase, or 'person' for "he" / "she"; null when the span holds
 * no such aside. (The sentence is the span, so no verb before or after it tells who said it; quotes42.)
 */
export function parentheticalSubject(chars: readonly string[], span: Span): Subject {
  const tokens = tokensOf(chars, span.start, span.end);
  for (let v = 2; v < tokens.length - 1; v++) {
    if (!tokens[v].word || tokens[v + 1].text !== ',' || !isSayingVerb(tokens[v].folded)) continue;
    if (isArabic(tokens[v].text) || /^(told|tells|asked)$/u.test(tokens[v].folded)) continue;
    let c = v - 1;
    while (c >= 0 && c > v - 7 && tokens[c].word) c--;
    if (c < 0 || tokens[c].text !== ',' || c === v - 1) continue;
    const words = tokens.slice(c + 1, v);
    if (words.length === 1 && PERSONAL.has(words[0].folded)) return 'person';
    const first = words[0];
    // (A name, or a noun phrase after the, his, her…: not "…, as we said," nor "…, critics have said,".)
    const named = /^\p{Lu}/u.test(first.text) || /^(the|his|her|their|its|a|an)$/u.test(first.folded);
    if (!named || isPronoun(first.folded) || words.some((w) => /^(as|have|has|had|we|i|you)$/u.test(w.folded)))
      continue;
    return { start: first.start, end: words[words.length - 1].end };
  }
  return null;
}

/** English words that open what one was asked after the verb, never its subject. */
const ASKED_ABOUT = new Set('if whether why how what about'.split(' '));

/** Nouns of a role that news puts before the name of the one who holds it (محامي X، مؤسس X، لاعب X), folded. */
const ROLES = /^(محامي|محامية|مؤسس|لاعب|لاعبة|كاتب|كاتبة|مخرج|مخرجة|مؤلف|مؤلفة|مدرب|مدربة|طبيب|طبيبة)$/u;

/**
 * An Arabic word that can be part of a person's name between commas: not in ال / لل (a noun or an adjective), not a
 * stop (a preposition, a time: مساء أمس), not a number, a word in tanween (an adverb), a verb of saying or its
 * participle (طلب عدم ذكر اسمه), a pronoun (وهو) or a word with a possessive in ه (اسمه).
 */
function isNameWord(w: Token, i: number, name: Token[]): boolean {
  // (ال after عبد، أبو، بن، آل is a name's own: عبد الله، أبو العلا، آل الشيخ.)
  const kin = i > 0 && /^(عبد|ابو|ابي|بن|ابن|بنت|ال)$/u.test(name[i - 1].folded) && name[i - 1].text !== 'ال';
  const article = /^[وف]?(ال|لل)/u.test(w.folded) && w.text !== 'آل';
  if (!isArabic(w.text) || /[\d\u064B-\u064D]/u.test(w.text) || (article && !kin)) return false;
  if (inSet(w.folded, ARABIC_STOPS) || isSayingVerb(w.folded) || isParticiple(w.folded)) return false;
  // (Nor "such as", "among them": بعض وسائل الإعلام، مثل موقع بوليتيكو، names examples.)
  if (/^[وف]?(مثل|منهم|منها|بينهم|بينها|خاصه|خاصة|لاسيما)$/u.test(w.folded)) return false;
  return !/^(هو|هي|هم|وهو|وهي)$/u.test(w.folded) && !/.{2}(ه|هم|هما)$/u.test(w.text);
}

/**
 * A title or a word in ال, then a word that can only be part of a name (العقيد تركي، الشيخ ماجد); not a preposition
 * that a title governs (المتحدث باسم، السفير لدى).
 */
function rankThenName(words: Token[]): boolean {
  const second = words[1];
  return !!second && isNameWord(second, 0, [second]) && !/^(باسم|لدي|في|عن)$/u.test(second.folded);
}

/**
 * الجنرال جون هايتن، قائد القوة النووية، الذي قال: the antecedent of a relative pronoun after a comma, when the part
 * before that comma is a role between commas (a title noun, a role noun or a word in ال first) that describes the
 * name before it: the name (one to four name words at the end of the part before the role, and a family name in ال,
 * after a word in ال or a title; or two or more name words on their own). Null otherwise.
 */
function nameBeforeRole(words: Token[], commas: number[]): Span | null {
  const parts: Token[][] = [[]];
  for (const w of words) {
    if (commas.includes(w.start)) parts.push([w]);
    else parts[parts.length - 1].push(w);
  }
  if (parts.length < 3 || parts[parts.length - 1].length !== 1) return null;
  const [before, role] = parts.slice(-3, -1);
  const head = role[0]?.folded ?? '';
  if (!role[0] || !(/^ال/u.test(head) || inSet(head, TITLES) || ROLES.test(head))) return null;
  // (Not a second one joined by و, أوباما، ومدير الوكالة مايكل هايدن، الذي: a part that ends in its own name is its
  // own one.)
  if (endsWithName(role) || (/^و/u.test(head) && inSet(head.slice(1), TITLES))) return null;
  // (A family name in ال ends a name after a name word: اللواء سامر العادل.)
  const n = before.length;
  const family = n >= 2 && /^ال/u.test(before[n - 1].folded) && isNameWord(before[n - 2], n - 2, before) ? 1 : 0;
  let k = n - family;
  while (k > 0 && n - family - k < 4 && isNameWord(before[k - 1], k - 1, before)) k--;
  const run = n - family - k;
  const titled = k > 0 && (/^ال/u.test(before[k - 1].folded) || inSet(before[k - 1].folded, TITLES));
  if (run === 0 || (run + family === 1 && !titled) || (family && !titled)) return null;
  return { start: before[k].start, end: before[before.length - 1].end };
}

/** Words a genitive follows (أحد مرافقيها، بعض أنصاره): the word after them is theirs, not the verb's object. */
const TAKES_A_GENITIVE = /^(احد|احدي|بعض|كل|جميع|معظم|اغلب|عدد|بين|ابن|ابنه|والد|والده|زوج|زوجه|شقيق|شقيقه)$/u;

/**
 * Arabic puts the subject before the object (VSO), so after a subject's first words the verb's object or an adverb
 * ends it, not the name (أبدت جنيفر لورانس استياءها، قدم الأمير محمد جدولاً زمنياً، قال الوزير لصحيفة…): a word
 * with fathatan (an accusative: no subject takes it), a noun with a possessive (ها / هم / هما / هن) after a subject
 * that opens with no title and ends in no word a genitive follows, or a medium in ل after a verb of saying's one-word
 * subject (the rule for two words or more is in `subjectRead`). (issue 17, quotes40: spans ran on past the gold's in
 * 291 of the 1,198 Arabic speaker spans that overlap it in the fitted halves; the scorer counts an overlap right.)
 */
function runsIntoObject(t: Token, words: Token[], verb: string): boolean {
  if (/\u064B/u.test(t.text)) return true;
  const last = words[words.length - 1].folded;
  const titled = /^ال/u.test(words[0].folded) || inSet(words[0].folded, TITLES);
  // (One word in ة / ه is a noun whose genitive it is, سياسة استخدامها، سفارة بلاده; a name or two words are not.)
  const noun = words.length === 1 && /[هة]$/u.test(words[0].text);
  const possessive = /^[^\sو]\S{2,}(ها|هم|هما|هن)$/u.test(t.text);
  if (possessive && !titled && !noun && !TAKES_A_GENITIVE.test(last) && !/^[وف]?ال/u.test(t.folded)) return true;
  const medium = /^[وف]?(لوكال|لصحيف|لقنا|لموقع|لشبك|لاذاع|لرويترز)/u.test(t.folded) || t.folded === 'لبي';
  return words.length === 1 && medium && isSayingVerb(verb);
}

/**
 * The subject right after a verb of saying: up to six words, to the first stop. A mark that opens one of `quotes` (the
 * quotations found) ends it: what it holds is what was said, never a name in marks.
 */
function subjectRead(tokens: Token[], from: number, quotes: readonly Span[] = []): Subject {
  const words: Token[] = [];
  // (وأكد الوزير «لن نسمح بذلك مطلقا»، مشيرا: the four words in marks after the noun were read as its name, الوزير «لن
  // نسمح بذلك مطلقا, a speaker running into the quote it was given to, and to the indirect one after مشيرا.)
  const opensQuote = (k: number) =>
    quotes.some((q) => tokens[k].end <= q.start && q.start <= (tokens[k + 1]?.start ?? tokens[k].end));
  const commas: number[] = [];
  // A title may run long before the name it is put before (الرئيس العام ومؤسس مبادرة …، د. محمد…):
  // read on to find that name, but a subject with no name keeps its first six words.
  // (وكيل is a title itself, not و + كيل.)
  const title = (w: Token) => /^ال/u.test(w.folded) || inSet(w.folded, TITLES);
  // (Not after بحسب / وفق: the words are a genitive, بحسب بيانات أصدرها الجهاز, no verb's subject and object.)
  const before = tokens[from - 1]?.folded ?? '';
  const according = /^[وف]?(بحسب|حسب|وفق|وفقا|طبقا)$/u.test(before);
  for (let k = from; k < tokens.length && words.length < (words.length > 0 && title(words[0]) ? 14 : 6); k++) {
    const t = tokens[k];
    if (!t.word) {
      if (QUOTE_MARK.test(t.text) && opensQuote(k)) break;
      // وشددت "ستاندرد آند بورز" على…: a name in quotation marks right after the verb, before a preposition or إن /
      // أن, is its subject.
      if (QUOTE_MARK.test(t.text) && words.length === 0 && k === from && isArabic(tokens[k + 1]?.text ?? '')) {
        let k2 = k + 1;
        while (k2 < tokens.length && tokens[k2].word && k2 - k <= 4) k2++;
        const after = tokens[k2 + 1];
        if (k2 > k + 1 && QUOTE_MARK.test(tokens[k2]?.text ?? '') && after?.word && inSet(after.folded, ARABIC_STOPS))
          return { start: tokens[k + 1].start, end: tokens[k2 - 1].end };
      }
      // مؤسسة "الحدود الإلكترونية": a name in quotation marks right after the noun is part of it.
      if (QUOTE_MARK.test(t.text) && words.length > 0 && isArabic(words[0].text)) {
        let k2 = k + 1;
        while (k2 < tokens.length && tokens[k2].word && k2 - k <= 4) k2++;
        if (k2 > k + 1 && QUOTE_MARK.test(tokens[k2]?.text ?? '')) {
          words.push(...tokens.slice(k + 1, k2));
          // (المتحدث باسم "قلعة الكؤوس"، سالم الأحمدي، …: a comma after the name in marks opens the role's name in
          // apposition, read on from there; 2 reads over the corpus, both right.)
          if (tokens[k2 + 1]?.text === '،') {
            k = k2;
            continue;
          }
        }
      }
      if (t.text === '،' && words.length > 0) {
        // ويقول أحد هؤلاء الرجال، وهو سامي عادل، …: "one of them, NAME": the name after وهو.
        const which = /^(احد|احدي)$/u.test(words[0].folded) || title(words[0]);
        if (which && /^(وهو|وهي)$/u.test(tokens[k + 1]?.folded ?? '') && !endsWithName(words)) {
          let k2 = k + 2;
          while (k2 < tokens.length && tokens[k2].word && k2 - k <= 5) k2++;
          const said = tokens.slice(k + 2, k2);
          const plain = said.every((w, i) => !/^(ال|لل)/u.test(w.folded) || (i > 0 && i === said.length - 1));
          if (said.length >= 2 && /^[،:]$/u.test(tokens[k2]?.text ?? '') && plain)
            return { start: said[0].start, end: said[said.length - 1].end };
        }
        // وغرد الممثل الأمريكي جون سميث، نجم فرقة الليل، قائلا: after a title and its name, the words between the
        // commas describe the name.
        // (Not when the name is a role's genitive: in وكيل النجم X، NAME، the role is NAME's, X its client; dev32.)
        const genitive = /^(وكيل|وكيله)$/u.test(words[0].folded) && /^ال/u.test(words[1]?.folded ?? '');
        if (endsWithName(words) && !genitive) break;
        // وقال نائب قسم التنسيق، وورين ميلر، خلال…: the name between two commas after a title.
        const name: Token[] = [];
        let k2 = k + 1;
        while (k2 < tokens.length && tokens[k2].word && name.length < 4) name.push(tokens[k2++]);
        // (Not after a name: in محمد علي، رئيس الوزراء، the part between the commas is the title.)
        // (Or before the colon that opens the quote: …، د. محمد رياض السعدون: «…».)
        const closed = tokens[k2]?.text === '،' || tokens[k2]?.text === ':';
        // (Nor whom it was said to between the commas, وقالت الغزالي، لبي بي سي، إن: the subject is before them.)
        // (ل as written, not ولي, a crown prince.)
        const to =
          name[0] && /^ل/u.test(name[0].text) && (ADDRESSEE.test(name[0].folded) || MEDIUM.test(name[0].folded));
        if (to) break;
        // (Nor after a rank and its name: in العقيد تركي المالكي، المتحدث باسم التحالف، the part between the commas
        // is a role, a title or a word in ال first with no name after it (or a title noun and its genitive, عضو مجلس
        // النواب), and the name before it, a word that can only be a name after the rank, is the subject; المتحدث باسم
        // الجيش، العقيد X، is the other way round.)
        const construct = isArabicTitleNoun(name[0]?.text ?? '') && !/^ال/u.test(name[0].folded);
        const named = name.length > 0 && title(name[0]) && rankThenName(words) && (construct || !rankThenName(name));
        if (name.length > 0 && closed && title(words[0]) && !inSet(name[0].folded, ARABIC_STOPS) && !named)
          return { start: name[0].start, end: name[name.length - 1].end };
        // وقال مفتي مصر، شوقي علام، إن…: after a noun and its genitive, two or three words with no ال / لل between the
        // commas, right before إن / أن, are the name.
        const plain = name.every((w) => !/^[وف]?(ال|لل)/u.test(w.folded) && !inSet(w.folded, ARABIC_STOPS));
        // (Also before where or how it was said, when the genitive is in ال: وقال مؤسس الشركة، NAME، بمقابلة….)
        const content = COMPLEMENTIZERS.has(tokens[k2 + 1]?.folded ?? '') || /^ال/u.test(words[1]?.folded ?? '');
        if (closed && content && plain && name.length >= 2 && name.length <= 3 && words.length === 2)
          return { start: name[0].start, end: name[name.length - 1].end };
        // وقال محامي اللاعب، سامي فهد، للقاضي…، قال مؤسس الشركة، ماجد حسن، عن…: Arabic puts the name of
        // the one who holds a role in apposition after it. After a noun phrase of a role (a noun and its genitive, or
        // a noun with its possessive, محاميه), two to four words between the commas that can only be a name are it.
        // (A role: a title noun or one of ROLES first, a word in ال, or a possessive; not a name, سامر عادل، مشجع
        // مصري، whose apposition is the role.)
        const role =
          title(words[0]) ||
          ROLES.test(words[0].folded) ||
          words.some((w) => /^[وف]?ال/u.test(w.folded)) ||
          /.(ه|ها)$/u.test(words[0].text);
        // (One word will do after a relation with its possessive, شقيقه الأكبر، بيراما،، زوجته، سلمى،: one's brother
        // or wife is one person, whom the name in apposition names; not a name in ه, عبدالله.)
        const relation = /^\S{3,}(ه|ها|هم)$/u.test(words[0].text) && !/الله$/u.test(words[0].text) && !title(words[0]);
        // (An honorific in ال may open the name: مؤسس ورئيس منتدى X، البروفيسور NAME NAME، في…: dev42.)
        const honored = name.length >= 3 && HONORIFIC.test(name[0].folded) ? 1 : 0;
        if (closed && role && name.length >= (relation ? 1 : 2) && name.slice(honored).every(isNameWord))
          return { start: name[0].start, end: name[name.length - 1].end };
        break;
      }
      if (t.text === ',') {
        // "said his daughter, Linda Flowers": a name after a comma is still the subject.
        if (words.length > 0 && tokens[k + 1]?.word && /^\p{Lu}/u.test(tokens[k + 1].text)) {
          commas.push(tokens[k + 1].start);
          continue;
        }
      }
      break;
    }
    const arabic = isArabic(t.text);
    // قال أؤكد أن…: a verb in the first person right after the verb is what was said; no subject is named.
    if (arabic && words.length === 0 && inSet(t.folded, FIRST_PERSON_OPENING)) return null;
    // (So does a negation, وأضاف لم يقع «…»: the words said, unmarked; لم and لن open no subject.)
    if (arabic && words.length === 0 && /^(لم|لن)$/u.test(t.folded)) return null;
    // أقرت بـ«…»: a preposition written apart with a tatweel is where the words go, no subject.
    if (arabic && /^[وف]?[بك]$/u.test(t.folded)) break;
    // على "on" is a stop, علي "Ali" a name: folding makes them one word, the text does not.
    // (So are أن "that" and آن "Anne": قالت آن، زوجته السابقة، إن….)
    const ali = arabic && (/^و?علي$/u.test(t.text) || /^آن$/u.test(t.text));
    // بيان right after the verb is its subject (وقال بيان للمكتب…), not where it was said (وقال في بيان).
    const statement = arabic && words.length === 0 && k === from && t.folded === 'بيان';
    // وقالت عبر حسابها…، وقال الوزير أمام مشرعين…: like في and خلال, عبر and أمام open the verb's adjunct, where or
    // how it was said, never its subject. (But after ورد / جاء, "appeared", what عبر opens is the text the words
    // are in, وفقا لما ورد عبر الموقع: its source.)
    const appeared = words.length === 0 && /^[وف]?(ورد|جاء)$/u.test(tokens[from - 1]?.folded ?? '');
    if (arabic && appeared && t.text === 'عبر') continue;
    const adjunct = arabic && /^(عبر|أمام|امام)$/u.test(t.text);
    // وقال وقتها المتحدث باسم X إن: a word of when right after the verb, and the subject may come after it (dev13's
    // null, then the one who spoke last; quotes45).
    // (Not before a particle: لقد ذكرت سابقا ما عانيته, the object.)
    const next = tokens[k + 1];
    const when = words.length === 0 && k === from && inSet(t.folded, WHEN_AFTER_VERB);
    if (arabic && when && next?.word && !inSet(next.folded, NOT_A_VERB)) continue;
    if (arabic ? (inSet(t.folded, ARABIC_STOPS) || adjunct) && !ali && !statement : ENGLISH_STOPS.has(t.folded)) {
      // (A title's own words may hold a stop, مبادرة ابتسم أنت في نعمة، د. محمد…: its name before the colon.)
      // (Or before إن / أن: عضو الهيئة السياسية في الائتلاف أحمد رمضان أن…: the title with its name.)
      if (arabic && words.length > 0 && title(words[0]))
        return (
          nameBeforeColon(tokens, k) ??
          titleBeforeContent(tokens, k, words[0]) ??
          nameEndingTitle(tokens, k) ??
          namePart(words, commas)
        );
      break;
    }
    // (Another verb of saying ends an Arabic subject: ونشر راموس صورة وكتب فوقها.)
    if (isParticiple(t.folded) || ((words.length === 0 || arabic) && isSayingVerb(t.folded))) break;
    if (arabic && PREPOSITION_PRONOUN.test(t.folded)) {
      if (words.length === 0) continue; // وقال له الوزير: the subject may come after it.
      break;
    }
    // فقالت لي الجارة: «…»: like له، لي is whom it was said to, and the subject may come after it.
    // (Not ولي before العهد, a crown prince: وأكد ولي العهد السعودي read as العهد السعودي.)
    const crown = t.folded === 'ولي' && tokens[k + 1]?.folded === 'العهد';
    if (arabic && words.length === 0 && /^[وف]?(لي|لنا)$/u.test(t.folded) && !crown) continue;
    if (arabic && words.length === 0 && (ADDRESSEE.test(t.folded) || ADDRESSEE_OWN.test(t.text)) && !crown) {
      // وقال لـ«عكاظ» مدير الشركة: «…»: the medium's name in marks is whom it was said to; the subject may follow.
      let close = k + 2;
      while (close < tokens.length && tokens[close].word && close - k <= 5) close++;
      const medium = /^[وف]?ل$/u.test(t.folded) && QUOTE_MARK.test(tokens[k + 1]?.text ?? '') && close > k + 2;
      if (medium && QUOTE_MARK.test(tokens[close]?.text ?? '') && tokens[close + 1]?.word) {
        k = close;
        continue;
      }
      return null;
    }
    // وأبلغ الصحفيين قائلا: an audience in ال right after the verb, in -ين (a subject would be in -ون), is whom it
    // was told; the verb names no subject.
    if (arabic && words.length === 0 && /^ال(صحفيين|صحافيين|اعلاميين|مراسلين)$/u.test(t.folded)) return null;
    // وأضاف الوزير للصحافيين: the audience after the subject is whom it was said to.
    if (arabic && words.length > 0 && AUDIENCE.test(t.folded)) break;
    // لبي بي سي، لرويترز: whom it was said to, after the subject. (Unless a title's name follows
    // between commas: المتحدث باسم الجيش لإسرائيلي، أفيخاي أدرعي، قال.)
    if (arabic && words.length >= 2 && /^ل/u.test(t.text) && !(title(words[0]) && tokens[k + 1]?.text === '،')) {
      // (Unless the title runs on in ل to a name before إن / أن: المدير العام للشركة المطورة زو يونج إن.)
      const named = title(words[0]) ? titleNameInL(tokens, k) : null;
      if (named) return { start: words[0].start, end: named.end };
      break;
    }
    // وسأل ألفرد أخته: a word with a possessive after a one-word name is whom it was said to.
    // (A name such as ألفرد folds to ال…: the title test reads the text as written.)
    const named = !inSet(words[0]?.folded ?? '', TITLES) && !/^ال/u.test(words[0]?.text ?? 'ال');
    if (arabic && words.length === 1 && named && !/^(ال|ل)/u.test(t.folded) && /.(ته|يه|تها|يها)$/u.test(t.folded))
      break;
    // (After a one-word subject too when it ends in a pronoun: وقال نوبل لأخيه.)
    if (arabic && words.length === 1 && /^ل.+(يه|ها|هم)$/u.test(t.folded)) break;
    if (isPronoun(t.folded) && words.length === 0) return pronounOf(t.folded);
    // ويصف المستثمر نظام التعليم بأنه: after a joined وصف, a noun in ال that is no title, then a word with no ال, is
    // the subject, and that word starts the thing described (an idafa's first noun never takes ال).
    const noun = words.length === 1 && /^[وف]?ال/u.test(words[0].folded) && !inSet(words[0].folded, TITLES);
    if (arabic && noun && !isArabicTitleNoun(words[0].text) && !/^[وف]?(ال|لل)/u.test(t.folded)) {
      const verb = tokens[from - 1]?.folded ?? '';
      if (/^[وف]/u.test(verb) && DESCRIBE.test(verb)) break;
    }
    if (arabic && words.length > 0 && !according && runsIntoObject(t, words, before)) break;
    words.push(t);
  }
  if (words.length === 0) return null;
  // (قبل أن يضيف سريعا عبارة: «…»: "a phrase", the words said, and an adverb before it are the verb's object; the
  // verb names no subject. dev39, 1.)
  const phrase = /^(عبار|كلم|جمل)[هة]$/u;
  if (isArabic(words[0].text) && words.length <= 2 && phrase.test(words[words.length - 1].folded)) return null;
  // (A title keeps the name it runs on to: وكيل وزارة الشؤون البلدية والقروية عبدالله المطيري.)
  return namePart(words.slice(0, title(words[0]) ? 10 : 6), commas);
}

/** Honorifics in ال that open a name in apposition (البروفيسور، الدكتور، الشيخ), folded. */
const HONORIFIC = /^(البروفيسور|البروفسور|الدكتور|الدكتوره|الشيخ|المهندس|الاستاذ|الاستاذه|السيد|السيده)$/u;

/** English words a subject never runs back over. */
const SUBORDINATORS = new Set(
  'as while because when that after before since if although though where whereas which'.split(' '),
);

/** English words between a subject and its verb of saying: "The firm also announced", "Lee has said". */
const BETWEEN_SUBJECT_AND_VERB = new Set(
  'also recently previously later earlier again then once publicly repeatedly reportedly has have had will would'.split(
    ' ',
  ),
);

/**
 * "Jane Roe, who was director of … in the last government, says": the name before a relative
 * clause that ends at the verb's comma, however long the clause (the token index of its comma).
 */
function commaBeforeWho(tokens: Token[], verb: number): number {
  if (tokens[verb - 1]?.text !== ',') return -1;
  for (let k = verb - 2; k > 1 && verb - k < 50; k--) {
    if (SENTENCE_END.test(tokens[k].text) || QUOTE_MARK.test(tokens[k].text)) return -1;
    // (Also "Pier 1, which had filed … before the shutdowns, announced" and "Jane Roe, in a statement after the news
    // conference, said": a body's relative clause, an aside in "in" that holds a subordinator; quotes42.)
    const aside = /^(who|which)$/u.test(tokens[k].folded) || (tokens[k].folded === 'in' && verb - k < 16);
    if (aside && tokens[k - 1].text === ',' && tokens[k - 2].word) return k - 1;
  }
  return -1;
}

/**
 * لكن صاحب أحد المتاجر قال: «…»، إلا أن المتحدث قال، بينما الوزير يقول: after لكن / إلا أن / غير أن / بيد أن / بينما a
 * clause opens with its subject, so the noun phrase between that particle and the verb `verb` of `tokens` (`words`,
 * read back from the verb) is the verb's subject, up to a relative pronoun (لكن حكم المحكمة الذي صدر أمس أكد). Null
 * when no such particle opens them, or what follows it is no noun phrase: a preposition (لكن في المقابل قال), a
 * negation, a particle or a pronoun (لكن التقدم لا يعني شيئا…، وأنا…), a verb joined with و / ف (لكن موهبته ظهرت
 * وقال: its own clause), or a verb in a relative clause (أصدرت الشركة بيانا قالت فيه: the statement's).
 */
function nominalClauseSubject(tokens: Token[], verb: number, words: Token[]): Span | null {
  const p = words.findLastIndex(
    (w, i) =>
      /^[وف]?(لكن|بينما)$/u.test(w.folded) ||
      (w.folded === 'ان' && /^[وف]?(الا|غير|بيد)$/u.test(words[i - 1]?.folded ?? '')) ||
      // (So do the writer's asides, ويذكر أن / ويشار إلى أن / والجدير بالذكر أن X أكد: X said it, not the one who
      // spoke last; dev41's cnn-arabic-89, 2.)
      (w.folded === 'ان' && /^[وف]?(يذكر|بالذكر)$/u.test(words[i - 1]?.folded ?? '')) ||
      (w.folded === 'ان' && words[i - 1]?.folded === 'الي' && /^[وف]?يشار$/u.test(words[i - 2]?.folded ?? '')),
  );
  const said = tokens[verb];
  if (
    p < 0 ||
    p === words.length - 1 ||
    /^[وف]/u.test(said.folded) ||
    /^(فيه|فيها)$/u.test(tokens[verb + 1]?.folded ?? '')
  )
    return null;
  let subject = words.slice(p + 1);
  if (inSet(subject[0].folded, OPENING_PREPOSITIONS) || subject.some((w) => inSet(w.folded, NOT_A_NOUN_PHRASE)))
    return null;
  const who = subject.findIndex((w, i) => i > 0 && /^(الذي|التي|الذين)$/u.test(w.folded));
  if (who > 0) subject = subject.slice(0, who);
  return { start: subject[0].start, end: subject[subject.length - 1].end };
}

/** Words no noun phrase holds: negations, particles, pronouns, attributions (a clause of its own, not a subject). */
const NOT_A_NOUN_PHRASE = fold(
  'لا لم لن ما ليس إن أن لأن حيث إذ كما قد لقد فقد فإن هذا هذه ذلك هو هي هم أنا نحن بحسب حسب وفق وفقا يتعلق'.split(' '),
);

/**
 * أما الناقد سامر عادل، فيقول: «…»: the topic fronted with أما is the subject of the verb in ف at `verb`, also when a
 * comma closes it (the comma would end the subject otherwise) or an apposition between commas is part of it.
 */
function ammaTopic(tokens: Token[], verb: number): Span | null {
  if (!isArabic(tokens[verb]?.text ?? '') || !/^ف/u.test(tokens[verb].folded) || tokens[verb - 1]?.text !== '،')
    return null;
  const end = verb - 2;
  let k = end;
  while (k >= 0 && k > verb - 14 && (tokens[k].word || tokens[k].text === '،') && !/^و?اما$/u.test(tokens[k].folded))
    k--;
  if (k < 0 || k >= end || !/^و?اما$/u.test(tokens[k].folded) || !tokens[k + 1].word || !tokens[end]?.word) return null;
  return { start: tokens[k + 1].start, end: tokens[end].end };
}

/** Whether the token at `k` of `tokens` opens its line or sentence: nothing, a colon, a dash or a sentence's end
 * before it. */
function opensLine(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1]?.text;
  return k === 0 || before === ':' || /^[-–—]$/u.test(before ?? '') || SENTENCE_END.test(before ?? '');
}

/** An Arabic verb in the present with no و / ف on it (يؤكد، تقول، يزور): a nominal sentence's verb after its
 * subject. */
const isPresentVerb = (t: Token | undefined) =>
  !!t?.word && /^[يت][\u0621-\u064A]{2,}$/u.test(t.folded) && !inSet(t.folded, NOT_A_VERB);

/**
 * - 8 فبراير: الملك سلمان يؤكد أن «…»، - 12 مايو: وزير الخارجية عادل الجبير يزور القاهرة: a line (a timeline's, a
 * headline's) that opens with a noun phrase and then its verb in the present is a nominal sentence, the noun phrase its
 * subject: `words`, when they are a title or a noun in ال and what follows it (six words at most, no particle, stop or
 * pronoun); else null. (Arabic prose names the subject after the verb; a subject before it, with nothing before it on
 * the line, is the sentence's topic.)
 */
function openingNounPhrase(words: Token[]): Span | null {
  const first = words[0];
  if (!first || words.length > 6 || !(/^ال/u.test(first.folded) || isArabicTitleNoun(first.text))) return null;
  if (words.some((w) => !w.word || inSet(w.folded, ARABIC_STOPS) || inSet(w.folded, NOT_A_NOUN_PHRASE))) return null;
  if (words.some((w) => inSet(w.folded, NOT_A_VERB) || isSayingVerb(w.folded) || isParticiple(w.folded))) return null;
  return { start: first.start, end: words[words.length - 1].end };
}

/** The subject right before a verb of saying (English: "Ghaeli said", "Frank Del Rio, CEO of …, said"). */
function subjectBefore(tokens: Token[], verb: number): Subject {
  const words: Token[] = [];
  const commas: number[] = [];
  const who = isArabic(tokens[verb]?.text ?? '') ? -1 : commaBeforeWho(tokens, verb);
  if (who > 0) return subjectBefore(tokens, who);
  const topic = ammaTopic(tokens, verb);
  if (topic) return topic;
  let closing = false; // (a comma right before the verb closes an apposition or an aside)
  for (let k = verb - 1; k >= 0 && words.length < 14; k--) {
    const t = tokens[k];
    if (words.length === 0 && !isArabic(t.text)) {
      // "The chain also announced": the adverb or auxiliary is not the subject's.
      if (BETWEEN_SUBJECT_AND_VERB.has(t.folded)) continue;
      // "Rep. Tom Harlow (D-Ohio) said": the parenthesis after a name is not the subject's end.
      if (t.text === ')') {
        let open = k - 1;
        while (open > k - 10 && open > 0 && tokens[open].text !== '(') open--;
        if (tokens[open]?.text === '(') {
          k = open;
          continue;
        }
      }
      // "…, and asked the students": a verb with no subject of its own is the sentence's subject's.
      if (/^(and|but)$/u.test(t.folded) && tokens[k - 1]?.text === ',') return 'pronoun';
      // "The firm sells masks but says …" / "Ali went to school as a child but insists …": the same with no comma, the
      // subject the sentence's (not "a child but"); the one who spoke last when it opens with no plain subject.
      if (/^(and|but)$/u.test(t.folded) && tokens[k - 1]?.word) {
        let start = k;
        while (start > 0 && !SENTENCE_END.test(tokens[start - 1].text)) start--;
        return englishSubject(tokens.slice(start, k)) ?? 'pronoun';
      }
    }
    // كانت «نوكيا» قد ذكرت: a name in quotation marks is part of an Arabic subject.
    if (QUOTE_MARK.test(t.text) && isArabic(tokens[k - 1]?.text ?? '')) continue;
    if (!t.word) {
      if ((t.text === ',' || t.text === '،') && k > 0 && tokens[k - 1].word) {
        // "Salman Kazmi, told Reuters": the comma that closes an apposition before the verb.
        // (Not in Arabic, whose subject follows the verb: in وعن زيارته، والتي كانت مقررة …، قال المصدر the words
        // before the comma are another clause.)
        if (words.length === 0 && !isArabic(tokens[verb]?.text ?? '')) {
          closing = true;
          continue;
        }
        if (words.length === 0) return isArabic(tokens[verb]?.text ?? '') ? openingApposition(tokens, k, verb) : null;
        commas.push(words[0].start);
        continue;
      }
      break;
    }
    // "Nancy Pelosi, asked on CNN about the drug, said": a clause in a participle between the commas is not the
    // subject; read on to the name before it.
    // (So is one in -ing, "The president, speaking at the White House, said", the style of every wire service:
    // quotes47, "speaking at the White House" was read as the subject.)
    const aside =
      closing &&
      (/^(asked|told|pressed|questioned)$/u.test(t.folded) ||
        (/^\p{Ll}{3,}ing$/u.test(t.text) && !NOT_A_PARTICIPLE.has(t.folded))) &&
      tokens[k - 1]?.text === ',';
    if (aside && tokens[k - 2]?.word) {
      words.length = 0;
      commas.length = 0;
      closing = false;
      k--;
      continue;
    }
    if (isSayingVerb(t.folded) || isParticiple(t.folded)) break;
    // "Dustin Schafer, a director at …, who is working on …, said": the relative clause is not the
    // subject; read on to the name before it.
    // (Only a clause right before the verb: in "In its decision, which is binding, the court said",
    // the subject comes after it.)
    if (/^(who|which)$/u.test(t.folded) && commas.length === 0 && /^[,،]$/u.test(tokens[k - 1]?.text ?? '')) {
      words.length = 0;
      k--;
      continue;
    }
    // "as the government said": the subject starts after the conjunction.
    if (SUBORDINATORS.has(t.folded)) break;
    words.unshift(t);
  }
  // "Still, Lopez said": a sentence adverb before the subject is not the subject's.
  while (words.length > 1 && !isArabic(words[0].text) && OPENERS.has(words[0].folded)) words.shift();
  // "Earlier, Trump said", "Then, the mayor said": an adverb of time and its comma open the sentence; the subject is
  // after them (the adverb was read as the speaker; quotes48).
  if (words.length > 1 && !isArabic(words[0].text) && SENTENCE_ADVERBS.has(words[0].folded)) {
    const first = Math.min(...commas);
    if (commas.length > 0 && words[1].start === first) {
      words.shift();
      commas.splice(commas.indexOf(first), 1);
    }
  }
  if (words.length === 0) return null;
  // "“…”, and said it amounted to…" (the quote's comma left out of the words read): a verb after a bare "and" has no
  // subject of its own; it is the one who spoke last.
  if (words.length === 1 && /^(and|but)$/u.test(words[0].folded)) return 'pronoun';
  if (words.length === 1 && isPronoun(words[0].folded)) return pronounOf(words[0].folded);
  // "On April 13 she announced": a pronoun right before the verb is its subject, whatever comes before it.
  if (!isArabic(words[0].text) && isPronoun(words[words.length - 1].folded))
    return pronounOf(words[words.length - 1].folded);
  if (words.length === 1 && QUANTIFIERS.has(words[0].folded)) return 'pronoun';
  const pronoun = words.find((w) => isPronoun(w.folded));
  if (pronoun && words.length <= 2) return pronounOf(pronoun.folded);
  // Arabic puts a subject before its verb after كان (وكان مسؤولون فلسطينيون أعلنوا) and before
  // الذي (… برناردشو، الذي قال).
  if (isArabic(words[0].text)) {
    // أما مدرب الفريق سامي عادل فقال: «…»: the topic after أما is the subject of the verb in ف.
    const amma = words.findIndex((w) => /^و?اما$/u.test(w.folded));
    if (amma >= 0 && amma < words.length - 1 && /^ف/u.test(tokens[verb]?.folded ?? ''))
      return { start: words[amma + 1].start, end: words[words.length - 1].end };
    const last = words[words.length - 1];
    // محمد الأمين، الذي وبخ جمهوره وهو يردد معه الأغاني قائلا: a verb after وهو / وهي, "while he", has the pronoun
    // for its subject (the words after the verb are its object): the one the relative clause before it is on, else the
    // one who spoke last.
    if (/^[وف](هو|هي|هم|هما)$/u.test(last.folded) && words.length >= 2) {
      const rel = words.findLastIndex((w) => /^(الذي|التي|الذين)$/u.test(w.folded));
      return rel > 0 && rel < words.length - 2 ? subjectBefore(tokens, tokens.indexOf(words[rel + 1])) : 'pronoun';
    }
    if (/^(الذي|التي)$/u.test(last.folded) && words.length >= 2) {
      // (وهو الأمر الذي رد عليه X: the antecedent is what the verb answers, on its pronoun; the subject follows.)
      if (repliesInRelative(tokens, verb)) return null;
      const named = nameBeforeRole(words, commas);
      if (named) return named;
      let name = words.slice(Math.max(0, words.length - 3), -1);
      // (عددا من الجمعيات التي تقول: the antecedent is the noun after the preposition, never the preposition.)
      const at = name.findLastIndex((w) => /^[وف]?(في|من|على|عن|إلى|الى|مع|منذ|لدى|بحسب|حسب)$/u.test(w.text));
      if (at >= 0 && at < name.length - 1) name = name.slice(at + 1);
      return { start: name[0].start, end: name[name.length - 1].end };
    }
    const k = words.findIndex((w) => /^و?كان[تا]?$/u.test(w.folded));
    let end = words.length - 1;
    while (end > k + 1 && /^(قد|لقد)$/u.test(words[end].folded)) end--; // (كانت نوكيا قد ذكرت)
    const opening = k < 0 && commas.length === 0 && opensLine(tokens, tokens.indexOf(words[0]));
    const nominal = opening && isPresentVerb(tokens[verb]) ? openingNounPhrase(words) : null;
    if (nominal) return nominal;
    if (k < 0 || k === words.length - 1) return nominalClauseSubject(tokens, verb, words);
    return { start: words[k + 1].start, end: words[end].end };
  }
  // "At the University of California, San Francisco, Krogan said": a phrase in a preposition opens the sentence, its
  // own commas (a place's) with it; the subject is the name nearest the verb after it.
  if (OPENING_PREPOSITIONS_EN.has(words[0].folded) && commas.length > 0) {
    const named = [...commas]
      .map((at) => words.filter((w) => w.start >= at && !commas.some((c) => c > at && w.start >= c)))
      .find((p) => p.length > 0 && p.every((w) => /^\p{Lu}/u.test(w.text) || /^(of|de|al|bin|van|von)$/u.test(w.text)));
    if (named) return { start: named[0].start, end: named[named.length - 1].end };
  }
  const part = namePart(words, commas, 'last');
  const partWords = words.filter((w) => part && w.start >= part.start && w.end <= part.end);
  return partWords.length === 1 && isPronoun(partWords[0].folded) ? pronounOf(partWords[0].folded) : part;
}

/**
 * لكن سلمى عادل، منظمة حفلات في المدينة، والتي تقود حملات …، أكدت أن; محامي اللاعب، سامي فهد، أشار …: an Arabic
 * sentence that opens with its subject, a name (or a role and the name between commas after it), then an apposition
 * between commas however long, before the verb at `verb` (not joined by و / ف) after the comma at `comma`: the name.
 * Null when the words before the comma hold a verb of saying, a participle, إن / أن or anything but words and commas.
 */
function openingApposition(tokens: Token[], comma: number, verb: number): Span | null {
  if (/^[وف]/u.test(tokens[verb].folded)) return null;
  let s = comma;
  while (s > 0 && comma - s < 60 && !SENTENCE_END.test(tokens[s - 1].text) && tokens[s - 1].text !== '\n') s--;
  if (s > 0 && !SENTENCE_END.test(tokens[s - 1].text) && tokens[s - 1].text !== '\n') return null;
  if (/^و?لكن$/u.test(tokens[s]?.folded ?? '')) s++;
  const parts: Token[][] = [[]];
  for (const t of tokens.slice(s, comma)) {
    if (t.text === '،') parts.push([]);
    else if (!t.word || isSayingVerb(t.folded) || isParticiple(t.folded) || COMPLEMENTIZERS.has(t.folded)) return null;
    else parts[parts.length - 1].push(t);
  }
  const name = (p: Token[] | undefined) =>
    !!p && p.length >= 1 && p.length <= 4 && !/^[وف]/u.test(p[0].folded) && p.every((w, i) => isNameWord(w, i, p));
  const span = (p: Token[]) => ({ start: p[0].start, end: p[p.length - 1].end });
  if (parts.length < 2 || parts[0].length === 0) return null;
  const head = parts[0][0];
  const role = isArabicTitleNoun(head.text) || ROLES.test(head.folded) || /^ال/u.test(head.folded);
  if (role && name(parts[1])) return span(parts[1]);
  return name(parts[0]) ? span(parts[0]) : null;
}

/** English words in -ing that open no participle's clause: "…, during the crisis, said", "…, this morning, said". */
const NOT_A_PARTICIPLE = new Set(
  'during morning evening nothing something anything everything thing king spring ring string bring sing wing'.split(
    ' ',
  ),
);

/** English prepositions a sentence may open with before its subject: "In his statement, Lee said". */
const OPENING_PREPOSITIONS_EN = new Set('in at on from during for with across under by among amid near'.split(' '));

/** Words an Arabic sentence starts with that are not its verb: particles, prepositions, pronouns. */
const NOT_A_VERB = fold([
  'في',
  'من',
  'على',
  'إلى',
  'عن',
  'مع',
  'بعد',
  'قبل',
  'منذ',
  'خلال',
  'حول',
  'أما',
  'كما',
  'مما',
  'لكن',
  'ولكن',
  // (لكنه، لكنها: the pronoun on لكن is the subject, the word after it the verb: ولكنه ألمح إلى … read ألمح as the
  // subject of a verb ولكنه; quotes45.)
  'لكنه',
  'لكنها',
  'لكنهم',
  'لكنهما',
  'قد',
  'لقد',
  'إن',
  'أن',
  'لا',
  'لم',
  'لن',
  'ما',
  'هذا',
  'هذه',
  'ذلك',
  'هو',
  'هي',
  'هم',
  'حيث',
  'إذ',
  'بينما',
  'فيما',
  'كان',
  'كانت',
  'وفي',
  'ومن',
  'وعلى',
  'وقد',
  'وهو',
  'وهي',
  'يذكر',
  'يشار',
  // A time clause opens the sentence, not its verb: وعندما دخلت الصف قالت لهن: «…».
  'عندما',
  'حينما',
  'بعدما',
  'كلما',
  'لما',
  'إذا',
  // (A topic in عن opens the sentence too: وعما إذا خافت …، قالت.)
  'عما',
  // (So does "so", لذا يجب «…»: a connective, then a verb with no subject.)
  'لذا',
  'ولذا',
  'لذلك',
  'ولذلك',
  'يجب',
]);

/** Words of when a verb may have between it and its subject (وقال وقتها X، وأضاف حينها X), folded. */
const WHEN_AFTER_VERB = fold(['وقتها', 'حينها', 'آنذاك', 'يومها', 'حينذاك', 'وقتذاك', 'أمس', 'لاحقا', 'سابقا']);

/** Prepositions a sentence's opening phrase starts with (وفي سياق متصل، من جهة أخرى، إلى ذلك،), folded. */
const OPENING_PREPOSITIONS = fold(['في', 'من', 'على', 'إلى', 'عن', 'مع', 'بعد', 'قبل', 'خلال', 'منذ']);

/** Words that open an Arabic sentence's phrase of time or place before its verb: prepositions, قبيل، عقب، إثر. */
const OPENING_PHRASE = fold(['في', 'على', 'إلى', 'عن', 'مع', 'بعد', 'قبل', 'خلال', 'منذ', 'قبيل', 'عقب', 'إثر']);

/**
 * Where the verb of an Arabic sentence comes after a long phrase that opens it (index in `head`), else -1: وفي وقت سابق
 * من الأسبوع الجاري، أغلق X…؛ ومنذ إعلان X عن صفقة القرن التي اطلعت الحكومة عليها، كرر Y…؛ فقبيل تسلم X مقاليد الحكم
 * في يناير/ كانون الثاني 2017، خاطب Y…: a phrase in a preposition up to the first comma (six to eighteen tokens, no
 * verb of saying, quotation or colon in it) when a verb follows the comma (no ال, no particle); and من جهته / من جانبه,
 * "for his part", with no comma, من جهته نشر X. The words in the phrase are not the sentence's subject.
 */
function openingPhraseEnd(head: Token[], f: number, upTo: number): number {
  if (
    /^[وف]?من$/u.test(head[f].folded) &&
    /^(جهته|جهتها|جانبه|جانبها|ناحيته|ناحيتها)$/u.test(head[f + 1]?.folded ?? '')
  )
    return head[f + 2]?.word && f + 3 < upTo ? f + 2 : -1;
  // (Not من alone: من المثقفين الذين يختارون…، عبد العزيز…, "among those who…", names the subject after the comma.)
  if (!inSet(head[f].folded, OPENING_PHRASE) || /^[وف]?من$/u.test(head[f].folded)) return -1;
  const comma = head.findIndex((t, i) => i > f && i <= f + 18 && t.text === '،');
  if (comma < 0 || comma + 2 >= upTo) return -1;
  const phrase = head.slice(f + 1, comma);
  if (phrase.some((t) => QUOTE_MARK.test(t.text) || t.text === ':' || SENTENCE_END.test(t.text))) return -1;
  if (phrase.some((t) => t.word && (isSayingVerb(t.folded) || isParticiple(t.folded)))) return -1;
  const verb = head[comma + 1];
  if (!verb.word || !isArabic(verb.text) || /^[وف]?(ال|لل)/u.test(verb.folded) || inSet(verb.folded, NOT_A_VERB))
    return -1;
  if (inSet(verb.folded, COMPLEMENTIZERS) || inSet(verb.folded, ARABIC_STOPS)) return -1;
  return comma + 1;
}

/**
 * The subject of an Arabic sentence that starts with its verb (سخر المتحدث…، وعلق أدرعي على…):
 * the words after the first one, before word `upTo` of `head` (the sentence up to the quote).
 */
function sentenceSubject(head: Token[], upTo: number, quotes: readonly Span[] = []): Span | null {
  // A dateline before the news: «دبي، الإمارات (CNN)-- انتقد…».
  let dash = head.slice(0, 15).findIndex((t) => /^[-–—]$/u.test(t.text));
  // (- 12 مايو: وزير الخارجية… يزور: a timeline's date before the colon is not the sentence's.)
  const dated = dash >= 0 ? head.findIndex((t, i) => i > dash && i <= dash + 6 && t.text === ':') : -1;
  if (dated > 0 && head.slice(dash + 1, dated).some((t) => /^\d/u.test(t.text))) dash = dated;
  let f = head.findIndex((t, i) => t.word && i > dash);
  // (قد before the verb is a particle of it: وقد قررت المهندسة…، قائلة; so is the negation: ولم تنف المهندسة….)
  // (And ثم, "then": ثم سئل عن…، فأجاب opens with سئل; and كذلك, "also": كذلك جاء في التقرير أن «…» opens with جاء,
  // not a subject جاء after a verb كذلك.)
  // (So is كما, "also", before a verb the quote hangs on: كما تنص شروط الاستخدام على ألا «…»; not كما أن, "also, X
  // …", a clause, nor before a verb of saying or a participle further on, كما نشرت X صورة…، وكتبت: «…», whose subject
  // is read from there: 5 of the corpus's reads ran the subject on into the object, عيدان صورة ومقطع.)
  const also =
    /^[وف]?كما$/u.test(head[f]?.folded ?? '') &&
    !COMPLEMENTIZERS.has(head[f + 1]?.folded ?? '') &&
    !head.slice(f + 2).some((t) => t.word && (isSayingVerb(t.folded) || isParticiple(t.folded)));
  if ((/^[وف]?(قد|لقد|لم|لن|ثم|كذلك)$/u.test(head[f]?.folded ?? '') || also) && head[f + 1]?.word) f++;
  if (f < 0 || f + 1 >= upTo || !isArabic(head[f].text)) return null;
  // (Nor a sentence that opens inside a quotation found: وقال «… والصحة تواصل جهودها …»، مؤكدا أن: the words in the
  // marks are no subject of مؤكدا. okaz-76.)
  if (quotes.some((q) => q.start <= head[f].start && head[f].end <= q.end)) return null;
  // وفي سياق متصل، نددت X…، إلى ذلك، قال…: a phrase in a preposition before the first comma opens the sentence;
  // its verb comes after the comma.
  const comma = head.findIndex((t, i) => i > f && i <= f + 5 && t.text === '،');
  if (inSet(head[f].folded, OPENING_PREPOSITIONS) && comma > 0 && head.slice(f, comma).every((t) => t.word)) {
    f = comma + 1;
    if (f + 1 >= upTo || !head[f].word || !isArabic(head[f].text)) return null;
  } else {
    const opening = openingPhraseEnd(head, f, upTo);
    if (opening > f) f = opening;
  }
  // على الرغم من مطالب الرئيس بالكشف عن كاتبها، فقد انتقدت المتحدثة X، قائلة: a concession however long opens the
  // sentence; its main clause, and its verb, come after the comma, with فقد.
  const concession =
    /^[وف]?(رغم|بالرغم)$/u.test(head[f].folded) ||
    (/^[وف]?علي$/u.test(head[f].folded) && head[f + 1]?.folded === 'الرغم');
  const main = concession ? head.findIndex((t, i) => i > f && i < upTo && t.text === '،') : -1;
  if (main > 0 && /^[وف](قد|لقد)$/u.test(head[main + 1]?.folded ?? '') && head[main + 2]?.word && main + 2 < upTo)
    f = main + 2;
  // وتأتي هذه التطورات في الوقت الذي توقعت فيه شركة X …، وقالت: an event "comes" (يأتي / تأتي), no one's words; who
  // spoke is the subject of the first verb of its time clause (بعد أن نشرت X، الذي توقعت فيه X) or of the verbal
  // noun of saying in it (بعد ساعات من إعلان X أن).
  if (/^[وف]?(تاتي|ياتي)$/u.test(head[f].folded)) {
    const clause = head.slice(0, upTo);
    for (let i = f + 2; i < upTo - 1; i++) {
      const t = head[i];
      const prev = head[i - 1].folded;
      let at = -1;
      if (t.word && /^(ان|بعدما|عندما|حين)$/u.test(prev) && !inSet(t.folded, NOT_A_VERB)) at = i + 1;
      else if (t.word && /^(الذي|التي|وقت)$/u.test(prev) && /^(فيه|فيها)$/u.test(head[i + 1].folded)) at = i + 2;
      else if (/^(اعلان|تاكيد|تصريح|تصريحات)$/u.test(t.folded) && head[i + 1].word) at = i + 1;
      if (at < 0 || at >= upTo) continue;
      // (A body's name in marks, نشرت «بوكو حرام» شريطا: the words between the marks.)
      if (QUOTE_MARK.test(head[at].text)) {
        let close = at + 1;
        while (close < upTo && head[close].word && close - at <= 5) close++;
        if (close > at + 1 && close < upTo && QUOTE_MARK.test(head[close].text))
          return { start: head[at + 1].start, end: head[close - 1].end };
      }
      const s = subjectAfter(clause, at, quotes);
      return s && typeof s === 'object' ? s : null;
    }
    return null;
  }
  const kana = subjectOfKana(head, f, upTo);
  if (kana) return kana;
  // وتصف مادة السكر بـ«الرائعة»، وتقول: «…»: a sentence that opens with وصف, nothing on it, and the thing described
  // after it has no subject of its own (a pronoun: the one who spoke last); the thing is no speaker.
  if (DESCRIBE.test(head[f].folded) && describedBy(head.slice(0, upTo), f) === 'person') return null;
  // وجاء في بيان لشركة النور أن…، واصفة إياه بأنه «…»: the text the sentence opens with, or the one it is of.
  const text = textSaidIn(head.slice(0, upTo), f);
  if (text) return text;
  // ومن بين المنتقدين مارك هاريس، الكاتب في…، وغرد قائلا: "among the critics, NAME": the one named after the group.
  if (/^[وف]?من$/u.test(head[f].folded) && head[f + 1]?.folded === 'بين' && head[f + 2]?.word && f + 3 < upTo) {
    const s = subjectAfter(head.slice(0, upTo), f + 3, quotes);
    return typeof s === 'object' ? s : null;
  }
  // أما المديرة NAME فهي…، مشيرة إلى أن «…»: the topic fronted with أما, up to the ف of its comment, is the subject of
  // the sentence (Arabic's topic and comment: أما X فـ…).
  // (The comment's ف is on a pronoun, a particle or a verb of saying; فهد and فاطمة are names.)
  const opensComment = (t: Token | undefined) =>
    !!t?.word &&
    (/^ف(هو|هي|هم|هن|ان|انه|انها|قد|لم|لا|لن|ليس|ليست|كان|كانت|يري|تري)$/u.test(t.folded) ||
      (/^ف/u.test(t.folded) && isSayingVerb(t.folded)));
  if (/^و?اما$/u.test(head[f].folded)) {
    let j = f + 1;
    while (j < upTo && j <= f + 7 && head[j].word && !opensComment(head[j]) && isArabic(head[j].text)) j++;
    // (Only a topic that may be someone: a title noun or a name, not العملة or أصعب ما صادفته.)
    const who = head[f + 1].folded;
    const someone = isArabicTitleNoun(who) || !(/^(ال|بخصوص|بشان|في|عن|من)/u.test(who) || inSet(who, NOT_A_VERB));
    // أما NAME، مساعد الوزير، فطرح سؤالا حول «…»: a comma then a word in ف opens the comment, whatever its verb; the
    // topic is the words before the first comma (an apposition between the commas is its role).
    let c = j;
    while (c < upTo && c <= j + 14 && (head[c].word || head[c].text === '،') && !/^ف/u.test(head[c].folded)) c++;
    const afterComma = head[j]?.text === '،' && head[c - 1]?.text === '،' && /^ف\p{L}{2,}/u.test(head[c]?.folded);
    // (No particle, pronoun or attribution in it: أما أصعب ما صادفته، هذا حسب قولها، فهو… is no one.)
    const plain = head.slice(f + 1, c).every((t) => !t.word || !inSet(t.folded, NOT_A_NOUN_PHRASE));
    if (afterComma && j > f + 1 && someone && plain) return { start: head[f + 1].start, end: head[j - 1].end };
    const comment = opensComment(head[j]);
    return j > f + 1 && comment && someone ? { start: head[f + 1].start, end: head[j - 1].end } : null;
  }
  // لكن الخبير X يرى أن…، معتبرا: after لكن, a noun in ال is the sentence's subject, put before its verb.
  if (/^و?لكن$/u.test(head[f].folded) && /^ال/u.test(head[f + 1].folded)) {
    const s = subjectAfter(head.slice(0, upTo), f + 1, quotes);
    return typeof s === 'object' ? s : null;
  }
  // (So is a name of one to three words right before a verb in the present, لكن NAME يود …، قائلا: dev12's موسك
  // read as the one who spoke last; quotes45.)
  const named = /^و?لكن$/u.test(head[f].folded) ? nameBeforePresent(head, f + 1, upTo) : null;
  if (named) return named;
  // (ولديه عملاء …: a sentence that opens with لديه، عنده، له, "he has", has no verb; what is had is no subject.
  // dev12's عملاء; quotes45.)
  if (/^[وف]?(لدي|عند|ل)(ه|ها|هم|هما)$/u.test(head[f].folded)) return null;
  // سلمى التي التقتها الصحيفة في المعرض…، أكدت أنها…: a sentence that opens with a name (or a noun in ال) and a
  // relative clause on it names its subject first; the verb comes after the clause.
  const who = head.findIndex((t, i) => i > f && i <= f + 3 && /^(الذي|التي|الذين)$/u.test(t.folded));
  if (who > f && opensLine(head, f) && who < upTo) {
    const words = head.slice(f, who);
    const noun = (w: Token) => /^ال/u.test(w.folded) || isNameWord(w, 0, [w]) || isArabicTitleNoun(w.text);
    // (Not a verb joined by و / ف, وانتقد منير الإساءات التي…: the clause is on its object.)
    const joined = /^[وف]/u.test(words[0].folded) && !/^[وف]ال/u.test(words[0].folded);
    const plain = words.every((w) => w.word && noun(w) && !inSet(w.folded, NOT_A_VERB) && !isSayingVerb(w.folded));
    if (plain && !joined) return { start: words[0].start, end: words[words.length - 1].end };
  }
  // (الملك سلمان يعرب عن «…»: a line that opens with its subject, then its verb in the present.)
  const verb = head.findIndex((t, i) => i > f && i < Math.min(upTo, f + 7) && isPresentVerb(t));
  const nominal = verb > f && opensLine(head, f) ? openingNounPhrase(head.slice(f, verb)) : null;
  if (nominal) return nominal;
  // (A noun in ال opens no verb; a verb in أل does, ألقى X خطابا، مشيرا إلى «…»: the text, not the folded word, tells.)
  if (inSet(head[f].folded, NOT_A_VERB) || isParticiple(head[f].folded) || /^(ال|وال)/u.test(head[f].text)) return null;
  const s = subjectAfter(head.slice(0, upTo), f + 1, quotes);
  return s === 'pronoun' || s === 'person' ? null : s;
}

/**
 * وكان X قد أبدى سعادته…: the subject between كان at `f` and قد, whatever the verb after قد (a name in
 * quotation marks may be part of it: وكانت «نوكيا» قد…); null when `f` is no كان or no قد follows within eight words.
 */
function subjectOfKana(head: Token[], f: number, upTo: number): Span | null {
  if (!/^[وف]?كان(ت|وا)?$/u.test(head[f]?.folded ?? '')) return null;
  for (let j = f + 1; j < Math.min(upTo, f + 10); j++) {
    if (/^(قد|لقد)$/u.test(head[j].folded)) {
      const words = head.slice(f + 1, j).filter((t) => t.word);
      return words.length > 0 ? { start: words[0].start, end: words[words.length - 1].end } : null;
    }
    // (وكانت قوات الدفاع الشعبي، الجناح العسكري للحزب، دانت في بيان…، معتبرة: with no قد, a past verb of كانت's
    // gender, or كانوا's number, ends the subject: دانت, أعلنوا.)
    const stem = head[j].folded;
    const feminine =
      /^[وف]?كانت$/u.test(head[f].folded) && /^[\u0621-\u064A]{2,5}ت$/u.test(stem) && !/^(ال|[وف]ال)|ات$/u.test(stem);
    const plural = /^[وف]?كانوا$/u.test(head[f].folded) && /^[\u0621-\u064A]{2,5}وا$/u.test(stem);
    if (
      j > f + 1 &&
      (feminine || plural) &&
      !inSet(stem, NOT_A_VERB) &&
      !inSet(stem, TITLES) &&
      !inSet(stem, ARABIC_STOPS)
    ) {
      const words = head.slice(f + 1, j).filter((t) => t.word);
      // (No relative clause or pronoun in it: وكانت النشاطات التي قام بها … هي التي غذت is no one.)
      const plain = words.every((w) => !inSet(w.folded, ARABIC_STOPS) && !/^(الذي|التي|الذين)$/u.test(w.folded));
      return plain ? { start: words[0].start, end: words[words.length - 1].end } : null;
    }
    if (!head[j].word && !QUOTE_MARK.test(head[j].text) && head[j].text !== '،') return null;
  }
  return null;
}

/** Words an English sentence's subject does not start with. */
const NOT_AN_ENGLISH_SUBJECT = new Set(
  (
    'in on at for from with by to of as if when while but and so yet after before since there it this that ' +
    'these those what how why'
  ).split(' '),
);

/** The subject of an English sentence: up to four words from its start, before a verb in -s / -ed. */
function englishSubject(head: Token[]): Span | null {
  // (An acronym in brackets after the name is no word of it: "The Federal Trade Commission (FTC) offers advice …,
  // warning Americans to “…”", dev38, read no subject in five words and fell back to the one who spoke last.)
  const words = head.filter(
    (t, i) => t.word && !(head[i - 1]?.text === '(' && head[i + 1]?.text === ')' && /^\p{Lu}{2,}$/u.test(t.text)),
  );
  if (words.length < 2 || isArabic(words[0].text) || !/^\p{Lu}/u.test(words[0].text)) return null;
  if (NOT_AN_ENGLISH_SUBJECT.has(words[0].folded) || isPronoun(words[0].folded)) return null;
  for (let k = 1; k < Math.min(words.length, 5); k++) {
    if (/^\p{Lu}/u.test(words[k].text)) continue;
    if (words[k].text.length > 3 && /(s|ed)$/u.test(words[k].text) && !/ss$/u.test(words[k].text))
      return { start: words[0].start, end: words[k - 1].end };
    if (/^(is|are|was|were|has|have|had|will|would|can|could)$/u.test(words[k].folded))
      return { start: words[0].start, end: words[k - 1].end };
    if (!/^(the|a|an)$/u.test(words[k - 1].folded) || k > 2) return null;
  }
  return null;
}

/**
 * The verb at `j` is inside reported content: an إن / أن after an earlier verb of saying comes
 * before it in its clause (قالت نورا إن الأسد اعترف بكل وضوح…، مشيرة: اعترف is what she said).
 */
function insideReported(head: Token[], j: number): boolean {
  for (let c = j - 1; c >= 0 && head[c].text !== '،'; c--)
    if (COMPLEMENTIZERS.has(head[c].folded)) return head.slice(0, c).some((t) => t.word && isSayingVerb(t.folded));
  return false;
}

/**
 * Which words of `head` (a sentence up to a quote's opening mark) are inside an earlier quotation: a verb of saying
 * there is the speaker's own word («…التي زعمت أننا…»، مؤكدا أنه «…»), no attribution. A word is inside when the
 * first mark after it closes a pair (» ”), or an odd number of straight marks " follow it before any other.
 * (One pass from the end: the quote's own opening mark, last, is left out.)
 */
function quotedTokens(head: Token[]): boolean[] {
  const end = head.length > 0 && QUOTE_MARK.test(head[head.length - 1].text) ? head.length - 1 : head.length;
  const inside = new Array<boolean>(head.length).fill(false);
  let curly = '';
  let straight = 0;
  for (let c = end - 1; c >= 0; c--) {
    inside[c] = curly ? curly === '»' || curly === '”' : straight % 2 === 1;
    const mark = head[c].text;
    if (mark === '»' || mark === '”' || mark === '«' || mark === '“') [curly, straight] = [mark, 0];
    else if (mark === '"') straight++;
  }
  return inside;
}

/**
 * "…, with Morales explaining, “…”": the name between "with" and an English participle of saying at `k` is its
 * subject (capitalised words only).
 */
function withSubject(head: Token[], k: number): Span | null {
  let n = k - 1;
  while (n >= 0 && head[n].word && /^\p{Lu}/u.test(head[n].text) && k - n <= 4) n--;
  if (n === k - 1 || head[n]?.folded !== 'with') return null;
  return { start: head[n + 1].start, end: head[k - 1].end };
}

/**
 * The subject of the verb that opens the Arabic clause right before a participle of saying
 * (وأثنى مرسي على زيارة الأعضاء، مؤكدا أن…: مرسي), when that clause starts with و / ف and a verb,
 * and is not itself inside reported content (no إن / أن before it in the sentence).
 */
function clauseVerbSubject(head: Token[], k: number): Span | null {
  const end = head[k - 1]?.text === '،' ? k - 1 : k;
  let start = end - 1;
  while (start >= 0 && head[start].text !== '،') start--;
  start++;
  // (…، قبل أن يعلق X قائلا: «…»: a time clause's verb right before the participle, at a long sentence's end, has
  // its own subject. dev41, 1.)
  const time = /^[وف]?(قبل|بعد)$/u.test(head[start]?.folded ?? '') && /^(ان|ما)$/u.test(head[start + 1]?.folded ?? '');
  if (time && head[start + 2]?.word && isSayingVerb(head[start + 2].folded) && start + 3 < end) {
    const s = subjectAfter(head.slice(0, end), start + 3);
    if (s && typeof s === 'object') return s;
  }
  const first = head[start];
  if (!first?.word || !isArabic(first.text) || !/^[وف]/u.test(first.text)) return null;
  // (وأضاف: «… ميل، وجهدا إضافيا للدفاع…»، مؤكدا أن: a clause that ends a quotation is its words, not a verb's.)
  if (head.slice(start, end).some((t) => QUOTE_MARK.test(t.text))) return null;
  const kana = subjectOfKana(head, start, end);
  if (kana) return kana;
  if (inSet(first.folded, NOT_A_VERB) || /^[وف]ال/u.test(first.folded) || isParticiple(first.folded)) return null;
  if (head.slice(0, start).some((t) => COMPLEMENTIZERS.has(t.folded))) return null;
  const s = subjectAfter(head.slice(0, end), start + 1);
  return typeof s === 'object' ? s : null;
}

/**
 * "Most schools are closed, and the federal government is allowing districts to hand out meals “…”": a quotation with
 * no verb of saying after a clause joined by ", and" / ", but" is that clause's subject's (the, a or an and up to three
 * words, then its verb: a form of be or have, will, or a word in -s / -ed).
 */
function andClauseSubject(head: Token[]): Span | null {
  let c = head.length - 2;
  while (c >= 0 && !(head[c].text === ',' && /^(and|but)$/u.test(head[c + 1].folded))) c--;
  if (c < 0) return null;
  const words = head.slice(c + 2).filter((t) => t.word);
  if (words.length < 3 || !/^(the|a|an)$/u.test(words[0].folded) || isArabic(words[0].text)) return null;
  for (let k = 2; k < Math.min(words.length, 5); k++) {
    const w = words[k].text;
    const verb =
      /^(is|are|was|were|has|have|had|will|would)$/u.test(words[k].folded) ||
      (w.length > 3 && /^\p{Ll}/u.test(w) && /(s|ed)$/u.test(w) && !/ss$/u.test(w));
    if (verb) return { start: words[0].start, end: words[k - 1].end };
  }
  return null;
}

/**
 * The subject of the English clause right before a quotation, after the sentence's last comma:
 * a name of two or more capitalised words, with at most two words of title before it, then a
 * verb in -s / -ed ("In Milwaukee, at two locations, owner David Dupee plans to “…”").
 */
function clauseSubject(head: Token[]): Span | null {
  const comma = head.map((t) => t.text).lastIndexOf(',');
  const words = head.slice(comma + 1).filter((t) => t.word);
  const first = words.findIndex((w) => /^\p{Lu}/u.test(w.text));
  if (first < 0 || first > 2 || isArabic(words[first].text)) return null;
  if (words.slice(0, first).some((w) => !/^\p{Ll}/u.test(w.text) || NOT_AN_ENGLISH_SUBJECT.has(w.folded))) return null;
  let end = first;
  while (end < words.length && /^\p{Lu}/u.test(words[end].text)) end++;
  const verb = words[end]?.text ?? '';
  // (One word will do right after the comma, where a capital is a name's: "In his statement, Park touted…".)
  const one = end - first === 1 && first === 0 && comma >= 0 && !NOT_AN_ENGLISH_SUBJECT.has(words[0].folded);
  if ((end - first < 2 && !(one && !isPronoun(words[0].folded))) || verb.length <= 3) return null;
  if (!/(s|ed)$/u.test(verb) || /ss$/u.test(verb)) return null;
  return { start: words[first].start, end: words[end - 1].end };
}

/**
 * The subject of the clause before the feminine verb of saying at `k` (وقالت، فأضافت) that joins it
 * with و / ف, when that clause opens, at most eight words before, with a feminine past verb after
 * و / ف / ثم / a comma (واقتربت مني إحدى المدرسات وقالت): the one who did it said the words.
 */
function joinedClauseSubject(head: Token[], k: number): Span | null {
  const said = head[k].folded;
  // (A plural, ولفتوا، is not one man's verb: ونصحوا بإجراء … ولفتوا read بإجراء as a name.)
  const singular = /^[وف]/u.test(said) && !/(وا|ون)$/u.test(said);
  if (!/^[وف].{2,}ت$/u.test(said)) return singular ? joinedMasculineSubject(head, k) : null;
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    const t = head[j];
    if (!t.word || !isArabic(t.text)) return null;
    const joined = /^[وف]/u.test(t.folded) || /^(ثم|،)$/u.test(head[j - 1]?.folded ?? '');
    const stem = /^[وف]/u.test(t.folded) ? t.folded.slice(1) : t.folded;
    const verb = /^.{2,6}ت$/u.test(stem) && !/ات$/u.test(stem) && !/^ال/u.test(stem);
    if (!joined || !verb || inSet(t.folded, NOT_A_VERB) || inSet(stem, TITLES) || isSayingVerb(t.folded)) continue;
    const s = subjectAfter(head.slice(0, k), j + 1);
    return typeof s === 'object' ? s : null;
  }
  return null;
}

/**
 * وأبدى المدرب NAME رضاه عن …، وقال: «…»: a masculine verb of saying joined by و / ف with no subject of its own, after
 * a comma that ends a clause opening with و / ف and a past verb (not of saying) whose subject is a person (a title or a
 * word in ال, then a name; or a name of one to three words), sixteen words at most before it: that one said the words.
 * (No quotation, verb of saying, إن / أن or other comma between: the clause is narration of what the subject did.)
 */
function joinedMasculineSubject(head: Token[], k: number): Span | null {
  const comma = head[k - 1]?.text === '،' ? 1 : 0;
  for (let j = k - 1 - comma; j >= 0 && k - j <= 16; j--) {
    const t = head[j];
    if (!t.word || !isArabic(t.text) || isSayingVerb(t.folded) || isParticiple(t.folded)) return null;
    if (COMPLEMENTIZERS.has(t.folded)) return null;
    if (!/^[وف][\u0621-\u064A]{3,5}$/u.test(t.folded) || /^[وف](ال|لل|ب|ل)/u.test(t.folded)) continue;
    if (inSet(t.folded, NOT_A_VERB) || inSet(t.folded.slice(1), TITLES)) continue;
    // (The clause opens the sentence or follows a comma: وبمشاركة X، وأبدى المدرب …)
    if (j > 0 && head[j - 1].text !== '،') continue;
    const s = subjectAfter(head.slice(0, k - comma), j + 1);
    if (!s || typeof s !== 'object' || s.start !== head[j + 1].start) return null;
    const words = head.filter((w) => w.start >= s.start && w.end <= s.end && w.word);
    const titled = words.length >= 2 && (inSet(words[0].folded, TITLES) || /^ال/u.test(words[0].folded));
    // (A name alone is the whole subject read, three words at most: راموس صورة قميص X is a verb's subject and object.)
    if (!titled && words.length > 3) return null;
    // (The name's words after a title, up to the verb's object: وزار الوزير NAME المدينة. A name with no title is the
    // whole read or nothing: in ونشر NAME صورة القميص no rule tells the name from its object.)
    const rest = words.slice(titled ? 1 : 0);
    let n = 0;
    while (n < rest.length && n < 3 && isNameWord(rest[n], n, rest)) n++;
    if (n === 0 || (!titled && n < rest.length)) return null;
    return { start: words[0].start, end: rest[n - 1].end };
  }
  return null;
}

/**
 * The author of a saying quoted after a colon: بمقولة / بقول / من قولة, then the author (a title in ال and a name, six
 * words at most, no particle) and the colon right before the quote's mark; else null.
 */
function quotedSaying(head: Token[], quotes: readonly Span[]): Span | null {
  const n = head.length;
  if (n < 4 || !QUOTE_MARK.test(head[n - 1].text) || head[n - 2].text !== ':') return null;
  const saying = head.findLastIndex((t, i) => i < n - 3 && n - 3 - i < 6 && /^[بلو]?م?(قول|قولة)$/u.test(t.text));
  if (saying < 0 || head.slice(saying + 1, n - 2).some((t) => !t.word || inSet(t.folded, ARABIC_STOPS))) return null;
  const s = subjectAfter(head.slice(0, n - 2), saying + 1, quotes);
  return s && typeof s === 'object' ? s : null;
}

/**
 * The subject put before its verb after لكن / إن: a name of one to three words from `from`, or one word in ال, right
 * before a verb in the present (لكن NAME يود، فإن الشركة تحث), within `upTo`; else null.
 */
function nameBeforePresent(head: Token[], from: number, upTo: number): Span | null {
  const present = head.findIndex((t, i) => i > from && i <= from + 3 && i < upTo && isPresentVerb(t));
  if (present < 0) return null;
  const name = head.slice(from, present);
  const one = name.length === 1 && /^ال\p{L}{2,}$/u.test(name[0].folded) && !isSayingVerb(name[0].folded);
  return one || name.every((w, i) => w.word && isNameWord(w, i, name))
    ? { start: name[0].start, end: name[name.length - 1].end }
    : null;
}

/**
 * للمخرج NAME، الذي التقته كاميرا القناة متحدثا عن فيلمه وقال: «…»: a verb of saying joined by و / ف with no subject
 * of its own, in a relative clause on a name (after a comma; no comma, colon or other verb of saying between, fifteen
 * words at most), goes on with the relative pronoun, whose verb it agrees with (قال with الذي, قالت with التي): the
 * antecedent, read as for NAME، الذي قال. Else null. (dev23's أحمد عامر, read as the one who spoke last; quotes45.)
 */
function relativeAntecedent(head: Token[], k: number): Span | null {
  if (!/^[وف]/u.test(head[k].folded)) return null;
  for (let j = k - 1; j > 0 && k - j <= 16; j--) {
    const t = head[j];
    if (QUOTE_MARK.test(t.text)) continue; // (a name in marks: كاميرا قناة "العربية")
    if (!t.word || isSayingVerb(t.folded)) return null;
    if (!/^(الذي|التي)$/u.test(t.folded)) continue;
    const stem = head[k].folded.slice(1);
    const feminine = /ت$/u.test(stem) || /^ت/u.test(stem);
    if (head[j - 1].text !== '،' || feminine !== (t.folded === 'التي') || j + 1 >= k) return null;
    const s = subjectBefore(head, j + 1);
    return s && typeof s === 'object' ? s : null;
  }
  return null;
}

/**
 * فما كان من NAME إلا أنه أجابه قائلا / إلا أن قال: "NAME did nothing but answer": the words between من and إلا (six at
 * most, within fourteen words before the verb at `k`) name the one who did what follows, an idiom any Arabic writer
 * uses; else null. (dev24's علاء ولي الدين, read as the one who asked; quotes45.)
 */
function nothingButSubject(head: Token[], k: number): Span | null {
  const but = head.findLastIndex((t, j) => j < k && k - j <= 14 && t.folded === 'الا');
  if (but < 0) return null;
  for (let m = but - 2; m >= 2 && but - m <= 7; m--) {
    if (head[m].folded !== 'من' || head[m - 1].folded !== 'كان' || !/^[وف]?ما$/u.test(head[m - 2].folded)) continue;
    const name = head.slice(m + 1, but);
    return name.every((w) => w.word) ? { start: name[0].start, end: name[name.length - 1].end } : null;
  }
  return null;
}

/** The pronoun on لكن or إلا أن / غير أن right before the verb at `k` (لكنه، ولكنها، إلا أنهم), or null. */
function onPronounOfBut(head: Token[], k: number): RegExpExecArray | null {
  const on = /^[وف]?(لكن|ان)(ه|ها|هم)$/u.exec(head[k - 1]?.folded ?? '');
  return !on || (on[1] === 'ان' && !/^[وف]?(الا|غير|بيد)$/u.test(head[k - 2]?.folded ?? '')) ? null : on;
}

/**
 * لكنها حذرت من أن «…» after وأظهرت الوثائق أن الحكومة أكدت …: a verb of saying at `k` whose subject is the pronoun
 * on لكن or إلا أن right before it (لكنه، لكنها، إلا أنهم) goes on with the one who said something last in the
 * sentence, when that verb agrees with the pronoun (أكدت, feminine, for ها), not with the sentence's subject (the
 * documents, which showed): that verb's subject, the noun between إن / أن and it or the one after it; else null.
 */
function pronounSubject(head: Token[], k: number, quoted: boolean[]): Span | null {
  const on = onPronounOfBut(head, k);
  if (!on) return null;
  for (let j = k - 2; j >= 0; j--) {
    const t = head[j];
    if (!t.word || quoted[j] || !isArabic(t.text) || !isSayingVerb(t.folded)) continue;
    const stem = t.folded.replace(/^[وف]/u, '');
    const plural = /(وا|ون)$/u.test(stem);
    const feminine = !plural && (/ت$/u.test(stem) || /^ت/u.test(stem));
    const agrees = on[2] === 'ها' ? feminine : on[2] === 'هم' ? plural : !feminine && !plural;
    if (!agrees) return null;
    // (أن الحكومة أكدت: the subject before the verb, right after إن / أن.)
    const that = head.slice(Math.max(0, j - 5), j).findLastIndex((x) => COMPLEMENTIZERS.has(x.folded));
    const from = that < 0 ? -1 : Math.max(0, j - 5) + that + 1;
    const between = from < 0 ? [] : head.slice(from, j);
    if (between.length > 0 && between.every((x) => x.word && !inSet(x.folded, ARABIC_STOPS)))
      return { start: between[0].start, end: between[between.length - 1].end };
    const s = subjectAfter(head.slice(0, k - 1), j + 1);
    return typeof s === 'object' ? s : null;
  }
  return null;
}

/** Nouns of a text something is written in (البيان، التقرير، الرسالة…), folded, after ال. */
const TEXT_NOUN = /^ال(بيان|تقرير|رسال|نص|وثيق|مذكر|خطاب|تغريد|منشور|شهاد|قرار|كلم|مقال|كتاب|دراس)/u;
/** The words of بهذه الكلمات / بهذه العبارة: a quotation's attribution after it, as هكذا. */
const THESE_WORDS = /^(?:الكلمات|الكلمه|الكلمة|العبارة|العباره|العبارات|الجملة|الجمله)$/u;
/** A text with no ال that names its author (بيان صادر عن…، تقرير لـ…): the same nouns, folded. */
/**
 * Where a name in ل starts (وفقا لبول → بول): after its ل, but a word in لل (للمصادر، للبيان) is the noun in
 * ال with its ال elided, kept whole as the gold marks it (لمصادر was no word: the scorer read it as another
 * speaker than المصادر).
 */
const afterL = (t: Token) => (/^لل/u.test(t.folded) ? t.start : t.start + 1);

const A_TEXT_NOUN = /^(بيان|تقرير|رسال|وثيق|مذكر|خطاب|تغريد|منشور|دراس)/u;

/**
 * وجاء في البيان المشترك: «…» / ورد في التقرير: the text after جاء في / ورد في at `k` of `head`, with the words in
 * ال that describe it (المشترك، السنوي), or a text with no ال with who it comes from (بيان صادر عن X), or null.
 */
function textSaidIn(head: Token[], k: number): Span | null {
  // (جاء ذلك في تغريدة لخاشقجي …، حيث قال: "that came in", the same text: dev34.)
  if (/^[وف]?(جاء|ورد)$/u.test(head[k].folded) && head[k + 1]?.folded === 'ذلك' && head[k + 2]?.folded === 'في') {
    const of = head[k + 4];
    if (!A_TEXT_NOUN.test(head[k + 3]?.folded ?? '') || !of?.word || !/^ل[\u0621-\u064A]{2,}/u.test(of.folded))
      return null;
    // (The name in ل and its words in ال only: بيان للخارجية الأمريكية وصل موقع X نسخة منه runs on past it.)
    let end = k + 4;
    while (end < k + 7 && head[end + 1]?.word && /^ال/u.test(head[end + 1].folded)) end++;
    return { start: /^لل/u.test(of.folded) ? of.start : of.start + 1, end: head[end].end };
  }
  if (!/^[وف]?(جاء|ورد)$/u.test(head[k].folded) || head[k + 1]?.folded !== 'في') return null;
  const noun = head[k + 2];
  if (!noun?.word) return null;
  // وجاء في بيان صادر عن وزراء الخارجية، أنهم "…": a text with no ال is named by the one it comes from.
  if (A_TEXT_NOUN.test(noun.folded) && /^(ال)?صادر(ه)?$/u.test(head[k + 3]?.folded ?? '')) {
    if (head[k + 4]?.folded !== 'عن') return null;
    let end = k + 4;
    while (end < k + 10 && head[end + 1]?.word && !inSet(head[end + 1].folded, ARABIC_STOPS)) end++;
    return end > k + 4 ? { start: noun.start, end: head[end].end } : null;
  }
  // وجاء في بيان مشترك أصدره الجانبان أنهما «…»: a text with no ال is named by the one who issued it (one or two
  // words of its own first, no preposition: بيان مشترك، بيان رسمي).
  if (A_TEXT_NOUN.test(noun.folded)) {
    const issued = head.findIndex(
      (t, i) => i > k + 2 && i <= k + 4 && /^(الذي|التي)?اصدر(ه|ته|ها|تها)$/u.test(t.folded),
    );
    const own = head.slice(k + 3, issued).every((t) => t.word && !inSet(t.folded, ARABIC_STOPS));
    const that = head.findIndex((t, i) => i > issued && (COMPLEMENTIZERS.has(t.folded) || /^ب?انهما$/u.test(t.folded)));
    const s = issued > 0 && own ? subjectAfter(that > 0 ? head.slice(0, that) : head, issued + 1) : null;
    if (s && typeof s === 'object') return s;
  }
  // وجاء في بيان لشركة النور أن…: a text with no ال in ل is named by the body or person it is of.
  const of = head[k + 3];
  if (A_TEXT_NOUN.test(noun.folded) && of?.word && /^ل[\u0621-\u064A]{2,}/u.test(of.folded)) {
    let end = k + 3;
    while (end < k + 7 && head[end + 1]?.word && !inSet(head[end + 1].folded, ARABIC_STOPS)) end++;
    // (للخارجية is الخارجية with its ال elided: the word is kept whole.)
    return { start: /^لل/u.test(of.folded) ? of.start : of.start + 1, end: head[end].end };
  }
  if (!TEXT_NOUN.test(noun.folded)) return null;
  let end = k + 2;
  while (
    end < k + 4 &&
    head[end + 1]?.word &&
    /^ال/u.test(head[end + 1].folded) &&
    !TEXT_NOUN.test(head[end + 1].folded)
  )
    end++;
  return { start: noun.start, end: head[end].end };
}

/** A verb of saying, a participle of one (مشيرة) or the noun قول: what brings in someone's words. */
function saysOrRelays(t: Token): boolean {
  return isSayingVerb(t.folded) || isParticiple(t.folded) || /^[وف]?(ب)?قول/u.test(t.folded);
}

/** Whether `word` stands on its own in `chars` (spaces or punctuation around it), other than at `not`. */
function hasWord(chars: readonly string[], word: string, not: number): boolean {
  const text = chars.join('');
  const bound = /[\s\p{P}]/u;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 || bound.test(text[at - 1]);
    const after = at + word.length >= text.length || bound.test(text[at + word.length]);
    if (before && after && Array.from(text.slice(0, at)).length !== not + 1) return true;
  }
  return false;
}

/** A verb of saying with its object on it, أكده، ذكرته، قالها، أوردها: what was said, pointed back to. */
function objectSaid(t: Token | undefined): boolean {
  const m = t?.word ? /^(.{2,})(ته|تها|ه|ها)$/u.exec(t.folded) : null;
  return !!m && (isSayingVerb(m[1]) || isSayingVerb(`${m[1]}ت`));
}

/** وصف with the thing described on it (وصفه، يصفها، تصفه). */
const DESCRIBE_IT = /^(وصف|يصف|تصف|وصفت)(ه|ها|هم|ته|تها)$/u;

/** وصف and its forms, with the thing described on it or not (وصفها، ووصف، يصفه، وصفته). */
const DESCRIBE = /^[وف]?(وصف|يصف|تصف|وصفت|وصفوا|يصفون)(ه|ها|هم|هما|ته|تها)?$/u;

/**
 * The subject of a وصف … بأن (وصفها X بأنها…) at `k` of `head`, with بأن within six words after it;
 * undefined when `k` is no such verb. With nothing on the verb, a single word before بأن is the thing
 * described, and the subject is a pronoun.
 */
function describedBy(head: Token[], k: number): Subject | undefined {
  const m = DESCRIBE.exec(head[k].folded);
  if (!m) return undefined;
  // ووصف نفسه بأنه «…»: نفسه is the one described, never the subject; the verb's subject is the one who spoke last.
  if (/^نفس(ه|ها|هم|هما)$/u.test(head[k + 1]?.folded ?? '')) return 'person';
  // (Or بـ before a quotation, وتصف مادة السكر بـ«الرائعة»: "as «…»", the words it is described with.)
  const that = head.findIndex(
    (t, i) =>
      i > k &&
      i <= k + 6 &&
      (/^ب(ان|انه|انها|انهم)$/u.test(t.folded) || (/^بـ?$/u.test(t.text) && QUOTE_MARK.test(head[i + 1]?.text ?? ''))),
  );
  if (that < 0 || head.slice(k + 1, that).some((t) => !t.word)) return undefined;
  // (Nor when a preposition follows the thing described: ووصف أثر الدواء على المرضى بأنه.)
  const stop = head.slice(k + 2, that).some((t) => inSet(t.folded, ARABIC_STOPS));
  // (Nor a noun in ال with its adjectives and no title, ووصف المؤتمر المقترح بأنه: the thing described, no subject.)
  // (Or a noun in ة and its genitive, وتصف مادة السكر بـ: one noun phrase, the verb's object; no title first. Not
  // any word first: وصف شكريلي النيابة بـ is a name, then the object.)
  const described =
    head.slice(k + 1, that).every((t, i) => /^ال/u.test(t.folded) || (i === 0 && that - k > 2 && /ة$/u.test(t.text))) &&
    !isArabicTitleNoun(head[k + 1].text);
  if (!m[2] && (that - k <= 2 || described || (stop && !inSet(head[k + 1].folded, TITLES)))) return 'person';
  return subjectAfter(head.slice(0, that), k + 1);
}

/**
 * The speaker of the quote at `quote`, from the words of its sentence, or `previous` when the
 * sentence points back (a pronoun, a participle, a verb with no subject), or null. "he" and "she"
 * point back to `person`, the last speaker who is a person (not "the ministry said"), when given. No subject runs into
 * one of `quotes`, the quotations found.
 */
export function speakerFromText(
  chars: readonly string[],
  quote: Span,
  previous: Span | null,
  person: Span | null = previous,
  previousAt: number = previous?.start ?? -1,
  all: readonly (Span & { kind?: string })[] = [],
): Span | null {
  if (inLink(chars, quote.start)) return null;
  // (Only the quotations within the words read, 400 before and 200 after: reading them all for each token cost 17% of
  // findQuotes' CPU time.)
  const quotes = all.filter((q) => q.end > quote.start - 400 && q.start < quote.end + 200);
  const before = tokensOf(chars, Math.max(0, quote.start - 400), quote.start);
  const after = tokensOf(chars, quote.end, Math.min(chars.length, quote.end + 200));
  // The sentence: back to the last sentence end before the quote, on to the first after it.
  let first = before.length;
  while (first > 0 && !SENTENCE_END.test(before[first - 1].text) && before[first - 1].text !== '\n') first--;
  // (الذي / التي never opens a sentence: the points before it are a pause, «كـ جورج برناردشو.. الذي قال:».)
  if (/^(الذي|التي)$/u.test(before[first]?.folded ?? '')) {
    let k = first;
    while (k > 0 && before[k - 1].text === '.') k--;
    while (k > 0 && !SENTENCE_END.test(before[k - 1].text) && before[k - 1].text !== '\n') k--;
    // (The pause's points go, so the subject runs back over them to the name.)
    if (k < first) before.splice(k, first - k, ...before.slice(k, first).filter((t) => t.text !== '.'));
    first = k;
  }
  // Nor inside a quotation: in «… بأكملها. لسنا طرفا…»، مؤكدا أنه «…» the sentence holds the whole first quotation.
  if (first < before.length && quotedTokens(before.slice(first))[0]) {
    let k = first - 1;
    while (k >= 0 && !/^[«“"]$/u.test(before[k].text)) k--;
    while (k > 0 && !SENTENCE_END.test(before[k - 1].text) && before[k - 1].text !== '\n') k--;
    if (k >= 0) first = k;
  }
  const head = before.slice(first);
  // (A word in one of the quotations found is quoted too, whatever its marks: “ وأكد … '' is a quotation the pairing
  // found and quotedTokens, reading « » “ ” " only, did not, so a participle after it took أكد's object inside it.)
  const quoted = quotedTokens(head).map(
    (q, k) => q || quotes.some((o) => o.start <= head[k].start && head[k].end <= o.end),
  );
  let last = 0;
  // Skip the closing mark and the punctuation the quote ends with.
  while (last < after.length && !after[last].word && !SENTENCE_END.test(after[last].text)) last++;
  let stop = last;
  while (stop < after.length && !SENTENCE_END.test(after[stop].text) && !QUOTE_MARK.test(after[stop].text)) stop++;
  // “…walls.” Acme paid…: an English quotation that ends with its full stop ends its sentence; what
  // follows it is a new sentence, not an attribution ("…,” she said; “…?” she asked).
  const ended = chars[quote.end - 1] === '.' && /[a-z]/iu.test(chars.slice(quote.start, quote.end).join(''));
  const tail = ended ? [] : after.slice(last, stop);
  // (A read that runs into a quotation found or out of one is no subject: …back down'' وقال إن, the closing marks glued
  // to the quotation's last word, read as the words before قال.)
  // (Not an indirect one: its bounds are loose, and a false one may hold the subject, NAME, …، said X “…”: dev33.)
  const intoQuote = (s: Span) => quotes.some((q) => q.kind !== 'indirect' && q.start < s.end && s.start < q.end);
  const resolve = (s: Subject): Span | null | undefined =>
    s === 'pronoun' ? previous : s === 'person' ? (person ?? previous) : s === null || intoQuote(s) ? undefined : s;
  // Mnuchin: 'No workers should …' to boost GDP: a headline that opens with a name (one to four capitalised words)
  // and a colon before the quotation is that one's words (the name was read run on into the quote; quotes42).
  const mark = head.findIndex((t) => t.text === ':');
  const headlineName =
    mark > 0 &&
    mark <= 4 &&
    !isArabic(head[0].text) &&
    head.slice(0, mark).every((t) => t.word && /^\p{Lu}/u.test(t.text)) &&
    head.slice(mark + 1).every((t) => QUOTE_MARK.test(t.text) || /^['‘]$/u.test(t.text)) &&
    // (Not when a verb of saying follows the quotation: "Coronavirus: 'We will not …', says health secretary", the
    // British papers' and the BBC's headline, names its topic before the colon and its speaker after the verb.)
    !(tail[0]?.word && isSayingVerb(tail[0].folded));
  if (headlineName && head.length > mark + 1) return { start: head[0].start, end: head[mark - 1].end };
  // 'What in God's name is he doing?': Biden rips Trump …: a headline's quotation that opens its paragraph, a colon
  // after it, is the words of the subject of what follows the colon.
  const colonAfter = after.slice(0, last).some((t) => t.text === ':');
  if (colonAfter && head.every((t) => !t.word) && tail[0] && !isArabic(tail[0].text)) {
    const s = englishSubject(tail);
    if (s) return s;
  }

  // "…".. هكذا جاءت تغريدة X / «…». هكذا تصف الشيف X: a quotation that opens its sentence, then "thus" and a verb
  // after its full stop, is the words of that verb's subject (the author of a text named first: تغريدة X is X's).
  const thus = after.findIndex((t) => t.word);
  const pointsOnly = after.slice(0, thus).every((t) => QUOTE_MARK.test(t.text) || /^[.…]+$/u.test(t.text));
  // (بهذه الكلمات علَّق X, "with these words X commented", as هكذا: dev32.)
  const lead =
    after[thus]?.folded === 'هكذا'
      ? 1
      : after[thus]?.folded === 'بهذه' && THESE_WORDS.test(after[thus + 1]?.folded ?? '')
        ? 2
        : 0;
  if (thus > 0 && pointsOnly && lead > 0 && after[thus + lead]?.word && head.every((t) => !t.word)) {
    const verb = thus + lead - 1;
    const text = A_TEXT_NOUN.test(after[verb + 2]?.folded ?? '') && after[verb + 3]?.word ? 3 : 2;
    const s = subjectAfter(after, verb + text, quotes);
    // (Only a read that starts right after the verb: هكذا تصف الشيف X طبيعة مهنتها التي تزاولها is read past it.)
    // (Or the name in apposition after the role the verb is followed by: بهذه الكلمات علَّق وكيل اللاعب، NAME، …)
    const from = after[verb + text]?.start;
    const between = after.filter((t) => t.start >= (from ?? 0) && s && typeof s === 'object' && t.start < s.start);
    const apposition =
      between.length > 1 &&
      between[between.length - 1].text === '،' &&
      between.every((t) => t.word || t === between[between.length - 1]);
    if (s && typeof s === 'object' && (s.start === from || apposition)) return s;
  }
  // After the quote: "…," Jones said / said Couri / قال المتحدث.
  // (“…,” as its director NAME put it: "put it" after "as" is a verb of saying, dev38.)
  const putIt = (k: number) =>
    tail[k].folded === 'put' && tail[k + 1]?.folded === 'it' && tail.slice(0, k).some((t) => t.folded === 'as');
  let v = tail.findIndex((t, k) => t.word && ((isSayingVerb(t.folded) && !isAttributive(tail, k)) || putIt(k)));
  // «…»، لافتا إلى أن الأسد يقر بـ…: a verb after a participle or إن / أن is what was said, not who said it.
  if (tail.slice(0, v).some((t) => isArabic(t.text) && (isParticiple(t.folded) || COMPLEMENTIZERS.has(t.folded))))
    v = -1;
  // «…»، متوعدا …، وهو الأمر الذي رد عليه X قائلا: a verb of saying in a relative clause with its own pronoun on a
  // preposition (رد عليه، علق عليه) answers what the sentence said; it does not attribute the quote before it.
  if (v > 0 && repliesInRelative(tail, v)) v = -1;
  // اعتبرت القنصلية أن الحريق «…»، حسبما نقلت وكالة فارس: the one who relayed the words (نقل after حسبما / كما)
  // did not say them, when the sentence before the quote has a verb of saying of its own.
  // (So is the one after حسبما أفادت / ذكرت / أوردت: أعلن العراق …، مضيفا أنه استهدف «…»، حسبما أفادت وكالة الأنباء.)
  const relayed =
    v > 0 &&
    ((/^نقل/u.test(tail[v].folded) && /^(حسبما|كما|ما)$/u.test(tail[v - 1].folded)) ||
      (/^(افاد|ذكر|اورد)/u.test(tail[v].folded) && /^(حسبما|ما)$/u.test(tail[v - 1].folded)));
  if (relayed && head.some((t, k) => t.word && !quoted[k] && (isSayingVerb(t.folded) || isParticiple(t.folded))))
    v = -1;
  // وقال ناشطون إن الهجوم «…»، فيما شدد X على أن…: a verb after فيما / بينما / في حين, "while", opens a clause of its
  // own, another one's words; the quote is the sentence's verb of saying before it.
  const whereas = tail
    .slice(0, Math.max(0, v))
    .some((t, i) => /^(فيما|بينما)$/u.test(t.folded) || (t.folded === 'في' && tail[i + 1]?.folded === 'حين'));
  if (whereas && head.some((t, k) => t.word && !quoted[k] && (isSayingVerb(t.folded) || isParticiple(t.folded))))
    v = -1;
  // "…, according to Feeding America.": the attribution after the reported words.
  const attributed = tail.findIndex((t, k) => t.folded === 'according' && tail[k + 1]?.folded === 'to');
  if (attributed >= 0 && (v < 0 || attributed < v)) {
    const s = resolve(subjectAfter(tail, attributed + 2, quotes));
    if (s) return s;
  }
  // «…»، وفق المصدر نفسه / بحسب الوكالة: the Arabic attribution after the words, right after the quote.
  // (Not وفقا لما جاء / بحسب ما كتبه: what was said, and by whom the verb after ما tells; nor وفق تعبيره / بحسب
  // قولها, "in his words": a noun with a pronoun points back to who said it.)
  const per = tail.findIndex((t, k) => k <= 1 && /^[وف]?(وفق|بحسب|حسب|وفقا|طبقا)$/u.test(t.folded));
  const pointsBack = (t: Token) => /^ل?ما$/u.test(t.folded) || /^(تعبير|قول|وصف|رواي|كلام|حديث|تصريح)/u.test(t.folded);
  // (وقال الموقع إنه يخزن الرسائل من أجل «…»، وفقا لبيان الخصوصية: the sentence's own verb of saying before the
  // quote, its last and the quote in its clause (one إن / أن between), names who said it; the text after وفقا is
  // where it was said, as with حسبما نقلت above. Not past a participle or another إن: كشفت X أن…، مشيرة إلى قول Y
  // إن … «…»، وفقا لY, nor a verb that relays, ذكرت الوكالة أن.)
  let said = head.length - 1;
  while (said >= 0 && !(head[said].word && !quoted[said] && isArabic(head[said].text) && saysOrRelays(head[said])))
    said--;
  const saidBefore =
    said >= 0 &&
    isSayingVerb(head[said].folded) &&
    !/^[وف]?(نقل|ذكر|اورد)/u.test(head[said].folded) &&
    head.slice(said + 1).filter((t) => COMPLEMENTIZERS.has(t.folded)).length <= 1;
  // (Nor a text after it, «…»، حسب البيان، after the sentence's own participle, مؤكدة أنه «…»: the text is where
  // the participle's subject said it.)
  const inText =
    per >= 0 &&
    TEXT_NOUN.test(tail[per + 1]?.folded.replace(/^لل/u, 'ال') ?? '') &&
    head.some((t, k) => t.word && !quoted[k] && isParticiple(t.folded));
  if (per >= 0 && !saidBefore && !inText && (v < 0 || per < v) && tail[per + 1]?.word && !pointsBack(tail[per + 1])) {
    const s = resolve(subjectAfter(tail, per + 1, quotes));
    // (وفقا لـX: the ل is not the name's; but للمصادر is المصادر with its ال elided, kept whole.)
    if (s && /^ل./u.test(tail[per + 1].folded) && s.start === tail[per + 1].start)
      return { start: afterL(tail[per + 1]), end: s.end };
    if (s) return s;
  }
  // «…»، حسب ما أكده X / حسبما ذكره X: a verb of saying with the words on it as its object (ه، ها، ته), after حسب ما,
  // has its subject after it, the one who said them (isSayingVerb reads no verb with an object on it).
  const whatSaid = tail.findIndex(
    (t, k) =>
      k <= 1 &&
      (/^[وف]?(وفق|بحسب|حسب|وفقا|طبقا)$/u.test(t.folded) && /^ل?ما$/u.test(tail[k + 1]?.folded ?? '')
        ? objectSaid(tail[k + 2])
        : /^(حسبما|كما)$/u.test(t.folded) && objectSaid(tail[k + 1])),
  );
  // (Only when the sentence before the quote has no verb of saying or participle of its own: in مشددا على أن «…»، حسب
  // ما نقلته وكالة X the agency relays what the sentence's subject said.)
  const ownVerb = () => head.some((t, k) => t.word && !quoted[k] && (isSayingVerb(t.folded) || isParticiple(t.folded)));
  if (whatSaid >= 0 && (v < 0 || whatSaid < v) && !ownVerb()) {
    const verb = /^(حسبما|كما)$/u.test(tail[whatSaid].folded) ? whatSaid + 1 : whatSaid + 2;
    const s = subjectAfter(tail, verb + 1, quotes);
    if (s && typeof s === 'object') return s;
  }
  // «…» لشركة أبل، وفقا لما جاء في سياسة استخدامها / بحسب ما ورد في صحيفة X: the text the words came in, named
  // after جاء في / ورد في, said them (as وجاء في البيان: «…» before a quote), anywhere in the sentence after it.
  const came = tail.findIndex(
    (t, k) =>
      /^(وفقا|طبقا|بحسب|حسب)$/u.test(t.folded) &&
      /^ل?ما$/u.test(tail[k + 1]?.folded ?? '') &&
      /^(جاء|ورد)$/u.test(tail[k + 2]?.folded ?? '') &&
      tail[k + 3]?.folded === 'في',
  );
  if (came >= 0 && !saidBefore && (v < 0 || came < v)) {
    const s = subjectAfter(tail, came + 4, quotes);
    if (s && typeof s === 'object') return s;
  }
  // “…,” the sign reads / its statement read: what a text reads is its words.
  const reads = tail.findIndex((t, k) => k <= 4 && /^(reads|read)$/u.test(t.folded));
  if (v < 0 && reads > 0 && /^(the|a|an|its|his|her|their)$/u.test(tail[0].folded)) {
    if (tail.slice(0, reads).every((t) => (t.word && !/^\p{Lu}/u.test(t.text)) || t === tail[0])) {
      const s = subjectBefore(tail, reads);
      if (s && typeof s === 'object') return s;
    }
  }
  // "… or if the president is taking “a pill every day,” as he said": he is the subject of the quote's own clause,
  // not the one the sentence named before it (dev33: Conley).
  if (v === 2 && tail[0].folded === 'as' && PERSONAL.has(tail[1].folded)) {
    const own = quoteClauseSubject(head, quoted);
    if (own) return own;
  }
  // (Up to twenty tokens: an adjunct, then the name and its apposition, "“…,” because of the urgent need, NAME, the
  // state’s …, told X", dev33; fourteen read North Dakota, the one who spoke last. Over the English corpus 2 reads
  // changed, both right. English only: Arabic's twenty moved 4 reads.)
  if (v >= 0 && v <= (isArabic(tail[v].text) ? 14 : 20)) {
    // "…" when someone is infected, said Newsha Ghaeli: a name right after the verb is its subject.
    // (Not after "told": what follows it is whom it was told to.)
    const told = /^(told|tells)$/u.test(tail[v].folded);
    // ("…?” Brown asked Mnuchin.: a name right before the verb is its subject, the one after whom it was asked.)
    const before = tail[v - 1];
    const namedBefore = v > 0 && before.word && !isArabic(before.text) && /^\p{Lu}/u.test(before.text);
    const inverted = !told && (v === 0 || (!namedBefore && /^\p{Lu}/u.test(tail[v + 1]?.text ?? '')));
    const found = inverted
      ? (resolve(subjectAfter(tail, v + 1, quotes)) ?? resolve(subjectBefore(tail, v)))
      : resolve(subjectBefore(tail, v));
    if (found !== undefined) return found;
    const other = v > 0 ? resolve(subjectAfter(tail, v + 1, quotes)) : undefined;
    if (other !== undefined) return other;
    // («…»، وتساءل عن…: an Arabic verb joined with و / ف and no subject of its own opens the next clause; the
    // sentence before the quote tells who said it.)
    const next = isArabic(tail[v].text) && /^[وف]/u.test(tail[v].text);
    if (!next && (v === 0 || tail.slice(0, v).every((t) => isPronoun(t.folded)))) return previous;
  }
  // مستشهدا بمقولة الفيلسوف NAME: «…»، من قولة المفكر NAME: «…»: a saying in construct with its author right before the
  // colon is the author's words, quoted by the sentence's subject (dev25's غرامشي; quotes45).
  const quoting = quotedSaying(head, quotes);
  if (quoting) return quoting;
  // Before it: the last verb of saying in the sentence.
  for (let k = head.length - 1; k >= 0; k--) {
    const t = head[k];
    if (!t.word || quoted[k]) continue;
    // ردا على سؤال …، اكتفى الوزير NAME بالقول إنه «…»: saying, as a verbal noun with ب after another verb, is by
    // the subject of the verb its clause opens with.
    if (isArabic(t.text) && /^[وف]?(بالقول|بقوله|بقولها)$/u.test(t.folded)) {
      let start = k - 1;
      while (start >= 0 && head[start].text !== '،' && !QUOTE_MARK.test(head[start].text)) start--;
      const verb = head[++start];
      if (verb?.word && start < k - 1 && !inSet(verb.folded, NOT_A_VERB) && !/^[وف]?ال/u.test(verb.folded)) {
        const s = subjectAfter(head.slice(0, k), start + 1, quotes);
        // (خرج بتصريح ناري … بقوله: a noun of saying in ب after the verb is how it came out, no subject; the one before
        // the verb, لكن NAME، ROLE، خرج, said it: dev35.)
        const how =
          s && typeof s === 'object' && /^ب/u.test(head[start + 1].folded) && SAYING_NOUN.test(head[start + 1].folded);
        if (how) {
          const before = openingName(head, start);
          if (before) return before;
        } else if (s && typeof s === 'object') return s;
      }
    }
    // ونسبت الوكالة إلى NAME قوله إن «…»، نقلت الصحيفة عن NAME قولها: "his saying" names its sayer right before it,
    // after the عن / إلى that attributes it; the one who reports it (the agency, the paper) did not say it.
    if (isArabic(t.text) && /^(قوله|قولها|قولهم|قولهما)$/u.test(t.folded)) {
      let j = k - 1;
      while (j >= 0 && k - j <= 8 && head[j].word && !/^(عن|الي|إلى)$/u.test(head[j].folded)) j--;
      const sayer = j >= 0 && k - j > 1 && head[j].word ? subjectAfter(head.slice(0, k), j + 1, quotes) : null;
      if (sayer && typeof sayer === 'object') return sayer;
    }
    // ناقلا عن NAME، ROLE، أنه «…»: the one relayed from, after عن, said it; not the sentence's subject, who relays.
    if (isArabic(t.text) && /^(ناقلا|ناقله|ناقلة|ناقلين|نقلا)$/u.test(t.folded) && head[k + 1]?.folded === 'عن') {
      const source = subjectAfter(head, k + 2, quotes);
      // (مصدر لم تفصح عن اسمه: the source, not the clause that describes it.)
      const not = head.findIndex(
        (x) =>
          source &&
          typeof source === 'object' &&
          x.start > source.start &&
          x.end <= source.end &&
          /^(لم|لا|لن|قد)$/u.test(x.folded),
      );
      if (source && typeof source === 'object')
        return not > 0 ? { start: source.start, end: head[not - 1].end } : source;
    }
    if (isParticiple(t.folded)) {
      // قال مبررا: «…»: the participle goes with the verb before it.
      const verb = head[k - 1];
      if (verb?.word && isSayingVerb(verb.folded)) continue;
      const clause = isArabic(t.text)
        ? (nothingButSubject(head, k) ?? clauseVerbSubject(head, k))
        : withSubject(head, k);
      if (clause) return clause;
      // …، مشيرا إلى أن «…»: the subject of the verb of saying before it (رد المتحدث، قائلا), of the
      // sentence (وعلق أدرعي على…، مشيرا), else the one who spoke last.
      // ("…,” Schweitzer said, adding that…: English too, its subject before the verb.)
      let saidBy = -1;
      for (let j = k - 1; j >= 0; j--) {
        if (!head[j].word || !isSayingVerb(head[j].folded)) continue;
        if (insideReported(head, j) || quoted[j]) continue;
        // (Arabic names it after the verb, or before it after كان: وكان الوزير قد صرح سابقا، قائلا.)
        // (وهو الأمر الذي رد عليه الرئيس، NAME قائلا: read on to the participle, which ends the title's name.)
        // (ولكنه أوضح تفاصيلها، قائلا: the pronoun on لكن, the sentence's subject or the one who spoke last.)
        if (isArabic(head[j].text) && (onPronounOfBut(head, j) || afterItsPronoun(head, j))) {
          saidBy = j;
          break;
        }
        const upTo = repliesInRelative(head, j) ? head.length : k;
        const s = isArabic(head[j].text)
          ? (resolve(subjectBefore(head, j)) ?? resolve(subjectAfter(head.slice(0, upTo), j + 1, quotes)))
          : (resolve(subjectBefore(head, j)) ?? resolve(subjectAfter(head.slice(0, k), j + 1, quotes)));
        if (s !== undefined) return s;
        saidBy = j;
        break;
      }
      // (جاء ذلك في البيان الذي أصدره NAME، مستنكرا: the agent of a noun of saying, when no verb of saying is before
      // it; after وقال في بيان أصدرته اللجنة the one who said is the verb's.)
      const agent = saidBy < 0 ? lastSayingNounAgent(head, k, quoted) : null;
      if (isArabic(t.text)) return agent ?? sentenceSubject(head, k, quotes) ?? previous;
      return englishSubject(head.slice(0, k)) ?? previous;
    }
    if (speechForm(t.folded) === 'passive') return null; // يقال إن: no one is named
    // (Nor زُعم أنه، أُعلن أن, a past verb of saying written with a damma on its first letter: a passive too. Not
    // يُحذّر or تُعلن, whose damma is the present's.)
    if (isArabic(t.text) && isSayingVerb(t.folded) && /^[وف]?[^يتن\s]\u064F/u.test(t.text)) return null;
    // "To quote Alexis de Tocqueville’s “Democracy in America,” “…”", "quoting Lincoln": the one quoted said it.
    if ((t.folded === 'quote' && head[k - 1]?.folded === 'to') || t.folded === 'quoting') {
      const quoted = quotedName(head, k + 1);
      if (quoted) return quoted;
    }
    // "Stone was like, “…”", "I’m like": quotative like after a form of be, right before the quote, says it.
    if (t.folded === 'like' && head.slice(k + 1).every((x) => x.text === ',' || QUOTE_MARK.test(x.text))) {
      const be = head[k - 1]?.folded ?? '';
      const who = head[k - 2]?.folded ?? '';
      // ("she’ll be like", "I was like": the pronoun before the verb.)
      if (/^(was|were|is|are|am|be)$/u.test(be) && isPronoun(who)) return resolve(pronounOf(who)) ?? previous;
      if (/^(was|were|is|are|am|be)$/u.test(be)) return resolve(subjectBefore(head, k - 1)) ?? previous;
      if (/^\p{L}+['’](s|m|re)$/u.test(be) && isPronoun(be)) return resolve(pronounOf(be)) ?? previous;
    }
    // وصفها مدققو الحقائق بأنها «…»: the one who described it said the words; ووصف الخطة بأنها «…»
    // (one word before بأن, the thing described): the one who spoke last.
    // وقالت X، التي وصفت نفسها لي بأنها …، إن «…»: a relative clause in which the antecedent describes herself says
    // nothing of who spoke; the sentence's verb before it does.
    if (
      DESCRIBE.test(t.folded) &&
      /^نفس/u.test(head[k + 1]?.folded ?? '') &&
      /^(الذي|التي)$/u.test(head[k - 1]?.folded)
    )
      continue;
    const described = describedBy(head, k);
    if (described !== undefined) return resolve(described) ?? previous;
    // رحب X بما أعلنته الرئاسة عن «…»، للحد مما يصفه النائب «…»: a verb of saying after ما with what was said on it
    // (ه، ها، ته) has its subject after it, the one who said the words; the sentence's subject welcomed or acted on
    // them. (Not لما after وفقا / حسب: وشددت، وفقا لما نقلته الوكالة، على أن: the agency relays the verb's words.)
    if (
      isArabic(t.text) &&
      /^[بم]?ما$/u.test(head[k - 1]?.folded ?? '') &&
      !/^[وف]?(ب?حسب|وفق|وفقا|طبقا)$/u.test(head[k - 2]?.folded ?? '') &&
      (objectSaid(t) || DESCRIBE_IT.test(t.folded))
    ) {
      const s = subjectAfter(head, k + 1, quotes);
      if (s && typeof s === 'object') return s;
    }
    // وجاء في البيان: «…»: the text the words are in said them (not جاء الفريق في المرتبة).
    const text = textSaidIn(head, k);
    if (text) return text;
    // فقلت لهم «…»، وقلنا: the narrator's own words: the text names no one (docs/QUOTE-GUIDE.md).
    if (FIRST_PERSON_SAYING.test(t.folded)) return null;
    if (!(isSayingVerb(t.folded) || madeStatement(head, k)) || isNegatedNoun(head, k) || isPassive(head, k)) continue;
    if (toldInReported(head, k)) continue;
    // نقلت X عن NAME قوله إن رد الأهالي، يفيد بأنه «…»: a verb after "his saying that" is in what NAME said; the قوله
    // before it names him.
    const inHisSaying = (x: Token, i: number) =>
      i < k && !quoted[i] && /^(قوله|قولها|قولهم|قولهما)$/u.test(x.folded) && COMPLEMENTIZERS.has(head[i + 1]?.folded);
    if (isArabic(t.text) && head.some(inHisSaying)) continue;
    // قال X إنه ما زال يعتبر الأمر «…»: a verb of opinion inside what a verb of saying reports is the speaker's own
    // word; its object is no speaker (dev32: الأمر). The verb of saying before it tells who said it.
    if (isOpinion(t.folded) && insideReported(head, k)) continue;
    // وأوضح سيف حسبما نقل عنه التلفزيون أن «…»: the one who relayed the words (نقل after حسبما / كما) did not say
    // them, when an earlier verb of saying in the sentence did (as after the quote, `relayed`).
    // (Not نقلت الوكالة عن الوزارة: a source named after عن said them; عنه points back to the verb's subject.)
    const relay =
      /^نقل/u.test(t.folded) &&
      /^(حسبما|كما|ما)$/u.test(head[k - 1]?.folded ?? '') &&
      !head.slice(k + 1, k + 8).some((x) => x.folded === 'عن');
    if (relay && head.slice(0, k - 1).some((x, i) => x.word && !quoted[i] && isSayingVerb(x.folded))) continue;
    const arabic = isArabic(t.text);
    // نقلت الوكالة عن مصدر أمني (قوله) إن…: the one quoted is the source after عن.
    const from = arabic ? head.findIndex((x, i) => i > k && i < k + 8 && x.folded === 'عن') : -1;
    if (from >= 0 && /^[وف]?(نقل|روي|ذكر)/u.test(t.folded)) {
      const source = resolve(subjectAfter(head, from + 1, quotes));
      if (source) return source;
    }
    // "Lee threatened …, and said the board had shown an “…”": the sentence's subject, when it opens the sentence.
    if (!arabic && /^(and|but)$/u.test(head[k - 1]?.folded ?? '') && head[k - 2]?.text === ',') {
      const opening = englishSubject(head.slice(0, k));
      if (opening) return opening;
    }
    // وأظهرت الوثائق أن الحكومة أكدت …، لكنها حذرت من أن «…»: the pronoun on لكن is the one who said the last thing.
    const continued = arabic ? pronounSubject(head, k, quoted) : null;
    if (continued) return continued;
    // Arabic names the subject after the verb, except after كان and الذي (وكان مسؤولون أعلنوا).
    // ("She told The Associated Press: “…”" with no one before her: the one told is no speaker; quotes42.)
    const toldWhom = !arabic && /^(told|tells)$/u.test(t.folded);
    // (ولكنه أوضح تفاصيلها بقوله «…» with no verb of saying before it in the sentence: the pronoun on لكن is the
    // subject, the sentence's or the one who spoke last; the noun after the verb is its object. dev42; quotes45.)
    const nothingBut = arabic ? nothingButSubject(head, k) : null;
    if (nothingBut) return nothingBut;
    const but = arabic && (onPronounOfBut(head, k) || afterItsPronoun(head, k));
    const subject = but
      ? undefined
      : arabic
        ? (resolve(subjectBefore(head, k)) ?? resolve(subjectAfter(head, k + 1, quotes)))
        : (resolve(subjectBefore(head, k)) ?? (toldWhom ? undefined : resolve(subjectAfter(head, k + 1, quotes))));
    // حيث قال لبرينان: «…»: one word in ل right before the colon, whose rest the text writes as a word of its own
    // (برينان), is whom it was said to; a name that starts with ل (وقال لافروف:) is not found without it.
    const to = subject && typeof subject === 'object' ? head.findIndex((x) => x.start === subject.start) : -1;
    const addressee = arabic && to > 0 && head[to].end === subject?.end && head[to + 1]?.text === ':';
    if (addressee && /^ل[^ل]/u.test(head[to].text) && hasWord(chars, head[to].text.slice(1), head[to].start)) {
      return sentenceSubject(head, k, quotes) ?? previous;
    }
    if (subject !== undefined) return subject;
    // واقتربت مني إحدى المدرسات وقالت: «…»: a feminine verb with no subject of its own, after a clause
    // that opens with a feminine verb of its own, is that clause's subject's.
    const joined = arabic ? joinedClauseSubject(head, k) : null;
    if (joined) return joined;
    const antecedent = arabic ? relativeAntecedent(head, k) : null;
    if (antecedent) return antecedent;
    // إذ قال إن «…» after سخر المتحدث…: a verb with no subject of its own has the sentence's.
    // (Or the agent of a noun of saying before it: مع تصريح للواء NAME، أشار فيه …، كما شدد على أن «…».)
    return (arabic ? (lastSayingNounAgent(head, k, quoted) ?? sentenceSubject(head, k, quotes)) : null) ?? previous;
  }
  // "according to X"
  const according = head.findIndex((t, k) => t.folded === 'according' && head[k + 1]?.folded === 'to');
  if (according >= 0) return resolve(subjectAfter(head, according + 2, quotes)) ?? previous;
  // وفقا لبول بيرنال، محاضر…: «…»: the name after the ل of وفقا / طبقا.
  const wafqan = head.findIndex(
    (t, k) => /^[وف]?(وفقا|طبقا)$/u.test(t.folded) && /^ل./u.test(head[k + 1]?.folded ?? ''),
  );
  if (wafqan >= 0) {
    const s = resolve(subjectAfter(head, wafqan + 1, quotes));
    if (s) return { start: s.start === head[wafqan + 1].start ? afterL(head[wafqan + 1]) : s.start, end: s.end };
    const to = attributedTo(head, wafqan + 1);
    if (to) return to;
  }
  // "The board wants governments “to streamline…”": a quotation with no verb of saying is its
  // sentence's subject's (English: the words before the first verb, read as the first -s / -ed word).
  // (Arabic: the subject after the verb the sentence starts with, وأرفقت والدته الصورة بتعليق: «…».)
  const heading = headingName(chars, head) ?? lastSayingNounAgent(head, head.length, quoted);
  if (heading) return heading;
  const subject =
    andClauseSubject(head) ?? englishSubject(head) ?? clauseSubject(head) ?? sentenceSubject(head, head.length, quotes);
  if (subject) return subject;
  // No attribution in the sentence: news goes on quoting the one who spoke last, in this paragraph
  // or the one before. (Not past a paragraph that says nothing of them: a pull quote over an
  // obituary, “…” after "Read more about him", is not the last obituary's speaker's.)
  if (previous && !paragraphBetween(chars, previousAt, quote.start)) return previous;
  // «هي مهنة صعبة…» opening a paragraph of a profile or an interview, with no one quoted before it in reach: the
  // words of the one the story is about (the name it writes most, four times or more, never with ال).
  // (Only a quotation in its marks, not reported words; and not one a paragraph ending in a colon brings in, كما
  // يتضح من وصف شاهد عيان …:، whose source is named there.)
  let k = quote.start - 1;
  while (k >= 0 && /[\s«“"]/u.test(chars[k])) k--;
  const marked = /[«“"]/u.test(chars[quote.start - 1] ?? '');
  const alone = marked && head.every((t) => !t.word) && chars[k] !== ':';
  return alone && isArabic(chars.slice(quote.start, quote.end).join('')) ? protagonistNear(chars, quote) : null;
}

/**
 * The subject of the English clause a quotation ends, after its if / whether / that: "the president" in "… or if the
 * president is actually taking “…”"; a name or a noun after the, up to its verb (is, has, -s / -ed …).
 */
function quoteClauseSubject(head: Token[], quoted: boolean[]): Span | null {
  let k = head.length - 1;
  while (k >= 0 && (quoted[k] || !/^(if|whether|that)$/u.test(head[k].folded))) k--;
  const words = head.slice(k + 1).filter((t, i) => t.word && !quoted[k + 1 + i]);
  if (k < 0 || !words[0] || !(/^(the|a|an)$/u.test(words[0].folded) || /^\p{Lu}/u.test(words[0].text))) return null;
  const verb = words.findIndex(
    (w, i) =>
      i > 0 && (/^(is|are|was|were|has|have|had|will|would)$/u.test(w.folded) || /\p{L}{2}(s|ed)$/u.test(w.text)),
  );
  if (verb < 1 || verb > 4 || (verb === 1 && /^(the|a|an)$/u.test(words[0].folded))) return null;
  return { start: words[0].start, end: words[verb - 1].end };
}

/**
 * لكن NAME، ROLE، …، خرج: the name that opens the sentence (after لكن / و / ف), two to four name words before its
 * first comma, when the verb at `verb` comes after that comma; or null.
 */
function openingName(head: Token[], verb: number): Span | null {
  let k = 0;
  if (/^[وف]?لكن$/u.test(head[k]?.folded ?? '')) k++;
  let end = k;
  // (A family name in ال may end it: عبود الزمر، ROLE، …)
  const family = (t: Token, i: number) => i > k && /^ال/u.test(t.folded) && head[i + 1]?.text === '،';
  while (end < verb && head[end].word && (isNameWord(head[end], end - k, head.slice(k)) || family(head[end], end)))
    end++;
  if (end - k < 2 || end - k > 4 || head[end]?.text !== '،' || head[verb - 1]?.text !== '،') return null;
  return { start: head[k].start, end: head[end - 1].end };
}

/** Verbal nouns of saying and the texts they issue (تأكيد، تصريح، بيان), folded, with a preposition or و before. */
const SAYING_NOUN = /^[وف]?(?:[بل]?ال|لل|[بل])?(تاكيد|تصريح|تصريحات|بيان|اعلان)$/u;
/** The verb of issuing after a text with no الذي (تصريح أصدرته شركة X) or after it (البيان الذي أصدره X). */
const ISSUED = /^(اصدر|اصدرت|اصدره|اصدرته|اصدرها|اصدرتها)$/u;
/** A verb of relaying with the text as its object (نقلته، نشرتها): no part of a name. */
const RELAYED_IT = /^(نقل|نشر|ذكر|اورد)(ته|ه|ها|تها)$/u;
/** A medium or an audience in ل after a noun of saying is whom it was said to (تصريح لصحيفة X، للصحفيين). */
const TOLD_TO = /^[وف]?ل(صحيف|وكال|موقع|قنا|اذاع|تلفزيون|شبك|مجل|جريد|برنامج|بي$|ل(صحف|صحاف|اعلام|مراسل|حضور))/u;

/**
 * The agent of the verbal noun of saying at `k` of `tokens` (وسط تأكيد من X بأن، مع تأكيد عضو المجلس NAME أن، مع
 * تصريح إعلامي للواء NAME، في تصريح أصدرته شركة X، في البيان الذي أصدره NAME): the one whose words they are (dev34,
 * dev35, dev40), or null: no agent named right after it (وقال في تصريح إن، بتصريح ناري مساء أمس).
 */
function sayingNounAgent(tokens: Token[], k: number): Span | null {
  const noun = tokens[k];
  if (!isArabic(noun.text) || !SAYING_NOUN.test(noun.folded)) return null;
  // (Only in a phrase of circumstance, وسط / مع / في / بعد …, or with ب / ل on it: a noun of saying that is a verb's
  // subject or object, انتقد X تصريحات Y، تمهد تصريحات Y، is not what the quote's sentence says: 10 reads wrong.)
  const circumstance =
    /^[وف]?[بل]/u.test(noun.folded) || /^[وف]?(مع|وسط|في|عقب|بعد|اثر|من|خلال)$/u.test(tokens[k - 1]?.folded ?? '');
  if (!circumstance) return null;
  let j = k + 1;
  const definite = /^[وف]?(?:[بل]?ال|لل)/u.test(noun.folded);
  // (One adjective of the same definiteness: تصريح إعلامي، التصريح الصحفي.)
  const adjective = (t: Token | undefined) =>
    !!t?.word && /^\S{3,}ي$/u.test(t.folded) && /^ال/u.test(t.folded) === definite && !isArabicTitleNoun(t.text);
  if (adjective(tokens[j])) j++;
  // (Or any one word before من جانب: بيان غاضب من جانب X.)
  const side = (i: number) => tokens[i]?.folded === 'من' && tokens[i + 1]?.folded === 'جانب';
  if (j === k + 1 && !definite && tokens[j]?.word && !inSet(tokens[j].folded, ARABIC_STOPS) && side(j + 1)) j++;
  const next = tokens[j];
  if (!next?.word) return null;
  const read = (from: number) => {
    const s = subjectAfter(tokens, from);
    if (!s || typeof s !== 'object') return null;
    // (تصريح أصدرته شركة X نقلته الصحف: the agent ends before the verb that relayed the text.)
    const relayed = tokens.find((t) => t.start > s.start && t.end <= s.end && RELAYED_IT.test(t.folded));
    return relayed ? { start: s.start, end: tokens[tokens.indexOf(relayed) - 1].end } : s;
  };
  // (بيان من جانب X: "on X's side", the one it came from.)
  if (side(j)) return read(j + 2);
  if (next.folded === 'من') return read(j + 1);
  // (تصريحات صدرت عن NAME: the one they came from.)
  if (/^(صدر|صدرت|الصادر|الصادره)$/u.test(next.folded) && tokens[j + 1]?.folded === 'عن') return read(j + 2);
  if (ISSUED.test(next.folded)) return read(j + 1);
  if (definite && /^(الذي|التي)$/u.test(next.folded) && ISSUED.test(tokens[j + 1]?.folded ?? '')) return read(j + 2);
  if (/^ل[\u0621-\u064A]{2,}/u.test(next.folded) && !TOLD_TO.test(next.folded)) {
    // (Read without its ل, which the subject reader takes for an audience: للواء NAME is اللواء NAME's.)
    // (لل is ل and ال, للخارجية: the word is kept whole, read as الخارجية.)
    const elided = /^لل/u.test(next.folded);
    const bare = elided
      ? { ...next, text: `ال${next.text.slice(2)}`, folded: `ال${next.folded.slice(2)}` }
      : { ...next, text: next.text.slice(1), folded: next.folded.slice(1), start: next.start + 1 };
    const s = subjectAfter([...tokens.slice(0, j), bare, ...tokens.slice(j + 1)], j);
    // (Two words or more, تصريح لمسؤول naming no one, and ending at a comma, إن / أن or a verb of saying: بيان
    // للخارجية وصل موقع X نسخة منه runs on past the name.)
    const after = s && typeof s === 'object' ? tokens.find((t) => t.start >= s.end) : undefined;
    const ends = !!after && (after.text === '،' || COMPLEMENTIZERS.has(after.folded) || isSayingVerb(after.folded));
    return s && typeof s === 'object' && ends && tokens.some((t) => t.start > next.start && t.end <= s.end) ? s : null;
  }
  // (A genitive after a noun with no ال: تأكيد عضو المجلس NAME; a title or a name, not a stop or a word in ال.)
  // (A title, تأكيد عضو المجلس NAME; or a name right before what was said, بإعلان NAME بأنه; not بيان ماتيس الذي,
  // بيان غاضب, تأكيد رغبتك.)
  if (definite || j > k + 1 || inSet(next.folded, ARABIC_STOPS) || /^ال/u.test(next.folded)) return null;
  const agent = read(j);
  if (!agent || isArabicTitleNoun(next.text)) return agent;
  const after = tokens.find((t) => t.start >= agent.end);
  return isNameWord(next, 0, [next]) && after && COMPLEMENTIZERS.has(after.folded) ? agent : null;
}

/** The agent of the last verbal noun of saying before `upTo` in `tokens` (sayingNounAgent), or null. */
function lastSayingNounAgent(tokens: Token[], upTo: number, quoted: boolean[]): Span | null {
  for (let k = upTo - 1; k >= 0; k--) {
    if (!tokens[k].word || quoted[k]) continue;
    const agent = sayingNounAgent(tokens, k);
    if (agent) return agent;
  }
  return null;
}

/**
 * الاتحاد الأمريكي لكرة القدم: "…": a paragraph that opens with a noun phrase and a colon before the quotation, no
 * verb, heads the words of the one it names (a round-up of reactions, one body a paragraph: dev40, 6 quotes). Two to
 * seven Arabic words at a line's start, none a verb of saying, a participle, a particle or in marks; not a
 * preposition first nor a word in و / ف (وأضاف:، وفي المقابل:).
 */
function headingName(chars: readonly string[], head: Token[]): Span | null {
  const colon = head.findIndex((t) => t.text === ':');
  if (colon < 2 || colon > 7 || head.slice(colon + 1).some((t) => !QUOTE_MARK.test(t.text))) return null;
  const words = head.slice(0, colon);
  const start = words[0].start;
  if (start > 0 && chars[start - 1] !== '\n') return null;
  const plain = (t: Token) =>
    t.word &&
    isArabic(t.text) &&
    !isSayingVerb(t.folded) &&
    !isParticiple(t.folded) &&
    !inSet(t.folded, NOT_A_NOUN_PHRASE) &&
    !inSet(t.folded, ARABIC_STOPS);
  if (!words.every(plain) || /^[وف]/u.test(words[0].text) || inSet(words[0].folded, OPENING_PREPOSITIONS)) return null;
  return { start, end: words[words.length - 1].end };
}

/** A line that links to another story: اقرأ أيضا: …، قد يهمك/ …، More: … (its headline follows). */
const LINK = /^\s*(?:[اإ]قرأ (?:أيضا|أيضاً|ايضا|المزيد)|قد يهمك|شاهد أيضا|More|Read more|READ MORE)\s*[:/]/u;

/**
 * Whether the quotation at `at` is in a link's headline (اقرأ أيضا: سجن رجل أعمال عرض «…»، More:'Our moon shot': …):
 * the words of another story, so not of the one who spoke last here nor of this story's protagonist, and its
 * subject, if any, is not read by this story's rules (More:'Our was read as one).
 */
function inLink(chars: readonly string[], at: number): boolean {
  let k = at;
  while (k > 0 && chars[k - 1] !== '\n' && at - k < 40) k--;
  if ((k === 0 || chars[k - 1] === '\n') && LINK.test(chars.slice(k, at).join(''))) return true;
  return inLinkList(chars, at);
}

/**
 * Whether the quotation at `at` is on a headline's line in a list of related links: اقرأ أيضا: then up to three lines
 * of headlines (twenty words at most, no final stop or comma, no verb of saying), the quotation's own line one of them
 * ("صفقة القرن": "…" under اقرأ أيضاً:). Another story's words: no one here said them (dev42, 2).
 */
function inLinkList(chars: readonly string[], at: number): boolean {
  let end = at;
  while (end < chars.length && chars[end] !== '\n' && end - at < 300) end++;
  for (let line = 0; line < 4; line++) {
    let start = end;
    while (start > 0 && chars[start - 1] !== '\n' && end - start < 300) start--;
    if (start > 0 && chars[start - 1] !== '\n') return false;
    const text = chars.slice(start, end).join('');
    if (LINK.test(text)) return true;
    const words = tokensOf(chars, start, end).filter((t) => t.word);
    if (words.length === 0 || words.length > 20 || /[.،,]\s*$/u.test(text)) return false;
    if (words.some((t) => isSayingVerb(t.folded) || isParticiple(t.folded))) return false;
    if (start === 0) return false;
    end = start - 1;
  }
  return false;
}

/** The protagonist of each text read so far: a name written four times or more (see protagonistNear). */
const PROTAGONISTS = new WeakMap<readonly string[], { name: string; at: number[] } | null>();

/**
 * The mention nearest `quote` of the Arabic name word `chars` writes most, when it writes it four times or more and
 * never with ال (كريستيل, not المطبخ), and no other name as often; else null.
 */
function protagonistNear(chars: readonly string[], quote: Span): Span | null {
  let found = PROTAGONISTS.get(chars);
  if (found === undefined) {
    const tokens = tokensOf(chars, 0, chars.length).filter((t) => t.word && isArabic(t.text));
    const counts = new Map<string, number>();
    for (const t of tokens) if (isNameWord(t, 0, [t])) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
    for (const t of tokens) {
      const bare = /^(?:[وفبلك]?ال|لل)(\p{L}{2,})$/u.exec(t.text)?.[1];
      if (bare && counts.has(bare)) counts.set(bare, 0);
    }
    const ranked = [...counts].filter(([w, n]) => n >= 4 && !isArabicTitleNoun(w)).sort((x, y) => y[1] - x[1]);
    const name = ranked.length > 0 && (ranked.length === 1 || ranked[1][1] < ranked[0][1]) ? ranked[0][0] : null;
    found = name ? { name, at: tokens.filter((t) => t.text === name).map((t) => t.start) } : null;
    PROTAGONISTS.set(chars, found);
  }
  if (!found) return null;
  const outside = found.at.filter((at) => at < quote.start || at >= quote.end);
  if (outside.length === 0) return null;
  const at = outside.reduce((x, y) => (Math.abs(y - quote.start) < Math.abs(x - quote.start) ? y : x));
  return { start: at, end: at + Array.from(found.name).length };
}

/**
 * ووفقا لطبيبته، آنا كوندراتييفا، فإن…، ووفقا للبيان الصحافي، فسوف «…»: the one the sentence is according to, when the
 * subject reader takes the word in ل at `from` for an audience (للصحافيين): that word without its ل and the words after
 * it to the first stop (six at most), and after one such word a name in apposition between commas (up to four words).
 */
function attributedTo(tokens: Token[], from: number): Span | null {
  let end = from;
  while (end < tokens.length && end - from < 6 && tokens[end].word) end++;
  if (end === from) return null;
  // (The apposition only after one word, a relation with its pronoun, and only a name: no word in ال.)
  if (end === from + 1 && tokens[end]?.text === '،') {
    let k = end + 1;
    while (k < tokens.length && k - end <= 4 && tokens[k].word && !/^ال/u.test(tokens[k].folded)) k++;
    if (k > end + 1 && tokens[k]?.text === '،') end = k;
  }
  // (ووفقا للتقديرات، وصفت…: a quote found right after the phrase is itself what the sentence says; the title reader
  // would run on into it.)
  if (!tokens.slice(end + 1).some((t) => t.word)) return null;
  return { start: afterL(tokens[from]), end: tokens[end - 1].end };
}

/** The capitalised name at `from` (English: "Alexis de Tocqueville’s" without its possessive), or null. */
function quotedName(tokens: Token[], from: number): Span | null {
  let end = from;
  while (end < tokens.length && tokens[end].word && /^(\p{Lu}|(de|van|von|al|bin|of)$)/u.test(tokens[end].text)) end++;
  while (end > from && !/^\p{Lu}/u.test(tokens[end - 1].text)) end--;
  if (end === from) return null;
  const last = tokens[end - 1];
  const possessive = /['’]s$/u.test(last.text) ? 2 : 0;
  return { start: tokens[from].start, end: last.end - possessive };
}

/**
 * A verb of saying after عدم is a noun, not a verb: طلب عدم ذكر اسمه (asked not to be named) says nothing, and
 * the one who asked is the subject of the verb before it (وقال خبير … طلب عدم ذكر اسمه «…»); so is رد in رد فعل.
 */
const isNegatedNoun = (tokens: Token[], k: number) =>
  /^[وف]?عدم$/u.test(tokens[k - 1]?.folded ?? '') ||
  // (So is رد before فعل: ردّ فعل إيجابي is a reaction, no one replying.)
  (/^[وف]?(رد|ردت|ردود)$/u.test(tokens[k].folded) && /^(ال)?(فعل|افعال)/u.test(tokens[k + 1]?.folded ?? '')) ||
  // (And after في: وأضافت في رد مكتوب «…» is where she said it, "in a written reply"; مكتوب is no one. dev42, 1.)
  (/^(رد|ردها|رده|ردهم)$/u.test(tokens[k].folded) && /^[وف]?في$/u.test(tokens[k - 1]?.folded ?? ''));

/** "her relatives were told she had died": an English verb of saying after a form of be is a passive, naming no one. */
const isPassive = (tokens: Token[], k: number) =>
  (/^(told|asked|quoted)$/u.test(tokens[k].folded) &&
    /^(was|were|been|being|is|are|be)$/u.test(tokens[k - 1]?.folded ?? '')) ||
  isAttributive(tokens, k);

/**
 * "an estimated 1 million calls", "the reported cases": an English -ed form of saying right after an article is an
 * adjective, no one's verb (dev38: "“…,” with fraudsters placing an estimated 1 million calls" read as its speaker).
 */
const isAttributive = (tokens: Token[], k: number) =>
  /ed$/u.test(tokens[k].folded) && /^(a|an|the)$/u.test(tokens[k - 1]?.folded ?? '');

/**
 * أدلى بتصريحات / بحديث / بشهادته at `k`: "made statements", a verb of saying in two words (وكان X أدلى بتصريحاته…).
 */
const madeStatement = (tokens: Token[], k: number) =>
  /^[وف]?(ادلي|ادلت|ادلوا|يدلي|تدلي)$/u.test(tokens[k].folded) &&
  /^ب(ال)?(تصريح|حديث|شهاد|كلم|بيان|راي|افاد|اقوال)/u.test(tokens[k + 1]?.folded ?? '');

/**
 * قال in the first person (قلت، قلنا، أقول، نقول, also after و / ف), folded: the one form of a verb of saying that
 * cannot be a third person's (أكدت is hers or mine; قلت is only mine or yours).
 */
const FIRST_PERSON_SAYING = /^[وف]?(قلت|قلنا|اقول|نقول)$/u;

/**
 * A photo's caption set between a story's paragraphs ends with its credit: "… May 18, 2020. REUTERS/Leah Millis",
 * "…/File Photo". It is no part of the story: its verbs ("Trump talks about…") attribute no quote.
 */
const PHOTO_CREDIT = /\b(?:REUTERS|Reuters|AP Photo|AFP|EPA)\/[\p{Lu}][\p{L} .'’-]*(?:\/[\p{L} .'’-]+)?\s*$/u;

/** Whether the paragraph of `chars` that holds offset `at` is a photo's caption. */
function inCaption(chars: readonly string[], at: number): boolean {
  let start = at;
  while (start > 0 && chars[start - 1] !== '\n') start--;
  let end = at;
  while (end < chars.length && chars[end] !== '\n') end++;
  return end - start < 1000 && PHOTO_CREDIT.test(chars.slice(Math.max(start, end - 80), end).join(''));
}

/** The photo captions of `chars`, as spans of their paragraphs. */
function captionsOf(chars: readonly string[]): Span[] {
  const out: Span[] = [];
  for (let start = 0; start < chars.length;) {
    let end = start;
    while (end < chars.length && chars[end] !== '\n') end++;
    // (The credit is the paragraph's last words: its last 80 characters are enough to read, when they hold a "/".)
    const from = Math.max(start, end - 80);
    if (
      end - start < 1000 &&
      chars.slice(from, end).includes('/') &&
      PHOTO_CREDIT.test(chars.slice(from, end).join(''))
    )
      out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** Whether a paragraph with words lies wholly between the paragraph of `from` and that of `to` (a caption aside). */
function paragraphBetween(chars: readonly string[], from: number, to: number): boolean {
  if (from < 0) return false;
  let k = from;
  while (k < to && chars[k] !== '\n') k++; // the end of the paragraph of `from`
  let words = false;
  for (; k < to; k++) {
    if (chars[k] === '\n') {
      if (words && !inCaption(chars, k - 1)) return true;
      words = false;
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(chars[k])) words = true;
  }
  return false; // (the words since the last line break are the quote's own paragraph)
}

/**
 * Everyone the text names as saying something, in order: the subject of each verb of saying
 * (قال الوزير، وكان مسؤولون أعلنوا، Ross said, said Kyle Bibby) and of "according to". The
 * quote finder takes the last of them before a quote as the one "he said" and وأضاف mean, also
 * when the sentence that named them held no quote.
 */
export function speakerMentions(
  chars: readonly string[],
  quotes: readonly Span[] = [],
  reported: readonly Span[] = [],
): { at: number; speaker: Span }[] {
  // A verb inside a quotation is the speaker's own word ("…err on the side of most caution"), not an attribution.
  // (So is one inside reported speech found: وأضاف أن قوات الأمن نقلت الجثث …، مشيرا إلى: نقلت is what was said, and
  // its object read as its subject, الجثث, was taken for the one who spoke last.)
  // (Marked once per text, not a look through every reported span for each word.)
  const covered = new Int32Array(chars.length + 1);
  for (const q of reported) {
    covered[q.start]++;
    covered[q.end]--;
  }
  for (let i = 1; i < covered.length; i++) covered[i] += covered[i - 1];
  const quoted = (t: Token) =>
    quotes.some((q) => q.start <= t.start && t.end <= q.end) || (covered[t.start] > 0 && covered[t.end - 1] > 0);
  const tokens = tokensOf(chars, 0, chars.length);
  const out: { at: number; speaker: Span }[] = [];
  const lower = new Set(tokens.filter((t) => t.word && /^\p{Ll}/u.test(t.text)).map((t) => t.folded));
  // Last words of names the text writes in full (Eleni Koutsoukosta): "Koutsoukosta" alone is that person.
  const surnames = new Set(
    tokens
      .filter((t, k) => k > 0 && tokens[k - 1].word && /^\p{Lu}\p{Ll}/u.test(tokens[k - 1].text) && t.word)
      .filter((t) => /^\p{Lu}\p{Ll}/u.test(t.text))
      .map((t) => t.folded)
      // ("… from Obituaries Read more": a word the text also writes in lower case is not a name.)
      .filter((w) => !lower.has(w)),
  );
  // (A photo's caption says nothing of the story's speakers.)
  const captions = captionsOf(chars);
  // How often the text writes each word, and the words it also writes with ال (البطولة، المطعم: nouns, not names).
  const counts = new Map<string, number>();
  for (const t of tokens) if (t.word) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  for (const t of tokens) {
    const bare = t.word ? /^(?:[وفبلك]?ال|لل)(\p{L}{2,})$/u.exec(t.text)?.[1] : undefined;
    if (bare && counts.has(bare)) counts.set(bare, 0);
  }
  let start = 0;
  for (let k = 0; k <= tokens.length; k++) {
    if (k < tokens.length && !SENTENCE_END.test(tokens[k].text)) continue;
    const sentence = tokens.slice(start, k);
    // قرار النمسا إغلاق 7 مساجد يثير غضبا في تركيا: a related story's headline set between paragraphs (a line of its
    // own, fifteen words at most, no stop, comma, mark or verb of saying) names no one who goes on speaking after it.
    const headline =
      (start === 0 || tokens[start - 1].text === '\n') &&
      (k === tokens.length || tokens[k].text === '\n') &&
      isArabic(sentence[0]?.text ?? '') &&
      sentence.filter((t) => t.word).length <= 15 &&
      sentence.every((t) => (t.word ? !isSayingVerb(t.folded) : t.text !== '،' && !QUOTE_MARK.test(t.text)));
    start = k + 1;
    if (sentence.length > 0 && captions.some((c) => c.start <= sentence[0].start && sentence[0].start < c.end))
      continue;
    // "Jason Hargrove, 50, was a driver who took to Facebook to warn…": the named person comes first,
    // before what the sentence's verbs of saying read.
    const aged = namedSubject(sentence, surnames, true) ?? agedArabicSubject(sentence);
    if (aged) out.push({ at: aged.start, speaker: aged });
    sentence.forEach((t, i) => {
      if (!t.word || quoted(t)) return;
      let subject: Subject = null;
      if (t.folded === 'according' && sentence[i + 1]?.folded === 'to') subject = subjectAfter(sentence, i + 2);
      // "Del Rio echoed the view, predicting that…": an English participle's subject is the sentence's.
      else if (!isArabic(t.text) && speechForm(t.folded) === 'participle')
        subject = englishSubject(sentence.slice(0, i));
      // وكانت قوات الدفاع الشعبي دانت في بيان القصف، معتبرة أنه «عدوان». وقالت: the one whose participle of saying
      // brought in words the finder does not take as a quote (one or two of them) spoke last: the sentence's subject.
      else if (isArabic(t.text) && speechForm(t.folded) === 'participle')
        subject = sentenceSubject(sentence, i, quotes);
      // (هل تعلق قلبك…؟ a question, not an attribution.)
      else if (!isSayingVerb(t.folded) && !madeStatement(sentence, i)) return;
      else if (sentence[i - 1]?.folded === 'هل' || isNegatedNoun(sentence, i) || isPassive(sentence, i)) return;
      else if (toldInReported(sentence, i) || afterItsPronoun(sentence, i)) return;
      // (ورأى أن … صنع رأي عام: a verb of opinion inside reported content names no one who spoke; dev17; quotes45.)
      else if (isOpinion(t.folded) && insideReported(sentence, i)) return;
      else if (speechForm(t.folded) !== 'passive' || madeStatement(sentence, i)) {
        const after = /^(told|tells)$/u.test(t.folded) ? null : subjectAfter(sentence, i + 1, quotes);
        const before = subjectBefore(sentence, i);
        const pronoun = before === 'pronoun' || before === 'person';
        // "…” into later trials, said Daniel Salmon": a name right after the verb is its subject, as
        // speakerFromText reads it, not the words before the verb.
        // (Only after the comma or the mark that closes the quote: "She said AMK is…" is not inverted.)
        const inverted =
          !isArabic(t.text) &&
          after &&
          /^[,”"’]$/u.test(sentence[i - 1]?.text ?? '') &&
          /^\p{Lu}/u.test(sentence[i + 1]?.text ?? '');
        subject = isArabic(t.text) ? (before ?? after) : inverted ? after : pronoun ? null : (before ?? after);
        // (ولكنه أوضح تفاصيلها: the pronoun on لكن is the subject, no one new; the noun after the verb its object.)
        if (isArabic(t.text) && before === null && onPronounOfBut(sentence, i)) subject = null;
        // وانتقد منير الإساءات، وسأل: «…»: an Arabic verb with no subject of its own has the sentence's.
        if (isArabic(t.text) && subject === null) subject = sentenceSubject(sentence, i, quotes);
      }
      // (Nor a subject read inside a quotation: «آه.. هناك أنواع كثيرة…»، وتضيف: the points split the sentence there.
      // Nor one that runs into one or out of it: …down’’ وقال إن, the closing marks glued to its last word.)
      const inQuote = (s: Span) => quotes.some((q) => q.start < s.end && s.start < q.end);
      if (subject && subject !== 'pronoun' && subject !== 'person' && !inQuote(subject))
        out.push({ at: t.start, speaker: subject });
    });
    // "But Koutsoukosta doesn't believe …" then «"…," she said»: a person named as the subject of
    // the sentence before is the one a pronoun means, though that sentence reports no speech.
    const said = out.length > 0 && out[out.length - 1].at >= (sentence[0]?.start ?? 0);
    const name = said || aged ? null : namedSubject(sentence, surnames);
    if (name) out.push({ at: name.start, speaker: name });
    // وطالب رئيس اللجنة سامر عادل الحكومة بـ…. وقال في بيان: «…»: so in Arabic, a sentence that opens with its verb,
    // whose subject is a title or a noun in ال with a name after it.
    const subject = said || aged || headline || !isArabic(sentence[0]?.text ?? '') ? null : titledSubject(sentence);
    if (subject) out.push({ at: subject.start, speaker: subject });
    // كان دولان حينها يبلغ…، وباع ديلان شركته: a sentence that opens with its verb and then a name the text uses
    // again and again (the story's protagonist) names that one, though the verb is not one of saying.
    const protagonist = said || aged || subject || headline ? null : recurringNameAfterVerb(sentence, counts, quoted);
    if (protagonist) out.push({ at: protagonist.start, speaker: protagonist });
    // وتعهد زوكربيرغ …. وقال: «…»: a verb of saying with no subject of its own that opens the next sentence goes on
    // with the subject of this one, whose verb is not one of saying, when it is someone (a name, a role).
    const carried =
      said || aged || name || subject || protagonist || !isArabic(sentence[0]?.text ?? '')
        ? null
        : subjectBeforeSubjectless(sentence, tokens, k, quoted);
    if (carried) out.push({ at: carried.start, speaker: carried });
  }
  return out;
}

/**
 * وكان مايكل إنغلش، 72 عاما، واحدا من…؛ كانت الممرضة كارا وات، 21 عاما، تحتاج…: an Arabic sentence that opens with its
 * verb, then its subject, a name of one to three words (a title in ال before it or not) with an age between commas,
 * introduces that person, as "Freda Ocran, 51, was a nurse" does in English; else null.
 */
function agedArabicSubject(sentence: Token[]): Span | null {
  const f = sentence.findIndex((t) => t.word);
  const verb = sentence[f];
  // (كان and كانت too, a verb NOT_A_VERB holds for its other uses.)
  const kana = /^[وف]?كان(ت)?$/u.test(verb?.folded ?? '');
  if (!verb || !isArabic(verb.text) || /^[وف]?(ال|لل)/u.test(verb.folded)) return null;
  if (inSet(verb.folded, NOT_A_VERB) && !kana) return null;
  const comma = sentence.findIndex((t, i) => i > f + 1 && i <= f + 5 && t.text === '،');
  if (comma < 0 || !/^\d{1,3}$/u.test(sentence[comma + 1]?.text ?? '')) return null;
  if (!/^(عاما|عامًا|عاماً|سنة)$/u.test(sentence[comma + 2]?.text ?? '') || sentence[comma + 3]?.text !== '،')
    return null;
  let first = f + 1;
  if (/^ال/u.test(sentence[first].folded) && comma - first > 1) first++;
  const name = sentence.slice(first, comma);
  if (name.length === 0 || name.length > 3 || !name.every((w, i) => w.word && isNameWord(w, i, name))) return null;
  return { start: sentence[f + 1].start, end: sentence[comma - 1].end };
}

/**
 * The subject of `sentence`, an Arabic sentence whose verb is not one of saying, when the sentence after it (from
 * `end`, the index in `tokens` of the stop that ends it) opens with a verb of saying joined by و / ف that names no
 * subject of its own (وقال:، وقال لوسائل الإعلام إن، وأضاف أن) and that subject is someone: one to three words that
 * can only be a name, or a role in ال (اللاعب، المدرب، الوزير). A phrase in a preposition or a concession before
 * the first comma opens the sentence (وعلى الرغم من …، قرر اللاعب). Else null.
 */
function subjectBeforeSubjectless(
  sentence: Token[],
  tokens: Token[],
  end: number,
  quoted: (t: Token) => boolean,
): Span | null {
  // (Narration only: no quotation in the sentence, nor the sentence inside one, «… وحياتي. إننا …».)
  if (sentence.some(quoted)) return null;
  // (The next sentence starts after the stops and line breaks that end this one.)
  let from = end + 1;
  while (from < tokens.length && from - end < 4 && SENTENCE_END.test(tokens[from].text)) from++;
  let e = from;
  while (e < tokens.length && e - from < 40 && !SENTENCE_END.test(tokens[e].text)) e++;
  const next = tokens.slice(from, e);
  const v = next.findIndex((t) => t.word);
  if (v < 0 || !/^[وف]/u.test(next[v].folded) || !isSayingVerb(next[v].folded) || !isArabic(next[v].text)) return null;
  if (quoted(next[v])) return null;
  if (subjectAfter(next, v + 1) !== null) return null;
  let f = sentence.findIndex((t) => t.word);
  if (f < 0 || isSayingVerb(sentence[f].folded) || isParticiple(sentence[f].folded)) return null;
  // (ثم / قد / لقد before the verb are its particles: ثم أبحر بعد عام.)
  if (/^[وف]?(قد|لقد|ثم|كذلك)$/u.test(sentence[f].folded)) f++;
  const comma = sentence.findIndex((t, i) => i > f && i <= f + 12 && t.text === '،');
  const opening =
    inSet(sentence[f].folded, OPENING_PREPOSITIONS) ||
    /^[وف]?(رغم|بالرغم)$/u.test(sentence[f].folded) ||
    (/^[وف]?علي$/u.test(sentence[f].folded) && sentence[f + 1]?.folded === 'الرغم');
  if (opening && comma > 0 && sentence.slice(f, comma).every((t) => t.word)) f = comma + 1;
  const verb = sentence[f];
  if (!verb?.word || inSet(verb.folded, NOT_A_VERB) || /^[وف]?ال/u.test(verb.folded)) return null;
  if (isSayingVerb(verb.folded) || isParticiple(verb.folded)) return null;
  const s = subjectAfter(sentence, f + 1);
  if (!s || typeof s !== 'object') return null;
  const words = sentence.filter((t) => t.start >= s.start && t.end <= s.end && t.word);
  const named = words.length <= 3 && words.every((w, i) => isNameWord(w, i, words));
  const bare = words[0] ? words[0].folded.replace(/^ال/u, '') : '';
  const role = words.length === 1 && /^ال/u.test(words[0].folded) && (inSet(bare, TITLES) || ROLES.test(bare));
  return named || role ? s : null;
}

/**
 * The word right after an Arabic sentence's opening verb (its و / ف on it; كان too) when it can only be a name and
 * the text writes it at least four times and never with ال: the protagonist (عمل دولان محاسبا، وتوجه دولان إلى…);
 * else null.
 */
function recurringNameAfterVerb(
  sentence: Token[],
  counts: ReadonlyMap<string, number>,
  quoted: (t: Token) => boolean,
): Span | null {
  const f = sentence.findIndex((t) => t.word);
  const verb = sentence[f];
  const name = sentence[f + 1];
  // (The verb's letters as folded: تعدّ كريستيل carries a shadda.)
  if (!verb || !name?.word || !/^[\u0621-\u064A]{3,}$/u.test(verb.folded) || !isArabic(name.text)) return null;
  // (Not inside a quotation, «تعيش أنيسة»; nor after a verb of being, ولذا أصبح، ظل، بات.)
  if (quoted(name) || /^[وف]?(اصبح|اصبحت|ظل|ظلت|بات|باتت|صار|صارت|مازال|مازالت)$/u.test(name.folded)) return null;
  if (inSet(verb.folded, NOT_A_VERB) || isParticiple(verb.folded) || /^[وف]?(ال|لل)/u.test(verb.folded)) return null;
  if (inSet(verb.folded, ARABIC_STOPS) && !/^[وف]?كان(ت)?$/u.test(verb.folded)) return null;
  if (!isNameWord(name, 0, [name]) || isArabicTitleNoun(name.text) || (counts.get(name.text) ?? 0) < 4) return null;
  // (Not a verb of saying's own addressee or a short word, قالت لي، ما; nor كان, a verb; nor a noun with its genitive
  // after it, ووصف تأثير القمر: a name is seldom followed by a word in ال.)
  if (isSayingVerb(verb.folded) || /^[وف]?(كان|كانت|يكون|تكون|ليس|ليست)$/u.test(name.folded)) return null;
  if (name.folded.length < 3 || inSet(name.folded, NOT_A_VERB) || /^ال/u.test(sentence[f + 2]?.folded ?? ''))
    return null;
  return { start: name.start, end: name.end };
}

/**
 * The subject of an Arabic sentence that opens with its verb, when it is a title or a noun in ال followed by a name
 * (طالب رئيس اللجنة سامر عادل…، وتأخذ المريضة سلمى…), cut after the name; else null.
 */
function titledSubject(sentence: Token[]): Span | null {
  // (A line of dialogue opens with a dash, ـ الجديد هو…: no verb.)
  if (!/^[\u0621-\u064A]{2}/u.test(sentence.find((t) => t.word)?.text ?? '')) return null;
  const s = sentenceSubject(sentence, sentence.length);
  if (!s) return null;
  const words = sentence.filter((t) => t.start >= s.start && t.end <= s.end && t.word);
  if (words.length < 2 || !(inSet(words[0].folded, TITLES) || /^ال/u.test(words[0].folded))) return null;
  // The name: the first word with no ال, ل or ب in front after the title's own words, and the words like it after it.
  // (Not an adverb in tanween, جيداً، or a number.)
  const plain = (t: Token) =>
    !/^[وفبلك]?(ال|لل)|^[بل]/u.test(t.folded) && !inSet(t.folded, ARABIC_STOPS) && !/[\dً]/u.test(t.text);
  // (Nor a verb joined by و / ف in the feminine, وتوالت الصفقات وتزايدت الأرباح: the next clause, no name.)
  const joinedVerb = (t: Token) => /^[وف]ت\p{L}{2,}ت$/u.test(t.text);
  const k = words.findIndex((t, i) => i > 0 && plain(t));
  if (k > 0 && joinedVerb(words[k])) return null;
  if (k < 0) return null;
  let end = k;
  while (end + 1 < words.length && end < k + 2 && plain(words[end + 1]) && !/[اً]$/u.test(words[end + 1].text)) end++;
  return { start: words[0].start, end: words[end].end };
}

/** Adverbs of time an English sentence may open with, a comma after them: "Earlier, Trump said". */
const SENTENCE_ADVERBS = new Set(
  'earlier later then meanwhile afterward afterwards previously separately finally yesterday today'.split(' '),
);

/** Words an English sentence may start with before its subject. */
const OPENERS = new Set(['but', 'and', 'yet', 'still', 'however', 'now']);

/**
 * The subject of an English sentence when it is a name: two or three capitalised words at its
 * start (after "But", "And"…), then a word in lower case ("Dana Holt doesn't …"). One word only
 * when the text wrote it as the last of a longer name: a capitalised first word is as often a
 * place, a company or a common noun.
 */
function namedSubject(sentence: Token[], surnames: ReadonlySet<string>, agedOnly = false): Span | null {
  sentence = sentence.slice(datelineEnd(sentence) + 1);
  // (A quotation mark or a colon is kept: a run of capitals never runs over one, Jane Doe « We …», Mnuchin: ‘No …’.)
  const words = sentence.filter((t) => t.word || t.text === ',' || /^[«»“”"„‹›‘'’:]$/u.test(t.text));
  let k = 0;
  while (k < words.length && (OPENERS.has(words[k].folded) || words[k].text === ',')) k++;
  // "The union's leader, John Smith, spoke …": the name in the apposition (quotes42).
  const titled = !agedOnly && /^(the|a|an)$/u.test(words[k]?.folded ?? '') ? nameInApposition(words, k) : null;
  if (titled) return titled;
  // "One pilot, a veteran with a major airline, flew …. “…,” he said": "One" or "Another" and a person's noun, then
  // its verb (after an apposition or not), names the one "he" means (quotes47: dev13's pilot, 2 quotes given none).
  const one = /^(one|another)$/u.test(words[k]?.folded ?? '') && ONE_OF_PEOPLE.has(words[k + 1]?.folded ?? '');
  const oneVerb =
    words[k + 2]?.text === ',' ? verbAfterApposition(words, k + 2) : /^\p{Ll}/u.test(words[k + 2]?.text ?? '');
  if (!agedOnly && one && oneVerb && !NOT_A_VERB_AFTER_ROLE.has(words[k + 2]?.folded ?? ''))
    return { start: words[k].start, end: words[k + 1].end };
  // "The minister spoke on Monday. “…,” he said": a sentence that opens with "The" and a person's title, then its
  // verb, names the one "he" means (quotes42).
  const role = words[k]?.text === 'The' && PERSON_TITLES.has(words[k + 1]?.folded ?? '') ? words[k + 2] : undefined;
  if (!agedOnly && role?.word && /^\p{Ll}/u.test(role.text) && !NOT_A_VERB_AFTER_ROLE.has(role.folded))
    return { start: words[k].start, end: words[k + 1].end };
  // "Laid off in March, Rachel Lee is a mother of two": a phrase before the first comma that is no name (its second
  // word in lower case, or a preposition first) opens the sentence; the subject comes after it.
  // (Not "Lopez toured the school, and …": a surname the text wrote in full is the subject, a verb after it.)
  const start = k;
  const comma = k + words.slice(k, k + 7).findIndex((w) => w.text === ',');
  const opening =
    comma > k + 1 &&
    words.slice(k, comma).every((w) => w.word) &&
    !surnames.has(words[k].folded) &&
    (/^\p{Ll}/u.test(words[k + 1].text) || OPENING_PREPOSITIONS_EN.has(words[k].folded));
  if (opening && !agedOnly) k = comma + 1;
  // (A name's words follow one another: "Johnson: “We will …”", a headline's colon and mark, is no "Johnson We".)
  const joined = (a: Token, b: Token) => sentence.indexOf(b) === sentence.indexOf(a) + 1;
  const occupied = agedOnly
    ? null
    : (nameAfterOccupation(words, start, joined) ?? nameAfterOccupation(words, k, joined));
  if (occupied) return occupied;
  let end = k;
  while (
    end < words.length &&
    words[end].word &&
    /^\p{Lu}\p{Ll}/u.test(words[end].text) &&
    end - k < 3 &&
    (end === k || joined(words[end - 1], words[end]))
  )
    end++;
  // "Freda Ocran, 51, was a nurse": a name with an age between commas is a person, whatever follows.
  const aged =
    end - k >= 2 &&
    words[end]?.text === ',' &&
    /^\d{1,3}$/u.test(words[end + 1]?.text ?? '') &&
    words[end + 2]?.text === ',';
  // (One word only as a surname; "University", "Office" are a body's words, never one.)
  const surname = surnames.has(words[k]?.folded ?? '') && !BODIES.has(words[k].folded);
  if (agedOnly && !aged) return null;
  // ("Mnuchin: ‘No workers should …’": a headline's name, a colon, then a quotation, names the one it quotes.)
  const headline = k === 0 && words[end]?.text === ':' && /^[«“"„‘']$/u.test(words[end + 1]?.text ?? '');
  // "John Smith, the union's leader, spoke …": a name and an apposition between commas before the verb are the
  // subject, the name (the style of every wire service; quotes42).
  const apposed = !aged && words[end]?.text === ',' && verbAfterApposition(words, end);
  const verbNext = apposed || (!!words[end]?.word && /^\p{Ll}/u.test(words[end].text));
  if (!aged && (end - k < (surname || headline ? 1 : 2) || !(verbNext || headline))) return null;
  const first = words[k].folded;
  if (NOT_AN_ENGLISH_SUBJECT.has(first) || isPronoun(first) || QUANTIFIERS.has(first) || isArabic(words[k].text))
    return null;
  if (/^(the|a|an)$/u.test(words[k].folded)) return null;
  // "Story Casino manager Yin has been …": a run of capitals, a title in lower case, then a name, is the name with its
  // title (dev33: a slideshow's label "Story" run into a paragraph's first words read "Story Casino", given to three
  // of Yin's quotes).
  let named = end;
  while (named < words.length && named - end < 2 && ENGLISH_TITLES.has(words[named].folded)) named++;
  let name = named;
  while (name < words.length && words[name].word && /^\p{Lu}\p{Ll}/u.test(words[name].text) && name - named < 3) name++;
  if (named > end && name > named && words[name]?.word && /^\p{Ll}/u.test(words[name].text)) end = name;
  return { start: words[k].start, end: words[end - 1].end };
}

/**
 * Where an English dateline before the news ends (its dash): "LONDON (Reuters) - ", "WASHINGTON – ", "BREVARD COUNTY,
 * Fla. – ", the style of every wire service and most US papers; -1 when the sentence opens with none. Its place in
 * capitals, then a region or the agency, no word in lower case before the dash.
 */
function datelineEnd(sentence: readonly Token[]): number {
  if (!/^\p{Lu}{2,}$/u.test(sentence[0]?.text ?? '')) return -1;
  const dash = sentence.slice(0, 12).findIndex((t) => /^(?:[-–—]|--)$/u.test(t.text));
  if (dash < 0 || sentence.slice(0, dash).some((t) => t.text === '\n' || (t.word && /^\p{Ll}/u.test(t.text))))
    return -1;
  return dash;
}

/**
 * "Construction worker Jane Roe queued …", "In Chennai, retired nurse Jane Roe, 67, lives …": one or two words in lower
 * case (an occupation; the first capitalised when it opens the sentence), then a name of two or three words, then its
 * verb in lower case or an age between commas: the name (quotes47: "Country star Keith Urban played …, but he said"
 * was given to the one named before him). Not a run with a preposition, an article or a verb of saying ("officials in
 * New York").
 */
function nameAfterOccupation(words: Token[], k: number, joined: (a: Token, b: Token) => boolean): Span | null {
  let n = k;
  const plain = (w: Token, i: number) =>
    w?.word &&
    (/^\p{Ll}{3,}$/u.test(w.text) || (i === 0 && /^\p{Lu}\p{Ll}{2,}$/u.test(w.text))) &&
    !ENGLISH_STOPS.has(w.folded) &&
    !DETERMINERS.has(w.folded) &&
    !QUANTIFIERS.has(w.folded) &&
    !OPENERS.has(w.folded) &&
    !NOT_A_VERB_AFTER_ROLE.has(w.folded) &&
    !/^(a|an)$/u.test(w.folded) &&
    !isPronoun(w.folded) &&
    !isSayingVerb(w.folded);
  while (n < words.length && n - k < 2 && plain(words[n], n) && joined(words[n], words[n + 1] ?? words[n])) n++;
  if (n === k || (n === k + 1 && /^\p{Lu}/u.test(words[k].text))) return null;
  let end = n;
  while (end < words.length && end - n < 3 && words[end].word && /^\p{Lu}\p{Ll}/u.test(words[end].text)) {
    if (end > n && !joined(words[end - 1], words[end])) break;
    end++;
  }
  if (end - n < 2 || !joined(words[n - 1], words[n])) return null;
  const verb = words[end];
  const aged = verb?.text === ',' && /^\d{1,3}$/u.test(words[end + 1]?.text ?? '') && words[end + 2]?.text === ',';
  const verbNext = verb?.word && /^\p{Ll}/u.test(verb.text) && !NOT_A_VERB_AFTER_ROLE.has(verb.folded);
  return aged || verbNext ? { start: words[n].start, end: words[end - 1].end } : null;
}

/** Titles that name a person after "The" ("The minister said"): ENGLISH_TITLES and a few more. */
const PERSON_TITLES = new Set([
  ...'manager director executive chief spokesman spokeswoman spokesperson lawmaker chairman chairwoman'.split(' '),
  ...'president minister secretary official founder owner analyst economist coach leader head adviser advisor'.split(
    ' ',
  ),
  ...'mayor governor senator professor doctor lawyer attorney ambassador judge prosecutor detective'.split(' '),
]);

/** People one of whom a sentence may open with: "One pilot …", "Another resident …". */
const ONE_OF_PEOPLE = new Set([
  ...PERSON_TITLES,
  ...'pilot nurse resident worker doctor teacher student parent mother father woman man driver employee officer'.split(
    ' ',
  ),
  ...'patient customer owner voter passenger survivor witness neighbor neighbour volunteer victim'.split(' '),
]);

/** Words after "The minister" that are no verb: "The minister of health", "The minister and his aides". */
const NOT_A_VERB_AFTER_ROLE = new Set('of and or for in at on to with from by who which that as'.split(' '));

/** Words after a subject's apposition that are no verb: the list goes on ("Ann Lee, the mayor, and …"). */
const NOT_AFTER_APPOSITION = new Set(['and', 'or', 'but', 'nor', 'of', 'the', 'a', 'an']);

/**
 * Whether the comma at `comma` (an index in `words`, words and commas) opens an apposition in lower case (", the
 * mayor,", ", a professor at Yale,", ", who …,"; twelve words at most) followed by a word in lower case, the verb.
 */
function verbAfterApposition(words: Token[], comma: number): boolean {
  const close = words.findIndex((w, i) => i > comma + 1 && i <= comma + 13 && w.text === ',');
  const verb = words[close + 1];
  return (
    close > 0 &&
    /^\p{Ll}/u.test(words[comma + 1]?.text ?? '') &&
    verb?.word === true &&
    /^\p{Ll}/u.test(verb.text) &&
    !NOT_AFTER_APPOSITION.has(verb.folded)
  );
}

/**
 * "The head of the agency, John Smith, spoke …": the name (two or three capitalised words) between commas after a
 * noun phrase in lower case that opens the sentence at `k` (its article) and holds a title, the verb after it; else
 * null.
 */
function nameInApposition(words: Token[], k: number): Span | null {
  const comma = words.findIndex((w, i) => i > k + 1 && i <= k + 8 && w.text === ',');
  if (comma < 0 || !words.slice(k + 1, comma).some((w) => PERSON_TITLES.has(w.folded))) return null;
  let end = comma + 1;
  while (end < words.length && words[end].word && /^\p{Lu}\p{Ll}/u.test(words[end].text) && end - comma <= 3) end++;
  if (end - comma - 1 < 2 || words[end]?.text !== ',') return null;
  const verb = words[end + 1];
  if (!verb?.word || !/^\p{Ll}/u.test(verb.text) || NOT_AFTER_APPOSITION.has(verb.folded)) return null;
  return { start: words[comma + 1].start, end: words[end - 1].end };
}

/** English titles in lower case between a body's name and a person's ("Acme chief executive Ann Lee"). */
const ENGLISH_TITLES = new Set(
  (
    'manager director executive chief spokesman spokeswoman spokesperson lawmaker chairman chairwoman president ' +
    'minister secretary official founder owner analyst economist coach leader head adviser advisor'
  ).split(' '),
);

/** English words that name a body, not a person: "the ministry said", "Acme Corp. said". */
const BODIES = new Set(
  (
    'company companies ministry department government agency office police group association board survey study ' +
    'report data firm organization organisation council committee court university hospital bank club team league ' +
    'union party center centre institute authority commission service airline airlines airport chambers society ' +
    'corp inc ltd news poll statistics network administration state city county foundation fund industry'
  ).split(' '),
);

/** Texts that read something (“…,” the sign reads): no person, so "she said" after them is not theirs. */
const TEXTS = new Set(
  'policy sign statement letter note message notice post tweet website email memo label caption rule order'.split(' '),
);

/**
 * A speaker span is a person as far as the words tell: not a body ("the company", "Acme Corp.",
 * an acronym such as "KPMG"), not "it" or "they". Arabic spans count as people: the words do not
 * tell (الوزارة، الوزير), and news there says وأضاف / وأضافت for both.
 */
export function looksLikePerson(chars: readonly string[], span: Span): boolean {
  const words = tokensOf(chars, span.start, span.end).filter((t) => t.word);
  if (words.length === 0) return false;
  if (words.some((w) => isArabic(w.text))) return true;
  // ("Conservative Party lawmaker Julian Knight": a body's word in the title before a name, then "He said" is his;
  // dev38 gave it to the last person before him.)
  const [title, first, last] = words.slice(-3);
  if (words.length >= 3 && /^\p{Ll}{3,}$/u.test(title.text) && !/^(the|and|of|for)$/u.test(title.folded)) {
    if ([first, last].every((w) => /^\p{Lu}\p{Ll}+$/u.test(w.text) && !BODIES.has(w.folded))) return true;
  }
  if (words.some((w) => BODIES.has(w.folded) || TEXTS.has(w.folded) || w.folded === 'it' || w.folded === 'they'))
    return false;
  if (isPluralNounPhrase(words)) return false;
  return !(words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0].text));
}

/** Words that end an English noun phrase's head: what follows is its complement (sources of carbon dioxide). */
const AFTER_A_HEAD = new Set('of from in at with for on by to among across who that which and or'.split(' '));

/** Words that open a noun phrase, capitalised at a sentence's start: "Her parents", "Many residents". */
const DETERMINERS = new Set('the his her their its our my many some several both all most few these those'.split(' '));

/** Singular nouns in -s (no plural: a series, the boss, a virus, an analysis). */
const SINGULAR_IN_S = new Set('series species news means lens'.split(' '));

/**
 * "scientists", "many sources of carbon dioxide and other pollutants": an English noun phrase in lower case whose head
 * (its last word before "of", "from", "who" …) is a plural, so many, not the one "he said" / "she said" means
 * (washingtonpost-5: the warming "that scientists have said will continue", then Hausfather's "…," he said, gave to
 * scientists). Not a name or a sentence's first word (no capital in its head).
 */
function isPluralNounPhrase(words: readonly Token[]): boolean {
  const end = words.findIndex((w, i) => i > 0 && AFTER_A_HEAD.has(w.folded));
  const head = words.slice(0, end < 0 ? words.length : end);
  // (A sentence's first word may be capitalised when it is a determiner: "Her parents said …".)
  const lower = (w: Token, i: number) => /^\p{Ll}+$/u.test(w.text) || (i === 0 && DETERMINERS.has(w.folded));
  if (!head.every(lower)) return false;
  const noun = head[head.length - 1].folded;
  return /[^siu']s$/u.test(noun) && !SINGULAR_IN_S.has(noun) && !isPronoun(noun);
}

/** Words that open no noun phrase: exceptions, adverbs, particles (إلا بالتورالي، خصوصا أولئك، أحدا بذلك). */
const NOT_A_SPEAKER_OPENING = fold(
  'إلا خصوصا خاصة أيضا حتى لكن بل ثم فقط أحدا سابقا لاحقا حاليا ببساطة كذلك هنا هناك بذلك عندها حينها'.split(' '),
);

/** What is posted or issued (نشر X تغريدة، أصدرت X بيانا، بث X مقطع فيديو): the verb's object, indefinite. */
const POSTED = /^(تغريدة|تغريدات|منشورا|منشور|تدوينة|بيانا|رسالة|مقطع|مقطعا|فيديو)$/u;

/**
 * A read subject that runs on into its verb's object, what was posted (ونشرت الشرطة تغريدة جاء فيها «…»، أصدرت
 * اللجنة بيانا): the words before it, the one who posted, who is the speaker of what the post says. Arabic puts the
 * subject before the object (VSO), so an indefinite text noun after the subject's first word is never part of it.
 */
export function withoutPosted(chars: readonly string[], span: Span): Span {
  const words = tokensOf(chars, span.start, span.end);
  const k = words.findIndex((w, i) => i > 0 && w.word && POSTED.test(w.text));
  return k > 0 && words[k - 1].word ? { start: span.start, end: words[k - 1].end } : span;
}

/** Nouns of figures (الأرقام، التقديرات، التحاليل، الإحصاءات، المؤشرات), folded, with و / ف off. */
const FIGURES = /^ال(ارقام|تقديرات|تحاليل|احصاءات|احصائيات|مؤشرات)$/u;

/**
 * An Arabic mention the rules read as a speaker can be one: a noun phrase, not a participle of manner (مستنكرا،
 * متسائلا), an adverb with tanween (بأدبٍ جم), a particle (إلا، خصوصا), a phrase in a preposition with a pronoun
 * (بتقربه). English mentions are left as they are.
 */
export function isSpeakerNounPhrase(chars: readonly string[], span: Span): boolean {
  const text = chars.slice(span.start, span.end).join('');
  if (!isArabic(text)) return true;
  const words = tokensOf(chars, span.start, span.end).filter((t) => t.word);
  const first = words[0];
  if (!first) return false;
  if (/[\u064B-\u064D]/u.test(first.text)) return false; // tanween: an indefinite adverb, no one's name
  const bare = first.folded.replace(/^[وف]/u, '');
  if (inSet(first.folded, NOT_A_SPEAKER_OPENING) || isParticiple(first.folded)) return false;
  // A noun phrase opens with no preposition (في عام 2006، …، عبر حسابها): that is the verb's adjunct.
  if (/^[وف]?(في|من|على|عن|إلى|الى|مع|عبر|خلال|منذ|أمام|امام|لدى)$/u.test(first.text)) return false;
  if (isSayingVerb(first.folded)) return false;
  // (Figures speak no quotation: وكشفت التحاليل وجود مشكلة …. وقالت: «…», وتكشف الأرقام أن …, تشير التقديرات إلى: the
  // last one who spoke is the one before them. The corpus's 3 such reads, all wrong; quotes45.)
  if (FIGURES.test(bare)) return false;
  if (words.length === 1 && /^(بال|لل|كال|ال|ب|ل|ك)$/u.test(bare)) return false; // بالـ"…": a prefix, no word
  if (words.length === 1 && /^م(ست|ت|ن)\S{3,}ا$/u.test(bare)) return false; // مستنكرا، متسائلا، منتقدا
  if (
    words.length === 1 &&
    /^[بلك]\S{2,}(ه|ها|هم)$/u.test(bare) &&
    !/^لل/u.test(bare) &&
    !namedBesideTitle(chars, first)
  )
    return false; // بتقربه
  return true;
}

/**
 * Whether the text writes `word` as the last of a full name beside a title (قال بدر باسلمه وزير النقل، …: a name word
 * before it, a title noun or a comma after it): a family name in ب / ل / ك and ه (باسلمه، كرامه), not a preposition and
 * a pronoun (بتقربه), so the verbs of saying that name him by it alone have a subject (dev34: ورأى / وأوضح باسلمه).
 */
function namedBesideTitle(chars: readonly string[], word: Token): boolean {
  let names = NAMED_BESIDE_TITLE.get(chars);
  if (!names) {
    // (Once per text: the whole text's words, read for each such one-word subject, cost 5-10% of findQuotes' time.)
    names = new Set();
    const tokens = tokensOf(chars, 0, chars.length);
    for (let i = 1; i < tokens.length; i++) {
      const [before, t, after] = [tokens[i - 1], tokens[i], tokens[i + 1]];
      if (!/^[بلك]\S{2,}(ه|ها|هم)$/u.test(t.text) || !before.word || !isNameWord(before, 0, [before])) continue;
      if (after?.text === '،' || isArabicTitleNoun(after?.text ?? '')) names.add(t.text);
    }
    NAMED_BESIDE_TITLE.set(chars, names);
  }
  return names.has(word.text);
}

/** The words of each text read so far that it writes as a family name beside a title (namedBesideTitle). */
const NAMED_BESIDE_TITLE = new WeakMap<readonly string[], Set<string>>();

/** Words that end a subject: a preposition of the verb's adjunct, a pronoun or a verb of being (the next clause). */
const ENDS_A_SUBJECT = /^[وف]?(مع|بين|نحو|حتى|على|إلى|الى|منذ|عبر|خلال|هو|هي|هم|هما|كانت|كان)$/u;

/**
 * A speaker read with confidence, one a verb with no subject of its own (وأضاف، وقالت، مضيفا) may be carried on
 * from: a noun phrase, not a clause fragment. The rules read a subject up to the next verb of saying, so a subject
 * read on past its end takes in its verb's object or adjunct: a number (الصندوق 45 مليار دولار), a preposition
 * (وتحدث زوكربيرغ مع عدد من الصحفيين), a pronoun, a verb of being or of saying.
 */
export function isConfidentSpeaker(chars: readonly string[], span: Span): boolean {
  if (!isSpeakerNounPhrase(chars, span)) return false;
  if (!isArabic(chars.slice(span.start, span.end).join(''))) return true;
  const rest = tokensOf(chars, span.start, span.end).slice(1);
  return !rest.some((t) => /\p{Nd}/u.test(t.text) || ENDS_A_SUBJECT.test(t.text) || (t.word && isSayingVerb(t.folded)));
}

/** How a span came to be proposed as a quote's speaker (shared/speaker-ranker.ts weighs each way). */
export type ProposalKind = 'after-verb' | 'before-verb' | 'sentence-subject' | 'name';

export interface SpeakerProposal {
  span: Span;
  kind: ProposalKind;
  /** The span stands for a pronoun or a verb with no subject of its own: the last speaker it points back to. */
  pointsBack: boolean;
}

/**
 * Every span the words around a quote could make its speaker, for the ranker to choose from: the subjects before
 * and after each verb of saying in the quote's sentence, the sentence before it and the rest of its own sentence
 * after it, the subjects of the sentence, and (English) each run of capitalised words there. A pronoun or a verb
 * with no subject proposes `person` (he, she) or `previous`.
 */
export function speakerProposals(
  chars: readonly string[],
  quote: Span,
  previous: Span | null,
  person: Span | null = previous,
): SpeakerProposal[] {
  const before = tokensOf(chars, Math.max(0, quote.start - 400), quote.start);
  const after = tokensOf(chars, quote.end, Math.min(chars.length, quote.end + 200));
  const sentenceStart = (tokens: Token[], from: number) => {
    let k = from;
    while (k > 0 && !SENTENCE_END.test(tokens[k - 1].text)) k--;
    return k;
  };
  const own = sentenceStart(before, before.length);
  const head = before.slice(own);
  // The sentence before the quote's too: "Jones spoke to reporters. “…”".
  const window = before.slice(sentenceStart(before, Math.max(0, own - 1)));
  let stop = 0;
  while (stop < after.length && !(after[stop].word === false && SENTENCE_END.test(after[stop].text))) stop++;
  const tail = after.slice(0, stop);
  const out: SpeakerProposal[] = [];
  const add = (s: Subject, kind: ProposalKind) => {
    if (s === null) return;
    const span = s === 'pronoun' ? previous : s === 'person' ? (person ?? previous) : s;
    if (span) out.push({ span, kind, pointsBack: typeof s !== 'object' });
  };
  for (const tokens of [window, tail])
    tokens.forEach((t, k) => {
      if (!t.word) return;
      if (t.folded === 'according' && tokens[k + 1]?.folded === 'to') add(subjectAfter(tokens, k + 2), 'after-verb');
      if (!isSayingVerb(t.folded) && !isParticiple(t.folded)) return;
      add(subjectBefore(tokens, k), 'before-verb');
      if (!/^(told|tells)$/u.test(t.folded)) add(subjectAfter(tokens, k + 1), 'after-verb');
    });
  add(sentenceSubject(head, head.length), 'sentence-subject');
  add(englishSubject(head), 'sentence-subject');
  add(clauseSubject(head), 'sentence-subject');
  for (const tokens of [window, tail])
    for (let k = 0; k < tokens.length; k++) {
      let end = k;
      while (
        end < tokens.length &&
        tokens[end].word &&
        !isArabic(tokens[end].text) &&
        /^\p{Lu}/u.test(tokens[end].text)
      )
        end++;
      if (end > k && !(end - k === 1 && isPronoun(tokens[k].folded)))
        out.push({ span: { start: tokens[k].start, end: tokens[end - 1].end }, kind: 'name', pointsBack: false });
      k = end;
    }
  return out;
}
