import { describe, expect, test } from 'vitest';
import { isAuthorBioLine } from '../../../shared/boilerplate/author-bio';

describe('author-bio', () => {
  test.each([
    'Pat Quinn is a health reporter for the Valley Times. She can be reached at pquinn@example.com',
    'Reach Omar at ohassan@example.org or on Twitter @omarh.',
    'Follow Lena Marsh on Twitter: @lenamarsh',
    'Follow Jo Park on Instagram @jopark.',
    '– Rae Kim, editor of "Weekend Notes," rkim@example.com.',
    'للتواصل مع الكاتب: writer@example.com',
  ])('bio %s', (line) => expect(isAuthorBioLine(line)).toBe(true));

  test.each([
    'Follow the money, the prosecutor told the jury.',
    'In an email to staff, sent from ceo@example.com, the company announced layoffs.',
    'She is a reporter for the local paper and has covered the city for a decade.',
  ])('prose %s', (line) => expect(isAuthorBioLine(line)).toBe(false));
});
