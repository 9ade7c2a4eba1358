// The document list kept between runs in the workspace's git-ignored `.tahrir/document-list.json`:
// each document's summary with the size and mtime its files had when it was read. Opening 100,000
// documents again then stats them instead of reading 200,000 files. Nothing in it is believed over
// the files: a summary from it is listed `pending` until its files' stamps are checked (a changed
// file is read again), a document gone from the folder leaves the list, and a cache that is not
// exactly what this code writes is ignored whole and written again after the next full listing.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentSummary } from '../shared/api';
import { DOCUMENT_STATUSES } from '../shared/model';
import type { DocumentStatus } from '../shared/model';
import { TAHRIR_DIR } from '../shared/workspace-layout';
import { writeFileAtomic } from './sidecar-store';
import type { CachedSummary, FileStamp, SummaryCache } from './workspace';

export const LIST_CACHE_FILE = 'document-list.json';
const VERSION = 1;

/** One document as kept: [id, text stamp, sidecar stamp, encoding, summary without id and file]. */
type Row = [string, Stamp, Stamp, string | null, Kept];
type Stamp = [size: number, mtimeMs: number] | null;
type Kept = Omit<DocumentSummary, 'id' | 'file' | 'pending'>;

const stampRow = (s: FileStamp | null): Stamp => (s ? [s.size, s.mtimeMs] : null);

function stampOfRow(value: unknown): FileStamp | null | undefined {
  if (value === null) return null;
  if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return undefined;
  return { size: value[0], mtimeMs: value[1] };
}

/** A kept summary, or undefined when the row is not one this code wrote. */
function summaryOfRow(id: string, file: string, value: unknown): DocumentSummary | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.status !== 'string' || !DOCUMENT_STATUSES.includes(v.status as DocumentStatus)) return undefined;
  for (const count of ['entities', 'quotes', 'edits'])
    if (!Number.isSafeInteger(v[count]) || (v[count] as number) < 0) return undefined;
  if (v.title !== undefined && typeof v.title !== 'string') return undefined;
  const problem = v.problem as Record<string, unknown> | undefined;
  if (problem !== undefined && (typeof problem?.code !== 'string' || typeof problem.message !== 'string'))
    return undefined;
  const summary: DocumentSummary = {
    id,
    file,
    status: v.status as DocumentStatus,
    entities: v.entities as number,
    quotes: v.quotes as number,
    edits: v.edits as number,
  };
  if (v.title !== undefined) summary.title = v.title as string;
  if (problem) summary.problem = problem as unknown as DocumentSummary['problem'];
  return summary;
}

/**
 * The kept list, every summary in it marked unchecked; null when there is none, or when it is broken
 * in any way (not JSON, another version, a row not as written): then nothing of it is used.
 */
export async function readListCache(
  root: string,
  fileOf: (id: string) => string,
): Promise<Map<string, CachedSummary> | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(root, TAHRIR_DIR, LIST_CACHE_FILE), 'utf8'));
  } catch {
    return null;
  }
  const file = parsed as { version?: unknown; documents?: unknown };
  if (!file || file.version !== VERSION || !Array.isArray(file.documents)) return null;
  const entries = new Map<string, CachedSummary>();
  for (const row of file.documents as unknown[]) {
    if (!Array.isArray(row) || row.length !== 5 || typeof row[0] !== 'string' || entries.has(row[0])) return null;
    const [id, text, sidecar, encoding, kept] = row as unknown[];
    const textStamp = stampOfRow(text);
    const sidecarStamp = stampOfRow(sidecar);
    const summary = summaryOfRow(id as string, fileOf(id as string), kept);
    if (textStamp === undefined || sidecarStamp === undefined || !summary) return null;
    if (encoding !== null && typeof encoding !== 'string') return null;
    entries.set(id as string, {
      text: textStamp,
      sidecar: sidecarStamp,
      encoding: encoding ?? undefined,
      summary,
      unchecked: true,
    });
  }
  return entries;
}

/** Keeps the summaries checked against the files (written whole, atomically, beside the other caches). */
export async function writeListCache(root: string, cache: SummaryCache): Promise<void> {
  const documents: Row[] = [];
  for (const [id, entry] of cache.entries) {
    if (entry.unchecked || entry.summary.pending) continue;
    const { id: _id, file: _file, pending: _pending, ...kept } = entry.summary;
    documents.push([id, stampRow(entry.text), stampRow(entry.sidecar), entry.encoding ?? null, kept]);
  }
  const dir = join(root, TAHRIR_DIR);
  // Not recursive: a workspace folder removed meanwhile is not made again.
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  const ignore = join(dir, '.gitignore');
  await stat(ignore).catch(() =>
    writeFile(ignore, '# Tahrir caches: template counts, learned model, recovery journal\n*\n'),
  );
  await writeFileAtomic(
    join(dir, LIST_CACHE_FILE),
    `${JSON.stringify({ version: VERSION, documents })}\n`,
    `${TAHRIR_DIR}/${LIST_CACHE_FILE}`,
  );
}
