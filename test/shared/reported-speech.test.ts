// The rules of reported speech and of the speaker read from the text, each on sentences written
// for it (never text from the corpus): verbs of saying in their forms, where the content ends,
// attributions that open and close a sentence, what is not speech, and who spoke.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../shared/arabic-normalize';
import { findQuotes } from '../../shared/quote-finder';
import { speechForm, speechFormsOf } from '../../shared/speech-verbs';
import { cpSlice, textArb } from './text-arbitraries';

const texts = (source: string) =>
  findQuotes(source).map((q) => ({
    text: cpSlice(source, q.start, q.end),
    kind: q.kind,
    speaker: q.speaker && cpSlice(source, q.speaker.start, q.speaker.end),
  }));
const indirect = (source: string) =>
  texts(source)
    .filter((q) => q.kind === 'indirect')
    .map((q) => q.text);
const form = (word: string) => speechForm(normalizeForMatch(word).text);

describe('speechForm: verbs of saying in their forms', () => {
  it('Arabic persons, tenses, participles and verbal nouns, with و / ف and (nouns) ب / ل / ال in front', () => {
    for (const w of ['قال', 'قالت', 'قالوا', 'وقالوا', 'يقولون', 'تقول', 'فأكدت', 'أعلنوا', 'رأوا', 'ترى', 'يشيرون'])
      expect([w, form(w)]).toEqual([w, 'verb']);
    for (const w of ['قائلاً', 'مؤكدين', 'مشيرةً', 'ومضيفا', 'نافيا', 'لافتين'])
      expect([w, form(w)]).toEqual([w, 'participle']);
    for (const w of ['بقوله', 'تأكيدها', 'وإعلان', 'بالقول', 'إشارته', 'لقولها'])
      expect([w, form(w)]).toEqual([w, 'noun']);
    for (const w of ['يقال', 'قيل']) expect([w, form(w)]).toEqual([w, 'passive']);
  });

  it('not speech: the writer’s يذكر أن, تبين أن "it turned out", بين "between", يدعى "is called", a preposition on a verb', () => {
    for (const w of ['يذكر', 'ويذكر', 'تبين', 'بين', 'يدعى', 'بقال', 'القائل', 'ردا', 'كتبا'])
      expect([w, form(w)]).toEqual([w, null]);
  });

  it('English: base, -s, -ed, -ing; a verb that is also a noun only in its past and -ing forms', () => {
    for (const w of ['said', 'says', 'told', 'wrote', 'added', 'denied', 'warns', 'stated', 'reported', 'replied'])
      expect([w, form(w)]).toEqual([w, 'verb']);
    for (const w of ['saying', 'adding', 'noting', 'stressing']) expect([w, form(w)]).toEqual([w, 'participle']);
    for (const w of ['state', 'states', 'reports', 'report', 'claims', 'note', 'believes', 'expects'])
      expect([w, form(w)]).toEqual([w, null]);
  });

  it('property: every Arabic verb form is the same form after the conjunction و or ف', () => {
    const arabic = speechFormsOf('verb').filter((w) => /^[\u0600-\u06FF]/u.test(w));
    expect(arabic.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...arabic), fc.constantFrom('و', 'ف'), (w, c) => {
        expect(speechForm(c + w)).toBe('verb');
      }),
    );
  });
});

