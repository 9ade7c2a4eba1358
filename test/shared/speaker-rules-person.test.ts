// The speaker rules of quotes45 (issue 17, Arabic speakers: the person — another one, carried wrongly, or none), on
// made-up sentences: who says a quote when the words after a verb are its object, an idiom names the doer, or a
// sentence has no verb. Each watched failing on e324535's code first; the sentences are written here, not copied.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../shared/quote-finder';
import { cpSlice } from './text-arbitraries';

/** The speakers of the direct quotes found in `source`, in order. */
const speakers = (source: string) =>
  findQuotes(source)
    .filter((q) => q.kind === 'direct')
    .map((q) => q.speaker && cpSlice(source, q.speaker.start, q.speaker.end));

describe('the pronoun on لكن is the subject of the verb after it', () => {
  it('ولكنه أوضح تفاصيلها بقوله: the one who spoke last, not the object', () => {
    const ar =
      'وقال رئيس الحزب سامر عادل إن الخطة جديدة. ولكنه أوضح تفاصيلها بقوله "لن نتراجع عن هذه الخطة مهما حدث". ' +
      'وأضاف "نحن ملتزمون بكل ما وعدنا به الناخبين في المدن".';
    expect(speakers(ar)).toEqual(['رئيس الحزب سامر عادل', 'رئيس الحزب سامر عادل']);
  });

  it('ولكنه ألمح إلى …، مضيفا: the participle goes with the pronoun, not with the verb read as a name', () => {
    const ar =
      'وقال الوزير سامر عادل إن الخطة ما زالت فكرة. ولكنه ألمح إلى إمكانية تنفيذها في الشهر المقبل، مضيفا ' +
      '"أعتقد أنه أمر رائع بالنسبة لبلادنا كلها".';
    expect(speakers(ar)).toEqual(['الوزير سامر عادل']);
  });

  it('but the sentence names it first: وأشادت الوزارة بالخطة، لكنها قالت إن …', () => {
    const ar = 'وأشادت وزارة الخارجية بالخطة، لكنها قالت إن واشنطن "جلبت التهديد بالحرب إلى المنطقة كلها".';
    // (A guard, which main passed too: the sentence's subject, its bounds quotes46's.)
    expect(speakers(ar)[0]).toMatch(/^وزارة الخارجية/u);
  });
});

describe('a word after the verb that is not its subject', () => {
  it('أعلن خلاله أن: "during it" names no one; the one whose statement it is', () => {
    const ar =
      'وحاول الوزير سامر عادل احتواء الغضب ببيان تلاه مدير مكتبه، أعلن خلاله أن الحكومة عملت على ' +
      '"إنشاء خلية أزمة لاتخاذ القرارات العاجلة".';
    expect(speakers(ar)[0]).not.toBe('خلاله');
    expect(speakers(ar)[0]).toMatch(/سامر عادل/u);
  });

  it('ولديه عملاء: a sentence that opens with "he has" has no verb; the one who spoke last', () => {
    const ar =
      'ويقول سامر عادل إنه يتلقى الطلبات عبر وسطاء. ولديه عملاء من مدن كثيرة لا يرفض لهم طلبا لأن ' +
      '"ما يحتاجونه لا يتوقف أبدا في أي وقت".';
    expect(speakers(ar)).toEqual(['سامر عادل']);
  });
});

describe('the subject named before the verb', () => {
  it('لكن NAME يود …، قائلا: a name right before a verb in the present after لكن', () => {
    const ar =
      'وقال حسن علي إن الأمر صعب. لكن سامر عادل يود السفر إلى الخارج وقد عاد إلى التشديد على العمل، قائلا إن ' +
      '"الشركة ستحتاج إلى مصنع أكبر بكثير من هذا".';
    expect(speakers(ar)).toEqual(['سامر عادل']);
  });

  it('فما كان من NAME إلا أنه أجابه قائلا: the idiom names the one who answered, not the one who asked', () => {
    const ar =
      'وطلب المذيع منه وصفة للريجيم، فما كان من سامر عادل إلا أنه أجابه قائلا "والله بلا ريجيم بلا كلام فاضي".';
    expect(speakers(ar)).toEqual(['سامر عادل']);
    const said = 'وسألته الصحفية عن الخطة، فما كان من الوزير إلا أن قال: "سنبدأ التنفيذ في الشهر المقبل".';
    expect(speakers(said)).toEqual(['الوزير']);
  });
});

