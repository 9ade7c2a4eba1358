// The speaker rules of quotes48 (issue 17, Arabic speakers: whom a verb with no subject of its own carries), on
// made-up sentences. Each watched failing on ecc75de's code first; the sentences are written here, not copied.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../shared/quote-finder';
import { cpSlice } from './text-arbitraries';

/** The speakers of the direct quotes found in `source`, in order. */
const speakers = (source: string) =>
  findQuotes(source)
    .filter((q) => q.kind === 'direct')
    .map((q) => q.speaker && cpSlice(source, q.speaker.start, q.speaker.end));

describe('وقال with no subject after a clause joined by و whose verb has one', () => {
  it('وأبدى المدرب NAME رضاه …، وقال: the coach, not the team named before', () => {
    const ar =
      'وقال رئيس النادي سامر عادل إن الموسم كان صعبا. وفاز الفريق في مباراته الأخيرة بهدفين، وأبدى المدرب ماجد ' +
      'حسون رضاه التام عن أداء اللاعبين، وقال: «كل العناصر حصلت على فرصتها في اللعب هذا الموسم».';
    expect(speakers(ar)).toEqual(['المدرب ماجد حسون']);
  });

  it('وزار الوزير NAME المدينة وقال: the minister, without the verb’s object', () => {
    const ar =
      'وقالت الوزارة إن الطريق مغلق. وزار الوزير خالد منصور المدينة أمس وقال "إن هذه المدينة تستحق منا كل ' +
      'الدعم الممكن".';
    expect(speakers(ar)).toEqual(['الوزير خالد منصور']);
  });
});

describe('a verb of saying after ما with what was said on it names its sayer after it', () => {
  it('رحب X بما أعلنته الرئاسة عن «…»: the presidency said the words, not the one who welcomed them', () => {
    const ar =
      'رحب مصدر حكومي مسؤول، أمس، بما أعلنته الرئاسة الفرنسية عن "استعدادها للتعاون" مع الحكومة بـ"إرسال فريق ' +
      'من الخبراء إلى المنطقة في أقرب وقت".';
    expect(speakers(ar)).toEqual(['الرئاسة الفرنسية']);
  });

  it('للحد مما يصفه النائب «…»: the deputy, not the one who spoke before', () => {
    const ar =
      'وقال سامر عادل إن القانون ضروري. وأضاف أن التعديل يهدف للحد مما يصفه النائب البرلماني "الحاضنة الشعبية ' +
      'للجماعات المسلحة" في القرى.';
    expect(speakers(ar)).toEqual(['النائب البرلماني']);
  });
});

describe('a text with no ال after وجاء في is named by the one who issued it', () => {
  it('وجاء في بيان مشترك أصدره الطرفان أنهما «…»: the two sides, not no one', () => {
    const ar =
      'وجاء في بيان مشترك أصدره الطرفان أنهما "اتفقا على عقد قمة جديدة في العاصمة خلال الشهر المقبل كما كان مقررا".';
    expect(speakers(ar)).toEqual(['الطرفان']);
  });
});

describe('a statement "from the side of" X is X’s', () => {
  it('بعد بيان غاضب من جانب X، وصفت فيه …: X, not the one who spoke before', () => {
    const ar =
      'وقال المكتب إن المحادثات مستمرة. ويأتي هذا بعد ساعات من بيان غاضب من جانب طهران، وصفت فيه العقوبات التي ' +
      'فرضتها واشنطن عليها مؤخرا بأنها "عمل عدائي واضح ضد الشعب".';
    expect(speakers(ar)).toEqual(['طهران']);
  });
});

describe('English: an adverb of time and its comma open the sentence, not its subject', () => {
  it('"Earlier, Trump said …" / "Then, the mayor said …": the one after the comma', () => {
    const en =
      'Earlier, Jane Roe said the agency had “done a very sad job” in its handling of the crisis. ' +
      'Then, the mayor said the city would “never let this happen again in our lifetime.”';
    expect(speakers(en)).toEqual(['Jane Roe', 'the mayor']);
  });
});
