// The workspace: a folder of `*.txt` documents (any depth), each with its sidecar
// `<name>.annotations.json` beside it. Finds documents and lists them with status and counts.
// A document whose text or sidecar cannot be read is still listed, with its problem.
import { statSync, type Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentSummary } from '../shared/api';
import { TahrirError } from '../shared/errors';
import type { Sidecar, WorkspaceConfig } from '../shared/model';
import { checkSidecarStructure, type SidecarProblem } from '../shared/sidecar-check';
import { extractTitle } from '../shared/metadata';
import { describeProblems, invalidSidecarMessage } from '../shared/sidecar';
import { message } from '../shared/i18n/message';
import { isInside } from './confine';
import { isMissing, notFound, toTahrirError } from './io-error';
import { isTempFile, readSidecarContentSync, readSidecarSync } from './sidecar-store';
import type { ListedSidecars } from './checked-sidecars';
import { statStampSync } from './stat-stamp';
import { DEFAULT_MAX_TEXT_BYTES, decodeText, readBytesSync, tooLargeMessage } from './text-file';
import { encodingFor } from './workspace-config';
import {
  isSidecarFileName,
  isTextFileName,
  SIDECAR_SUFFIX,
  sidecarFileOf,
  TEXT_SUFFIX,
  textFileOf,
} from '../shared/workspace-layout';
import { compareIds, inIdOrderByShape, listedFolder, realWorkspaceRoot, skippedFolder } from './workspace-files';

// Finding the files and the ids' order live in workspace-files.ts (what an export needs without the listing's code).
export {
  compareIds,
  digitRunOrder,
  findFiles,
  inIdOrderByShape,
  mapLimited,
  pathInWorkspace,
  sortByIds,
  sortIds,
  type FindOptions,
  type FoundFiles,
} from './workspace-files';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

function stampOf(path: string): FileStamp | null {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs);
}

/** Checks that a text file decodes (its size already known from `stat`) and gives its text (not kept). */
function checkText(path: string, file: string, size: number, encoding: string | undefined, maxBytes: number): string {
  if (size > maxBytes) {
    throw new TahrirError(
      'too-large',
      `is too large to open (${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(1)} MB)`,
      file,
      { bytes: size, maxBytes },
      tooLargeMessage(size, maxBytes),
    );
  }
  let bytes: Buffer;
  try {
    bytes = readBytesSync(path, maxBytes);
  } catch (e) {
    throw toTahrirError(e, file);
  }
  return decodeText(bytes, file, encoding);
}

/**
 * Documents summarized between two looks at the clock, and the time between two turns of the
 * event loop. Blocking reads cost a quarter of fs/promises' for thousands of small files (20,000
 * files stat + read: 0.4 s against 1.6–1.8 s here). A turn every 64 documents was 30–60 ms on a
 * loaded machine: while 100,000 documents were read after the first answer, that answer's 13 MB
 * went out between the slices and the list painted 8–9 s after opening.
 */
const LIST_SLICE = 8;
/**
 * Read whatever the budget: the first documents in order, a screen of the list and more. The walk of
 * 100,000 documents alone can spend the budget, and a first screen of ids alone says little.
 */
const FIRST_SCREEN = 64;
const LIST_TURN_MS = 8;
/** Rows listed unread (as last read, or pending) between two looks at the clock. */
const PENDING_SLICE = 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ListOptions {
  maxTextBytes?: number;
  /**
   * Time the listing may take (ms, from its start): the documents it has not read by then are
   * listed as they were last read (the cache, unchecked), or `pending` when never read. No limit
   * by default.
   */
  budgetMs?: number;
  /** Called when the budget ran out, with how many documents were listed without being read. */
  onBudgetSpent?: (unread: number) => void;
  /** Summaries kept between listings; a document is re-read only when its files changed. */
  cache?: SummaryCache;
  /**
   * The folder as walked a moment ago (the reading that follows a pending answer: the same
   * documents; walking and sorting 100,000 again took a second while the page drew its list).
   */
  walk?: DocumentWalk;
  /** Where the large sidecars read are kept for the open that follows (the host's first listing). */
  sidecars?: ListedSidecars;
}

