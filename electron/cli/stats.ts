// `tahrir stats <folder> [--json] [--html FILE [--lang en|ar]]`: documents per status, spans per label, quotes with and
// without a speaker, edits per kind. Unreadable files and sidecars whose text is gone are named (exit 1); the rest is
// counted.
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { isLocale, LOCALES, type Locale } from '../../shared/i18n/translator';
import { progressReportHtml } from '../../shared/progress-charts';
import { nowStamp } from '../../shared/timestamp';
import { readWorkspaceConfig } from '../workspace-config';
import { workspaceProgress } from '../workspace-progress';
import type { DocumentStatus, Sidecar } from '../../shared/model';
import { DOCUMENT_STATUSES } from '../../shared/model';
import { toTahrirError } from '../io-error';
import { readSidecarContentSync } from '../sidecar-store';
import { documentIdOf, documentIdOfSidecar, sidecarFileOf, textFileOfSidecar } from '../../shared/workspace-layout';
import { compareIds, findFiles, sortByIds } from '../workspace';
import { folderArgument, parseCommandLine, usageError } from './command-line';
import { usageOf } from './usage';

const USAGE = usageOf('stats');

export interface WorkspaceStats {
  documents: number;
  byStatus: Record<DocumentStatus, number>;
  spansByLabel: Record<string, number>;
  entities: number;
  quotes: { total: number; withSpeaker: number; withoutSpeaker: number };
  edits: { total: number; byKind: Record<string, number> };
  /** Spans waiting for the editor to re-attach them. */
  orphaned: number;
  /** Sidecars that could not be read (their documents count as todo). */
  problems: { file: string; message: string }[];
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function sortedKeys(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compareIds(a, b)));
}

/** Adds one document's sidecar to the counts. */
function count(stats: WorkspaceStats, s: Sidecar): void {
  stats.byStatus[s.document.status]++;
  for (const e of s.entities) {
    bump(stats.spansByLabel, e.label);
    if (e.orphaned) stats.orphaned++;
  }
  stats.entities += s.entities.length;
  for (const q of s.quotes) {
    stats.quotes.total++;
    if (q.speaker !== null || q.speakerName) stats.quotes.withSpeaker++;
    else stats.quotes.withoutSpeaker++;
    if (q.orphaned) stats.orphaned++;
  }
  for (const e of s.edits) {
    stats.edits.total++;
    bump(stats.edits.byKind, e.kind);
    if (e.orphaned) stats.orphaned++;
  }
}

/** Export's words for a sidecar whose text is gone (renamed, moved, deleted). */
function textMissing(sidecarFile: string): string {
  return `its text ${textFileOfSidecar(sidecarFile)} is missing (moved or deleted?): its annotations are not exported`;
}

/** Adds document `id` to the counts: its sidecar's, or a todo without one; an unreadable sidecar named. */
function countDocument(root: string, stats: WorkspaceStats, id: string): void {
  const file = sidecarFileOf(id);
  let sidecar: Sidecar | undefined;
  try {
    sidecar = readSidecarContentSync(join(root, file), file) ?? undefined;
  } catch (e) {
    stats.byStatus.todo++;
    stats.problems.push({ file, message: toTahrirError(e, file).message });
    return;
  }
  if (sidecar) count(stats, sidecar);
  else stats.byStatus.todo++;
}

/** Counts over every document of the workspace (texts, and sidecars whose text is gone). */
export async function workspaceStats(root: string): Promise<WorkspaceStats> {
  const stats: WorkspaceStats = {
    documents: 0,
    byStatus: Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>,
    spansByLabel: {},
    entities: 0,
    quotes: { total: 0, withSpeaker: 0, withoutSpeaker: 0 },
    edits: { total: 0, byKind: {} },
    orphaned: 0,
    problems: [],
  };
  // Each sidecar is read (blocking, as validate does) and folded into the counts at once, folder
  // by folder as the walk finds them, so the memory held is one folder's names and one sidecar,
  // not the corpus: collecting the sidecars first grew from 61 MB at 1,000 documents to 193 MB at
  // 50,000, and the list of every file name was still 30 MB of 100,000 documents' heap. A text and
  // its sidecar share their folder; counts need no order: only the problems are sorted.
  await findFiles(root, {
    eachFolder: ({ texts, sidecars }) => {
      const ids = new Set(texts.map(documentIdOf));
      const textless = sidecars.filter((s) => !ids.has(documentIdOfSidecar(s)));
      for (const s of textless) ids.add(documentIdOfSidecar(s));
      stats.documents += ids.size;
      for (const id of ids) countDocument(root, stats, id);
      // Counted (the editor lists it, its problem shown), and named: export skips it and exits 1, validate reports
      // it; a stats that said nothing of it exited 0 over annotations no dataset will hold.
      for (const file of textless) stats.problems.push({ file, message: `${file}: ${textMissing(file)}` });
    },
  });
  sortByIds(stats.problems, (p) => p.file);
  stats.spansByLabel = sortedKeys(stats.spansByLabel);
  stats.edits.byKind = sortedKeys(stats.edits.byKind);
  return stats;
}

function table(rows: [string, number][]): string {
  if (rows.length === 0) return '  (none)\n';
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(6)}\n`).join('');
}

export function formatStats(s: WorkspaceStats): string {
  return [
    `documents: ${s.documents}\n`,
    table(DOCUMENT_STATUSES.map((st) => [st, s.byStatus[st]])),
    `entities by label: ${s.entities}\n`,
    table(Object.entries(s.spansByLabel)),
    `quotes: ${s.quotes.total}\n`,
    table([
      ['with speaker', s.quotes.withSpeaker],
      ['without speaker', s.quotes.withoutSpeaker],
    ]),
    `edits: ${s.edits.total}\n`,
    table(Object.entries(s.edits.byKind)),
    s.orphaned > 0 ? `orphaned spans (to re-attach in the editor): ${s.orphaned}\n` : '',
  ].join('');
}

/** `--html FILE`: the progress charts in one self-contained page (the editor's progress view, on paper). */
async function writeReport(root: string, out: string, locale: Locale): Promise<void> {
  const { config } = await readWorkspaceConfig(root);
  const progress = await workspaceProgress(
    root,
    config.labels.map((l) => l.name),
  );
  const colors = Object.fromEntries(config.labels.map((l) => [l.name, l.color ?? '#9aa6b8']));
  try {
    await writeFile(out, progressReportHtml(basename(resolve(root)), progress, colors, nowStamp(), locale));
  } catch (e) {
    throw toTahrirError(e, out);
  }
  process.stderr.write(`wrote the progress charts to ${out}\n`);
}

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, { flags: ['json'], options: ['html', 'lang'] });
  const root = await folderArgument(line, USAGE);
  // The report's language: --lang, else English (the CLI's own lines are English; it has no language of its own).
  const lang = line.options.get('lang') ?? 'en';
  if (!isLocale(lang)) throw usageError(`--lang: "${lang}" is not one of ${LOCALES.join(', ')}`, USAGE);
  if (line.options.has('lang') && !line.options.has('html')) throw usageError('--lang goes with --html FILE', USAGE);
  const stats = await workspaceStats(root);
  const html = line.options.get('html');
  if (html !== undefined) await writeReport(root, resolve(html), lang);
  process.stdout.write(line.flags.has('json') ? JSON.stringify(stats, null, 2) + '\n' : formatStats(stats));
  for (const p of stats.problems) process.stderr.write(`${p.message}\n`);
  return stats.problems.length > 0 ? 1 : 0;
}
