// Bundles the programs with esbuild: the Electron main process, the sandboxed preload (one
// CommonJS file, as a sandboxed preload must be), the `tahrir` CLI, the renderer and its sidecar worker.
// TAHRIR_DEV=1: React's development build, unminified. TAHRIR_NOMIN=1: production React, unminified
// (CPU profiles of the renderer then name every function).
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const at = (p) => join(root, p);

const node = { bundle: true, platform: 'node', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
const jobs = [
  { entryPoints: [at('electron/main.ts')], outfile: join(dist, 'main.cjs'), external: ['electron'], target: 'node22', ...node },
  { entryPoints: [at('electron/preload.ts')], outfile: join(dist, 'preload.cjs'), external: ['electron'], target: 'node22', ...node },
  { entryPoints: [at('electron/cli.ts')], outfile: join(dist, 'cli.cjs'), external: ['electron', 'playwright-core'], target: 'node20', ...node },
  {
    entryPoints: [at('renderer/main.tsx')],
    outdir: join(dist, 'renderer'),
    entryNames: 'app',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    sourcemap: 'linked',
    minify: process.env.TAHRIR_DEV || process.env.TAHRIR_NOMIN ? false : true,
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    assetNames: 'assets/[name]-[hash]',
    define: { 'process.env.NODE_ENV': JSON.stringify(process.env.TAHRIR_DEV ? 'development' : 'production') },
    logLevel: 'warning',
  },
  // Loaded by index.html before app.js: asks for the workspace and its first document while app.js loads.
  {
    entryPoints: [at('renderer/early-start.ts')],
    outfile: join(dist, 'renderer', 'early.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    sourcemap: 'linked',
    minify: process.env.TAHRIR_DEV || process.env.TAHRIR_NOMIN ? false : true,
    logLevel: 'warning',
  },
  // The sidecar worker (builds and sends saves off the page's main thread), loaded by the renderer from beside app.js.
  {
    entryPoints: [at('renderer/sidecar-worker.ts')],
    outfile: join(dist, 'renderer', 'sidecar-worker.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    sourcemap: 'linked',
    minify: process.env.TAHRIR_DEV || process.env.TAHRIR_NOMIN ? false : true,
    logLevel: 'warning',
  },
].filter((job) => existsSync(job.entryPoints[0]));

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'renderer'), { recursive: true });
await Promise.all(jobs.map((job) => build(job)));
if (existsSync(at('renderer/index.html'))) await copyFile(at('renderer/index.html'), join(dist, 'renderer', 'index.html'));
console.log(`built ${jobs.length} bundles into dist/`);
