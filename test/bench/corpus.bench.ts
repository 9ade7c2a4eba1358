// A corpus of 10,000 and of 100,000 short articles (generated once per run, in a temp folder):
// the workspace opened in Chromium through `tahrir serve` (navigation → the document list
// painted), a filter keystroke (keydown → the list painted for it), and `tahrir stats`,
// `validate` and `export` (their time against a floor that reads every file and JSON.parses the
// sidecars, and their peak memory, which should not grow with the corpus). Throughput is CPU time
// (user + system) against the floor's: on this shared machine the wall clock waits on the disk and
// on other processes (the floor took 30–100 s for the same 100,000 documents); wall-clock rows are
// kept beside it. Memory growth is set against the floor's own (V8 grows its heap with the work
// done, holding nothing: the floor's max RSS grows 1.6× from 10,000 to 100,000 documents). The
// commands run in a different order each run, so none always meets the disk cache another left.
// Each row is the median
// of RUNS runs with their spread; each command and server is a fresh process. The corpora are
// written once into a cache folder (TAHRIR_BENCH_CACHE, default ~/.cache/tahrir-bench) and reused
// while generate-corpus.ts is unchanged: 100,000 documents take minutes and ~1 GB of disk to write.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { atLeast, atMost, median, medianRow, percentile, ratioRow, type BenchRow } from './bench-statistics';
import { writeArticleWorkspace, type WrittenWorkspace } from './generate-corpus';

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const root = process.env.TAHRIR_ROOT ?? process.cwd();
// TAHRIR_BENCH_SIZES=100000 runs that size alone; TAHRIR_BENCH_ROWS=open (the browser's rows) or =commands (stats,
// validate, export) those rows alone: the whole section takes most of an hour.
const SIZES = process.env.TAHRIR_BENCH_SIZES
  ? process.env.TAHRIR_BENCH_SIZES.split(',').map(Number)
  : quick
    ? [200, 1_000]
    : [10_000, 100_000];
const ROWS = new Set((process.env.TAHRIR_BENCH_ROWS ?? 'open,commands').split(','));
const RUNS = Number(process.env.TAHRIR_BENCH_RUNS ?? (quick ? 1 : 3));
const cli = join(root, 'dist', 'cli.cjs');
const CHROMIUM = '/usr/bin/chromium';

const began = performance.now();
const progress = (what: string) =>
  process.stderr.write(`  corpus bench ${((performance.now() - began) / 1000).toFixed(1)} s: ${what}\n`);

// Preloaded into every measured process: its peak RSS (KiB) and CPU time (µs), written when it exits.
const RSS_REPORTER = `'use strict';
process.on('exit', () => {
  const use = process.resourceUsage();
  const cpu = use.userCPUTime + use.systemCPUTime;
  require('node:fs').writeFileSync(process.env.TAHRIR_BENCH_RSS_FILE, JSON.stringify({ maxRSS: use.maxRSS, cpu }));
});
`;

// The floor: every text read and every sidecar read and JSON.parsed, nothing else (no checks, no counting).
const READ_PARSE_FLOOR = `'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
let files = 0;
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.annotations.json')) {
      JSON.parse(readFileSync(path, 'utf8'));
      readFileSync(path.replace(/\\.annotations\\.json$/, '.txt'), 'utf8');
      files++;
    }
  }
})(process.argv[2]);
process.stdout.write(files + '\\n');
`;

const CACHE =
  process.env.TAHRIR_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tahrir-bench');

/**
 * The workspace of `count` short articles: from the cache when one was written completely by this
 * generator (its source's hash names the folder), else written there now. Whatever a run left in
 * `.tahrir/` (a learned model, caches) is removed, so each run opens the folder as first written.
 */
async function cachedWorkspace(
  cache: string,
  count: number,
): Promise<{ workspace: string; ws: WrittenWorkspace; seconds: number }> {
  const generator = await readFile(join(root, 'test', 'bench', 'generate-corpus.ts'));
  const key = createHash('sha256').update(generator).digest('hex').slice(0, 12);
  const workspace = join(cache, `corpus-${count}-${key}`);
  const done = join(cache, `corpus-${count}-${key}.json`);
  const started = performance.now();
  let ws = (await readFile(done, 'utf8').then(JSON.parse, () => null)) as WrittenWorkspace | null;
  if (!ws) {
    await rm(workspace, { recursive: true, force: true });
    ws = await writeArticleWorkspace(workspace, count);
    await writeFile(done, JSON.stringify(ws));
  }
  await rm(join(workspace, '.tahrir'), { recursive: true, force: true });
  return { workspace, ws, seconds: (performance.now() - started) / 1000 };
}

