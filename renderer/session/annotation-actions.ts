// What the editor does to a document's annotations. Every change goes through
// changeDocument (one undo step) and offsets are source code points.
import type { DocumentStatus, Entity, Quote, QuoteKind } from '../../shared/model';
import { findAll } from '../../shared/arabic-normalize';
import {
  nextId,
  quotesOfSpeaker,
  sortedSpans,
  spanAt,
  spansOverlapping,
  withSpans,
  type DocumentData,
} from '../../shared/document-data';
import { policyBreak } from '../../shared/span-policy';
import { changeDocument } from './history';
import { store } from './store';
import { t } from './locale';
import { showNotice } from './ui-actions';
import type { SpanRef } from './state';
import { shownText, sourceIndex } from '../../shared/text-view';

export interface SourceRange {
  start: number;
  end: number;
}

/** The first change to a document moves it from todo to in progress. */
function touched(data: DocumentData): DocumentData['document'] {
  return data.document.status === 'todo' ? { ...data.document, status: 'in_progress' } : data.document;
}

function sourceText(): string {
  const doc = store().getState().doc;
  if (!doc) throw new Error('no document open');
  return doc.source;
}

/** The source's code points [start, end). */
function sliceCodePoints(source: string, start: number, end: number): string {
  return sourceIndex(source).slice(Math.max(0, start), end);
}

function select(ref: SpanRef | null): void {
  store().setState({ selected: ref });
}

/**
 * Why tahrir.json's policy for `label` refuses an entity on [start, end) (crossing another entity,
 * or running across a paragraph break), said to the user; false when it may be there.
 */
function refusedByPolicy(span: { id?: string; start: number; end: number; text: string; label: string }): boolean {
  const s = store().getState();
  if (!s.data) return false;
  const near = spansOverlapping(s.data.entities, span.start + 1, span.end - 1);
  const broken = policyBreak(span, s.workspace?.config.labels ?? [], near);
  if (!broken) return false;
  showNotice(t(broken.said.key, broken.said.values), 'error');
  return true;
}

/**
 * Tags [start, end) with `label`; an entity already on exactly that span is relabelled instead. Returns its id;
 * null when nothing was tagged (tahrir.json's policy for the label refuses the span: the notice says why).
 */
export function tagEntity(label: string, range: SourceRange): string | null {
  if (range.end <= range.start) return null;
  const text = sliceCodePoints(sourceText(), range.start, range.end);
  const data = store().getState().data;
  const existing = data ? spanAt(data.entities, range.start, range.end, (e) => !e.orphaned) : undefined;
  if (refusedByPolicy({ id: existing?.id, ...range, text, label })) return null;
  let id: string | null = null;
  changeDocument((data) => {
    const same = spanAt(data.entities, range.start, range.end, (e) => !e.orphaned);
    if (same) {
      id = same.id;
      if (same.label === label) return data;
      return {
        ...data,
        document: touched(data),
        entities: withSpans(data.entities, { [same.id]: { ...same, label } }),
      };
    }
    id = nextId('t', data.entities);
    const entity: Entity = { id, start: range.start, end: range.end, label, text };
    return { ...data, document: touched(data), entities: withSpans(data.entities, { [id]: entity }) };
  });
  if (id) select({ kind: 'entity', id });
  return id;
}

export function relabelEntity(id: string, label: string): void {
  const entity = store().getState().data?.entities[id];
  if (entity && entity.label !== label && refusedByPolicy({ ...entity, label })) return;
  changeDocument((data) => {
    const entity = data.entities[id];
    if (!entity || entity.label === label) return data;
    return { ...data, document: touched(data), entities: withSpans(data.entities, { [id]: { ...entity, label } }) };
  });
}

/** Link field: a knowledge-base id or canonical name; typing in it is one undo step. */
export function setEntityLink(id: string, link: string): void {
  changeDocument(
    (data) => {
      const entity = data.entities[id];
      if (!entity || (entity.link ?? '') === link) return data;
      const next: Entity = { ...entity, link };
      if (!link) delete next.link;
      return { ...data, entities: withSpans(data.entities, { [id]: next }) };
    },
    { group: `link:${id}` },
  );
}

export function deleteSpan(ref: SpanRef): void {
  changeDocument((data) => {
    if (ref.kind === 'entity') {
      const entity = data.entities[ref.id];
      if (!entity) return data;
      // A quote keeps its speaker's name when the speaker's entity goes.
      const spoken: Record<string, Quote> = {};
      for (const q of quotesOfSpeaker(data.quotes, ref.id))
        spoken[q.id] = { ...q, speaker: null, speakerName: q.speakerName ?? entity.text };
      const quotes = Object.keys(spoken).length > 0 ? withSpans(data.quotes, spoken) : data.quotes;
      return { ...data, entities: withSpans(data.entities, { [ref.id]: null }), quotes };
    }
    if (ref.kind === 'quote') {
      if (!data.quotes[ref.id]) return data;
      return { ...data, quotes: withSpans(data.quotes, { [ref.id]: null }) };
    }
    if (!data.edits[ref.id]) return data;
    return { ...data, edits: withSpans(data.edits, { [ref.id]: null }) };
  });
  const s = store().getState();
  if (s.selected?.kind === ref.kind && s.selected.id === ref.id) select(null);
}

