// The one place where a document's annotations are mapped from source to clean-text
// coordinates for export. Every format builds on the record this produces.
import { CodePointIndex } from '../code-points';
import { reanchor, spansHoldTheirText } from '../anchoring';
import { TahrirError } from '../errors';
import { inEnglish, type Message } from '../i18n/message';
import { PositionMap, mapSpan } from '../position-map';
import type { DocumentStatus, Entity, Sidecar } from '../model';
import { describeProblems } from '../sidecar';
import { duplicateIdProblems } from '../sidecar-check';

/** An entity in clean-text code points; `text` is the clean substring [start, end). */
export interface ExportSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  link?: string;
}

export interface ExportQuote {
  start: number;
  end: number;
  text: string;
  kind: 'direct' | 'indirect';
  /** Index into the record's `spans`, or null. */
  speaker: number | null;
  /** The speaker's name when no exported span is the speaker. */
  speakerName?: string;
}

export interface ExportMeta {
  status: DocumentStatus;
  title?: string;
  published?: string;
  sourceName?: string;
  keywords?: string[];
}

/** One document as every exporter sees it: clean text and clean code-point offsets. */
export interface ExportRecord {
  /** Path relative to the workspace, without `.txt`, `/` separated. */
  id: string;
  text: string;
  spans: ExportSpan[];
  quotes: ExportQuote[];
  meta: ExportMeta;
}

export interface ExportRecordOptions {
  /** sha256 of the text file's bytes; when it differs from the sidecar's, every span is re-anchored first. */
  textSha256?: string;
}

/** A span whose offsets did not hold its `text` in the source: where it went, or that it is left out. */
export interface SpanNote {
  kind: 'edit' | 'entity' | 'quote';
  id: string;
  /** In English (the CLI's line). */
  message: string;
  /** The same as a catalog message, for the editor's language. */
  said: Message;
}

/** Reasons a span is left out, as counted in the export summary. */
export const LEFT_OUT_REMOVED = 'inside removed text';
export const LEFT_OUT_ORPHANED = 'orphaned';
export const LEFT_OUT_LINE_BREAKS = 'line breaks only (brat)';

/** The formats of one label a token (IOB tags): a span may overlap a kept one, or hold no token. */
export type TokenFormat = 'conll' | 'hf';

/**
 * Why a span is left out: machine-readable (the summary counts by it, the CLI prints it, scripts read it in the
 * JSON), and said in the editor's language by its message (LEFT_OUT_MESSAGES).
 */
export type LeftOutReason =
  | typeof LEFT_OUT_REMOVED
  | typeof LEFT_OUT_ORPHANED
  | typeof LEFT_OUT_LINE_BREAKS
  | `overlap (${TokenFormat})`
  | `no tokens (${TokenFormat})`;

const FORMAT_NAMES: Record<TokenFormat, string> = { conll: 'CoNLL', hf: 'Hugging Face' };

/** Every reason with its message (the type makes a reason without one a compile error). */
export const LEFT_OUT_MESSAGES: Readonly<Record<LeftOutReason, Message>> = {
  [LEFT_OUT_REMOVED]: { key: 'left-out.removed' },
  [LEFT_OUT_ORPHANED]: { key: 'left-out.orphaned' },
  [LEFT_OUT_LINE_BREAKS]: { key: 'left-out.line-breaks', values: { format: 'brat' } },
  'overlap (conll)': { key: 'left-out.overlap', values: { format: FORMAT_NAMES.conll } },
  'overlap (hf)': { key: 'left-out.overlap', values: { format: FORMAT_NAMES.hf } },
  'no tokens (conll)': { key: 'left-out.no-tokens', values: { format: FORMAT_NAMES.conll } },
  'no tokens (hf)': { key: 'left-out.no-tokens', values: { format: FORMAT_NAMES.hf } },
};

/** The message of a reason the summary holds; undefined for one this version does not know (shown as it is). */
export function leftOutMessage(reason: string): Message | undefined {
  return Object.hasOwn(LEFT_OUT_MESSAGES, reason) ? LEFT_OUT_MESSAGES[reason as LeftOutReason] : undefined;
}

export type LeftOutCounts = Record<string, number>;

