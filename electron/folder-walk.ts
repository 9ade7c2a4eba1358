// Walking a folder someone hands us to import from, with bounds: no link to a folder is followed
// (two links to their own folder made `readdir({recursive: true})` walk forever, its memory
// growing), and the walk stops with a clear message past a depth and a number of entries rather
// than run for hours over the wrong folder. Links to files are listed; whoever reads them checks
// where they lead (confine.ts: realFileInside).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TahrirError } from '../shared/errors';
import { toTahrirError } from './io-error';

export interface WalkLimits {
  /** Folders below the first, e.g. 2 for `a/b/x.ann`. */
  maxDepth: number;
  /** Files and folders seen in all. */
  maxEntries: number;
}

/** Far past a brat corpus's layout (a few levels) and size (two files a document, 10,000s of documents). */
export const WALK_LIMITS: WalkLimits = { maxDepth: 32, maxEntries: 200_000 };

export interface FolderWalk {
  /** The wanted files, relative with `/` separators, sorted. */
  files: string[];
  /** Links to folders, relative: listed, not followed. */
  folderLinks: string[];
}

/**
 * The files under `folder` whose name `wanted` accepts, without following links to folders;
 * throws a TahrirError naming `label` (how the user calls the folder) past `limits`.
 */
export async function walkFolder(
  folder: string,
  label: string,
  wanted: (name: string) => boolean,
  limits: WalkLimits = WALK_LIMITS,
): Promise<FolderWalk> {
  const files: string[] = [];
  const folderLinks: string[] = [];
  const pending: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  let seen = 0;
  while (pending.length > 0) {
    const { rel, depth } = pending.pop()!;
    let entries;
    try {
      entries = await readdir(rel ? join(folder, rel) : folder, { withFileTypes: true });
    } catch (e) {
      throw toTahrirError(e, rel ? `${label}/${rel}` : label);
    }
    seen += entries.length;
    if (seen > limits.maxEntries) {
      throw new TahrirError(
        'too-large',
        `holds more than ${limits.maxEntries} files and folders; import from a smaller folder`,
        label,
      );
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isFolder = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        isFolder = await stat(join(folder, childRel)).then(
          (s) => s.isDirectory(),
          () => false,
        );
        if (isFolder) {
          folderLinks.push(childRel);
          continue;
        }
      }
      if (isFolder) {
        if (depth + 1 > limits.maxDepth) {
          throw new TahrirError(
            'invalid-argument',
            `has folders nested more than ${limits.maxDepth} deep (${childRel}); import from a folder with fewer levels`,
            label,
          );
        }
        pending.push({ rel: childRel, depth: depth + 1 });
      } else if (wanted(entry.name)) files.push(childRel);
    }
  }
  files.sort();
  folderLinks.sort();
  return { files, folderLinks };
}
