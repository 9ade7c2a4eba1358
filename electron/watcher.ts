// Watches the workspace for changes made by others (a git pull, a sync folder, a colleague's
// editor) and tells the UI which document changed: `sidecar-changed`, `text-changed`,
// `document-removed`, `documents-changed`. Our own saves are recognised by the sha256 of the
// bytes we wrote and stay silent; temporary files (atomic saves, editors' swap files) are ignored.
import { createHash } from 'node:crypto';
import { watch, type Dirent, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { TahrirEvent } from '../shared/api';
import {
  CONFIG_FILE,
  documentIdOf,
  documentIdOfSidecar,
  isSidecarFileName,
  isTextFileName,
} from '../shared/workspace-layout';

export interface WorkspaceWatcherOptions {
  /** Quiet time before a burst of file events is reported (ms). */
  debounceMs?: number;
  /** Longest a busy burst may delay the report (ms). */
  maxWaitMs?: number;
  /** Called when watching fails (e.g. the workspace folder vanished). */
  onError?: (error: Error) => void;
  /**
   * One watch per folder instead of one recursive watch. Default on Linux: Node 20's recursive
   * watch there stops seeing a file once it was replaced by a rename (as every atomic save does).
   */
  perFolder?: boolean;
  /**
   * Handed each folder's entries as the first walk (start) reads them, its watch already in place
   * (workspace-relative folder, '' for the root): the first listing walks none of them again.
   */
  onFolder?: (rel: string, entries: Dirent[]) => void;
}

/** What a path inside the workspace is, in the users' words. */
export type WatchedPathKind =
  | { kind: 'text'; id: string }
  | { kind: 'sidecar'; id: string }
  | { kind: 'config' }
  | { kind: 'ignored' }
  | { kind: 'other' };

/** Folders the watch's walk reads at a time (see watchTree). */
const WALK_READS = 2;

const TEMP_NAME = /\.(tmp|temp|swp|swx|part|crdownload)$/i;
const TEMP_INFIX = /\.tmp[-.]/i;

/**
 * Classifies a workspace-relative path (`/` or platform separators). Temp files, hidden
 * files and folders (`.git`, the recovery journal) are ignored.
 */
export function classifyWorkspacePath(relPath: string): WatchedPathKind {
  const parts = relPath.split(/[\\/]/).filter((p) => p !== '');
  if (parts.length === 0) return { kind: 'other' };
  const name = parts[parts.length - 1];
  if (parts.some((p) => p.startsWith('.'))) return { kind: 'ignored' };
  if (TEMP_NAME.test(name) || TEMP_INFIX.test(name) || name.endsWith('~') || name.startsWith('#')) {
    return { kind: 'ignored' };
  }
  if (parts.includes('node_modules')) return { kind: 'ignored' };
  const id = parts.join('/');
  if (parts.length === 1 && name === CONFIG_FILE) return { kind: 'config' };
  if (isSidecarFileName(name)) return { kind: 'sidecar', id: documentIdOfSidecar(id) };
  if (isTextFileName(name)) return { kind: 'text', id: documentIdOf(id) };
  return { kind: 'other' };
}

/**
 * classifyWorkspacePath's kind of `rel`, a file or folder `name` in a folder that is itself not
 * ignored: only the name's own part is looked at (the walk of 100,000 documents split and tested
 * every path whole: 0.2–0.3 s). Its id, for a text, is documentIdOf(rel).
 */
export function classifyChild(rel: string, name: string): WatchedPathKind['kind'] {
  if (name.includes('\\')) return classifyWorkspacePath(rel).kind; // a backslash splits a path there
  if (name.startsWith('.') || name === 'node_modules') return 'ignored';
  if (TEMP_NAME.test(name) || TEMP_INFIX.test(name) || name.endsWith('~') || name.startsWith('#')) return 'ignored';
  if (rel === CONFIG_FILE) return 'config';
  if (isSidecarFileName(name)) return 'sidecar';
  if (isTextFileName(name)) return 'text';
  return 'other';
}

/**
 * The texts known to exist (their ids), by folder. The first walk keeps a folder's file names as it read them, and
 * they are made ids only when a change in that folder asks: 100,000 ids made, classified and hashed at open were
 * ~0.1–0.2 s of a loaded machine's CPU while the first listing waited, for changes that mostly never come.
 */
export class KnownTexts {
  /** Folder (workspace-relative, '' for the root) → its texts' ids, or the names of its files as read. */
  private readonly folders = new Map<string, Set<string> | string[]>();

  /** The names of the files (not folders) in `dir`, a folder that is not ignored, as read. */
  learnFolder(dir: string, names: string[]): void {
    if (!this.folders.has(dir)) this.folders.set(dir, names);
    else {
      const ids = this.idsOf(dir);
      for (const name of names) this.learnName(dir, name, ids);
    }
  }

  has(id: string): boolean {
    return this.folders.has(folderOf(id)) && this.idsOf(folderOf(id)).has(id);
  }

  add(id: string): void {
    this.idsOf(folderOf(id)).add(id);
  }

  /** Forgets `id`: was it known? */
  delete(id: string): boolean {
    return this.folders.has(folderOf(id)) && this.idsOf(folderOf(id)).delete(id);
  }

  /** The texts in `rel` and the folders below it ('' for all of them). */
  countUnder(rel: string): number {
    let count = 0;
    for (const dir of this.foldersUnder(rel)) count += this.idsOf(dir).size;
    return count;
  }

  /** Forgets the texts in `rel` and below it ('' for all of them): their ids. */
  takeUnder(rel: string): string[] {
    const ids: string[] = [];
    for (const dir of this.foldersUnder(rel)) {
      ids.push(...this.idsOf(dir));
      this.folders.delete(dir);
    }
    return ids;
  }

  private foldersUnder(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.folders.keys()].filter((dir) => rel === '' || dir === rel || dir.startsWith(prefix));
  }

  private idsOf(dir: string): Set<string> {
    const known = this.folders.get(dir);
    if (known instanceof Set) return known;
    const ids = new Set<string>();
    for (const name of known ?? []) this.learnName(dir, name, ids);
    this.folders.set(dir, ids);
    return ids;
  }

  private learnName(dir: string, name: string, ids: Set<string>): void {
    const rel = dir ? `${dir}/${name}` : name;
    if (classifyChild(rel, name) === 'text') ids.add(documentIdOf(rel));
  }
}

