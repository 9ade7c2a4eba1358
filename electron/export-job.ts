// Runs an export over a workspace: reads each document and its sidecar, maps it to an
// export record, and streams it into the chosen format, one document at a time, with
// backpressure (memory stays flat however large the corpus). Everything is written
// under temporary names and renamed into place only when the whole export succeeded,
// so a cancelled or failed export leaves nothing partial behind; what is there already is
// replaced only when it is an earlier export of ours (export-manifest.ts).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExportRequest, ExportSummary } from '../shared/api';
import { EXPORT_FORMATS } from '../shared/api';
import { TahrirError, isTahrirError } from '../shared/errors';
import {
  addCount,
  isUntouched,
  toExportRecord,
  type ExportRecord,
  type LeftOutSpan,
} from '../shared/export/export-record';
import { createExporter } from '../shared/export/export-formats';
import type { ExportWriter, FormatExporter } from '../shared/export/exporter';
import { emptySidecar } from '../shared/sidecar';
import { describeConflicts } from '../shared/sidecar-conflicts';
import { errorMessage, inEnglish, message, type Message } from '../shared/i18n/message';
import type { Sidecar } from '../shared/model';
import { readTextFile, readTextFileSync, type TextFile } from './text-file';
import { readSidecar, readSidecarContentSync } from './sidecar-store';
import { isInside } from './confine';
import {
  checkDestination,
  checkDestinationAgain,
  confirmReplace,
  recordExport,
  type Destination,
} from './export-manifest';
import { documentIdOf, documentIdOfSidecar, sidecarFileOf, textFileOf } from '../shared/workspace-layout';
import { findFiles, pathInWorkspace, sortIds } from './workspace-files';
import { encodingFor, readWorkspaceConfig } from './workspace-config';

/** A document of the workspace as the export and import jobs read it. */
export interface WorkspaceDocument {
  id: string;
  /** Workspace-relative paths, `/` separated, for messages. */
  file: string;
  sidecarFile: string;
  textPath: string;
  sidecarPath: string;
  encoding?: string;
}

/**
 * The workspace's documents as ids only, in id order, and what turns an id into its document:
 * a short string per document is all a listing of 10,000 holds, the rest is made when it is read.
 * None under `exclude` (an export folder inside the workspace).
 */
export async function workspaceDocumentIds(
  root: string,
  exclude?: string,
): Promise<{ ids: string[]; documentOf: (id: string) => WorkspaceDocument; textless: string[] }> {
  const { config } = await readWorkspaceConfig(root);
  // findFiles follows no link out of the workspace, so its paths need no further confinement.
  const { texts, sidecars } = await findFiles(root);
  const realRoot = await realpath(root);
  const realExclude = exclude
    ? await realpath(dirname(exclude))
        .then((d) => join(d, basename(exclude)))
        .catch(() => exclude)
    : undefined;
  const ids: string[] = [];
  for (const file of texts) {
    if (realExclude && isInside(realExclude, join(realRoot, ...file.split('/')))) continue;
    ids.push(documentIdOf(file));
  }
  sortIds(ids);
  // Sidecars whose text is gone (renamed, moved, deleted in a merge): their annotations cannot be exported, and an
  // export that said nothing of them lost them from the dataset unseen.
  const hasText = new Set(texts.map(documentIdOf));
  const textless = sidecars.filter((f) => !hasText.has(documentIdOfSidecar(f)));
  textless.sort();
  const documentOf = (id: string): WorkspaceDocument => {
    const file = textFileOf(id);
    const sidecarFile = sidecarFileOf(id);
    return {
      id,
      file,
      sidecarFile,
      textPath: pathInWorkspace(realRoot, file),
      sidecarPath: pathInWorkspace(realRoot, sidecarFile),
      encoding: encodingFor(config, file),
    };
  };
  return { ids, documentOf, textless };
}

/** Every document of the workspace, in id order; none under `exclude` (an export folder inside it). */
export async function workspaceDocuments(root: string, exclude?: string): Promise<WorkspaceDocument[]> {
  const { ids, documentOf } = await workspaceDocumentIds(root, exclude);
  return ids.map(documentOf);
}

