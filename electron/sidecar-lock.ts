// The lock that makes a sidecar's revision check and rename one step across processes: two
// `tahrir serve`, the app and `tahrir import`, the app and a colleague's editor on a shared
// folder. A lock file beside the sidecar (`.<name>.lock`, a dot-file, so listing and watching
// skip it) is created with O_EXCL and holds who took it; the others wait. A lock left by a
// crash is taken over: its process is gone from this host, or it is older than any save takes.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { TahrirError } from '../shared/errors';
import { errnoOf, toTahrirError } from './io-error';

/** How long a save waits for another process's lock before it gives up (ms). */
export const LOCK_WAIT_MS = 10_000;
/** A lock older than this was left by a crash (or a machine that went to sleep mid-save): no save takes that long. */
export const LOCK_STALE_MS = 30_000;

export interface LockOptions {
  waitMs?: number;
  staleMs?: number;
}

/** Who holds a lock, as written in its file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  at: string;
  /** Tells this holder's lock from a later one of the same process. */
  token: string;
  /** The worker thread (0: the main thread), whose locks this thread cannot see. */
  thread?: number;
}

/** The lock file of the file at `path`: `a/.b.annotations.json.lock` (by hash when that name would pass 255 bytes). */
export function lockPathFor(path: string): string {
  const name = `.${basename(path)}.lock`;
  const short =
    Buffer.byteLength(name) <= 255 ? name : `.${createHash('sha256').update(basename(path)).digest('hex')}.lock`;
  return join(dirname(path), short);
}

/**
 * Lock files, the file that guards taking over a stale one, and an attempt's temp file (`.a.annotations.json.lock.
 * <token>.tmp`, there for a moment on each try while another holds the lock): never documents, never reported as
 * changes (hidden names: the listing and the watcher skip them).
 */
export function isLockFile(name: string): boolean {
  return (
    name.startsWith('.') &&
    (name.endsWith('.lock') || name.endsWith('.lock.break') || /\.lock\.[0-9a-f]{16}\.tmp$/.test(name))
  );
}

/**
 * Tokens of the locks this process holds: a lock naming our pid with another token was left by a predecessor with the
 * same pid.
 */
const held = new Set<string>();
const thisHost = hostname();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM'; // alive, but another user's
  }
}

interface SeenLock {
  owner: LockOwner | null;
  raw: string;
  mtimeMs: number;
  ino: number;
}

/** The lock at `lockPath` as it is now; null when there is none. */
function readLock(lockPath: string): SeenLock | null {
  try {
    const s = statSync(lockPath);
    const raw = readFileSync(lockPath, 'utf8');
    let owner: LockOwner | null = null;
    try {
      const data = JSON.parse(raw) as Partial<LockOwner>;
      if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string')
        owner = data as LockOwner;
    } catch {
      // Just created and not yet written, or cut short by a crash: judged by its age alone.
    }
    return { owner, raw, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw e;
  }
}

/** Whether a lock was left by a process that will never remove it. */
export function isStaleLock(owner: LockOwner | null, ageMs: number, staleMs = LOCK_STALE_MS): boolean {
  if (ageMs > staleMs) return true;
  if (!owner || owner.host !== thisHost) return false; // another machine's process: only its age tells
  // Our pid: ours if we hold it, else a crashed predecessor's with the same pid (common in containers).
  if (owner.pid === process.pid) return (owner.thread ?? 0) === threadId && !held.has(owner.token);
  return !isAlive(owner.pid);
}

function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'another process';
  return `process ${owner.pid}${owner.host === thisHost ? '' : ` on ${owner.host}`}, since ${owner.at}`;
}

/** Removes a file; false when it is still there (permission denied). */
function removeQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (e) {
    return errnoOf(e) === 'ENOENT';
  }
}

/**
 * Creates the lock file, holding its owner from the first moment; false when it exists. The
 * owner is written to a temp file first, then hard-linked to the lock's name (atomic, and it
 * fails when the name exists): a crash between creating and writing would otherwise leave an
 * empty lock that only its age could clear (the 200-kill test hit it: 10 s of waiting).
 * Where the file system has no hard links, O_EXCL creation and a write.
 */
function tryCreate(lockPath: string, owner: LockOwner): boolean {
  const temp = `${lockPath}.${owner.token}.tmp`;
  writeFileSync(temp, JSON.stringify(owner), { mode: 0o644 });
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(errnoOf(e) ?? '')) throw e;
  } finally {
    removeQuietly(temp);
  }
  return tryCreateExclusive(lockPath, owner);
}

