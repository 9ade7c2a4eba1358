// `tahrir import <folder> --format brat|jsonl|conll|labelstudio --from PATH [--annotator NAME] [--json]`:
// pre-annotations merged into the sidecars. Identical spans are not added twice;
// conflicts are reported and left out; a sidecar that cannot be read is not touched.
// Exit 2 for usage errors, 1 when documents were skipped, the source is unreadable, or Ctrl+C stopped it (what was
// merged before stays, and is reported).
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport } from '../../shared/api';
import { isTahrirError } from '../../shared/errors';
import { annotatorName, cleanAnnotatorName } from '../annotator';
import { runImport } from '../import-job';
import { progressLine } from './export';
import { existingFolder, parseCommandLine, usageProblem } from './command-line';

export function parseImportArgs(
  args: string[],
): { folder: string; format: ImportFormat; from: string; json: boolean; annotator?: string } | { problem: string } {
  let line;
  try {
    line = parseCommandLine(args, '', { flags: ['json'], options: ['format', 'from', 'annotator'] });
  } catch (e) {
    return { problem: (e as Error).message.trimEnd() };
  }
  const [folder, ...more] = line.positionals;
  const format = line.options.get('format');
  const from = line.options.get('from');
  const json = line.flags.has('json');
  const annotator = line.options.get('annotator');
  if (more.length > 0) return { problem: `one folder only (got ${folder} and ${more[0]})` };
  if (folder === undefined) return { problem: 'which folder?' };
  if (format === undefined) return { problem: `--format is required (one of ${IMPORT_FORMATS.join(', ')})` };
  if (!IMPORT_FORMATS.includes(format as ImportFormat))
    return { problem: `unknown format "${format}" (one of ${IMPORT_FORMATS.join(', ')})` };
  if (!from) return { problem: '--from PATH is required (the file or folder to import)' };
  if (annotator !== undefined && !cleanAnnotatorName(annotator)) return { problem: '--annotator needs a name' };
  return {
    folder,
    format: format as ImportFormat,
    from,
    json,
    ...(annotator !== undefined ? { annotator: cleanAnnotatorName(annotator) } : {}),
  };
}

export function importReportText(report: ImportReport): string {
  const lines = [
    `imported into ${report.documents} document${report.documents === 1 ? '' : 's'}: ${report.added} added, ${report.duplicates} already there`,
  ];
  if (report.conflicts.length)
    lines.push(`${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'}, not applied:`);
  for (const c of report.conflicts) lines.push(`  ${c.file}: ${c.message}`);
  for (const s of report.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  if (report.cancelled)
    lines.push('cancelled: the documents counted above are merged, the rest of the source was not read');
  return lines.join('\n') + '\n';
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseImportArgs(args);
  if ('problem' in parsed) return usageProblem('import', parsed.problem);
  const root = await existingFolder('import', parsed.folder);
  if (!root) return 2;
  if (!(await stat(parsed.from).catch(() => null))) {
    process.stderr.write(`tahrir import: ${parsed.from}: no such file or folder\n`);
    return 2;
  }
  // A progress bar on a terminal, as export draws it; Ctrl+C stops between two documents and prints what was merged.
  const tty = process.stderr.isTTY === true;
  let lastDraw = 0;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    // Who imports: --annotator, else git's user.name for the workspace (Teams: createdBy on what is added).
    const annotator = await annotatorName(root, parsed.annotator);
    const report = await runImport({
      root,
      request: { format: parsed.format, from: resolve(parsed.from) },
      annotator,
      signal: controller.signal,
      onProgress: tty
        ? (done, total) => {
            const now = Date.now();
            if (now - lastDraw < 50) return;
            lastDraw = now;
            process.stderr.write(`\r\x1b[2K${progressLine(done, total, undefined)}`);
          }
        : undefined,
    });
    if (tty) process.stderr.write('\r\x1b[2K');
    process.stdout.write(parsed.json ? JSON.stringify(report, null, 2) + '\n' : importReportText(report));
    return report.skipped.length > 0 || report.cancelled ? 1 : 0;
  } catch (error) {
    if (tty) process.stderr.write('\r\x1b[2K');
    process.stderr.write(`tahrir import: ${error instanceof Error ? error.message : String(error)}\n`);
    return isTahrirError(error) && error.code === 'invalid-argument' && !error.file ? 2 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
