// Child process of the lock tests: takes the real lock of each path given, says "locked", and
// holds them until a line arrives on stdin (or it is killed). Bundled by the test with esbuild.
//   node lock-holder.cjs <path>...
import { withFileLock } from '../../electron/sidecar-lock';

function holdAll(paths: string[], then: () => Promise<void>): Promise<void> {
  if (paths.length === 0) return then();
  return withFileLock(paths[0], paths[0], () => holdAll(paths.slice(1), then));
}

const released = new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
holdAll(process.argv.slice(2), async () => {
  process.stdout.write('locked\n');
  await released;
}).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(3);
  },
);