describe('reported speech: the verb and its clause', () => {
  it('any person or tense of the verb: قالوا، يقولون، تقول، أعلنوا', () => {
    expect(indirect('وقالوا إن المفاوضات ستستأنف بعد العيد. ويقول المسؤولون إن الحدود ستفتح قريبا.')).toEqual([
      'المفاوضات ستستأنف بعد العيد',
      'الحدود ستفتح قريبا',
    ]);
    expect(indirect('تقول الوزارة إن المدارس ستفتح أبوابها في الموعد.')).toEqual(['المدارس ستفتح أبوابها في الموعد']);
  });

  it('the content ends where a new attribution starts (، مضيفا أن / ، مشيرة إلى أن / ، وذلك / ، بحسب)', () => {
    expect(indirect('وقال الوزير إن الميزانية ستعلن غدا، مضيفا أن العجز سينخفض هذا العام.')).toEqual([
      'الميزانية ستعلن غدا',
      'العجز سينخفض هذا العام',
    ]);
    expect(indirect('وأكدت الشركة أن الأسعار لن ترتفع، وذلك بسبب وفرة المخزون.')).toEqual(['الأسعار لن ترتفع']);
    expect(indirect('أعلنت اللجنة أن النتائج ستصدر الأحد. مشيرة إلى أن الطعون ستقبل بعدها.')).toEqual([
      'النتائج ستصدر الأحد',
      'الطعون ستقبل بعدها',
    ]);
  });

  it('a short content after أن is kept (أكدت أنهم بخير); after that, three words at least', () => {
    expect(indirect('وأكدت العائلة أنهم بخير.')).toEqual(['بخير']);
    expect(indirect('He said that so.')).toEqual([]);
  });

  it('an attribution opening the sentence: وبحسب…، / ووفقا لـ… فإن / According to…,', () => {
    expect(indirect('وبحسب وزارة الصحة، ارتفع عدد الإصابات إلى مئة حالة.')).toEqual([
      'ارتفع عدد الإصابات إلى مئة حالة',
    ]);
    expect(indirect('ووفقا للمصادر نفسها فإن الاجتماع سيعقد يوم الأحد.')).toEqual(['الاجتماع سيعقد يوم الأحد']);
    expect(indirect('According to the ministry, the talks will resume on Monday.')).toEqual([
      'the talks will resume on Monday',
    ]);
  });

  it('an attribution closing the sentence after a tatweel dash: «… ــ وفق ما نقلت الوكالة»', () => {
    expect(indirect('قتل جنديان في هجوم على نقطة تفتيش ــ وفق ما نقلت وكالة الأنباء.')).toEqual([
      'قتل جنديان في هجوم على نقطة تفتيش',
    ]);
  });

  it('not reported speech: وإن "even if", ما زعم أنه, an adjective participle, يذكر أن, a quotation as the content', () => {
    expect(indirect('قال المدرب كلاما كثيرا وإن لم يقنع أحدا من اللاعبين.')).toEqual([]);
    expect(indirect('رفض الوزير ما زعم أنه تدخل أجنبي في الشؤون الداخلية.')).toEqual([]);
    expect(indirect('وجهت إليه تهمة السرقة مع ظروف مشددة للاشتباه بأنه سرق المحل.')).toEqual([]);
    expect(indirect('ويذكر أن الفريق فاز بالبطولة ثلاث مرات.')).toEqual([]);
    // The content is a quotation: the direct quote's (when it has three words), never reported speech.
    expect(indirect('وأكد الوزير أن "الإصلاح"، بحسب وصفه، "سيستمر حتى نهاية العام المقبل".')).toEqual([]);
  });

  it('إن / أن past twelve words after a long subject, after a comma or the verb’s preposition after one', () => {
    const long =
      'وأضاف وزير المالية سامر عادل، في تصريحات أدلى بها خلال اليوم الأول من منتدى الطاقة في العاصمة، الأربعاء، ' +
      'أن الأسعار ستبقى مستقرة هذا العام.';
    expect(indirect(long)).toEqual(['الأسعار ستبقى مستقرة هذا العام']);
    const warns =
      'ويحذر ماجد حسن، مؤسس منظمة "الأفق" المعنية بمواجهة قضايا الفقر في المدن الكبيرة والصغيرة، من أن ' +
      'المساعدات لا تصل إلى الناس.';
    expect(indirect(warns)).toEqual(['المساعدات لا تصل إلى الناس']);
    // (Not بالرغم من أن, a preposition with no comma before it, that far from the verb.)
    const despite =
      'وقال الموقع إنه بات حديث الساعة في وسائل الإعلام المحلية والدولية خلال الأيام والأسابيع الماضية بالرغم من ' +
      'أن الموقع تأسس في الربيع.';
    expect(indirect(despite)).toEqual([
      'بات حديث الساعة في وسائل الإعلام المحلية والدولية خلال الأيام والأسابيع الماضية بالرغم من أن الموقع تأسس في الربيع',
    ]);
  });

  it('a verb of hinting is a cue: ولمح X إلى أن، يلمح إلى أنه', () => {
    expect(indirect('ولمح فريق الباحثين في الجامعة إلى أن الدواء يعمل بشكل أفضل مع الأطفال.')).toEqual([
      'الدواء يعمل بشكل أفضل مع الأطفال',
    ]);
    expect(indirect('لكنه يلمح إلى أنه سيعود إلى المنتخب قريبا.')).toEqual(['سيعود إلى المنتخب قريبا']);
  });

  it('figures are data, not speech: تشير الأرقام إلى أن، تقول الإحصائيات إن (the verb is still a cue after a source)', () => {
    expect(indirect('وتشير الأرقام إلى أن عدد الزوار تضاعف في الصيف الماضي.')).toEqual([]);
    expect(indirect('وتقول الإحصائيات أيضا إن نصف المدارس تحتاج إلى ترميم.')).toEqual([]);
    expect(indirect('تكشف البيانات أن الصادرات تراجعت هذا العام.')).toEqual([]);
    expect(indirect('وتشير الوزارة إلى أن عدد الزوار تضاعف في الصيف الماضي.')).toEqual([
      'عدد الزوار تضاعف في الصيف الماضي',
    ]);
  });

  it('a belief is not speech: يرى / ترى / يرون أن (the past رأى still reports a view)', () => {
    expect(indirect('ويرى الخبراء أن الأسعار سترتفع في الربيع المقبل.')).toEqual([]);
    expect(indirect('لكن الكاتبة ترى أن الرواية لم تنل حقها من النقد.')).toEqual([]);
    expect(indirect('ورأت الوزارة أن القرار لا يخدم أحدا من السكان.')).toEqual(['القرار لا يخدم أحدا من السكان']);
  });

  it('the content ends at ، في حين …: a clause set against it, with its own speech', () => {
    expect(
      indirect('وقال الوزير إن المدارس ستفتح في الخريف، في حين تقول النقابة إن المعلمين لم يتسلموا رواتبهم.'),
    ).toEqual(['المدارس ستفتح في الخريف', 'المعلمين لم يتسلموا رواتبهم']);
  });

  it('the content ends at …، a bare verb of saying with its own إن / أن: another clause of speech (quotes46)', () => {
    expect(
      texts('وبعدما حذر من أن التدخل الخارجي لن يجدي نفعا، اعتبر الوزير سامر عادل أن الأزمة ستنتهي قريبا.').map((q) => [
        q.text,
        q.speaker,
      ]),
    ).toEqual([
      ['التدخل الخارجي لن يجدي نفعا', 'الوزير سامر عادل'],
      ['الأزمة ستنتهي قريبا', 'الوزير سامر عادل'],
    ]);
    expect(indirect('وقال المدرب إن الفريق يحتاج إلى وقت طويل، وحول غياب الحارس، رد بالقول إنه سيعود قريبا.')).toEqual([
      'الفريق يحتاج إلى وقت طويل، وحول غياب الحارس',
      'سيعود قريبا',
    ]);
    // (Not a verb in the present, what the clause's subject does: إن رد الأهالي على المبادرة، يفيد بأن …; nor one
    // whose إن / أن comes right after it, its subject on it: …، أكدوا أن.)
    expect(indirect('وقال الناشط إن رد الأهالي على المبادرة، يفيد بأنهم يرفضونها تماما.')).toEqual([
      'رد الأهالي على المبادرة، يفيد بأنهم يرفضونها تماما',
    ]);
  });

  it('a sentence closed by …، كما أفاد / يقول X or …، وذلك بحسب X is X’s; not a finding’s (وذلك وفق ما خلص)', () => {
    expect(indirect('ويدفع المشترون ضريبة قدرها اثنان في المئة من ثمن البيت، كما أفاد السيد سمير.')).toEqual([
      'ويدفع المشترون ضريبة قدرها اثنان في المئة من ثمن البيت',
    ]);
    expect(indirect('وتأجل افتتاح الجسر الجديد حتى الصيف المقبل، وذلك بحسب وزارة النقل.')).toEqual([
      'وتأجل افتتاح الجسر الجديد حتى الصيف المقبل',
    ]);
    expect(indirect('وتوفي الرجل في غرفته بالفندق بعد جلطة مفاجئة، وذلك وفق ما خلص تقرير الطبيب.')).toEqual([]);
    // أعرب / عبر X عن…: what was said is the feeling after عن, not the whole sentence.
    expect(indirect('وأعربت الوزيرة عن حزنها العميق لما أصاب أهالي القرية، حسب تعبيرها.')).toEqual([
      'حزنها العميق لما أصاب أهالي القرية',
    ]);
  });

  it('a point in a number, an initial or a title ends no sentence (5.4, U.S., Mr.)', () => {
    expect(indirect('Mr. Smith said the economy grew 5.4 percent in the U.S. last year.')).toEqual([
      'the economy grew 5.4 percent in the U.S. last year',
    ]);
    expect(indirect('وقال الوزير إن الاقتصاد نما بنسبة 5.4 في المئة العام الماضي.')).toEqual([
      'الاقتصاد نما بنسبة 5.4 في المئة العام الماضي',
    ]);
  });
});