export type ExportProgress = (done: number, total: number, current?: string) => void;

export interface ExportJobOptions {
  /** Absolute path of the workspace folder. */
  root: string;
  request: ExportRequest;
  onProgress?: ExportProgress;
  signal?: AbortSignal;
  /**
   * Read each document with blocking calls, one at a time, instead of reading a few ahead
   * through the thread pool: several times cheaper per short article, for a process that has
   * nothing else to serve meanwhile (the `tahrir` command). The app's main process keeps the
   * default, so a slow disk never freezes its windows.
   */
  blockingReads?: boolean;
}

const PART_NAMES: Record<number, string[]> = { 1: [''], 2: ['train', 'test'], 3: ['train', 'dev', 'test'] };

/** Checks a split such as [80, 10, 10]: one to three non-negative parts, not all zero. */
export function checkSplit(split: readonly number[] | undefined): number[] {
  if (!split || split.length === 0) return [100];
  if (split.length > 3 || split.some((p) => !Number.isFinite(p) || p < 0) || split.reduce((a, b) => a + b, 0) <= 0) {
    throw new TahrirError(
      'invalid-argument',
      `split ${split.join(',')} must be one to three non-negative numbers, e.g. 80,10,10`,
    );
  }
  return [...split];
}

/**
 * The part (index into `split`) a document falls in: a hash of its id and the seed, so the same inputs always split the
 * same way.
 */
export function splitPart(id: string, seed: number, split: readonly number[]): number {
  if (split.length === 1) return 0;
  const h = createHash('sha256').update(`${seed}\u0000${id}`).digest().readUInt32BE(0) / 2 ** 32;
  const total = split.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < split.length; i++) {
    acc += split[i] / total;
    if (h < acc) return i;
  }
  return split.length - 1;
}

/** Final output paths, one per split part. */
export async function exportOutputs(root: string, request: ExportRequest): Promise<string[]> {
  const exporter = createExporter(request.format);
  const parts = PART_NAMES[checkSplit(request.split).length];
  let out = resolve(request.out);
  if (exporter.layout === 'folder') return parts.map((p) => (p ? join(out, p) : out));
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) out = join(out, `${basename(root)}.${exporter.extension}`);
  const ext = extname(out);
  const stem = ext ? out.slice(0, -ext.length) : out;
  return parts.map((p) => (p ? `${stem}.${p}${ext || `.${exporter.extension}`}` : out));
}

/** Size of each of a file output's two buffers. */
const OUTPUT_BUFFER_BYTES = 256 * 1024;

/**
 * Appended text goes into one of two fixed buffers while the other is being written: at most one
 * write waits on the disk, memory is the same for 10 or 10,000 documents, and no buffer is made
 * per record (those pile up outside the JS heap until a garbage collection frees them).
 */
class FileOutput implements ExportWriter {
  private handle: FileHandle | null = null;
  private filling = Buffer.allocUnsafeSlow(OUTPUT_BUFFER_BYTES);
  private spare = Buffer.allocUnsafeSlow(OUTPUT_BUFFER_BYTES);
  private used = 0;
  /** The write of the spare buffer in flight; never rejects (a failure is kept in `failure`). */
  private writing: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  /** Of the bytes written, in order: the manifest's proof that the file is ours. */
  private readonly hash = createHash('sha256');
  constructor(readonly path: string) {}
  get sha256(): string {
    return this.hash.copy().digest('hex');
  }
  /** Creates the file (never over an existing one). */
  async open(): Promise<void> {
    this.handle = await open(this.path, 'wx');
  }
  async append(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: most records fit without measuring them.
    const room = this.filling.length - this.used;
    if (chunk.length * 3 > room && Buffer.byteLength(chunk, 'utf8') > room) {
      await this.flush();
      if (Buffer.byteLength(chunk, 'utf8') > this.filling.length) {
        // A record larger than the buffer (a very long article) goes out on its own, after what came before it.
        await this.writing;
        if (this.failure) throw this.failure;
        await this.writeAll(Buffer.from(chunk, 'utf8'));
        return;
      }
    }
    this.used += this.filling.write(chunk, this.used, 'utf8');
  }
  /** Waits for the spare buffer to be written, then starts writing the full one and fills the spare. */
  private async flush(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure;
    const full = this.filling.subarray(0, this.used);
    [this.filling, this.spare] = [this.spare, this.filling];
    this.used = 0;
    this.writing = this.writeAll(full).catch((e: Error) => {
      this.failure = e;
    });
  }
  private async writeAll(bytes: Uint8Array): Promise<void> {
    this.hash.update(bytes);
    for (let at = 0; at < bytes.length;) at += (await this.handle!.write(bytes, at, bytes.length - at)).bytesWritten;
  }
  writeFile(): never {
    throw new TahrirError('invalid-argument', 'this format writes one file');
  }
  async close(): Promise<void> {
    await this.flush();
    await this.writing;
    if (this.failure) throw this.failure;
    await this.handle!.close();
    this.handle = null;
  }
  /** After a failure or a cancel: no write is still landing and the file is closed once this resolves. */
  async destroy(): Promise<void> {
    await this.writing;
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
  }
}

