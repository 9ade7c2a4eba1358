// Bundles the programs with esbuild: the Electron main process, the sandboxed preload (one
// CommonJS file, as a sandboxed preload must be), the `tahrir` CLI and its tagger's worker thread, the renderer and its sidecar worker.
// TAHRIR_DEV=1: React's development build, unminified. TAHRIR_NOMIN=1: production React, unminified
// (CPU profiles of the renderer then name every function).
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const at = (/** @type {string} */ p) => join(root, p);

// The fonts the first screen uses (the interface in Noto Sans 400 and 600, Arabic text in Noto
// Naskh 400): preloaded from index.html, they arrive while early.js waits for the document,
// instead of being asked for at the first layout and laying the text out again when they come.
const FIRST_SCREEN_FONTS = /^(noto-sans-latin-(400|600)|noto-naskh-arabic-arabic-400)-normal-[A-Z0-9]+\.woff2$/;

/**
 * index.html with a preload link per font, before its stylesheet.
 * @param {string} html
 * @param {string[]} fonts
 */
function withFontPreloads(html, fonts) {
  const links = fonts
    .map((f) => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin />\n    `)
    .join('');
  return html.replace('<link rel="stylesheet"', `${links}<link rel="stylesheet"`);
}

/** @satisfies {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};
const jobs = /** @type {import('esbuild').BuildOptions[]} */ ([
  {
    entryPoints: [at('electron/main.ts')],
    outfile: join(dist, 'main.cjs'),
    external: ['electron'],
    target: 'node22',
    ...node,
  },
  {
    entryPoints: [at('electron/preload.ts')],
    outfile: join(dist, 'preload.cjs'),
    external: ['electron'],
    target: 'node22',
    ...node,
  },
  {
    entryPoints: [at('electron/cli.ts')],
    outfile: join(dist, 'cli.cjs'),
    external: ['electron', 'playwright-core'],
    target: 'node20',
    ...node,
  },
  // The entity tagger's training, in a worker thread of the back end (desktop and tahrir serve alike).
  {
    entryPoints: [at('electron/entity-tagger-worker.ts')],
    outfile: join(dist, 'entity-tagger-worker.cjs'),
    target: 'node20',
    ...node,
  },
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
]).filter((job) => existsSync(/** @type {string[]} */ (job.entryPoints)[0]));

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'renderer'), { recursive: true });
await Promise.all(jobs.map((job) => build(job)));
if (existsSync(at('renderer/index.html'))) {
  const html = await readFile(at('renderer/index.html'), 'utf8');
  const fonts = (await readdir(join(dist, 'renderer', 'assets'))).filter((f) => FIRST_SCREEN_FONTS.test(f));
  await writeFile(
    join(dist, 'renderer', 'index.html'),
    withFontPreloads(
      html,
      fonts.map((f) => `assets/${f}`),
    ),
  );
}
console.log(`built ${jobs.length} bundles into dist/`);
