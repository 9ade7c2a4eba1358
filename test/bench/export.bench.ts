// `tahrir export --format jsonl` over generated workspaces of short articles (1,000 and
// 10,000 documents), each run in its own process so its peak RSS is its own: throughput
// (documents/s, MB/s of source text) and peak memory, next to a floor that reads the
// same files and writes plain JSON.stringify of the same records to the same disk, with
// no mapping, re-anchoring or checks. Peak memory that stays flat from 1,000 to 10,000
// documents shows the export streams.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArticleWorkspace } from './generate-corpus';
import { runExport } from '../../electron/export-job';

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const root = process.env.TAHRIR_ROOT ?? process.cwd();
const SIZES = quick ? [200, 1_000] : [1_000, 10_000];
const cli = join(root, 'dist', 'cli.cjs');

// Preloaded into each measured process: its peak RSS, written when it exits.
const RSS_REPORTER = `'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.TAHRIR_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
`;

// The floor: the same reads, the same kind of record, JSON.stringify to a stream with backpressure.
const STRINGIFY_FLOOR = `'use strict';
const { readdirSync, readFileSync, createWriteStream } = require('node:fs');
const { join, relative } = require('node:path');
const [workspace, out] = process.argv.slice(2);
const stream = createWriteStream(out);
const texts = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.txt')) texts.push(path);
  }
})(workspace);
(async () => {
  for (const path of texts) {
    const text = readFileSync(path, 'utf8');
    const sidecar = JSON.parse(readFileSync(path.replace(/\\.txt$/, '.annotations.json'), 'utf8'));
    const record = {
      id: relative(workspace, path).replace(/\\.txt$/, ''),
      text,
      spans: sidecar.entities.map((e) => ({ start: e.start, end: e.end, label: e.label, text: e.text })),
      quotes: sidecar.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, kind: q.kind, speaker: null })),
      meta: sidecar.document,
    };
    if (!stream.write(JSON.stringify(record) + '\\n')) await new Promise((r) => stream.once('drain', r));
  }
  stream.end();
})();
`;

interface Measured {
  ms: number;
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
  const maxRssMiB = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) / 1024;
  return { ms, maxRssMiB, code, stderr: stderr.trim() };
}

const MiB = 2 ** 20;

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm run bench does)`);
  const dir = await mkdtemp(join(tmpdir(), 'tahrir-export-bench-'));
  const rows: BenchRow[] = [];
  try {
    await writeFile(join(dir, 'rss-reporter.cjs'), RSS_REPORTER);
    await writeFile(join(dir, 'stringify-floor.cjs'), STRINGIFY_FLOOR);
    // The fixed cost every run pays (Node start, loading the bundle), for reading the small sizes.
    const startup = await measure(dir, [cli, '--help']);
    rows.push({
      name: 'tahrir startup (node dist/cli.cjs --help)',
      value: startup.ms,
      unit: 'ms',
      note: 'included in every tahrir export time below',
    });
    for (const count of SIZES) {
      const workspace = join(dir, `workspace-${count}`);
      const corpus = await writeArticleWorkspace(workspace, count);
      const label = `${count.toLocaleString('en-US')} docs`;
      const floorOut = join(dir, `floor-${count}.jsonl`);
      const ourOut = join(dir, `export-${count}.jsonl`);
      // Floor first, then ours: both find the files equally warm in the page cache after generation.
      const floor = await measure(dir, [join(dir, 'stringify-floor.cjs'), workspace, floorOut]);
      const ours = await measure(dir, [cli, 'export', workspace, '--format', 'jsonl', '--out', ourOut]);
      if (ours.code !== 0) throw new Error(`tahrir export exited ${ours.code}: ${ours.stderr.slice(-300)}`);
      const outBytes = (await stat(ourOut)).size;
      const textMiB = corpus.textBytes / MiB;
      rows.push(
        {
          name: `jsonl ${label}: tahrir export`,
          value: count / (ours.ms / 1000),
          unit: 'docs/s',
          note: `${(textMiB / (ours.ms / 1000)).toFixed(1)} MB/s of text, ${(ours.ms / 1000).toFixed(2)} s, ${(outBytes / MiB).toFixed(1)} MiB out, ${corpus.entities} entities`,
        },
        { name: `jsonl ${label}: tahrir export peak RSS`, value: ours.maxRssMiB, unit: 'MiB' },
        {
          name: `jsonl ${label}: floor (read + JSON.stringify to disk)`,
          value: count / (floor.ms / 1000),
          unit: 'docs/s',
          note: `${(textMiB / (floor.ms / 1000)).toFixed(1)} MB/s of text, ${(floor.ms / 1000).toFixed(2)} s`,
        },
        { name: `jsonl ${label}: floor peak RSS`, value: floor.maxRssMiB, unit: 'MiB' },
        { name: `jsonl ${label}: throughput vs floor`, value: (floor.ms / ours.ms) * 100, unit: '%' },
      );
      // Live heap after a full GC, in this process, at the first and the last tenth of the corpus:
      // flat when the export streams (RSS above also holds garbage V8 has not yet returned).
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) {
        const heap: number[] = [];
        const marks = new Set([Math.floor(count / 10), count - 1]);
        await runExport({
          root: workspace,
          request: { format: 'jsonl', out: join(dir, `heap-${count}.jsonl`) },
          onProgress: (done) => {
            if (marks.has(done)) {
              gc();
              heap.push(process.memoryUsage().heapUsed / MiB);
            }
          },
        });
        rows.push({
          name: `jsonl ${label}: live heap after GC at 10% → 100% of the documents`,
          value: heap[1],
          unit: 'MiB',
          note: `${heap[0].toFixed(1)} MiB at 10%, ${heap[1].toFixed(1)} MiB at the last document (in-process export job)`,
        });
        await rm(join(dir, `heap-${count}.jsonl`), { force: true });
      }
      await rm(workspace, { recursive: true, force: true });
      await rm(floorOut, { force: true });
      await rm(ourOut, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