describe('figures speak no quotation', () => {
  it('وكشفت التحاليل وجود مشكلة …. وقالت: the one the story is about, not the tests', () => {
    const ar =
      'كانت المعلمة سلمى حداد، 30 عاما، تحتاج إلى عملية جراحية. وكشفت التحاليل وجود مشكلة في الكبد. ' +
      'وقالت: "لقد كان شيئا فظيعا ومريعا بالنسبة لي".';
    expect(speakers(ar)).toEqual(['المعلمة سلمى حداد']);
  });
});

describe('a word of when between the verb and its subject', () => {
  it('وقال وقتها المتحدث باسم X إن: the spokesman, not the one who spoke last', () => {
    const ar =
      'وقال حسن علي إن الأمر صعب. وقال وقتها المتحدث باسم الشركة إن المدير اعترف بخطئه، و"لكن لا أثر اليوم ' +
      'لهذه الأفكار في ذهنه".';
    expect(speakers(ar)).toEqual(['المتحدث باسم الشركة']);
  });
});

describe('a subjectless verb in a relative clause', () => {
  it('NAME، الذي التقته الكاميرا … وقال: the antecedent, whom the relative pronoun and the verb agree with', () => {
    const ar =
      'وقال حسن علي إن الأمر صعب. وفي المهرجان فيلم للمخرج سامر عادل، الذي التقته كاميرا قناة "النور" متحدثا عن ' +
      'فيلمه وقال: "هذا الفيلم جاء بعد فيلمين قصيرين وأنا سعيد بنجاحه".';
    expect(speakers(ar)).toEqual(['سامر عادل']);
    // (Not a verb that does not agree: NAME، الذي … وقالت is another one's.)
    const she =
      'وقالت سلمى حداد إن الأمر صعب. وفي المهرجان فيلم للمخرج سامر عادل، الذي حضرت عرضه الممثلة وقالت: ' +
      '"هذا الفيلم جاء بعد فيلمين قصيرين وأنا سعيدة به".';
    expect(speakers(she)[0]).not.toBe('سامر عادل');
  });
});

describe('a verb whose subject is a pronoun inside reported content', () => {
  it('أنه سأل NAME …، موضحا: the one asked is the object; the one who spoke last goes on', () => {
    const ar =
      'وتحدث سامر عادل عن الوزير، قائلا إنه سيبقى في منصبه: "نحن سعداء جدا معه". ليضيف بعدها أنه سأل حسن علي ' +
      'عن المزاعم الواردة في الكتاب، موضحا: "سألته ما إذا كان هذا صحيحا أم لا فقال ليس صحيحا".';
    expect(speakers(ar)).toEqual(['سامر عادل', 'سامر عادل']);
  });

  it('ورأى أن … صنع رأي عام ضد الحرب، مؤكدا: a verb of opinion in reported content names no speaker', () => {
    const ar =
      'وأكد سامر عادل أن الجيش مصمم على النصر. ورأى أن الأزمات مفتعلة بهدف صنع رأي عام ضد الحرب، مؤكدا أن ' +
      '"الشعب هو من فوض الجيش في هذه المعركة".';
    expect(speakers(ar)).toEqual(['سامر عادل']);
  });
});

describe('a saying quoted with its author', () => {
  it('مستشهدا بمقولة الفيلسوف NAME: «…»: the author said the words, not the one who quotes them', () => {
    const ar = 'وختم حسن علي كلمته مستشهدا بمقولة الفيلسوف سامر عادل: «من لا يعرف تاريخه لا يعرف مستقبله أبدا».';
    expect(speakers(ar)).toEqual(['الفيلسوف سامر عادل']);
    const from = 'وانطلق حسن علي في الإجابة من قولة المفكر سامر عادل: «تشاؤم العقل يجب أن يعقبه تفاؤل الإرادة».';
    expect(speakers(from)).toEqual(['المفكر سامر عادل']);
    // (Not بقوله, "with his saying": his own words.)
    expect(speakers('وختم حسن علي كلمته بقوله: «من لا يعرف تاريخه لا يعرف مستقبله أبدا».')).toEqual(['حسن علي']);
  });
});
