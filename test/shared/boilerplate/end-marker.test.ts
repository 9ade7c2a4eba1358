import { describe, expect, test } from 'vitest';
import { endMarker, isEndMarkerLine } from '../../../shared/boilerplate/end-marker';
import { removed } from './rule-harness';

describe('end-marker', () => {
  test.each([
    '// انتهى //',
    ' //انتهى// ',
    '/انتهى/',
    '(انتهى)',
    'ـ انتهى ـ',
    '// يتبع //',
    '-END-',
    '(END)',
    '###',
    '-30-',
    'إضافة أولى',
    ' إضافة ثالثة وأخيرة',
    'ADD 2',
  ])('marker %s', (line) => expect(isEndMarkerLine(line)).toBe(true));

  test.each([
    'انتهى',
    'انتهى الاجتماع دون اتفاق.',
    'The End',
    'The war will end soon.',
    'إضافة إلى ذلك، قال الوزير',
    'More',
    '30',
  ])('not a marker: %s', (line) => expect(isEndMarkerLine(line)).toBe(false));

  test('the transmission time on the next line goes with the marker', () => {
    expect(removed(endMarker, 'وأضاف أن العمل مستمر.\n // انتهى //\n 14:05 ت م \nنص آخر')).toEqual([
      ' // انتهى //\n 14:05 ت م \n',
    ]);
    expect(removed(endMarker, 'The talks ended.\n-END-\n1405 GMT\n')).toEqual(['-END-\n1405 GMT\n']);
    expect(removed(endMarker, 'The talks ended.\n-END-\nNext story text.\n')).toEqual(['-END-\n']);
  });
});

test('(النهاية) as a marker, النهاية in a sentence not', () => {
  expect(isEndMarkerLine('(النهاية)')).toBe(true);
  expect(isEndMarkerLine('وفي النهاية وافق المجلس على القرار.')).toBe(false);
});

test('the desk’s initials under the marker go with it', () => {
  expect(removed(endMarker, 'وأضاف أن العمل مستمر.\n(النهاية)\nس ع د / ه ن\nنص آخر.\n')).toEqual([
    '(النهاية)\nس ع د / ه ن\n',
  ]);
  expect(removed(endMarker, 'وأضاف أن العمل مستمر.\n(النهاية)\nوقال الوزير إن العمل مستمر.\n')).toEqual([
    '(النهاية)\n',
  ]);
});
