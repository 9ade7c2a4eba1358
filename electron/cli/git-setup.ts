// `tahrir git-setup <workspace>`: .gitattributes and the repository's merge.tahrir.driver, so git
// merges sidecars by id (see electron/git-setup.ts). Says what it changed; nothing the second time.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { gitSetup, mergeDriverCommand } from '../git-setup';
import { folderArgument, parseCommandLine } from './command-line';

const USAGE = 'usage: tahrir git-setup <workspace>';

/** The script this command runs as (dist/cli.cjs, or electron/tahrir.cjs that loads it). */
function thisScript(): string {
  const script = resolve(process.argv[1] ?? '');
  try {
    return realpathSync(script);
  } catch {
    return script;
  }
}

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE);
  const root = await folderArgument(line, USAGE);
  const report = await gitSetup(root, mergeDriverCommand(process.execPath, thisScript()));
  if (report.changed.length === 0)
    process.stdout.write('git already merges sidecars with tahrir here: nothing changed\n');
  for (const change of report.changed) process.stdout.write(`${change}\n`);
  return 0;
}