describe('reported speech: English attributions', () => {
  it('a closing attribution inside the sentence: before "and", or around the whole sentence', () => {
    expect(indirect('Results usually come within a week, Gilbey said, and are shared with the county.')).toEqual([
      'Results usually come within a week',
    ]);
    expect(indirect('Early warnings, the group wrote, could save many lives.')).toEqual([
      'Early warnings, the group wrote, could save many lives',
    ]);
  });

  it('a subject with its apposition before the verb opens a clause; it is not the content', () => {
    expect(indirect('Melissa Carbone, the CEO of the festival, said there are a lot of changes coming.')).toEqual([
      'there are a lot of changes coming',
    ]);
    expect(indirect('Anthony Fauci, the top expert, said late last month that the virus would return.')).toEqual([
      'the virus would return',
    ]);
    expect(indirect('In a rapidly changing outbreak, Mullen said organizers should rely on local advice.')).toEqual([
      'organizers should rely on local advice',
    ]);
    expect(indirect('Robert Lee, director of the agency, told The Daily News a second wave could be worse.')).toEqual([
      'a second wave could be worse',
    ]);
  });

  it('the clause ends at ", but added" and ", adding"; "wrote in an article" is not a clause', () => {
    expect(indirect('Ross said the meeting comes at a difficult time, but expressed confidence in a rebound.')).toEqual(
      ['the meeting comes at a difficult time'],
    );
    expect(indirect('Cases fell sharply in May, the researchers wrote in an article published on Friday.')).toEqual([
      'Cases fell sharply in May',
    ]);
    expect(indirect('Frank Lee, CEO of the company, said on an earnings call Thursday.')).toEqual([]);
  });
});

