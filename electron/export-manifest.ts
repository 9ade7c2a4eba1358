// What an export may replace: only an earlier export of its own, unchanged since. Every export
// names what it wrote, with the sha256 of each file, in `.tahrir-exports.json` beside its
// outputs; a destination that exists is replaced only when that list says it is ours and its
// bytes are still the ones we wrote. Never a document, a sidecar, `tahrir.json`, a folder
// holding anything else, or a symbolic link (it could lead anywhere).
import { createHash, randomBytes } from 'node:crypto';
import { lstat, open, readFile, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ExportFormat } from '../shared/api';
import { TahrirError } from '../shared/errors';
import { isInside } from './confine';
import { isMissing } from './io-error';
import { EXPORTS_FOLDER, SIDECAR_SUFFIX, TEXT_SUFFIX } from '../shared/workspace-layout';
import { listedFolder } from './workspace-files';
import { CONFIG_FILE } from './workspace-config';

/** The list of what exports wrote into a folder, kept in that folder. */
export const EXPORT_MANIFEST = '.tahrir-exports.json';

/** One export output: a file's sha256, or a folder's files (`/`-separated relative paths) with theirs. */
export type ManifestEntry =
  { format: ExportFormat; sha256: string } | { format: ExportFormat; files: Record<string, string> };

interface Manifest {
  format: 'tahrir-exports';
  version: 1;
  /** By the output's name in this folder. */
  outputs: Record<string, ManifestEntry>;
}

/**
 * What is at an output's path now: nothing (or an empty folder), or an earlier export of ours,
 * with the size, time and inode of each of its files when its bytes were checked.
 */
export type Destination = { kind: 'new' } | { kind: 'earlier-export'; stamp: string };

function refuse(path: string, why: string): TahrirError {
  return new TahrirError('exists', `${why}; not writing over it`, path, { earlierExport: false, path });
}