export interface CachedSummary {
  text: FileStamp | null;
  sidecar: FileStamp | null;
  encoding: string | undefined;
  summary: DocumentSummary;
  /** Kept from an earlier run (.tahrir/document-list.json): listed pending until its stamps are checked. */
  unchecked?: true;
}

export class SummaryCache {
  readonly entries = new Map<string, CachedSummary>();
  /** Set when an entry was read, replaced or dropped: what is kept on disk is out of date. */
  changed = false;
  clear(): void {
    this.entries.clear();
    this.changed = true;
  }
}

function summarize(
  root: string,
  id: string,
  found: DocumentFiles,
  config: WorkspaceConfig,
  maxBytes: number,
  cache: SummaryCache | undefined,
  listed: ListedSidecars | undefined,
): DocumentSummary {
  const file = textFileOf(id);
  const textPath = join(root, file);
  const sidecarPath = join(root, sidecarFileOf(id));
  const encoding = encodingFor(config, file);
  // Only what the folder walk found is looked at: few file-system calls per document.
  const textStamp = found.text ? stampOf(textPath) : null;
  const sidecarStamp = found.sidecar && cache ? stampOf(sidecarPath) : null;
  const cached = cache?.entries.get(id);
  if (
    cached &&
    sameStamp(cached.text, textStamp) &&
    sameStamp(cached.sidecar, sidecarStamp) &&
    cached.encoding === encoding
  ) {
    delete cached.unchecked;
    return cached.summary;
  }
  const summary: DocumentSummary = { id, file, status: 'todo', entities: 0, quotes: 0, edits: 0 };
  if (!found.text) {
    summary.problem = new TahrirError(
      'not-found',
      `is missing (moved or deleted?); its sidecar ${sidecarFileOf(id)} is kept`,
      file,
      undefined,
      message('error.text-missing', { sidecar: sidecarFileOf(id) }),
    ).toData();
  } else if (!textStamp) {
    summary.problem = notFound(file).toData();
  } else {
    try {
      // The headline, for a document whose sidecar has no title yet (a list of hash-named files reads by titles).
      const title = extractTitle(checkText(textPath, file, textStamp.size, encoding, maxBytes));
      if (title) summary.title = title;
    } catch (e) {
      summary.problem = toTahrirError(e, file).toData();
    }
  }
  try {
    const sidecar = found.sidecar ? readListedSidecar(id, sidecarPath, sidecarStamp, listed) : null;
    if (sidecar) {
      summary.status = sidecar.sidecar.document.status;
      if (sidecar.sidecar.document.title) summary.title = sidecar.sidecar.document.title;
      summary.entities = sidecar.sidecar.entities.length;
      summary.quotes = sidecar.sidecar.quotes.length;
      summary.edits = sidecar.sidecar.edits.length;
      const problems = sidecar.structureProblems;
      if (problems.length > 0 && !summary.problem) {
        summary.problem = new TahrirError(
          'broken-sidecar',
          `is not a valid sidecar: ${describeProblems(problems)}`,
          sidecarFileOf(id),
          problems,
          invalidSidecarMessage(problems),
        ).toData();
      }
    }
  } catch (e) {
    if (!summary.problem) summary.problem = toTahrirError(e, sidecarFileOf(id)).toData();
  }
  if (cache) {
    cache.entries.set(id, { text: textStamp, sidecar: sidecarStamp, encoding, summary });
    cache.changed = true;
  }
  return summary;
}

/**
 * A sidecar as the listing reads it, and its structure's problems; a large one is hashed too and kept for its
 * document's open (ListedSidecars), which then neither reads nor checks it again.
 */
