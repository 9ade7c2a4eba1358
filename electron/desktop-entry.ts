// The desktop program's entry. Started by git as the sidecar merge driver (`<app> merge-driver %O %A %B %P`,
// written by Sync's set-up in a packaged app, which ships no `tahrir` command and whose binary cannot run as
// Node), it merges and exits before anything of the app starts: no window, and no single-instance lock, which
// would hand the arguments to a window already open. Otherwise it is the app (main.ts).
import { mergeDriverArguments } from './git-setup';

const driver = mergeDriverArguments(process.argv);
if (driver) {
  void import('./cli/merge-driver')
    .then(({ run }) => run(driver))
    .then(
      (code) => process.exit(code),
      (e: unknown) => {
        process.stderr.write(`tahrir merge-driver: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(2);
      },
    );
} else {
  // Synchronously, as when main.ts was the entry: it registers the app:// scheme before the app is ready.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./main');
}
