import { describe, expect, test } from 'vitest';
import { isPageNoticeLine } from '../../../shared/boilerplate/page-notice';

describe('page-notice', () => {
  test.each([
    'We use cookies to improve your experience. By continuing to use this site you agree.',
    'Accept all cookies',
    'يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.',
    'Please enable JavaScript to view the comments.',
    'Your browser does not support the video tag.',
    'يرجى تفعيل جافا سكريبت في متصفحك',
    'It looks like you are using an ad blocker.',
    'Get the Daily News app for breaking news alerts',
    'Turn on notifications to follow the election live.',
    'يمكنكم الآن تلقي إشعارات بآخر الأخبار عبر تطبيقنا على هواتفكم.',
    'حمّلوا تطبيق الموقع على أجهزتكم الذكية',
    'Prefer to listen? The morning briefing is also a podcast.',
    'Listen to the Weekly Roundup podcast on your phone.',
    '[Sign up for our Morning Brief newsletter to get the news in your inbox.]',
  ])('notice %s', (line) => expect(isPageNoticeLine(line)).toBe(true));

  test.each([
    'Regulators say the cookie consent rules confuse users, and many accept cookies without reading.',
    'Officials urged residents to download the app and turn on notifications for alerts, the mayor said.',
    'The app lets users get the news in Arabic.',
    'وقال الوزير إن تطبيق القانون سيبدأ الشهر المقبل.',
  ])('prose %s', (line) => expect(isPageNoticeLine(line)).toBe(false));
});

test('a pointer to more coverage', () => {
  expect(isPageNoticeLine("Find more of the Herald's election coverage at https://example.com/elections")).toBe(true);
  expect(isPageNoticeLine('Critics said the network’s coverage of the war was one-sided.')).toBe(false);
});

test('“حمل … تطبيق” in a sentence is carrying and applying, not an app', () => {
  expect(isPageNoticeLine('وقال إن الوزير حمل لواء تطبيق القانون منذ توليه المنصب.')).toBe(false);
  expect(isPageNoticeLine('حمل على عاتقه تطبيق الإصلاحات الاقتصادية.')).toBe(false);
  expect(isPageNoticeLine('حمّل تطبيق الموقع مجاناً')).toBe(true);
});

test('a “Don’t miss” teaser button, not a sentence', () => {
  expect(isPageNoticeLine("Don't miss our best stories of the week")).toBe(true);
  expect(isPageNoticeLine('لا تفوّت أهم أخبار اليوم')).toBe(true);
  expect(isPageNoticeLine("Don't miss the parade on Sunday, the mayor told residents.")).toBe(false);
});
