// Quote → speaker, for the spans in focus (selected, or under the pointer): a quote's speaker, and
// an entity's quotes. What the text marks and joins with an arc, as brat draws a relation.
import { quotesOfSpeaker, type DocumentData } from '../../shared/document-data';
import type { Entity, Quote } from '../../shared/model';
import type { SpanRef } from '../session/state';

export interface SpeakerLink {
  quote: Quote;
  speaker: Entity;
}

/** The links touching the spans in focus: each quote's speaker entity, and each entity's quotes (no link twice). */
export function speakerLinks(data: DocumentData, focus: readonly (SpanRef | null | undefined)[]): SpeakerLink[] {
  const out: SpeakerLink[] = [];
  const seen = new Set<string>();
  const add = (quote: Quote, speaker: Entity | undefined): void => {
    if (!speaker || seen.has(quote.id)) return;
    seen.add(quote.id);
    out.push({ quote, speaker });
  };
  for (const ref of focus) {
    if (!ref) continue;
    if (ref.kind === 'quote') {
      const quote = data.quotes[ref.id];
      if (quote?.speaker) add(quote, data.entities[quote.speaker]);
    } else if (ref.kind === 'entity' && data.entities[ref.id]) {
      for (const quote of quotesOfSpeaker(data.quotes, ref.id)) add(quote, data.entities[ref.id]);
    }
  }
  return out;
}

/** A quote with neither a speaker entity nor a speaker's name: it stands out in the text until it has one. */
export function lacksSpeaker(quote: Quote): boolean {
  return !quote.speaker && !quote.speakerName;
}

/** A quote's highlight: direct or indirect, and standing out while it has no speaker. */
export function quoteHighlightName(q: Quote): string {
  if (lacksSpeaker(q)) return 'tahrir-quote-unattributed';
  return q.kind === 'indirect' ? 'tahrir-quote-indirect' : 'tahrir-quote';
}
