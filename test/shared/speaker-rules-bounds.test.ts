// The speaker rules of issue 17's "bounds" class (docs/QUOTE-GUIDE.md, quotes40): the right person, but a span cut
// too short or run on too long. Made-up sentences, none from the corpus.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../shared/quote-finder';
import { cpSlice } from './text-arbitraries';

/** The speakers of the quotes found in `source`, in order (direct and indirect). */
const speakers = (source: string, kind?: 'direct' | 'indirect') =>
  findQuotes(source)
    .filter((q) => !kind || q.kind === kind)
    .map((q) => q.speaker && cpSlice(source, q.speaker.start, q.speaker.end));

describe('bounds: a word in لل after وفقا is kept whole', () => {
  it('Arabic: ووفقا للمصادر / للبيان: the noun with its elided ال, not لمصادر (no word)', () => {
    const ar =
      'ووفقا للمصادر الأمنية المحلية، فإن المسلحين «استولوا على كميات كبيرة من الذخيرة في الليلة الماضية». ' +
      'كذلك، ووفقا للبيان الرسمي، فسوف «يقود فريقا من الخبراء القادمين من عدة وزارات مختلفة».';
    expect(speakers(ar, 'direct')).toEqual(['للمصادر الأمنية المحلية', 'للبيان الرسمي']);
    // (A name in ل still loses its ل: وفقا لسامر عادل.)
    const name = 'ووفقا لسامر عادل، فإن الشركة «بدأت صغيرة جدا في مدينة بعيدة عن العاصمة».';
    expect(speakers(name, 'direct')).toEqual(['سامر عادل']);
  });
});

describe('bounds: ولي العهد', () => {
  it('Arabic: a verb of saying then ولي العهد: the crown prince, not و + لي "and to me"', () => {
    const ar = 'وفي حديثه أمس، قال ولي العهد الأردني إن الخطة كانت "ناجحة بالكامل في مصلحة البلاد كلها".';
    expect(speakers(ar, 'direct')).toEqual(['ولي العهد الأردني']);
    const named =
      'حدد ولي العهد الأردني، الأمير سامر بن فهد، موعد الطرح، مشددا على أن "الخطة المتوقفة ستعود قريبا جدا".';
    expect(speakers(named, 'direct')).toEqual(['الأمير سامر بن فهد']);
    // (وقال لي is still whom it was said to: the subject after it.)
    const me = 'وقال لي الجار: «كنت هنا منذ الصباح الباكر ولم أر أحدا».';
    expect(speakers(me, 'direct')).toEqual(['الجار']);
  });
});

describe('bounds: the subject ends where the verb’s object begins (VSO)', () => {
  it('Arabic: an accusative in fathatan after the subject is the object or an adverb, not the name', () => {
    const ar = 'وأصدرت الشركة الصغيرة بياناً بعد إزالة التطبيق قائلة: "في الأيام المقبلة سنعود أقوى من قبل".';
    expect(speakers(ar, 'direct')).toEqual(['الشركة الصغيرة']);
  });

  it('Arabic: a noun with a possessive after a name is the object (أبدت NAME استياءها), not after a noun', () => {
    const ar =
      'وأبدت سلمى عادل استيائها من الخبر، وقالت: "لم يخبرني أحد بما حدث في تلك الليلة الطويلة".\n' +
      'وأشاد معلم فهد بإنجازها وقال إنها كانت لاعبة مثالية، «كانت تتدرب كل صباح قبل الجميع».';
    expect(speakers(ar, 'direct')).toEqual(['سلمى عادل', 'معلم فهد']);
    // (A noun's own genitive stays: سفارة بلادهم, one word in ة and its genitive.)
    const genitive = 'وقالت سفارة بلادهم في بيان: "كانت الرحلة متعبة جدا بعد الانتظار الطويل في المطار".';
    expect(speakers(genitive, 'direct')).toEqual(['سفارة بلادهم']);
  });

  it('Arabic: a medium in ل after a verb of saying’s one-word subject is whom it was said to', () => {
    const ar =
      'وقالت سلمى لشبكة "سي إن إن" الإخبارية: "عندما نشرت الصورة لم أتوقع كل هذا الغضب".\n' +
      'وقال خبراء لبي بي سي إن الناس «لا يعرفون ما يحدث في بلادهم منذ أشهر».';
    expect(speakers(ar, 'direct')).toEqual(['سلمى', 'خبراء']);
  });
});

