// Teams at scale: the git merge driver on a 10,000-entity sidecar (goal ≤ 50 ms), both sides
// having changed a few entities each, as two annotators' day of work on one long document.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeSidecarTexts } from '../../electron/git-merge-driver';
import { curationDiff, startCuration } from '../../shared/curation';
import type { Entity, Sidecar } from '../../shared/model';
import { atMost, type BenchRow } from './bench-statistics';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';

const quick = process.env.TAHRIR_BENCH_QUICK === '1';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A sidecar of `n` entities, 10 code points apart, on a text of 10·n code points. */
export function bigSidecar(n: number): Sidecar {
  const entities: Entity[] = [];
  for (let i = 0; i < n; i++)
    entities.push({ id: `t${i + 1}`, start: i * 10, end: i * 10 + 5, label: i % 3 ? 'PERSON' : 'ORG', text: 'abcde' });
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'long.txt', sha256: 'a'.repeat(64), length: n * 10 },
    document: { status: 'in_progress' },
    edits: [],
    entities,
    quotes: [],
  } as unknown as Sidecar;
}

/** Base, mine and theirs as the driver gets them: each side relabels 20 entities and adds 20. */
export function threeVersions(n: number): { base: string; mine: string; theirs: string } {
  const base = bigSidecar(n);
  const side = (offset: number, who: string): Sidecar => {
    const entities = base.entities.map((e, i) => (i % 500 === offset ? { ...e, label: 'GPE', changedBy: who } : e));
    for (let k = 0; k < 20; k++) {
      const at = (k * 487 + offset * 13) % n;
      entities.push({ id: `${who}${k}`, start: at * 10 + 6, end: at * 10 + 8, label: 'LOC', text: 'xx' });
    }
    entities.sort((a, b) => a.start - b.start || a.end - b.end);
    return { ...base, entities, annotator: who };
  };
  return {
    base: serializeSidecar(base),
    mine: serializeSidecar(side(1, 'lina')),
    theirs: serializeSidecar(side(2, 'omar')),
  };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { base, mine, theirs } = threeVersions(10_000);
  const lookup = () => Promise.resolve(undefined);
  await mergeSidecarTexts(base, mine, theirs, 'long.annotations.json', lookup);
  const times: number[] = [];
  for (let i = 0; i < (quick ? 5 : 20); i++) {
    const t = performance.now();
    await mergeSidecarTexts(base, mine, theirs, 'long.annotations.json', lookup);
    times.push(performance.now() - t);
  }
  rows.push(
    atMost(
      {
        name: 'merge driver: 10,000-entity sidecar, three-way (median)',
        value: Math.round(median(times) * 10) / 10,
        unit: 'ms',
        note: 'parse three versions, merge by id, write; no text change',
      },
      50,
    ),
  );
  rows.push(...(await driverProcessRows(base, mine, theirs)));
  // Curation of the same long document from three annotators' versions: the differences found and the
  // agreed items taken, what opening it in curation costs beyond opening it.
  const versions = [bigSidecar(10_000), ...[1, 2].map((o) => parseSidecar(o === 1 ? mine : theirs))];
  const curate: number[] = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t = performance.now();
    startCuration(versions[0], versions, ['a', 'b', 'c'], curationDiff(versions));
    curate.push(performance.now() - t);
  }
  rows.push({
    name: 'curation: 10,000 entities × 3 versions, differences and agreed items (median)',
    value: Math.round(median(curate) * 10) / 10,
    unit: 'ms',
    note: 'curationDiff + startCuration; each side relabelled 20 and added 20',
  });
  return rows;
}

/**
 * The driver as git runs it, one process per conflicting sidecar: its own bundle (dist/merge-driver.cjs)
 * against `tahrir merge-driver` (dist/cli.cjs), and Node starting and doing nothing, the floor (medians, wall time).
 */
async function driverProcessRows(base: string, mine: string, theirs: string): Promise<BenchRow[]> {
  const dist = join(process.env.TAHRIR_ROOT ?? process.cwd(), 'dist');
  if (!existsSync(join(dist, 'merge-driver.cjs')) || !existsSync(join(dist, 'cli.cjs'))) return [];
  const work = await mkdtemp(join(tmpdir(), 'tahrir-driver-bench-'));
  try {
    await writeFile(join(work, 'base.json'), base);
    await writeFile(join(work, 'theirs.json'), theirs);
    const files = ['base.json', 'mine.json', 'theirs.json', 'long.annotations.json'];
    const kinds = {
      'Node start-up alone (the floor)': ['-e', '0'],
      'dist/merge-driver.cjs (its own bundle)': [join(dist, 'merge-driver.cjs'), ...files],
      'tahrir merge-driver (dist/cli.cjs)': [join(dist, 'cli.cjs'), 'merge-driver', ...files],
    };
    const times = new Map(Object.keys(kinds).map((k) => [k, [] as number[]]));
    // Interleaved, so a busy moment of the machine falls on all three alike.
    for (let i = 0; i < (quick ? 3 : 9); i++)
      for (const [kind, args] of Object.entries(kinds)) {
        await writeFile(join(work, 'mine.json'), mine);
        const t = performance.now();
        const r = spawnSync(process.execPath, args, { cwd: work });
        times.get(kind)!.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`${kind}: exit ${r.status}: ${r.stderr}`);
      }
    return [...times].map(([kind, ts]) => ({
      name: `merge driver process, 10,000 entities: ${kind} (median)`,
      value: Math.round(median(ts)),
      unit: 'ms',
      note: 'wall time of the whole process, as git starts it',
    }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
