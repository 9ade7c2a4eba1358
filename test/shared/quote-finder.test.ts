import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findQuotes, quotationPairs } from '../../shared/quote-finder';
import { cpSlice, textArb } from './text-arbitraries';

vi.setConfig({ testTimeout: 120_000 });
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

/** A PERSON span over the first occurrence of `name` in `source` (code points). */
function person(source: string, name: string) {
  const start = Array.from(source.slice(0, source.indexOf(name))).length;
  return { start, end: start + Array.from(name).length, label: 'PERSON' };
}

const texts = (source: string, people: { start: number; end: number; label: string }[] = []) =>
  findQuotes(source, people).map((q) => ({
    text: cpSlice(source, q.start, q.end),
    kind: q.kind,
    speaker: q.speaker && cpSlice(source, q.speaker.start, q.speaker.end),
  }));

describe('findQuotes: direct speech', () => {
  it('finds an Arabic quote after a speech verb, with its speaker, without the marks', () => {
    const s = 'وقال الرئيس محمد علي: «إن المفاوضات ستستمر حتى نهاية الشهر».';
    const q = findQuotes(s, [person(s, 'محمد علي')]);
    expect(q).toHaveLength(1);
    expect(cpSlice(s, q[0].start, q[0].end)).toBe('إن المفاوضات ستستمر حتى نهاية الشهر');
    expect(q[0]).toMatchObject({ kind: 'direct', source: 'quote-finder', score: 0.95 });
    expect(cpSlice(s, q[0].speaker!.start, q[0].speaker!.end)).toBe('محمد علي');
  });

  it('English “ ” and straight quotes, the verb after the quote (he added: the person the sentence before names)', () => {
    const s = '“We will not back down from this fight,” Smith said. Then "the market is open again today," he added.';
    expect(texts(s, [person(s, 'Smith')])).toEqual([
      { text: 'We will not back down from this fight,', kind: 'direct', speaker: 'Smith' },
      { text: 'the market is open again today,', kind: 'direct', speaker: 'Smith' },
    ]);
  });

  it('leaves out names, titles and terms in quotation marks (fewer than three words, or short and with no cue)', () => {
    expect(texts('نشرت صحيفة «الشرق الأوسط» تقريرا عن برنامج "ستار أكاديمي" الجديد.')).toEqual([]);
    // Long and with no cue: offered, with a low score.
    const s = 'وجاء في البيان «أن الحكومة ستواصل العمل من أجل تحقيق الاستقرار في البلاد»';
    expect(findQuotes(s)[0].score).toBeLessThan(0.5);
  });

  it('the Arabic usage of the marks: »…« and ”…“', () => {
    const s = 'قال الوزير: »الوضع الاقتصادي صعب جدا« ثم أضاف: ”سنعمل على تحسين الأوضاع“.';
    expect(texts(s).map((q) => q.text)).toEqual(['الوضع الاقتصادي صعب جدا', 'سنعمل على تحسين الأوضاع']);
    // One mark for both ends (”…”), as some sites write it.
    expect(texts('وقال: ”لن نتراجع عن هذا القرار”.').map((q) => q.text)).toEqual(['لن نتراجع عن هذا القرار']);
  });

  it("English single marks, as headlines write them: '…' and ‘…’ pair; an apostrophe pairs nothing", () => {
    const s =
      "'This will kill you': People are warning others after the news\n\nMnuchin: ‘No workers should give their lives’ to boost GDP";
    expect(texts(s).map((q) => q.text)).toEqual(['This will kill you', 'No workers should give their lives']);
    // (Apostrophes between letters and a plural's after the s: don't, Trump’s, the players' union.)
    const a =
      "Trump's aides don't know it, the players' union said, and “we can’t wait for the new season to start,” he said.";
    const direct = texts(a).filter((q) => q.kind === 'direct');
    expect(direct.map((q) => q.text)).toEqual(['we can’t wait for the new season to start,']);
    // (A single mark in a paragraph does not stop a double one from running on to the next paragraph.)
    const on = '“We waited for the players’\n\n“And then they came back to the field,” she said.';
    expect(texts(on).map((q) => q.text)).toEqual([
      'We waited for the players’',
      'And then they came back to the field,',
    ]);
  });

  it('nested marks belong to the quote around them', () => {
    const s = 'قال المتحدث: «نحن نرفض ما يسمى "صفقة القرن" رفضا قاطعا».';
    expect(texts(s).map((q) => q.text)).toEqual(['نحن نرفض ما يسمى "صفقة القرن" رفضا قاطعا']);
    const e = 'He said: "I told them \u2018no deal\u2019 and meant it."';
    expect(texts(e).map((q) => q.text)).toEqual(['I told them ‘no deal’ and meant it.']);
  });

  it('an unbalanced mark pairs nothing, and a quote never runs over a paragraph break', () => {
    expect(texts('قال الوزير: «الوضع صعب جدا في المنطقة\nوفي فقرة أخرى كلام كثير جدا هنا».')).toEqual([]);
    expect(texts('He said: "this is not closed at all and goes on')).toEqual([]);
    // A stray closing mark before a real pair does not shift the pairing.
    const s = 'نص» ثم قال: «هذا كلام مهم جدا للجميع».';
    expect(texts(s).map((q) => q.text)).toEqual(['هذا كلام مهم جدا للجميع']);
  });

  it('mixed-direction text: an Arabic quote in English, and direction marks around the quote', () => {
    const s = 'The minister said: «\u200Fسنواصل العمل من أجل السلام\u200F» on Monday.';
    expect(texts(s).map((q) => q.text)).toEqual(['سنواصل العمل من أجل السلام']);
    const t = 'وقال بايدن: "\u202Bwe will rebuild the economy\u202C" في خطابه.';
    expect(texts(t, [person(t, 'بايدن')])).toEqual([
      { text: 'we will rebuild the economy', kind: 'direct', speaker: 'بايدن' },
    ]);
  });

  it('offsets are code points past emoji', () => {
    const s = '😀🇸🇦 قال: «هذا يوم تاريخي لنا».';
    const [q] = findQuotes(s);
    expect(cpSlice(s, q.start, q.end)).toBe('هذا يوم تاريخي لنا');
  });
});

