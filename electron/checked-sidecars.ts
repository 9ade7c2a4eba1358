// A document's sidecar as the editor opens it: read, checked against its text (structure,
// offsets, anchors), re-anchored when the text changed on disk or a span's offsets do not hold
// its text, or read-only with the reason. The last few are kept, keyed by content (sha256),
// never by time: opening again a document whose sidecar and text have the same bytes reuses the
// work (the workspace listing and the open, switching back and forth).
import type { OpenedDocument } from '../shared/api';
import { reanchor, spansHoldTheirText } from '../shared/anchoring';
import { TahrirError } from '../shared/errors';
import type { Sidecar } from '../shared/model';
import { checkSidecarAgainstSource, checkSidecarStructure } from '../shared/sidecar-check';
import { describeProblems, invalidSidecarMessage } from '../shared/sidecar';
import { describeConflicts } from '../shared/sidecar-conflicts';
import { toTahrirError } from './io-error';
import * as store from './sidecar-store';
import type { TextFile } from './text-file';

/**
 * How many documents' checked sidecars are kept: enough to make switching back and forth instant; each holds a parsed
 * sidecar.
 */
const CHECKED_SIDECARS_KEPT = 4;

/** A document's sidecar as read and checked: null when there is none or it could not be read. */
export interface CheckedSidecar {
  sidecar: Sidecar | null;
  revision: string | null;
  reanchored?: OpenedDocument['reanchored'];
  readOnly?: OpenedDocument['readOnly'];
}

/** Where a document's sidecar is and what it belongs to. */
export interface SidecarOf {
  id: string;
  /** Absolute path of the sidecar. */
  path: string;
  /** Its path in the workspace, for messages. */
  file: string;
  text: TextFile;
  /** The text file's name, as the sidecar's source.file must say. */
  name: string;
  /** The text's length in code points. */
  length: number;
}

export class CheckedSidecars {
  private readonly kept = new Map<string, { key: string; result: CheckedSidecar }>();

  async get(of: SidecarOf): Promise<CheckedSidecar> {
    const revision = await store.readRevision(of.path, of.file).catch(() => null);
    const hit = this.kept.get(of.id);
    if (revision && hit?.key === keyOf(revision, of)) return hit.result;
    const result = await checkSidecar(of);
    if (result.revision) {
      this.kept.delete(of.id);
      this.kept.set(of.id, { key: keyOf(result.revision, of), result });
      if (this.kept.size > CHECKED_SIDECARS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    }
    return result;
  }
}

function keyOf(revision: string, of: SidecarOf): string {
  return `${revision}:${of.text.sha256}:${of.name}`;
}

export async function checkSidecar({ path, file, text, name, length }: SidecarOf): Promise<CheckedSidecar> {
  let stored: store.StoredSidecar | null = null;
  try {
    stored = await store.readSidecar(path, file);
  } catch (e) {
    // Broken or newer: shown read-only with the error; the file is left exactly as it is.
    return {
      sidecar: null,
      revision: await store.readRevision(path, file).catch(() => null),
      readOnly: toTahrirError(e, file).toData(),
    };
  }
  if (!stored) return { sidecar: null, revision: null };
  const result: CheckedSidecar = { sidecar: stored.sidecar, revision: stored.revision };
  let sidecar = stored.sidecar;
  const problems = checkSidecarStructure(sidecar);
  if (sidecar.source.file !== name) {
    problems.unshift({
      path: 'source.file',
      message: `names ${JSON.stringify(sidecar.source.file)}, not the text file beside it (${JSON.stringify(name)})`,
    });
  }
  if (problems.length === 0 && (sidecar.source.sha256 !== text.sha256 || !spansHoldTheirText(text.text, sidecar))) {
    // The text changed on disk since the sidecar was written, or a span's offsets do not hold
    // its text: re-anchor by the text (nothing is written until the editor saves).
    const anchored = reanchor(text.text, sidecar);
    sidecar = { ...anchored.sidecar, source: { file: name, sha256: text.sha256, length } };
    result.reanchored = anchored.report;
  }
  if (problems.length === 0) problems.push(...checkSidecarAgainstSource(sidecar, text.text, name));
  result.sidecar = sidecar;
  if (problems.length > 0) {
    result.readOnly = new TahrirError(
      'broken-sidecar',
      `is not a valid sidecar for ${name}: ${describeProblems(problems)}`,
      file,
      problems,
      invalidSidecarMessage(problems, name),
    ).toData();
  } else if (sidecar.conflicts?.length) {
    // Teams: until the editor can resolve them, shown read-only (a save would drop the section).
    const message = `holds ${describeConflicts(sidecar.conflicts)} from a git merge; opened read-only until they are resolved`;
    result.readOnly = new TahrirError('broken-sidecar', message, file, sidecar.conflicts).toData();
  }
  return result;
}
