// `tahrir validate <folder> [--json]`: checks every sidecar in the workspace — parses, schema,
// offsets in range, text anchors equal to the source, edits sorted and non-overlapping, speakers
// exist, labels from tahrir.json — and that every text decodes (what export will read), with or
// without a sidecar. Exit 0 when all are valid, 1 with a line per problem. Never writes.
import { isTahrirError } from '../../shared/errors';
import type { SidecarProblem } from '../../shared/sidecar';
import { checkSidecarAgainstSource } from '../../shared/sidecar-check';
import { describeConflicts } from '../../shared/sidecar-conflicts';
import { toTahrirError } from '../io-error';
import { readSidecarContentSync } from '../sidecar-store';
import { textFileOfSidecar } from '../../shared/workspace-layout';
import { readTextFileSync } from '../text-file';
import { CONFIG_FILE, encodingFor, readWorkspaceConfig } from '../workspace-config';
import { findFiles, pathInWorkspace, sortByIds } from '../workspace';
import { folderArgument, parseCommandLine } from './command-line';
import { usageOf } from './usage';

const USAGE = usageOf('validate');

export interface FileReport {
  /** Workspace-relative path of the file with problems. */
  file: string;
  problems: SidecarProblem[];
}

export interface ValidationReport {
  /** Sidecars checked. */
  checked: number;
  /** Texts without a sidecar checked (that they decode); those with one are checked with it. */
  texts: number;
  valid: boolean;
  files: FileReport[];
}

function checkOne(
  root: string,
  sidecarFile: string,
  encodings: (file: string) => string | undefined,
  labels: string[],
): SidecarProblem[] {
  let sidecar;
  try {
    sidecar = readSidecarContentSync(pathInWorkspace(root, sidecarFile), sidecarFile);
  } catch (e) {
    const err = toTahrirError(e, sidecarFile);
    const detail = Array.isArray(err.detail) ? (err.detail as SidecarProblem[]) : [];
    // Schema problems one per line; otherwise the one message (not JSON, newer version, …).
    if (err.code === 'broken-sidecar' && detail.length > 0 && detail.every((p) => p.path !== '')) return detail;
    return [
      {
        path: '',
        message: err.message.startsWith(`${sidecarFile}: `) ? err.message.slice(sidecarFile.length + 2) : err.message,
      },
    ];
  }
  if (!sidecar) return [];
  const textFile = textFileOfSidecar(sidecarFile);
  const name = textFile.slice(textFile.lastIndexOf('/') + 1);
  let text;
  try {
    text = readTextFileSync(pathInWorkspace(root, textFile), encodings(textFile), { file: textFile });
  } catch (e) {
    const err = toTahrirError(e, textFile);
    if (err.code === 'not-found')
      return [{ path: '', message: `its text file ${textFile} is missing (moved or deleted?)` }];
    return [{ path: '', message: `its text file cannot be read: ${err.message}` }];
  }
  const problems = checkSidecarAgainstSource(sidecar, text.text, name, { labels });
  // Teams: a merge left what two annotators changed for someone to settle.
  const conflicts = sidecar.conflicts ?? [];
  if (conflicts.length > 0)
    problems.push({
      path: 'conflicts',
      message: `${describeConflicts(conflicts)}: resolve them in Tahrir (export skips this document until then)`,
    });
  if (sidecar.source.sha256 !== text.sha256 && !problems.some((p) => p.path === 'source.length')) {
    problems.unshift({
      path: 'source.sha256',
      message: `does not match ${name}: the text changed since the sidecar was saved (open it in Tahrir to re-anchor)`,
    });
  }
  return problems;
}

/** A text without a sidecar: that it decodes, as export will read it (the message names the byte). */
function checkText(root: string, textFile: string, encodings: (file: string) => string | undefined): SidecarProblem[] {
  try {
    readTextFileSync(pathInWorkspace(root, textFile), encodings(textFile), { file: textFile });
    return [];
  } catch (e) {
    const err = toTahrirError(e, textFile);
    return [
      {
        path: '',
        message: err.message.startsWith(`${textFile}: `) ? err.message.slice(textFile.length + 2) : err.message,
      },
    ];
  }
}

/**
 * Checks every sidecar under `root`, and every text without one; reads only. One document at a time with blocking reads
 * (this command has nothing else to serve), folder by folder as the walk finds them (a text and its sidecar share
 * their folder): memory holds one folder's names and the problems found, never the documents nor the workspace's list
 * of names. Listing every name first, then sorting them all, held ~33 MB of 100,000 documents' heap, and V8 let the
 * heap grow to twice that: max RSS 63 MB at 10,000 documents, 120 at 100,000 (the read + JSON.parse floor's 58, 92).
 * Only the problems are sorted, into id order.
 */
export async function validateWorkspace(root: string): Promise<ValidationReport> {
  const files: FileReport[] = [];
  const loaded = await readWorkspaceConfig(root);
  if (loaded.problem) {
    const message = loaded.problem.message.startsWith(`${CONFIG_FILE}: `)
      ? loaded.problem.message.slice(CONFIG_FILE.length + 2)
      : loaded.problem.message;
    files.push({ file: CONFIG_FILE, problems: [{ path: '', message }] });
  }
  const labels = loaded.config.labels.map((l) => l.name);
  const encodings = (f: string) => encodingFor(loaded.config, f);
  const found: FileReport[] = [];
  let checked = 0;
  let texts = 0;
  await findFiles(root, {
    eachFolder: (folder) => {
      const annotated = new Set(folder.sidecars.map(textFileOfSidecar));
      for (const file of folder.sidecars) {
        const problems = checkOne(root, file, encodings, labels);
        if (problems.length > 0) found.push({ file, problems });
      }
      for (const file of folder.texts) {
        if (annotated.has(file)) continue;
        texts++;
        const problems = checkText(root, file, encodings);
        if (problems.length > 0) found.push({ file, problems });
      }
      checked += folder.sidecars.length;
    },
  });
  // In id order, sidecars and the texts without one together (the order the whole list sorted gave).
  files.push(...sortByIds(found, (f) => f.file));
  return { checked, texts, valid: files.length === 0, files };
}

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, { flags: ['json'] });
  const root = await folderArgument(line, USAGE);
  let report: ValidationReport;
  try {
    report = await validateWorkspace(root);
  } catch (e) {
    if (isTahrirError(e)) {
      process.stderr.write(`tahrir validate: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (line.flags.has('json')) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const f of report.files) {
      for (const p of f.problems) process.stdout.write(`${f.file}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
    }
    const bad = report.files.length;
    const summary = report.valid
      ? `${report.checked} sidecar${report.checked === 1 ? '' : 's'} checked, all valid\n`
      : `${report.checked} sidecar${report.checked === 1 ? '' : 's'} checked, ${bad} file${bad === 1 ? '' : 's'} with problems\n`;
    (report.valid ? process.stdout : process.stderr).write(summary);
  }
  return report.valid ? 0 : 1;
}