describe('findQuotes: indirect speech', () => {
  it('قال إن / أكد أن / said that, lower score, to the end of the sentence', () => {
    const s = 'وقال وزير الخارجية أحمد سعيد إن المحادثات كانت مثمرة للغاية. وأكد أن الجانبين اتفقا على اللقاء مجددا.';
    const q = findQuotes(s, [person(s, 'أحمد سعيد')]);
    expect(q.map((x) => ({ text: cpSlice(s, x.start, x.end), kind: x.kind, score: x.score }))).toEqual([
      { text: 'المحادثات كانت مثمرة للغاية', kind: 'indirect', score: 0.4 },
      { text: 'الجانبين اتفقا على اللقاء مجددا', kind: 'indirect', score: 0.4 },
    ]);
    expect(cpSlice(s, q[0].speaker!.start, q[0].speaker!.end)).toBe('أحمد سعيد');
    const e = 'Officials said on Monday that the border would reopen next week.';
    // With no tagged people the speaker is read from the text: the verb's subject.
    expect(texts(e)).toEqual([{ text: 'the border would reopen next week', kind: 'indirect', speaker: 'Officials' }]);
    // "that" as a relative pronoun is not reported speech.
    expect(
      texts(
        'A friend told her about an app that lets people order food. Sales grew, Magan said, but that number fell.',
      ),
    ).toEqual([]);
  });

  it('the reported clause before a quotation that opens a clause of its own stays indirect (quotes43)', () => {
    const kinds = (s: string) => texts(s).map((q) => [q.kind, q.text]);
    expect(kinds('وأكد الوزير أن الحكومة ستفتح المعبر الأسبوع المقبل، وأنها "لن تتراجع عن هذا القرار أبدا".')).toEqual([
      ['indirect', 'الحكومة ستفتح المعبر الأسبوع المقبل'],
      ['direct', 'لن تتراجع عن هذا القرار أبدا'],
    ]);
    expect(kinds('وقال ناشطون إن القوات تقدمت نحو المدينة «حيث سيطرت على ثلاثة أحياء كاملة».')).toEqual([
      ['indirect', 'القوات تقدمت نحو المدينة'],
      ['direct', 'حيث سيطرت على ثلاثة أحياء كاملة'],
    ]);
    // A comma alone sets off the clause's subject, and …، و"…" may go on with its object: the quotation alone.
    expect(kinds('وقال الوزير إن الرئيس، سمير علي، "محق في قراره الأخير تماما".').map((q) => q[0])).toEqual(['direct']);
    const object = 'وقال المصرف إن الخطة ستغطي الرواتب المتأخرة، و"قسما من الديون القديمة المتراكمة".';
    expect(kinds(object).map((q) => q[0])).toEqual(['direct']);
  });

  it('a description after وصف / واصفا X بأنه is indirect, unmarked, to its comma', () => {
    const indirect = (s: string) =>
      texts(s)
        .filter((q) => q.kind === 'indirect')
        .map((q) => q.text);
    expect(indirect('ووصف الوزير المشروع بأنه خطوة كبيرة نحو الاستقرار، ثم غادر القاعة.')).toEqual([
      'خطوة كبيرة نحو الاستقرار',
    ]);
    // Three words or more in marks are a direct quote's, not a description's.
    expect(indirect('ووصفت المعلمة الرحلة بأنها "كانت تجربة رائعة جدا للطلاب".')).toEqual([]);
  });

  it('an indirect candidate inside a direct quote is not offered twice', () => {
    const s = 'قال الوزير: «أكد الرئيس أن الاتفاق سيوقع قريبا جدا».';
    expect(texts(s).map((q) => q.kind)).toEqual(['direct']);
  });
});

