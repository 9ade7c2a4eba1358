// What the back end and the tagger's worker thread (entity-tagger-worker.ts) send each other.
import type { TaggedSentence, TaggerModel } from '../shared/ner/tagger';
import type { WorkspaceDocument } from '../shared/ner/workspace-training';

/** One training: the workspace's documents, or sentences ready to learn from (the bench's CoNLL file). */
export interface TrainJob {
  documents?: WorkspaceDocument[];
  sentences?: TaggedSentence[];
  epochs?: number;
  seed?: number;
}

export type TrainResult =
  | {
      ok: true;
      /** Null when the documents tag no name: nothing to learn. */
      model: TaggerModel | null;
      /** The gazetteer: a name's stems → its label. */
      names: [string, string][];
      sentences: number;
      ms: number;
    }
  | { ok: false; message: string };
