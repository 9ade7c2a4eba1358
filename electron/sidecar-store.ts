// Reading and writing sidecars on disk, and the crash-recovery journal.
// Writes are atomic (temp file in the same folder, fsync, rename, fsync the folder), so a crash
// leaves the old or the new file, never a torn one. A save is refused when the file changed
// since it was read (its revision, the sha256 of its bytes), and a file we cannot read is
// never overwritten. Every write of a sidecar or of its journal entry holds the sidecar's lock
// (sidecar-lock.ts), so the revision check and the rename hold across processes too.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { TahrirError, isTahrirError } from '../shared/errors';
import { message } from '../shared/i18n/catalog-message';
import type { Sidecar } from '../shared/model';
import { describeProblems, orderedSidecar, parseSidecar, serializeSidecar } from '../shared/sidecar';
import { checkSidecarStructure } from '../shared/sidecar-check';
import { resolveInside } from './confine';
import { errnoOf, isMissing, toTahrirError } from './io-error';
import { withFileLock, type LockOptions } from './sidecar-lock';
import { readBytesSync, sha256Hex } from './text-file';
import { TAHRIR_DIR, sidecarFileOf } from '../shared/workspace-layout';

/** Under the workspace root; a dot-folder, so listing and watching skip it. */
export const RECOVERY_DIR = join(TAHRIR_DIR, 'recovery');

/** Temp files of atomic writes: `.<name>.<pid>.<random>.tmp`, never taken for sidecars. */
export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

export interface StoredSidecar {
  sidecar: Sidecar;
  /** sha256 of the file's bytes. */
  revision: string;
}

async function readBytes(path: string, file: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw toTahrirError(e, file);
  }
}

/** The bytes (a view that the next blocking read reuses), null when there is no file. */
function readSidecarBytesSync(path: string, file: string): Buffer | null {
  try {
    return readBytesSync(path);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw toTahrirError(e, file);
  }
}

// Stateless between calls (no `stream` option), so one serves every sidecar.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeSidecarBytes(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new TahrirError(
      'broken-sidecar',
      'is not valid UTF-8 text, so it cannot be a sidecar',
      file,
      undefined,
      message('error.sidecar-not-utf8'),
    );
  }
}

/**
 * The sidecar at `path` and its revision; null when there is no file. A broken or newer file
 * throws ('broken-sidecar', 'newer-version') and is left exactly as it is.
 * `file` names it in messages (workspace-relative); the base name otherwise.
 */
export async function readSidecar(path: string, file = basename(path)): Promise<StoredSidecar | null> {
  const bytes = await readBytes(path, file);
  return bytes === null ? null : storedSidecarOf(bytes, file);
}

/** readSidecar, blocking (the `tahrir` command reading a whole workspace; see readTextFileSync). */
export function readSidecarSync(path: string, file = basename(path)): StoredSidecar | null {
  const bytes = readSidecarBytesSync(path, file);
  return bytes === null ? null : storedSidecarOf(bytes, file);
}

/**
 * readSidecarSync's sidecar without its revision: what only reads the sidecar (the document list,
 * stats, validate, export) skips hashing every file (sha256 was ~10% of listing 100,000 documents).
 */
export function readSidecarContentSync(path: string, file = basename(path)): Sidecar | null {
  const bytes = readSidecarBytesSync(path, file);
  return bytes === null ? null : parseSidecar(decodeSidecarBytes(bytes, file), file);
}

function storedSidecarOf(bytes: Buffer, file: string): StoredSidecar {
  const sidecar = parseSidecar(decodeSidecarBytes(bytes, file), file);
  return { sidecar, revision: sha256Hex(bytes) };
}

/** The revision (sha256 of the bytes) of the file at `path`, null when there is none. */
export async function readRevision(path: string, file = basename(path)): Promise<string | null> {
  const bytes = await readBytes(path, file);
  return bytes === null ? null : sha256Hex(bytes);
}

// Saves of one path are queued so that two saves in this process cannot interleave between
// the revision check and the rename.
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, job: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(job, job);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function fsyncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (e) {
    // Windows cannot open or fsync a folder; the rename is as durable as it gets there.
    const code = errnoOf(e);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL' && code !== 'EBADF') throw e;
  } finally {
    await handle?.close();
  }
}