function tryCreateExclusive(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } catch (e) {
    closeSync(fd);
    removeQuietly(lockPath);
    throw e;
  }
  closeSync(fd);
  return true;
}

/**
 * Removes the stale lock `seen`, unless it was replaced meanwhile; false when another process is
 * at it. Two processes may find the same stale lock: the one that creates the `.break` file
 * removes it, so the other can never remove the fresh lock the first one took next.
 */
function breakStaleLock(lockPath: string, seen: SeenLock, staleMs: number): boolean {
  const breaker = `${lockPath}.break`;
  const mine: LockOwner = {
    pid: process.pid,
    host: thisHost,
    at: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
    thread: threadId,
  };
  held.add(mine.token);
  try {
    if (!tryCreate(breaker, mine)) {
      // Another process is taking it over; a breaker left by a crash goes the way of stale locks.
      const other = readLock(breaker);
      if (other && isStaleLock(other.owner, Date.now() - other.mtimeMs, staleMs)) removeQuietly(breaker);
      return false;
    }
    try {
      const now = readLock(lockPath);
      const unchanged = now !== null && now.ino === seen.ino && now.raw === seen.raw && now.mtimeMs === seen.mtimeMs;
      return unchanged ? removeQuietly(lockPath) : true;
    } finally {
      removeQuietly(breaker);
    }
  } finally {
    held.delete(mine.token);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the lock of `path`, waiting while another process holds it; refuses naming `file` after `waitMs`. */
async function acquire(path: string, file: string, options: LockOptions): Promise<LockOwner> {
  const lockPath = lockPathFor(path);
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const owner: LockOwner = {
      pid: process.pid,
      host: thisHost,
      at: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
      thread: threadId,
    };
    // Held before the file exists, so a save of ours that reads it meanwhile never takes it for a predecessor's.
    held.add(owner.token);
    try {
      if (tryCreate(lockPath, owner)) return owner;
    } catch (e) {
      held.delete(owner.token);
      throw toTahrirError(e, file, 'write');
    }
    held.delete(owner.token);
    let seen: SeenLock | null;
    try {
      seen = readLock(lockPath);
    } catch (e) {
      throw toTahrirError(e, file, 'write');
    }
    if (seen === null) continue; // released meanwhile
    if (isStaleLock(seen.owner, Date.now() - seen.mtimeMs, staleMs) && breakStaleLock(lockPath, seen, staleMs))
      continue;
    if (Date.now() >= deadline) {
      throw new TahrirError(
        'io',
        `not saved: ${describeOwner(seen.owner)} has been saving it for over ${waitMs < 1000 ? `${waitMs} ms` : `${Math.round(waitMs / 1000)} s`} ` +
          `(its lock file ${basename(lockPath)} is taken over once that process has ended or the lock is ${Math.round(staleMs / 1000)} s old); try again`,
        file,
        { lock: seen.owner },
      );
    }
    // A save holds the lock for milliseconds: poll briefly, a little longer each time, never in step with the other
    // process.
    await sleep(Math.min(50, 1 + attempt) * (0.5 + Math.random()));
  }
}

/** Removes our lock, and only ours: one taken over as stale meanwhile belongs to another process now. */
function release(path: string, owner: LockOwner): void {
  held.delete(owner.token);
  const lockPath = lockPathFor(path);
  try {
    if (readLock(lockPath)?.owner?.token === owner.token) unlinkSync(lockPath);
  } catch {
    // Best effort: a lock we could not remove is taken over once this process ends.
  }
}

export interface HeldLock {
  /**
   * Throws when the lock is no longer ours (taken over after this save outlived LOCK_STALE_MS): call before the rename.
   */
  check(): void;
}

/**
 * Runs `job` holding the lock of the file at `path` (`file` names it in messages); the lock is removed after, also on
 * errors.
 */
export async function withFileLock<T>(
  path: string,
  file: string,
  job: (lock: HeldLock) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const owner = await acquire(path, file, options);
  const lock: HeldLock = {
    check() {
      let now: SeenLock | null = null;
      try {
        now = readLock(lockPathFor(path));
      } catch {
        // unreadable: judged below as lost
      }
      if (now?.owner?.token !== owner.token) {
        throw new TahrirError(
          'io',
          `not saved: this save took so long that its lock was taken over by ${describeOwner(now?.owner ?? null)}; try again`,
          file,
        );
      }
    },
  };
  try {
    return await job(lock);
  } finally {
    release(path, owner);
  }
}
