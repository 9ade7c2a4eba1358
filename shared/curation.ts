// Curation (Teams): one document against two or more annotators' versions of it (git branches or
// folders). What every version holds alike is agreed and taken as it is; the rest is grouped into
// differences — spans of one kind that overlap — each settled by taking one version's side, both
// (every side) or neither. The curated result is the main copy's sidecar: its document block keeps
// the versions and each decision (`curatedFrom`), so undo covers a decision like any edit, a
// curation reopened goes on where it stopped, and each taken item keeps its createdBy.
import {
  dataFromSidecar,
  spanAt,
  spansOverlapping,
  withSpans,
  type DocumentData,
  type SpanKind,
} from './document-data';
import type { CurationRecord, Edit, Entity, Quote, Sidecar } from './model';
import { idMaker } from './ids';

/** What differs: only some versions have it, the label (or a quote's kind) differs, the range differs, the speaker. */
export type DifferenceKind = 'only-in' | 'label' | 'boundary' | 'speaker';
export type CuratedSpan = Edit | Entity | Quote;

/** One side of a difference: an item, and the versions (indexes) holding it. */
export interface Variant {
  item: CuratedSpan;
  holders: number[];
}

export interface Difference {
  /** `entity 12-20`: the kind of span and the range the difference covers (unique within a document). */
  key: string;
  span: SpanKind;
  kind: DifferenceKind;
  start: number;
  end: number;
  /** Sorted by start, end, then first holder. */
  variants: Variant[];
}

export interface CurationDiff {
  /** What every version holds alike (as version 0 has it; a quote's speaker is version 0's entity). */
  agreed: { edits: Edit[]; entities: Entity[]; quotes: Quote[] };
  /** In text order (start, then end; entities before quotes before edits at one place). */
  differences: Difference[];
}

/** Take one version's side, every side, or none. */
export type Choice = { version: number } | 'both' | 'neither';

/**
 * Who a quote's speaker is: its entity's range and label (so a quote agreed on has its speaker agreed on too), else
 * its name ('' when it has none).
 */
function speakerOf(q: Quote, entities: ReadonlyMap<string, Entity>): string {
  const e = q.speaker ? entities.get(q.speaker) : undefined;
  if (e) return `@${e.start}-${e.end}:${e.label}`;
  return q.speakerName ? `"${q.speakerName}` : '';
}

/** What makes two items of one kind the same item (ids and authors aside). */
function itemKey(span: SpanKind, x: CuratedSpan, entities: ReadonlyMap<string, Entity>): string {
  if (span === 'entity') return `${x.start}:${x.end}:${(x as Entity).label}`;
  if (span === 'quote') return `${x.start}:${x.end}:${(x as Quote).kind}:${speakerOf(x as Quote, entities)}`;
  const e = x as Edit;
  return `${x.start}:${x.end}:${e.kind}:${e.replacement}`;
}

const ORDER: Record<SpanKind, number> = { entity: 0, quote: 1, edit: 2 };

function itemsOf(s: Sidecar, span: SpanKind): CuratedSpan[] {
  return span === 'entity' ? s.entities : span === 'quote' ? s.quotes : s.edits;
}

interface Loose {
  item: CuratedSpan;
  key: string;
  version: number;
}

/** Groups overlapping items (a point insertion with another at the same point) into clusters, in text order. */
function clusters(items: Loose[]): Loose[][] {
  const sorted = [...items].sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end);
  const out: Loose[][] = [];
  let start = -1;
  let end = -1;
  for (const x of sorted) {
    const last = out.at(-1);
    const touches = x.item.start < end || (x.item.start === start && x.item.end === end);
    if (last && touches) {
      last.push(x);
      end = Math.max(end, x.item.end);
    } else {
      out.push([x]);
      start = x.item.start;
      end = x.item.end;
    }
  }
  return out;
}

function classify(span: SpanKind, variants: Variant[]): DifferenceKind {
  if (variants.length === 1) return 'only-in';
  const first = variants[0].item;
  if (!variants.every((v) => v.item.start === first.start && v.item.end === first.end)) return 'boundary';
  if (span === 'quote' && variants.every((v) => (v.item as Quote).kind === (first as Quote).kind)) return 'speaker';
  return 'label';
}

