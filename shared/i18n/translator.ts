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

/** A translator for one language; it parses each message once, on first use. */
export function createTranslator(locale: Locale): Translator {
  const catalog = CATALOGS[locale];
  const parsed = new Map<MessageKey, IntlMessageFormat>();
  const format = (key: MessageKey): IntlMessageFormat => {
    let message = parsed.get(key);
    if (!message) {
      message = new IntlMessageFormat(catalog[key], locale);
      parsed.set(key, message);
    }
    return message;
  };
  const t = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string =>
    String(format(key).format(values));
  const rich = <T>(
    key: MessageKey,
    values: Readonly<Record<string, MessageValue | T | ((parts: (string | T)[]) => T)>>,
  ): (string | T)[] => {
    const out = format(key).format<T>(values as Record<string, never>);
    return Array.isArray(out) ? (out as (string | T)[]) : [out as string | T];
  };
  return Object.assign(t, { locale, dir: directionOf(locale), rich });
}
