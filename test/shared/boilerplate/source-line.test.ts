import { describe, expect, test } from 'vitest';
import { sourceLine, sourceLineName } from '../../../shared/boilerplate/source-line';
import { removed } from './rule-harness';

describe('source-line', () => {
  test.each([
    ['المصدر: RT Arabic', 'RT Arabic'],
    ['المصدر: أ ب', 'أ ب'],
    ['المصادر: رويترز + وكالات', 'رويترز + وكالات'],
    ['Source: Reuters', 'Reuters'],
    ['Sources: AFP, AP', 'AFP, AP'],
    ['وكالات', 'وكالات'],
    ['(رويترز)', 'رويترز'],
    ['Staff and agencies', 'Staff and agencies'],
    ['الجزيرة + وكالات', 'الجزيرة + وكالات'],
    ['SOURCE SunGrid Energy', 'SunGrid Energy'],
  ])('%s names %s', (line, name) => {
    expect(sourceLineName(line)).toBe(name);
    expect(removed(sourceLine, `نص.\n${line}\nنص.`)).toEqual([`${line}\n`]);
  });

  test.each([
    'قال المصدر إن المفاوضات ستستأنف الأسبوع المقبل.',
    'المصدر نفسه أكد أن الوفد غادر القاهرة.',
    'وأضاف المصدر: "لن نقبل بأي شروط مسبقة"، مشيرا إلى أن الوفد سيغادر غدا إلى الدوحة لاستكمال المباحثات.',
    'Source: the ministry said on Tuesday that the talks would resume next week after a pause.',
    'A source close to the talks said no deal was near.',
    'Reuters reported that the talks had stalled.',
  ])('keeps %s', (line) => {
    expect(sourceLineName(line)).toBeUndefined();
  });
});
