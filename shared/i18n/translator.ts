// The interface's languages: one message catalog per language (en.ts, ar.ts, ICU MessageFormat:
// plurals by the language's own categories, no sentence built by concatenation), the language
// chosen from the system's preferences, and the writing direction that goes with it.
// intl-messageformat interprets the messages (no eval: it works under the page's CSP).
import { IntlMessageFormat } from 'intl-messageformat';
import { AR } from './ar';
import { EN, type MessageKey } from './en';

export type { MessageKey };
export type Locale = 'en' | 'ar';
export const LOCALES: readonly Locale[] = ['en', 'ar'];

/** Every catalog has every key (the type makes a missing or an extra one a compile error). */
export type Catalog = Readonly<Record<MessageKey, string>>;
export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: EN, ar: AR };

/** Each language's name in itself, as the language switch offers it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ar: 'العربية' };

export type MessageValue = string | number;

export interface Translator {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  /** The message in this language, its {arguments} filled in. */
  (key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string;
  /**
   * A message with tags (`Close <kbd>Esc</kbd>`) as parts: each tag's function makes its element
   * (React's, for the UI) out of the tag's contents.
   */
  rich<T>(
    key: MessageKey,
    values: Readonly<Record<string, MessageValue | T | ((parts: (string | T)[]) => T)>>,
  ): (string | T)[];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the system's preferred languages (navigator.languages, Electron's app.getLocale())
 * that the interface has, by its primary subtag ("ar-EG" is Arabic); English when none is.
 */
export function chooseLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: what they enclose is laid out on its own (Unicode bidi, UAX #9). */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** LEFT-TO-RIGHT ISOLATE and RIGHT-TO-LEFT ISOLATE: what they enclose is laid out on its own, in that direction. */
export const LRI = '\u2066';
export const RLI = '\u2067';

/**
 * Values that are file names and paths. In English they read left to right whatever their letters ("خبر.txt", its
 * extension last, as an English reader expects); in Arabic by their first letter, as any value (an Arabic name reads
 * right to left, a Latin one or "000_b3be….txt" left to right).
 */
const PATHS: ReadonlySet<string> = new Set(['file', 'path', 'sidecar', 'folder', 'document']);

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
// intl-messageformat's element types (its parser's TYPE), by number: the parser is not our dependency.
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

/**
 * The message with each value it is given ({file}, {label}, {n, number}) enclosed in FSI … PDI, inside plurals,
 * selects and tags too: a Latin file name or a parser's English words inside an Arabic sentence (an Arabic file name
 * in an English one) keep their own order and do not carry the sentence's punctuation and numbers off to their end.
 * Select and plural arguments choose words, not shown: they stay as they are. A message that is one value alone has
 * nothing around it to reorder.
 */
function isolateValues(elements: readonly Element[], dir: 'ltr' | 'rtl'): Element[] {
  if (elements.length === 1 && elements[0]!.type === ARGUMENT) return [...elements];
  const isolated = (el: Element): Element[] => {
    switch (el.type as number) {
      case ARGUMENT:
        if (dir === 'ltr' && PATHS.has((el as Element & { value: string }).value))
          return [{ type: LITERAL, value: LRI } as Element, el, { type: LITERAL, value: PDI } as Element];
        return [{ type: LITERAL, value: FSI } as Element, el, { type: LITERAL, value: PDI } as Element];
      case NUMBER:
      case DATE:
      case TIME:
        return [{ type: LITERAL, value: FSI } as Element, el, { type: LITERAL, value: PDI } as Element];
      case SELECT:
      case PLURAL: {
        const { options } = el as Element & { options: Record<string, { value: Element[] }> };
        const inner = Object.fromEntries(
          Object.entries(options).map(([name, option]) => [name, { ...option, value: option.value.flatMap(isolated) }]),
        );
        return [{ ...el, options: inner } as Element];
      }
      case TAG: {
        const { children } = el as Element & { children: Element[] };
        return [{ ...el, children: children.flatMap(isolated) } as Element];
      }
      default:
        return [el];
    }
  };
  return elements.flatMap(isolated);
}

/**
 * A message said by an isolating translator and given to another as a value ("{file}: {problem}" inside "Could not
 * read {message}") has no letter of its own outside its values' isolates: its FSI would lay it out left to right. It
 * is isolated again in its language's direction (RLI in Arabic, LRI in English), which the FSI around it keeps.
 */
function inOwnDirection(value: unknown, isolate: string): unknown {
  if (typeof value !== 'string' || !/[\u2066-\u2068]/.test(value)) return value;
  let outside = value;
  for (let inner = outside; (inner = outside.replace(/[\u2066-\u2068][^\u2066-\u2069]*\u2069/g, '')) !== outside;)
    outside = inner;
  return /\p{L}/u.test(outside) ? value : isolate + value + PDI;
}

/**
 * The text with the isolates the interface's translator puts around values taken out: the words a reader sees. For
 * tests and anything that compares what the interface says with words.
 */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

export interface TranslatorOptions {
  /**
   * Enclose each value in FSI … PDI (isolateValues): for the interface, where a browser lays the text out. Not for
   * what is written to files, the terminal or the JSON a script reads (the CLI's English): no invisible characters
   * there.
   */
  isolate?: boolean;
}

/** A translator for one language; it parses each message once, on first use. */
export function createTranslator(locale: Locale, { isolate = false }: TranslatorOptions = {}): Translator {
  const catalog = CATALOGS[locale];
  const parsed = new Map<MessageKey, IntlMessageFormat>();
  const format = (key: MessageKey): IntlMessageFormat => {
    let message = parsed.get(key);
    if (!message) {
      message = new IntlMessageFormat(catalog[key], locale);
      if (isolate) message = new IntlMessageFormat(isolateValues(message.getAst(), directionOf(locale)), locale);
      parsed.set(key, message);
    }
    return message;
  };
  const own = locale === 'ar' ? RLI : LRI;
  const marked = <V>(values: Readonly<Record<string, V>> | undefined): Record<string, V> | undefined =>
    values && isolate
      ? (Object.fromEntries(Object.entries(values).map(([k, v]) => [k, inOwnDirection(v, own)])) as Record<string, V>)
      : values;
  const t = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string =>
    String(format(key).format(marked(values)));
  const rich = <T>(
    key: MessageKey,
    values: Readonly<Record<string, MessageValue | T | ((parts: (string | T)[]) => T)>>,
  ): (string | T)[] => {
    const out = format(key).format<T>(marked(values) as Record<string, never>);
    return Array.isArray(out) ? (out as (string | T)[]) : [out as string | T];
  };
  return Object.assign(t, { locale, dir: directionOf(locale), rich });
}
