// "Remove everywhere": a site's template line as a workspace rule removes the line, as a whole
// line, in every document, digits and dashes masked as the template counts mask them.
import { describe, expect, it } from 'vitest';
import { suggestEdits } from '../../../shared/boilerplate/index';
import {
  removedEverywhere,
  templateLinePattern,
  templateLineRule,
} from '../../../shared/boilerplate/template-line-rule';

const cps = (s: string) => Array.from(s);
const slice = (text: string, start: number, end: number) => cps(text).slice(start, end).join('');

describe('a template line as a workspace rule', () => {
  const line = 'نشرة الوكالة المسائية (العدد 2.4) — الصفحة الأولى [ملف]';
  const rule = templateLineRule(line, 'wire');

  it('removes the line (and its line break) where another article has other digits, another dash and more spaces', () => {
    const other =
      '👋 قال الوزير إن الاتفاق سيوقع غدا.\r\nنشرة الوكالة المسائية (العدد 3.10)  - الصفحة الأولى [ملف]\r\nوأضاف أن الوفد وصل.\r\n';
    const found = suggestEdits(other, { workspaceRules: [rule] }).filter((e) => e.rule === rule.id);
    expect(found).toHaveLength(1);
    expect(slice(other, found[0].start, found[0].end)).toBe(
      'نشرة الوكالة المسائية (العدد 3.10)  - الصفحة الأولى [ملف]\r\n',
    );
    expect(found[0].description).toContain('template line of wire');
  });

  it('leaves a line that only contains it, and a line that differs in a word', () => {
    const text = `قال: ${line} أمس.\nنشرة الجريدة المسائية (العدد 2.4) — الصفحة الأولى [ملف]\n`;
    expect(suggestEdits(text, { workspaceRules: [rule] }).filter((e) => e.rule === rule.id)).toEqual([]);
  });

  it('escapes every character a regular expression would read (brackets, dots, a plus, a dollar)', () => {
    const literal = 'Follow us: (Tahrir+) [$5.99/mo] ^*?|{1}';
    const pattern = templateLinePattern(literal);
    expect(new RegExp(pattern, 'mu').test(literal)).toBe(true);
    expect(new RegExp(pattern, 'mu').test('Follow us: (Tahrir) [$5.99/mo] ^*?|{1}')).toBe(false);
    expect(new RegExp(pattern, 'mu').test('Follow us: (Tahrir+) [$6.49/mo] ^*?|{12}')).toBe(true);
  });

  it('knows a line already removed everywhere by a workspace rule', () => {
    expect(removedEverywhere(line, [rule])).toBe(true);
    expect(removedEverywhere('وقال الوزير إن الاتفاق سيوقع.', [rule])).toBe(false);
    expect(removedEverywhere(line, [{ id: 'broken', pattern: '(' }])).toBe(false);
    expect(removedEverywhere(line, undefined)).toBe(false);
  });
});
