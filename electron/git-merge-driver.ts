// The git merge driver for sidecars (`tahrir merge-driver %O %A %B %P`, set up by `tahrir
// git-setup`): a three-way merge by id (shared/merge-sidecars.ts) instead of git's line merge,
// which would interleave two annotators' JSON. When one side changed the text too, the other
// side (and the base) are re-anchored onto that text first, so their spans follow it. What the
// merge cannot settle is written into the sidecar as structured conflicts (valid JSON), and the
// driver exits 1 so git reports the file as conflicted.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reanchor } from '../shared/anchoring';
import { mergeSidecars } from '../shared/merge-sidecars';
import type { Sidecar, SidecarConflict } from '../shared/model';
import { emptySidecar, parseSidecar, serializeSidecar } from '../shared/sidecar';
import { carriedConflicts, conflictsToResolve, describeConflicts } from '../shared/sidecar-conflicts';
import { SIDECAR_SUFFIX, TEXT_SUFFIX } from '../shared/workspace-layout';
import { writeFileAtomic } from './sidecar-store';
import { decodeText, sha256Hex } from './text-file';

export interface SidecarMerge {
  /** The merged sidecar's text (what git gets in %A). */
  text: string;
  conflicts: SidecarConflict[];
  /** Sides re-anchored onto the other side's changed text. */
  reanchored: ('base' | 'mine' | 'theirs')[];
  /** A text the re-anchoring needed but could not find (then spans stay where they were). */
  textMissing?: boolean;
}

/** A source text a side may have been written for, by the sha256 of its bytes. */
export type TextLookup = (sha256: string) => Promise<string | undefined>;

/** Sides that kept the base's text take on the other's changed text; both changed it: left as they are. */
function textTarget(base: Sidecar | null, mine: Sidecar, theirs: Sidecar): 'mine' | 'theirs' | null {
  const m = mine.source.sha256;
  const t = theirs.source.sha256;
  if (m === t) return null;
  if (base && base.source.sha256 === m) return 'theirs';
  if (base && base.source.sha256 === t) return 'mine';
  return null;
}

function onto(text: string, target: Sidecar, sidecar: Sidecar): Sidecar {
  return { ...reanchor(text, sidecar).sidecar, source: target.source };
}

/**
 * Merges three versions of one sidecar (base null or empty: both added it). Throws a TahrirError naming `file` when one
 * does not parse.
 */
export async function mergeSidecarTexts(
  baseJson: string | null,
  mineJson: string,
  theirsJson: string,
  file: string,
  lookup: TextLookup,
): Promise<SidecarMerge> {
  let mine = parseSidecar(mineJson, `${file} (ours)`);
  let theirs = parseSidecar(theirsJson, `${file} (theirs)`);
  // Both added the file (git gives an empty base): it started with nothing, so both sides' items are additions.
  let base =
    baseJson === null || baseJson.trim() === ''
      ? emptySidecar(mine.source.file, mine.source.sha256, mine.source.length)
      : parseSidecar(baseJson, `${file} (base)`);
  const reanchored: SidecarMerge['reanchored'] = [];
  let textMissing = false;
  const target = textTarget(base, mine, theirs);
  if (target) {
    const to = target === 'mine' ? mine : theirs;
    const text = await lookup(to.source.sha256);
    if (text === undefined) textMissing = true;
    else {
      if (target === 'mine') {
        theirs = onto(text, to, theirs);
        reanchored.push('theirs');
      } else {
        mine = onto(text, to, mine);
        reanchored.push('mine');
      }
      if (base) {
        base = onto(text, to, base);
        reanchored.unshift('base');
      }
    }
  }
  const merge = mergeSidecars(mine, theirs, { base });
  const conflicts = [...carriedConflicts(base, mine, theirs), ...conflictsToResolve(merge, base)];
  const merged: Sidecar = { ...merge.sidecar };
  // The last writer is whoever saved last (not a conflict).
  const later = (theirs.updatedAt ?? '') > (mine.updatedAt ?? '') ? theirs : mine;
  if (later.annotator !== undefined) merged.annotator = later.annotator;
  if (conflicts.length > 0) merged.conflicts = conflicts;
  else delete merged.conflicts;
  return { text: serializeSidecar(merged), conflicts, reanchored, ...(textMissing ? { textMissing } : {}) };
}

