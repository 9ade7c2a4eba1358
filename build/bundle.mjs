// Bundles the programs with esbuild: the Electron main process, the sandboxed preload (one
// CommonJS file, as a sandboxed preload must be), the `tahrir` CLI and its tagger's worker thread, the renderer and its
// sidecar worker.
// TAHRIR_DEV=1: React's development build, unminified. TAHRIR_NOMIN=1: production React, unminified
// (CPU profiles of the renderer then name every function).
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

const minify = !(process.env.TAHRIR_DEV || process.env.TAHRIR_NOMIN);

/** @satisfies {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};
/** @satisfies {import('esbuild').BuildOptions} */
const browser = {
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'chrome120',
  sourcemap: 'linked',
  minify,
  logLevel: 'warning',
};

// The commands of the table in electron/cli/commands.ts, each loaded there as `import('./<name>')`.
const commandTable = readFileSync(at('electron/cli/commands.ts'), 'utf8');
const CLI_COMMANDS = [...commandTable.matchAll(/load: \(\) => import\('\.\/([\w-]+)'\)/g)].map((m) => m[1]);

/**
 * The command table's `import('./<name>')` goes to the command's own bundle beside cli.cjs, not into cli.cjs.
 * @type {import('esbuild').Plugin}
 */
const commandBundles = {
  name: 'command-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w-]+$/ }, (args) =>
      args.importer === at('electron/cli/commands.ts') && CLI_COMMANDS.includes(args.path.slice(2))
        ? { path: `./cli-${args.path.slice(2)}.cjs`, external: true }
        : undefined,
    );
  },
};

/**
 * The esbuild options of each program, writing into `out` (dist/ by default). Tests bundle with
 * these too (into a temp folder, leaving dist/ alone), so they run what ships.
 * @param {string} [out]
 */
export function bundleOptions(out = dist) {
  return {
    main: /** @type {import('esbuild').BuildOptions} */ ({
      entryPoints: [at('electron/desktop-entry.ts')],
      outfile: join(out, 'main.cjs'),
      external: ['electron'],
      target: 'node22',
      ...node,
    }),
    preload: /** @type {import('esbuild').BuildOptions} */ ({
      entryPoints: [at('electron/preload.ts')],
      outfile: join(out, 'preload.cjs'),
      external: ['electron'],
      target: 'node22',
      ...node,
    }),
    // The `tahrir` command: cli.cjs, the command table and the help, and each command in a bundle of its own
    // (cli-export.cjs…), loaded by the table when run: an export compiles and starts only the export's code.
    cli: /** @type {import('esbuild').BuildOptions} */ ({
      entryPoints: {
        cli: at('electron/cli.ts'),
        ...Object.fromEntries(CLI_COMMANDS.map((name) => [`cli-${name}`, at(`electron/cli/${name}.ts`)])),
      },
      outdir: out,
      outExtension: { '.js': '.cjs' },
      external: ['electron', 'playwright-core'],
      target: 'node20',
      // import() as require(): a real import() starts Node's ES module loader, ~25 ms of CPU a run.
      supported: { 'dynamic-import': false },
      plugins: [commandBundles],
      ...node,
    }),
    // The merge driver git runs once per conflicting sidecar: its code alone, so each start loads less.
    mergeDriver: /** @type {import('esbuild').BuildOptions} */ ({
      entryPoints: [at('electron/merge-driver-main.ts')],
      outfile: join(out, 'merge-driver.cjs'),
      target: 'node20',
      ...node,
    }),
    // The entity tagger's training, in a worker thread of the back end (desktop and tahrir serve alike).
    entityTaggerWorker: /** @type {import('esbuild').BuildOptions} */ ({
      entryPoints: [at('electron/entity-tagger-worker.ts')],
      outfile: join(out, 'entity-tagger-worker.cjs'),
      target: 'node20',
      ...node,
    }),
    renderer: /** @type {import('esbuild').BuildOptions} */ ({
      ...browser,
      entryPoints: [at('renderer/main.tsx')],
      outdir: join(out, 'renderer'),
      entryNames: 'app',
      jsx: 'automatic',
      loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
      assetNames: 'assets/[name]-[hash]',
      define: { 'process.env.NODE_ENV': JSON.stringify(process.env.TAHRIR_DEV ? 'development' : 'production') },
    }),
    // Loaded by index.html before app.js: asks for the workspace and its first document while app.js loads.
    early: /** @type {import('esbuild').BuildOptions} */ ({
      ...browser,
      entryPoints: [at('renderer/early-start.ts')],
      outfile: join(out, 'renderer', 'early.js'),
    }),
    // Started by early.js: loads ICU's locale data off the page's main thread (renderer/icu-worker.ts).
    icuWorker: /** @type {import('esbuild').BuildOptions} */ ({
      ...browser,
      entryPoints: [at('renderer/icu-worker.ts')],
      outfile: join(out, 'renderer', 'icu-worker.js'),
    }),
    // The sidecar worker (builds and sends saves off the page's main thread), loaded by the renderer from
    // beside app.js.
    sidecarWorker: /** @type {import('esbuild').BuildOptions} */ ({
      ...browser,
      entryPoints: [at('renderer/sidecar-worker.ts')],
      outfile: join(out, 'renderer', 'sidecar-worker.js'),
    }),
  };
}

/**
 * index.html beside the renderer bundle in `rendererDir`, preloading the first screen's fonts found
 * in its assets folder.
 * @param {string} rendererDir
 */
export async function writeIndexHtml(rendererDir) {
  const html = await readFile(at('renderer/index.html'), 'utf8');
  const assets = join(rendererDir, 'assets');
  const fonts = existsSync(assets) ? (await readdir(assets)).filter((f) => FIRST_SCREEN_FONTS.test(f)) : [];
  await writeFile(
    join(rendererDir, 'index.html'),
    withFontPreloads(
      html,
      fonts.map((f) => `assets/${f}`),
    ),
  );
}

/** Builds every program into dist/, afresh. */
async function bundleAll() {
  const jobs = Object.values(bundleOptions()).filter((job) =>
    Object.values(/** @type {Record<string, string>} */ (job.entryPoints)).every((entry) => existsSync(entry)),
  );
  await rm(dist, { recursive: true, force: true });
  await mkdir(join(dist, 'renderer'), { recursive: true });
  await Promise.all(jobs.map((job) => build(job)));
  if (existsSync(at('renderer/index.html'))) await writeIndexHtml(join(dist, 'renderer'));
  console.log(`built ${jobs.length} bundles into dist/`);
}

// Run as a program (npm run build), not when a test imports the options.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await bundleAll();