describe('findQuotes: rules measured on the quote gold (made-up sentences)', () => {
  it('straight marks pair by their shape: a name in "…" inside a "…" quote nests, and “…" closes', () => {
    const s = 'قال الكاتب: "زرت جارتنا "سلمى" في الحديقة أمس ولم تتكلم معي". ثم مضى.';
    expect(texts(s).map((q) => q.text)).toEqual(['زرت جارتنا "سلمى" في الحديقة أمس ولم تتكلم معي']);
    const e = '“Cleaning the air matters most," he told reporters. "We start with the doors," he added.';
    expect(texts(e).map((q) => q.text)).toEqual(['Cleaning the air matters most,', 'We start with the doors,']);
  });

  it('names and titles in marks are not quotes, even next to a verb', () => {
    expect(
      texts('وأعلن معهد «دي آي دبليو» الألماني نتائج المسح، وقال الأمين العام لـ«المجلس الأعلى للثقافة» شيئا.'),
    ).toEqual([]);
    expect(texts('She is the author of "Give Me Liberty and Give Me a Drink," out in May.')).toEqual([]);
    expect(texts('Four firms are creating "Shared Learning Records" for workers.')).toEqual([]);
  });

  it('the speaker read from the text when no person is tagged: Arabic after the verb, English around it', () => {
    const ar =
      'وقال وزير الخارجية في مؤتمر صحفي إن "المفاوضات ستستمر حتى نهاية الشهر". وأضاف أن "الوفد سيعود غدا إلى العاصمة".';
    expect(texts(ar).map((q) => q.speaker)).toEqual(['وزير الخارجية', 'وزير الخارجية']);
    const apposition = 'وقال المتحدث باسم الوزارة، سامي فهد، إن «الحدود ستفتح الأسبوع المقبل للجميع».';
    expect(texts(apposition)[0].speaker).toBe('سامي فهد');
    const en =
      '"We will open the doors again," Dana Holt said. "It is going to be slow," she added. ' +
      '"People need something safe," said Omar Reyes, an analyst at the institute. ' +
      '"We are hopeful," the secretary of the union, Lina Park, told Reuters.';
    expect(texts(en).map((q) => q.speaker)).toEqual(['Dana Holt', 'Dana Holt', 'Omar Reyes', 'Lina Park']);
  });

  it('speakers the dev2 half showed wrong, each by a general rule (made-up sentences)', () => {
    const who = (source: string) => texts(source).flatMap((q) => (q.kind === 'direct' ? [q.speaker] : []));
    // A title that runs long, with a stop of its own (في), before the name and the colon; د. ends no sentence.
    expect(who('وقال رئيس ومؤسس جمعية نور في حياتنا الخيرية، د. سامر عادل: «سنفتح مركزا جديدا للأطفال».')).toEqual([
      'د. سامر عادل',
    ]);
    // (But a title after the name, with no comma or colon to close it, is not the name: the words
    // after it are the reported content.)
    const title = texts('كما قال المهندس سامي فهد، وزير النقل إن الطريق سيفتح قبل نهاية الشهر المقبل.');
    expect(title.map((q) => [q.kind, q.speaker])).toEqual([['indirect', 'المهندس سامي فهد']]);
    // وفقا لـ X، محاضر…: «…»: the name after the ل.
    expect(who('وهناك نصائح أخرى، وفقا لهالة مراد، أستاذة الإعلام :"لا تنشر بياناتك على كل موقع تزوره".')).toEqual([
      'هالة مراد',
    ]);
    // An organisation named in quotation marks after its noun.
    expect(who('وتقول مؤسسة "النور الرقمي" إن المسابقات تعكس "شروط الموقع التي وضعت في ذلك الوقت".')).toEqual([
      'مؤسسة "النور الرقمي"',
    ]);
    // "X, a title, who is doing…, said": the relative clause is not the speaker; "he told" then means X.
    expect(
      who(
        'Dana Holt, director of engineering at Holt Partners, who is working on cleaner air in buildings, said ' +
          'ships are next.\n"Air cleaning becomes even more critical," he told reporters.',
      ),
    ).toEqual(['Dana Holt']);
    // "she said" after a sentence whose subject is a person, though it reports no speech: that person.
    expect(
      who(
        '"Buffets will go," said Mark Olsen, a chef. Lena Varga met the crew in May. ' +
          'But Varga does not think they must go.\n\n"The layout can change, with more counters," she said.',
      ),
    ).toEqual(['Mark Olsen', 'Varga']);
    // A verb of saying inside a quotation ("most caution") names no one: "he said" is the last speaker.
    expect(
      who(
        '"We will reopen slowly," Omar Reyes said.\n"Until then we err on the side of most caution," he said. ' +
          '"What I can tell you is that we are hopeful."',
      ),
    ).toEqual(['Omar Reyes', 'Omar Reyes', 'Omar Reyes']);
  });

  it('indirect speech with participles, with no "that", and attributed at the end of the sentence', () => {
    const ar =
      'وصف معارضون الخطاب بالفارغ، مؤكدين أن النظام يعيش أضعف حالاته منذ سنوات. ' +
      'وسقط صاروخ على مدينة قريبة من الحدود، بحسب الجيش.';
    expect(texts(ar).map((q) => [q.text, q.kind])).toEqual([
      ['النظام يعيش أضعف حالاته منذ سنوات', 'indirect'],
      ['وسقط صاروخ على مدينة قريبة من الحدود', 'indirect'],
    ]);
    const en =
      'Opposition parties say he was slow to act on testing. ' +
      'Excess deaths are now close to 55,000, a statistician told the BBC. ' +
      'The official said in a statement the plan will cost less.';
    expect(texts(en).map((q) => [q.text, q.speaker])).toEqual([
      ['he was slow to act on testing', 'Opposition parties'],
      ['Excess deaths are now close to 55,000', 'a statistician'],
      ['the plan will cost less', 'The official'],
    ]);
    // "said" after a quotation attributes it; "said of plans" starts no clause.
    expect(texts('Jones said of plans to play in June, and that was all.').map((q) => q.kind)).toEqual([]);
  });
});