/**
 * rename(), retried briefly where Windows refuses while another program (a virus scanner, a sync client) holds the
 * file.
 */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (e) {
      const code = errnoOf(e);
      if (process.platform !== 'win32' || attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY'))
        throw e;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

/**
 * Writes `data` to `path` atomically: unique temp file beside it, fsync, rename over, fsync the
 * folder. `beforeRename` may still refuse (throw) once the data is on disk, leaving the file as it was.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  file = basename(path),
  beforeRename?: () => void,
): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let written = false;
  try {
    // Keep the permissions of the file being replaced (a private 0600 sidecar stays private).
    const mode = await stat(path).then(
      (s) => s.mode & 0o777,
      () => 0o644,
    );
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename?.();
    await renameOver(temp, path);
    written = true;
    await fsyncFolder(folder);
  } catch (e) {
    if (!written) await unlink(temp).catch(() => undefined);
    throw toTahrirError(e, file, 'write');
  }
  await removeStaleTempFiles(path);
}

/** A temp file older than this was left by a write that was killed (no write takes an hour). */
export const STALE_TEMP_MS = 60 * 60 * 1000;
const tidied = new Set<string>();

/**
 * Removes the temp files a killed write left beside `path` (`.<name>.<pid>.<hex>.tmp`, older than
 * STALE_TEMP_MS), once per path and process; best effort, never fails the save.
 */
export async function removeStaleTempFiles(path: string, now = Date.now()): Promise<number> {
  if (tidied.has(path)) return 0;
  tidied.add(path);
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  let removed = 0;
  try {
    for (const name of await readdir(folder)) {
      if (!name.startsWith(prefix) || !/^\d+\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
      const at = join(folder, name);
      const s = await stat(at).catch(() => null);
      if (s?.isFile() && now - s.mtimeMs > STALE_TEMP_MS) {
        await unlink(at).then(
          () => removed++,
          () => undefined,
        );
      }
    }
  } catch {
    // tidying is optional: the save itself succeeded
  }
  return removed;
}

export interface SidecarWriteOptions {
  /** The journal entry of this document (workspace root and id), removed with the save: the save holds what it held. */
  journal?: { root: string; id: string };
  lock?: LockOptions;
  /**
   * Told the new revision (the sha256 of the bytes) before they are written: the watcher's event for the rename can
   * be handled before this save's promise resolves (a loaded machine), and must know the bytes are ours by then.
   */
  beforeWrite?: (revision: string) => void;
}

/**
 * Saves `sidecar` to `path` if the file on disk is still `baseRevision` (null: no file yet);
 * otherwise 'stale-revision' with the current revision in `detail`. Refuses to replace a file
 * that does not parse. Returns the new revision. The check and the rename hold the sidecar's
 * lock, so of two processes saving on the same revision one is refused as stale.
 */
export function writeSidecarAtomic(
  path: string,
  sidecar: Sidecar,
  baseRevision: string | null,
  file = basename(path),
  options: SidecarWriteOptions = {},
): Promise<string> {
  return serialized(path, () =>
    withFileLock(
      path,
      file,
      async (lock) => {
        const bytes = await readBytes(path, file);
        const current = bytes === null ? null : sha256Hex(bytes);
        if (current !== baseRevision) {
          const message =
            current === null
              ? 'was deleted on disk since it was opened; save again to write it anew'
              : 'changed on disk since it was opened (another program or a colleague saved it); not overwritten';
          throw new TahrirError('stale-revision', message, file, { current, base: baseRevision });
        }
        if (bytes !== null) {
          // Never overwrite what could not be read: the editor must fix or remove it first.
          try {
            const existing = parseSidecar(decodeSidecarBytes(bytes, file), file);
            const problems = checkSidecarStructure(existing);
            if (problems.length > 0)
              throw new TahrirError(
                'broken-sidecar',
                `is not a valid sidecar: ${describeProblems(problems)}`,
                undefined,
                problems,
              );
          } catch (e) {
            const why = e instanceof TahrirError ? e.message : String(e);
            throw new TahrirError(
              e instanceof TahrirError ? e.code : 'broken-sidecar',
              `cannot be read, so it is not overwritten (${why})`,
              file,
            );
          }
        }
        const out = Buffer.from(serializeSidecar(sidecar), 'utf8');
        const revision = sha256Hex(out);
        options.beforeWrite?.(revision);
        await writeFileAtomic(path, out, file, () => lock.check());
        if (options.journal) await removeRecoveryFile(options.journal.root, options.journal.id).catch(() => undefined);
        return revision;
      },
      options.lock,
    ),
  );
}

// ---- crash-recovery journal ----

export interface RecoveryEntry {
  sidecar: Sidecar;
  /** ISO time the unsaved changes were written. */
  savedAt: string;
}

/** One journal file per document: the id, escaped so it stays one flat file name. */
export function recoveryPath(root: string, id: string): string {
  const escaped = encodeURIComponent(id).replace(/\./g, '%2E');
  // File names stop at 255 bytes; a very long id goes by its hash (the entry names its id).
  const name = escaped.length <= 200 ? escaped : createHash('sha256').update(id).digest('hex');
  return join(root, RECOVERY_DIR, `${name}.json`);
}

/**
 * Runs `job` holding the lock of document `id`'s sidecar, which its journal entry shares; without
 * it when that sidecar could not be saved to race with (its folder is gone, the id leaves the workspace).
 */
async function withDocumentLock<T>(root: string, id: string, job: () => Promise<T>): Promise<T> {
  const file = sidecarFileOf(id);
  let path: string;
  try {
    path = await resolveInside(root, file);
  } catch (e) {
    // No sidecar can exist there (outside, or a name too long for any disk): nothing to race with.
    if (
      (isTahrirError(e) && (e.code === 'outside-workspace' || e.code === 'invalid-argument')) ||
      errnoOf(e) === 'ENAMETOOLONG'
    )
      return job();
    throw e;
  }
  const folderExists = await stat(dirname(path)).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return serialized(path, () => (folderExists ? withFileLock(path, file, job) : job()));
}

/** Writes the unsaved sidecar of document `id` to the journal (atomically). */
export async function writeRecovery(
  root: string,
  id: string,
  sidecar: Sidecar,
  savedAt = new Date().toISOString(),
): Promise<void> {
  const path = recoveryPath(root, id);
  // A workspace from elsewhere could make .tahrir a link to another folder: never write through it.
  await resolveInside(root, relative(root, path));
  await mkdir(dirname(path), { recursive: true }).catch((e) => {
    throw toTahrirError(e, RECOVERY_DIR, 'write');
  });
  const body = JSON.stringify({ id, savedAt, sidecar: orderedSidecar(sidecar) }, null, 2) + '\n';
  // Under the sidecar's lock: a save in another process removes the entries written before it, never one written after.
  await withDocumentLock(root, id, () => writeFileAtomic(path, body, `${RECOVERY_DIR}/${basename(path)}`));
}

/** The journal entry of document `id`; null when none, or when it cannot be read (it is a best-effort copy). */
export async function readRecovery(root: string, id: string): Promise<RecoveryEntry | null> {
  const path = recoveryPath(root, id);
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (e) {
    if (isMissing(e)) return null;
    throw toTahrirError(e, `${RECOVERY_DIR}/${basename(path)}`);
  }
  try {
    const data = JSON.parse(json) as { id?: unknown; savedAt?: unknown; sidecar?: unknown };
    if (data.id !== id || typeof data.savedAt !== 'string') return null;
    return { savedAt: data.savedAt, sidecar: parseSidecar(JSON.stringify(data.sidecar), basename(path)) };
  } catch {
    return null;
  }
}

/** Removes the journal entry of `id`; the caller holds the sidecar's lock. */
async function removeRecoveryFile(root: string, id: string): Promise<void> {
  const path = recoveryPath(root, id);
  await resolveInside(root, relative(root, path));
  try {
    await unlink(path);
  } catch (e) {
    if (!isMissing(e)) throw toTahrirError(e, `${RECOVERY_DIR}/${basename(path)}`, 'write');
  }
}

export async function discardRecovery(root: string, id: string): Promise<void> {
  await withDocumentLock(root, id, () => removeRecoveryFile(root, id));
}

/** Modification time of a file in ms, null when it does not exist. */
export async function modifiedAt(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}