function readListedSidecar(
  id: string,
  path: string,
  seen: FileStamp | null,
  listed: ListedSidecars | undefined,
): { sidecar: Sidecar; structureProblems: SidecarProblem[] } | null {
  // The stat of git's index only for a large one (one more stat of each of 100,000 sidecars would cost ~0.3 s).
  const stamp = listed && seen && listed.mayKeep(seen.size) ? statStampSync(path) : null;
  if (!listed?.wants(stamp)) {
    const sidecar = readSidecarContentSync(path, sidecarFileOf(id));
    return sidecar && { sidecar, structureProblems: checkSidecarStructure(sidecar) };
  }
  const stored = readSidecarSync(path, sidecarFileOf(id));
  if (!stored) return null;
  const structureProblems = checkSidecarStructure(stored.sidecar);
  listed.keep(id, stamp, { ...stored, structureProblems: [...structureProblems] });
  return { sidecar: stored.sidecar, structureProblems };
}

/** Which of its two files a document has. */
export type DocumentFiles = Readonly<{ text: boolean; sidecar: boolean }>;
// One of each, shared by every document (100,000 documents: as many objects fewer to make and collect).
const TEXT_ONLY: DocumentFiles = Object.freeze({ text: true, sidecar: false });
const SIDECAR_ONLY: DocumentFiles = Object.freeze({ text: false, sidecar: true });
const TEXT_AND_SIDECAR: DocumentFiles = Object.freeze({ text: true, sidecar: true });

/** The documents in the folder as a listing walks it: the ids sorted, and which of its two files each has. */
export interface DocumentWalk {
  /** The workspace folder, symlinks resolved. */
  realRoot: string;
  /** The ids, sorted by compareIds. */
  sorted: string[];
  /** Which files the document `sorted[i]` has, at `i`. */
  files: DocumentFiles[];
  /** performance.now() when the walk began: a listing's budget counts from there. */
  started: number;
  /** The folders it read itself (not handed to it). */
  foldersRead: number;
}

/** What a listing still has to do about a folder whose entries it took: the folders below it, the links in it. */
interface TakenFolder {
  /** Workspace-relative folders below it that are listed (not skipped). */
  folders: string[];
  /** Workspace-relative links in it: each followed (or not) as findFiles follows them. */
  links: string[];
  /** Its text files' names without `.txt`, in the disk's order. */
  texts: string[];
  /** Its sidecars' names without `.annotations.json`, in the disk's order. */
  sidecars: string[];
}

/**
 * The entries of `rel` sorted out as findFiles sorts them: its documents' files (no id made yet), its folders to
 * walk and its links to follow.
 */
function takeEntries(rel: string, entries: Dirent[]): TakenFolder {
  const taken: TakenFolder = { folders: [], links: [], texts: [], sidecars: [] };
  const prefix = rel ? `${rel}/` : '';
  for (const entry of entries) {
    const name = entry.name;
    if (entry.isDirectory()) {
      const childRel = prefix + name;
      if (!skippedFolder(childRel, name)) taken.folders.push(childRel);
    } else if (entry.isSymbolicLink()) taken.links.push(prefix + name);
    else if (entry.isFile()) takeFile(name, taken);
  }
  return taken;
}

/** A file named `name` taken into its folder's texts or sidecars when it is a document's. */
function takeFile(name: string, taken: TakenFolder): void {
  if (isTempFile(name) || name.startsWith('.')) return;
  if (isSidecarFileName(name)) taken.sidecars.push(name.slice(0, -SIDECAR_SUFFIX.length));
  else if (isTextFileName(name)) taken.texts.push(name.slice(0, -TEXT_SUFFIX.length));
}

const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * A folder's documents (ids `prefix` + name) appended to `ids` and `files` in code-unit order: its texts and its
 * sidecars sorted apart and then paired, as two sorted lists are merged. A Map from each id to its files did the
 * pairing before: 100,000 ids made whole and hashed, 0.15–0.3 s of the open's CPU.
 */
