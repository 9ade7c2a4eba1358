// `tahrir git-setup <workspace>`: makes git merge sidecars with Tahrir's merge driver. Writes
// `.gitattributes` in the workspace (committed, so every clone routes sidecars to the driver) and
// the driver's command in this clone's git config (a command line is never taken from a
// committed file: git does not run what a repository tells it to). Idempotent; says what changed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TahrirError } from '../shared/errors';
import { writeFileAtomic } from './sidecar-store';

export const ATTRIBUTES_LINE = '*.annotations.json merge=tahrir';
export const DRIVER_NAME = 'Tahrir sidecar merge (by id, structured conflicts)';

function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, windowsHide: true }, (error, stdout, stderr) =>
      resolve({ ok: !error, out: String(stdout).trim(), err: String(stderr).trim() || (error?.message ?? '') }),
    );
  });
}

/** One POSIX shell word: git runs the driver through the shell. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The driver's command line: this Node and this `tahrir` script, then git's placeholders. */
export function driverCommand(node: string, script: string): string {
  return `${shellWord(node)} ${shellWord(script)} merge-driver %O %A %B %P`;
}

/**
 * The driver's command line for a packaged desktop app, which ships no `tahrir` script and whose binary cannot run
 * as Node (the runAsNode fuse is off): the app itself, which merges and exits when started this way
 * (desktop-entry.ts, mergeDriverArguments).
 */
export function appDriverCommand(app: string): string {
  return `${shellWord(app)} merge-driver %O %A %B %P`;
}

/**
 * git's arguments when the desktop program was started as the merge driver (`<app> merge-driver %O %A %B %P`, or
 * `electron . merge-driver …` in development), else null.
 */
export function mergeDriverArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('merge-driver');
  return at === 1 || at === 2 ? argv.slice(at + 1) : null;
}

/**
 * The driver's command line for the `tahrir` script `cli` (dist/cli.cjs): the driver's own bundle
 * beside it (dist/merge-driver.cjs, a tenth of the size: git starts it once per file) where it
 * was built, else `tahrir merge-driver`.
 */
export function mergeDriverCommand(node: string, cli: string): string {
  const own = join(dirname(cli), 'merge-driver.cjs');
  return existsSync(own) ? `${shellWord(node)} ${shellWord(own)} %O %A %B %P` : driverCommand(node, cli);
}

export interface GitSetupReport {
  /** What was changed, one line each; empty when everything was already set up. */
  changed: string[];
  /** The repository's top folder. */
  repo: string;
}

/** Sets up `workspace` (inside a git repository) for the merge driver run as `command`. */
export async function gitSetup(workspace: string, command: string): Promise<GitSetupReport> {
  const top = await git(workspace, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    const why = /not found|ENOENT/.test(top.err)
      ? 'git is not installed (or not on PATH)'
      : 'it is not inside a git repository (run git init or clone it first)';
    throw new TahrirError('invalid-argument', `cannot set up git merging for ${workspace}: ${why}`);
  }
  const changed: string[] = [];
  const attributes = join(workspace, '.gitattributes');
  const existing = await readFile(attributes, 'utf8').catch(() => null);
  const lines = (existing ?? '').split(/\r?\n/).map((l) => l.trim());
  if (!lines.includes(ATTRIBUTES_LINE)) {
    const before = existing === null || existing === '' ? '' : existing.endsWith('\n') ? existing : `${existing}\n`;
    await writeFileAtomic(attributes, `${before}${ATTRIBUTES_LINE}\n`, '.gitattributes');
    changed.push(
      `${existing === null ? 'created' : 'added to'} .gitattributes: ${ATTRIBUTES_LINE} (commit it, so every clone merges sidecars this way)`,
    );
  }
  for (const [key, value] of [
    ['merge.tahrir.name', DRIVER_NAME],
    ['merge.tahrir.driver', command],
  ]) {
    const now = await git(workspace, ['config', '--local', '--get', key]);
    if (now.ok && now.out === value) continue;
    const set = await git(workspace, ['config', '--local', key, value]);
    if (!set.ok) throw new TahrirError('io', `could not set ${key} in the repository's git config: ${set.err}`);
    changed.push(`${now.ok ? 'changed' : 'set'} ${key} in ${join(top.out, '.git', 'config')}: ${value}`);
  }
  return { changed, repo: top.out };
}
