import { describe, expect, test } from 'vitest';
import { isChartLabelLine, isWidgetLine } from '../../../shared/boilerplate/widget-text';

describe('widget', () => {
  test.each([
    'Slideshow (7 Images)',
    'Gallery (12 photos)',
    'View 8 photos',
    'عرض الصور',
    'Replay video',
    'Your browser does not support the video tag.',
    // A video embed's label left alone once the player is gone.
    'شاهد الفيديو',
    'شاهد الفيديو:',
    'شاهد:',
    'بالفيديو',
    'Watch:',
    'WATCH:',
    'Watch the video',
  ])('widget %s', (line) => expect(isWidgetLine(line)).toBe(true));

  test('a pull-quote widget', () => {
    expect(isWidgetLine('Tweet Share Maya Ortiz, nurse The ward was full every night. Quote icon')).toBe(true);
  });

  test('chart labels printed twice over', () => {
    const labels = 'Monthly rainfall in millimetres 120 90 60 30 0 Jan. Apr. Jul. Oct. 2021 2022 Source: Met Office';
    expect(isChartLabelLine(`${labels} ${labels}`)).toBe(true);
    // Once only, or a sentence with figures: not a chart.
    expect(isChartLabelLine(labels)).toBe(false);
    const prose =
      'Rainfall rose by 12 percent in 2021 and by 8 percent in 2022, the agency said. Rainfall rose again in 2023 after 3 dry years, 4 officials said.';
    expect(isChartLabelLine(prose)).toBe(false);
  });

  test.each([
    'Slideshow',
    'Photos',
    'The gallery reopened on Monday with 40 new images.',
    'Mute'.toLowerCase() + ' the phone, he said.',
    'شاهد الفيديو الذي نشرته الوزارة على حسابها.',
    'Watch',
    'فيديو',
    'Watch the video of the vote, he told reporters.',
  ])('not a widget: %s', (line) => expect(isWidgetLine(line)).toBe(false));
});