/** A span left out of an export, named: its label (none for a quote), its text, and why. */
export interface LeftOutSpan {
  reason: LeftOutReason;
  /** The entity's label; null for a quote. */
  label: string | null;
  text: string;
}

/**
 * Nobody worked on it: status to do, no entity, quote or edit. Exported, it would teach that the text names nothing.
 */
export function isUntouched(sidecar: Sidecar): boolean {
  return (
    sidecar.document.status === 'todo' &&
    sidecar.entities.length === 0 &&
    sidecar.quotes.length === 0 &&
    sidecar.edits.length === 0
  );
}

export function addCount(counts: LeftOutCounts, reason: string, n = 1): void {
  if (n > 0) counts[reason] = (counts[reason] ?? 0) + n;
}

export function toExportRecord(
  id: string,
  source: string,
  sidecar: Sidecar,
  options: ExportRecordOptions = {},
): { record: ExportRecord; leftOut: LeftOutCounts; leftOutSpans: LeftOutSpan[]; notes: SpanNote[] } {
  // Ids tie quotes to their speakers: with two spans of one id, which one spoke is a guess.
  const duplicates = duplicateIdProblems(sidecar);
  if (duplicates.length > 0)
    throw new TahrirError('broken-sidecar', describeProblems(duplicates), undefined, duplicates);
  const leftOut: LeftOutCounts = {};
  const leftOutSpans: LeftOutSpan[] = [];
  const leaveOut = (reason: LeftOutReason, label: string | null, text: string): void => {
    addCount(leftOut, reason);
    leftOutSpans.push({ reason, label, text });
  };
  // Spans are looked for by their `text` when the text changed, or when the offsets of one do
  // not hold its text (wrong offsets): never cut to fit; what moved or is not found is named.
  const textChanged = options.textSha256 !== undefined && options.textSha256 !== sidecar.source.sha256;
  let current = sidecar;
  let notes: SpanNote[] = [];
  // One index of the source for the check, the map and (no edit applied) the clean text: three were made a document.
  const sourceIndex = new CodePointIndex(source);
  const held = !textChanged && spansHoldTheirText(source, sidecar, sourceIndex);
  if (!held) {
    const anchored = reanchor(source, sidecar);
    current = anchored.sidecar;
    notes = spanNotes(sidecar, current, anchored.report, textChanged ? 'changed' : 'missing');
  }
  // An orphaned edit has no known place in the text: applying it would corrupt the clean text.
  const map = new PositionMap(
    source,
    current.edits.filter((e) => !e.orphaned),
    sourceIndex,
  );
  const clean = map.cleanText;
  const cleanIndex = clean === source ? sourceIndex : new CodePointIndex(clean);
  // No edit and every span's offsets holding its text (most documents): clean offsets are the source's and each
  // entity's text is its span's, so neither is looked up again (a mapped place and a substring a span were a tenth of
  // what an export allocated).
  const unmapped = held && map.edits.length === 0;

  let spans: ExportSpan[] = [];
  let keptEntities: Entity[] = [];
  for (const entity of current.entities) {
    if (entity.orphaned) {
      leaveOut(LEFT_OUT_ORPHANED, entity.label, entity.text);
      continue;
    }
    const mapped = unmapped ? entity : mapSpan(map, entity.start, entity.end);
    if (!mapped || mapped.end <= mapped.start) {
      leaveOut(LEFT_OUT_REMOVED, entity.label, entity.text);
      continue;
    }
    const span: ExportSpan = {
      start: mapped.start,
      end: mapped.end,
      label: entity.label,
      text: unmapped ? entity.text : cleanIndex.slice(mapped.start, mapped.end),
    };
    if (entity.link) span.link = entity.link;
    spans.push(span);
    keptEntities.push(entity);
  }
  // Sorted only when out of order: the sidecar's order (start, end, id) is this one but for the labels of spans at
  // one place, and a sort copies its array.
  if (!inSpanOrder(spans, keptEntities)) {
    const order = spans
      .map((_, i) => i)
      .sort((i, j) => compareKept(spans[i], keptEntities[i], spans[j], keptEntities[j]));
    spans = order.map((i) => spans[i]);
    keptEntities = order.map((i) => keptEntities[i]);
  }
  // Only for quotes, which name their speaker by id (most documents have none): made when first needed.
  let indexById: Map<string, number> | undefined;
  // Only for a speaker not exported (rare): made when first needed.
  let entityById: Map<string, Entity> | undefined;

  const quotes: ExportQuote[] = [];
  for (const quote of current.quotes) {
    if (quote.orphaned) {
      leaveOut(LEFT_OUT_ORPHANED, null, quote.text);
      continue;
    }
    const mapped = mapSpan(map, quote.start, quote.end);
    if (!mapped || mapped.end <= mapped.start) {
      leaveOut(LEFT_OUT_REMOVED, null, quote.text);
      continue;
    }
    const out: ExportQuote = {
      start: mapped.start,
      end: mapped.end,
      text: cleanIndex.slice(mapped.start, mapped.end),
      kind: quote.kind,
      speaker: null,
    };
    if (!indexById && quote.speaker !== null) {
      indexById = new Map();
      for (let i = 0; i < keptEntities.length; i++) indexById.set(keptEntities[i].id, i);
    }
    const speakerIndex = quote.speaker === null ? undefined : indexById!.get(quote.speaker);
    if (speakerIndex !== undefined) {
      out.speaker = speakerIndex;
    } else {
      // The speaker entity may itself be hidden in removed text: keep who said it by name.
      entityById ??= new Map(current.entities.map((e) => [e.id, e]));
      const speakerEntity = quote.speaker === null ? undefined : entityById.get(quote.speaker);
      const name = quote.speakerName ?? speakerEntity?.text;
      if (name) out.speakerName = name;
    }
    quotes.push(out);
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);

  const doc = current.document;
  const meta: ExportMeta = { status: doc.status };
  if (doc.title !== undefined) meta.title = doc.title;
  if (doc.published !== undefined) meta.published = doc.published;
  if (doc.sourceName !== undefined) meta.sourceName = doc.sourceName;
  if (doc.keywords !== undefined) meta.keywords = [...doc.keywords];

  return { record: { id, text: clean, spans, quotes, meta }, leftOut, leftOutSpans, notes };
}

