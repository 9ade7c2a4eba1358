// The interface's languages: one message catalog per language (en.ts, ar.ts, ICU MessageFormat:
// plurals by the language's own categories, no sentence built by concatenation), the language
// chosen from the system's preferences, and the writing direction that goes with it (translate.ts).
import { AR } from './ar';
import { EN } from './en';
import { translatorFor, type Catalog, type Locale, type Translator, type TranslatorOptions } from './translate';

export * from './translate';

/** Every catalog has every key (the type makes a missing or an extra one a compile error). */
export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: EN, ar: AR };

/** A translator for one language; it parses each message once, on first use. */
export function createTranslator(locale: Locale, options: TranslatorOptions = {}): Translator {
  return translatorFor(locale, CATALOGS[locale], options);
}