describe('bounds: a role in a body before the name', () => {
  it('Arabic: شدد القيادي في BODY NAME على أن «…»: the role runs on to the name (not القيادي alone)', () => {
    const ar =
      'وأكدت مصادر أن الاجتماع تأجل. كما شدد القيادي في الحركة الشعبية سامر عادل على أن الاتهامات «محاولة للتغطية ' +
      'على الفشل في وقف الاحتجاجات».\n' +
      'فيما شدد الباحث في «مركز الدراسات» ماجد فهد، في تغريدة له، على أن التصعيد «ليس إلا البداية».';
    expect(speakers(ar, 'direct')).toEqual([
      'القيادي في الحركة الشعبية سامر عادل',
      'الباحث في «مركز الدراسات» ماجد فهد',
    ]);
    // (Not a body and where it said it: قالت الشركة في مدونتها.)
    const where = 'وقالت الشركة في مدونتها إن التحديث «سيصل إلى جميع المستخدمين خلال أيام».';
    expect(speakers(where, 'direct')).toEqual(['الشركة']);
  });
});

describe('bounds: a statement from a body', () => {
  it('Arabic: وقال بيان صحفي من BODY إن «…»: the body, as بيان أصدره X (not the statement)', () => {
    const ar =
      'وقال بيان صحفي من مؤسسة "النور" إن "الحيوانات الثلاثة توفيت صباح أمس أثناء نومها في الحديقة". ' +
      'وأفاد بيان صادر عن قيادة الشرطة المحلية بأن "الحادث وقع في ساعة متأخرة من الليل".';
    expect(speakers(ar, 'direct')).toEqual(['مؤسسة "النور"', 'قيادة الشرطة المحلية']);
  });
});

describe('bounds: a body’s name in marks keeps its closing mark', () => {
  it('Arabic: وقالت صحيفة «X» إن …: the pair whole, not صحيفة «X', () => {
    const ar =
      'وقالت صحيفة «النهار اليومية» إن الوزير «قدم استقالته صباح اليوم بعد خلاف طويل». ' +
      'وأضافت شركة "الأمل" أن الخطة "ستنفذ على مراحل خلال العام المقبل".';
    expect(speakers(ar, 'direct')).toEqual(['صحيفة «النهار اليومية»', 'شركة "الأمل"']);
  });
});

describe('reported speech: a verb inside what was reported names no one who spoke', () => {
  it('Arabic: وأضاف أن الشرطة نقلت الجثث …، مشيرا إلى: the one who spoke last, not the object of نقلت', () => {
    const ar =
      'وقال المتحدث باسم الدفاع المدني إن الحريق اندلع مساء أمس. ' +
      'وأضاف أن قوات الإنقاذ نقلت المصابين إلى المستشفى القريب، مشيرا إلى أنه تم فتح تحقيق في أسباب الحريق.';
    expect(speakers(ar, 'indirect')).toEqual([
      'المتحدث باسم الدفاع المدني',
      'المتحدث باسم الدفاع المدني',
      'المتحدث باسم الدفاع المدني',
    ]);
    // (Nor a noun of saying read as a verb inside it: رد مشترك "a joint reply", then وأضاف أن.)
    const noun =
      'وقال الوزير سامر عادل إن الحكومة تعمل مع شركائها للاتفاق على رد مشترك على الأزمة. ' +
      'وأضاف أن البلاد لن تشارك في أي عمل عسكري خلال الفترة المقبلة.';
    expect(speakers(noun, 'indirect')).toEqual(['الوزير سامر عادل', 'الوزير سامر عادل']);
  });
});

describe('bounds: a title is not run on to a name through an object', () => {
  it('Arabic: عن أسفه … هذه «…» / على ضرورة … بمسؤولياتها "…": a demonstrative or a possessive is no name', () => {
    const ar =
      'وعبر الدكتور الحربي عن أسفه البالغ لاستمرار هذه «الجماعة المتطرفة في أعمالها ضد الناس». ' +
      'كما أكد المسؤول الأممي على ضرورة التزام كندا بمسؤولياتها "بموجب القوانين الدولية وحقوق الإنسان".';
    expect(speakers(ar, 'direct')).toEqual(['الدكتور الحربي', 'المسؤول الأممي']);
    // (A name after the title still is: وقال الأمين العام للحزب سامر عادل: «…».)
    const named = 'وقال الأمين العام للحزب سامر عادل: «لن نشارك في الحكومة المقبلة مهما حدث».';
    expect(speakers(named, 'direct')).toEqual(['الأمين العام للحزب سامر عادل']);
  });
});

describe('reported speech: a speaker ends before the words it reported', () => {
  it('Arabic: أعلنت الوزارة عن إصابة …، وذلك / أعلن الاتحاد عن القائمة …: the speaker, not the verbal noun’s quote', () => {
    const ar =
      'وأعلنت وزارة الصحة المحلية عن إصابة ثلاثة أشخاص وجرح 12 آخرين، وذلك في مدينة الساحل الشمالية. ' +
      'وأعلن الاتحاد المحلي لكرة القدم عن القائمة النهائية للمرشحين لجائزة أفضل لاعب في البلاد هذا العام.';
    expect(speakers(ar, 'indirect')).toEqual(['وزارة الصحة المحلية', 'الاتحاد المحلي لكرة القدم']);
  });
});
