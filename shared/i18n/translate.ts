// A translator of one catalog, and what goes with the languages (their choice from the system's preferences, the
// writing direction): translator.ts without the catalogs, so that code saying English alone (the CLI's messages,
// message.ts) loads no Arabic catalog. intl-messageformat interprets the messages (no eval: it works under the page's
// CSP).
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './en';

export type { MessageKey };
export type Locale = 'en' | 'ar';
export const LOCALES: readonly Locale[] = ['en', 'ar'];

/** Every catalog has every key (the type makes a missing or an extra one a compile error). */
export type Catalog = Readonly<Record<MessageKey, string>>;

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

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: what they enclose is laid out on its own (UAX #9). */
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
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

/** The names of the arguments around a value that open and close its isolate (made by isolateValues, not parsed). */
const opening = (name: string): string => `${name}\u0000open`;
const closing = (name: string): string => `${name}\u0000close`;

/**
 * The message with an argument on each side of each value it shows ({file}, {label}), inside plurals, selects and
 * tags too; `isolatesFor` fills them in when the message is said: a value's isolate. The names of the values it
 * isolates go into `names`. Select and plural arguments choose words, not shown: they stay as they are. A message that
 * is one value alone has nothing around it to reorder.
 */
function isolateValues(elements: readonly Element[], names: Set<string>): Element[] {
  if (elements.length === 1 && elements[0]!.type === ARGUMENT) return [...elements];
  const isolated = (el: Element): Element[] => {
    switch (el.type as number) {
      case ARGUMENT: {
        const { value: name } = el as Element & { value: string };
        names.add(name);
        return [
          { type: ARGUMENT, value: opening(name) } as Element,
          el,
          { type: ARGUMENT, value: closing(name) } as Element,
        ];
      }
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
 * How each shown value is isolated: text (a file name, a label, a parser's words) and elements in FSI … PDI, so a
 * Latin file name inside an Arabic sentence (an Arabic one in an English sentence) keeps its own order and does not
 * carry the sentence's punctuation off to its end; a path in English in LRI … PDI; a message of ours given to another
 * also in its language's direction (inOwnDirection). A number is not isolated: the bidi algorithm keeps "87%", "3/5"
 * and "1,234" whole only when it sees the number beside its sign.
 */
function isolatesFor(
  names: ReadonlySet<string>,
  values: Readonly<Record<string, unknown>>,
  dir: 'ltr' | 'rtl',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    const shown = typeof value === 'string' || (typeof value === 'object' && value !== null);
    const own = typeof value === 'string' && isOwnMessage(value) ? (dir === 'rtl' ? RLI : LRI) : '';
    const first = dir === 'ltr' && PATHS.has(name) ? LRI : FSI;
    out[opening(name)] = shown ? first + own : '';
    out[closing(name)] = shown ? (own ? PDI : '') + PDI : '';
  }
  return out;
}

/**
 * A message said by an isolating translator and given to another as a value ("{file}: {problem}" inside "Could not
 * read {message}") has no letter of its own outside its values' isolates: its FSI would lay it out left to right, so
 * it is isolated again in its language's direction (RLI in Arabic, LRI in English), which the FSI around it keeps.
 */
function isOwnMessage(value: string): boolean {
  if (!/[\u2066-\u2068]/.test(value)) return false;
  let outside = value;
  for (let inner = outside; (inner = outside.replace(/[\u2066-\u2068][^\u2066-\u2069]*\u2069/g, '')) !== outside;)
    outside = inner;
  return !/\p{L}/u.test(outside);
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

/** A translator for one language, from its catalog; it parses each message once, on first use. */
export function translatorFor(
  locale: Locale,
  catalog: Catalog,
  { isolate = false }: TranslatorOptions = {},
): Translator {
  const parsed = new Map<MessageKey, { message: IntlMessageFormat; isolated: ReadonlySet<string> }>();
  const dir = directionOf(locale);
  const format = (key: MessageKey): { message: IntlMessageFormat; isolated: ReadonlySet<string> } => {
    let entry = parsed.get(key);
    if (!entry) {
      let message = new IntlMessageFormat(catalog[key], locale);
      const isolated = new Set<string>();
      if (isolate) message = new IntlMessageFormat(isolateValues(message.getAst(), isolated), locale);
      parsed.set(key, (entry = { message, isolated }));
    }
    return entry;
  };
  /** The message's values with its isolates' arguments beside them. */
  const withIsolates = <V>(isolated: ReadonlySet<string>, values: Readonly<Record<string, V>> = {}) =>
    isolated.size ? { ...values, ...isolatesFor(isolated, values, dir) } : values;
  const t = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string => {
    const { message, isolated } = format(key);
    return String(message.format(withIsolates(isolated, values)));
  };
  const rich = <T>(
    key: MessageKey,
    values: Readonly<Record<string, MessageValue | T | ((parts: (string | T)[]) => T)>>,
  ): (string | T)[] => {
    const { message, isolated } = format(key);
    const out = message.format<T>(withIsolates(isolated, values) as Record<string, never>);
    return Array.isArray(out) ? (out as (string | T)[]) : [out as string | T];
  };
  return Object.assign(t, { locale, dir, rich });
}