/** The order of the record's spans: start, end, label, then the entity's id (code units throughout). */
function compareKept(a: ExportSpan, aEntity: Entity, b: ExportSpan, bEntity: Entity): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    (aEntity.id < bEntity.id ? -1 : aEntity.id > bEntity.id ? 1 : 0)
  );
}

/** Are the spans in compareKept's order already (no pair a sort would swap)? */
function inSpanOrder(spans: readonly ExportSpan[], entities: readonly Entity[]): boolean {
  for (let i = 1; i < spans.length; i++)
    if (compareKept(spans[i - 1], entities[i - 1], spans[i], entities[i]) > 0) return false;
  return true;
}

function show(text: string, max = 40): string {
  const cps = Array.from(text);
  return JSON.stringify(cps.length > max ? cps.slice(0, max).join('') + '…' : text);
}

/** One line per span that re-anchoring moved or orphaned, in the words of the summary. */
function spanNotes(
  before: Sidecar,
  after: Sidecar,
  report: ReturnType<typeof reanchor>['report'],
  why: 'changed' | 'missing',
): SpanNote[] {
  const spansOf = (s: Sidecar) => {
    const byId = new Map<string, { start: number; end: number; text: string }>();
    for (const list of [s.edits, s.entities, s.quotes]) for (const span of list) byId.set(span.id, span);
    return byId;
  };
  const was = spansOf(before);
  const now = spansOf(after);
  // Where the span was: its text and offsets before re-anchoring (every id the report names was there).
  const at = (kind: string, id: string) => {
    const s = was.get(id);
    return { kind, id, text: s ? show(s.text) : '', from: s?.start ?? '', to: s?.end ?? '', why };
  };
  const note = (kind: SpanNote['kind'], id: string, said: Message): SpanNote => ({
    kind,
    id,
    message: inEnglish(said),
    said,
  });
  const notes: SpanNote[] = [];
  for (const m of report.moved) {
    const s = now.get(m.id)!;
    const values = { ...at(m.kind, m.id), how: m.how, match: show(s.text), start: s.start, end: s.end };
    notes.push(note(m.kind, m.id, { key: 'reanchored.moved', values }));
  }
  for (const o of report.orphaned)
    notes.push(note(o.kind, o.id, { key: 'reanchored.orphaned', values: at(o.kind, o.id) }));
  return notes;
}
