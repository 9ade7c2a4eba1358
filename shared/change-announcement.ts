// What a screen reader hears after an edit of the document: one short sentence naming what changed
// ("tagged PERSON جو بايدن", "deleted quote …", "undone: tagged ORG الأمم المتحدة"). Worked out
// from the document data before and after, so every way of editing (keys, mouse, panels) is told
// alike. The renderer's live region (renderer/ui/Announcer.tsx) speaks it.
import { spanChanges, type DocumentData } from './document-data';
import { createTranslator, type MessageKey, type MessageValue } from './i18n/translator';
import type { Edit, Entity, Quote } from './model';

/** A message in the interface's language (the session's `t`); English when none is given. */
export type Say = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>) => string;

/** How the data came to change: an edit, or a step back or forward through the history. */
export type ChangeWay = 'edit' | 'undo' | 'redo';

/** Quotes and removed lines can be long: the first words are enough to know which. */
const MAX_CHARS = 60;

export function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= MAX_CHARS
    ? flat
    : `${chars
        .slice(0, MAX_CHARS - 1)
        .join('')
        .trimEnd()}…`;
}

/** The spans put and the ids removed between two versions of a record (spanChanges, typed as the record's spans). */
function changesOf<T extends { id: string; start: number; end: number }>(
  from: Record<string, T>,
  to: Record<string, T>,
): { put: T[]; removed: string[] } {
  const { put, removed } = spanChanges(from, to);
  return { put: put as T[], removed };
}

function entityChange(before: DocumentData, after: DocumentData, t: Say): string[] {
  const { put, removed } = changesOf(before.entities, after.entities);
  const added: Entity[] = [];
  const out: string[] = [];
  for (const e of put) {
    const was = Object.hasOwn(before.entities, e.id) ? before.entities[e.id] : undefined;
    if (!was) added.push(e);
    else if (was.label !== e.label) out.push(t('announce.relabelled', { text: shortText(e.text), label: e.label }));
    else if ((was.link ?? '') !== (e.link ?? ''))
      out.push(
        e.link
          ? t('announce.linked', { text: shortText(e.text), link: e.link })
          : t('announce.unlinked', { text: shortText(e.text) }),
      );
    else out.push(t('announce.changed-entity', { label: e.label, text: shortText(e.text) }));
  }
  if (added.length === 1) out.unshift(t('announce.tagged', { label: added[0].label, text: shortText(added[0].text) }));
  else if (added.length > 1) {
    const labels = new Set(added.map((e) => e.label));
    out.unshift(
      labels.size === 1
        ? t('announce.tagged-many-as', { n: added.length, label: added[0].label })
        : t('announce.tagged-many', { n: added.length }),
    );
  }
  const gone = removed.map((id) => before.entities[id]).filter((e): e is Entity => !!e);
  if (gone.length === 1)
    out.push(t('announce.deleted-entity', { label: gone[0].label, text: shortText(gone[0].text) }));
  else if (gone.length > 1) out.push(t('announce.deleted-entities', { n: gone.length }));
  return out;
}

function quoteChange(before: DocumentData, after: DocumentData, t: Say): string[] {
  const { put, removed } = changesOf(before.quotes, after.quotes);
  const out: string[] = [];
  const speakerOf = (q: Quote): string | null =>
    q.speaker ? (after.entities[q.speaker]?.text ?? null) : (q.speakerName ?? null);
  for (const q of put) {
    const was = Object.hasOwn(before.quotes, q.id) ? before.quotes[q.id] : undefined;
    if (!was) out.push(t('announce.marked-quote', { text: shortText(q.text) }));
    else if (was.kind !== q.kind) out.push(t('announce.quote-kind', { kind: q.kind }));
    else if (was.speaker !== q.speaker || was.speakerName !== q.speakerName) {
      const who = speakerOf(q);
      out.push(who ? t('announce.speaker', { name: shortText(who) }) : t('announce.no-speaker'));
    } else out.push(t('announce.changed-quote', { text: shortText(q.text) }));
  }
  const gone = removed.map((id) => before.quotes[id]).filter((q): q is Quote => !!q);
  if (gone.length === 1) out.push(t('announce.deleted-quote', { text: shortText(gone[0].text) }));
  else if (gone.length > 1) out.push(t('announce.deleted-quotes', { n: gone.length }));
  return out;
}

function editChange(before: DocumentData, after: DocumentData, t: Say): string[] {
  const { put, removed } = changesOf(before.edits, after.edits);
  const describe = (e: Edit): string =>
    e.start === e.end
      ? e.replacement === ' '
        ? t('announce.inserted-space')
        : t('announce.inserted', { text: shortText(e.replacement) })
      : e.replacement
        ? t('announce.replaced', { text: shortText(e.text), replacement: shortText(e.replacement) })
        : t(e.kind === 'boilerplate' ? 'announce.removed-boilerplate' : 'announce.removed', {
            text: shortText(e.text),
          });
  const added = put.filter((e) => !Object.hasOwn(before.edits, e.id));
  const out: string[] = [];
  if (added.length === 1) out.push(describe(added[0]));
  else if (added.length > 1) out.push(t('announce.edits-made', { n: added.length }));
  if (removed.length === 1 && before.edits[removed[0]])
    out.push(t('announce.took-back', { what: describe(before.edits[removed[0]]) }));
  else if (removed.length > 1) out.push(t('announce.edits-taken-back', { n: removed.length }));
  return out;
}

/**
 * The sentence for a change of the document's data from `before` to `after`, or null when nothing a
 * reader needs to hear changed. For an undo it names the step undone ("undone: tagged PERSON …").
 */
export function announceChange(
  before: DocumentData,
  after: DocumentData,
  way: ChangeWay,
  t: Say = createTranslator('en'),
): string | null {
  // Undo goes from the later data back to the earlier: the step undone is the change the other way.
  const [from, to] = way === 'undo' ? [after, before] : [before, after];
  const parts = [...entityChange(from, to, t), ...quoteChange(from, to, t), ...editChange(from, to, t)];
  // A status of its own (Ctrl+Shift+D, the status menu); the first edit's move to "in progress" goes unsaid.
  if (parts.length === 0 && from.document.status !== to.document.status)
    parts.push(t('announce.marked-status', { status: to.document.status }));
  if (parts.length === 0) return way === 'edit' ? null : t(way === 'undo' ? 'announce.undone' : 'announce.redone');
  // Each language's separator between the changes ("; ", "؛ ").
  const said = parts.reduce((first, next) => t('announce.join', { first, next }));
  return way === 'edit' ? said : t(way === 'undo' ? 'announce.undone-what' : 'announce.redone-what', { what: said });
}
