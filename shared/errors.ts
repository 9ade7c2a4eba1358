// Typed errors that cross every boundary (IPC, HTTP, CLI) as plain data.
import type { Message } from './i18n/message';

export type TahrirErrorCode =
  | 'not-found' // a folder or file that does not exist (or vanished)
  | 'not-utf8' // text file is not valid UTF-8
  | 'binary' // text file looks binary
  | 'too-large'
  | 'broken-sidecar' // not JSON, truncated, wrong shape, bad offsets...
  | 'newer-version' // sidecar from a newer Tahrir
  | 'stale-revision' // save refused: the sidecar changed on disk since it was read
  | 'outside-workspace' // a path that leaves the workspace
  | 'exists' // an export's destination is taken: by an earlier export (replace not confirmed) or by something else
  | 'invalid-argument'
  | 'cancelled'
  | 'io';

export interface TahrirErrorData {
  code: TahrirErrorCode;
  message: string;
  /** Path relative to the workspace when known. */
  file?: string;
  /** Extra machine-readable detail (byte position, problems list...). */
  detail?: unknown;
  /**
   * The problem as a catalog message (without the file), for the common ones: the editor says it in its language
   * (sayError); `message` stays the English the CLI prints.
   */
  said?: Message;
}

/** Marks every TahrirError, whichever copy of this module made it (a symbol of the global registry). */
const TAHRIR_ERROR = Symbol.for('tahrir.error');

export class TahrirError extends Error {
  readonly code: TahrirErrorCode;
  readonly file?: string;
  readonly detail?: unknown;
  readonly said?: Message;
  constructor(code: TahrirErrorCode, message: string, file?: string, detail?: unknown, said?: Message) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'TahrirError';
    this.code = code;
    this.file = file;
    this.detail = detail;
    if (said) this.said = said;
  }
  toData(): TahrirErrorData {
    return {
      code: this.code,
      message: this.message,
      file: this.file,
      detail: this.detail,
      ...(this.said && { said: this.said }),
    };
  }
  static fromData(d: TahrirErrorData): TahrirError {
    const e = new TahrirError(d.code, d.message, undefined, d.detail, d.said);
    // message already names the file
    (e as { file?: string }).file = d.file;
    return e;
  }
}

Object.defineProperty(TahrirError.prototype, TAHRIR_ERROR, { value: true });

/**
 * A TahrirError, made by this copy of the class or by another: each `tahrir` command runs in a bundle of its own
 * (build/bundle.mjs) with its own copy, and an `instanceof` of the command table's copy fails on the command's errors.
 */
export function isTahrirError(e: unknown): e is TahrirError {
  return e instanceof TahrirError || (e instanceof Error && (e as { [TAHRIR_ERROR]?: unknown })[TAHRIR_ERROR] === true);
}
