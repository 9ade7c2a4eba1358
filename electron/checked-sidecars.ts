// A document's sidecar as the editor opens it: read, checked against its text (structure,
// offsets, anchors), re-anchored when the text changed on disk or a span's offsets do not hold
// its text, or read-only with the reason. The last few are kept, keyed by content (sha256),
// never by time: opening again a document whose sidecar and text have the same bytes reuses the
// work (the workspace listing and the open, switching back and forth). A sidecar whose stat is
// the same as when it was read (stat-stamp.ts) is not read and hashed again to know that.
import type { OpenedDocument } from '../shared/api';
import { reanchor, spansHoldTheirText } from '../shared/anchoring';
import { TahrirError } from '../shared/errors';
import type { Sidecar } from '../shared/model';
import { checkSidecarAgainstSource, checkSidecarStructure, sourceLengthProblems } from '../shared/sidecar-check';
import type { SidecarProblem } from '../shared/sidecar-check';
import { describeProblems, invalidSidecarMessage } from '../shared/sidecar';
import { describeConflicts } from '../shared/sidecar-conflicts';
import { toTahrirError } from './io-error';
import * as store from './sidecar-store';
import type { TextFile } from './text-file';
import { statStamp, unchangedSince, type StatStamp } from './stat-stamp';

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
  private readonly kept = new Map<string, { key: string; stamp: StatStamp | null; result: CheckedSidecar }>();

  /** `listed`: the large sidecars the listing read, taken from there by the first open instead of read again. */
  constructor(private readonly listed?: ListedSidecars) {}

  async get(of: SidecarOf): Promise<CheckedSidecar> {
    // Before any read: a change made after it makes another stamp, and the file is read again next time.
    const stamp = await statStamp(of.path).catch(() => null);
    const hit = this.kept.get(of.id);
    // Unchanged on disk since it was read: neither read nor hashed again (a 7 MB sidecar: 14 reads of the thread pool).
    if (hit && unchangedSince(hit.stamp, stamp) && hit.key === keyOf(hit.result.revision!, of)) return hit.result;
    const listed = this.listed?.take(of.id, stamp) ?? null;
    const revision = listed ? listed.revision : await store.readRevision(of.path, of.file).catch(() => null);
    if (revision && hit?.key === keyOf(revision, of)) {
      hit.stamp = stamp;
      return hit.result;
    }
    const result = await checkSidecar(of, listed);
    if (result.revision) {
      this.kept.delete(of.id);
      this.kept.set(of.id, { key: keyOf(result.revision, of), stamp, result });
      if (this.kept.size > CHECKED_SIDECARS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    }
    return result;
  }
}

/** Sidecars from this size up are kept by the listing for the open (smaller ones parse in a few milliseconds). */
const LISTED_KEPT_FROM = 512 * 1024;
/** At most this many bytes of sidecars are kept parsed by the listing, the first it reads first. */
const LISTED_KEPT_BYTES = 32 * 1024 * 1024;
/** How long the listing keeps them: the page asks for its first document within seconds of the listing. */
const LISTED_KEPT_MS = 30_000;

/**
 * The large sidecars the workspace listing read (parsed and hashed), kept for a short while for the open of their
 * document: at 50,000 entities the listing and then the first open each decoded and parsed the same 7 MB (300-600 ms
 * of the server each on a loaded machine), on the way to the first answer.
 */
export class ListedSidecars {
  private readonly kept = new Map<string, { stamp: StatStamp; stored: ListedSidecar; size: number }>();
  private bytes = 0;

  /** Could the listing keep a sidecar of `size` bytes (worth its stamp)? */
  mayKeep(size: number): boolean {
    return size >= LISTED_KEPT_FROM && this.bytes + size <= LISTED_KEPT_BYTES;
  }

  /** Should the listing keep the sidecar it is about to read, of this stamp (taken before the read)? */
  wants(stamp: StatStamp | null): stamp is StatStamp {
    return !!stamp && !stamp.racy && this.mayKeep(Number(stamp.size));
  }

  keep(id: string, stamp: StatStamp, stored: ListedSidecar): void {
    this.drop(id);
    const size = Number(stamp.size);
    this.kept.set(id, { stamp, stored, size });
    this.bytes += size;
    setTimeout(() => {
      if (this.kept.get(id)?.stored === stored) this.drop(id);
    }, LISTED_KEPT_MS).unref();
  }

  /** The sidecar of `id` as listed, when its file is unchanged since (stamped `now`); given once. */
  take(id: string, now: StatStamp | null): ListedSidecar | null {
    const kept = this.kept.get(id);
    this.drop(id);
    return kept && unchangedSince(kept.stamp, now) ? kept.stored : null;
  }

  private drop(id: string): void {
    const kept = this.kept.get(id);
    if (!kept) return;
    this.kept.delete(id);
    this.bytes -= kept.size;
  }
}

function keyOf(revision: string, of: SidecarOf): string {
  return `${revision}:${of.text.sha256}:${of.name}`;
}

/** A sidecar as the listing read it, and the problems of its structure it found (checkSidecarStructure's). */
export interface ListedSidecar extends store.StoredSidecar {
  structureProblems?: readonly SidecarProblem[];
}

/** `listed`: the sidecar as read by the listing, unchanged since (ListedSidecars); else it is read here. */
export async function checkSidecar(
  { path, file, text, name, length }: SidecarOf,
  listed: ListedSidecar | null = null,
): Promise<CheckedSidecar> {
  let stored: ListedSidecar | null = listed;
  try {
    stored ??= await store.readSidecar(path, file);
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
  // The listing checked the structure of the same object already (a 50,000-entity sidecar: 100-200 ms each time).
  const problems = listed?.structureProblems ? [...listed.structureProblems] : checkSidecarStructure(sidecar);
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
    problems.push(...checkSidecarAgainstSource(sidecar, text.text, name));
  } else if (problems.length === 0) {
    // Its structure checked above and every span holding its text: of what `tahrir validate` checks against the
    // text only the length is left (checked again in full, it was a third of a long document's first open).
    problems.push(...sourceLengthProblems(sidecar, length));
  }
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
