// What the page and the sidecar worker (sidecar-worker.ts) say to each other. The page sends
// only what changed since its last job for that document; the worker keeps each document's
// spans and their JSON (shared/sidecar-text.ts) and builds the sidecar's text.
import type { TahrirErrorData } from '../shared/errors';
import type { SidecarHeader, SpanChanges, SpanLike, SpanList } from '../shared/sidecar-text';
import type { HttpTarget } from './api-http';

/**
 * What to do with the text: send it to `tahrir serve` (the worker can), or hand it back (the desktop bridge lives on
 * the page).
 */
export type SidecarDelivery =
  | { method: 'saveSidecar'; id: string; revision: string | null }
  | { method: 'writeRecovery'; id: string }
  | { method: 'text' }
  /** Only take the spans (a document just opened), so the first save sends changes, not the whole document. */
  | { method: 'keep' };

export type ToSidecarWorker =
  | { type: 'server'; target: HttpTarget }
  | {
      type: 'job';
      job: number;
      /** Which document's spans (its id). */
      doc: string;
      /** All spans: the worker starts this document over. */
      reset?: Record<SpanList, SpanLike[]>;
      /** Or only the changes since the previous job for this document. */
      changes?: Partial<Record<SpanList, SpanChanges>>;
      header: SidecarHeader;
      deliver: SidecarDelivery;
    }
  | { type: 'forget'; doc: string };

export type FromSidecarWorker =
  | { job: number; done: true; text?: string; result?: unknown }
  | { job: number; done: false; error: TahrirErrorData }
  /**
   * The worker lost track of the document's spans (a bug or a lost message): the page redoes the job itself and starts
   * the document over.
   */
  | { job: number; done: false; lost: string };
