// The entity tagger's worker thread bundled as build/bundle.mjs bundles it, into a test's own
// folder (dist/ is never touched): the back end under test starts it from there.
import { join } from 'node:path';
import { build } from 'esbuild';

const repo = join(__dirname, '..', '..');

/** Bundles electron/entity-tagger-worker.ts into `dir`; its path. */
export async function buildTaggerWorker(dir: string): Promise<string> {
  const outfile = join(dir, 'entity-tagger-worker.cjs');
  await build({
    entryPoints: [join(repo, 'electron', 'entity-tagger-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
