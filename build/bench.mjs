// `npm run bench [-- --quick] [-- --only a,b]`: bundles every test/bench/*.bench.ts with esbuild,
// runs each one's `run()` in its own Node process (so its memory figures are its own), then prints
// one table side by side and writes bench-results/results.json.
//
// A bench file exports `async function run(): Promise<BenchRow[]>` (test/bench/bench-statistics.ts:
// name, value, unit, note, and where they apply the spread of the runs, their count, the goal, met).
// Children get TAHRIR_ROOT (the repository) and, with --quick, TAHRIR_BENCH_QUICK=1 (small inputs).
// A bench that is missing, fails to build or throws is reported as a failed row; the rest still run.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.includes('--help')) {
  const names = existsSync(join(root, 'test', 'bench'))
    ? (await readdir(join(root, 'test', 'bench')))
        .filter((f) => f.endsWith('.bench.ts'))
        .map((f) => basename(f, '.bench.ts'))
    : [];
  console.log(`usage: node build/bench.mjs [--quick] [--only a,b] [--out results.json]
  --quick   small inputs (the test suite's smoke run)
  --only    run these sections only: ${names.join(', ')}
  --out     where the JSON goes (default bench-results/results.json)
Environment: TAHRIR_BENCH_TIMEOUT_MS (per section), TAHRIR_BENCH_PARTS (browser: floor,peer,tahrir),
TAHRIR_BENCH_ROWS (browser: open,add,keys,scroll),
TAHRIR_BENCH_RUNS (runs per median row), TAHRIR_BENCH_PROFILE=dir (browser: CPU profiles),
TAHRIR_BENCH_TRACE=dir (browser: a performance trace of the open and the keypresses;
node build/read-keys-trace.mjs reads the keypresses).`);
  process.exit(0);
}
const quick =
  args.includes('--quick') || process.env.TAHRIR_BENCH_QUICK === '1' || process.env.TAHRIR_BENCH_SMOKE === '1';
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : null;
const outAt = args.indexOf('--out');
const resultsFile = outAt >= 0 ? args[outAt + 1] : join(root, 'bench-results', 'results.json');
const timeoutMs = Number(process.env.TAHRIR_BENCH_TIMEOUT_MS ?? (quick ? 180_000 : 3_600_000));

const benchDir = join(root, 'test', 'bench');
const files = existsSync(benchDir) ? (await readdir(benchDir)).filter((f) => f.endsWith('.bench.ts')).sort() : [];
const selected = files.filter((f) => !only || only.has(basename(f, '.bench.ts')));

const work = await mkdtemp(join(tmpdir(), 'tahrir-bench-'));
// Runs one bundled bench, reports its rows and the child's own peak memory on a file (stdout stays the bench's).
const wrapper = join(work, 'run-one.cjs');
const childTmp = join(work, 'tmp'); // the children's TMPDIR: whatever they leave behind goes with `work`
await mkdir(childTmp);
await writeFile(
  wrapper,
  `'use strict';
const { writeFileSync } = require('node:fs');
const [bundle, out] = process.argv.slice(2);
const started = performance.now();
Promise.resolve()
  .then(() => {
    const mod = require(bundle);
    if (typeof mod.run !== 'function') throw new Error('exports no run() function');
    return mod.run();
  })
  .then((rows) => {
    if (!Array.isArray(rows)) throw new Error('run() did not return an array of rows');
    writeFileSync(out, JSON.stringify({ ok: true, rows, ms: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS }));
    process.exit(0);
  })
  .catch((error) => {
    const message = error && error.stack ? error.stack : String(error);
    writeFileSync(out, JSON.stringify({ ok: false, error: message, ms: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS }));
    process.exit(1);
  });
`,
);

/**
 * @param {string} bundle
 * @param {string} out
 * @returns {Promise<{ code: number | null; signal: NodeJS.Signals | null }>}
 */
