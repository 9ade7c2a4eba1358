// What the back end and the tagger's worker thread (entity-tagger-worker.ts) send each other.
import type { WorkspaceName } from '../shared/ner/workspace-matcher';
import type { TaggedSentence, TaggerModel } from '../shared/ner/tagger';
import type { WorkspaceDocument } from '../shared/ner/workspace-training';
import type { EntitySuggestion, QuoteSuggestion } from '../shared/suggestions';

/** One training: the workspace's documents, or sentences ready to learn from (the bench's CoNLL file). */
export interface TrainJob {
  documents?: WorkspaceDocument[];
  sentences?: TaggedSentence[];
  /** The workspace's word profiles as kept in its cache (word-profile.ts): stem → features. */
  profiles?: [string, string][];
  /** Else the texts to build them from, read in the worker: files relative to `root`, each with its encoding. */
  unlabeled?: { root: string; files: { file: string; encoding?: string }[] };
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
      /** The word profiles built from `unlabeled`, for the cache (absent when given or not asked for). */
      profiles?: [string, string][];
      sentences: number;
      ms: number;
    }
  | { ok: false; message: string };

/** One document's suggestions, worked out in the worker (seconds on a long text): the back end answers meanwhile. */
export interface SuggestJob {
  suggest: {
    text: string;
    names: WorkspaceName[];
    /** The document's own entities (never suggested again; its people are the quotes' speakers). */
    own: { start: number; end: number; label: string; text: string }[];
    /**
     * The trained tagger, when there is one: its version (a new one per training or model read), and the model as kept
     * in the model file only with the first job of that version the worker gets (it keeps the tagger it loaded).
     */
    tagger: { version: number; model?: TaggerModel; names?: [string, string][] } | null;
  };
}

export type SuggestResult =
  { ok: true; entities: EntitySuggestion[]; quotes: QuoteSuggestion[] } | { ok: false; message: string };
