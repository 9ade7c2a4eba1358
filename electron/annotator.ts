// The annotator's name on this machine (Teams): given (`--annotator`, later the app's setting),
// else git's `user.name` for the workspace (each clone is one person's), else none.
import { execFile } from 'node:child_process';

/** Names are one line of text; anything else (a stray newline from a config) is cut. */
export function cleanAnnotatorName(name: string | undefined): string | undefined {
  const line = name?.split(/\r?\n/)[0].trim();
  return line ? line : undefined;
}

/** `git config user.name` as seen from `folder`; undefined when git or the setting is missing. */
export function gitUserName(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folder, timeout: 5000, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : cleanAnnotatorName(stdout));
    });
  });
}

/** The name to stamp edits, entities and quotes with: the given one, else git's user.name. */
export async function annotatorName(folder: string, given?: string): Promise<string | undefined> {
  return cleanAnnotatorName(given) ?? (await gitUserName(folder));
}
