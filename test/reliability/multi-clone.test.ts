// Three annotators on one corpus through git: a bare repository as the remote and three clones
// (real git, their own user.name), each set up with `tahrir git-setup`. Rounds of random work
// through the Backend (annotate, change, delete), commit, pull (merging through the driver) and
// push, with clones pushing at the same time so that pushes are rejected and retried.
// Invariants: an entity anyone created and nobody deleted is there at the end; every sidecar
// validates or holds structured conflicts, each where two annotators changed one item; no file is
// ever torn (every sidecar parses, no conflict markers); every clone ends on the same commit.
// About 55 s of CPU for 100 rounds (git and the driver's Node processes): under a minute on an
// idle two-core machine; the timeout leaves room for a loaded one. TAHRIR_CLONE_ROUNDS=N runs N
// rounds and prints each one's time; TAHRIR_CLONE_SEED=N another seed (the pushes race, so a seed is no replay).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { validateWorkspace } from '../../electron/cli/validate';
import { sameContent } from '../../shared/merge-sidecars';
import type { Entity, Sidecar, SidecarConflict } from '../../shared/model';
import { seededRandom } from '../../shared/seeded-random';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { tokenize } from '../../shared/tokenizer';
import { useCliBundle } from '../electron/cli/cli-bundle';
import { tempFolder, writeFiles } from '../electron/temp-folder';

const ROUNDS = Number(process.env.TAHRIR_CLONE_ROUNDS ?? 100);
const SEED = Number(process.env.TAHRIR_CLONE_SEED ?? 18);
const NAMES = ['lina', 'omar', 'sara'];
const LABELS = ['PERSON', 'ORG', 'GPE', 'LOC'];
const DOCUMENTS: Record<string, string> = {
  'news/a.txt':
    'Sara Haddad met Omar Khalil in Amman on Monday. "We will build the road," she said. Share this article.',
  'news/b.txt': 'قال وزير الخارجية أيمن الصفدي في عمان إن الأردن يدعم الحوار. اقرأ المزيد',
  'c.txt': 'The Nile Authority said Cairo and Khartoum agreed on water sharing. Follow us on Twitter.',
  'd.txt': 'أعلنت شركة أرامكو في الرياض عن أرباح قياسية، وقال المتحدث إن الطلب قوي.',
  'e.txt': 'Reuters reported that Saudi Aramco and Total signed a deal in Dhahran.',
  'news/f.txt': 'صرح رئيس الوزراء بشر الخصاونة بأن الحكومة ستدعم المزارعين في إربد.',
};

const cli = useCliBundle();

