// A sidecar the editor sends to be saved or journaled: parsed, migrated, sorted and checked
// against its text and the labels of tahrir.json; a sidecar on disk that does not fit its text
// is never overwritten. Every refusal names the file and what is wrong, and writes nothing.
import { TahrirError, isTahrirError } from '../shared/errors';
import { jsonValueProblem } from '../shared/json-limits';
import type { Sidecar } from '../shared/model';
import { checkSidecarAgainstSource } from '../shared/sidecar-check';
import { errorMessage, message, type Message } from '../shared/i18n/message';
import { describeProblems, invalidSidecarMessage, migrateSidecar, sortSidecar } from '../shared/sidecar';
import * as store from './sidecar-store';
import type { TextFile } from './text-file';
import type { LoadedConfig } from './workspace-config';

/**
 * A sidecar sent to be written, as an object or as its JSON text, parsed, migrated and sorted; refused naming `file`.
 */
export function incomingSidecar(sidecar: unknown, file: string): Sidecar {
  if (typeof sidecar === 'string') {
    try {
      sidecar = JSON.parse(sidecar) as unknown;
    } catch (e) {
      throw new TahrirError('invalid-argument', `the sidecar to save is not valid JSON: ${(e as Error).message}`, file);
    }
    // An object was checked with the other arguments (shared/api-arguments.ts); its text only now.
    const problem = jsonValueProblem(sidecar);
    if (problem)
      throw new TahrirError(
        'invalid-argument',
        `the sidecar to save is not valid: ${problem.path}: ${problem.message}`,
        file,
        [problem],
      );
  }
  try {
    return sortSidecar(migrateSidecar(sidecar, file));
  } catch (e) {
    const data = isTahrirError(e) ? e : null;
    throw new TahrirError(
      'invalid-argument',
      `the sidecar to save is not valid: ${data ? data.message : String(e)}`,
      file,
      data?.detail,
    );
  }
}

export function isRevision(x: unknown): x is string | null {
  return x === null || (typeof x === 'string' && /^[0-9a-f]{64}$/.test(x));
}

/** Refuses a sidecar to save that does not fit its text or names a label tahrir.json does not define. */
export function checkSidecarToSave(
  sidecar: Sidecar,
  text: TextFile,
  name: string,
  file: string,
  loaded: LoadedConfig,
): void {
  const problems = checkSidecarAgainstSource(sidecar, text.text, name, {
    labels: loaded.config.labels.map((l) => l.name),
  });
  if (problems.length > 0) {
    throw new TahrirError(
      'invalid-argument',
      `not saved: the sidecar is not valid for ${name}: ${describeProblems(problems)}${labelHint(problems, loaded)}`,
      file,
      problems,
      // The same in the catalog's words: the editor says it in its interface's language.
      labelHintMessage(invalidSidecarMessage(problems, name), problems, loaded),
    );
  }
}

/**
 * What the editor can do about a label tahrir.json does not define (and why tahrir.json is not in use, if it is not).
 */
function labelHint(problems: readonly { path: string }[], loaded: LoadedConfig): string {
  if (!problems.some((p) => /^entities\[\d+\]\.label$/.test(p.path))) return '';
  const unused = loaded.problem
    ? `; tahrir.json cannot be used (${loaded.problem.message}), so the default labels apply`
    : '';
  return `${unused}. Add the label to tahrir.json or give the entity one of its labels`;
}

/** The refusal's message with labelHint's words after it, as a catalog message. */
function labelHintMessage(problem: Message, problems: readonly { path: string }[], loaded: LoadedConfig): Message {
  if (!problems.some((p) => /^entities\[\d+\]\.label$/.test(p.path))) return problem;
  return loaded.problem
    ? message('error.label-hint-config', undefined, { problem, why: errorMessage(loaded.problem) })
    : message('error.label-hint', undefined, { problem });
}

/**
 * A sidecar on disk that does not fit its text (written for this very text, yet with bad
 * offsets or anchors, or naming another file) is never overwritten: the editor opened it
 * read-only and must fix or remove it first. One written for an older text is fine to
 * replace: that is what saving a re-anchored document does. (Unparseable files are
 * refused by the store itself.) Returns the sidecar on disk (null: none, or unreadable), for
 * the save to compare with rather than read again.
 */
export async function refuseToReplaceInvalid(
  path: string,
  sidecarFile: string,
  text: TextFile,
  name: string,
): Promise<store.StoredSidecar | null> {
  let existing: store.StoredSidecar | null;
  try {
    existing = await store.readSidecar(path, sidecarFile);
  } catch {
    return null; // the store refuses it with the reason
  }
  if (!existing) return null;
  const problems =
    existing.sidecar.source.sha256 === text.sha256 || existing.sidecar.source.file !== name
      ? checkSidecarAgainstSource(existing.sidecar, text.text, name)
      : [];
  if (problems.length > 0) {
    throw new TahrirError(
      'broken-sidecar',
      `is not valid for ${name}, so it is not overwritten (fix or remove it first): ${describeProblems(problems)}`,
      sidecarFile,
      problems,
    );
  }
  return existing;
}
