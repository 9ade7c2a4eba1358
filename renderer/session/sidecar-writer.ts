// Saving and journaling a document without stalling the page: the sidecar's JSON text is built
// by the sidecar worker from what changed since the last save or journal (a few span objects,
// whatever the document's size), and under `tahrir serve` the worker sends it too. On the
// desktop the worker hands the text back and it goes through the bridge (a string crosses it
// cheaply). Where there is no worker (store tests in Node) or it does not start, the same
// incremental text is built here on the page.
import type { SaveResult } from '../../shared/api';
import { TahrirError } from '../../shared/errors';
import type { Sidecar } from '../../shared/model';
import { SPAN_LISTS, SidecarText, type SpanChanges, type SpanLike, type SpanList } from '../../shared/sidecar-text';
import type { HttpTarget } from '../api-http';
import type { FromSidecarWorker, SidecarDelivery, ToSidecarWorker } from '../sidecar-messages';
import type { TahrirApi } from '../../shared/api';
import { headerOf, sortedSpans, spanChanges, type DocumentData } from '../../shared/document-data';
import { session } from './session';

/** One document's sidecar to write: the opened sidecar's header, the editor's data, the stamp. */
export interface SidecarToWrite {
  id: string;
  base: Sidecar;
  data: DocumentData;
  updatedAt: string;
  annotator?: string;
}

/**
 * Documents whose spans are kept (the open one and any switched away from unsaved); the oldest is forgotten past this.
 */
const MAX_DOCUMENTS = 8;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  sidecar: SidecarToWrite;
  deliver: SidecarDelivery;
}

/**
 * Spans handed over per message when a document opens: each part's copy to the worker stays a few milliseconds of this
 * thread.
 */
const PART = 2000;

/** One session's sidecar worker, the jobs it has not answered, and the spans it (or this page) keeps per document. */
export class SidecarWriter {
  private worker: Worker | null = null;
  private serverInWorker = false;
  private nextJob = 1;
  private readonly pending = new Map<number, Pending>();
  /** The data the worker last had for each document (what the next job's changes are counted from). */
  private readonly sentToWorker = new Map<string, DocumentData>();
  /** Spans kept on this page when the worker is not used. */
  private readonly onPage = new Map<string, { data: DocumentData; text: SidecarText }>();
  /** Documents being handed over part by part; a job for one of them cancels the rest (it sends everything itself). */
  private readonly handingOver = new Map<string, { cancelled: boolean }>();

  constructor(private readonly api: () => TahrirApi) {}

  /**
   * Starts the sidecar worker. `server`: under `tahrir serve`, where the worker sends saves and
   * journals itself; null on the desktop (the page sends the text through the bridge).
   * Without Worker support, or when it fails to start, everything is done on this page.
   */
  start(server: HttpTarget | null): void {
    if (this.worker || typeof Worker === 'undefined') return;
    let worker: Worker;
    try {
      // Next to app.js in dist/renderer/, under app:// and http:// alike.
      worker = new Worker(new URL('./sidecar-worker.js', import.meta.url), { type: 'module', name: 'tahrir-sidecar' });
    } catch (e) {
      console.warn('tahrir: the sidecar worker did not start; saving on the page', e);
      return;
    }
    this.worker = worker;
    this.serverInWorker = server !== null;
    if (server) this.post({ type: 'server', target: server });
    worker.onmessage = (event: MessageEvent<FromSidecarWorker>) => this.answer(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.giveUpWorker(`the sidecar worker failed (${event.message || 'it did not load'})`);
    };
    worker.onmessageerror = () => this.giveUpWorker('a message from the sidecar worker could not be read');
  }

