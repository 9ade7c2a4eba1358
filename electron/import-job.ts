// Brings pre-annotations from brat, jsonl, conll or Label Studio into the workspace's
// sidecars. Each document is merged on its own: identical spans are not added twice,
// conflicts are reported and left out, a sidecar that cannot be read or would name a label
// tahrir.json does not define is never written, and every write is atomic with the revision
// that was read.
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join, sep } from 'node:path';
import type { ImportReport, ImportRequest } from '../shared/api';
import { IMPORT_FORMATS } from '../shared/api';
import { TahrirError, isTahrirError } from '../shared/errors';
import { errorMessage, inEnglish, message, type Message } from '../shared/i18n/message';
import type { MessageKey } from '../shared/i18n/translator';
import { reanchor } from '../shared/anchoring';
import { PositionMap, mapSpan } from '../shared/position-map';
import { emptySidecar } from '../shared/sidecar';
import type { Sidecar } from '../shared/model';
import { parseBratAnn } from '../shared/import/import-brat';
import { alignConll, alignmentKey, parseConll } from '../shared/import/import-conll';
import { parseJsonlLine } from '../shared/import/import-jsonl';
import { parseLabelStudio } from '../shared/import/import-labelstudio';
import { mergeAnnotations } from '../shared/import/merge';
import { toSourceAnnotations, type ImportedDocument } from '../shared/import/pre-annotations';
import { readTextFile } from './text-file';
import { realFileInside } from './confine';
import { WALK_LIMITS, walkFolder, type WalkLimits } from './folder-walk';
import { stampAuthorship } from '../shared/authorship';
import { readSidecar, writeSidecarAtomic } from './sidecar-store';
import { workspaceDocuments, type WorkspaceDocument } from './export-job';
import { readWorkspaceConfig } from './workspace-config';
import { documentIdOfName } from '../shared/workspace-layout';

export interface ImportJobOptions {
  /** Absolute path of the workspace folder. */
  root: string;
  request: ImportRequest;
  /**
   * Stops the import between two documents: those merged before stay merged (each sidecar is written whole), the rest
   * are not touched, and the report says so (`cancelled`) with what was done.
   */
  signal?: AbortSignal;
  /** Items of the source done of all (JSONL lines, Label Studio tasks, brat .ann files, CoNLL documents). */
  onProgress?: (done: number, total: number) => void;
  /**
   * A sidecar about to be written (its workspace path, the sha256 of its new bytes): the Backend's watcher takes it for
   * its own; the function returned is called once the write is over (`written`: it was).
   */
  onWrite?: (file: string, revision: string) => (written: boolean) => void;
  /** How deep and how large a brat folder may be (tests set small ones). */
  limits?: Partial<WalkLimits>;
  /** Teams: who imports; what the import adds is stamped createdBy/changedBy with it. */
  annotator?: string;
}

/** An error as a message: a common one by its catalog message, anything else in the system's own words. */
function said(e: unknown): Message {
  if (isTahrirError(e)) return errorMessage(e.toData());
  return message('error.raw', { text: e instanceof Error ? e.message : String(e) });
}

/** Why a document or a line was skipped, with a reason that is an error (`why`). */
function because(key: MessageKey, e: unknown): Message {
  return message(key, undefined, { why: said(e) });
}

