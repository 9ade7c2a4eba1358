// Autosave: debounced after each change, flushed before another document opens and
// when the window goes away. A failed save keeps the change in memory, tells the
// editor and retries with backoff; every change is journaled at once (writeRecovery)
// so a crash loses nothing. The sidecar's text is built and sent off the page's main thread
// (sidecar-writer.ts): on a long document that costs what one keypress changed, not the document.
import type { Sidecar } from '../../shared/model';
import type { TahrirErrorData } from '../../shared/errors';
import { sidecarFromData, spanCount, type DocumentData } from '../../shared/document-data';
import { nowStamp } from '../../shared/timestamp';
import type { SidecarToWrite } from './sidecar-writer';
import { session, type EditorSession } from './session';
import { annotatorOf } from './annotator-name';

export interface AutosaveOptions {
  debounceMs: number;
  /** Delay before a change is written for recovery: just past the frame that paints it. */
  recoveryDelayMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
}

// The journal waits long enough to leave the keypress's frame, short enough that a crash loses nothing typed.
const DEFAULTS: AutosaveOptions = { debounceMs: 400, recoveryDelayMs: 100, firstRetryMs: 1000, maxRetryMs: 30_000 };

/** A document switched away from with its last changes unsaved: kept and retried until saved. */
interface Unsaved {
  base: Sidecar;
  data: DocumentData;
  revision: string | null;
  attempt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

export function toErrorData(e: unknown): TahrirErrorData {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const { code, message, file, said } = e as TahrirErrorData;
    return { code, message: String(message), ...(file ? { file } : {}), ...(said ? { said } : {}) };
  }
  return { code: 'io', message: e instanceof Error ? e.message : String(e) };
}

/** How long work waits for an idle moment at most (a steady stream of keypresses leaves none). */
const IDLE_TIMEOUT_MS = 250;

/** One session's autosave: its timers, retries, the queue saves and recovery copies wait in, documents left unsaved. */
export class Autosave {
  private options = DEFAULTS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private chain: Promise<boolean> = Promise.resolve(true);
  private unsubscribe: (() => void) | null = null;
  private readonly unsaved = new Map<string, Unsaved>();
  private readonly idle = new Map<string, number>();
  /**
   * The page is going away: the next save is built and sent within this task (a round trip to the worker would not
   * finish).
   */
  private leaving = false;
  private recoveryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Another workspace is being opened: no retry may be sent (see holdRetries). */
  private retriesHeld = false;

  constructor(private readonly session: EditorSession) {}

  private get store() {
    return this.session.store;
  }

  /** The writer named in the sidecar: the editor's annotator ('' when none, so the last writer is not claimed). */
  private annotator(): string {
    const s = this.store.getState();
    return annotatorOf(s.annotator, s.workspace);
  }

  currentSidecar(): Sidecar | null {
    const s = this.store.getState();
    if (!s.doc || !s.data) return null;
    return sidecarFromData(s.doc.base, s.data, nowStamp(), this.annotator());
  }

  private toWrite(id: string, base: Sidecar, data: DocumentData): SidecarToWrite {
    return { id, base, data, updatedAt: nowStamp(), annotator: this.annotator() };
  }

