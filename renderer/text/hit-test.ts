// Which spans lie under a shown position (a click in the text): a lookup in the sorted spans
// (spansOverlapping), not a scan of every span (~5.7 ms a click with 10,000 entities).
import { spansOverlapping, type DocumentData } from '../../shared/document-data';
import type { Entity, Quote } from '../../shared/model';
import { shownSpanOf, type ShownText } from '../../shared/text-view';
import type { SpanRef } from '../session/state';

export interface ShownSpan {
  ref: SpanRef;
  start: number;
  end: number;
}

/** Spans under a shown position, innermost first (a click selects the first; clicking again cycles). */
export function spansAt(data: DocumentData, shown: ShownText, pos: number): ShownSpan[] {
  const { lastStart, firstEnd } = shown.sourceBounds(pos);
  const out: ShownSpan[] = [];
  const consider = (kind: 'entity' | 'quote', span: Entity | Quote): void => {
    const r = shownSpanOf(shown, span);
    if (r && r.start <= pos && pos <= r.end) out.push({ ref: { kind, id: span.id }, ...r });
  };
  for (const e of spansOverlapping(data.entities, firstEnd, lastStart)) consider('entity', e);
  for (const q of spansOverlapping(data.quotes, firstEnd, lastStart)) consider('quote', q);
  // Strictly inside before touching at an edge; then the shortest.
  const edge = (x: ShownSpan): number => (x.start <= pos && pos < x.end ? 0 : 1);
  return out.sort((a, b) => edge(a) - edge(b) || a.end - a.start - (b.end - b.start));
}
