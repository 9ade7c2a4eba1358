// The interface's message catalogs (shared/i18n): both languages complete, every message parses as
// ICU MessageFormat, the same arguments and tags in both, Arabic plurals by its six categories, and
// the language chosen from the system's preferences.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { AR } from '../../shared/i18n/ar';
import { EN, type MessageKey } from '../../shared/i18n/en';
import { errorMessage, inEnglish, say, sayError, sayProblem } from '../../shared/i18n/message';
import type { TahrirError, TahrirErrorData } from '../../shared/errors';
import { parseSidecar } from '../../shared/sidecar';
import {
  CATALOGS,
  chooseLocale,
  createTranslator,
  directionOf,
  FSI,
  LOCALES,
  LRI,
  PDI,
  RLI,
  withoutIsolates,
} from '../../shared/i18n/translator';

/** The arguments (with their type) and tags a message uses, and the plural categories of each plural. */
function shapeOf(message: string): { args: Set<string>; plurals: string[][] } {
  const args = new Set<string>();
  const plurals: string[][] = [];
  const walk = (elements: MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date) args.add(el.value);
      if (el.type === TYPE.tag) {
        args.add(`<${el.value}>`);
        walk(el.children);
      }
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        args.add(el.value);
        if (el.type === TYPE.plural) plurals.push(Object.keys(el.options));
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return { args, plurals };
}

/** The words of a message, its arguments and tag names left out. */
function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((el) =>
      el.type === TYPE.literal
        ? el.value
        : el.type === TYPE.tag
          ? literalText(el.children)
          : el.type === TYPE.plural || el.type === TYPE.select
            ? Object.values(el.options)
                .map((o) => literalText(o.value))
                .join(' ')
            : ' ',
    )
    .join('');
}

describe('message catalogs', () => {
  it('have the same keys in English and Arabic, none empty', () => {
    expect(Object.keys(AR).sort()).toEqual(Object.keys(EN).sort());
    for (const locale of LOCALES)
      for (const [key, message] of Object.entries(CATALOGS[locale]))
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
  });

  it('parse as ICU messages, with the same arguments and tags in both languages', () => {
    for (const key of Object.keys(EN) as MessageKey[]) {
      const en = shapeOf(EN[key]);
      const ar = shapeOf(AR[key]);
      expect([...ar.args].sort(), key).toEqual([...en.args].sort());
    }
  });

  it('give every Arabic plural its six categories (zero, one, two, few, many, other)', () => {
    let plurals = 0;
    for (const key of Object.keys(AR) as MessageKey[])
      for (const categories of shapeOf(AR[key]).plurals) {
        plurals++;
        expect(categories.filter((c) => !c.startsWith('=')).sort(), key).toEqual(
          ['few', 'many', 'one', 'other', 'two', 'zero'].sort(),
        );
      }
    for (const key of Object.keys(EN) as MessageKey[])
      for (const categories of shapeOf(EN[key]).plurals) expect(categories, key).toContain('other');
    expect(plurals).toBeGreaterThan(0);
  });

  it('leave no English words in Arabic messages, only key, file, command and format names', () => {
    const allowed =
      /^([A-Z]+|Ctrl|Shift|Alt|Enter|Esc|Del|Escape|Delete|Backspace|Space|Tab|[A-Z]|tahrir\.json|txt|\.txt|JSON|JSONL|CoNLL|brat|Label|Studio|Hugging|Face|W3C|Web|Annotation|ann|git|Tahrir|user\.name|spaCy|tokens|ner|tags|LD)$/;
    for (const [key, message] of Object.entries(AR))
      for (const word of literalText(parse(message))
        .replace(/\b(status|assigned):\w+|tahrir-assignment\.json|\b(?:tahrir|git) [a-z-]+(?: -[a-z]+)*/g, ' ')
        .match(/[A-Za-z](?:[A-Za-z.]*[A-Za-z])?/g) ?? [])
        expect(allowed.test(word) || /^[a-z]+:[a-z_]+$/.test(word), `${key}: ${word}`).toBe(true);
  });
});