  /** Stops the worker (tests; a page going away stops it anyway). */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sentToWorker.clear();
    this.onPage.clear();
  }

  /** Is the worker building the text (false: this page does)? */
  running(): boolean {
    return this.worker !== null;
  }

  /** Saves the sidecar if the file on disk is still at `revision` (else 'stale-revision', as TahrirApi.saveSidecar). */
  save(sidecar: SidecarToWrite, revision: string | null, options: { onThisPage?: boolean } = {}): Promise<SaveResult> {
    const deliver: SidecarDelivery = { method: 'saveSidecar', id: sidecar.id, revision };
    if (options.onThisPage && this.worker) {
      // The page is closing: built here and handed to the bridge (or fetch) before this task ends; its spans are not
      // kept.
      const sent = this.onThisPage(sidecar, deliver);
      this.onPage.delete(sidecar.id);
      return sent as Promise<SaveResult>;
    }
    return this.run(sidecar, deliver) as Promise<SaveResult>;
  }

  /** Writes the sidecar as the document's recovery copy (kept until a save succeeds). */
  async writeRecovery(sidecar: SidecarToWrite): Promise<void> {
    await this.run(sidecar, { method: 'writeRecovery', id: sidecar.id });
  }

  /**
   * A document just opened: the worker takes its spans now, while the editor reads, so the first
   * change is sent as a change. In parts, between frames: copying 10,000 spans to the worker in one
   * message holds this thread ~35 ms.
   */
  keep(sidecar: SidecarToWrite): void {
    if (!this.worker) return;
    const { id, data } = sidecar;
    const previous = this.handingOver.get(id);
    if (previous) previous.cancelled = true;
    this.sentToWorker.delete(id);
    const state = { cancelled: false };
    this.handingOver.set(id, state);
    const parts: { list: SpanList; spans: SpanLike[] }[] = [];
    let header: ReturnType<typeof headerOf> | null = null;
    let next = 0;
    const step = () => {
      if (state.cancelled || !this.worker) return;
      if (!header) {
        // Not in the task that opens the document: that one should end with its first paint.
        for (const list of SPAN_LISTS) {
          const spans: SpanLike[] = Object.values(data[list]);
          for (let at = 0; at < spans.length; at += PART) parts.push({ list, spans: spans.slice(at, at + PART) });
        }
        header = headerOf(sidecar.base, data, sidecar.updatedAt, sidecar.annotator);
      }
      const part = parts[next++];
      const message: ToSidecarWorker = {
        type: 'job',
        job: this.nextJob++,
        doc: id,
        header,
        deliver: { method: 'keep' },
      };
      if (next === 1)
        message.reset = { edits: [], entities: [], quotes: [], ...(part ? { [part.list]: part.spans } : {}) };
      else message.changes = { [part.list]: { put: part.spans, removed: [] } };
      this.pending.set(message.job, {
        resolve: () => undefined,
        reject: () => undefined,
        sidecar,
        deliver: { method: 'keep' },
      });
      this.post(message);
      if (next < parts.length) return betweenFrames(step);
      this.handingOver.delete(id);
      remember(this.sentToWorker, id, data, (gone) => this.post({ type: 'forget', doc: gone }));
    };
    betweenFrames(step);
  }

  /** The document is no longer open or waiting to be saved: its spans need not be kept. */
  forget(id: string): void {
    this.onPage.delete(id);
    if (this.sentToWorker.delete(id)) this.post({ type: 'forget', doc: id });
  }

  private run(sidecar: SidecarToWrite, deliver: SidecarDelivery): Promise<unknown> {
    if (!this.worker) return this.onThisPage(sidecar, deliver);
    const handOver = this.handingOver.get(sidecar.id);
    if (handOver) {
      // Not all handed over yet: this job sends every span itself.
      handOver.cancelled = true;
      this.handingOver.delete(sidecar.id);
      this.sentToWorker.delete(sidecar.id);
    }
    const job = this.nextJob++;
    const header = headerOf(sidecar.base, sidecar.data, sidecar.updatedAt, sidecar.annotator);
    const before = this.sentToWorker.get(sidecar.id);
    remember(this.sentToWorker, sidecar.id, sidecar.data, (id) => this.post({ type: 'forget', doc: id }));
    const message: ToSidecarWorker = {
      type: 'job',
      job,
      doc: sidecar.id,
      header,
      deliver: this.serverInWorker || deliver.method === 'keep' ? deliver : { method: 'text' },
    };
    if (before) message.changes = changesBetween(before, sidecar.data);
    else message.reset = allSpans(sidecar.data);
    return new Promise((resolve, reject) => {
      this.pending.set(job, { resolve, reject, sidecar, deliver });
      this.post(message);
    });
  }

  private post(message: ToSidecarWorker): void {
    this.worker?.postMessage(message);
  }

  private answer(message: FromSidecarWorker): void {
    const job = this.pending.get(message.job);
    if (!job) return;
    this.pending.delete(message.job);
    if (message.done) {
      // The desktop: the worker made the text, the bridge takes it from here.
      if (message.text !== undefined) job.resolve(this.deliverText(message.text, job.deliver));
      else job.resolve(message.result);
    } else if (job.deliver.method === 'keep') {
      // A part of a document handed over went wrong: the next job sends everything.
      this.sentToWorker.delete(job.sidecar.id);
      job.resolve(undefined);
    } else if ('lost' in message) {
      console.warn(`tahrir: the sidecar worker lost track of ${job.sidecar.id} (${message.lost}); starting it over`);
      this.sentToWorker.delete(job.sidecar.id);
      this.onThisPage(job.sidecar, job.deliver).then(job.resolve, job.reject);
    } else {
      job.reject(TahrirError.fromData(message.error));
    }
  }

  /** The worker is gone: what it had not answered is done on this page, and so is everything after. */
  private giveUpWorker(why: string): void {
    console.warn(`tahrir: ${why}; saving on the page`);
    this.worker?.terminate();
    this.worker = null;
    this.sentToWorker.clear();
    for (const handOver of this.handingOver.values()) handOver.cancelled = true;
    this.handingOver.clear();
    const left = [...this.pending.values()].filter((job) => job.deliver.method !== 'keep');
    this.pending.clear();
    for (const job of left) this.onThisPage(job.sidecar, job.deliver).then(job.resolve, job.reject);
  }

  private onThisPage(sidecar: SidecarToWrite, deliver: SidecarDelivery): Promise<unknown> {
    let text: string;
    try {
      text = this.textOnPage(sidecar);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.deliverText(text, deliver);
  }

  private textOnPage(sidecar: SidecarToWrite): string {
    const header = headerOf(sidecar.base, sidecar.data, sidecar.updatedAt, sidecar.annotator);
    const kept = this.onPage.get(sidecar.id);
    if (kept) {
      try {
        const changes = changesBetween(kept.data, sidecar.data);
        for (const list of SPAN_LISTS) {
          const c = changes[list];
          if (c) kept.text.apply(list, c);
        }
        kept.data = sidecar.data;
        remember(this.onPage, sidecar.id, kept);
        return kept.text.text(header);
      } catch (e) {
        console.warn(`tahrir: lost track of the spans of ${sidecar.id} (${(e as Error).message}); starting it over`);
      }
    }
    const text = new SidecarText();
    text.reset(allSpans(sidecar.data));
    remember(this.onPage, sidecar.id, { data: sidecar.data, text });
    return text.text(header);
  }

  private deliverText(text: string, deliver: SidecarDelivery): Promise<unknown> {
    if (deliver.method === 'keep') return Promise.resolve(undefined);
    if (deliver.method === 'saveSidecar') return this.api().saveSidecar(deliver.id, text, deliver.revision);
    if (deliver.method === 'writeRecovery') return this.api().writeRecovery(deliver.id, text);
    return Promise.resolve(text);
  }
}

