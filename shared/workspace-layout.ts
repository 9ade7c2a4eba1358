// How a workspace is laid out on disk, in one place: each document a `<id>.txt` at any depth,
// its sidecar `<id>.annotations.json` beside it, ids the text's path without `.txt` and with `/`
// separators, Tahrir's own files in the `.tahrir/` dot-folder (never listed or watched), and
// exports written by default into `exports/` (not documents: never listed). The watcher, the
// store, the listing, stats, validate, export, import, the site templates and the default export
// destination all read it here. Pure names: the page may read them too.

export const TEXT_SUFFIX = '.txt';
export const SIDECAR_SUFFIX = '.annotations.json';
/** The workspace's settings, at its root. */
export const CONFIG_FILE = 'tahrir.json';
/**
 * Tahrir's own files (the crash journal, the template counts), under the root; a dot-folder, so listing and watching
 * skip it.
 */
export const TAHRIR_DIR = '.tahrir';

/**
 * Where Tahrir writes exports when nobody picks a place (shared/export-destination.ts); a brat
 * export there holds `.txt` files that are dataset output, not documents to annotate.
 */
export const EXPORTS_FOLDER = 'exports';

/** `news/a.txt` → `news/a`. */
export function documentIdOf(textFile: string): string {
  return textFile.slice(0, -TEXT_SUFFIX.length);
}

/** `news/a.annotations.json` → `news/a`. */
export function documentIdOfSidecar(sidecarFile: string): string {
  return sidecarFile.slice(0, -SIDECAR_SUFFIX.length);
}

/** `news/a` → `news/a.txt`. */
export function textFileOf(id: string): string {
  return id + TEXT_SUFFIX;
}

/** `news/a` → `news/a.annotations.json`. */
export function sidecarFileOf(id: string): string {
  return id + SIDECAR_SUFFIX;
}

/** A document named by its id or its text file (`news/a` or `news/a.txt`, as imported data may name it) → `news/a`. */
export function documentIdOfName(name: string): string {
  return name.endsWith(TEXT_SUFFIX) ? documentIdOf(name) : name;
}

/** `a/b.annotations.json` → `a/b.txt`: the text a sidecar belongs to. */
export function textFileOfSidecar(sidecarFile: string): string {
  return textFileOf(documentIdOfSidecar(sidecarFile));
}

/** Is `name` (a file name) a document's text? (`.txt` alone is not.) */
export function isTextFileName(name: string): boolean {
  return name.endsWith(TEXT_SUFFIX) && name.length > TEXT_SUFFIX.length;
}

/** Is `name` (a file name) a sidecar? */
export function isSidecarFileName(name: string): boolean {
  return name.endsWith(SIDECAR_SUFFIX) && name.length > SIDECAR_SUFFIX.length;
}