function git(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_MERGE_AUTOEDIT: 'no' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}
async function gitOk(cwd: string, ...args: string[]): Promise<string> {
  const r = await git(cwd, ...args);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} in ${cwd} failed: ${r.out}`);
  return r.out;
}

interface Counts {
  rounds: number;
  created: number;
  changed: number;
  deleted: number;
  edits: number;
  commits: number;
  pulls: number;
  merges: number;
  conflictedMerges: number;
  conflicts: Record<string, number>;
  rejectedPushes: number;
  resolved: number;
}

/** Each entity carries its tag in `link` (who made it, and a number), which no merge changes: the identity the invariants follow. */
const tagOf = (e: Entity) => e.link ?? '';

/** A conflict is where two annotators changed one item: both sides differ from the base and from each other, or one changed what the other deleted. */
function conflictIsReal(c: SidecarConflict): string | null {
  const item = (x: unknown) => x as Entity;
  if (c.kind === 'document')
    return c.mine !== undefined && c.theirs !== undefined && JSON.stringify(c.mine) !== JSON.stringify(c.theirs)
      ? null
      : `document ${c.id}: the two values agree`;
  if (c.reason === 'both-changed') {
    if (c.mine === undefined || c.theirs === undefined) return `${c.kind} ${c.id}: a version is missing`;
    if (sameContent(item(c.mine), item(c.theirs))) return `${c.kind} ${c.id}: both sides say the same`;
    if (c.base !== undefined && (sameContent(item(c.base), item(c.mine)) || sameContent(item(c.base), item(c.theirs))))
      return `${c.kind} ${c.id}: one side did not change it`;
    return null;
  }
  if (c.reason === 'changed-and-deleted') {
    const kept = c.mine ?? c.theirs;
    if (c.base === undefined || kept === undefined || (c.mine !== undefined && c.theirs !== undefined))
      return `${c.kind} ${c.id}: not one changed and one deleted`;
    return sameContent(item(c.base), item(kept)) ? `${c.kind} ${c.id}: the kept side did not change it` : null;
  }
  if (c.reason === 'overlapping-edit') {
    const m = c.mine as { start: number; end: number } | undefined;
    const t = c.theirs as { start: number; end: number } | undefined;
    return m && t && m.start < t.end && t.start < m.end ? null : `edit ${c.id}: the edits do not overlap`;
  }
  return `${c.kind} ${c.id}: unexpected reason ${c.reason}`;
}

async function sidecarsOf(clone: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const text of Object.keys(DOCUMENTS)) {
    const file = text.replace(/\.txt$/, '.annotations.json');
    const json = await readFile(join(clone, file), 'utf8').catch(() => null);
    if (json !== null) out.set(file, json);
  }
  return out;
}

/** No torn file: every sidecar in the clone parses as a whole sidecar, without line-merge markers. */
async function checkNotTorn(clone: string, when: string): Promise<void> {
  for (const [file, json] of await sidecarsOf(clone)) {
    expect(json, `${clone} ${file} ${when}`).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(() => parseSidecar(json, file), `${clone} ${file} ${when}`).not.toThrow();
  }
}

describe('three annotators, one corpus, one bare remote', () => {
  it(`${ROUNDS} rounds of annotate / commit / pull through the merge driver / push: nothing lost, conflicts only where two changed one item`, async () => {
    const started = Date.now();
    const rand = seededRandom(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    const top = await tempFolder('tahrir-clones-');
    const remote = join(top, 'remote.git');
    await gitOk(top, 'init', '-q', '--bare', '-b', 'main', remote);
    await gitOk(remote, 'config', 'receive.autogc', 'false');

    // The corpus, committed by a coordinator with .gitattributes from git-setup.
    const seed = join(top, 'seed');
    await gitOk(top, 'clone', '-q', remote, seed);
    await gitOk(seed, 'config', 'user.name', 'coordinator');
    await gitOk(seed, 'config', 'user.email', 'coordinator@example.org');
    await writeFiles(seed, DOCUMENTS);
    expect((await cli(['git-setup', seed])).code).toBe(0);
    await gitOk(seed, 'add', '-A');
    await gitOk(seed, 'commit', '-qm', 'corpus');
    await gitOk(seed, 'push', '-q', 'origin', 'HEAD:main');

    const clones = new Map<string, { dir: string; backend: Backend }>();
    for (const name of NAMES) {
      const dir = join(top, name);
      await gitOk(top, 'clone', '-q', remote, dir);
      await gitOk(dir, 'config', 'user.name', name);
      await gitOk(dir, 'config', 'user.email', `${name}@example.org`);
      await gitOk(dir, 'config', 'pull.rebase', 'false');
      // No housekeeping between rounds: it is not what is tested, and it costs time.
      await gitOk(dir, 'config', 'gc.auto', '0');
      await gitOk(dir, 'config', 'maintenance.auto', 'false');
      const setup = await cli(['git-setup', dir]);
      expect(setup.code).toBe(0);
      // .gitattributes came with the clone: only this clone's driver config was missing.
      expect(setup.stdout).not.toMatch(/gitattributes/);
      clones.set(name, { dir, backend: await Backend.open(dir, { annotator: name }) });
    }

    const counts: Counts = {
      rounds: 0,
      created: 0,
      changed: 0,
      deleted: 0,
      edits: 0,
      commits: 0,
      pulls: 0,
      merges: 0,
      conflictedMerges: 0,
      conflicts: {},
      rejectedPushes: 0,
      resolved: 0,
    };
    const created = new Set<string>();
    const deleted = new Set<string>();
    let tagNumber = 0;
    const ids = Object.keys(DOCUMENTS).map((f) => f.replace(/\.txt$/, ''));

    /** A few random changes to one document through the Backend, as the app would save them. */
    const annotate = async (name: string) => {
      const { backend } = clones.get(name)!;
      const id = pick(ids);
      const opened = await backend.openDocument(id);
      let sidecar: Sidecar = opened.sidecar;
      const words = tokenize(opened.text).filter((t) => /\p{L}/u.test(t.text));
      const steps = 1 + Math.floor(rand() * 3);
      for (let s = 0; s < steps; s++) {
        const r = rand();
        if (r < 0.5 || sidecar.entities.length === 0) {
          const w = pick(words);
          const tag = `${name}-${++tagNumber}`;
          const taken = new Set([...sidecar.edits, ...sidecar.entities, ...sidecar.quotes].map((x) => x.id));
          let n = sidecar.entities.length + 1;
          while (taken.has(`t${n}`)) n++;
          sidecar = {
            ...sidecar,
            entities: [
              ...sidecar.entities,
              { id: `t${n}`, start: w.start, end: w.end, label: pick(LABELS), text: w.text, link: tag },
            ],
          };
          created.add(tag);
          counts.created++;
        } else if (r < 0.85) {
          const e = pick(sidecar.entities);
          const label = pick(LABELS.filter((l) => l !== e.label));
          sidecar = { ...sidecar, entities: sidecar.entities.map((x) => (x.id === e.id ? { ...x, label } : x)) };
          counts.changed++;
        } else if (r < 0.93) {
          const e = pick(sidecar.entities);
          sidecar = { ...sidecar, entities: sidecar.entities.filter((x) => x.id !== e.id) };
          deleted.add(tagOf(e));
          counts.deleted++;
        } else if (r < 0.97) {
          // A boilerplate edit on a word no edit of this version covers.
          const free = words.filter((w) => sidecar.edits.every((e) => w.end <= e.start || e.end <= w.start));
          if (free.length === 0) continue;
          const w = pick(free);
          const taken = new Set([...sidecar.edits, ...sidecar.entities, ...sidecar.quotes].map((x) => x.id));
          let n = sidecar.edits.length + 1;
          while (taken.has(`e${n}`)) n++;
          sidecar = {
            ...sidecar,
            edits: [
              ...sidecar.edits,
              { id: `e${n}`, start: w.start, end: w.end, text: w.text, replacement: '', kind: 'boilerplate' as const },
            ].sort((a, b) => a.start - b.start),
          };
          counts.edits++;
        } else {
          sidecar = {
            ...sidecar,
            document: { ...sidecar.document, status: pick(['todo', 'in_progress', 'done'] as const) },
          };
        }
      }
      await backend.saveSidecar(id, sidecar, opened.revision);
    };

    /** After a conflicted merge: check each conflict, then resolve (drop the section, keeping what the lists hold) or leave it for later. */
    const settle = async (name: string, dir: string, out: string) => {
      const unmerged = (await gitOk(dir, 'diff', '--name-only', '--diff-filter=U')).split('\n').filter(Boolean);
      expect(unmerged.length, `${name}: a conflicted merge with no conflicted file: ${out}`).toBeGreaterThan(0);
      for (const file of unmerged) {
        expect(file).toMatch(/\.annotations\.json$/);
        const json = await readFile(join(dir, file), 'utf8');
        const sidecar = parseSidecar(json, file);
        expect(sidecar.conflicts?.length, `${file} is conflicted but holds no conflicts`).toBeGreaterThan(0);
        for (const c of sidecar.conflicts!) {
          expect(conflictIsReal(c), `${file}: ${JSON.stringify(c)}`).toBeNull();
          counts.conflicts[c.reason] = (counts.conflicts[c.reason] ?? 0) + 1;
        }
        if (rand() < 0.6) {
          const { conflicts: _resolved, ...rest } = sidecar;
          await writeFile(join(dir, file), serializeSidecar(rest as Sidecar));
          counts.resolved++;
        }
        await gitOk(dir, 'add', file);
      }
      await gitOk(dir, 'commit', '-q', '--no-edit');
    };

    const pull = async (name: string) => {
      const { dir } = clones.get(name)!;
      counts.pulls++;
      const r = await git(dir, 'pull', '--no-edit', 'origin', 'main');
      if (r.code !== 0) {
        expect(r.out, `${name}: pull failed otherwise than by a conflict`).toMatch(/CONFLICT \((content|add\/add)\)/);
        counts.merges++;
        counts.conflictedMerges++;
        await settle(name, dir, r.out);
      } else if (/Merge made by/.test(r.out)) counts.merges++;
      await checkNotTorn(dir, `after ${name}'s pull`);
    };

    /** Push, and when the remote moved meanwhile (another clone pushed first): pull and push again. */
    const push = async (name: string) => {
      const { dir } = clones.get(name)!;
      for (let attempt = 0; attempt < 20; attempt++) {
        const r = await git(dir, 'push', '-q', 'origin', 'HEAD:main');
        if (r.code === 0) return;
        expect(r.out).toMatch(/rejected|fetch first|non-fast-forward|failed to (update|lock)|cannot lock/);
        counts.rejectedPushes++;
        await pull(name);
      }
      throw new Error(`${name} could not push in 20 attempts`);
    };

    const work = async (name: string) => {
      const { dir } = clones.get(name)!;
      if (rand() < 0.5) await pull(name);
      await annotate(name);
      await checkNotTorn(dir, `after ${name}'s save`);
      // One process for both: every process this test starts is a fork of the (large) test worker.
      await new Promise<void>((resolve, reject) =>
        execFile(
          'sh',
          ['-c', 'git add -A && git commit -qm "$1"', 'sh', `${name}: annotations`],
          { cwd: dir },
          (error, stdout, stderr) =>
            error ? reject(new Error(`commit in ${dir} failed: ${stdout}${stderr}`)) : resolve(),
        ),
      );
      counts.commits++;
      await push(name);
    };

    for (let round = 0; round < ROUNDS; round++) {
      // One, two or all three annotators at once: their pushes race.
      const who = NAMES.filter(() => rand() < 0.4);
      await Promise.all((who.length > 0 ? who : [pick(NAMES)]).map(work));
      counts.rounds++;
      if (process.env.TAHRIR_CLONE_ROUNDS)
        process.stderr.write(
          `round ${round}: ${((Date.now() - started) / 1000).toFixed(1)} s, ${counts.pulls} pulls, ${counts.merges} merges\n`,
        );
    }

    // Everyone syncs until every clone is on the remote's commit.
    const syncAll = async () => {
      for (let pass = 0; pass < 2; pass++) {
        for (const name of NAMES) {
          await pull(name);
          await push(name);
        }
      }
      for (const name of NAMES) await pull(name);
    };
    await syncAll();

    // Random rounds may race without two annotators ever changing one item (real conflicts are rare once merges
    // follow renamed items): one scripted round where two relabel the same entity differently, which must conflict.
    const [first, second] = NAMES;
    const relabel = async (name: string, id: string, entityId: string, label: string) => {
      const { backend, dir } = clones.get(name)!;
      const opened = await backend.openDocument(id);
      const entities = opened.sidecar.entities.map((x) => (x.id === entityId ? { ...x, label } : x));
      await backend.saveSidecar(id, { ...opened.sidecar, entities }, opened.revision);
      await gitOk(dir, 'commit', '-qam', `${name}: relabel ${entityId}`);
      counts.changed++;
      counts.commits++;
    };
    const docWithEntity = await (async () => {
      for (const id of ids) {
        const e = (await clones.get(first)!.backend.openDocument(id)).sidecar.entities[0];
        if (e) return { id, e };
      }
      throw new Error('no entity anywhere after the rounds');
    })();
    const conflictsBefore = counts.conflictedMerges;
    const [labelA, labelB] = LABELS.filter((l) => l !== docWithEntity.e.label);
    await relabel(first, docWithEntity.id, docWithEntity.e.id, labelA);
    await relabel(second, docWithEntity.id, docWithEntity.e.id, labelB);
    await push(first);
    await push(second);
    expect(counts.conflictedMerges, 'two relabelled one entity: a conflicted merge').toBeGreaterThan(conflictsBefore);
    await syncAll();
    const heads = await Promise.all(
      NAMES.map(async (n) => (await gitOk(clones.get(n)!.dir, 'rev-parse', 'HEAD')).trim()),
    );
    expect(new Set(heads).size, `clones on ${heads.join(', ')}`).toBe(1);

    // Nothing lost: every entity created and not deleted is there, once.
    const finalDir = clones.get(NAMES[0])!.dir;
    const present = new Map<string, number>();
    let conflictsLeft = 0;
    for (const [, json] of await sidecarsOf(finalDir)) {
      const s = parseSidecar(json);
      for (const e of s.entities) present.set(tagOf(e), (present.get(tagOf(e)) ?? 0) + 1);
      for (const c of s.conflicts ?? []) expect(conflictIsReal(c), JSON.stringify(c)).toBeNull();
      conflictsLeft += s.conflicts?.length ?? 0;
    }
    const expected = [...created].filter((t) => !deleted.has(t));
    const lost = expected.filter((t) => !present.has(t));
    const twice = [...present].filter(([, n]) => n > 1).map(([t]) => t);
    expect(lost, 'entities lost').toEqual([]);
    expect(twice, 'entities duplicated').toEqual([]);

    // Every sidecar validates, or its only problem is its unresolved conflicts.
    const report = await validateWorkspace(finalDir);
    for (const f of report.files)
      expect(
        f.problems.map((p) => p.path),
        `${f.file}: ${JSON.stringify(f.problems)}`,
      ).toEqual(['conflicts']);

    const seconds = (Date.now() - started) / 1000;
    console.log(
      `multi-clone: ${counts.rounds} rounds, ${counts.commits} commits, ${counts.pulls} pulls, ${counts.merges} merges (${counts.conflictedMerges} with conflicts), ` +
        `${counts.rejectedPushes} pushes rejected and retried; entities created ${counts.created}, changed ${counts.changed}, deleted ${counts.deleted}, edits ${counts.edits}; ` +
        `conflicts ${JSON.stringify(counts.conflicts)} (${counts.resolved} files resolved, ${conflictsLeft} conflicts left unresolved at the end); ` +
        `entities expected ${expected.length}, present ${present.size}, lost ${lost.length}; ${seconds.toFixed(1)} s`,
    );
    expect(counts.rounds).toBeGreaterThanOrEqual(100);
    expect(counts.rejectedPushes).toBeGreaterThan(0);
    expect(counts.conflictedMerges).toBeGreaterThan(0);
  }, 600_000);
});