function appendFolder(prefix: string, taken: TakenFolder, ids: string[], files: DocumentFiles[]): void {
  // sort() with no comparator sorts strings by code units, and without a call per comparison.
  const texts = taken.texts.sort();
  const sidecars = taken.sidecars.sort();
  let t = 0;
  let s = 0;
  while (t < texts.length && s < sidecars.length) {
    const text = texts[t];
    const sidecar = sidecars[s];
    if (text === sidecar) {
      ids.push(prefix + text);
      files.push(TEXT_AND_SIDECAR);
      t++;
      s++;
    } else if (text < sidecar) {
      ids.push(prefix + text);
      files.push(TEXT_ONLY);
      t++;
    } else {
      ids.push(prefix + sidecar);
      files.push(SIDECAR_ONLY);
      s++;
    }
  }
  for (; t < texts.length; t++) {
    ids.push(prefix + texts[t]);
    files.push(TEXT_ONLY);
  }
  for (; s < sidecars.length; s++) {
    ids.push(prefix + sidecars[s]);
    files.push(SIDECAR_ONLY);
  }
}

/**
 * The folders the watch's first walk reads, taken as it hands each over (take): a listing after it walks
 * none of their entries again. Before, the walk's 200,000 entries of 100,000 documents were kept until its
 * end and then gone through a second time (0.5–1.1 s of a loaded machine's CPU, a quarter of it collecting
 * them), in one piece: the page's own files waited behind it.
 */
export class FolderIntake {
  /** The folders taken, until the walk (walkDocuments) comes to them. */
  readonly folders = new Map<string, TakenFolder>();

  /** A folder's entries, as read (workspace-relative, '' for the root); not kept. */
  take(rel: string, entries: Dirent[]): void {
    // A folder the listing skips (exports/, __pycache__/) is watched, not listed.
    if (listedFolder(rel)) this.folders.set(rel, takeEntries(rel, entries));
  }

  /** Forgets what was taken (the listing did not use it). */
  clear(): void {
    this.folders.clear();
  }
}

/**
 * Walks the folder for its documents. Nothing in it holds the event loop long: each folder's documents are
 * sorted as the walk reads it, and the whole order checked in slices (`tahrir serve` walks while it serves
 * the page its scripts: 100,000 ids at once held them back 0.5–1 s). `intake`: the folders the watch's walk
 * has read and taken, not read again.
 */
export async function walkDocuments(root: string, intake?: FolderIntake): Promise<DocumentWalk> {
  const started = performance.now();
  const realRoot = await realWorkspaceRoot(root);
  let foldersRead = 0;
  const walked: { prefix: string; taken: TakenFolder }[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    let taken = intake?.folders.get(rel);
    if (taken) intake!.folders.delete(rel);
    else {
      let entries: Dirent[];
      try {
        foldersRead++;
        entries = await readdir(rel ? join(realRoot, rel) : realRoot, { withFileTypes: true });
      } catch (e) {
        if (rel === '') throw toTahrirError(e, root);
        continue; // an unreadable subfolder: skip it, list the rest
      }
      taken = takeEntries(rel, entries);
    }
    for (const folder of taken.folders) pending.push(folder);
    for (const link of taken.links) {
      // Followed only when it stays inside the workspace, and only to a file (never into folders: loops).
      try {
        const real = await realpath(join(realRoot, link));
        if (!isInside(realRoot, real) || !(await stat(real)).isFile()) continue;
      } catch {
        continue;
      }
      takeFile(link.slice(link.lastIndexOf('/') + 1), taken);
    }
    walked.push({ prefix: rel ? `${rel}/` : '', taken });
  }
  intake?.folders.clear(); // none is left but what the watch reads after this walk
  // The ids of a folder share its prefix, so in code-unit order they are together: folder after folder by
  // prefix is that order, unless a file's name falls between two folders' (`a-b` between `a/` and `a0/`).
  walked.sort((x, y) => byCodeUnits(x.prefix, y.prefix));
  const ids: string[] = [];
  const files: DocumentFiles[] = [];
  for (const { prefix, taken } of walked) appendFolder(prefix, taken, ids, files);
  // By code units first: the collator's sort from far out of order was slow (sortByIds).
  if (!inCodeUnitOrder(ids)) reorder(ids, files, byCodeUnits);
  if (!inIdOrderByShape(ids) && !(await sortedInSlices(ids, compareIds))) reorder(ids, files, compareIds);
  return { realRoot, sorted: ids, files, started, foldersRead };
}

