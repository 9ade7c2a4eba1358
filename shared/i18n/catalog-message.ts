// A catalog message as data: its key, values and parts, made without the catalogs themselves. Code that only makes
// messages (the sidecar reader, file errors) imports this, not message.ts, whose translator loads both catalogs: the
// merge driver's own bundle, which git starts once per conflicting sidecar, stays a fifth of the command's size.
import type { MessageKey, MessageValue } from './translator';

export interface Message {
  key: MessageKey;
  values?: Readonly<Record<string, MessageValue>>;
  /**
   * Values that are messages themselves ("not written: {why}", why a label is undefined): each is said in the same
   * language first, never pasted in as English.
   */
  parts?: Readonly<Record<string, Message>>;
}

export function message(
  key: MessageKey,
  values?: Readonly<Record<string, MessageValue>>,
  parts?: Readonly<Record<string, Message>>,
): Message {
  return { key, ...(values && { values }), ...(parts && { parts }) };
}
