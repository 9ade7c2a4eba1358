// What the workspace's tagger learns from: every annotated document (status done or in
// progress) as a whole, its untagged words as "no name"; and, from a document nobody
// annotated yet, only the sentences holding a suggestion the editor rejected there (the
// rest of such a document is unread, not "no name"). A rejected span is "no name" wherever
// it is, unless an entity covers it. The tagger (entity-tagger.ts) trains on these in a worker.
import { rejectedEntitySpans } from '../annotation-review';
import type { DocumentStatus, Entity, RejectedSuggestion } from '../model';
import { splitSentences } from '../tokenizer';
import { documentSentences, taggerTokens } from './document-entities';
import type { TaggedSentence } from './tagger';

export interface WorkspaceDocument {
  text: string;
  status: DocumentStatus;
  entities: readonly Pick<Entity, 'start' | 'end' | 'label' | 'orphaned'>[];
  rejected?: readonly RejectedSuggestion[];
}

/** Does the document teach the tagger anything (annotated with an entity, or a suggestion rejected)? */
export function teachesTagger(d: Pick<WorkspaceDocument, 'status' | 'entities' | 'rejected'>): boolean {
  return (d.status !== 'todo' && d.entities.some((e) => !e.orphaned)) || rejectedEntitySpans(d.rejected).length > 0;
}

/** The tagger's training sentences from the workspace's documents. */
export function trainingSentences(documents: readonly WorkspaceDocument[]): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  for (const d of documents) {
    if (d.status !== 'todo' && d.entities.some((e) => !e.orphaned)) {
      out.push(...documentSentences(d.text, d.entities));
      continue;
    }
    const rejected = rejectedEntitySpans(d.rejected);
    if (rejected.length === 0) continue;
    // Only the sentences holding a rejection, cut at its edges too.
    const entities = d.entities.filter((e) => !e.orphaned);
    const cuts = [...entities, ...rejected].flatMap((s) => [s.start, s.end]);
    for (const sentence of splitSentences(d.text, taggerTokens(d.text, cuts))) {
      if (!sentence.some((t) => rejected.some((r) => t.start < r.end && r.start < t.end))) continue;
      const tags = sentence.map(() => 'O');
      for (const e of entities) {
        let first = true;
        sentence.forEach((t, i) => {
          if (t.start < e.start || t.end > e.end || tags[i] !== 'O') return;
          tags[i] = `${first ? 'B' : 'I'}-${e.label}`;
          first = false;
        });
      }
      out.push({ tokens: sentence.map((t) => t.text), tags });
    }
  }
  return out;
}
