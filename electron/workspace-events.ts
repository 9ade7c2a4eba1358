// External changes to a workspace (another program, a git pull) and its export jobs' progress,
// as TahrirEvents to every listener; the Backend's own saves stay silent (noteContent). The
// watch starts with the first listener and stops with the last.
import type { Dirent } from 'node:fs';
import type { TahrirEvent } from '../shared/api';
import { WorkspaceWatcher } from './watcher';

export class WorkspaceEvents {
  private readonly listeners = new Set<(event: TahrirEvent) => void>();
  private watcher: WorkspaceWatcher | null = null;
  private started: Promise<void> = Promise.resolve();

  /** `onChange` hears every change on disk first (the site templates follow them), listeners or not. */
  constructor(
    private readonly root: string,
    private readonly onChange: (event: TahrirEvent) => void = () => {},
  ) {}

  listen(listener: (event: TahrirEvent) => void): () => void {
    return this.listenReading(listener, () => undefined).stop;
  }

  /**
   * listen(), and when this starts the watch, `onFolder` handed the entries of each folder its first
   * walk reads (until watching() resolves; `handing` says so), each read after that folder's watch was
   * in place: a change there after it is counted in changesSeen(), from 0.
   */
  listenReading(
    listener: (event: TahrirEvent) => void,
    onFolder: (rel: string, entries: Dirent[]) => void,
  ): { stop: () => void; handing: boolean } {
    this.listeners.add(listener);
    const handing = !this.watcher;
    if (!this.watcher) {
      // Node 20's recursive watch on Linux stops seeing a file once it was replaced by a rename
      // (as every atomic save does): per-folder watching sees every change there.
      const watcher = new WorkspaceWatcher(
        this.root,
        (event) => {
          this.onChange(event);
          this.emit(event);
        },
        { perFolder: process.platform === 'linux', onFolder },
      );
      this.watcher = watcher;
      this.started = watcher.start().catch(() => undefined);
    }
    const stop = () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
    return { stop, handing };
  }

  /** Resolves once the watch the first listener started is in place: a change made after it is reported. */
  watching(): Promise<void> {
    return this.started;
  }

  /**
   * Changes the watch has seen on disk so far (reported or not yet): the same count twice, and
   * nothing changed between; null while nothing is watched.
   */
  changesSeen(): number | null {
    return this.watcher ? this.watcher.changesSeen : null;
  }

  emit(event: TahrirEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  /** This content of `file` (sha256) is ours (read or written by the Backend): no event for it. */
  noteContent(file: string, sha256: string): void {
    this.watcher?.noteContent(file, sha256);
  }

  /** This content of `file` is being written by the Backend: ours until endWriting(), whenever its event comes. */
  beginWriting(file: string, sha256: string): void {
    this.watcher?.beginWriting(file, sha256);
  }

  endWriting(file: string, sha256: string): void {
    this.watcher?.endWriting(file, sha256);
  }

  close(): void {
    this.listeners.clear();
    this.stopWatching();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}