function undefinedLabelsMessage(undefinedLabels: string[], labels: ReadonlySet<string>): Message {
  const names = undefinedLabels.map((l) => JSON.stringify(l)).join(', ');
  const why = message('import-skip.undefined-labels', {
    n: undefinedLabels.length,
    names,
    defined: [...labels].join(', '),
  });
  return message('import-skip.not-written', undefined, { why });
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

interface OpenedForImport {
  doc: WorkspaceDocument;
  text: string;
  sidecar: Sidecar;
  revision: string | null;
  /** Source ↔ clean positions through the sidecar's edits. */
  map: PositionMap;
}

export async function runImport(options: ImportJobOptions): Promise<ImportReport> {
  const { root, request, signal } = options;
  if (!IMPORT_FORMATS.includes(request.format)) {
    throw new TahrirError(
      'invalid-argument',
      `unknown format "${request.format}" (one of ${IMPORT_FORMATS.join(', ')})`,
    );
  }
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory())
    throw new TahrirError('not-found', 'no such folder', root, undefined, message('error.no-such-folder'));
  const fromStat = await stat(request.from).catch(() => null);
  if (!fromStat)
    throw new TahrirError(
      'not-found',
      'no such file or folder',
      request.from,
      undefined,
      message('error.no-such-source'),
    );
  if (request.format !== 'brat' && fromStat.isDirectory()) {
    throw new TahrirError('invalid-argument', `is a folder; ${request.format} imports from one file`, request.from);
  }
  // A named pipe or a device would block the read, or never end.
  if (!fromStat.isDirectory() && !fromStat.isFile())
    throw new TahrirError('invalid-argument', 'is not a regular file; not read', request.from);

  const report: ImportReport = { documents: 0, added: 0, duplicates: 0, conflicts: [], skipped: [] };
  // The reason in English (what the CLI prints and scripts read) and as a message (what the editor says).
  const skip = (file: string, why: Message) =>
    report.skipped.push({ file, reason: inEnglish(why), reasonMessage: why });
  const labels = new Set((await readWorkspaceConfig(root)).config.labels.map((l) => l.name));
  const documents = await workspaceDocuments(root);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const realRoot = await realpath(root);

  const open = async (doc: WorkspaceDocument): Promise<OpenedForImport | null> => {
    // The listing follows no text file out of the workspace; a sidecar beside it could still be a link that does.
    try {
      await realFileInside(realRoot, doc.sidecarPath, doc.sidecarFile, 'workspace');
    } catch (e) {
      if (!(isTahrirError(e) && e.code === 'not-found')) {
        skip(doc.sidecarFile, said(e));
        return null;
      }
    }
    let text: string;
    let textSha: string;
    try {
      ({ text, sha256: textSha } = await readTextFile(doc.textPath, doc.encoding, { file: doc.file }));
    } catch (e) {
      skip(doc.file, because('import-skip.unreadable', e));
      return null;
    }
    let stored;
    try {
      stored = await readSidecar(doc.sidecarPath, doc.sidecarFile);
    } catch (e) {
      skip(doc.sidecarFile, because('import-skip.broken-sidecar', e));
      return null;
    }
    let sidecar = stored?.sidecar ?? emptySidecar(doc.textPath.split(sep).pop()!, textSha, Array.from(text).length);
    // The text changed on disk since the sidecar was written: anchor the spans to it first, as opening does.
    if (sidecar.source.sha256 !== textSha) {
      const anchored = reanchor(text, sidecar).sidecar;
      sidecar = { ...anchored, source: { ...anchored.source, sha256: textSha } };
    }
    let map: PositionMap;
    try {
      map = new PositionMap(text, sidecar.edits);
    } catch (e) {
      skip(doc.sidecarFile, because('import-skip.broken-sidecar', e));
      return null;
    }
    return { doc, text, sidecar, revision: stored?.revision ?? null, map };
  };

  const apply = async (opened: OpenedForImport, imported: ImportedDocument) => {
    const { doc, text, sidecar, revision, map } = opened;
    const placed = toSourceAnnotations(imported, text, sidecar);
    if ('problem' in placed) {
      skip(doc.file, placed.said);
      return;
    }
    const { sidecar: merged, report: merge } = mergeAnnotations(sidecar, placed.annotations, {
      toClean: (start, end) => mapSpan(map, start, end),
    });
    report.documents++;
    report.duplicates += merge.duplicates;
    merge.conflicts.forEach((words, i) =>
      report.conflicts.push({ file: doc.sidecarFile, message: words, said: merge.said[i] }),
    );
    if (merge.added === 0) return;
    // As a save would be: a label tahrir.json does not define is refused (`tahrir validate` would fail the sidecar).
    const undefinedLabels = [...new Set(merged.entities.map((e) => e.label))].filter((l) => !labels.has(l));
    if (undefinedLabels.length > 0) {
      skip(doc.sidecarFile, undefinedLabelsMessage(undefinedLabels, labels));
      return;
    }
    try {
      const stamped = options.annotator
        ? { ...stampAuthorship(sidecar, merged, options.annotator), annotator: options.annotator }
        : merged;
      let over: ((written: boolean) => void) | undefined;
      try {
        await writeSidecarAtomic(doc.sidecarPath, stamped, revision, doc.sidecarFile, {
          beforeWrite: (sha) => (over = options.onWrite?.(doc.sidecarFile, sha)),
        });
        over?.(true);
      } catch (e) {
        over?.(false);
        throw e;
      }
    } catch (e) {
      // e.g. saved by the editor meanwhile (stale revision): that document is left as it is.
      skip(doc.sidecarFile, because('import-skip.not-written', e));
      return;
    }
    report.added += merge.added;
  };

  /** Imports one document named by id (a path inside the workspace). */
  const importById = async (imported: ImportedDocument, where: string) => {
    const id = documentIdOfName(imported.id!.replace(/\\/g, '/'));
    const doc = byId.get(id);
    if (!doc) {
      const escapes = id.split('/').includes('..') || id.startsWith('/') || /^[A-Za-z]:/.test(id);
      skip(where, message(escapes ? 'import-skip.outside' : 'import-skip.no-document', { id }));
      return;
    }
    const opened = await open(doc);
    if (opened) await apply(opened, imported);
  };

  // Documents named by their text instead of an id (Label Studio tasks from elsewhere, CoNLL).
  let textIndex: Map<string, WorkspaceDocument[]> | null = null;
  const findByText = async (key: (clean: string) => string, wanted: string): Promise<OpenedForImport | null> => {
    if (!textIndex) {
      const reported = report.skipped.length;
      textIndex = new Map();
      for (const doc of documents) {
        if (signal?.aborted) break;
        const opened = await open(doc).catch(() => null);
        if (!opened) continue;
        const k = sha256(key(opened.map.cleanText));
        textIndex.set(k, [...(textIndex.get(k) ?? []), doc]);
      }
      report.skipped.length = reported; // problems are reported for the documents actually imported, not for every one indexed
    }
    const hits = textIndex.get(sha256(wanted)) ?? [];
    if (hits.length !== 1) return null;
    return open(hits[0]);
  };

  // Between two items: a cancel ends the import with the report of what was merged (a 5,424-line JSONL took 7.9 s in
  // the editor, 4.6 s of the server's CPU, with neither progress nor a way out: the dialog could not even be closed).
  const cancelled = (): boolean => {
    if (signal?.aborted) report.cancelled = true;
    return report.cancelled === true;
  };
  const progress = (done: number, total: number) => options.onProgress?.(done, total);

  switch (request.format) {
    case 'jsonl': {
      const total = options.onProgress ? await countLines(request.from) : 0;
      const lines = createInterface({ input: createReadStream(request.from, 'utf8'), crlfDelay: Infinity });
      let n = 0;
      for await (const line of lines) {
        if (cancelled()) break;
        progress(n, total);
        n++;
        if (line.trim() === '') continue;
        const where = `${request.from}:${n}`;
        let imported: ImportedDocument;
        try {
          imported = parseJsonlLine(line, where);
        } catch (e) {
          skip(where, said(e));
          continue;
        }
        if (imported.id === undefined) skip(where, message('import-skip.no-id'));
        else await importById(imported, where);
      }
      break;
    }
    case 'labelstudio': {
      const tasks = parseLabelStudio(await readFile(request.from, 'utf8'), request.from);
      for (const [i, task] of tasks.entries()) {
        if (cancelled()) break;
        progress(i, tasks.length);
        const where = `${request.from}: task ${i + 1}`;
        if (task.id !== undefined) await importById(task, where);
        else {
          const opened = await findByText((clean) => clean, task.text ?? '');
          if (cancelled()) break;
          if (opened) await apply(opened, task);
          else skip(where, message('import-skip.no-task-text'));
        }
      }
      break;
    }
    case 'brat': {
      if (!fromStat.isDirectory())
        throw new TahrirError('invalid-argument', 'brat imports from a folder of .ann and .txt files', request.from);
      // Every file read is resolved inside the folder named (under `tahrir serve` and on the desktop, a folder inside
      // the workspace or picked in a dialog).
      const folder = await realpath(request.from);
      const walk = await walkFolder(folder, request.from, (name) => name.endsWith('.ann'), {
        ...WALK_LIMITS,
        ...options.limits,
      });
      for (const link of walk.folderLinks)
        skip(join(request.from, ...link.split('/')), message('import-skip.folder-link'));
      for (const [i, rel] of walk.files.entries()) {
        if (cancelled()) break;
        progress(i, walk.files.length);
        const annPath = join(request.from, ...rel.split('/'));
        const id = rel.replace(/\.ann$/, '');
        let imported: ImportedDocument;
        try {
          const where = 'import-folder';
          const ann = await realFileInside(folder, annPath, annPath, where);
          const txtPath = annPath.replace(/\.ann$/, '.txt');
          const txt = await readTextFile(await realFileInside(folder, txtPath, txtPath, where), undefined, {
            file: txtPath,
          });
          imported = parseBratAnn(await readFile(ann, 'utf8'), txt.text, annPath, id);
        } catch (e) {
          skip(annPath, said(e));
          continue;
        }
        await importById(imported, annPath);
      }
      break;
    }
    case 'conll': {
      const docs = parseConll(await readFile(request.from, 'utf8'), request.from);
      for (const [i, tokens] of docs.entries()) {
        if (cancelled()) break;
        progress(i, docs.length);
        const where = `${request.from}: document ${i + 1}`;
        const opened = await findByText(alignmentKey, tokens.map((t) => t.text).join(''));
        if (cancelled()) break;
        if (!opened) {
          skip(where, message('import-skip.no-tokens-match'));
          continue;
        }
        let imported: ImportedDocument;
        try {
          imported = alignConll(tokens, opened.map.cleanText, where);
        } catch (e) {
          skip(where, said(e));
          continue;
        }
        await apply(opened, imported);
      }
      break;
    }
  }
  return report;
}

/** Lines of a file (the last one without its line break counted too): a JSONL import's total, read before it runs. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}
