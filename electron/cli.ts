// Entry of the `tahrir` command (bundled to dist/cli.cjs, started by electron/tahrir.cjs).
import { setFlagsFromString } from 'node:v8';
import { runCli } from './cli/commands';

// A run reads documents one at a time: a stream of short-lived objects. On such a run V8 doubles its
// young generation again and again (to 32 MB), so 10,000 documents peaked 12 MB above 1,000 for no
// speed; kept at its first size, peak memory stays flat and the run is, if anything, faster.
setFlagsFromString('--semi-space-growth-factor=1');

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`tahrir: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
