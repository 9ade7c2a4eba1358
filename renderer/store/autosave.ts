// Autosave: debounced after each change, flushed before another document opens and
// when the window goes away. A failed save keeps the change in memory, tells the
// editor and retries with backoff; every change is journaled at once (writeRecovery)
// so a crash loses nothing. The sidecar's text is built and sent off the page's main thread
// (sidecar-writer.ts): on a long document that costs what one keypress changed, not the document.
import type { Sidecar } from '../../shared/model';
import type { TahrirErrorData } from '../../shared/errors';
import { getApi } from './api-connection';
import { nowStamp, sidecarFromData, type DocumentData } from './document-data';
import { forgetSidecar, journalSidecarText, keepSidecar, saveSidecarText, type SidecarToWrite } from './sidecar-writer';
import { store } from './store';

export interface AutosaveOptions {
  debounceMs: number;
  /** Delay before a change is journaled: just past the frame that paints it. */
  journalDelayMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
}

// The journal waits long enough to leave the keypress's frame, short enough that a crash loses nothing typed.
const DEFAULTS: AutosaveOptions = { debounceMs: 400, journalDelayMs: 100, firstRetryMs: 1000, maxRetryMs: 30_000 };

/** A document switched away from with its last changes unsaved: kept and retried until saved. */
interface Unsaved {
  base: Sidecar;
  data: DocumentData;
  revision: string | null;
  attempt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

let options = DEFAULTS;
let timer: ReturnType<typeof setTimeout> | null = null;
let attempt = 0;
let chain: Promise<boolean> = Promise.resolve(true);
let unsubscribe: (() => void) | null = null;
const unsaved = new Map<string, Unsaved>();

export function toErrorData(e: unknown): TahrirErrorData {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const { code, message, file } = e as TahrirErrorData;
    return { code, message: String(message), ...(file ? { file } : {}) };
  }
  return { code: 'io', message: e instanceof Error ? e.message : String(e) };
}

function annotator(): string | undefined {
  return store.getState().workspace?.config.annotator;
}

export function currentSidecar(): Sidecar | null {
  const s = store.getState();
  if (!s.doc || !s.data) return null;
  return sidecarFromData(s.doc.base, s.data, nowStamp(), annotator());
}

function toWrite(id: string, base: Sidecar, data: DocumentData): SidecarToWrite {
  return { id, base, data, updatedAt: nowStamp(), annotator: annotator() };
}

/** Journal the open document's unsaved changes; queued with the saves so the two never interleave. */
function journalNow(): void {
  chain = chain.then(async () => {
    const s = store.getState();
    if (!s.doc || !s.data || s.doc.readOnly || s.save.state === 'saved') return true;
    await journalSidecarText(toWrite(s.doc.id, s.doc.base, s.data)).catch((e: unknown) => console.warn('tahrir: could not journal unsaved changes', e));
    return true;
  });
}

function schedule(ms: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    whenIdle('save', () => void saveNow());
  }, ms);
}

/** How long work waits for an idle moment at most (a steady stream of keypresses leaves none). */
const IDLE_TIMEOUT_MS = 250;
const idle = new Map<string, number>();

/** Runs `work` when the page is idle, outside the frames that paint keypresses (at once where there is no requestIdleCallback). */
function whenIdle(key: string, work: () => void): void {
  if (typeof requestIdleCallback !== 'function') return work();
  if (idle.has(key)) return;
  idle.set(
    key,
    requestIdleCallback(
      () => {
        idle.delete(key);
        work();
      },
      { timeout: IDLE_TIMEOUT_MS },
    ),
  );
}

function backoff(n: number): number {
  return Math.min(options.firstRetryMs * 2 ** Math.max(0, n - 1), options.maxRetryMs);
}

/** The page is going away: the next save is built and sent within this task (a round trip to the worker would not finish). */
let leaving = false;

async function saveOnce(): Promise<boolean> {
  const closing = leaving;
  leaving = false;
  const s = store.getState();
  if (!s.doc || !s.data || s.doc.readOnly || s.save.state === 'saved') return true;
  const { id } = s.doc;
  const data = s.data;
  const sidecar = toWrite(id, s.doc.base, data);
  store.setState({ save: { state: 'saving', error: null, retryAt: null } });
  try {
    const { revision } = await saveSidecarText(sidecar, s.revision, { onThisPage: closing });
    attempt = 0;
    const now = store.getState();
    if (now.doc?.id === id) {
      const still = now.data === data;
      store.setState({ revision, save: { state: still ? 'saved' : 'dirty', error: null, retryAt: null } });
      if (!still) schedule(options.debounceMs);
    }
    noteSaved(id, data);
    return true;
  } catch (e) {
    const error = toErrorData(e);
    const now = store.getState();
    if (now.doc?.id !== id) return false;
    attempt++;
    // A stale revision will not heal by waiting: the editor decides (keep mine / reload).
    const retryIn = error.code === 'stale-revision' ? null : backoff(attempt);
    store.setState({ save: { state: 'error', error, retryAt: retryIn === null ? null : Date.now() + retryIn } });
    if (retryIn !== null) schedule(retryIn);
    return false;
  }
}