function runChild(bundle, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', wrapper, bundle, out, ...(quick ? ['--quick'] : [])], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      // NODE_PATH: the bundle sits in a temp folder, so its externals (playwright-core…) resolve from the repository.
      env: {
        ...process.env,
        TMPDIR: childTmp,
        TAHRIR_ROOT: root,
        NODE_PATH: join(root, 'node_modules'),
        ...(quick ? { TAHRIR_BENCH_QUICK: '1', TAHRIR_BENCH_SMOKE: '1' } : {}),
      },
      detached: true, // its own process group, so a timeout also ends the browsers it started
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/**
 * @typedef {{ name: string; value: unknown; unit?: string; note?: string; spread?: [number, number]; runs?: number;
 *   goal?: string; met?: boolean }} BenchRow
 */
/**
 * @typedef {{ name: string; file: string; ok: boolean; rows: BenchRow[]; error?: string; ms?: number;
 *   maxRssMiB?: number }} Section
 */
/** @type {Section[]} */
const sections = [];
for (const file of selected) {
  const name = basename(file, '.bench.ts');
  const bundle = join(work, `${name}.cjs`);
  const out = join(work, `${name}.result.json`);
  /** @type {Section} */
  const section = { name, file: `test/bench/${file}`, ok: false, rows: [] };
  sections.push(section);
  process.stderr.write(`bench: ${name}…\n`);
  try {
    await build({
      entryPoints: [join(benchDir, file)],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['playwright-core', 'jsonld', 'fsevents', 'electron', 'esbuild'],
      logLevel: 'silent',
      // The bundle lives in a temp folder: let import.meta.url still point at the bench's source file.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(benchDir, file)).href) },
    });
  } catch (error) {
    section.error = `build failed: ${String(/** @type {Error} */ (error).message ?? error)
      .split('\n')
      .slice(0, 3)
      .join(' ')}`;
    continue;
  }
  const { code, signal } = await runChild(bundle, out);
  let result = null;
  try {
    result = JSON.parse(await readFile(out, 'utf8'));
  } catch {
    /* no result file: crashed or timed out */
  }
  if (result) {
    section.ms = Math.round(result.ms);
    section.maxRssMiB = Math.round(result.maxRssKiB / 1024);
  }
  if (result?.ok) {
    section.ok = true;
    section.rows = result.rows;
  } else {
    section.error =
      result?.error ??
      (signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exited with ${signal ?? code}`);
  }
}
await rm(work, { recursive: true, force: true });

// One table, every section side by side.
/** @param {unknown} value */
function formatValue(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
// Columns: the value (a median of `runs` runs where the row says so) with its spread (min–max of
// the runs), the goal the row must reach and whether it does ("yes"/"NO"; blank for a reference row).
const table = [['section', 'measure', 'value', 'unit', 'spread (runs)', 'goal', 'met', 'note']];
/** @param {BenchRow} row */
function spreadText(row) {
  if (!row.spread) return row.runs ? `(${row.runs})` : '';
  return `${formatValue(row.spread[0])}–${formatValue(row.spread[1])}${row.runs ? ` (${row.runs})` : ''}`;
}
for (const section of sections) {
  if (!section.ok) table.push([section.name, '(failed)', '—', '', '', '', '', firstLine(section.error)]);
  for (const row of section.rows)
    table.push([
      section.name,
      String(row.name),
      formatValue(row.value),
      String(row.unit ?? ''),
      spreadText(row),
      String(row.goal ?? ''),
      row.goal === undefined ? '' : row.met ? 'yes' : 'NO',
      String(row.note ?? ''),
    ]);
}
if (selected.length === 0) table.push(['(none)', 'no test/bench/*.bench.ts files', '—', '', '', '', '', '']);
/** @param {unknown} text */
function firstLine(text) {
  const line = String(text ?? '').split('\n')[0];
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
const NOTE = table[0].length - 1;
const widths = table[0].map((_, col) => Math.min(col === NOTE ? 80 : 70, Math.max(...table.map((r) => r[col].length))));
const line = (/** @type {string[]} */ r) =>
  r
    .map((cell, col) => (col === 2 ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
    .join('  ')
    .trimEnd();
console.log(
  `\nTahrir bench${quick ? ' (quick: small inputs)' : ''} — ${cpus().length} cores, Node ${process.version}\n`,
);
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table.slice(1)) console.log(line(r));

await mkdir(dirname(resultsFile), { recursive: true });
await writeFile(
  resultsFile,
  `${JSON.stringify(
    {
      startedAt: new Date().toISOString(),
      quick,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryMiB: Math.round(totalmem() / 2 ** 20),
        node: process.version,
        platform: process.platform,
      },
      sections,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nresults: ${resultsFile}`);
const goals = sections.flatMap((s) => s.rows).filter((r) => r.goal !== undefined);
const missed = goals.filter((r) => !r.met);
console.log(
  `goals: ${goals.length - missed.length} of ${goals.length} met` +
    (missed.length ? `; missed: ${missed.map((r) => r.name).join('; ')}` : ''),
);
const failed = sections.filter((s) => !s.ok).length;
if (failed) console.log(`${failed} of ${sections.length} bench section(s) failed (see the table).`);
