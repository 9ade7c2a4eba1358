// The speaker rules of issue 17's "who is named" class (docs/QUOTE-GUIDE.md, quotes30): a title beside a name, a
// verbal noun of saying as the cue, relays, a body's name before a colon. Made-up sentences, none from the corpus.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../shared/quote-finder';
import { cpSlice } from './text-arbitraries';

/** The speakers of the quotes found in `source`, in order (direct and indirect). */
const speakers = (source: string, kind?: 'direct' | 'indirect') =>
  findQuotes(source)
    .filter((q) => !kind || q.kind === kind)
    .map((q) => q.speaker && cpSlice(source, q.speaker.start, q.speaker.end));

describe('who is named: a title beside a name', () => {
  it('Arabic: a family name in ب / ك and ه, written in full beside a title, is a subject (not بتقربه)', () => {
    const ar =
      'وقال بدر كرامه وزير الزراعة الليبي إن الموسم جيد. وأشار وزير الزراعة الليبي إلى أن الوزراء طلبوا التأجيل. ' +
      'ورأى كرامه أن الرئيس «كان واثقا من نفسه ولم يخش شيئا أبدا». ' +
      'وأوضح كرامه، أن هناك عملية جارية «حيث أطلعنا المسؤول على حجم الأضرار الكبيرة». ' +
      'وأضاف: «طلبنا ما زال معلقا حتى الآن».';
    expect(speakers(ar, 'direct')).toEqual(['كرامه', 'كرامه', 'كرامه']);
    // (A preposition with a pronoun the text never writes beside a title is still no one: the last speaker.)
    const pronoun =
      'وقال سامر عادل إن «الشركة بدأت صغيرة جدا في مدينة بعيدة». وقال بدوره إن «الطريق ما زال طويلا أمام الجميع».';
    expect(speakers(pronoun, 'direct')).toEqual(['سامر عادل', 'سامر عادل']);
  });
});

describe('who is named: a title beside a name, with an honorific', () => {
  it('Arabic: ROLE، البروفيسور NAME NAME، في …: the name in apposition after the role, its honorific with it', () => {
    const ar =
      'وقال مؤسس ورئيس منتدى الشرق الأوسط ، البروفيسور ماجد فهد، في معرض حديثه عن الرأي العام إن "عملية السلام ' +
      'التي ولدت قبل سنوات فشلت بشكل مخيف".';
    expect(speakers(ar, 'direct')).toEqual(['البروفيسور ماجد فهد']);
  });
});

describe('who is named: a body’s name then a colon, no verb', () => {
  it('Arabic: a paragraph that opens with a noun phrase and a colon heads its quotations and the وأضاف after them', () => {
    const ar =
      'وقال سامر عادل، رئيس النادي الأهلي: "الفوز كان مستحقا تماما لنا جميعا".\n' +
      'نقابة المعلمين المصرية: "نرحب بهذا القرار الذي انتظرناه طويلا جدا".\n' +
      '"وسنعمل مع الوزارة على تنفيذه في كل المدارس".\n' +
      'اتحاد الكتاب العرب: "نهنئ الفائزين بالجائزة هذا العام على أعمالهم".\n' +
      'وأضاف: "نأمل أن تتسع الجائزة لأصوات جديدة في الأعوام المقبلة".';
    expect(speakers(ar, 'direct')).toEqual([
      'سامر عادل',
      'نقابة المعلمين المصرية',
      'نقابة المعلمين المصرية',
      'اتحاد الكتاب العرب',
      'اتحاد الكتاب العرب',
    ]);
    // (Not a phrase that opens with a preposition or a word in و: وفي المقابل: "…" is the one who spoke last.)
    const opening =
      'وقال سامر عادل إن "الفوز كان مستحقا تماما لنا".\nوفي المقابل: "الخسارة لا تعني نهاية الموسم أبدا".';
    expect(speakers(opening, 'direct')).toEqual(['سامر عادل', 'سامر عادل']);
  });
});

