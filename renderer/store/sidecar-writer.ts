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
import { getApi } from './api-connection';
import { headerOf, spanChanges, type DocumentData } from './document-data';

/** One document's sidecar to write: the opened sidecar's header, the editor's data, the stamp. */
export interface SidecarToWrite {
  id: string;
  base: Sidecar;
  data: DocumentData;
  updatedAt: string;
  annotator?: string;
}

/** Documents whose spans are kept (the open one and any switched away from unsaved); the oldest is forgotten past this. */
const MAX_DOCUMENTS = 8;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  sidecar: SidecarToWrite;
  deliver: SidecarDelivery;
}

let worker: Worker | null = null;
let serverInWorker = false;
let nextJob = 1;
const pending = new Map<number, Pending>();
/** The data the worker last had for each document (what the next job's changes are counted from). */
const sentToWorker = new Map<string, DocumentData>();
/** Spans kept on this page when the worker is not used. */
const onPage = new Map<string, { data: DocumentData; text: SidecarText }>();

/**
 * Starts the sidecar worker. `server`: under `tahrir serve`, where the worker sends saves and
 * journals itself; null on the desktop (the page sends the text through the bridge).
 * Without Worker support, or when it fails to start, everything is done on this page.
 */
export function startSidecarWorker(server: HttpTarget | null): void {
  if (worker || typeof Worker === 'undefined') return;
  try {
    // Next to app.js in dist/renderer/, under app:// and http:// alike.
    worker = new Worker(new URL('./sidecar-worker.js', import.meta.url), { type: 'module', name: 'tahrir-sidecar' });
  } catch (e) {
    console.warn('tahrir: the sidecar worker did not start; saving on the page', e);
    worker = null;
    return;
  }
  serverInWorker = server !== null;
  if (server) post({ type: 'server', target: server });
  worker.onmessage = (event: MessageEvent<FromSidecarWorker>) => answer(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    giveUpWorker(`the sidecar worker failed (${event.message || 'it did not load'})`);
  };
  worker.onmessageerror = () => giveUpWorker('a message from the sidecar worker could not be read');
}

/** Stops the worker (tests; a page going away stops it anyway). */
export function stopSidecarWorker(): void {
  worker?.terminate();
  worker = null;
  sentToWorker.clear();
  onPage.clear();
}

/** Is the worker building the text (false: this page does)? */
export function sidecarWorkerRunning(): boolean {
  return worker !== null;
}

/** Saves the sidecar if the file on disk is still at `revision` (else 'stale-revision', as TahrirApi.saveSidecar). */
export function saveSidecarText(sidecar: SidecarToWrite, revision: string | null, options: { onThisPage?: boolean } = {}): Promise<SaveResult> {
  const deliver: SidecarDelivery = { method: 'saveSidecar', id: sidecar.id, revision };
  if (options.onThisPage && worker) {
    // The page is closing: built here and handed to the bridge (or fetch) before this task ends; its spans are not kept.
    const sent = onThisPage(sidecar, deliver);
    onPage.delete(sidecar.id);
    return sent as Promise<SaveResult>;
  }
  return run(sidecar, deliver) as Promise<SaveResult>;
}

/** Writes the sidecar to the crash journal. */
export async function journalSidecarText(sidecar: SidecarToWrite): Promise<void> {
  await run(sidecar, { method: 'writeRecovery', id: sidecar.id });
}

/** Spans handed over per message when a document opens: each part's copy to the worker stays a few milliseconds of this thread. */
const PART = 2000;
/** Documents being handed over part by part; a job for one of them cancels the rest (it sends everything itself). */
const handingOver = new Map<string, { cancelled: boolean }>();

/**
 * A document just opened: the worker takes its spans now, while the editor reads, so the first
 * change is sent as a change. In parts, between frames: copying 10,000 spans to the worker in one
 * message holds this thread ~35 ms.
 */
export function keepSidecar(sidecar: SidecarToWrite): void {
  if (!worker) return;
  const { id, data } = sidecar;
  const previous = handingOver.get(id);
  if (previous) previous.cancelled = true;
  sentToWorker.delete(id);
  const state = { cancelled: false };
  handingOver.set(id, state);
  const parts: { list: SpanList; spans: SpanLike[] }[] = [];
  let header: ReturnType<typeof headerOf> | null = null;
  let next = 0;
  const step = () => {
    if (state.cancelled || !worker) return;
    if (!header) {
      // Not in the task that opens the document: that one should end with its first paint.
      for (const list of SPAN_LISTS) {
        const spans: SpanLike[] = Object.values(data[list]);
        for (let at = 0; at < spans.length; at += PART) parts.push({ list, spans: spans.slice(at, at + PART) });
      }
      header = headerOf(sidecar.base, data, sidecar.updatedAt, sidecar.annotator);
    }
    const part = parts[next++];
    const message: ToSidecarWorker = { type: 'job', job: nextJob++, doc: id, header, deliver: { method: 'keep' } };
    if (next === 1) message.reset = { edits: [], entities: [], quotes: [], ...(part ? { [part.list]: part.spans } : {}) };
    else message.changes = { [part.list]: { put: part.spans, removed: [] } };
    pending.set(message.job, { resolve: () => undefined, reject: () => undefined, sidecar, deliver: { method: 'keep' } });
    post(message);
    if (next < parts.length) return betweenFrames(step);
    handingOver.delete(id);
    remember(sentToWorker, id, data, (gone) => post({ type: 'forget', doc: gone }));
  };
  betweenFrames(step);
}

