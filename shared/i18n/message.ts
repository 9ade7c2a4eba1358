// A message that the back end or shared code hands to whoever shows it (issue 19, the Arabic
// interface): its catalog key and values, so the editor says it in the interface's language and the
// CLI in English, from the same catalogs. Where a field was an English sentence before (a rule's
// description, a suggestion's reason, why an export left a span out), the sentence stays, in
// English, for the CLI and the scripts reading the JSON; the message travels beside it and the
// editor shows that. Sidecars and exported files hold no message: they keep their own fields.
import { message, type Message } from './catalog-message';
import { EN } from './en';
import { translatorFor, type MessageKey, type MessageValue } from './translate';

export { message, type Message };

/** A translator as its callers hold it: the session's `t`, a component's `useTranslator()`. */
export type Say = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>) => string;

/** The message's values with its parts said by `t` too. */
function valuesOf(t: Say, m: Message): Readonly<Record<string, MessageValue>> | undefined {
  if (!m.parts) return m.values;
  const out: Record<string, MessageValue> = { ...m.values };
  for (const [name, part] of Object.entries(m.parts)) out[name] = say(t, part);
  return out;
}

/**
 * One English translator for the whole process: it only caches the parsed catalog messages. From the English catalog
 * alone (translate.ts, not translator.ts): the Arabic one was 161 KB of every `tahrir` command's bundle that says a
 * message (export, validate, import, serve…), 3.6M instructions (valgrind) of a 1-document export's start.
 */
const english = translatorFor('en', EN);

/** The message in English: the words the CLI prints and the API's sentence fields hold. */
export function inEnglish(m: Message): string {
  return say(english, m);
}

/** The message in the caller's language. */
export function say(t: Say, m: Message): string {
  return t(m.key, valuesOf(t, m));
}

/** What an error gives to say: its message, or a system's own words (an unknown error) as they are. */
interface SayableError {
  message: string;
  file?: string;
  said?: Message;
}

/**
 * An error in the caller's language: a common one (not UTF-8, a broken sidecar, permission denied…) by its message,
 * with the file it names; an unknown one keeps the system's own text (its English `message`, which names the file).
 */
export function sayError(t: Say, e: SayableError): string {
  if (!e.said) return e.message;
  return e.file ? t('error.in-file', { file: e.file, problem: say(t, e.said) }) : say(t, e.said);
}

/**
 * The error's problem alone, for a sentence that names its file itself (the read-only banner): its message without
 * the file, or the system's own words with the `file: ` its English message begins with taken off.
 */
export function sayProblem(t: Say, e: SayableError): string {
  if (e.said) return say(t, e.said);
  return e.file && e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2) : e.message;
}

/** The error as a message to travel in a report (an import's or an agreement's skipped documents). */
export function errorMessage(e: SayableError): Message {
  if (!e.said) return message('error.raw', { text: e.message });
  return e.file ? message('error.in-file', { file: e.file }, { problem: e.said }) : e.said;
}
