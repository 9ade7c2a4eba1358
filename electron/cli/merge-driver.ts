// `tahrir merge-driver %O %A %B %P`: git's merge driver for sidecars (set up by `tahrir
// git-setup`). Exit 0: merged; 1: conflicts written into the file, so git reports it conflicted.
import { runMergeDriver } from '../git-merge-driver';
import { usageError } from './command-line';

const USAGE = 'usage: tahrir merge-driver %O %A %B %P   (git runs this; see tahrir git-setup)';

export async function run(args: string[]): Promise<number> {
  if (args.length !== 4)
    throw usageError(`four arguments are needed (base, ours, theirs, path), got ${args.length}`, USAGE);
  const [base, mine, theirs, path] = args;
  // git runs drivers at the top of the working tree, with %P relative to it.
  const outcome = await runMergeDriver(process.cwd(), base, mine, theirs, path);
  if (outcome.message) process.stderr.write(`tahrir merge-driver: ${outcome.message}\n`);
  return outcome.code;
}
