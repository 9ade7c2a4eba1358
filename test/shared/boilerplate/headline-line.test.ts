import { describe, expect, test } from 'vitest';
import { headlineLine, isUnlabeledHeadline } from '../../../shared/boilerplate/headline-line';
import { removed } from './rule-harness';

describe('headline-line', () => {
  test.each([
    '[Storm knocks out power to thousands across the coast]',
    'GRAPHIC: How the virus spread across Europe - here',
    'FACTBOX: What we know about the new tariffs',
    "'We had nothing left': Farmers count the cost of the drought",
    "'Too late?' Why the rescue plan may not work",
    'Rent up 9%:Tenants in big cities face record increases',
    'Your weekend guide:Five walks to take before autumn',
  ])('headline %s', (line) => expect(isUnlabeledHeadline(line)).toBe(true));

  test.each([
    'VACCINE HOPE',
    'Looking for answers',
    '“We were scared,” said the driver.',
    "'It was awful': that is how one resident described the night, officials said.",
    '[The hearing was adjourned.]',
    'Meeting at 10:30 in the hall',
    'See https://example.com:Check',
  ])('not a headline: %s', (line) => expect(isUnlabeledHeadline(line)).toBe(false));

  test('the first line is the article’s own headline', () => {
    expect(removed(headlineLine, "'A new start': Town reopens its pier\nThe pier reopened today.\n")).toEqual([]);
  });
});