/** Saves the open document now if it has unsaved changes; true when nothing is left unsaved. */
export function saveNow(): Promise<boolean> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  chain = chain.then(saveOnce, saveOnce);
  return chain;
}

/** Refresh the list's status and counts for a saved document without asking the back end. */
function noteSaved(id: string, data: DocumentData): void {
  const docs = store.getState().documents;
  const i = docs.findIndex((d) => d.id === id);
  if (i < 0) return;
  const now = {
    status: data.document.status,
    entities: Object.keys(data.entities).length,
    quotes: Object.keys(data.quotes).length,
    edits: Object.keys(data.edits).length,
  };
  const was = docs[i];
  // Unchanged counts leave the list alone: re-rendering it repaints a long document's page too.
  if (was.status === now.status && was.entities === now.entities && was.quotes === now.quotes && was.edits === now.edits) return;
  const next = [...docs];
  next[i] = { ...was, ...now };
  store.setState({ documents: next });
}

/**
 * Before another document opens: save; if that fails, keep the changes aside and
 * keep retrying them in the background (reopening the document picks them up).
 */
export async function flushBeforeSwitch(): Promise<void> {
  const ok = await saveNow();
  const s = store.getState();
  if (ok && s.doc) forgetSidecar(s.doc.id);
  if (ok || !s.doc || !s.data) return;
  const entry: Unsaved = { base: s.doc.base, data: s.data, revision: s.revision, attempt: 1, timer: null };
  unsaved.set(s.doc.id, entry);
  retryUnsaved(s.doc.id, entry);
}

function retryUnsaved(id: string, entry: Unsaved): void {
  entry.timer = setTimeout(async () => {
    entry.timer = null;
    if (unsaved.get(id) !== entry) return;
    try {
      await saveSidecarText(toWrite(id, entry.base, entry.data), entry.revision);
      unsaved.delete(id);
      noteSaved(id, entry.data);
      if (store.getState().doc?.id !== id) forgetSidecar(id);
    } catch {
      entry.attempt++;
      retryUnsaved(id, entry);
    }
  }, backoff(entry.attempt));
}

/** Changes kept aside for a document switched away from unsaved; removed from the retry queue. */
export function takeUnsaved(id: string): { data: DocumentData; revision: string | null } | null {
  const entry = unsaved.get(id);
  if (!entry) return null;
  if (entry.timer) clearTimeout(entry.timer);
  unsaved.delete(id);
  return { data: entry.data, revision: entry.revision };
}

export function unsavedDocuments(): string[] {
  return [...unsaved.keys()];
}

/** Window closing: start the save (it cannot be awaited); the journal already holds the changes. */
export function saveOnExit(): void {
  const s = store.getState();
  if (s.save.state === 'saved') return;
  leaving = true;
  void saveNow();
}

/** Marks the open document changed (after a restore, or unsaved changes picked up again) and schedules a save. */
export function markChanged(): void {
  const s = store.getState();
  if (!s.doc || s.doc.readOnly || !s.data) return;
  if (s.save.state !== 'dirty') store.setState({ save: { state: 'dirty', error: null, retryAt: null } });
  scheduleJournal();
  schedule(options.debounceMs);
}

let journalTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Journal the change right after this task (not inside it): building and sending a
 * long document's sidecar must not delay the frame that paints the keypress.
 */
function scheduleJournal(): void {
  if (journalTimer) return;
  journalTimer = setTimeout(() => {
    journalTimer = null;
    whenIdle('journal', journalNow);
  }, options.journalDelayMs);
}

export function startAutosave(overrides: Partial<AutosaveOptions> = {}): () => void {
  stopAutosave();
  options = { ...DEFAULTS, ...overrides };
  unsubscribe = store.subscribe((s, prev) => {
    if (s.doc && s.data && s.doc !== prev.doc && !s.doc.readOnly) {
      const { id, base } = s.doc;
      whenIdle('keep', () => {
        const now = store.getState();
        if (now.doc?.id === id && now.data) keepSidecar(toWrite(id, base, now.data));
      });
    }
    if (s.data === prev.data || !s.data || !s.doc || s.doc !== prev.doc) return;
    markChanged();
  });
  return stopAutosave;
}

export function stopAutosave(): void {
  unsubscribe?.();
  unsubscribe = null;
  if (timer) clearTimeout(timer);
  timer = null;
  if (journalTimer) clearTimeout(journalTimer);
  journalTimer = null;
  for (const handle of idle.values()) cancelIdleCallback(handle);
  idle.clear();
  for (const entry of unsaved.values()) if (entry.timer) clearTimeout(entry.timer);
  unsaved.clear();
  attempt = 0;
  chain = Promise.resolve(true);
}

/** Stale revision: the editor keeps their version, written over what is on disk now. */
export async function keepMineOverDisk(): Promise<void> {
  const s = store.getState();
  if (!s.doc) return;
  try {
    const onDisk = await getApi().openDocument(s.doc.id);
    if (store.getState().doc?.id !== s.doc.id) return;
    store.setState({ revision: onDisk.revision, save: { state: 'dirty', error: null, retryAt: null } });
    await saveNow();
  } catch (e) {
    store.setState({ save: { state: 'error', error: toErrorData(e), retryAt: null } });
  }
}
