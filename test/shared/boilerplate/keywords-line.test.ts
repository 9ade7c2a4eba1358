import { describe, expect, test } from 'vitest';
import { keywordsLine } from '../../../shared/boilerplate/keywords-line';
import { removed } from './rule-harness';

describe('keywords-line', () => {
  test.each([
    'كلمات دلالية: البيت الأبيض بيونغ يانغ جو بايدن',
    'الكلمات المفتاحية: الاقتصاد، التضخم، البنك المركزي',
    'وسوم: #غزة #رفح',
    'Tags: Inflation, Federal Reserve, Interest rates',
    'Topics: Climate change | COP29',
    '#Gaza #Rafah #ceasefire',
  ])('removes %s', (line) => {
    expect(removed(keywordsLine, `نص.\n${line}\nنص.`)).toEqual([`${line}\n`]);
  });

  test('a heading with one tag a line takes the list', () => {
    expect(removed(keywordsLine, 'Body.\nTags\nInflation\nFederal Reserve\nInterest rates\n')).toEqual([
      'Tags\nInflation\nFederal Reserve\nInterest rates\n',
    ]);
  });

  test.each([
    'الكلمات الدلالية في النص تساعد محركات البحث على فهمه، كما يقول الخبراء في مجال التسويق الرقمي.',
    'Tags are used to classify the documents, the archivist explained.',
    'The topics discussed included trade and security.',
  ])('keeps %s', (line) => {
    expect(removed(keywordsLine, `${line}\n`)).toEqual([]);
  });
});

// Sites we do not have (made-up lines in their styles): Youm7 and Masrawy label their tags "الكلمات الدالة".
test.each(['الكلمات الدالة: الحكومة، المفاوضات، المساعدات', 'كلمات دالة: الحكومة - المفاوضات'])(
  'keywords-line: removes %s',
  (line) => {
    expect(removed(keywordsLine, `نص.\n${line}\nنص.`)).toEqual([`${line}\n`]);
  },
);