/** Ids whose order is checked between two turns of the event loop. */
const ORDER_SLICE = 4096;

/**
 * Are `ids` in `compare`'s order? Checked with the event loop turning (the collator's sort of ids already
 * in order is that check, done at once).
 */
async function sortedInSlices(ids: string[], compare: (x: string, y: string) => number): Promise<boolean> {
  for (let i = 1; i < ids.length; i++) {
    if (i % ORDER_SLICE === 0) await nextTurn();
    if (compare(ids[i - 1], ids[i]) > 0) return false;
  }
  return true;
}

/** Are `ids` in code-unit order? (100,000 in 1–3 ms: no call per pair, no turn of the event loop needed.) */
function inCodeUnitOrder(ids: string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] > ids[i]) return false;
  return true;
}

/** `ids` sorted in place by `compare`, and `files` along with them. */
function reorder(ids: string[], files: DocumentFiles[], compare: (x: string, y: string) => number): void {
  const at = ids.map((_, i) => i).sort((i, j) => compare(ids[i], ids[j]));
  const oldIds = ids.slice();
  const oldFiles = files.slice();
  at.forEach((from, to) => {
    ids[to] = oldIds[from];
    files[to] = oldFiles[from];
  });
}

/**
 * Every document of the workspace, sorted by id (numbers in names sort as numbers). A sidecar
 * whose text file is gone is listed too (problem 'not-found'), so no annotation is lost from view.
 */
export async function listDocuments(
  root: string,
  config: WorkspaceConfig,
  options: ListOptions = {},
): Promise<DocumentSummary[]> {
  const { files, sorted, realRoot, started } = options.walk ?? (await walkDocuments(root));
  const budget = options.budgetMs ?? Infinity;
  const maxBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  const summaries: DocumentSummary[] = [];
  let i = 0;
  let turn = performance.now();
  for (; i < sorted.length; i++) {
    if (i > 0 && i % LIST_SLICE === 0) {
      const now = performance.now();
      if (now - started > budget && i >= FIRST_SCREEN) break;
      if (now - turn > LIST_TURN_MS) {
        await nextTurn();
        turn = performance.now();
      }
    }
    summaries.push(summarize(realRoot, sorted[i], files[i], config, maxBytes, options.cache, options.sidecars));
  }
  // Each document read is in the cache now; with those listed from it, they are all its entries unless some
  // document is gone (a Set of 100,000 ids, made to find those, is made only then).
  let inCache = i;
  // Out of time: the rest as last read, or named only (100,000 documents take many seconds to read).
  if (i < sorted.length) options.onBudgetSpent?.(sorted.length - i);
  for (; i < sorted.length; i++) {
    // 100,000 rows at once held the event loop 0.1–0.3 s on a loaded machine (the page's files waited).
    if (i % PENDING_SLICE === 0 && performance.now() - turn > LIST_TURN_MS) {
      await nextTurn();
      turn = performance.now();
    }
    const id = sorted[i];
    const cached = options.cache?.entries.get(id);
    if (cached) inCache++;
    summaries.push(
      (cached && (cached.unchecked ? { ...cached.summary, pending: true } : cached.summary)) ?? {
        id,
        file: textFileOf(id),
        status: 'todo',
        entities: 0,
        quotes: 0,
        edits: 0,
        pending: true,
      },
    );
  }
  if (options.cache && options.cache.entries.size > inCache) {
    const ids = new Set(sorted);
    for (const id of options.cache.entries.keys())
      if (!ids.has(id)) {
        options.cache.entries.delete(id);
        options.cache.changed = true;
      }
  }
  return summaries;
}
