// What a screen reader hears after an edit of the document: one short sentence naming what changed
// ("tagged PERSON جو بايدن", "deleted quote …", "undone: tagged ORG الأمم المتحدة"). Worked out
// from the document data before and after, so every way of editing (keys, mouse, panels) is told
// alike. The renderer's live region (renderer/ui/Announcer.tsx) speaks it.
import { spanChanges, type DocumentData } from './document-data';
import type { DocumentStatus, Edit, Entity, Quote } from './model';

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

const STATUS_WORDS: Record<DocumentStatus, string> = { todo: 'to do', in_progress: 'in progress', done: 'done' };

/** The spans put and the ids removed between two versions of a record (spanChanges, typed as the record's spans). */
function changesOf<T extends { id: string; start: number; end: number }>(
  from: Record<string, T>,
  to: Record<string, T>,
): { put: T[]; removed: string[] } {
  const { put, removed } = spanChanges(from, to);
  return { put: put as T[], removed };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function entityChange(before: DocumentData, after: DocumentData): string[] {
  const { put, removed } = changesOf(before.entities, after.entities);
  const added: Entity[] = [];
  const out: string[] = [];
  for (const e of put) {
    const was = Object.hasOwn(before.entities, e.id) ? before.entities[e.id] : undefined;
    if (!was) added.push(e);
    else if (was.label !== e.label) out.push(`relabelled ${shortText(e.text)} as ${e.label}`);
    else if ((was.link ?? '') !== (e.link ?? ''))
      out.push(e.link ? `linked ${shortText(e.text)} to ${e.link}` : `unlinked ${shortText(e.text)}`);
    else out.push(`changed ${e.label} ${shortText(e.text)}`);
  }
  if (added.length === 1) out.unshift(`tagged ${added[0].label} ${shortText(added[0].text)}`);
  else if (added.length > 1) {
    const labels = new Set(added.map((e) => e.label));
    out.unshift(
      `tagged ${plural(added.length, 'entity', 'entities')}${labels.size === 1 ? ` as ${added[0].label}` : ''}`,
    );
  }
  const gone = removed.map((id) => before.entities[id]).filter((e): e is Entity => !!e);
  if (gone.length === 1) out.push(`deleted ${gone[0].label} ${shortText(gone[0].text)}`);
  else if (gone.length > 1) out.push(`deleted ${plural(gone.length, 'entity', 'entities')}`);
  return out;
}

function quoteChange(before: DocumentData, after: DocumentData): string[] {
  const { put, removed } = changesOf(before.quotes, after.quotes);
  const out: string[] = [];
  const speakerOf = (q: Quote): string | null =>
    q.speaker ? (after.entities[q.speaker]?.text ?? null) : (q.speakerName ?? null);
  for (const q of put) {
    const was = Object.hasOwn(before.quotes, q.id) ? before.quotes[q.id] : undefined;
    if (!was) out.push(`marked quote ${shortText(q.text)}`);
    else if (was.kind !== q.kind) out.push(`quote is ${q.kind}`);
    else if (was.speaker !== q.speaker || was.speakerName !== q.speakerName) {
      const who = speakerOf(q);
      out.push(who ? `speaker ${shortText(who)}` : 'quote has no speaker');
    } else out.push(`changed quote ${shortText(q.text)}`);
  }
  const gone = removed.map((id) => before.quotes[id]).filter((q): q is Quote => !!q);
  if (gone.length === 1) out.push(`deleted quote ${shortText(gone[0].text)}`);
  else if (gone.length > 1) out.push(`deleted ${plural(gone.length, 'quote', 'quotes')}`);
  return out;
}

function editChange(before: DocumentData, after: DocumentData): string[] {
  const { put, removed } = changesOf(before.edits, after.edits);
  const describe = (e: Edit): string =>
    e.start === e.end
      ? `inserted ${e.replacement === ' ' ? 'a space' : shortText(e.replacement)}`
      : e.replacement
        ? `replaced ${shortText(e.text)} with ${shortText(e.replacement)}`
        : `removed ${e.kind === 'boilerplate' ? 'boilerplate ' : ''}${shortText(e.text)}`;
  const added = put.filter((e) => !Object.hasOwn(before.edits, e.id));
  const out: string[] = [];
  if (added.length === 1) out.push(describe(added[0]));
  else if (added.length > 1) out.push(`${plural(added.length, 'cleanup edit', 'cleanup edits')} made`);
  if (removed.length === 1 && before.edits[removed[0]]) out.push(`took back: ${describe(before.edits[removed[0]])}`);
  else if (removed.length > 1) out.push(`${plural(removed.length, 'cleanup edit', 'cleanup edits')} taken back`);
  return out;
}

/**
 * The sentence for a change of the document's data from `before` to `after`, or null when nothing a
 * reader needs to hear changed. For an undo it names the step undone ("undone: tagged PERSON …").
 */
export function announceChange(before: DocumentData, after: DocumentData, way: ChangeWay): string | null {
  // Undo goes from the later data back to the earlier: the step undone is the change the other way.
  const [from, to] = way === 'undo' ? [after, before] : [before, after];
  const parts = [...entityChange(from, to), ...quoteChange(from, to), ...editChange(from, to)];
  // A status of its own (Ctrl+Shift+D, the status menu); the first edit's move to "in progress" goes unsaid.
  if (parts.length === 0 && from.document.status !== to.document.status)
    parts.push(`marked ${STATUS_WORDS[to.document.status]}`);
  if (parts.length === 0) return way === 'edit' ? null : way === 'undo' ? 'undone' : 'redone';
  const said = parts.join('; ');
  return way === 'edit' ? said : `${way === 'undo' ? 'undone' : 'redone'}: ${said}`;
}
