// `tahrir export <folder> --format F [--out PATH] [--status S] [--split 80,10,10 --seed N] [--json]`:
// the labeled dataset for a workspace. A progress bar on stderr when it is a terminal,
// the summary at the end. Exit 2 for usage errors, 1 for data errors (including
// documents that had to be skipped: they are named, and a destination that is not an
// earlier export of ours: never written over), 0 otherwise. An earlier export is replaced,
// as running the same command again means.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, type ExportSummary } from '../../shared/api';
import { isTahrirError } from '../../shared/errors';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../shared/model';
import { createExporter } from '../../shared/export/export-formats';
import { runExport } from '../export-job';
import { EXPORTS_FOLDER } from '../../shared/workspace-layout';
import { existingFolder, parseCommandLine, usageProblem } from './command-line';

export interface ParsedExportArgs {
  folder: string;
  format: ExportFormat;
  out?: string;
  status?: DocumentStatus;
  split?: number[];
  seed?: number;
  json: boolean;
}

const STATUSES = `--status must be one of ${DOCUMENT_STATUSES.join(', ')}`;
const SPLIT = '--split needs one to three numbers such as 80,10,10';
const SEED = '--seed needs a whole number';

/** Parses the arguments, or returns the usage problem. */
export function parseExportArgs(args: string[]): ParsedExportArgs | { problem: string } {
  let line;
  try {
    line = parseCommandLine(args, '', {
      flags: ['json'],
      options: ['format', 'out', 'status', 'split', 'seed'],
      noValue: {
        out: '--out needs a path',
        status: `${STATUSES} (got nothing)`,
        split: `${SPLIT} (got nothing)`,
        seed: `${SEED} (got nothing)`,
      },
    });
  } catch (e) {
    return { problem: (e as Error).message.trimEnd() };
  }
  const [folder, ...more] = line.positionals;
  const format = line.options.get('format');
  const parsed: ParsedExportArgs = { folder, format: format as ExportFormat, json: line.flags.has('json') };
  const out = line.options.get('out');
  if (out !== undefined) parsed.out = out;
  const status = line.options.get('status');
  if (status !== undefined) {
    if (!DOCUMENT_STATUSES.includes(status as DocumentStatus)) return { problem: `${STATUSES} (got ${status})` };
    parsed.status = status as DocumentStatus;
  }
  const split = line.options.get('split');
  if (split !== undefined) {
    const parts = split.split(',').map((p) => Number(p.trim()));
    if (!/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?){0,2}\s*$/.test(split) || parts.reduce((a, b) => a + b, 0) <= 0)
      return { problem: `${SPLIT} (got ${split})` };
    parsed.split = parts;
  }
  const seed = line.options.get('seed');
  if (seed !== undefined) {
    if (!/^-?\d+$/.test(seed)) return { problem: `${SEED} (got ${seed})` };
    parsed.seed = Number(seed);
  }
  if (more.length > 0) return { problem: `one folder only (got ${folder} and ${more[0]})` };
  if (folder === undefined) return { problem: 'which folder?' };
  if (format === undefined) return { problem: `--format is required (one of ${EXPORT_FORMATS.join(', ')})` };
  if (!EXPORT_FORMATS.includes(format as ExportFormat))
    return { problem: `unknown format "${format}" (one of ${EXPORT_FORMATS.join(', ')})` };
  return parsed;
}

/** One line redrawn in place: `[#####-----]  45/100  id`. */
export function progressLine(done: number, total: number, current: string | undefined, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const label = current ? `  ${current.length > 40 ? '…' + current.slice(-39) : current}` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total}${label}`;
}

export function summaryText(summary: ExportSummary): string {
  const lines = [`exported ${summary.documents} document${summary.documents === 1 ? '' : 's'}`];
  const labels = Object.entries(summary.spansByLabel).sort(([a], [b]) => (a < b ? -1 : 1));
  const spanCount = labels.reduce((n, [, c]) => n + c, 0);
  lines.push(`spans: ${spanCount}${labels.length ? ` (${labels.map(([l, c]) => `${l} ${c}`).join(', ')})` : ''}`);
  lines.push(`quotes: ${summary.quotes}`);
  if (summary.untouched?.length)
    lines.push(
      `left out ${summary.untouched.length} untouched documents (to do, nothing annotated): ${summary.untouched.join(', ')}`,
    );
  const leftOut = Object.entries(summary.leftOut);
  if (leftOut.length) lines.push(`left out: ${leftOut.map(([why, n]) => `${n} ${why}`).join(', ')}`);
  for (const s of summary.leftOutSpans ?? [])
    lines.push(`left out of ${s.document}: ${s.label ?? 'quote'} ${JSON.stringify(s.text)} (${s.reason})`);
  for (const r of summary.reanchored) lines.push(`${r.file}: ${r.message}`);
  for (const s of summary.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  for (const o of summary.outputs) lines.push(`wrote ${o}`);
  return lines.join('\n') + '\n';
}

/**
 * `./tahrir-<format>[.ext]`; a folder export (brat: its texts as .txt files) run from inside the workspace goes to
 * its `exports/` instead, which the listing skips (elsewhere in it, its texts would be read as documents).
 */
function defaultOut(root: string, format: string, exporter: { layout: string; extension: string }): string {
  if (exporter.layout !== 'folder') return `tahrir-${format}.${exporter.extension}`;
  const inWorkspace = relative(resolve(root), resolve(`tahrir-${format}`));
  return inWorkspace.startsWith('..') || isAbsolute(inWorkspace)
    ? `tahrir-${format}`
    : join(root, EXPORTS_FOLDER, `tahrir-${format}`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseExportArgs(args);
  if ('problem' in parsed) return usageProblem('export', parsed.problem);
  const root = await existingFolder('export', parsed.folder);
  if (!root) return 2;
  const exporter = createExporter(parsed.format);
  const out = parsed.out ?? defaultOut(root, parsed.format, exporter);
  const tty = process.stderr.isTTY === true;
  let lastDraw = 0;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const summary = await runExport({
      root,
      request: {
        format: parsed.format,
        out,
        status: parsed.status,
        split: parsed.split,
        seed: parsed.seed,
        replace: true,
      },
      signal: controller.signal,
      // This process has nothing else to serve while it exports.
      blockingReads: true,
      onProgress: tty
        ? (done, total, current) => {
            const now = Date.now();
            if (done !== total && now - lastDraw < 50) return;
            lastDraw = now;
            process.stderr.write(`\r\x1b[2K${progressLine(done, total, current)}`);
          }
        : undefined,
    });
    if (tty) process.stderr.write('\r\x1b[2K');
    process.stdout.write(parsed.json ? JSON.stringify(summary, null, 2) + '\n' : summaryText(summary));
    if (summary.skipped.length > 0) {
      process.stderr.write(
        `tahrir export: ${summary.skipped.length} document${summary.skipped.length === 1 ? '' : 's'} skipped (named above)\n`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    if (tty) process.stderr.write('\r\x1b[2K');
    const usage = isTahrirError(error) && error.code === 'invalid-argument';
    const taken = isTahrirError(error) && error.code === 'exists';
    process.stderr.write(
      `tahrir export: ${error instanceof Error ? error.message : String(error)}${taken ? ' (choose another destination with --out PATH)' : ''}\n`,
    );
    return usage ? 2 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