// Rules from the errors on the dev halves up to dev5 (issue 17's English quotes): sentences written here.
const directs = (source: string) => texts(source).filter((q) => q.kind === 'direct');

describe('findQuotes: names, glosses and quotes over paragraphs (dev..dev5)', () => {
  it('a short title-case run is a name even next to a verb of saying; a title-case quote with commas is speech', () => {
    expect(directs('The firms are launching "Open Career Passport Records" next week, an official said.')).toEqual([]);
    expect(directs('She sang in “Carousel of the Lakes” for a decade, her sister said.')).toEqual([]);
    expect(directs('The diner’s sign said: “Takeout Only Since 1982.”')).toEqual([]);
    expect(directs('“Thank You, Mister Mayor,” the children said.').map((q) => q.text)).toEqual([
      'Thank You, Mister Mayor,',
    ]);
  });

  it('after called, titled, dubbed or meant the marks hold a name or a gloss, not speech', () => {
    expect(directs('The bakery added a menu called “bread for the whole street” on Monday, its owner said.')).toEqual(
      [],
    );
    expect(directs('In Swahili her nickname meant “the one who stays,” he recalled.')).toEqual([]);
    // A long slogan after بعنوان is a title too.
    expect(directs('وقال المنظمون إن الندوة تعقد بعنوان "دور الشباب في بناء المدن الجديدة" غدا.')).toEqual([]);
    // So is a slogan after شعار and whose it is (شعار الحزب الانتخابي "…").
    expect(directs('وارتدى قميصا أزرق كتب عليه شعار الحزب الانتخابي "معا نبني مدينة أجمل للجميع" في الحفل.')).toEqual(
      [],
    );
    expect(directs('ورفع المشجعون شعار ناديهم القديم "لن نسير وحدنا أبدا" في المدرج.')).toEqual([]);
  });

  it('a quote that runs over paragraphs: the mark left open at a paragraph end when the next opens one', () => {
    const s = 'The coach said: “We trained hard all winter and it showed today.\n\n“Now we rest for a week.”';
    expect(directs(s).map((q) => q.text)).toEqual([
      'We trained hard all winter and it showed today.',
      'Now we rest for a week.',
    ]);
    const t = '“I started with my own street, the people I grew up with.\n“Then the rest of the town,” she said.';
    expect(directs(t).map((q) => q.text)).toEqual([
      'I started with my own street, the people I grew up with.',
      'Then the rest of the town,',
    ]);
    // No mark opens the next paragraph: the open mark still pairs nothing.
    expect(directs('He said: “this is not closed at all and goes on\nAnd the next paragraph is plain.')).toEqual([]);
  });

  it('a short quote right after a quote and its attribution goes on with the same speaker', () => {
    const s = '“The bridge is closed,” the mayor wrote. “Go around it.”';
    expect(directs(s).map((q) => [q.text, q.speaker])).toEqual([
      ['The bridge is closed,', 'the mayor'],
      ['Go around it.', 'the mayor'],
    ]);
    // With no attribution before it, a short quote alone is still a term.
    expect(directs('The shop sold “Go around it.” stickers.')).toEqual([]);
  });
});

describe('findQuotes: joined, typewriter and unclosed quotations (dev..dev5)', () => {
  it('a second quotation joined to a cued one by وإنه / and that is cued by it too', () => {
    const s = 'وقال المدرب إن الفريق "لعب جيدا" وإنه "سيعود أقوى في الموسم المقبل".';
    expect(directs(s).map((q) => q.text)).toEqual(['سيعود أقوى في الموسم المقبل']);
    // (Alone, with no cue, the short Arabic quotation is still a term.)
    expect(directs('الفريق "سيعود أقوى في الموسم المقبل" هذا العام.')).toEqual([]);
  });

  it("typewriter marks: ''…'' and ``…'' are a pair of quotation marks", () => {
    const s = "``The bridge opens on Monday for cars and bikes,'' the mayor said.";
    expect(directs(s).map((q) => [q.text, q.speaker])).toEqual([
      ['The bridge opens on Monday for cars and bikes,', 'the mayor'],
    ]);
    const t = "\"We will keep every route open this winter,'' the driver said.";
    expect(directs(t).map((q) => q.text)).toEqual(['We will keep every route open this winter,']);
  });

  it('a mark after a colon left open to a paragraph that ends with a full stop is a quote', () => {
    const s = 'وأضاف الوزير في مؤتمر صحافي: "سنواصل العمل مع شركائنا حتى يعود الهدوء إلى المنطقة.\nوفي المساء غادر.';
    expect(directs(s).map((q) => q.text)).toEqual(['سنواصل العمل مع شركائنا حتى يعود الهدوء إلى المنطقة.']);
    // (Not when the paragraph does not end with a full stop: the mark may be a stray.)
    expect(directs('وأضاف الوزير: "سنواصل العمل مع شركائنا حتى يعود الهدوء\nوفي المساء غادر.')).toEqual([]);
  });
});

