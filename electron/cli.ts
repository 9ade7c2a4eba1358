// Entry of the `tahrir` command (bundled to dist/cli.cjs, started by electron/tahrir.cjs).
import { runCli } from './cli/commands';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`tahrir: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
