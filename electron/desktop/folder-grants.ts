// The folders and paths the desktop page may name: a page could be made to ask for any path, so
// it may open only folders the user chose (command line, dialog, recent list, the sample
// workspace) and export or import outside the workspace only where a dialog pointed.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export class FolderGrants {
  /** Folders the user opened themselves: the only ones openWorkspace accepts. */
  private readonly folders = new Set<string>();
  /** Export destinations and import sources the user picked in a dialog. */
  private readonly paths = new Set<string>();

  grantFolder(folder: string): string {
    const root = resolve(folder);
    this.folders.add(root);
    return root;
  }

  isGrantedFolder(folder: string): boolean {
    return this.folders.has(resolve(folder));
  }

  /** Remembers a dialog's answer (null: cancelled) and gives it back. */
  grantPath(path: string | null): string | null {
    if (path) this.paths.add(resolve(path));
    return path;
  }

  isGrantedPath(absolutePath: string): boolean {
    return this.paths.has(resolve(absolutePath));
  }
}

/** The folder named on the command line (the first argument that is not a switch), if it exists. */
export function folderFromArgs(argv: readonly string[], cwd: string, appPath: string): string | null {
  // Packaged: [exe, ...args]; in development: [electron, ...switches, appPath, ...args].
  const app = resolve(appPath);
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const folder = resolve(cwd, arg);
    if (folder !== app && isFolder(folder)) return folder;
  }
  return null;
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