/** The folder of the document `id` ('' for the root). */
function folderOf(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash < 0 ? '' : id.slice(0, slash);
}

async function sha256Of(path: string): Promise<string | null> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch {
    return null; // gone (or unreadable): reported as removed
  }
}

export class WorkspaceWatcher {
  private readonly root: string;
  private readonly emit: (event: TahrirEvent) => void;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly onError?: (error: Error) => void;
  private readonly perFolder: boolean;
  private onFolder?: (rel: string, entries: Dirent[]) => void;
  private watchers: FSWatcher[] = [];
  /** Per-folder mode: the watch of each folder (workspace-relative, '' for the root). */
  private readonly watchedDirs = new Map<string, FSWatcher>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt = 0;
  /** sha256 of each file's bytes as we last wrote or reported them (workspace-relative `/` paths). */
  private readonly known = new Map<string, string>();
  /** sha256 of the bytes of writes of ours under way (beginWriting … endWriting), per workspace-relative path. */
  private readonly writing = new Map<string, Set<string>>();
  /** Text files (ids) known to exist, to report documents inside a removed folder. */
  private readonly texts = new KnownTexts();
  private closed = false;
  private flushing: Promise<void> = Promise.resolve();
  /** Changes seen on disk (raw, before any report), ignored paths left out: did anything change since? */
  changesSeen = 0;

  constructor(root: string, emit: (event: TahrirEvent) => void, options: WorkspaceWatcherOptions = {}) {
    this.root = root;
    this.emit = emit;
    this.debounceMs = options.debounceMs ?? 150;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.onError = options.onError;
    this.perFolder = options.perFolder ?? process.platform === 'linux';
    this.onFolder = options.onFolder;
  }