describe('who is named: a verbal noun of saying as the cue', () => {
  const first = 'وقال سامر عادل إن «الشركة بدأت صغيرة جدا في مدينة بعيدة». ';

  it('Arabic: وسط تأكيد من X بأن «…»: X, carried to the subjectless وقال after it', () => {
    const ar =
      first +
      'ويأتي ذلك وسط تأكيد من قيادي في حزب الأمة، بأن العرض القائم هو «هدوء الشمال مقابل هدوء الجنوب». ' +
      'وقال إن الحملة «تعني أيضا وقف الاعتقالات بحق الأهالي».';
    expect(speakers(ar, 'direct')).toEqual(['سامر عادل', 'قيادي', 'قيادي']);
  });

  it('Arabic: مع تأكيد TITLE NAME أن «…» and مع تصريح إعلامي للواء NAME، … كما شدد على أن «…»: the noun’s agent', () => {
    const genitive =
      first + 'وتزامنت تلك الأنباء مع تأكيد عضو مجلس المدينة ماجد فهد، لـ«الأهرام»، أن «المجلس فوض اللجنة للتفاوض».';
    expect(speakers(genitive, 'direct')).toEqual(['سامر عادل', 'عضو مجلس المدينة ماجد فهد']);
    const inL =
      first +
      'وتوافقت تلك التأكيدات مع تصريح إعلامي للواء ماجد فهد، مستشار الوزير، أشار فيه أمس إلى أنه سيتم فتح الباب، ' +
      'كما شدد على أن «الحكومة على مسافة واحدة من الجميع».';
    expect(speakers(inL, 'direct')).toEqual(['سامر عادل', 'للواء ماجد فهد']);
  });

  it('Arabic: في تصريح أصدرته X / في البيان الذي أصدره X: the one who issued it, not who relayed it', () => {
    const issued =
      first + 'وجاء في تصريح أصدرته شركة النور نقلته بعض الصحف، «أن الشركة تحاول بيع أصولها للمحافظة على قيمتها».';
    expect(speakers(issued, 'direct')).toEqual(['سامر عادل', 'شركة النور']);
    const which =
      first +
      'جاء ذلك في البيان الذي أصدره الدكتور ماجد فهد، الأمين العام للرابطة، مستنكرا هذه «الجريمة التي قامت بها هذه الفئة الخارجة».';
    expect(speakers(which, 'direct')).toEqual(['سامر عادل', 'الدكتور ماجد فهد']);
  });

  it('Arabic: جاء ذلك في تغريدة لNAME …، حيث قال: "…": the one the text is of', () => {
    const ar =
      first +
      'جاء ذلك في تغريدة لماجد على صفحته بموقع التواصل الاجتماعي، تويتر، حيث قال: "الرئيس لم يتهم بالفساد، ولكن رأى ' +
      'شعبه قد انقسم حوله".';
    expect(speakers(ar, 'direct')).toEqual(['سامر عادل', 'ماجد']);
  });

  it('Arabic: لكن NAME، ROLE، خرج بتصريح ناري … بقوله: «…»: the name the sentence opens with, not the noun in ب', () => {
    const ar =
      first +
      'لكن ماجد الفهد، عضو مجلس شورى الحزب، وهو إحدى أكبر الكتل الداعمة للحكومة، خرج بتصريح ناري مساء أول من أمس ' +
      'دعا فيه إلى مراجعة ذلك الموقف بقوله: «إما أن نقدم رؤية بديلة للإصلاح وإلا فالمشاركة أفضل».';
    expect(speakers(ar, 'direct')).toEqual(['سامر عادل', 'ماجد الفهد']);
  });

  it('Arabic: not a noun of saying that is a verb’s object, nor one after وقال في بيان أصدرته X', () => {
    // (انتقد X تصريحات Y قائلا: X spoke; the statements are Y's.)
    const object = 'انتقد سامر عادل، وزير الخارجية، تصريحات ماجد فهد التي أدلى بها، قائلا إنها «غير مرحب بها أبدا».';
    expect(speakers(object, 'direct')).toEqual(['سامر عادل']);
    const said =
      'وقال سامر عادل رئيس اللجنة إن الأمر صعب. وقال في بيان أصدرته اللجنة الدولية اليوم "إن المرافق الصحية تضررت ' +
      'بشكل كبير بسبب القتال"، مشيرا إلى أن الأوضاع سيئة.';
    expect(speakers(said)).toEqual(['سامر عادل رئيس اللجنة', 'سامر عادل رئيس اللجنة', 'سامر عادل رئيس اللجنة']);
  });
});

describe('who is named: relays', () => {
  const first = 'وقال سامر عادل إن «الشركة بدأت صغيرة جدا في مدينة بعيدة». ';

  it('Arabic: نقلت X عن NAME قوله إن …، يفيد بأنه «…»: NAME, and the وأضاف after it', () => {
    const ar =
      first +
      'في غضون ذلك، نقلت وكالة الأنباء المحلية عن الناشط الإعلامي ماجد فهد قوله إن رد الأهالي على المبادرة، يفيد ' +
      'بأنه «لا هدنة إلا في حال انسحاب القوات من المنطقة كاملة». وأضاف: «ما يروج له الطرف الآخر محض افتراء لا أساس له».';
    expect(speakers(ar, 'direct')).toEqual(['سامر عادل', 'الناشط الإعلامي ماجد فهد', 'الناشط الإعلامي ماجد فهد']);
  });

  it('Arabic: …، ناقلا عن NAME، ROLE، أنه «…»: NAME, not the sentence’s subject who relays', () => {
    const ar =
      first +
      'وأكد المصدر أن المفاوضات توقفت في الأسبوع الماضي، ناقلا عن ماجد فهد، الناطق باسم الحركة، أنه «لا نية للسيطرة ' +
      'على المدينة حتى تتوقف الهجمة».';
    expect(speakers(ar, 'direct')).toEqual(['سامر عادل', 'ماجد فهد']);
  });

  it('Arabic: «…»، حسبما أفادت X after the sentence’s own verb of saying: not X', () => {
    const ar =
      first +
      'وقالت وزارة الدفاع إنها قصفت مواقع للتنظيم، مضيفة أنها استهدفت "عناصر كانوا يخططون لعمليات خلال الأيام المقبلة"، ' +
      'حسبما أفادت وكالة الأنباء الرسمية.';
    expect(speakers(ar, 'direct')).toEqual(['سامر عادل', 'وزارة الدفاع']);
  });
});
