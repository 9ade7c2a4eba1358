// `tahrir validate` (and `tahrir export --format jsonl` unless export.bench.ts measures it) over
// generated workspaces of 1,000 and 10,000 short articles: throughput and peak memory of the built
// CLI, each run in its own process, against a floor doing the same I/O in plain Node
// (read + JSON.parse for validate; read + JSON.stringify of the records to disk for export).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArticleWorkspace, type WrittenWorkspace } from './generate-corpus';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const root = process.env.TAHRIR_ROOT ?? process.cwd();
const SIZES = quick ? [100, 300] : [1_000, 10_000];
const cli = join(root, 'dist', 'cli.cjs');
const exportCovered = existsSync(join(root, 'test', 'bench', 'export.bench.ts'));

// Preloaded into every measured process: reports its peak RSS when it exits, whatever the exit path.
const RSS_REPORTER = `'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.TAHRIR_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
`;

// The floors: the same files read with nothing but Node and JSON (no schema, no checks, no mapping).
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

const STRINGIFY_FLOOR = `'use strict';
const { readdirSync, readFileSync, createWriteStream } = require('node:fs');
const { join, relative } = require('node:path');
const [workspace, out] = process.argv.slice(2);
const stream = createWriteStream(out);
const paths = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.annotations.json')) paths.push(path);
  }
})(workspace);
(async () => {
  for (const path of paths) {
    const sidecar = JSON.parse(readFileSync(path, 'utf8'));
    const text = readFileSync(path.replace(/\\.annotations\\.json$/, '.txt'), 'utf8');
    const record = {
      id: relative(workspace, path).replace(/\\.annotations\\.json$/, ''),
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

const mb = (bytes: number) => bytes / 2 ** 20;

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm run bench does)`);
  const dir = await mkdtemp(join(tmpdir(), 'tahrir-cli-bench-'));
  const rows: BenchRow[] = [];
  try {
    await writeFile(join(dir, 'rss-reporter.cjs'), RSS_REPORTER);
    await writeFile(join(dir, 'read-parse-floor.cjs'), READ_PARSE_FLOOR);
    await writeFile(join(dir, 'stringify-floor.cjs'), STRINGIFY_FLOOR);
    const peak: Record<string, number[]> = { validate: [], stats: [], export: [] };
    for (const count of SIZES) {
      const workspace = join(dir, `workspace-${count}`);
      const generated = performance.now();
      const ws: WrittenWorkspace = await writeArticleWorkspace(workspace, count);
      const generateMs = performance.now() - generated;
      const label = `${count.toLocaleString('en-US')} documents`;
      rows.push({
        name: `workspace: ${label}`,
        value: mb(ws.textBytes),
        unit: 'MB text',
        note: `${ws.entities.toLocaleString('en-US')} entities, ${ws.quotes.toLocaleString('en-US')} quotes, generated in ${(generateMs / 1000).toFixed(1)} s`,
      });

      const floor = await measure(dir, [join(dir, 'read-parse-floor.cjs'), workspace]);
      const validate = await measure(dir, [cli, 'validate', workspace]);
      const validateNote =
        validate.code === 0
          ? `${(count / (validate.ms / 1000)).toFixed(0)} docs/s`
          : `exit ${validate.code}: ${validate.stderr.split('\n')[0].slice(0, 120)}`;
      rows.push({ name: `validate ${label}: tahrir validate`, value: validate.ms, unit: 'ms', note: validateNote });
      rows.push({
        name: `validate ${label}: floor (read + JSON.parse)`,
        value: floor.ms,
        unit: 'ms',
        note: `${(count / (floor.ms / 1000)).toFixed(0)} docs/s`,
      });
      rows.push({ name: `validate ${label}: throughput vs floor`, value: (floor.ms / validate.ms) * 100, unit: '%' });
      rows.push({
        name: `validate ${label}: peak memory`,
        value: validate.maxRssMiB,
        unit: 'MiB',
        note: `floor ${floor.maxRssMiB.toFixed(0)} MiB`,
      });
      peak.validate.push(validate.maxRssMiB);

      const stats = await measure(dir, [cli, 'stats', workspace, '--json']);
      const statsNote =
        stats.code === 0
          ? `${(count / (stats.ms / 1000)).toFixed(0)} docs/s`
          : `exit ${stats.code}: ${stats.stderr.split('\n')[0].slice(0, 120)}`;
      rows.push({ name: `stats ${label}: tahrir stats`, value: stats.ms, unit: 'ms', note: statsNote });
      rows.push({ name: `stats ${label}: peak memory`, value: stats.maxRssMiB, unit: 'MiB' });
      peak.stats.push(stats.maxRssMiB);

      if (!exportCovered) {
        const out = join(dir, `export-${count}.jsonl`);
        const exported = await measure(dir, [cli, 'export', workspace, '--format', 'jsonl', '--out', out]);
        const baseline = await measure(dir, [
          join(dir, 'stringify-floor.cjs'),
          workspace,
          join(dir, `floor-${count}.jsonl`),
        ]);
        const exportNote =
          exported.code === 0
            ? `${(count / (exported.ms / 1000)).toFixed(0)} docs/s`
            : `exit ${exported.code}: ${exported.stderr.split('\n').pop()?.slice(0, 120)}`;
        rows.push({ name: `export jsonl ${label}: tahrir export`, value: exported.ms, unit: 'ms', note: exportNote });
        rows.push({
          name: `export jsonl ${label}: floor (JSON.stringify to disk)`,
          value: baseline.ms,
          unit: 'ms',
          note: `${(count / (baseline.ms / 1000)).toFixed(0)} docs/s, peak ${baseline.maxRssMiB.toFixed(0)} MiB`,
        });
        rows.push({
          name: `export jsonl ${label}: throughput vs floor`,
          value: (baseline.ms / exported.ms) * 100,
          unit: '%',
          note: 'goal ≥ 50 %',
        });
        rows.push({ name: `export jsonl ${label}: peak memory`, value: exported.maxRssMiB, unit: 'MiB' });
        peak.export.push(exported.maxRssMiB);
      }
      await rm(workspace, { recursive: true, force: true });
    }
    const [small, large] = SIZES.map((n) => n.toLocaleString('en-US'));
    for (const [what, values] of Object.entries(peak)) {
      if (values.length === 2)
        rows.push({
          name: `${what}: peak memory ${large} / ${small} documents`,
          value: values[1] / values[0],
          unit: '×',
          note: 'goal ≈ 1 (streaming)',
        });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