async function readManifest(folder: string): Promise<Manifest | null> {
  let raw: string;
  try {
    raw = await readFile(join(folder, EXPORT_MANIFEST), 'utf8');
  } catch (e) {
    if (isMissing(e) || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
  try {
    const parsed = JSON.parse(raw) as Manifest;
    // A manifest we cannot read vouches for nothing: what it listed is then refused, never replaced.
    if (parsed?.format !== 'tahrir-exports' || typeof parsed.outputs !== 'object' || parsed.outputs === null)
      return null;
    return parsed;
  } catch {
    return null;
  }
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** The files under `folder` (`/`-separated), or the first entry that is neither a file nor a folder (a link). */
async function filesUnder(folder: string): Promise<{ files: string[] } | { odd: string }> {
  const files: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    for (const entry of await readdir(rel ? join(folder, rel) : folder, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(childRel);
      else if (entry.isFile()) files.push(childRel);
      else return { odd: childRel };
    }
  }
  return { files };
}

/** Names an export never takes: they are what the workspace is made of. */
function workspaceName(path: string, layout: 'file' | 'folder', realRoot: string, realPath: string): string | null {
  const name = basename(path);
  if (name === CONFIG_FILE) return `is named ${CONFIG_FILE}, the workspace settings`;
  if (name.endsWith(SIDECAR_SUFFIX)) return `is named like a sidecar (${SIDECAR_SUFFIX})`;
  if (layout === 'file' && name.endsWith(TEXT_SUFFIX) && isInside(realRoot, realPath))
    return 'is named like a document of the workspace (.txt)';
  if (isInside(realPath, realRoot)) return 'holds the workspace';
  return null;
}

/** `path` with its existing folders resolved through symlinks (what is missing is kept as written). */
async function realLocation(path: string): Promise<string> {
  const parent = dirname(path);
  const realParent = parent === path ? parent : await realpath(parent).catch(() => realLocation(parent));
  return join(realParent, basename(path));
}

/**
 * A new folder export (brat: its texts as .txt files) may not go where the workspace's listing reads: there the
 * listing, `validate` and the next export took each text as a document (a 35-document workspace exported 70 after
 * `tahrir export . --format brat` run in it, each text twice). Its exports/ folder and dot-folders are not read.
 */
function newFolderOutside(path: string, layout: 'file' | 'folder', realRoot: string, real: string): Destination {
  if (layout === 'folder' && isInside(realRoot, real) && listedFolder(relative(realRoot, real).split(sep).join('/')))
    throw new TahrirError(
      'invalid-argument',
      'is inside the workspace, where the .txt files this export writes would be read as documents ' +
        `(and exported again): write it under ${EXPORTS_FOLDER}/ or outside the workspace`,
      path,
    );
  return { kind: 'new' };
}

/**
 * Whether `path` may be written by an export of `layout`: new (absent, or an empty folder for a
 * folder export), or an earlier export that may be replaced; anything else is refused ('exists',
 * naming the path and why). The workspace root `root` says what counts as its documents.
 */
export async function checkDestination(root: string, path: string, layout: 'file' | 'folder'): Promise<Destination> {
  const realRoot = await realpath(root);
  const real = await realLocation(path);
  const reserved = workspaceName(path, layout, realRoot, real);
  if (reserved) throw refuse(path, reserved);
  let info;
  try {
    info = await lstat(path);
  } catch (e) {
    if (isMissing(e)) return newFolderOutside(path, layout, realRoot, real);
    throw e;
  }
  if (info.isSymbolicLink()) throw refuse(path, 'is a symbolic link (it could lead anywhere)');
  const entry = (await readManifest(dirname(path)))?.outputs[basename(path)];
  if (layout === 'file') {
    if (!info.isFile()) throw refuse(path, 'exists and is not a file');
    if (!entry || !('sha256' in entry)) throw refuse(path, 'exists and is not an earlier Tahrir export');
    const stamp = await stampOf(path, ['']);
    if ((await fileSha256(path)) !== entry.sha256)
      throw refuse(path, 'is an earlier Tahrir export but was changed since');
    return { kind: 'earlier-export', stamp };
  }
  if (!info.isDirectory()) throw refuse(path, 'exists and is not a folder');
  const found = await filesUnder(path);
  if ('odd' in found) throw refuse(path, `holds ${found.odd}, which is not a plain file or folder`);
  if (found.files.length === 0) return newFolderOutside(path, layout, realRoot, real); // empty folders: nothing to lose
  if (!entry || !('files' in entry)) throw refuse(path, 'exists and is not an earlier Tahrir export');
  const stamp = await stampOf(path, found.files);
  for (const file of found.files) {
    const sha = entry.files[file];
    if (sha === undefined) throw refuse(path, `holds ${file}, which no earlier export wrote`);
    if ((await fileSha256(join(path, ...file.split('/')))) !== sha)
      throw refuse(path, `holds ${file}, changed since an earlier export wrote it`);
  }
  return { kind: 'earlier-export', stamp };
}

/** Size, modification time and inode of each file (`''`: `path` itself): any write or replacement changes one. */
async function stampOf(path: string, files: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const file of [...files].sort()) {
    const s = await lstat(file ? join(path, ...file.split('/')) : path, { bigint: true });
    parts.push(`${file}\u0000${s.size}\u0000${s.mtimeNs}\u0000${s.ino}`);
  }
  return parts.join('\n');
}

/**
 * `path` again, just before an export replaces what is there: an earlier export whose files all
 * have the same stamp is taken as checked (not read again); anything else is checked in full.
 */
export async function checkDestinationAgain(
  root: string,
  path: string,
  layout: 'file' | 'folder',
  before: Destination,
): Promise<Destination> {
  if (before.kind === 'earlier-export') {
    const info = await lstat(path).catch(() => null);
    if (info && !info.isSymbolicLink()) {
      const found = layout === 'file' ? { files: [''] } : await filesUnder(path);
      if ('files' in found && (await stampOf(path, found.files).catch(() => null)) === before.stamp) return before;
    }
  }
  return checkDestination(root, path, layout);
}

/** Refuses to replace an earlier export unless the caller said so (the desktop asks first). */
export function confirmReplace(path: string, destination: Destination, replace: boolean | undefined): void {
  if (destination.kind === 'earlier-export' && !replace) {
    throw new TahrirError('exists', 'an earlier export is there; replace it?', path, { earlierExport: true, path });
  }
}

/** Manifest updates in flight, by folder: two exports of one process finishing together both stay listed. */
const updating = new Map<string, Promise<void>>();

/** Records what an export just wrote at `path` in the manifest beside it (written whole, then renamed). */
/** What the manifest beside `path` says an export wrote there; null when no export of ours is listed at it. */
export async function recordedExport(path: string): Promise<ManifestEntry | null> {
  const manifest = await readManifest(dirname(path));
  return manifest && Object.hasOwn(manifest.outputs, basename(path)) ? manifest.outputs[basename(path)] : null;
}

export async function recordExport(path: string, entry: ManifestEntry): Promise<void> {
  const folder = dirname(path);
  const before = updating.get(folder) ?? Promise.resolve();
  const mine = before.then(() => updateManifest(folder, basename(path), entry));
  const settled = mine.catch(() => undefined);
  updating.set(folder, settled);
  try {
    await mine;
  } finally {
    if (updating.get(folder) === settled) updating.delete(folder);
  }
}

async function updateManifest(folder: string, name: string, entry: ManifestEntry): Promise<void> {
  const manifest: Manifest = (await readManifest(folder)) ?? { format: 'tahrir-exports', version: 1, outputs: {} };
  // Outputs that are gone (deleted, moved) are forgotten: a file of that name later is not ours.
  for (const listed of Object.keys(manifest.outputs)) {
    if (
      !(await lstat(join(folder, listed)).then(
        () => true,
        () => false,
      ))
    )
      delete manifest.outputs[listed];
  }
  manifest.outputs[name] = entry;
  const temp = join(folder, `${EXPORT_MANIFEST}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, JSON.stringify(manifest, null, 1) + '\n', { flag: 'wx' });
    await rename(temp, join(folder, EXPORT_MANIFEST));
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
