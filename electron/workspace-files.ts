// The workspace's files: finding every document's text and sidecar under its folder, and the ids' order. Apart from
// workspace.ts (the listing, which reads titles through shared/metadata.ts and with it the boilerplate rules' date and
// promo patterns) so that `tahrir export`, which needs only these, does not load and run all that at its start: 31M
// instructions (valgrind) of a 1-document export's 733M.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { TahrirError } from '../shared/errors';
import { message } from '../shared/i18n/catalog-message';
import { isInside } from './confine';
import { isMissing, toTahrirError } from './io-error';
import { isTempFile } from './sidecar-store';
import { EXPORTS_FOLDER, isSidecarFileName, isTextFileName } from '../shared/workspace-layout';

/** Folders never searched for documents (besides every dot-folder: .git, .tahrir, …). */
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__']);

export interface FoundFiles {
  /** Text files, workspace-relative with `/` separators. */
  texts: string[];
  /** Sidecar files, workspace-relative with `/` separators. */
  sidecars: string[];
  /** The workspace folder, symlinks resolved. */
  realRoot: string;
}

export function skippedFolder(rel: string, name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name) || rel === EXPORTS_FOLDER;
}

/** Is `rel` (workspace-relative, '' for the root) a folder the listing walks into, its parents being so? */
export function listedFolder(rel: string): boolean {
  if (rel === '') return true;
  let from = 0;
  for (;;) {
    const to = rel.indexOf('/', from);
    const name = to < 0 ? rel.slice(from) : rel.slice(from, to);
    if (skippedFolder(from === 0 ? name : rel, name)) return false;
    if (to < 0) return true;
    from = to + 1;
  }
}

/** What to list (both by default): an export needs only the texts, `tahrir suggest` only the sidecars. */
export interface FindOptions {
  texts?: boolean;
  sidecars?: boolean;
  /**
   * Given, each folder's files are handed to it as the walk reads that folder, and none is kept:
   * findFiles answers with empty lists. A document's text and sidecar are in one folder, so a
   * count over the workspace (`tahrir stats`) holds one folder's names, not 100,000 documents'.
   */
  eachFolder?: (found: { texts: string[]; sidecars: string[] }) => void;
}

/** The workspace folder's real path; a missing folder is said as such, with its path. */
export function realWorkspaceRoot(root: string): Promise<string> {
  return realpath(root).catch((e) => {
    throw isMissing(e)
      ? new TahrirError(
          'not-found',
          `the workspace folder ${root} does not exist`,
          undefined,
          { path: root },
          message('error.folder-missing', { path: root }),
        )
      : toTahrirError(e, root);
  });
}

/**
 * Finds every `*.txt` and `*.annotations.json` under `root`, skipping dot-folders, node_modules and the root's
 * exports/.
 */
export async function findFiles(root: string, options: FindOptions = {}): Promise<FoundFiles> {
  const { texts: listTexts = true, sidecars: listSidecars = true } = options;
  const realRoot = await realWorkspaceRoot(root);
  let texts: string[] = [];
  let sidecars: string[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    if (options.eachFolder && (texts.length > 0 || sidecars.length > 0)) {
      options.eachFolder({ texts, sidecars });
      texts = [];
      sidecars = [];
    }
    let entries;
    try {
      entries = await readdir(rel ? join(realRoot, rel) : realRoot, { withFileTypes: true });
    } catch (e) {
      if (rel === '') throw toTahrirError(e, root);
      continue; // an unreadable subfolder: skip it, list the rest
    }
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel ? `${rel}/${name}` : name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow a link only when it stays inside the workspace; never into folders (loops).
        try {
          const real = await realpath(join(realRoot, childRel));
          if (!isInside(realRoot, real)) continue;
          const s = await stat(real);
          isDir = false;
          isFile = s.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (!skippedFolder(childRel, name)) pending.push(childRel);
      } else if (isFile && !isTempFile(name) && !name.startsWith('.')) {
        if (isSidecarFileName(name)) {
          if (listSidecars) sidecars.push(childRel);
        } else if (listTexts && isTextFileName(name)) texts.push(childRel);
      }
    }
  }
  if (options.eachFolder && (texts.length > 0 || sidecars.length > 0)) {
    options.eachFolder({ texts, sidecars });
    texts = [];
    sidecars = [];
  }
  return { texts, sidecars, realRoot };
}