function git(cwd: string, args: string[], encoding: 'buffer' | 'utf8' = 'utf8'): Promise<Buffer | string | null> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding, maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
}

/**
 * Where the texts of a merge are: the working tree, HEAD, the commits being merged (git names
 * them to merge strategies in GITHEAD_<id> variables), MERGE_HEAD, REBASE_HEAD, CHERRY_PICK_HEAD.
 * Each is read once, by the sha256 of its bytes, as the sidecars name their text.
 */
export function textLookup(repo: string, sidecarPath: string, env: NodeJS.ProcessEnv = process.env): TextLookup {
  const textPath = sidecarPath.endsWith(SIDECAR_SUFFIX)
    ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) + TEXT_SUFFIX
    : sidecarPath;
  const revisions = [
    'HEAD',
    ...Object.keys(env)
      .filter((k) => /^GITHEAD_[0-9a-f]{40,64}$/.test(k))
      .map((k) => k.slice('GITHEAD_'.length)),
    'MERGE_HEAD',
    'REBASE_HEAD',
    'CHERRY_PICK_HEAD',
  ];
  let found: Map<string, Buffer> | null = null;
  const gather = async () => {
    const out = new Map<string, Buffer>();
    const add = (bytes: Buffer | null | string) => {
      if (bytes && typeof bytes !== 'string') out.set(sha256Hex(bytes), bytes);
    };
    add(await readFile(join(repo, textPath)).catch(() => null));
    for (const rev of revisions) add(await git(repo, ['cat-file', 'blob', `${rev}:${textPath}`], 'buffer'));
    return out;
  };
  return async (sha256) => {
    found ??= await gather();
    const bytes = found.get(sha256);
    if (!bytes) return undefined;
    try {
      return decodeText(bytes, textPath, undefined);
    } catch {
      return undefined; // a legacy encoding: no re-anchoring (tahrir validate names the file)
    }
  };
}

export interface DriverOutcome {
  /** 0: merged cleanly; 1: conflicts (written into the file) or a side that is no sidecar. */
  code: number;
  message?: string;
}

/** A side that is no sidecar: git's own line merge, with conflict markers, so nothing is lost. */
async function lineMerge(repo: string, base: string, mine: string, theirs: string): Promise<void> {
  await git(repo, ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', mine, base, theirs]);
}

/**
 * What `tahrir merge-driver %O %A %B %P` does, in the repository `repo` (git runs drivers at its
 * top level): merges into the file `mine` (%A), as git expects.
 */
export async function runMergeDriver(
  repo: string,
  baseFile: string,
  mineFile: string,
  theirsFile: string,
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DriverOutcome> {
  const [baseJson, mineJson, theirsJson] = await Promise.all(
    [baseFile, mineFile, theirsFile].map((f) => readFile(f, 'utf8').catch(() => '')),
  );
  let merged: SidecarMerge;
  try {
    merged = await mergeSidecarTexts(baseJson, mineJson, theirsJson, path, textLookup(repo, path, env));
  } catch (e) {
    await lineMerge(repo, baseFile, mineFile, theirsFile);
    return {
      code: 1,
      message: `${e instanceof Error ? e.message : String(e)}; merged line by line with conflict markers instead`,
    };
  }
  await writeFileAtomic(mineFile, merged.text, path);
  const notes: string[] = [];
  if (merged.reanchored.length > 0) notes.push(`re-anchored ${merged.reanchored.join(', ')} onto the changed text`);
  if (merged.textMissing)
    notes.push('the changed text was not found, so spans were not re-anchored (opening it in Tahrir will)');
  if (merged.conflicts.length === 0)
    return { code: 0, message: notes.length ? `${path}: ${notes.join('; ')}` : undefined };
  notes.unshift(`${describeConflicts(merged.conflicts)}, written into the file`);
  return { code: 1, message: `${path}: ${notes.join('; ')}` };
}
