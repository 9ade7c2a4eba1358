// The interface's language: chosen from the system (navigator.languages: Electron passes
// app.getLocale() there) unless the user picked one in the app, which is remembered. The
// messages are the catalogs' (shared/i18n); components read them through useTranslator, the
// session's actions (notices, hints) through t.
import {
  chooseLocale,
  createTranslator,
  isLocale,
  type Locale,
  type MessageKey,
  type MessageValue,
  type Translator,
} from '../../shared/i18n/translator';
import { session } from './session';
import { store, useTahrir } from './store';

const CHOSEN_LOCALE = 'tahrir.locale';

/** The language picked in the app (remembered), else the first of the system's the interface has. */
export function initialLocale(): Locale {
  try {
    const chosen = globalThis.localStorage?.getItem(CHOSEN_LOCALE);
    if (isLocale(chosen)) return chosen;
  } catch {
    // storage unavailable: the system's language it is
  }
  const nav = globalThis.navigator;
  return chooseLocale(nav ? (nav.languages?.length ? nav.languages : [nav.language]) : []);
}

/** The language switch: the whole interface follows, and the next start opens in it. */
export function setLocale(locale: Locale): void {
  store().setState({ locale });
  try {
    localStorage.setItem(CHOSEN_LOCALE, locale);
  } catch {
    // storage unavailable: only remembering the choice is lost
  }
}

export function translatorOf(locale: Locale): Translator {
  const { translators } = session();
  // Values isolated (FSI … PDI): a file name or a parser's words keep their order inside a sentence of the other
  // direction.
  return (translators[locale] ??= createTranslator(locale, { isolate: true }));
}

/** A message in the interface's language now (notices and hints are written when they happen). */
export function t(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string {
  return translatorOf(store().getState().locale)(key, values);
}

/** The translator of the interface's language; components re-render when it changes. */
export function useTranslator(): Translator {
  return translatorOf(useTahrir((s) => s.locale));
}