/**
 * Tags every other occurrence of the entity's text in the shown text (Arabic-normalized,
 * whole words) with its label, as one undo step. Returns how many were added.
 */
export function tagAllOccurrences(id: string): number {
  const s = store().getState();
  if (!s.doc || !s.data) return 0;
  const entity = s.data.entities[id];
  if (!entity) return 0;
  const shown = shownText(s.doc.source, s.data.edits, s.view);
  const ranges: SourceRange[] = [];
  for (const m of findAll(shown.text, entity.text, { wholeWords: true })) {
    const start = shown.toSource(m.start, 'start');
    const end = shown.toSource(m.end, 'end');
    if (end > start) ranges.push({ start, end });
  }
  let added = 0;
  changeDocument((data) => {
    const created: Record<string, Entity> = {};
    const taken = sortedSpans(data.entities).filter((e) => e.label === entity.label);
    let n = Number(nextId('t', data.entities).slice(1));
    for (const r of ranges) {
      if (taken.some((e) => e.start < r.end && r.start < e.end)) continue;
      const newId = `t${n++}`;
      const made: Entity = {
        id: newId,
        start: r.start,
        end: r.end,
        label: entity.label,
        text: sliceCodePoints(s.doc!.source, r.start, r.end),
      };
      if (entity.link) made.link = entity.link;
      created[newId] = made;
      taken.push(made);
      added++;
    }
    return added ? { ...data, document: touched(data), entities: withSpans(data.entities, created) } : data;
  });
  return added;
}

const QUOTE_MARKS = /["«»“”„'‘’]/u;

/** Marks [start, end) as a quote; direct when it sits between quotation marks. Returns its id. */
export function markQuote(range: SourceRange): string | null {
  if (range.end <= range.start) return null;
  const source = sourceText();
  const text = sliceCodePoints(source, range.start, range.end);
  const before = sliceCodePoints(source, Math.max(0, range.start - 1), range.start);
  const after = sliceCodePoints(source, range.end, range.end + 1);
  const kind: QuoteKind =
    QUOTE_MARKS.test(before) || QUOTE_MARKS.test(after) || QUOTE_MARKS.test(text[0] ?? '') ? 'direct' : 'indirect';
  let id: string | null = null;
  changeDocument((data) => {
    const same = spanAt(data.quotes, range.start, range.end);
    if (same) {
      id = same.id;
      return data;
    }
    id = nextId('q', data.quotes);
    const quote: Quote = { id, start: range.start, end: range.end, text, speaker: null, kind };
    return { ...data, document: touched(data), quotes: withSpans(data.quotes, { [id]: quote }) };
  });
  if (id) select({ kind: 'quote', id });
  return id;
}

function updateQuote(id: string, update: (q: Quote) => Quote, group?: string): void {
  changeDocument(
    (data) => {
      const quote = data.quotes[id];
      if (!quote) return data;
      const next = update(quote);
      return next === quote ? data : { ...data, quotes: withSpans(data.quotes, { [id]: next }) };
    },
    group ? { group } : {},
  );
}

/** The speaker is one of the document's entities; a typed name is dropped then. */
export function setQuoteSpeaker(id: string, entityId: string | null): void {
  updateQuote(id, (q) => {
    if (q.speaker === entityId && !q.speakerName) return q;
    const next: Quote = { ...q, speaker: entityId };
    delete next.speakerName;
    return next;
  });
}

/** A speaker with no entity in the document: their name as typed. */
export function setQuoteSpeakerName(id: string, name: string): void {
  updateQuote(
    id,
    (q) => {
      if ((q.speakerName ?? '') === name && q.speaker === null) return q;
      const next: Quote = { ...q, speaker: null, speakerName: name };
      if (!name) delete next.speakerName;
      return next;
    },
    `speaker-name:${id}`,
  );
}

export function setQuoteKind(id: string, kind: QuoteKind): void {
  updateQuote(id, (q) => (q.kind === kind ? q : { ...q, kind }));
}

export function setStatus(status: DocumentStatus): void {
  changeDocument((data) =>
    data.document.status === status ? data : { ...data, document: { ...data.document, status } },
  );
}

/** Ctrl+Shift+D: done, or back to in progress when already done. */
export function toggleDone(): void {
  const status = store().getState().data?.document.status;
  if (status) setStatus(status === 'done' ? 'in_progress' : 'done');
}
