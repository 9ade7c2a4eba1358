// A message that the back end or shared code hands to whoever shows it (issue 19, the Arabic
// interface): its catalog key and values, so the editor says it in the interface's language and the
// CLI in English, from the same catalogs. Where a field was an English sentence before (a rule's
// description, a suggestion's reason, why an export left a span out), the sentence stays, in
// English, for the CLI and the scripts reading the JSON; the message travels beside it and the
// editor shows that. Sidecars and exported files hold no message: they keep their own fields.
import { createTranslator, type MessageKey, type MessageValue } from './translator';

export interface Message {
  key: MessageKey;
  values?: Readonly<Record<string, MessageValue>>;
}

/** A translator as its callers hold it: the session's `t`, a component's `useTranslator()`. */
export type Say = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>) => string;

export function message(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): Message {
  return values ? { key, values } : { key };
}

/** One English translator for the whole process: it only caches the parsed catalog messages. */
const english = createTranslator('en');

/** The message in English: the words the CLI prints and the API's sentence fields hold. */
export function inEnglish(m: Message): string {
  return english(m.key, m.values);
}

/** The message in the caller's language. */
export function say(t: Say, m: Message): string {
  return t(m.key, m.values);
}
