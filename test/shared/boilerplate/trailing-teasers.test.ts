import { describe, expect, test } from 'vitest';
import { trailingTeasers } from '../../../shared/boilerplate/trailing-teasers';
import { removed } from './rule-harness';

// An article on a port strike, then the leads of three unrelated stories, as a section page lists them.
const article = [
  'عمّان (CNN)-- أعلن عمال ميناء العقبة الإضراب عن العمل احتجاجا على تأخر صرف الرواتب، بحسب ما أفادت نقابة العاملين في الميناء.',
  'وقالت النقابة في بيان إن الإضراب سيستمر حتى صرف رواتب العمال المتأخرة منذ ثلاثة أشهر.',
  'وأضافت النقابة أن إدارة الميناء لم ترد على مطالب العمال رغم الاجتماعات المتكررة.',
  'وأكد وزير النقل أن الحكومة تعمل على حل أزمة رواتب عمال الميناء في أقرب وقت.',
];
const teasers = [
  'أعلنت شركة طيران إقليمية، الأحد، عن افتتاح خط جوي جديد يربط بين مدينتين ساحليتين اعتبارا من الشهر المقبل.',
  'كشفت دراسة حديثة، الاثنين، أن استهلاك القهوة المعتدل يرتبط بتحسن ملحوظ في جودة النوم لدى البالغين.',
  'توج المنتخب الوطني لكرة السلة، السبت، ببطولة إقليمية للمرة الأولى في تاريخه بعد مباراة نهائية مثيرة.',
];

describe('trailing-teasers', () => {
  test('the leads of other stories after the article go as one stretch', () => {
    const text = `${[...article, ...teasers].join('\n')}\n`;
    expect(removed(trailingTeasers, text)).toEqual([`${teasers.join('\n')}\n`]);
  });

  test('the article’s own last paragraphs stay: they share its words', () => {
    expect(removed(trailingTeasers, `${article.join('\n')}\n`)).toEqual([]);
    const own = 'أعلنت نقابة عمال الميناء، الأحد، أن الإضراب عن العمل سيستمر حتى صرف الرواتب المتأخرة.';
    expect(removed(trailingTeasers, `${[...article, own, ...teasers.slice(0, 2)].join('\n')}\n`)).toEqual([]);
  });

  test('two teasers are not enough, and a roundup of leads only is its own text', () => {
    expect(removed(trailingTeasers, `${[...article, ...teasers.slice(0, 2)].join('\n')}\n`)).toEqual([]);
    expect(
      removed(
        trailingTeasers,
        `${[teasers[0], ...teasers.slice(1), teasers[0].replace('الأحد', 'الخميس')].join('\n')}\n`,
      ),
    ).toEqual([]);
  });

  test('undated paragraphs do not make a teaser run', () => {
    const undated = teasers.map((t) => t.replace(/،\s*(?:الأحد|الاثنين|السبت)،/u, ''));
    expect(removed(trailingTeasers, `${[...article, ...undated].join('\n')}\n`)).toEqual([]);
  });
});

test('trailing-teasers: leads dated by the datelines of an agency we do not know by name', () => {
  const undated = [
    'دبي، الإمارات العربية المتحدة (KTV)- تسعى شركة طيران إقليمية لافتتاح خط جوي جديد بين مدينتين ساحليتين.',
    'لندن، المملكة المتحدة (KTV)- كشفت دراسة حديثة أن استهلاك القهوة المعتدل يرتبط بتحسن جودة النوم لدى البالغين.',
  ];
  const text = `${[...article, ...undated, teasers[2]].join('\n')}\n`;
  expect(removed(trailingTeasers, text)).toEqual([`${[...undated, teasers[2]].join('\n')}\n`]);
});