function betweenFrames(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 200 });
  else setTimeout(work, 0);
}

/** The document is no longer open or waiting to be saved: its spans need not be kept. */
export function forgetSidecar(id: string): void {
  onPage.delete(id);
  if (sentToWorker.delete(id)) post({ type: 'forget', doc: id });
}

function run(sidecar: SidecarToWrite, deliver: SidecarDelivery): Promise<unknown> {
  if (!worker) return onThisPage(sidecar, deliver);
  const handOver = handingOver.get(sidecar.id);
  if (handOver) {
    // Not all handed over yet: this job sends every span itself.
    handOver.cancelled = true;
    handingOver.delete(sidecar.id);
    sentToWorker.delete(sidecar.id);
  }
  const job = nextJob++;
  const header = headerOf(sidecar.base, sidecar.data, sidecar.updatedAt, sidecar.annotator);
  const before = sentToWorker.get(sidecar.id);
  remember(sentToWorker, sidecar.id, sidecar.data, (id) => post({ type: 'forget', doc: id }));
  const message: ToSidecarWorker = {
    type: 'job',
    job,
    doc: sidecar.id,
    header,
    deliver: serverInWorker || deliver.method === 'keep' ? deliver : { method: 'text' },
  };
  if (before) message.changes = changesBetween(before, sidecar.data);
  else message.reset = allSpans(sidecar.data);
  return new Promise((resolve, reject) => {
    pending.set(job, { resolve, reject, sidecar, deliver });
    post(message);
  });
}

function post(message: ToSidecarWorker): void {
  worker?.postMessage(message);
}

function answer(message: FromSidecarWorker): void {
  const job = pending.get(message.job);
  if (!job) return;
  pending.delete(message.job);
  if (message.done) {
    // The desktop: the worker made the text, the bridge takes it from here.
    if (message.text !== undefined) job.resolve(deliverText(message.text, job.deliver));
    else job.resolve(message.result);
  } else if (job.deliver.method === 'keep') {
    // A part of a document handed over went wrong: the next job sends everything.
    sentToWorker.delete(job.sidecar.id);
    job.resolve(undefined);
  } else if ('lost' in message) {
    console.warn(`tahrir: the sidecar worker lost track of ${job.sidecar.id} (${message.lost}); starting it over`);
    sentToWorker.delete(job.sidecar.id);
    onThisPage(job.sidecar, job.deliver).then(job.resolve, job.reject);
  } else {
    job.reject(TahrirError.fromData(message.error));
  }
}

/** The worker is gone: what it had not answered is done on this page, and so is everything after. */
function giveUpWorker(why: string): void {
  console.warn(`tahrir: ${why}; saving on the page`);
  worker?.terminate();
  worker = null;
  sentToWorker.clear();
  for (const handOver of handingOver.values()) handOver.cancelled = true;
  handingOver.clear();
  const left = [...pending.values()].filter((job) => job.deliver.method !== 'keep');
  pending.clear();
  for (const job of left) onThisPage(job.sidecar, job.deliver).then(job.resolve, job.reject);
}

function onThisPage(sidecar: SidecarToWrite, deliver: SidecarDelivery): Promise<unknown> {
  let text: string;
  try {
    text = textOnPage(sidecar);
  } catch (e) {
    return Promise.reject(e);
  }
  return deliverText(text, deliver);
}

function textOnPage(sidecar: SidecarToWrite): string {
  const header = headerOf(sidecar.base, sidecar.data, sidecar.updatedAt, sidecar.annotator);
  const kept = onPage.get(sidecar.id);
  if (kept) {
    try {
      const changes = changesBetween(kept.data, sidecar.data);
      for (const list of SPAN_LISTS) {
        const c = changes[list];
        if (c) kept.text.apply(list, c);
      }
      kept.data = sidecar.data;
      remember(onPage, sidecar.id, kept);
      return kept.text.text(header);
    } catch (e) {
      console.warn(`tahrir: lost track of the spans of ${sidecar.id} (${(e as Error).message}); starting it over`);
    }
  }
  const text = new SidecarText();
  text.reset(allSpans(sidecar.data));
  remember(onPage, sidecar.id, { data: sidecar.data, text });
  return text.text(header);
}

function deliverText(text: string, deliver: SidecarDelivery): Promise<unknown> {
  if (deliver.method === 'keep') return Promise.resolve(undefined);
  if (deliver.method === 'saveSidecar') return getApi().saveSidecar(deliver.id, text, deliver.revision);
  if (deliver.method === 'writeRecovery') return getApi().writeRecovery(deliver.id, text);
  return Promise.resolve(text);
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
  return { edits: Object.values(data.edits), entities: Object.values(data.entities), quotes: Object.values(data.quotes) };
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
