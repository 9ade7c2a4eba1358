// Every path the renderer, `serve` or an import names is resolved inside the open workspace:
// `..`, absolute paths and symlinks that lead out of it are refused ('outside-workspace').
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { TahrirError } from '../shared/errors';
import { message } from '../shared/i18n/catalog-message';
import { isMissing, toTahrirError } from './io-error';

function outside(what: string, why: string): TahrirError {
  return new TahrirError('outside-workspace', `${JSON.stringify(what.slice(0, 200))} ${why}`, undefined, {
    path: what.slice(0, 200),
  });
}

/** The longest file or folder name (in UTF-8 bytes) of Linux, macOS and Windows file systems. */
const MAX_NAME_BYTES = 255;

/** True when `child` is `parent` or inside it (both absolute and normalized). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Checks the words of a workspace-relative path without touching the disk: not empty, not
 * absolute (also `C:\…`, `\\server`), no `..`, no NUL. Returns its segments.
 */
export function relativeSegments(relativePath: string): string[] {
  if (typeof relativePath !== 'string' || relativePath === '')
    throw new TahrirError('invalid-argument', 'a path inside the workspace is needed (got nothing)');
  if (relativePath.includes('\0')) throw outside(relativePath, 'contains a NUL character');
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath) || /^[\\/]/.test(relativePath)) {
    throw outside(relativePath, 'is an absolute path; only paths inside the workspace are allowed');
  }
  const segments = relativePath.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..'))
    throw outside(relativePath, 'uses ".." to leave its folder; only paths inside the workspace are allowed');
  if (segments.length === 0)
    throw new TahrirError(
      'invalid-argument',
      `${JSON.stringify(relativePath)} names the workspace itself, not a file in it`,
    );
  // No disk takes a file or folder name over 255 bytes: say so rather than fail inside the file system.
  const long = segments.find((s) => Buffer.byteLength(s, 'utf8') > MAX_NAME_BYTES);
  if (long)
    throw new TahrirError(
      'invalid-argument',
      `${JSON.stringify(relativePath.slice(0, 200))} is too long a path: the name ${JSON.stringify(long.slice(0, 40) + '…')} has more than ${MAX_NAME_BYTES} bytes`,
    );
  return segments;
}

/** The deepest existing ancestor of `p` (itself if it exists), resolved through symlinks. */
async function realExisting(p: string): Promise<string> {
  let missing = '';
  let at = p;
  for (;;) {
    try {
      const real = await realpath(at);
      return missing ? join(real, missing) : real;
    } catch (e) {
      if (!isMissing(e)) throw e;
      const up = dirname(at);
      if (up === at) throw e;
      missing = missing ? join(at.slice(up.length + 1), missing) : at.slice(up.length + 1);
      at = up;
    }
  }
}

/**
 * Absolute path of `relativePath` inside `root`, refusing anything that leaves the workspace,
 * including through a symlink (checked on the real path of what exists so far; the file
 * itself need not exist yet, e.g. a new sidecar).
 */
export async function resolveInside(root: string, relativePath: string): Promise<string> {
  const segments = relativeSegments(relativePath);
  const realRoot = await realpath(root).catch((e) => {
    if (isMissing(e))
      throw new TahrirError(
        'not-found',
        `cannot be reached: the workspace folder ${root} does not exist (any more)`,
        relativePath,
        { path: root },
      );
    throw e;
  });
  const target = join(realRoot, ...segments);
  const real = await realExisting(target).catch((e) => {
    throw toTahrirError(e, relativePath.slice(0, 200));
  });
  if (!isInside(realRoot, real)) throw outside(relativePath, 'leads out of the workspace through a symbolic link');
  return target;
}

/**
 * The real path of a file to be read (`path`, absolute), refused unless it lies inside the folder
 * `realFolder` (already resolved) and is a regular file: a link leading out of the folder is not
 * followed, and a named pipe or device would block the read or never end. `where` says which
 * folder in messages (the workspace, the import folder); `label` names the file.
 */
export async function realFileInside(
  realFolder: string,
  path: string,
  label: string,
  where: 'workspace' | 'import-folder',
): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (e) {
    throw toTahrirError(e, label);
  }
  if (!isInside(realFolder, real)) {
    const folder = where === 'workspace' ? 'the workspace' : 'the import folder';
    throw new TahrirError(
      'outside-workspace',
      `leads out of ${folder} through a symbolic link; not read`,
      label,
      { path: label },
      message(`error.link-out-of-${where}`),
    );
  }
  const s = await stat(real).catch((e: unknown) => {
    throw toTahrirError(e, label);
  });
  if (s.isDirectory()) throw new TahrirError('invalid-argument', 'is a folder, not a file', label);
  if (!s.isFile()) throw new TahrirError('invalid-argument', 'is not a regular file; not read', label);
  return real;
}

/** The workspace-relative form of an absolute path inside `root`, with `/` separators. */
export function toWorkspacePath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}