/**
 * The path of a file findFiles listed (`/` separated, no `.` or `..`) under the normalized folder `root`: what
 * `join(root, file)` gives, without normalizing every segment again (two joins a document were ~4% of what an export
 * or a validation of short articles allocated).
 */
export function pathInWorkspace(root: string, file: string): string {
  if (sep !== '/') return join(root, file);
  return root.endsWith('/') ? root + file : `${root}/${file}`;
}

// Made on the first comparison that needs it: making a collator loads ICU's collation data, ~10 ms of CPU at the
// start of every `tahrir` run (the largest part of loading the export's code), while the ids of most workspaces are
// ordered by digitRunOrder and inIdOrderByShape alone and never reach it.
let collator: Intl.Collator | undefined;
export function compareIds(a: string, b: string): number {
  const quick = digitRunOrder(a, b);
  if (quick === quick) return quick;
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * compareIds(a, b) without the collator when `a` and `b` first differ inside a run of ASCII digits as long in
 * both, between ASCII characters (`batch-007/article-01234`, `batch-007/article-01240`): up to there they are the
 * same, and two numbers of as many digits compare as their first differing digit does. NaN otherwise. The
 * collator's comparisons were most of the check of 100,000 ids' order (30-36 ms of CPU, 17-22 with this: nearly
 * every pair of neighbours is told apart here).
 */
export function digitRunOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p === n) return NaN;
  const x = a.charCodeAt(p);
  const y = b.charCodeAt(p);
  if (!isDigit(x) || !isDigit(y)) return NaN;
  // The run begins after an ASCII character that is not a digit (another script's digits extend a number too).
  let start = p - 1;
  while (start >= 0 && isDigit(a.charCodeAt(start))) start--;
  if (start >= 0 && a.charCodeAt(start) >= 128) return NaN;
  for (let q = p + 1; ; q++) {
    const inA = q < a.length && isDigit(a.charCodeAt(q));
    if (inA !== (q < b.length && isDigit(b.charCodeAt(q)))) return NaN; // runs of different lengths
    if (inA) continue;
    if ((q < a.length && a.charCodeAt(q) >= 128) || (q < b.length && b.charCodeAt(q) >= 128)) return NaN;
    return x < y ? -1 : 1;
  }
}

/**
 * True when `ids`, in code-unit order, are in compareIds's order too for digitRunOrder's reason, seen without calling
 * it: every id ASCII and each one's shape (its digits read as 0) its neighbour's, so two neighbours first differ at a
 * digit inside runs as long in both (`batch-007/article-01234`, `batch-007/article-01240`). All the ids at once,
 * joined by NUL (no file name holds one), in one flat loop: a call of digitRunOrder per pair, run once in cold code,
 * was ~40 ms of an export's 10,000 ids, and a regular expression's or replaceAll's shapes 20–40 ms.
 */
export function inIdOrderByShape(ids: readonly string[]): boolean {
  const all = ids.join('\0');
  if (Buffer.byteLength(all, 'utf8') !== all.length) return false; // a character beyond ASCII
  const shape = Buffer.from(all, 'latin1');
  for (let i = 0; i < shape.length; i++) if (shape[i] > 0x30 && shape[i] <= 0x39) shape[i] = 0x30;
  const shapes = shape.toString('latin1').split('\0');
  for (let i = 1; i < ids.length; i++) if (shapes[i] !== shapes[i - 1] || !(ids[i - 1] < ids[i])) return false;
  return true;
}

/**
 * `items` sorted in place by compareIds of `key`. A plain sort by code units first: the folder walk
 * lists names in the disk's hash order, and the collator's sort of 100,000 ids in that order took
 * 2.1 s; over the runs a plain sort leaves (names differing in case or in digits' width) 0.2 s.
 */
export function sortByIds<T>(items: T[], key: (item: T) => string): T[] {
  items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (inIdOrderByShape(items.map(key))) return items;
  return items.sort((a, b) => compareIds(key(a), key(b)));
}

/** Ids sorted as compareIds sorts them (see sortByIds). */
export function sortIds(ids: string[]): string[] {
  return sortByIds(ids, (id) => id);
}

/** Runs `job` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