describe('findQuotes: a straight mark closed by a curly one (dev8)', () => {
  it('"…” pairs as “…" does: the quote after a first one and its attribution is found, with its speaker', () => {
    const s = '"I don’t think anyone ought to take that risk," Lee said. "I certainly don’t want to take it myself.”';
    expect(texts(s).filter((q) => q.kind === 'direct')).toEqual([
      { text: 'I don’t think anyone ought to take that risk,', kind: 'direct', speaker: 'Lee' },
      { text: 'I certainly don’t want to take it myself.', kind: 'direct', speaker: 'Lee' },
    ]);
  });
});

describe('findQuotes: a quotation in reported content, a few words after إن / أن (dev10)', () => {
  it('وقال X، المدير …، إن الجامعة "…": the verb of saying cues the quotation in what it reports, five words on', () => {
    const s =
      'وقال سامي عادل، المدير التحريري لقائمة الجامعات، إن جامعة المدينة "قوية للغاية في التعاون الدولي"، ' +
      'وهذا يعكس أهميتها.';
    expect(directs(s)).toEqual([{ text: 'قوية للغاية في التعاون الدولي', kind: 'direct', speaker: 'سامي عادل' }]);
    // (No verb of saying before إن: a term in marks in the writer's own sentence is no quote.)
    const own = 'ويبدو أن جامعة المدينة "قوية في التعاون الدولي" هذا العام.';
    expect(directs(own)).toEqual([]);
  });
});

// Issue 17's Arabic direct quotes, judged on dev..dev13 (dev14 and test held out): made-up sentences, no corpus names.
describe("findQuotes: names in marks and the writer's questions (dev..dev13)", () => {
  it('an acronym spelled in Arabic letters, or a name after a naming noun, is no quote, and does not hide the verb', () => {
    const s = 'وقال الوزير في مقابلة مع شبكة "إي بي سي"، "لا نريد أي تصعيد في المنطقة".';
    expect(directs(s)).toEqual([{ text: 'لا نريد أي تصعيد في المنطقة', kind: 'direct', speaker: 'الوزير' }]);
    expect(directs('وقال باحثون من "آي بي إم" إنهم يختبرون نموذجا جديدا.')).toEqual([]);
    expect(directs('وأعلن فصيل "جيش الوادي الحر" المسلح مسؤوليته عن الهجوم، وقال إنه سيواصل القتال.')).toEqual([]);
    // (بـ written apart before the marks is a prefix as بـ« is: the term it names is no quote.)
    expect(directs('وزعمت الوكالة أن ما وصفتها بـ "مجموعات الجبهة المسلحة" منعت المدنيين من الخروج.')).toEqual([]);
    // (A title after عنوانه, كتابه: the noun with its pronoun still names what follows.)
    expect(directs('فذكر أنه يقرأ حاليا كتابا عنوانه «زمن الصمت.. ذاكرة بلا مدينة» للمؤلف.')).toEqual([]);
  });

  it("the writer's own question after السؤال or نسأل is no quote; a question someone asked is", () => {
    expect(directs('ويبقى السؤال الأهم: «ما الذي يقرأه الناس هذه الأيام».')).toEqual([]);
    expect(directs('وهنا يجب أن نسأل: "هل أثرت الهزيمة على اللاعبين إلى هذا الحد؟"')).toEqual([]);
    const asked = 'وانتقد الكاتب الحملة، وسأل: "أليس هذا هو الفنان الذي أمتعكم سنوات؟".';
    expect(directs(asked).map((q) => q.text)).toEqual(['أليس هذا هو الفنان الذي أمتعكم سنوات؟']);
    // (ردا على سؤال: the answer that follows is speech.)
    const answer = 'وقال الوزير ردا على سؤال: "لن نغير موقفنا من هذه القضية".';
    expect(directs(answer).map((q) => q.text)).toEqual(['لن نغير موقفنا من هذه القضية']);
  });

  it('a quotation attributed after it: على حد تعبيره, بحسب X, وفق X', () => {
    const s = 'وحذر من أن الدول الصغيرة ستدفع الثمن في "منطقتنا وفي سياساتهم" على حد تعبيره.';
    expect(directs(s).map((q) => q.text)).toEqual(['منطقتنا وفي سياساتهم']);
    const t = 'ويكلف الجهاز أقل من دولار، كما سيحمل "عدة مئات من الخلايا"، بحسب الشركة.';
    expect(directs(t).map((q) => q.text)).toEqual(['عدة مئات من الخلايا']);
  });
});

