import { describe, expect, test } from 'vitest';
import { isWireCreditLine, wireCredit } from '../../../shared/boilerplate/wire-credit';
import { removed } from './rule-harness';

describe('wire-credit', () => {
  test.each([
    'Contributing: Maria Lopez, The Daily Star',
    'Additional reporting: Tom Baker in Lagos',
    'Anna Ford, Ben Ng, Carla Diaz, Dev Patel, Eva Kim, Frank Ode, Gina Ruiz and Hugo P. Lamb contributed to this report.',
    'Sam Reed in Cairo contributed reporting.',
    'ساهم في إعداد التقرير: منى علي',
    'Text by Jo Smith. Edited by Kim Lee. Photo editing by Ann Roe. Design and development by Max Poe.',
  ])('credit %s', (line) => expect(isWireCreditLine(line)).toBe(true));

  test.each([
    'Residents, businesses and the state all contributed.',
    'He contributed to the report by interviewing dozens of farmers, he said.',
    'The book was written by a former diplomat.',
    'Farmers said the storms contributed to this report’s findings. Officials disagreed.',
  ])('prose %s', (line) => expect(isWireCreditLine(line)).toBe(false));

  test('a credits box: the heading and the credit lines under it', () => {
    const text =
      'Last paragraph of the feature.\n\nAbout this project\n\nThis series was reported by Ana Ruiz and written by Lee Chan.\n\nEdited by Mo Ali. Graphics by Zoe Wu.\n';
    expect(removed(wireCredit, text)).toEqual([
      'About this project\n\nThis series was reported by Ana Ruiz and written by Lee Chan.\n\nEdited by Mo Ali. Graphics by Zoe Wu.\n',
    ]);
  });
});

// Bloomberg's assistance line; a sentence that opens the same way stays.
test('wire-credit: "— With assistance from …"', () => {
  expect(isWireCreditLine('— With assistance from Jane Doe and John Roe.')).toBe(true);
  expect(isWireCreditLine('With assistance from Jane Doe, John Roe and Mary Major.')).toBe(true);
  expect(isWireCreditLine('With assistance from the UN, the ministry reopened the crossing.')).toBe(false);
});
