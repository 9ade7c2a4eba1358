import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { joinKeywords } from '../../shared/keyword-list';
import { extractMetadata, splitKeywords } from '../../shared/metadata';

const sample = readFileSync(join(__dirname, '../../seeds/000_b3be894ae1d50a96.txt'), 'utf8');

describe('extractMetadata', () => {
  test('the sample article gives the metadata of the example sidecar', () => {
    expect(extractMetadata(sample)).toEqual({
      title: 'منفتحون على الحوار مع كيم جونغ أون.. بايدن يدعم مساعي اليابان لعقد قمة مع كوريا الشمالية',
      published: '2024-04-11',
      sourceName: 'RT Arabic',
      keywords: [
        'البيت الأبيض',
        'بيونغ يانغ',
        'جو بايدن',
        'طوكيو',
        'فوميو كيشيدا',
        'كيم جونغ أون',
        'واشنطن',
        'كوريا الشمالية',
      ],
    });
  });

  test('an English article with a date-time, a source and comma-separated tags', () => {
    const text =
      'Fed holds rates steady as inflation cools\n12 June 2024 14:05 BST\nBy Jane Doe\nThe Federal Reserve kept rates on hold.\nSource: Reuters\nTags: Federal Reserve, Inflation, Interest rates\n';
    expect(extractMetadata(text)).toEqual({
      title: 'Fed holds rates steady as inflation cools',
      published: '2024-06-12T14:05+01:00',
      sourceName: 'Reuters',
      keywords: ['Federal Reserve', 'Inflation', 'Interest rates'],
    });
  });

  test('published beats updated; Levantine months and Arabic-Indic digits', () => {
    const text = 'عنوان الخبر هنا\nآخر تحديث: ١٢ نيسان ٢٠٢٤ - ١٠:٠٠\nتاريخ النشر: ١١ نيسان ٢٠٢٤\nنص.';
    expect(extractMetadata(text).published).toBe('2024-04-11');
  });

  test('no title when the first line is prose, nothing invented when nothing is there', () => {
    expect(
      extractMetadata(
        'This is a long first paragraph of an article that starts without any headline at all, and it goes on.',
      ),
    ).toEqual({});
  });

  test('keywords: platform tags dropped unless the article is about them; letters normalized', () => {
    expect(splitKeywords('فيسبوك الاتحاد الأوروبي غرامة', 'فرض الاتحاد الأوروبي على الشركة غرامة كبيرة')).toEqual([
      'الاتحاد الأوروبي',
      'غرامة',
    ]);
    expect(splitKeywords('فيسبوك الاتحاد الأوروبي', 'غرّم الاتحاد الأوروبي فيسبوك')).toEqual([
      'فيسبوك',
      'الاتحاد الأوروبي',
    ]);
    expect(splitKeywords('کوریا الشمالیة', '')).toEqual(['كوريا الشمالية']);
    expect(splitKeywords('#السعودية #رؤية_2030', '')).toEqual(['السعودية', 'رؤية 2030']);
  });
});

describe('metadata details', () => {
  test('a zone with an offset ("GMT+9") is kept as the offset', () => {
    expect(extractMetadata('Headline here\nMay 27, 2024 11:42 AM GMT+9 Updated 3 hours ago\nBody.').published).toBe(
      '2024-05-27T11:42+09:00',
    );
  });

  test('noun + adjective pairs agree in gender', () => {
    expect(splitKeywords('أوبك+ النفط السعودية الرياض', '')).toEqual(['أوبك+', 'النفط', 'السعودية', 'الرياض']);
    expect(splitKeywords('المجلس الوطني كوريا الشمالية البيت الأبيض الأمم المتحدة الشرق الأوسط', '')).toEqual([
      'المجلس الوطني',
      'كوريا الشمالية',
      'البيت الأبيض',
      'الأمم المتحدة',
      'الشرق الأوسط',
    ]);
  });
});

describe('joinKeywords', () => {
  test('follows each keyword with the comma of its own script', () => {
    expect(joinKeywords(['Egypt', 'Cinema'])).toBe('Egypt, Cinema');
    expect(joinKeywords(['مصر', 'سينما'])).toBe('مصر، سينما');
    expect(joinKeywords(['Egypt', 'سينما', 'Cairo'])).toBe('Egypt, سينما، Cairo');
    expect(joinKeywords(['كوريا الشمالية'])).toBe('كوريا الشمالية');
    expect(joinKeywords([])).toBe('');
  });
});