describe('findQuotes: a quotation with one of its marks left out (dev..dev13)', () => {
  it('a closing mark with no opening one: the quote runs from the colon or the إن / أن of a verb of saying', () => {
    const s =
      'وقال المفتش في ذلك الوقت إنه من واقع خبرتي الطويلة، لا شك لدي أن الناس يتغيرون مع القمر".\nوانتهى التقرير.';
    expect(directs(s).map((q) => q.text)).toEqual(['من واقع خبرتي الطويلة، لا شك لدي أن الناس يتغيرون مع القمر']);
    const c = 'وقالت الكاتبة: اعتدت أن أقرأ كل الروايات الفائزة منذ سنوات. أنا متشوقة للعودة إليها".\nوانتهى اللقاء.';
    expect(directs(c)).toEqual([
      {
        text: 'اعتدت أن أقرأ كل الروايات الفائزة منذ سنوات. أنا متشوقة للعودة إليها',
        kind: 'direct',
        speaker: 'الكاتبة',
      },
    ]);
    // (After إن / أن with no word in the first person, a stray mark at the end leaves reported speech as it was.)
    const reported = 'وأشارت الهيئة إلى أن تلك الاستثمارات لا تخضع لأي جهة رقابية تحمي المستثمرين".\nوانتهى.';
    expect(texts(reported).map((q) => q.kind)).toEqual(['indirect']);
    // (A stray mark with no verb of saying before it opens nothing.)
    expect(directs('ويبدو أن الأمر انتهى عند هذا الحد" في النهاية.\nوانتهى.')).toEqual([]);
  });

  it('an opening mark after بأنها / إن left open to a paragraph that ends with a full stop', () => {
    const s =
      'وتصف الناقدة الرواية بأنها «جميلة جدا ومؤلمة جدا لأنها رواية تحذيرية كتبت ببراعة.\n\nوفي الكتاب فصول أخرى.';
    expect(directs(s).map((q) => q.text)).toEqual(['جميلة جدا ومؤلمة جدا لأنها رواية تحذيرية كتبت ببراعة.']);
  });
});

describe('quotationPairs', () => {
  it('property: pairs are ordered, disjoint, inside one paragraph, and open and close with quotation marks', () => {
    const marks = ['«', '»', '“', '”', '"', '‘', '’', "'", '\n', ' قال ', 'word', 'كلمة'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...marks), textArb(3)), { maxLength: 30 }), (parts) => {
        const chars = Array.from(parts.join(''));
        let last = -1;
        for (const p of quotationPairs(chars)) {
          expect(p.open).toBeGreaterThan(last);
          expect(p.close).toBeGreaterThan(p.open);
          expect('«»“”"„‹›‘').toContain(chars[p.open]);
          expect('«»“”"„‹›’').toContain(chars[p.close]);
          expect(chars.slice(p.open, p.close).includes('\n')).toBe(false);
          last = p.close;
        }
        const source = chars.join('');
        for (const q of findQuotes(source)) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(chars.length);
          expect(q.start).toBeLessThan(q.end);
        }
      }),
      RUNS,
    );
  });
});

// Issue 17's Arabic direct quotes again, judged on dev..dev14 (dev15 and test held out): made-up sentences.
describe('findQuotes: more names in marks (dev..dev14)', () => {
  it('a hashtag, a name listed after another with و, a title genitive, a naming noun with its adjective in ال', () => {
    expect(directs('وعن هاشتاغ "#كلنا_مع_المنتخب_يد_واحدة"، قال المدرب: "هذا يسعدنا كثيرا جدا".')).toHaveLength(1);
    expect(directs('وعن الوسم "#معا_من_أجل_المدينة_الخضراء"، كتب كثيرون تعليقات.')).toEqual([]);
    expect(directs('وذكرت "صحيفة المساء" و"إن بي سي نيوز" نقلا عن مسؤولين أن الاجتماع تأجل.')).toEqual([]);
    expect(directs('كما قال سامر عادل، مدير «مركز دراسات الطاقة المتجددة» في جامعة المدينة.')).toEqual([]);
    expect(directs('وكتب عنه في كتابه الجديد «رحلتي عبر الصحراء الكبرى».')).toEqual([]);
    expect(directs('أعلنت وكالة التصنيف الائتماني "غلوبال آند ريتنغز" أنها رفعت تصنيف البلاد.')).toEqual([]);
    // (But speech after a name and a comma is speech, and so is the words of a title in ال: قال المدير «…».)
    const after = 'وقال الوزير في مقابلة مع شبكة "سي بي سي"، "لا نريد حربا على أحد".';
    expect(directs(after).map((q) => q.text)).toEqual(['لا نريد حربا على أحد']);
    const titled = 'وقال سامر عادل المدير «لا نريد حربا على أحد».';
    expect(directs(titled).map((q) => q.text)).toEqual(['لا نريد حربا على أحد']);
  });

  it('reported speech does not start inside a name in marks (the أن of "أن بي سي نيوز")', () => {
    const s = 'وذكرت "صحيفة المساء" و"أن بي سي نيوز"، نقلا عن مقربين من الرئيس، أن الاجتماع تأجل.';
    expect(texts(s).filter((q) => q.text.startsWith('بي سي'))).toEqual([]);
  });
});

// Issue 17's Arabic direct quotes, judged on dev..dev15 (dev16 and test held out): made-up sentences.
describe('findQuotes: a short quotation in reported speech (dev..dev15)', () => {
  it('three to five words in marks after the إن / أن of a verb of saying, however far back in the sentence', () => {
    const far =
      'وقالت الوزارة في بيانها الصادر اليوم إن الخطة الجديدة التي أقرتها الحكومة في اجتماعها الأخير ' +
      '"ستغير حياة الناس" في المدن.';
    expect(directs(far).map((q) => q.text)).toEqual(['ستغير حياة الناس']);
    const joined =
      'وأعلنت الشركة في بيان أنها تتوقع نموا مستمرا في أرباحها خلال العام المقبل و"تراجع المخاطر المالية".';
    expect(directs(joined).map((q) => q.text)).toEqual(['تراجع المخاطر المالية']);
    // (Not with no verb of saying, nor after هو / هي or من: what something is called.)
    expect(directs('ولا شك أن الخطة الجديدة التي أقرتها الحكومة أمس "ستغير حياة الناس" كثيرا.')).toEqual([]);
    const one =
      'وقال المدرب في مؤتمر صحفي إن المدينة التي نشأ فيها كانت يوما واحدة من "القوى الكروية العظمى" في القارة.';
    expect(directs(one)).toEqual([]);
    const copula = 'وقال الكاتب في حديث للتلفزيون إن أحدث أعماله الذي صدر الشهر الماضي هو "رحلة إلى الشمال" فقط.';
    expect(directs(copula)).toEqual([]);
  });

  it('a naming noun in ة with its possessive on ت (مسرحيته، روايتها) names what follows', () => {
    expect(directs('وقال المخرج إن الفيلم يشبه في أحداثه مسرحيته "ليل المدينة الطويل" كثيرا.')).toEqual([]);
    expect(directs('وكتبت الناقدة عن روايتها «بيت على حافة البحر» مقالا طويلا.')).toEqual([]);
  });
});

