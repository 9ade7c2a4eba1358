// Teams at scale, beside teams.bench.ts: Sync of 1,000 changed sidecars through a local bare
// remote (goal ≤ 10 s apart from the network; the push and the pull are to a folder), and
// `tahrir agree` over 10,000 documents with three annotators' folders (goal ≤ 10 s).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncWorkspace } from '../../electron/git-sync';
import type { Sidecar } from '../../shared/model';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { atMost, type BenchRow } from './bench-statistics';
import { generateShortArticle, writeArticleWorkspace } from './generate-corpus';

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const root = process.env.TAHRIR_ROOT ?? process.cwd();
const cli = join(root, 'dist', 'cli.cjs');
const SYNCED = quick ? 200 : 1_000;
const AGREED = quick ? 1_000 : 10_000;
const ANNOTATORS = ['lina', 'omar', 'sara'];

function git(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve(String(stdout)),
    ),
  );
}

/** The sidecar paths of a workspace writeArticleWorkspace wrote (500 to a folder). */
function sidecarPaths(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = generateShortArticle(i).sidecar.source.file;
    out.push(`batch-${String(Math.floor(i / 500)).padStart(3, '0')}/${file.replace(/\.txt$/, '.annotations.json')}`);
  }
  return out;
}

async function clone(top: string, remote: string, name: string): Promise<string> {
  const dir = join(top, name);
  await git(top, 'clone', '-q', remote, dir);
  await git(dir, 'config', 'user.name', name);
  await git(dir, 'config', 'user.email', `${name}@example.org`);
  await git(dir, 'config', 'merge.tahrir.driver', 'false');
  return dir;
}

async function syncRows(): Promise<BenchRow[]> {
  const top = await mkdtemp(join(tmpdir(), 'tahrir-sync-bench-'));
  try {
    const remote = join(top, 'remote.git');
    await git(top, 'init', '-q', '--bare', '-b', 'main', remote);
    const seed = join(top, 'seed');
    await git(top, 'clone', '-q', remote, seed);
    await writeArticleWorkspace(seed, SYNCED);
    await writeFile(join(seed, '.gitattributes'), '*.annotations.json merge=tahrir\n');
    await git(seed, '-c', 'user.name=c', '-c', 'user.email=c@example.org', 'add', '-A');
    await git(seed, '-c', 'user.name=c', '-c', 'user.email=c@example.org', 'commit', '-qm', 'corpus');
    await git(seed, 'push', '-q', 'origin', 'HEAD:main');
    const lina = await clone(top, remote, 'lina');
    const omar = await clone(top, remote, 'omar');
    // Lina changes every sidecar: each document done and noted, its first entity relabelled.
    for (const path of sidecarPaths(SYNCED)) {
      const file = join(lina, ...path.split('/'));
      const sidecar: Sidecar = parseSidecar(await readFile(file, 'utf8'));
      const entities = sidecar.entities.map((e, i) => (i === 0 ? { ...e, label: 'MISC' } : e));
      await writeFile(
        file,
        serializeSidecar({ ...sidecar, entities, document: { ...sidecar.document, status: 'done', note: 'checked' } }),
      );
    }
    let t = performance.now();
    const sent = await syncWorkspace(lina, { annotator: 'lina' }, { mergeDriver: 'false' });
    const sendMs = performance.now() - t;
    if (sent.problem || sent.committed.length !== SYNCED || !sent.pushed)
      throw new Error(
        `the sync did not send ${SYNCED} documents: ${JSON.stringify(sent.problem ?? sent.committed.length)}`,
      );
    t = performance.now();
    const got = await syncWorkspace(omar, { annotator: 'omar' }, { mergeDriver: 'false' });
    const pullMs = performance.now() - t;
    if (got.problem || got.incoming.length !== SYNCED) throw new Error(`the pull did not bring ${SYNCED} documents in`);
    return [
      atMost(
        {
          name: `sync: ${SYNCED.toLocaleString('en')} changed sidecars committed and pushed (local bare remote)`,
          value: Math.round(sendMs),
          unit: 'ms',
          note: 'apart from the network; status, add, commit, fetch, merge, push, status again',
        },
        10_000,
      ),
      {
        name: `sync: the other clone brings the ${SYNCED.toLocaleString('en')} in`,
        value: Math.round(pullMs),
        unit: 'ms',
        note: 'fetch, fast-forward, who changed what (git log), status',
      },
    ];
  } finally {
    await rm(top, { recursive: true, force: true });
  }
}

/** Three annotators' folders of sidecars over one workspace: each relabels and drops its own share of the entities. */
async function agreementWorkspace(top: string): Promise<{ workspace: string; folders: string[] }> {
  const workspace = join(top, 'ws');
  await writeArticleWorkspace(workspace, AGREED);
  const folders = ANNOTATORS.map((a) => join(top, a));
  const paths = sidecarPaths(AGREED);
  for (let i = 0; i < AGREED; i++) {
    const base = generateShortArticle(i).sidecar;
    await Promise.all(
      folders.map(async (folder, k) => {
        const entities = base.entities
          .filter((_, j) => (i + j) % 11 !== k)
          .map((e, j) => ((i * 7 + j) % 13 === k ? { ...e, label: e.label === 'PERSON' ? 'ORG' : 'PERSON' } : e));
        const file = join(folder, ...paths[i].split('/'));
        if (i % 500 === 0) await mkdir(join(file, '..'), { recursive: true });
        await writeFile(file, serializeSidecar({ ...base, entities, annotator: ANNOTATORS[k] }));
      }),
    );
  }
  return { workspace, folders };
}

async function agreementRows(): Promise<BenchRow[]> {
  if (!existsSync(cli)) return [];
  const top = await mkdtemp(join(tmpdir(), 'tahrir-agree-bench-'));
  try {
    const { workspace, folders } = await agreementWorkspace(top);
    const t = performance.now();
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'agree', workspace, '--between', ...folders, '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`tahrir agree: ${stderr}`))));
    });
    const ms = performance.now() - t;
    const report = JSON.parse(out) as { documents: number };
    if (report.documents !== AGREED) throw new Error(`tahrir agree compared ${report.documents} documents`);
    return [
      atMost(
        {
          name: `tahrir agree: ${AGREED.toLocaleString('en')} documents × 3 annotators (folders)`,
          value: Math.round(ms),
          unit: 'ms',
          note: 'the whole command: start, read 3 × sidecars and the texts, tokenize, κ, α, F1',
        },
        10_000,
      ),
    ];
  } finally {
    await rm(top, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  return [...(await syncRows()), ...(await agreementRows())];
}