interface Measured {
  ms: number;
  /** User + system CPU time of the process. */
  cpuMs: number;
  maxRssMiB: number;
  code: number | null;
  stderr: string;
}

async function measure(dir: string, args: string[]): Promise<Measured> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  let stderr = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', join(dir, 'rss-reporter.cjs'), ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TAHRIR_BENCH_RSS_FILE: rssFile },
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const ms = performance.now() - started;
  const used = (await readFile(rssFile, 'utf8').then(JSON.parse, () => ({ maxRSS: NaN, cpu: NaN }))) as {
    maxRSS: number;
    cpu: number;
  };
  await rm(rssFile, { force: true });
  return { ms, cpuMs: used.cpu / 1000, maxRssMiB: used.maxRSS / 1024, code, stderr: stderr.trim() };
}

async function startServe(workspace: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'electron', 'tahrir.cjs'), 'serve', workspace], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`tahrir serve printed no URL in 60 s: ${stderr.trim()}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tahrir serve exited (${code}): ${stderr.trim()}`));
    });
  });
  return { child, url };
}

/** What the page logs with the time it painted the list (a console message reaches us without running our code). */
const LIST_PAINTED = 'tahrir-bench:list-painted ';
// In the page from its first script: navigation → the rAF after the first frame with a document row. Logged, not
// asked for: page.evaluate during the load put Playwright's utility script on the page's main thread (its
// EvaluateScript: 39 ms of a 100k open's main thread at load 20).
const LIST_PROBE = `(() => {
  const check = () => {
    if (document.querySelector('.document-item'))
      requestAnimationFrame(() => console.debug(${JSON.stringify(LIST_PAINTED)} + performance.now()));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Typed into the filter, one key at a time: narrowing, widening (Backspace), narrowing again. */
const FILTER_KEYS = [...'article-0', ...'1234', 'Backspace', 'Backspace', 'Backspace', ...'999', ...' 5'];

/**
 * Opens the workspace in a server until it has read every document and kept the list in
 * .tahrir/document-list.json; the seconds that took.
 */
async function keepDocumentList(workspace: string): Promise<number> {
  const kept = join(workspace, '.tahrir', 'document-list.json');
  await rm(join(workspace, '.tahrir'), { recursive: true, force: true });
  const started = performance.now();
  const served = await startServe(workspace);
  try {
    const { origin, searchParams } = new URL(served.url);
    const token = searchParams.get('token') ?? '';
    // Listing until nothing is pending: each listing waits for the reading the one before left.
    for (;;) {
      const answer = await fetch(`${origin}/api/listDocuments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-tahrir-token': token },
        body: '{"args":[]}',
      });
      const list = ((await answer.json()) as { result: unknown[] }).result;
      if (!list.some((d) => typeof d === 'string' || (d as { pending?: boolean }).pending)) break;
    }
    while (!existsSync(kept)) {
      if (performance.now() - started > 600_000) throw new Error(`${kept} was not written in 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    const exited = new Promise((resolve) => served.child.once('exit', resolve));
    if (served.child.exitCode === null && served.child.kill('SIGTERM')) await exited;
  }
  return (performance.now() - started) / 1000;
}

/** Opens the workspace (fresh server) and returns navigation → list painted; with `keys`, also times filter keystrokes. */
async function openWorkspace(
  browser: Browser,
  workspace: string,
  keys: boolean,
): Promise<{ listMs: number; keystrokes: number[]; rows: number }> {
  const served = await startServe(workspace);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript({ content: LIST_PROBE });
    const page = await context.newPage();
    const painted = page.waitForEvent('console', {
      predicate: (m) => m.text().startsWith(LIST_PAINTED),
      timeout: 300_000,
    });
    await page.goto(served.url, { waitUntil: 'commit' });
    const listMs = Number((await painted).text().slice(LIST_PAINTED.length));
    const rows = await page.locator('.document-item').count();
    const keystrokes: number[] = [];
    if (keys) {
      const filter = page.getByLabel('Filter documents');
      await filter.click();
      await page.waitForTimeout(300);
      for (const key of FILTER_KEYS) {
        await page.evaluate(() => {
          const w = window as unknown as { __key: Promise<number> };
          w.__key = new Promise<number>((resolve) =>
            addEventListener(
              'keydown',
              (event) => {
                const at = event.timeStamp;
                // The rAF after the first frame whose rows are for the filter as typed.
                const check = () => {
                  const input = document.querySelector<HTMLInputElement>('.filter');
                  const list = document.querySelector<HTMLElement>('.document-list ul');
                  if (input && list && list.dataset.filter === input.value)
                    requestAnimationFrame(() => resolve(performance.now() - at));
                  else requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
              },
              { capture: true, once: true },
            ),
          );
        });
        await page.keyboard.press(key);
        keystrokes.push(await page.evaluate(() => (window as unknown as { __key: Promise<number> }).__key));
        await page.waitForTimeout(100);
      }
    }
    return { listMs, keystrokes, rows };
  } finally {
    await context.close();
    served.child.kill('SIGTERM');
  }
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm run bench does)`);
  const dir = await mkdtemp(join(tmpdir(), 'tahrir-corpus-bench-'));
  const rows: BenchRow[] = [];
  const browser = existsSync(CHROMIUM)
    ? await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
    : null;
  try {
    await writeFile(join(dir, 'rss-reporter.cjs'), RSS_REPORTER);
    await writeFile(join(dir, 'read-parse-floor.cjs'), READ_PARSE_FLOOR);
    const peaks: Record<string, BenchRow[]> = {};
    for (const count of SIZES) {
      const label = `${count.toLocaleString('en-US')} documents`;
      // The quick run (the test suite's) writes its small corpora into its temp folder.
      const cache = quick && !process.env.TAHRIR_BENCH_CACHE ? dir : CACHE;
      progress(`${label}: generating (or reusing ${cache})`);
      const { workspace, ws, seconds } = await cachedWorkspace(cache, count);
      rows.push({
        name: `corpus: ${label}`,
        value: ws.textBytes / 2 ** 20,
        unit: 'MB text',
        note: `${ws.entities.toLocaleString('en-US')} entities, ${ws.quotes.toLocaleString('en-US')} quotes, ready in ${seconds.toFixed(0)} s`,
      });

      if (browser && ROWS.has('open')) {
        const listMs: number[] = [];
        const keyP95: number[] = [];
        const keyP50: number[] = [];
        let shownRows = 0;
        for (let r = 0; r < RUNS; r++) {
          progress(`${label}: open the workspace in Chromium #${r + 1}`);
          const opened = await openWorkspace(browser, workspace, true);
          listMs.push(opened.listMs);
          keyP95.push(percentile(opened.keystrokes, 95));
          keyP50.push(median(opened.keystrokes));
          shownRows = opened.rows;
        }
        // A second open: the list the first one kept in .tahrir/ (written once every document was read).
        progress(`${label}: waiting for the kept document list`);
        const keptSeconds = await keepDocumentList(workspace);
        const warmMs: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          progress(`${label}: open the workspace again (kept list) #${r + 1}`);
          warmMs.push((await openWorkspace(browser, workspace, false)).listMs);
        }
        rows.push(
          atMost(
            medianRow(`workspace ${label}: open, document list painted`, listMs, 'ms', {
              note: `navigation → the frame with the first rows (${shownRows} rendered), a fresh tahrir serve each run`,
            }),
            2000,
          ),
          atMost(
            medianRow(`workspace ${label}: open again, document list painted`, warmMs, 'ms', {
              note: `the list kept in .tahrir/ by an earlier run (written ${keptSeconds.toFixed(0)} s after opening)`,
            }),
            2000,
          ),
          medianRow(`workspace ${label}: filter keystroke p50`, keyP50, 'ms', {
            note: `${FILTER_KEYS.length} keys a run (typing, Backspace), keydown → the rAF after the list shows the rows for it`,
          }),
          atMost(
            medianRow(`workspace ${label}: filter keystroke p95`, keyP95, 'ms', { note: 'median of the runs’ p95' }),
            50,
          ),
        );
      }

      if (!ROWS.has('commands')) continue;
      const commands: [string, string[]][] = [
        ['stats', [cli, 'stats', workspace, '--json']],
        ['validate', [cli, 'validate', workspace]],
        ['export', [cli, 'export', workspace, '--format', 'jsonl', '--out', join(dir, 'export.jsonl')]],
        ['floor', [join(dir, 'read-parse-floor.cjs'), workspace]],
      ];
      const times: Record<string, number[]> = {};
      const cpu: Record<string, number[]> = {};
      const rss: Record<string, number[]> = {};
      const failures: Record<string, string> = {};
      for (let r = 0; r < RUNS; r++)
        for (const [what, args] of [
          ...commands.slice(r % commands.length),
          ...commands.slice(0, r % commands.length),
        ]) {
          progress(`${label}: ${what} #${r + 1}`);
          const m = await measure(dir, args);
          if (m.code !== 0 && what !== 'validate')
            failures[what] = `exit ${m.code}: ${m.stderr.split('\n')[0].slice(0, 120)}`;
          (times[what] ??= []).push(m.ms);
          (cpu[what] ??= []).push(m.cpuMs);
          (rss[what] ??= []).push(m.maxRssMiB);
          await rm(join(dir, 'export.jsonl'), { force: true });
        }
      const floor = medianRow(`corpus ${label}: floor (read every file, JSON.parse the sidecars)`, times.floor, 'ms', {
        note: `${(count / (median(times.floor) / 1000)).toFixed(0)} docs/s, peak ${median(rss.floor).toFixed(0)} MiB`,
      });
      const floorCpu = medianRow(`corpus ${label}: floor, CPU time`, cpu.floor, 'ms', { note: 'user + system' });
      rows.push(floor, floorCpu);
      // The floor's own peak: what holding nothing costs at this size (V8's heap grows with the work done).
      (peaks.floor ??= []).push(medianRow(`floor ${label}: peak memory (max RSS)`, rss.floor, 'MiB'));
      for (const what of ['stats', 'validate', 'export']) {
        const time = medianRow(
          `${what} ${label}: tahrir ${what}${what === 'export' ? ' --format jsonl' : ''}`,
          times[what],
          'ms',
          {
            note: failures[what] ?? `${(count / (median(times[what]) / 1000)).toFixed(0)} docs/s`,
          },
        );
        const share = ratioRow(`${what} ${label}: throughput (wall clock), % of the floor`, floor, time);
        const cpuTime = medianRow(`${what} ${label}: CPU time`, cpu[what], 'ms', { note: 'user + system' });
        const cpuShare = ratioRow(`${what} ${label}: throughput (CPU time), % of the floor`, floorCpu, cpuTime, {
          note: 'the floor’s CPU time over the command’s: the work per document, whatever the disk and the machine’s load',
        });
        const percent = (row: BenchRow): BenchRow => ({
          ...row,
          value: row.value * 100,
          unit: '%',
          spread: row.spread?.map((v) => v * 100) as [number, number],
        });
        rows.push(
          time,
          { ...percent(share), note: 'waits on the shared disk and machine: see the CPU-time row' },
          cpuTime,
          atLeast(percent(cpuShare), 50),
        );
        const peak = medianRow(`${what} ${label}: peak memory (max RSS)`, rss[what], 'MiB');
        rows.push(peak);
        (peaks[what] ??= []).push(peak);
      }
      await rm(join(workspace, '.tahrir'), { recursive: true, force: true });
      // The rows so far, in the log too: a run stopped by its time limit still leaves them.
      process.stderr.write(`  corpus bench rows so far: ${JSON.stringify(rows)}\n`);
    }
    const [small, large] = SIZES.map((n) => n.toLocaleString('en-US'));
    const [floorSmall, floorLarge] = peaks.floor ?? [];
    for (const [what, [a, b]] of Object.entries(peaks)) {
      if (!a || !b) continue;
      const ratio = ratioRow(`${what}: peak memory, ${large} / ${small} documents`, b, a);
      if (what === 'floor' || !floorSmall || !floorLarge) {
        rows.push({ ...ratio, note: 'reference: the floor holds no document, and its max RSS grows all the same' });
        continue;
      }
      // The growth beyond the floor's: what the command holds per document, not V8's heap sizing.
      const floorGrowth = floorLarge.value / floorSmall.value;
      rows.push(
        { ...ratio, note: 'max RSS, V8 heap sizing included (see the floor’s)' },
        atMost(
          {
            name: `${what}: peak memory growth, ${large} / ${small} documents, over the floor’s`,
            value: ratio.value / floorGrowth,
            unit: '×',
            note: `max RSS growth ÷ the read + parse floor’s (${floorGrowth.toFixed(2)}×): 1 is growing as holding nothing does`,
          },
          1.2,
        ),
      );
    }
  } finally {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