describe('findQuotes: a straight mark typed twice to open (dev..dev15)', () => {
  it('""… " is one quotation, not an empty pair and then a quotation opened by its closing mark', () => {
    const doubled =
      'وتحدث الرئيس عن فريقه، موضحا: ""لا أثق بكل شخص في هذا المكتب، سأكون صادقا معك" كما قال في المقابلة.';
    expect(directs(doubled).map((q) => q.text)).toEqual(['لا أثق بكل شخص في هذا المكتب، سأكون صادقا معك']);
  });
});

describe('findQuotes: English direct quotes on unseen articles (dev14..dev31)', () => {
  const direct = (s: string) => texts(s).filter((q) => q.kind === 'direct');

  it('a text that ends inside a quotation, its closing mark cut off, ends the quote at its full stop', () => {
    const s = '“The plan worked,” said Ann Lee, the mayor. “But we still have a long way to go before winter.';
    expect(direct(s).map((q) => q.text)).toEqual([
      'The plan worked,',
      'But we still have a long way to go before winter.',
    ]);
    // (Not a mark left open inside a sentence, nor one before the text's last paragraph.)
    expect(direct('He wrote a note on the “Main Street Lending Program and other plans for the town.')).toEqual([]);
    const middle = 'She said. “We will try hard to open the doors in the spring this year.\n\nThe town voted.';
    expect(direct(middle)).toEqual([]);
  });

  it('an opening “ typed for the closing one after a comma, a space after it, closes the quote', () => {
    const s = '“We are testing new filters for the air in every cabin this week, “ Dumont said.';
    expect(texts(s)).toEqual([
      { text: 'We are testing new filters for the air in every cabin this week,', kind: 'direct', speaker: 'Dumont' },
    ]);
  });

  it('a participle of saying, or a verb of claiming or promising, cues a short quotation near it', () => {
    const s = 'The mayor on Monday called the new bridge a “work of art,” arguing that it cost less than planned.';
    expect(direct(s).map((q) => q.text)).toEqual(['work of art,']);
    expect(direct('The pills would not make people “stronger than before”, as the clip claims.')).toHaveLength(1);
    expect(direct("Museums across the country promise to 'see you soon' after the storm.")).toHaveLength(1);
    // (With no such word near, three words in marks are a term.)
    expect(direct('The mayor on Monday put the new bridge on a “work of art” list of the city.')).toEqual([]);
  });

  it('a slogan, and a title after author of / the book, are names, even near a verb of saying', () => {
    expect(direct('The board unveiled the town\'s new slogan: "Come for the lake, stay for the people."')).toEqual([]);
    const s =
      '“People trust their towns,” says Ann Lee, author of “Small Towns: The Quiet Story Behind Their Success”.';
    expect(direct(s).map((q) => q.text)).toEqual(['People trust their towns,']);
  });

  it('a heading in capitals, and a headline that opens with a quotation and a colon, quote someone', () => {
    expect(direct('The talks went on.\n\n‘WE ARE READY NOW’\n\nThe minister met them.').map((q) => q.text)).toEqual([
      'WE ARE READY NOW',
    ]);
    expect(direct("Sales rose.\n\n'A new start':Shops sell gift boxes to stay open\n").map((q) => q.text)).toEqual([
      'A new start',
    ]);
    // (A title in title case with no verb near stays a title.)
    expect(direct('The band played “Songs From The Lake Country” on Friday.')).toEqual([]);
  });

  it('a quotation the text uses as the name of a rule or a policy is that name wherever it stands', () => {
    const s =
      'Under the new plan, savers may not have to "spend it all by December" this year, an official said. ' +
      'For now, the “spend it all by December” rule stays in place.';
    expect(direct(s)).toEqual([]);
    // (Speech before a noun that it does not name stays speech.)
    expect(direct('“We will open the park next week,” rules say nothing about it.')).toHaveLength(1);
  });

  it('the point of an initial or a title does not end the sentence that cues a short quotation', () => {
    const s = 'Sen. Jane Roe said U.S. testing is “nothing to celebrate” at this stage.';
    expect(direct(s).map((q) => q.text)).toEqual(['nothing to celebrate']);
  });
});