/** The differences between `versions` (two or more sidecars of one text, in its source coordinates). */
export function curationDiff(versions: readonly Sidecar[]): CurationDiff {
  const entityMaps = versions.map((s) => new Map(s.entities.map((e) => [e.id, e])));
  const agreed: CurationDiff['agreed'] = { edits: [], entities: [], quotes: [] };
  const differences: Difference[] = [];
  for (const span of ['entity', 'quote', 'edit'] as const) {
    // Per version, its items by key; agreed: as many of a key as every version has.
    const byKey = versions.map((s, v) => {
      const m = new Map<string, CuratedSpan[]>();
      for (const x of itemsOf(s, span)) {
        const k = itemKey(span, x, entityMaps[v]);
        const list = m.get(k);
        if (list) list.push(x);
        else m.set(k, [x]);
      }
      return m;
    });
    const loose: Loose[] = [];
    const agreedOfSpan = agreed[
      span === 'entity' ? 'entities' : span === 'quote' ? 'quotes' : 'edits'
    ] as CuratedSpan[];
    for (const [k, first] of byKey[0]) {
      let shared = first.length;
      for (let v = 1; v < byKey.length && shared > 0; v++) shared = Math.min(shared, byKey[v].get(k)?.length ?? 0);
      if (shared === 0) continue;
      for (let i = 0; i < shared; i++) agreedOfSpan.push(first[i]);
      for (const m of byKey) {
        const list = m.get(k)!;
        if (list.length === shared) m.delete(k);
        else m.set(k, list.slice(shared));
      }
    }
    byKey.forEach((m, version) => {
      for (const [key, list] of m) for (const item of list) loose.push({ item, key, version });
    });
    for (const group of clusters(loose)) {
      const variants = new Map<string, Variant>();
      for (const x of group) {
        const v = variants.get(x.key);
        if (!v) variants.set(x.key, { item: x.item, holders: [x.version] });
        else if (!v.holders.includes(x.version)) v.holders.push(x.version);
      }
      const list = [...variants.values()];
      list.forEach((v) => v.holders.sort((a, b) => a - b));
      list.sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end || a.holders[0] - b.holders[0]);
      const start = Math.min(...list.map((v) => v.item.start));
      const end = Math.max(...list.map((v) => v.item.end));
      differences.push({
        key: `${span} ${start}-${end}`,
        span,
        kind: classify(span, list),
        start,
        end,
        variants: list,
      });
    }
  }
  differences.sort((a, b) => a.start - b.start || a.end - b.end || ORDER[a.span] - ORDER[b.span]);
  return { agreed, differences };
}

/** The sides a choice takes. */
export function variantsOf(d: Difference, choice: Choice): Variant[] {
  if (choice === 'neither') return [];
  if (choice === 'both') return d.variants;
  return d.variants.filter((v) => v.holders.includes(choice.version));
}

/** Why `both` cannot be taken here, or null: one quote has one speaker; cleanup edits must not overlap. */
export function bothRefused(d: Difference): 'one-speaker' | 'overlapping-edits' | null {
  if (d.variants.length < 2) return null;
  if (d.kind === 'speaker') return 'one-speaker';
  if (d.span === 'edit') return 'overlapping-edits';
  return null;
}

/** The decision as the sidecar records it: the version's name, `both` or `neither`. */
export function choiceName(choice: Choice, versions: readonly string[]): string {
  return typeof choice === 'string' ? choice : versions[choice.version];
}

function freeId(prefix: string, record: Record<string, unknown>, wanted: string): string {
  if (!Object.hasOwn(record, wanted)) return wanted;
  return idMaker(prefix, new Set(Object.keys(record)))();
}

/** `data` with the entity added unless one with its range and label is there; the id it has there. */
function putEntity(data: DocumentData, e: Entity): { data: DocumentData; id: string } {
  const there = spanAt(data.entities, e.start, e.end, (x) => x.label === e.label);
  if (there) return { data, id: there.id };
  const id = freeId('t', data.entities, e.id);
  return { data: { ...data, entities: withSpans(data.entities, { [id]: { ...e, id } }) }, id };
}

/**
 * `data` with an item of version `holder` added (a quote's speaker entity too, when the data has
 * none at its range); unchanged when the same item is there. 'overlap' when an edit would overlap one.
 */