  /** Journal the open document's unsaved changes; queued with the saves so the two never interleave. */
  private writeRecoveryNow = (): void => {
    this.chain = this.chain.then(async () => {
      const s = this.store.getState();
      if (!s.doc || !s.data || s.doc.readOnly || s.save.state === 'saved') return true;
      await this.session.sidecars
        .writeRecovery(this.toWrite(s.doc.id, s.doc.base, s.data))
        .catch((e: unknown) => console.warn('tahrir: could not write the recovery copy of unsaved changes', e));
      return true;
    });
  };

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.whenIdle('save', () => void this.saveNow());
    }, ms);
  }

  /**
   * Runs `work` when the page is idle, outside the frames that paint keypresses (at once where there is no
   * requestIdleCallback).
   */
  private whenIdle(key: string, work: () => void): void {
    if (typeof requestIdleCallback !== 'function') return work();
    if (this.idle.has(key)) return;
    this.idle.set(
      key,
      requestIdleCallback(
        () => {
          this.idle.delete(key);
          work();
        },
        { timeout: IDLE_TIMEOUT_MS },
      ),
    );
  }

  private backoff(n: number): number {
    return Math.min(this.options.firstRetryMs * 2 ** Math.max(0, n - 1), this.options.maxRetryMs);
  }

  private saveOnce = async (): Promise<boolean> => {
    const closing = this.leaving;
    this.leaving = false;
    const store = this.store;
    const s = store.getState();
    if (!s.doc || !s.data || s.doc.readOnly || s.save.state === 'saved') return true;
    const { id } = s.doc;
    const data = s.data;
    const sidecar = this.toWrite(id, s.doc.base, data);
    store.setState({ save: { state: 'saving', error: null, retryAt: null } });
    try {
      const { revision } = await this.session.sidecars.save(sidecar, s.revision, { onThisPage: closing });
      this.attempt = 0;
      const now = store.getState();
      if (now.doc?.id === id) {
        const still = now.data === data;
        store.setState({ revision, save: { state: still ? 'saved' : 'dirty', error: null, retryAt: null } });
        if (!still) this.schedule(this.options.debounceMs);
      }
      this.noteSaved(id, data);
      return true;
    } catch (e) {
      const error = toErrorData(e);
      const now = store.getState();
      if (now.doc?.id !== id) return false;
      this.attempt++;
      // A stale revision will not heal by waiting: the editor decides (keep mine / reload).
      const retryIn = error.code === 'stale-revision' ? null : this.backoff(this.attempt);
      store.setState({ save: { state: 'error', error, retryAt: retryIn === null ? null : Date.now() + retryIn } });
      if (retryIn !== null) this.schedule(retryIn);
      return false;
    }
  };

  /** Saves the open document now if it has unsaved changes; true when nothing is left unsaved. */
  saveNow(): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.chain = this.chain.then(this.saveOnce, this.saveOnce);
    return this.chain;
  }

  /** Refresh the list's status and counts for a saved document without asking the back end. */
  private noteSaved(id: string, data: DocumentData): void {
    const docs = this.store.getState().documents;
    const i = docs.findIndex((d) => d.id === id);
    if (i < 0) return;
    const now = {
      status: data.document.status,
      entities: spanCount(data.entities),
      quotes: spanCount(data.quotes),
      edits: spanCount(data.edits),
    };
    const was = docs[i];
    // Unchanged counts leave the list alone: re-rendering it repaints a long document's page too.
    if (
      was.status === now.status &&
      was.entities === now.entities &&
      was.quotes === now.quotes &&
      was.edits === now.edits
    )
      return;
    const next = [...docs];
    next[i] = { ...was, ...now };
    this.store.setState({ documents: next });
  }

  /**
   * Before another document opens: save; if that fails, keep the changes aside and
   * keep retrying them in the background (reopening the document picks them up).
   */
  async flushBeforeSwitch(): Promise<void> {
    const ok = await this.saveNow();
    const s = this.store.getState();
    if (ok && s.doc) this.session.sidecars.forget(s.doc.id);
    if (ok || !s.doc || !s.data) return;
    const entry: Unsaved = { base: s.doc.base, data: s.data, revision: s.revision, attempt: 1, timer: null };
    this.unsaved.set(s.doc.id, entry);
    this.retryUnsaved(s.doc.id, entry);
  }

  /**
   * Holds the retries of documents switched away from unsaved: the host is about to open another
   * workspace, and a retry landing after that would save this workspace's changes into the other
   * one's document of the same id. The changes stay queued (and in the journal).
   */
  holdRetries(): void {
    this.retriesHeld = true;
    for (const entry of this.unsaved.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
    }
  }

  /** The switch did not happen: retry again. */
  releaseRetries(): void {
    this.retriesHeld = false;
    for (const [id, entry] of this.unsaved) if (!entry.timer) this.retryUnsaved(id, entry);
  }

  private retryUnsaved(id: string, entry: Unsaved): void {
    if (this.retriesHeld) return;
    entry.timer = setTimeout(async () => {
      entry.timer = null;
      if (this.unsaved.get(id) !== entry || this.retriesHeld) return;
      try {
        await this.session.sidecars.save(this.toWrite(id, entry.base, entry.data), entry.revision);
        this.unsaved.delete(id);
        this.noteSaved(id, entry.data);
        if (this.store.getState().doc?.id !== id) this.session.sidecars.forget(id);
      } catch {
        entry.attempt++;
        this.retryUnsaved(id, entry);
      }
    }, this.backoff(entry.attempt));
  }

  /** Changes kept aside for a document switched away from unsaved; removed from the retry queue. */
  takeUnsaved(id: string): { data: DocumentData; revision: string | null } | null {
    const entry = this.unsaved.get(id);
    if (!entry) return null;
    if (entry.timer) clearTimeout(entry.timer);
    this.unsaved.delete(id);
    return { data: entry.data, revision: entry.revision };
  }

  unsavedDocuments(): string[] {
    return [...this.unsaved.keys()];
  }

  /** Window closing: start the save (it cannot be awaited); the recovery copy already holds the changes. */
  saveOnExit(): void {
    const s = this.store.getState();
    if (s.save.state === 'saved') return;
    this.leaving = true;
    void this.saveNow();
  }

  /** Marks the open document changed (after a restore, or unsaved changes picked up again) and schedules a save. */
  markChanged(): void {
    const s = this.store.getState();
    if (!s.doc || s.doc.readOnly || !s.data) return;
    if (s.save.state !== 'dirty') this.store.setState({ save: { state: 'dirty', error: null, retryAt: null } });
    this.scheduleJournal();
    this.schedule(this.options.debounceMs);
  }

  /**
   * Journal the change right after this task (not inside it): building and sending a
   * long document's sidecar must not delay the frame that paints the keypress.
   */
  private scheduleJournal(): void {
    if (this.recoveryTimer) return;
    this.recoveryTimer = setTimeout(() => {
      this.recoveryTimer = null;
      this.whenIdle('recovery', this.writeRecoveryNow);
    }, this.options.recoveryDelayMs);
  }

  start(overrides: Partial<AutosaveOptions> = {}): () => void {
    this.stop();
    this.options = { ...DEFAULTS, ...overrides };
    const store = this.store;
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.doc && s.data && s.doc !== prev.doc && !s.doc.readOnly) {
        const { id, base } = s.doc;
        this.whenIdle('keep', () => {
          const now = store.getState();
          if (now.doc?.id === id && now.data) this.session.sidecars.keep(this.toWrite(id, base, now.data));
        });
      }
      if (s.data === prev.data || !s.data || !s.doc || s.doc !== prev.doc) return;
      this.markChanged();
    });
    return () => this.stop();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
    this.recoveryTimer = null;
    for (const handle of this.idle.values()) cancelIdleCallback(handle);
    this.idle.clear();
    for (const entry of this.unsaved.values()) if (entry.timer) clearTimeout(entry.timer);
    this.unsaved.clear();
    this.attempt = 0;
    this.chain = Promise.resolve(true);
  }

  /** Stale revision: the editor keeps their version, written over what is on disk now. */
  async keepMineOverDisk(): Promise<void> {
    const store = this.store;
    const s = store.getState();
    if (!s.doc) return;
    try {
      const onDisk = await this.session.api.openDocument(s.doc.id);
      if (store.getState().doc?.id !== s.doc.id) return;
      store.setState({ revision: onDisk.revision, save: { state: 'dirty', error: null, retryAt: null } });
      await this.saveNow();
    } catch (e) {
      store.setState({ save: { state: 'error', error: toErrorData(e), retryAt: null } });
    }
  }
}

// The current session's autosave, for components and event listeners.
export const currentSidecar = (): Sidecar | null => session().autosave.currentSidecar();
export const saveNow = (): Promise<boolean> => session().autosave.saveNow();
export const flushBeforeSwitch = (): Promise<void> => session().autosave.flushBeforeSwitch();
export const takeUnsaved = (id: string): { data: DocumentData; revision: string | null } | null =>
  session().autosave.takeUnsaved(id);
export const unsavedDocuments = (): string[] => session().autosave.unsavedDocuments();
export const saveOnExit = (): void => session().autosave.saveOnExit();
export const markChanged = (): void => session().autosave.markChanged();
export const startAutosave = (overrides: Partial<AutosaveOptions> = {}): (() => void) =>
  session().autosave.start(overrides);
export const stopAutosave = (): void => session().autosave.stop();
export const keepMineOverDisk = (): Promise<void> => session().autosave.keepMineOverDisk();