describe('findQuotes: Arabic direct quotes of dev34..dev42 (quotes33)', () => {
  const direct = (s: string) => texts(s).filter((q) => q.kind === 'direct');

  it('a straight mark glued to إن / أن with a space after it opens the quotation', () => {
    const s = 'وقال المتحدث باسم الوزارة في بيان إن" المسؤولين عن هذا القرار يجب أن يحاسبوا أمام الجميع".';
    expect(direct(s).map((q) => q.text)).toEqual(['المسؤولين عن هذا القرار يجب أن يحاسبوا أمام الجميع']);
  });

  it('a quotation left open ends at the paragraph joined to its line by two spaces', () => {
    const s =
      'وقال الخبير: "هناك أسئلة كثيرة حول مستقبل الشركة.\u00a0 ويتوقع المحللون أن ترتفع أرباحها بسرعة أكبر في ' +
      'السنوات المقبلة.\nوفي خبر آخر، افتتح المعرض.';
    expect(direct(s).map((q) => q.text)).toEqual(['هناك أسئلة كثيرة حول مستقبل الشركة.']);
  });

  it('a body name in marks: after the في of a title, between a verb that relays and عن, or opening with منتدى', () => {
    const s = 'وقال سامر حداد، مدير الأبحاث في "ستار فيو كابيتال": "نتوقع أن ترتفع الأسعار هذا العام".';
    expect(direct(s).map((q) => q.text)).toEqual(['نتوقع أن ترتفع الأسعار هذا العام']);
    expect(direct('ونقلت «الشبكة الوطنية للأخبار» عن الناشط سامي قوله إن الطريق مغلق.')).toEqual([]);
    expect(direct('وتحدثت الوزيرة أمس أمام "منتدى التنمية في الدول العربية" بدبي.')).toEqual([]);
    // (After في that is no title's, the marks may hold speech: سيصنع في "…" على حد تعبيره.)
    expect(direct('وقال إن القرار سيصنع في "أعلى المراتب الحكومية" على حد تعبيره.')).toHaveLength(1);
  });

  it('three words in marks after a verb of describing or accusing and بـ / بأنه, an appeal (إلى), or عبارة', () => {
    const one = (s: string) => direct(s).map((q) => q.text);
    expect(one('وحذر الوزير مما وصفه بـ"مخاطر عزلة البلاد الطويلة" في كلمته أمس.')).toHaveLength(1);
    expect(one('واتهمت الشركة الحكومة بـ"الاستيلاء بصورة غير قانونية" على الميناء.')).toHaveLength(1);
    expect(one('ووصفت الصحف ما جرى بأنه "مشهد من الفوضى النادرة" وطالبت بالتحقيق.')).toHaveLength(1);
    expect(one('ودعت الوزارة المواطنين إلى "الالتزام بالتعليمات الصادرة" و"البقاء في المنازل قدر الإمكان".')).toEqual([
      'الالتزام بالتعليمات الصادرة',
      'البقاء في المنازل قدر الإمكان',
    ]);
    expect(one('وكانت المرأة تصرخ بعبارة "اتركوني أذهب الآن" في الشارع.')).toEqual(['اتركوني أذهب الآن']);
    // (The appeal's verb anywhere before in its sentence, eleven words back.)
    const far =
      'ودعا رئيس صندوق تقاعد موظفي المدينة الكبيرة المدير إلى الاستقالة ليبدأ البنك "مرحلة جديدة تعزز سمعته".';
    expect(one(far)).toEqual(['مرحلة جديدة تعزز سمعته']);
    // (One or two words are a description, not a quotation; a body's name stays a name.)
    expect(one('ووصف الوزير القرار بـ"الخاطئ جدا" أمس.')).toEqual([]);
    expect(one('وزعمت الوكالة أن ما وصفها بـ"مجموعات الجبهة المسلحة" منعت المدنيين.')).toEqual([]);
  });

  it('a heading in marks alone on its line is a quote when the paragraph after it quotes its words, and its speaker', () => {
    const s =
      'وانتهى الاجتماع مساء أمس.\n"الأمل في الغد"\nكتب الوزير سامي حداد في تغريدة: "نحن نعمل والأمل في الغد كبير رغم كل شيء".';
    expect(direct(s)).toEqual([
      { text: 'الأمل في الغد', kind: 'direct', speaker: 'الوزير سامي حداد' },
      { text: 'نحن نعمل والأمل في الغد كبير رغم كل شيء', kind: 'direct', speaker: 'الوزير سامي حداد' },
    ]);
    // (A heading the paragraph after it does not repeat is a term or a title.)
    expect(direct('وانتهى الاجتماع.\n"ارتداد المرض الخطير"\nوتعتبر الملاريا مرضا شائعا في المنطقة.')).toEqual([]);
  });

  it('the middle of a list of names in marks is a name however long', () => {
    const s = 'ووقعت الأطراف: «الحكومة» و«مجموعة من النواب المستقلين عن الكتل (أغلبهم من الجنوب)»، و«مجموعة الشباب».';
    expect(direct(s)).toEqual([]);
  });

  it('a headline that opens with a name and a colon quotes that one in its marks, with no verb', () => {
    const s = 'انتهت الجلسة.\nسامي حداد: قرار الحكومة الأخير خطوة "لا يمكن القبول بها"\nوفي خبر آخر، افتتح المعرض.';
    expect(direct(s).map((q) => q.text)).toEqual(['لا يمكن القبول بها']);
  });
});
