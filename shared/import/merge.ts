// Merging imported pre-annotations into a sidecar, safely: an identical span is not
// added twice, a conflicting one is reported and left out, nothing in the sidecar is
// changed or removed. The editor resolves conflicts by hand.
import type { Entity, Quote, Sidecar } from '../model';
import type { SourceAnnotations } from './pre-annotations';
import { idMaker } from '../ids';
import { inEnglish, message, type Message } from '../i18n/message';

export interface MergeReport {
  added: number;
  duplicates: number;
  conflicts: string[];
  /** Each conflict as a catalog message, in the same order. */
  said: Message[];
}

const crosses = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end &&
  b.start < a.end &&
  !(a.start <= b.start && b.end <= a.end) &&
  !(b.start <= a.start && a.end <= b.end);

type Range = { start: number; end: number };

export interface MergeOptions {
  /**
   * Clean range of a source range (null when removed). When given, spans are compared
   * as the export showed them: an entity clipped by an edit exports shorter than it is
   * stored, and importing that export back must find it identical, not new.
   */
  toClean?: (start: number, end: number) => Range | null;
}

/** Adds what does not conflict; returns the new sidecar (the input is not mutated) and what happened. */
export function mergeAnnotations(
  sidecar: Sidecar,
  incoming: SourceAnnotations,
  options: MergeOptions = {},
): { sidecar: Sidecar; report: MergeReport } {
  const view = (s: Range): Range | null => (options.toClean ? options.toClean(s.start, s.end) : s);
  // Entities by source range and by clean range, so each incoming span is looked up, not searched for.
  const keyOf = (r: Range) => `${r.start}:${r.end}`;
  const byRange = new Map<string, Entity[]>();
  const index = (key: string, e: Entity) => byRange.set(key, [...(byRange.get(key) ?? []), e]);
  const remember = (e: Entity) => {
    if (e.orphaned) return;
    index(`s${keyOf(e)}`, e);
    const v = view(e);
    if (v) index(`c${keyOf(v)}`, e);
  };
  const sameRangeEntities = (r: Range): Entity[] => {
    const v = view(r);
    const found = [...(byRange.get(`s${keyOf(r)}`) ?? []), ...(v ? (byRange.get(`c${keyOf(v)}`) ?? []) : [])];
    return [...new Set(found)];
  };
  const sameRange = (a: Range, b: Range) => {
    if (a.start === b.start && a.end === b.end) return true;
    const va = view(a);
    const vb = view(b);
    return !!va && !!vb && va.start === vb.start && va.end === vb.end;
  };
  const report: MergeReport = { added: 0, duplicates: 0, conflicts: [], said: [] };
  const conflict = (said: Message) => {
    report.said.push(said);
    report.conflicts.push(inEnglish(said));
  };
  const taken = new Set<string>([...sidecar.edits, ...sidecar.entities, ...sidecar.quotes].map((x) => x.id));
  const newEntityId = idMaker('t', taken);
  const newQuoteId = idMaker('q', taken);
  const entities: Entity[] = [...sidecar.entities];
  const quotes: Quote[] = [...sidecar.quotes];
  const live = (x: { orphaned?: boolean }) => !x.orphaned;
  entities.forEach(remember);

  // Index of each incoming entity → the sidecar id it ended up as (added or already there).
  const idOf: (string | undefined)[] = [];
  incoming.entities.forEach((e, i) => {
    const span = { start: String(e.start), end: String(e.end), text: e.text };
    const candidates = sameRangeEntities(e);
    const same = candidates.find((x) => x.label === e.label);
    if (same) {
      report.duplicates++;
      idOf[i] = same.id;
      return;
    }
    const relabel = candidates[0];
    if (relabel) {
      conflict(message('import-conflict.relabel', { ...span, label: e.label, theirs: relabel.label, id: relabel.id }));
      return;
    }
    const crossing = entities.find((x) => live(x) && x.label === e.label && crosses(x, e));
    if (crossing) {
      const other = { id: crossing.id, otherStart: String(crossing.start), otherEnd: String(crossing.end) };
      conflict(message('import-conflict.crossing', { ...span, label: e.label, ...other }));
      return;
    }
    const entity: Entity = { id: newEntityId(), start: e.start, end: e.end, label: e.label, text: e.text };
    if (e.link) entity.link = e.link;
    entities.push(entity);
    remember(entity);
    idOf[i] = entity.id;
    report.added++;
  });

  for (const q of incoming.quotes) {
    const at = { start: String(q.start), end: String(q.end) };
    const speaker = q.speaker === null ? null : (idOf[q.speaker] ?? null);
    const same = quotes.find((x) => live(x) && sameRange(x, q));
    if (same) {
      if (speaker !== null && same.speaker !== null && same.speaker !== speaker) {
        conflict(message('import-conflict.speaker', { ...at, speaker, theirs: same.speaker, id: same.id }));
      } else report.duplicates++;
      continue;
    }
    const overlapping = quotes.find((x) => live(x) && x.start < q.end && q.start < x.end);
    if (overlapping) {
      const other = { id: overlapping.id, otherStart: String(overlapping.start), otherEnd: String(overlapping.end) };
      conflict(message('import-conflict.quote-overlap', { ...at, ...other }));
      continue;
    }
    const quote: Quote = { id: newQuoteId(), start: q.start, end: q.end, text: q.text, speaker, kind: q.kind };
    if (speaker === null && q.speakerName) quote.speakerName = q.speakerName;
    quotes.push(quote);
    report.added++;
  }
  return { sidecar: { ...sidecar, entities, quotes }, report };
}