/** Is the current session's worker building the text (false: this page does)? */
export function sidecarWorkerRunning(): boolean {
  return session().sidecars.running();
}

function betweenFrames(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 200 });
  else setTimeout(work, 0);
}

/** Sets `id` as the most recent entry, forgetting the oldest past MAX_DOCUMENTS. */
function remember<T>(map: Map<string, T>, id: string, value: T, forget?: (id: string) => void): void {
  map.delete(id);
  map.set(id, value);
  while (map.size > MAX_DOCUMENTS) {
    const oldest = map.keys().next().value as string;
    map.delete(oldest);
    forget?.(oldest);
  }
}

function allSpans(data: DocumentData): Record<SpanList, DocumentData[SpanList][string][]> {
  return {
    edits: sortedSpans(data.edits),
    entities: sortedSpans(data.entities),
    quotes: sortedSpans(data.quotes),
  };
}

/** Per list, the changes from `from` to `to`; lists that did not change are left out. */
function changesBetween(from: DocumentData, to: DocumentData): Partial<Record<SpanList, SpanChanges>> {
  const out: Partial<Record<SpanList, SpanChanges>> = {};
  for (const list of SPAN_LISTS) {
    if (from[list] === to[list]) continue;
    const changes = spanChanges<{ id: string; start: number; end: number }>(from[list], to[list]);
    if (changes.put.length || changes.removed.length) out[list] = changes;
  }
  return out;
}