describe('the speaker read from the text', () => {
  it('a verb or participle with no subject of its own has the sentence’s (Arabic starts with the verb)', () => {
    const a =
      'انتقد المتحدث باسم الوزارة، سامي فهد، خطاب المعارضة، إذ قال إن المعارضة «تعيش في الماضي ولا ترى الواقع».';
    expect(texts(a)[0].speaker).toBe('سامي فهد');
    const b = 'رد المتحدث باسم الجيش، قائلا إن الخصم «ينسى ما فعله طوال السنوات الماضية».';
    expect(texts(b)[0].speaker).toBe('المتحدث باسم الجيش');
    // After a dateline: «دبي (رويترز)-- انتقد…».
    const c = 'دبي (رويترز)-- انتقد وزير الخارجية في كلمته خطة السلام، إذ قال إنها «لا تلبي الحد الأدنى من المطالب».';
    expect(texts(c)[0].speaker).toBe('وزير الخارجية');
  });

  it('a subject before the verb after كان; the passive names no one', () => {
    const a = 'وكان مسؤولون فلسطينيون أعلنوا التوصل إلى اتفاق "بفضل جهود مصرية ودولية".';
    expect(texts(a)[0].speaker).toBe('مسؤولون فلسطينيون');
    const b = 'قال الوزير إن الاجتماع انتهى. ويقال إن الفريق «سيتعاقد مع مدرب جديد قريبا».';
    expect(texts(b).map((q) => q.speaker)).toEqual(['الوزير', null]);
  });

  it('"she said" means the last one the text named as saying something, also in a sentence with no quote', () => {
    const s = 'Maria Lopez told reporters about the bridge on Monday. "We cannot wait any longer," she said.';
    expect(texts(s)).toEqual([{ text: 'We cannot wait any longer,', kind: 'direct', speaker: 'Maria Lopez' }]);
    const ar = 'وتحدث الوزير سالم ناصر للصحفيين عن الجسر. وأضاف: «لا يمكننا الانتظار أكثر من ذلك».';
    expect(texts(ar)[0].speaker).toBe('الوزير سالم ناصر');
  });

  it('an English subject stops at a conjunction; a mixed-direction name is a subject too', () => {
    const s =
      'Observers were barred from the vote as the government said "they must first spend two weeks in quarantine."';
    expect(texts(s)[0].speaker).toBe('the government');
    const m = 'وقال John Smith إن «المشروع سينتهي قبل نهاية العام».';
    expect(texts(m)[0].speaker).toBe('John Smith');
  });
});