  /** Starts watching; resolves once the watch is in place and the existing texts are known. */
  async start(): Promise<void> {
    // Per folder, one walk both watches the folders and learns the texts (two walks of a
    // 100,000-document workspace cost a second of the first listing's, which runs meanwhile).
    if (this.perFolder) return this.watchTree('', true).finally(() => (this.onFolder = undefined));
    await this.scan('');
    this.onFolder = undefined; // before the watch: a change meanwhile is not seen, so none is handed on
    try {
      // Native recursive watching (macOS, Windows).
      const w = watch(this.root, { recursive: true }, (_event, name) => this.onRaw(name));
      w.on('error', (e) => this.fail(e));
      this.watchers.push(w);
    } catch {
      // Older runtimes: one watcher per folder, new folders added as they appear.
      await this.watchTree('');
    }
  }

  /** Stops watching and drops pending reports. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.watchers) w.close();
    this.watchers = [];
    for (const w of this.watchedDirs.values()) w.close();
    this.watchedDirs.clear();
    this.pending.clear();
  }

  /**
   * Records the bytes of a file we just wrote (or read): a change event whose content has this
   * sha256 is our own and is not reported. `relPath` is relative to the workspace.
   */
  noteContent(relPath: string, sha256: string): void {
    this.known.set(relPath.split(sep).join('/'), sha256);
  }

  /**
   * A write of ours with these bytes is under way: its change event is ours even when it is handled before the write
   * is done and noted (noteContent). Under load the event of a save's rename came first, and the editor was told its
   * own save was another program's (the external-change dialog over unsaved work). Until endWriting().
   */
  beginWriting(relPath: string, sha256: string): void {
    const rel = relPath.split(sep).join('/');
    const shas = this.writing.get(rel) ?? new Set<string>();
    shas.add(sha256);
    this.writing.set(rel, shas);
  }

  endWriting(relPath: string, sha256: string): void {
    const rel = relPath.split(sep).join('/');
    const shas = this.writing.get(rel);
    shas?.delete(sha256);
    if (shas?.size === 0) this.writing.delete(rel);
  }

  /** Waits for any report in progress (tests and orderly shutdown). */
  async settled(): Promise<void> {
    await this.flushing;
  }

