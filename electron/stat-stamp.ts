// A file's stat as git's index trusts it (size, mtime and ctime in nanoseconds, inode, device): when it is the same,
// the file was not changed, so what was read of it before can be used again without reading and hashing its bytes.
// A rewrite (even of the same size), a touch, or a file renamed over it (a new inode, a new ctime) makes another stamp.
import { stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { isMissing } from './io-error';

export interface StatStamp {
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  dev: bigint;
  /**
   * The file changed within RACY_NS of the stat (git's "racily clean"): a second write in the same tick of the file
   * system's clock could leave every field as it is, so this stamp says nothing of what is read after it.
   */
  racy: boolean;
}

/**
 * How close to the stat a change makes its stamp untrusted (ns): more than the coarsest timestamps a workspace may
 * be on (FAT: 2 s; ext4 and NTFS tick in milliseconds or less).
 */
const RACY_NS = 2_000_000_000n;

function stampOf(s: BigIntStats, now: bigint): StatStamp {
  const changed = s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs;
  return {
    size: s.size,
    mtimeNs: s.mtimeNs,
    ctimeNs: s.ctimeNs,
    ino: s.ino,
    dev: s.dev,
    racy: changed + RACY_NS > now,
  };
}

const nowNs = () => BigInt(Date.now()) * 1_000_000n;

/** The stamp of the file at `path`, null when there is none. Take it before reading the file, never after. */
export async function statStamp(path: string): Promise<StatStamp | null> {
  try {
    return stampOf(await stat(path, { bigint: true }), nowNs());
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/** statStamp, blocking (the listing reads with blocking calls). */
export function statStampSync(path: string): StatStamp | null {
  try {
    return stampOf(statSync(path, { bigint: true }), nowNs());
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/**
 * Is the file stamped `now` unchanged since it was stamped `before` (and read)? Never when `before` was racy: that
 * read is not trusted, and the file is read again.
 */
export function unchangedSince(before: StatStamp | null | undefined, now: StatStamp | null): boolean {
  return (
    !!before &&
    !!now &&
    !before.racy &&
    before.size === now.size &&
    before.mtimeNs === now.mtimeNs &&
    before.ctimeNs === now.ctimeNs &&
    before.ino === now.ino &&
    before.dev === now.dev
  );
}
