// Entry of the merge driver git runs for every conflicting sidecar (bundled on its own to
// dist/merge-driver.cjs): the driver's code alone, not the whole `tahrir` command with every other
// command's, since git starts one process per file and its start-up is most of the cost.
// Same arguments and exit codes as `tahrir merge-driver` (electron/cli/merge-driver.ts).
import { run } from './cli/merge-driver';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`tahrir merge-driver: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