  private async scan(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(join(this.root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      const what = classifyWorkspacePath(rel);
      if (what.kind === 'ignored') continue;
      if (e.isDirectory()) await this.scan(rel);
      else if (what.kind === 'text') this.texts.add(what.id);
    }
  }

  /**
   * Watches `top` and the folders below it; with `learn`, also notes the texts in them (as scan). WALK_READS folders
   * are read at a time: one after the other, the walk waited on each read (100,000 documents in 200 folders: ~0.3 s
   * of a loaded machine's 1.1 s walk), and more at once would keep the page's own files waiting (serve reads them
   * on the same threads).
   */
  private watchTree(top: string, learn = false): Promise<void> {
    const queue = [top];
    return new Promise<void>((resolve) => {
      let running = 0;
      const next = () => {
        while (running < WALK_READS && queue.length > 0) {
          running++;
          void this.watchFolder(queue.pop()!, learn, queue).finally(() => {
            running--;
            next();
          });
        }
        if (running === 0) resolve();
      };
      next();
    });
  }

  /** Watches `dir`, then reads it: its folders go into `below`; with `learn`, its texts are noted. */
  private async watchFolder(dir: string, learn: boolean, below: string[]): Promise<void> {
    if (this.closed || this.watchedDirs.has(dir)) return;
    try {
      const w = watch(join(this.root, dir), (_event, name) =>
        this.onRaw(name ? (dir ? `${dir}/${name}` : String(name)) : dir),
      );
      w.on('error', (e) => (dir === '' ? this.fail(e) : undefined));
      this.watchedDirs.set(dir, w);
      const entries = await readdir(join(this.root, dir), { withFileTypes: true });
      if (learn) this.onFolder?.(dir, entries);
      const files: string[] = [];
      for (const e of entries) {
        if (!e.isDirectory()) files.push(e.name);
        else {
          const rel = dir ? `${dir}/${e.name}` : e.name;
          if (classifyChild(rel, e.name) !== 'ignored') below.push(rel);
        }
      }
      if (learn) this.texts.learnFolder(dir, files);
    } catch {
      // The folder vanished while we looked at it: its removal is reported by its parent.
    }
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.onError?.(error);
    this.emit({ type: 'documents-changed' });
  }

  private onRaw(name: string | Buffer | null): void {
    if (this.closed) return;
    const rel = name === null ? '' : String(name).split(sep).join('/');
    if (rel !== '' && classifyWorkspacePath(rel).kind === 'ignored') return;
    this.changesSeen++;
    this.pending.add(rel);
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    else this.firstPendingAt = now;
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      const batch = this.pending;
      this.pending = new Set();
      // Reports go out in order, one batch at a time.
      this.flushing = this.flushing
        .then(() => this.report(batch))
        .catch((e: unknown) => this.onError?.(e instanceof Error ? e : new Error(String(e))));
    }, wait);
  }

  private async report(batch: Set<string>): Promise<void> {
    const events: TahrirEvent[] = [];
    const seen = new Set<string>();
    let listChanged = false;
    const push = (e: TahrirEvent) => {
      const key = JSON.stringify(e);
      if (!seen.has(key)) {
        seen.add(key);
        events.push(e);
      }
    };
    for (const rel of batch) {
      const abs = join(this.root, rel);
      const info = await stat(abs).catch(() => null);
      if (rel === '' && !info) {
        // The workspace folder itself vanished: every document is gone from view, files are not ours to recreate.
        for (const id of this.texts.takeUnder('')) push({ type: 'document-removed', id });
        listChanged = true;
        continue;
      }
      if (info?.isDirectory()) {
        if (rel === '') continue;
        const before = this.texts.countUnder(rel);
        // A folder that appeared: watched before it is listed, so a file written into it meanwhile is
        // in the listing or reported by the watch (listed first, one written between the listing and the
        // watch was never seen: a checkout's or a copy's files land just then).
        if (this.watchedDirs.size > 0 && !this.watchedDirs.has(rel)) await this.watchTree(rel, true);
        else await this.scan(rel);
        if (this.texts.countUnder(rel) !== before) listChanged = true;
        continue;
      }
      const what = classifyWorkspacePath(rel);
      if (what.kind === 'text' || what.kind === 'sidecar') {
        const sha = info ? await sha256Of(abs) : null;
        if (sha !== null && this.writing.get(rel)?.has(sha)) {
          this.known.set(rel, sha); // a write of ours under way
          continue;
        }
        if (sha !== null && this.known.get(rel) === sha) continue; // our own write, or no real change
        if (sha === null) this.known.delete(rel);
        else this.known.set(rel, sha);
        if (what.kind === 'sidecar') {
          push({ type: 'sidecar-changed', id: what.id });
          listChanged = true; // counts and status in the list
        } else if (sha === null) {
          if (this.texts.delete(what.id)) push({ type: 'document-removed', id: what.id });
          listChanged = true;
        } else if (this.texts.has(what.id)) {
          push({ type: 'text-changed', id: what.id });
        } else {
          this.texts.add(what.id);
          listChanged = true;
        }
      } else if (what.kind === 'config') {
        listChanged = true;
      } else if (!info) {
        // A folder (or something unknown) removed: its documents went with it, and its watches
        // (a folder made again under the same name is watched afresh).
        const prefix = `${rel}/`;
        for (const [dir, w] of [...this.watchedDirs]) {
          if (dir === rel || dir.startsWith(prefix)) {
            w.close();
            this.watchedDirs.delete(dir);
          }
        }
        for (const id of this.texts.takeUnder(rel)) {
          push({ type: 'document-removed', id });
          listChanged = true;
        }
      }
    }
    if (listChanged) push({ type: 'documents-changed' });
    if (this.closed) return;
    for (const e of events) this.emit(e);
  }
}