export function putItem(
  data: DocumentData,
  span: SpanKind,
  item: CuratedSpan,
  holder: Sidecar,
): DocumentData | 'overlap' {
  if (span === 'entity') return putEntity(data, item as Entity).data;
  if (span === 'edit') {
    const e = item as Edit;
    const near = spansOverlapping(data.edits, e.start, e.end);
    if (near.some((x) => x.start === e.start && x.end === e.end && x.replacement === e.replacement)) return data;
    // Edits may touch (insertions at one point too), never overlap (shared/sidecar-check.ts).
    if (near.some((x) => x.start < e.end && e.start < x.end)) return 'overlap';
    const id = freeId('e', data.edits, e.id);
    return { ...data, edits: withSpans(data.edits, { [id]: { ...e, id } }) };
  }
  const q = item as Quote;
  let next = data;
  let speaker: string | null = null;
  const entity = q.speaker ? holder.entities.find((x) => x.id === q.speaker) : undefined;
  if (entity) ({ data: next, id: speaker } = putEntity(next, entity));
  const same = spanAt(
    next.quotes,
    q.start,
    q.end,
    (x) => x.kind === q.kind && x.speaker === speaker && x.speakerName === q.speakerName,
  );
  if (same) return next;
  const id = freeId('q', next.quotes, q.id);
  return { ...next, quotes: withSpans(next.quotes, { [id]: { ...q, id, speaker } }) };
}

/**
 * The curation's first state: the main copy's document block and what every version agrees on (as version 0 has it,
 * so its ids are unique and its quotes' speakers among its agreed entities). `diff`: curationDiff(versions), when made.
 */
export function startCuration(
  main: Sidecar,
  versions: readonly Sidecar[],
  names: readonly string[],
  diff: CurationDiff = curationDiff(versions),
): DocumentData {
  const { agreed } = diff;
  const curatedFrom: CurationRecord = { versions: [...names], decisions: {} };
  // A speaker is the agreed entity with the range and label of version 0's (one of two alike may be the one agreed).
  const agreedIds = new Map(agreed.entities.map((e) => [`${e.start}:${e.end}:${e.label}`, e.id]));
  const first = new Map(versions[0].entities.map((e) => [e.id, e]));
  const speakerOf = (id: string | null): string | null => {
    const e = id ? first.get(id) : undefined;
    return e ? (agreedIds.get(`${e.start}:${e.end}:${e.label}`) ?? null) : null;
  };
  return dataFromSidecar({
    ...main,
    document: { ...main.document, curatedFrom },
    edits: agreed.edits,
    entities: agreed.entities,
    quotes: agreed.quotes.map((q) => (q.speaker ? { ...q, speaker: speakerOf(q.speaker) } : q)),
  });
}

/** Is this document being curated from exactly these versions (so its decisions hold)? */
export function curatingFrom(data: DocumentData, names: readonly string[]): boolean {
  const from = data.document.curatedFrom?.versions;
  return !!from && from.length === names.length && from.every((n, i) => n === names[i]);
}

/** The differences not decided yet. */
export function openDifferences(data: DocumentData, differences: readonly Difference[]): Difference[] {
  const decided = data.document.curatedFrom?.decisions ?? {};
  return differences.filter((d) => !Object.hasOwn(decided, d.key));
}

/**
 * `data` with difference `d` settled by `choice`: the sides taken added (each from the first
 * version holding it, its createdBy kept) and the decision recorded. A refusal says why.
 */
export function takeDifference(
  data: DocumentData,
  versions: readonly Sidecar[],
  d: Difference,
  choice: Choice,
): DocumentData | { refused: 'one-speaker' | 'overlapping-edits' | 'overlap' } {
  if (choice === 'both') {
    const why = bothRefused(d);
    if (why) return { refused: why };
  }
  const record = data.document.curatedFrom;
  if (!record) throw new Error('takeDifference: the document is not being curated');
  let next = data;
  for (const v of variantsOf(d, choice)) {
    const put = putItem(next, d.span, v.item, versions[v.holders[0]]);
    if (put === 'overlap') return { refused: 'overlap' };
    next = put;
  }
  const decisions = { ...record.decisions, [d.key]: choiceName(choice, record.versions) };
  return { ...next, document: { ...next.document, curatedFrom: { ...record, decisions } } };
}
