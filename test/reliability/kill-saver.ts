// Child process of the kill test: saves distinct versions of one sidecar (and of its recovery
// journal entry) in a loop with the real store, until it is killed. Bundled by the test with esbuild.
//   node kill-saver.cjs <workspace> <run>
import { join } from 'node:path';
import { readRevision, writeRecovery, writeSidecarAtomic } from '../../electron/sidecar-store';
import { killTestVersion } from './kill-versions';

async function main(): Promise<void> {
  const [root, runArg] = process.argv.slice(2);
  const run = Number(runArg);
  const path = join(root, 'article.annotations.json');
  let revision = await readRevision(path, 'article.annotations.json');
  for (let n = 0; ; n++) {
    const version = killTestVersion(run, n);
    revision = await writeSidecarAtomic(path, version, revision, 'article.annotations.json');
    // The parent kills at a random moment after the first save is through.
    if (n === 0) process.stdout.write('saved\n');
    await writeRecovery(root, 'article', version, `2026-11-28T10:00:00.${String(n % 1000).padStart(3, '0')}Z`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