/** Writes whole files under a folder (brat). */
class FolderOutput implements ExportWriter {
  private readonly made = new Set<string>();
  /** sha256 of every file written, by its path under the export folder (for the manifest). */
  readonly files: Record<string, string> = {};
  constructor(
    readonly path: string,
    /** This output's place under the export folder ('' or `train/`…). */
    private readonly prefix: string,
  ) {}
  append(): never {
    throw new TahrirError('invalid-argument', 'this format writes a folder of files');
  }
  async writeFile(relativePath: string, content: string): Promise<void> {
    const target = resolve(this.path, ...relativePath.split('/'));
    if (!target.startsWith(this.path + sep))
      throw new TahrirError('outside-workspace', `refusing to write ${relativePath} outside the export folder`);
    const dir = dirname(target);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    await writeFile(target, content, 'utf8');
    this.files[this.prefix + relativePath.split('/').filter(Boolean).join('/')] = createHash('sha256')
      .update(content, 'utf8')
      .digest('hex');
  }
  async close(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * Checks where an export would write before anything is written: every output absent (or an
 * empty folder), or an earlier export of ours and `request.replace` set; else a TahrirError
 * 'exists' naming the path (detail.earlierExport says whether replacing it may be confirmed).
 */
export async function checkExportDestination(
  root: string,
  request: ExportRequest,
  before?: Destination[],
): Promise<Destination[]> {
  const layout = createExporter(request.format).layout;
  const paths = layout === 'folder' ? [resolve(request.out)] : await exportOutputs(root, request);
  const found: Destination[] = [];
  for (const [i, path] of paths.entries()) {
    found.push(
      before?.[i]
        ? await checkDestinationAgain(root, path, layout, before[i])
        : await checkDestination(root, path, layout),
    );
  }
  paths.forEach((path, i) => confirmReplace(path, found[i], request.replace));
  return found;
}

function describe(e: unknown): string {
  if (isTahrirError(e)) return e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Documents read ahead of the one being written: enough to hide disk latency, few enough that memory stays flat. */
const READ_AHEAD = 16;

/**
 * With blocking reads, documents between turns of the event loop: a cancel or a Ctrl+C is seen even when nothing is
 * written.
 */
const DOCUMENTS_PER_TURN = 64;

type Skipped = ExportSummary['skipped'][number];
type LoadedDocument = { text: string; sha256: string; sidecar: Sidecar } | { skipped: Skipped };

/** Why a document is skipped, in English for the CLI and as its message for the editor. */
function skipped(file: string, why: Message): Skipped {
  return { file, reason: inEnglish(why), reasonMessage: why };
}
/** An error as a message: a common one by its catalog message, anything else in the system's own words. */
const said = (e: unknown): Message =>
  isTahrirError(e) ? errorMessage(e.toData()) : message('error.raw', { text: describe(e) });
const unreadable = (e: unknown): Message => message('skipped.unreadable', undefined, { message: said(e) });
const brokenSidecar = (e: unknown): Message => message('skipped.broken-sidecar', undefined, { message: said(e) });

/** A document's text and sidecar, or why it is skipped (named). Never throws. */
async function loadDocument(doc: WorkspaceDocument): Promise<LoadedDocument> {
  let text: TextFile;
  try {
    text = await readTextFile(doc.textPath, doc.encoding, { file: doc.file });
  } catch (e) {
    return { skipped: skipped(doc.file, unreadable(e)) };
  }
  try {
    return withSidecar(doc, text, (await readSidecar(doc.sidecarPath, doc.sidecarFile))?.sidecar ?? null);
  } catch (e) {
    return { skipped: skipped(doc.sidecarFile, brokenSidecar(e)) };
  }
}

/** loadDocument with blocking reads (ExportJobOptions.blockingReads). */
function loadDocumentSync(doc: WorkspaceDocument): LoadedDocument {
  let text: TextFile;
  try {
    text = readTextFileSync(doc.textPath, doc.encoding, { file: doc.file });
  } catch (e) {
    return { skipped: skipped(doc.file, unreadable(e)) };
  }
  try {
    return withSidecar(doc, text, readSidecarContentSync(doc.sidecarPath, doc.sidecarFile));
  } catch (e) {
    return { skipped: skipped(doc.sidecarFile, brokenSidecar(e)) };
  }
}

function withSidecar(doc: WorkspaceDocument, { text, sha256 }: TextFile, stored: Sidecar | null): LoadedDocument {
  // Teams: two annotators' versions not yet settled are no dataset yet.
  const conflicts = stored?.conflicts ?? [];
  if (conflicts.length > 0)
    return {
      skipped: {
        file: doc.sidecarFile,
        reason: `${describeConflicts(conflicts)}: resolve them in Tahrir first`,
        reasonMessage: { key: 'skipped.conflicts', values: { n: conflicts.length } },
      },
    };
  return {
    text,
    sha256,
    sidecar: stored ?? emptySidecar(basename(doc.textPath), sha256, Array.from(text).length),
  };
}

/** Counts what the file holds: the record's spans and quotes but those its format left out. */
function countWritten(summary: ExportSummary, record: ExportRecord, formatLeftOut: readonly LeftOutSpan[]): void {
  if (formatLeftOut.length === 0) {
    // Every span written (jsonl, always): counted straight into the summary, no count of the document's own.
    for (const s of record.spans) addCount(summary.spansByLabel, s.label);
    summary.quotes += record.quotes.length;
    return;
  }
  const spans: Record<string, number> = {};
  for (const s of record.spans) addCount(spans, s.label);
  let quotes = record.quotes.length;
  for (const s of formatLeftOut) {
    if (s.label === null) quotes--;
    else spans[s.label]--;
  }
  for (const [label, n] of Object.entries(spans)) addCount(summary.spansByLabel, label, n);
  summary.quotes += quotes;
}

/** Runs one export to completion (or throws: cancelled, bad request, disk failure). */
export async function runExport(options: ExportJobOptions): Promise<ExportSummary> {
  const { root, request, onProgress, signal } = options;
  if (!EXPORT_FORMATS.includes(request.format)) {
    throw new TahrirError(
      'invalid-argument',
      `unknown format "${request.format}" (one of ${EXPORT_FORMATS.join(', ')})`,
    );
  }
  const split = checkSplit(request.split);
  const seed = request.seed ?? 0;
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new TahrirError('not-found', 'no such folder', root);

  const finals = await exportOutputs(root, request);
  const folderLayout = createExporter(request.format).layout === 'folder';
  const destinations = await checkExportDestination(root, request);
  const tag = `.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  let folderFinal: string | null = null;
  let folderTemp: string | null = null;
  let outputs: (FileOutput | FolderOutput)[];
  if (folderLayout) {
    folderFinal = resolve(request.out);
    folderTemp = folderFinal + tag;
    await mkdir(folderTemp, { recursive: true });
    outputs = finals.map((f) => {
      const under = f.slice(folderFinal!.length + 1);
      return new FolderOutput(folderTemp + f.slice(folderFinal!.length), under ? `${under}/` : '');
    });
  } else {
    for (const f of finals) await mkdir(dirname(f), { recursive: true });
    outputs = finals.map((f) => new FileOutput(f + tag));
  }
  const exporters: FormatExporter[] = finals.map(() => createExporter(request.format));

  const summary: ExportSummary = {
    documents: 0,
    spansByLabel: {},
    quotes: 0,
    leftOut: {},
    untouched: [],
    leftOutSpans: [],
    skipped: [],
    reanchored: [],
    outputs: finals,
  };
  try {
    for (const o of outputs) if (o instanceof FileOutput) await o.open();
    for (let i = 0; i < exporters.length; i++) await exporters[i].start(outputs[i]);
    const { ids, documentOf, textless } = await workspaceDocumentIds(root, folderFinal ?? undefined);
    for (const sidecarFile of textless)
      summary.skipped.push(
        skipped(sidecarFile, message('skipped.text-missing', { text: textFileOf(documentIdOfSidecar(sidecarFile)) })),
      );
    const total = ids.length;
    let done = 0;
    // Read a few documents ahead (disk latency overlaps the mapping), but write them in order;
    // with blocking reads, one at a time.
    const pending: Promise<LoadedDocument>[] = [];
    let next = 0;
    const fill = () => {
      while (next < ids.length && pending.length < READ_AHEAD) pending.push(loadDocument(documentOf(ids[next++])));
    };
    for (const id of ids) {
      if (signal?.aborted) throw new TahrirError('cancelled', 'export cancelled');
      onProgress?.(done, total, id);
      done++;
      const doc = documentOf(id);
      let loaded: LoadedDocument;
      if (options.blockingReads) {
        if (done % DOCUMENTS_PER_TURN === 0) await nextTurn();
        loaded = loadDocumentSync(doc);
      } else {
        fill();
        loaded = await pending.shift()!;
      }
      if ('skipped' in loaded) {
        summary.skipped.push(loaded.skipped);
        continue;
      }
      const { text, sha256, sidecar } = loaded;
      if (request.status && sidecar.document.status !== request.status) continue;
      if (request.skipUntouched && isUntouched(sidecar)) {
        summary.untouched.push(doc.id);
        continue;
      }
      let built;
      try {
        built = toExportRecord(doc.id, text, sidecar, { textSha256: sha256 });
      } catch (e) {
        summary.skipped.push(skipped(doc.sidecarFile, brokenSidecar(e)));
        continue;
      }
      const { record, leftOutSpans, notes } = built;
      for (const n of notes) summary.reanchored.push({ file: doc.sidecarFile, ...n });
      const part = splitPart(doc.id, seed, split);
      const formatLeftOut = await exporters[part].add(record, outputs[part]);
      summary.documents++;
      countWritten(summary, record, formatLeftOut);
      for (const s of [...leftOutSpans, ...formatLeftOut]) {
        addCount(summary.leftOut, s.reason);
        summary.leftOutSpans.push({ document: doc.id, ...s });
      }
    }
    if (signal?.aborted) throw new TahrirError('cancelled', 'export cancelled');
    for (let i = 0; i < exporters.length; i++) await exporters[i].finish(outputs[i]);
    for (const o of outputs) await o.close();
    onProgress?.(total, total);
    // Checked again: something may have been put there while the export ran (an earlier
    // export whose files all kept their size, time and inode is not read again).
    await checkExportDestination(root, request, destinations);
    if (folderFinal && folderTemp) {
      const files: Record<string, string> = {};
      for (const o of outputs) Object.assign(files, (o as FolderOutput).files);
      // Only what an earlier export wrote is there (just checked): nothing else is removed.
      await rm(folderFinal, { recursive: true, force: true });
      await rename(folderTemp, folderFinal);
      await recordExport(folderFinal, { format: request.format, files });
    } else {
      for (let i = 0; i < outputs.length; i++) {
        await rename(outputs[i].path, finals[i]);
        await recordExport(finals[i], { format: request.format, sha256: (outputs[i] as FileOutput).sha256 });
      }
    }
    return summary;
  } catch (e) {
    for (const o of outputs) await o.destroy();
    if (folderTemp) await rm(folderTemp, { recursive: true, force: true });
    else for (const o of outputs) await rm(o.path, { force: true });
    throw e;
  }
}