describe('findQuotes on any text', () => {
  it('property: quotes and speakers are in range, quotes do not overlap, indirect ones never start with a mark', () => {
    const pieces = [
      'قال ',
      'إن ',
      'أن ',
      'said ',
      'that ',
      '، ',
      ', ',
      'بحسب ',
      'according to ',
      'ــ ',
      '5.4 ',
      'U.S. ',
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), textArb(4)), { maxLength: 30 }), (parts) => {
        const source = parts.join('');
        const length = Array.from(source).length;
        const quotes = findQuotes(source);
        quotes.forEach((q, i) => {
          expect(0 <= q.start && q.start < q.end && q.end <= length).toBe(true);
          if (q.speaker) expect(0 <= q.speaker.start && q.speaker.end <= length).toBe(true);
          if (i > 0) expect(q.start).toBeGreaterThanOrEqual(quotes[i - 1].end);
          if (q.kind === 'indirect') expect('«»“”"„‹›').not.toContain(cpSlice(source, q.start, q.start + 1));
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('English attributions that open a sentence with "As" (dev38)', () => {
  it('"As Lee noted, …" and "As the Daily Ledger reported, though, …" are speech; "As the river rose, …" is not', () => {
    expect(texts('As Lee noted, the bridge was never meant to carry trucks.')).toEqual([
      { text: 'the bridge was never meant to carry trucks', kind: 'indirect', speaker: 'Lee' },
    ]);
    expect(indirect('As the Daily Ledger reported, though, the mill was only one of many to close.')[0]).toMatch(
      /the mill was only one of many to close/u,
    );
    expect(indirect('As the river rose, the mill was only one of many to close.')).toEqual([]);
  });
});

describe('English verbs of saying that are also adjectives or nouns (dev33)', () => {
  it('warns, revealed, claims, acknowledges with no "that": after a subject, before a clause with its own verb', () => {
    expect(indirect('The mayor warns the new bridge could close in winter.')).toEqual([
      'the new bridge could close in winter',
    ]);
    expect(indirect('Then the minister revealed local farmers are not the only ones paid.')).toEqual([
      'local farmers are not the only ones paid',
    ]);
    expect(indirect('Dana Webb, who claims she was never paid, left the firm.')[0]).toMatch(/^she was never paid/u);
    expect(indirect('On Monday, Lee pointed out it was Park who had signed the order.')).toEqual([
      'it was Park who had signed the order',
    ]);
    expect(indirect('The girl pointed out places on a map that she wanted to see.')).toEqual([]);
    expect(indirect('Still, he acknowledges the cost of new roads has grown.')).toEqual([
      'the cost of new roads has grown',
    ]);
  });

  it('"according to government figures / the May study" is a finding, not speech; "according to data from X" is', () => {
    for (const s of [
      'About 40 percent of the town’s homes have fast internet, according to government figures.',
      'According to the May study, more than 30 percent of the patients got better within a week.',
    ])
      expect([s, indirect(s)]).toEqual([s, []]);
    const from = 'In the end 700 people on the ship tested positive, according to data from Lake State University.';
    expect(indirect(from)).toEqual(['In the end 700 people on the ship tested positive']);
  });

  it('not speech: an adjective or a noun (confirmed cases, the claims), a finding, an infinitive, no clause', () => {
    for (const s of [
      'With confirmed cases at about 9,000 and more each day, the town closed its schools.',
      'Most claims refer to a version of a video posted last week by a doctor.',
      'The data confirmed the town was among those hit worst by the storm.',
      'She went to the square to warn others of the storm that was coming.',
      'Health officials warn state leaders to proceed carefully with the plan.',
    ])
      expect([s, indirect(s)]).toEqual([s, []]);
  });
});

describe('the speaker read from the text: names and sources', () => {
  it('a name before its title between commas; the title’s name between commas; علي is a name, على a stop', () => {
    const a = 'وقال محمد علي، رئيس الوزراء، إن «الحكومة ستواصل العمل من أجل الإصلاح».';
    expect(texts(a)[0].speaker).toBe('محمد علي');
    const b = 'وقال رئيس الوزراء محمد علي لوكالة الأنباء إن «الحكومة ستواصل العمل من أجل الإصلاح».';
    expect(texts(b)[0].speaker).toBe('رئيس الوزراء محمد علي');
    const c = 'وقال المتحدث على هامش المؤتمر إن «الهجوم وقع عند منتصف الليل تماما».';
    expect(texts(c)[0].speaker).toBe('المتحدث');
  });

  it('نقلت الوكالة عن مصدر قوله: the source quoted; "said Dr. Jane Smith": a title’s point ends no name', () => {
    const a = 'ونقلت الوكالة عن مصدر أمني قوله إن «الهجوم وقع عند منتصف الليل تماما».';
    expect(texts(a)[0].speaker).toBe('مصدر أمني');
    const e = '"We will not stop," said Dr. Jane Smith, a professor at the university.';
    expect(texts(e)[0].speaker).toBe('Dr. Jane Smith');
  });

  it('a quotation with no verb of saying in an English sentence is its subject’s (The board wants “…”)', () => {
    const s = 'The mayor spoke on Monday. The board wants the city “to cut the cost of every permit by half.”';
    expect(texts(s)[0].speaker).toBe('The board');
    // With no subject to read (a preposition first), the one who spoke last.
    const t = 'Jane Park said the plan was ready. In the plan, “every permit will cost half as much.”';
    expect(texts(t).find((q) => q.kind === 'direct')?.speaker).toBe('Jane Park');
  });

  it('an English participle of saying has the sentence’s subject, who is then the one "he said" means', () => {
    const s =
      'Ann Cole said the port would reopen. Tom Reed echoed that view, predicting that ships would return soon. ' +
      '"It will take time," he said.';
    expect(texts(s).map((q) => q.speaker)).toEqual(['Ann Cole', 'Tom Reed', 'Tom Reed']);
  });
});

describe('a verbal noun after a verb of saying, promising or accusing is indirect (the guide’s dev28 rule)', () => {
  it('أعلن عن، أكد على، أعرب عن، تعهد بـ، اتهم X بـ: the noun’s phrase, its speaker the verb’s subject', () => {
    const a = 'وأعلنت وزارة الصحة عن بدء حملة جديدة للتطعيم في المدارس الحكومية.';
    expect(indirect(a)).toHaveLength(1);
    expect(indirect(a)[0]).toMatch(/^بدء حملة جديدة للتطعيم/u);
    expect(texts(a)[0].speaker).toBe('وزارة الصحة');
    const b = 'وتعهد الرئيس باتخاذ إجراءات صارمة ضد الفساد في الدوائر الرسمية.';
    expect(indirect(b)[0]).toMatch(/اتخاذ إجراءات صارمة/u);
    const c = 'واتهمت المعارضة الحكومة بتزوير نتائج الانتخابات في ثلاث محافظات.';
    expect(indirect(c)[0]).toMatch(/تزوير نتائج الانتخابات/u);
  });

  it('not when denied (لم تكشف), not a finding’s (كشفت الدراسة عن: data, not speech)', () => {
    expect(indirect('ولم تكشف الشركة عن موعد إطلاق المنتج الجديد في الأسواق.')).toEqual([]);
    expect(indirect('وكشفت الدراسة عن ارتفاع كبير في أسعار المساكن خلال العام.')).toEqual([]);
  });
});
