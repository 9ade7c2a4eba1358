// The gender an Arabic verb of saying gives its subject, and a mention's own, for the chain of who spoke.
import { describe, expect, it } from 'vitest';
import { mentionGender, speechVerbGender } from '../../shared/speaker-gender';

describe('speechVerbGender', () => {
  it('past, present and participle, with و / ف in front', () => {
    for (const w of ['قالت', 'وأضافت', 'فتابعت', 'تقول', 'وتضيف', 'مؤكدة', 'قائلة', 'رأت'])
      expect({ w, g: speechVerbGender(w) }).toEqual({ w, g: 'feminine' });
    for (const w of ['قال', 'وأضاف', 'تابع', 'يقول', 'ويضيف', 'مؤكدا', 'قائلاً', 'رأى', 'تحدث'])
      expect({ w, g: speechVerbGender(w) }).toEqual({ w, g: 'masculine' });
  });

  it('plurals, other words and English tell nothing', () => {
    for (const w of ['قالوا', 'يقولون', 'مؤكدين', 'الحكومة', 'كتاب', 'said', 'she'])
      expect(speechVerbGender(w)).toBe(null);
  });
});

describe('mentionGender', () => {
  it('a title by its form, a noun in ال and ة or a body’s noun feminine; names and plurals nothing', () => {
    expect(mentionGender('الوزيرة سلمى عادل')).toBe('feminine');
    expect(mentionGender('المتحدثة باسم الخارجية')).toBe('feminine');
    expect(mentionGender('الحكومة العراقية')).toBe('feminine');
    expect(mentionGender('منظمة العفو الدولية')).toBe('feminine');
    expect(mentionGender('المتحدث باسم الجيش')).toBe('masculine');
    expect(mentionGender('وزير الخارجية سامر فهد')).toBe('masculine');
    // (Names end in ة either way: حمزة، لعمامرة، فاطمة.)
    expect(mentionGender('حمزة علي')).toBe(null);
    expect(mentionGender('المصادر')).toBe(null);
    expect(mentionGender('Ana Ruiz')).toBe(null);
  });
});
