// A title's numbers as parts of their own (the document list keeps each whole where the row cuts the title), with the
// mark that keeps each where the bidi algorithm put it.
import { describe, expect, it } from 'vitest';
import { titleParts } from '../../shared/title-parts';

const LRM = '\u200E';
const RLM = '\u200F';

describe('titleParts', () => {
  it('makes a part of a number in an Arabic title, right to left as the Arabic before it', () => {
    expect(titleParts('أوبك+ تمدد خفض الإنتاج حتى نهاية 2025.. والأسعار')).toEqual([
      { text: 'أوبك+ تمدد خفض الإنتاج حتى نهاية ', number: false },
      { text: '2025', number: true, mark: RLM },
      { text: '.. والأسعار', number: false },
    ]);
  });

  it('keeps a number after a Latin word left to right, in an Arabic title too (W7)', () => {
    expect(titleParts('شركة Apple 2025 تعلن')).toEqual([
      { text: 'شركة Apple ', number: false },
      { text: '2025', number: true, mark: LRM },
      { text: ' تعلن', number: false },
    ]);
    expect(titleParts('Cairo film festival opens with 3.5% more films')[1]).toEqual({
      text: '3.5%',
      number: true,
      mark: LRM,
    });
  });

  it('takes the title’s direction for a number before any letter, and right to left for Arabic-Indic digits', () => {
    expect(titleParts('2025 عام الانتخابات')[0]).toEqual({ text: '2025', number: true, mark: RLM });
    expect(titleParts('2025: the year')[0]).toEqual({ text: '2025', number: true, mark: LRM });
    expect(titleParts('Page ٢٠٢٥')[1]).toEqual({ text: '٢٠٢٥', number: true, mark: RLM });
  });

  it('keeps dates, times and separators inside one number', () => {
    expect(
      titleParts('الاثنين 03 يونيو 2024 - 09:20')
        .filter((p) => p.number)
        .map((p) => p.text),
    ).toEqual(['03', '2024', '09:20']);
    expect(
      titleParts('on 2024-06-03, $81.65')
        .filter((p) => p.number)
        .map((p) => p.text),
    ).toEqual(['2024-06-03', '$81.65']);
  });

  it('leaves a number glued to a letter inside its word, and a title without numbers whole', () => {
    expect(titleParts('حتى نهاية عام2025 شبكة 5G و COVID-19x')).toEqual([
      { text: 'حتى نهاية عام2025 شبكة 5G و COVID-19x', number: false },
    ]);
    expect(titleParts('Japan’s Kishida says Tokyo ready')).toEqual([
      { text: 'Japan’s Kishida says Tokyo ready', number: false },
    ]);
    expect(titleParts('')).toEqual([{ text: '', number: false }]);
  });

  it('gives back the title, part after part', () => {
    const title = '«2025» عام 1.5 مليون و 3 ملايين Apple 7 up 09:20';
    expect(
      titleParts(title)
        .map((p) => p.text)
        .join(''),
    ).toBe(title);
  });
});
