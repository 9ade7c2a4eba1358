// Node file-system errors → TahrirError, naming the file (relative to the workspace when known).
import { TahrirError } from '../shared/errors';
import { message } from '../shared/i18n/catalog-message';

export function errnoOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

export function isMissing(e: unknown): boolean {
  const code = errnoOf(e);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A TahrirError passes through; ENOENT becomes 'not-found', a name too long 'invalid-argument'; anything else 'io' with
 * the system's reason.
 */
export function toTahrirError(e: unknown, file: string, doing = 'read'): TahrirError {
  if (e instanceof TahrirError) return e;
  const code = errnoOf(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return notFound(file);
  const writing = doing === 'read' ? 'read' : 'write';
  if (code === 'EACCES' || code === 'EPERM')
    return new TahrirError(
      'io',
      `cannot be ${doing === 'read' ? 'read' : 'written'}: permission denied`,
      file,
      { errno: code },
      message('error.permission-denied', { doing: writing }),
    );
  if (code === 'EISDIR')
    return new TahrirError('io', 'is a folder, not a file', file, { errno: code }, message('error.is-folder'));
  // The name the caller gave is what is wrong, not the disk: a bad argument, never an internal error.
  if (code === 'ENAMETOOLONG')
    return new TahrirError('invalid-argument', 'is too long a path for the file system', file, { errno: code });
  if (code === 'ELOOP')
    return new TahrirError('invalid-argument', 'goes round a loop of symbolic links', file, { errno: code });
  if (code === 'ENOSPC')
    return new TahrirError(
      'io',
      `could not be ${doing === 'read' ? 'read' : 'written'}: the disk is full`,
      file,
      { errno: code },
      message('error.disk-full', { doing: writing }),
    );
  const why = e instanceof Error ? e.message : String(e);
  return new TahrirError(
    'io',
    `could not be ${doing === 'read' ? 'read' : 'written'} (${why})`,
    file,
    code ? { errno: code } : undefined,
    // The system's reason stays its own words, inside a translated sentence.
    message('error.io', { doing: writing, why }),
  );
}

/** A file that is not there (any more). */
export function notFound(file: string): TahrirError {
  return new TahrirError(
    'not-found',
    'does not exist (it may have been moved or deleted)',
    file,
    undefined,
    message('error.not-found'),
  );
}