describe('translator', () => {
  it('fills in arguments and formats plurals by each language’s rules', () => {
    const en = createTranslator('en');
    const ar = createTranslator('ar');
    const key = 'notice.tagged-more' satisfies MessageKey;
    expect([1, 2, 5].map((n) => en(key, { n }))).toEqual([
      'Tagged 1 more occurrence.',
      'Tagged 2 more occurrences.',
      'Tagged 5 more occurrences.',
    ]);
    // Arabic: one, two, few (3–10), many (11–99), other (100…); zero has its own words.
    const forms = [0, 1, 2, 3, 11, 100].map((n) => ar(key, { n }));
    expect(new Set(forms).size).toBe(6);
    expect(forms[2]).not.toMatch(/\d/); // two: the dual, no number
    expect(forms[3]).toMatch(/[3٣]/);
  });

  it('gives tags their own elements (rich text)', () => {
    const parts = createTranslator('ar').rich<{ tag: string; parts: unknown[] }>('sheet.close', {
      kbd: (parts) => ({ tag: 'kbd', parts }),
    });
    expect(parts).toEqual(['إغلاق ', { tag: 'kbd', parts: ['Esc'] }]);
  });

  it('chooses the language from the system’s preferences, English when it has none of them', () => {
    expect(chooseLocale(['ar-EG', 'en-US'])).toBe('ar');
    expect(chooseLocale(['fr-FR', 'ar'])).toBe('ar');
    expect(chooseLocale(['en-GB', 'ar'])).toBe('en');
    expect(chooseLocale(['AR_sa'])).toBe('ar'); // Electron's app.getLocale() on some systems
    expect(chooseLocale(['de', 'fr'])).toBe('en');
    expect(chooseLocale([])).toBe('en');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});

/** Values for every argument of a message: a number for plurals and numbers, 'other' for selects, text for the rest. */
function valuesFor(message: string): {
  values: Record<string, string | number | ((parts: string[]) => string)>;
  /** Whether it shows a text value, not only numbers and a plural's or a select's words (and not as all it says). */
  shows: boolean;
} {
  const values: Record<string, string | number | ((parts: string[]) => string)> = {};
  const walk = (elements: MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.argument) values[el.value] ??= 'ملف 2.txt';
      if (el.type === TYPE.number || el.type === TYPE.plural) values[el.value] = 3;
      if (el.type === TYPE.select) values[el.value] = 'no such option';
      if (el.type === TYPE.tag) {
        values[el.value] = (parts) => parts.join('');
        walk(el.children);
      }
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  const elements = parse(message);
  walk(elements);
  const shown = (elements: MessageFormatElement[]): boolean =>
    elements.some(
      (el) =>
        (el.type === TYPE.argument && typeof values[el.value] === 'string') ||
        (el.type === TYPE.tag && shown(el.children)) ||
        ((el.type === TYPE.plural || el.type === TYPE.select) && Object.values(el.options).some((o) => shown(o.value))),
    );
  return { values, shows: shown(elements) && !(elements.length === 1 && elements[0]!.type === TYPE.argument) };
}

describe('values isolated in the interface (FSI … PDI)', () => {
  const ar = createTranslator('ar', { isolate: true });
  const en = createTranslator('en', { isolate: true });

  it('encloses each value, so a Latin file name and English parser words keep their order in an Arabic sentence', () => {
    const problem = ar('error.sidecar-not-json', { why: 'Unterminated string in JSON at position 51' });
    expect(problem).toBe(`ليس JSON صالحًا (${FSI}Unterminated string in JSON at position 51${PDI})؛ ربما هو مبتور`);
    expect(ar('error.in-file', { file: '002_x.annotations.json', problem })).toBe(
      `${FSI}002_x.annotations.json${PDI}: ${FSI}${problem}${PDI}`,
    );
    // An Arabic file name inside an English sentence: a path, left to right (LRI), its extension last.
    expect(en('error.in-file', { file: 'خبر.txt', problem: 'is empty (not JSON)' })).toBe(
      `${LRI}خبر.txt${PDI}: ${FSI}is empty (not JSON)${PDI}`,
    );
  });

  it('keeps a message given to another in its language’s direction (no letter of its own outside its values)', () => {
    const broken = ar('error.in-file', { file: 'a.json', problem: ar('error.sidecar-empty') });
    // Its FSI would find no letter and lay it out left to right: it is isolated right to left inside.
    expect(ar('app.workspace-error', { message: broken })).toContain(`${FSI}${RLI}${broken}${PDI}${PDI}`);
    const english = en('error.in-file', { file: 'a.json', problem: en('error.sidecar-empty') });
    expect(en('app.workspace-error', { message: english })).toContain(`${FSI}${LRI}${english}${PDI}${PDI}`);
    // A value with a letter of its own, or none of ours, is as it was given.
    expect(ar('app.workspace-error', { message: 'EACCES' })).toContain(`${FSI}EACCES${PDI}`);
  });

  it('inside plurals and selects; the words a select or plural chooses are not touched; numbers stay as they are', () => {
    expect(en('error.permission-denied', { doing: 'write' })).toBe('cannot be written: permission denied');
    expect(ar('notice.tagged-more', { n: 3 })).not.toMatch(/[\u2066-\u2069]/);
    expect(ar('reason.appears-in', { count: 87, n: 100, site: 'spa' })).toBe(
      `يظهر في 87 من 100 مقالة من ${FSI}spa${PDI}`,
    );
    // A number beside its sign or another number ("87%", "10–14") is kept whole by the bidi algorithm only unisolated.
    expect(en('extent.size', { n: 4, start: 10, end: 14 })).toBe('4 characters, source offsets 10–14');
    expect(ar('error.too-large', { size: 12, limit: 10 })).not.toMatch(/[\u2066-\u2069]/);
  });

  it('leaves a message that is one value alone as it is (nothing around it to reorder)', () => {
    expect(ar('error.raw', { text: 'EACCES: permission denied' })).toBe('EACCES: permission denied');
  });

  it('encloses a rich message’s element values, not its tags', () => {
    const parts = en.rich<{ tag: string; parts: unknown[] }>('sheet.close', {
      kbd: (parts) => ({ tag: 'kbd', parts }),
    });
    expect(parts).toEqual(['Close ', { tag: 'kbd', parts: ['Esc'] }]);
  });

  it('says every message of both catalogs with the same words as without isolates, once they are taken out', () => {
    for (const locale of LOCALES) {
      const plain = createTranslator(locale);
      const isolating = createTranslator(locale, { isolate: true });
      for (const [key, message] of Object.entries(CATALOGS[locale]) as [MessageKey, string][]) {
        const { values, shows } = valuesFor(message);
        const said = isolating.rich<string>(key, values).join('');
        expect(withoutIsolates(said), `${locale} ${key}`).toBe(plain.rich<string>(key, values).join(''));
        if (shows) expect(said, `${locale} ${key}`).toMatch(/[\u2066\u2068]/);
      }
    }
  });

  it('puts no invisible characters in what the CLI prints and the JSON holds (English, not isolated)', () => {
    const broken = errorMessage({
      message: 'x',
      file: 'ملف.annotations.json',
      said: { key: 'error.sidecar-not-json', values: { why: 'Unexpected end of JSON input' } },
    });
    const english = inEnglish(broken);
    expect(english).toBe('ملف.annotations.json: is not valid JSON (Unexpected end of JSON input); it may be truncated');
    expect(english).not.toMatch(/[\u2066-\u2069]/);
    // The same message said by the interface's translator is isolated.
    expect(say(ar, broken)).toMatch(new RegExp(`^${FSI}ملف\\.annotations\\.json${PDI}: ${FSI}`));
  });
});

describe('sayProblem: an error for a sentence that names its file itself', () => {
  it('says the problem without the file (the read-only banner named the file twice), with the said message or without', () => {
    const file = 'news/a.annotations.json';
    let broken: TahrirErrorData | null = null;
    try {
      parseSidecar('{ "format":', file);
    } catch (e) {
      broken = (e as TahrirError).toData();
    }
    expect(broken?.said).toBeDefined();
    for (const locale of ['en', 'ar'] as const) {
      const t = createTranslator(locale);
      const problem = sayProblem(t, broken!);
      expect(problem, locale).not.toContain(file);
      expect(sayError(t, broken!), locale).toContain(file); // the file is named once, by the banner's sentence
      expect(sayError(t, broken!), locale).toContain(problem);
    }
    expect(sayProblem(createTranslator('en'), broken!)).toMatch(/^is not valid JSON \(/);
    // The system's own words (no message): the file its English message begins with is taken off.
    const raw = { message: `${file}: EIO: i/o error`, file };
    expect(sayProblem(createTranslator('ar'), raw)).toBe('EIO: i/o error');
    expect(sayProblem(createTranslator('en'), { message: 'EIO: i/o error' })).toBe('EIO: i/o error');
  });
});
