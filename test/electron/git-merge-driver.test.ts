// The sidecar merge driver, as a function (three JSON texts) and under real git merges.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSidecarTexts } from '../../electron/git-merge-driver';
import { runExport } from '../../electron/export-job';
import { Backend } from '../../electron/backend';
import { validateWorkspace } from '../../electron/cli/validate';
import type { Entity, Sidecar } from '../../shared/model';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { sha256Hex } from '../../electron/text-file';
import { useCliBundle } from './cli/cli-bundle';
import { tempFolder, writeFiles } from './temp-folder';

const TEXT = 'Sara met Omar in Amman. Share this article.';
const person = (id: string, start: number, end: number, extra: Partial<Entity> = {}): Entity => ({
  id,
  start,
  end,
  label: 'PERSON',
  text: Array.from(TEXT).slice(start, end).join(''),
  ...extra,
});

function sidecarFor(text: string, parts: Partial<Sidecar>): Sidecar {
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: sha256Hex(Buffer.from(text)), length: Array.from(text).length },
    document: { status: 'in_progress' },
    edits: [],
    entities: [],
    quotes: [],
    ...parts,
  };
}
const json = (s: Sidecar) => serializeSidecar(s);
const noText = async () => undefined;

describe('mergeSidecarTexts', () => {
  const base = sidecarFor(TEXT, { entities: [person('t1', 0, 4), person('t2', 9, 13)] });

  it('merges additions and changes on different items cleanly', async () => {
    const mine = sidecarFor(TEXT, {
      entities: [person('t1', 0, 4, { link: 'Q1' }), person('t2', 9, 13), { ...person('t3', 17, 22), label: 'GPE' }],
    });
    const theirs = sidecarFor(TEXT, {
      entities: [
        person('t1', 0, 4),
        { ...person('t2', 9, 13), label: 'ORG' },
        { ...person('t3', 17, 22), label: 'LOC' },
      ],
    });
    const out = await mergeSidecarTexts(json(base), json(mine), json(theirs), 'a.annotations.json', noText);
    expect(out.conflicts).toEqual([]);
    const merged = parseSidecar(out.text);
    expect(merged.conflicts).toBeUndefined();
    // both added a t3: theirs got a fresh id, both are kept
    expect(merged.entities.map((e) => [e.id, e.label, e.link])).toEqual([
      ['t1', 'PERSON', 'Q1'],
      ['t2', 'ORG', undefined],
      ['t3', 'GPE', undefined],
      ['t4', 'LOC', undefined],
    ]);
  });

  it("keeps both branches' status histories, each change once and oldest first", async () => {
    const at = (status: 'todo' | 'in_progress' | 'done', when: string) => ({ status, at: when });
    const start = { ...base, statusHistory: [at('in_progress', '2026-11-01T09:00:00Z')] };
    const mine = { ...start, document: { status: 'done' as const } };
    mine.statusHistory = [...start.statusHistory, at('done', '2026-11-04T12:00:00Z')];
    const theirs = { ...start, statusHistory: [...start.statusHistory, at('todo', '2026-11-02T08:00:00Z')] };
    theirs.statusHistory.push(at('in_progress', '2026-11-03T08:00:00Z'));
    const out = await mergeSidecarTexts(json(start), json(mine), json(theirs), 'a.annotations.json', noText);
    expect(out.conflicts).toEqual([]);
    const merged = parseSidecar(out.text);
    expect(merged.document.status).toBe('done');
    expect(merged.statusHistory).toEqual([
      at('in_progress', '2026-11-01T09:00:00Z'),
      at('todo', '2026-11-02T08:00:00Z'),
      at('in_progress', '2026-11-03T08:00:00Z'),
      at('done', '2026-11-04T12:00:00Z'),
    ]);
  });

  it('writes both-changed, changed-and-deleted and overlapping edits as structured conflicts holding every version', async () => {
    const mine = sidecarFor(TEXT, {
      entities: [person('t1', 0, 4, { label: 'ORG' }), person('t2', 9, 13, { link: 'Q2' })],
      edits: [{ id: 'e1', start: 24, end: 43, text: 'Share this article.', replacement: '', kind: 'boilerplate' }],
    });
    const theirs = sidecarFor(TEXT, {
      entities: [person('t1', 0, 4, { label: 'GPE' })],
      edits: [{ id: 'e1', start: 30, end: 43, text: 'this article.', replacement: '', kind: 'boilerplate' }],
      document: { status: 'done' },
    });
    const out = await mergeSidecarTexts(json(base), json(mine), json(theirs), 'a.annotations.json', noText);
    const merged = parseSidecar(out.text);
    expect(merged.conflicts).toEqual([
      {
        kind: 'entity',
        id: 't1',
        reason: 'both-changed',
        base: person('t1', 0, 4),
        mine: person('t1', 0, 4, { label: 'ORG' }),
        theirs: person('t1', 0, 4, { label: 'GPE' }),
      },
      {
        kind: 'entity',
        id: 't2',
        reason: 'changed-and-deleted',
        base: person('t2', 9, 13),
        mine: person('t2', 9, 13, { link: 'Q2' }),
      },
      // both added an e1: theirs would be renamed, but it overlaps mine
      { kind: 'edit', id: 'e1', reason: 'overlapping-edit', mine: mine.edits[0], theirs: theirs.edits[0] },
    ]);
    // theirs' status change alone is no conflict
    expect(merged.document.status).toBe('done');
  });

  it('the same change made by two annotators is no conflict (who made it is not what it says)', async () => {
    const mine = sidecarFor(TEXT, {
      entities: [person('t1', 0, 4, { label: 'ORG', changedBy: 'Lina' }), person('t2', 9, 13)],
    });
    const theirs = sidecarFor(TEXT, {
      entities: [person('t1', 0, 4, { label: 'ORG', changedBy: 'Omar' }), person('t2', 9, 13)],
    });
    const out = await mergeSidecarTexts(json(base), json(mine), json(theirs), 'a.annotations.json', noText);
    expect(out.conflicts).toEqual([]);
    expect(parseSidecar(out.text).entities[0]).toMatchObject({ label: 'ORG', changedBy: 'Lina' });
  });

  it('an addition an earlier merge renamed is not added twice when merged back', async () => {
    // Lina and Omar both added a t3; Omar merged first (Lina's became t4 on his side), then Lina merges his.
    const x = { ...person('t3', 17, 22), label: 'GPE', createdBy: 'Lina' };
    const y = { ...person('t3', 17, 22), label: 'LOC', createdBy: 'Omar' };
    const mine = sidecarFor(TEXT, { entities: [...base.entities, x] });
    const theirs = sidecarFor(TEXT, { entities: [...base.entities, y, { ...x, id: 't4' }] });
    const out = await mergeSidecarTexts(json(base), json(mine), json(theirs), 'a.annotations.json', noText);
    expect(out.conflicts).toEqual([]);
    expect(
      parseSidecar(out.text)
        .entities.map((e) => [e.label, e.createdBy])
        .slice(2),
    ).toEqual([
      ['GPE', 'Lina'],
      ['LOC', 'Omar'],
    ]);
  });

  it('both added the sidecar (git gives an empty base): every item of both is kept, none is a conflict', async () => {
    const mine = sidecarFor(TEXT, { entities: [person('t1', 0, 4)] });
    const theirs = sidecarFor(TEXT, { entities: [person('t1', 9, 13)] });
    const out = await mergeSidecarTexts('', json(mine), json(theirs), 'a.annotations.json', noText);
    expect(out.conflicts).toEqual([]);
    expect(parseSidecar(out.text).entities.map((e) => [e.id, e.text])).toEqual([
      ['t1', 'Sara'],
      ['t2', 'Omar'],
    ]);
  });

  it('a conflict one side resolved (removed) is gone; one both still hold stays once', async () => {
    const c = { kind: 'entity' as const, id: 't9', reason: 'both-changed' as const, mine: 1, theirs: 2 };
    const d = { kind: 'entity' as const, id: 't8', reason: 'both-changed' as const, mine: 3, theirs: 4 };
    const b = { ...base, conflicts: [c, d] };
    const out = await mergeSidecarTexts(
      json(b),
      json({ ...base, conflicts: [c] }),
      json(b),
      'a.annotations.json',
      noText,
    );
    expect(parseSidecar(out.text).conflicts).toEqual([c]);
  });

  it('re-anchors my spans onto their changed text before merging (found by its sha256)', async () => {
    const changed = `BREAKING: ${TEXT}`;
    const shift = 'BREAKING: '.length;
    const theirs = {
      ...sidecarFor(changed, {}),
      entities: base.entities.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift })),
    };
    const mine = sidecarFor(TEXT, { entities: [...base.entities, { ...person('t3', 17, 22), label: 'GPE' }] });
    const lookup = async (sha: string) => (sha === theirs.source.sha256 ? changed : undefined);
    const out = await mergeSidecarTexts(json(base), json(mine), json(theirs), 'a.annotations.json', lookup);
    expect(out.conflicts).toEqual([]);
    expect(out.reanchored).toEqual(['base', 'mine']);
    const merged = parseSidecar(out.text);
    expect(merged.source.sha256).toBe(theirs.source.sha256);
    expect(merged.entities.map((e) => [e.id, e.start, e.text])).toEqual([
      ['t1', 10, 'Sara'],
      ['t2', 19, 'Omar'],
      ['t3', 27, 'Amman'],
    ]);
  });

  it('a side that is not a sidecar is refused naming the file and the side', async () => {
    await expect(
      mergeSidecarTexts(
        json(base),
        '{"format": "tahrir-annotations", "version": 1',
        json(base),
        'news/a.annotations.json',
        noText,
      ),
    ).rejects.toThrow(/news\/a\.annotations\.json \(ours\): is not valid JSON/);
  });
});

const run = useCliBundle();

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
/** Exit code and everything git (and the driver it ran) printed. */
function gitStatus(cwd: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function repoWithSidecar(): Promise<string> {
  const root = await tempFolder();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Lina');
  git(root, 'config', 'user.email', 'lina@example.org');
  await writeFiles(root, {
    'a.txt': TEXT,
    'a.annotations.json': json(sidecarFor(TEXT, { entities: [person('t1', 0, 4), person('t2', 9, 13)] })),
  });
  return root;
}

describe('tahrir git-setup and the driver under git', () => {
  it('git-setup writes .gitattributes and the driver config, says so, and changes nothing the second time', async () => {
    const root = await repoWithSidecar();
    await writeFiles(root, { '.gitattributes': '*.png binary' });
    const first = await run(['git-setup', root]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/added to \.gitattributes: \*\.annotations\.json merge=tahrir/);
    expect(first.stdout).toMatch(/set merge\.tahrir\.driver in .*merge-driver %O %A %B %P/);
    expect(await readFile(join(root, '.gitattributes'), 'utf8')).toBe(
      '*.png binary\n*.annotations.json merge=tahrir\n',
    );
    const second = await run(['git-setup', root]);
    expect(second).toMatchObject({
      code: 0,
      stdout: 'git already merges sidecars with tahrir here: nothing changed\n',
    });
    expect(git(root, 'check-attr', 'merge', 'a.annotations.json')).toBe('a.annotations.json: merge: tahrir\n');
  });

  it('git-setup outside a repository says so (exit 2)', async () => {
    const root = await tempFolder();
    const r = await run(['git-setup', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not inside a git repository/);
  });

  it('git merge: a clean merge commits; a real conflict leaves the file conflicted, valid JSON with its conflicts, reported by validate and skipped by export', async () => {
    const root = await repoWithSidecar();
    expect((await run(['git-setup', root])).code).toBe(0);
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'start');
    git(root, 'checkout', '-qb', 'omar');
    const s = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    await writeFile(
      join(root, 'a.annotations.json'),
      json({
        ...s,
        entities: [{ ...s.entities[0], label: 'ORG' }, s.entities[1], { ...person('t3', 17, 22), label: 'GPE' }],
      }),
    );
    git(root, 'commit', '-qam', 'omar');
    git(root, 'checkout', '-q', 'main');
    await writeFile(
      join(root, 'a.annotations.json'),
      json({ ...s, entities: [s.entities[0], { ...s.entities[1], link: 'Q7' }] }),
    );
    git(root, 'commit', '-qam', 'lina');
    const clean = gitStatus(root, 'merge', '--no-edit', 'omar');
    expect(clean.code, clean.out).toBe(0);
    const merged = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    expect(merged.entities.map((e) => [e.id, e.label, e.link])).toEqual([
      ['t1', 'ORG', undefined],
      ['t2', 'PERSON', 'Q7'],
      ['t3', 'GPE', undefined],
    ]);

    // Both change t2 differently.
    git(root, 'checkout', '-q', 'omar');
    git(root, 'merge', '-q', 'main');
    const m = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    await writeFile(
      join(root, 'a.annotations.json'),
      json({ ...m, entities: m.entities.map((e) => (e.id === 't2' ? { ...e, label: 'ORG' } : e)) }),
    );
    git(root, 'commit', '-qam', 'omar: t2 is an ORG');
    git(root, 'checkout', '-q', 'main');
    await writeFile(
      join(root, 'a.annotations.json'),
      json({ ...m, entities: m.entities.map((e) => (e.id === 't2' ? { ...e, label: 'MISC' } : e)) }),
    );
    git(root, 'commit', '-qam', 'lina: t2 is MISC');
    const conflicted = gitStatus(root, 'merge', '--no-edit', 'omar');
    expect(conflicted.code).toBe(1);
    expect(conflicted.out).toMatch(
      /tahrir merge-driver: a\.annotations\.json: 1 unresolved merge conflict \(entity t2: both changed it\)/,
    );
    expect(git(root, 'diff', '--name-only', '--diff-filter=U')).toBe('a.annotations.json\n');
    const onDisk = await readFile(join(root, 'a.annotations.json'), 'utf8');
    expect(onDisk).not.toContain('<<<<<<<');
    const withConflicts = parseSidecar(onDisk);
    expect(withConflicts.conflicts).toMatchObject([
      {
        kind: 'entity',
        id: 't2',
        reason: 'both-changed',
        base: { label: 'PERSON' },
        mine: { label: 'MISC' },
        theirs: { label: 'ORG' },
      },
    ]);

    const report = await validateWorkspace(root);
    expect(report.files).toEqual([
      {
        file: 'a.annotations.json',
        problems: [
          {
            path: 'conflicts',
            message:
              '1 unresolved merge conflict (entity t2: both changed it): resolve them in Tahrir (export skips this document until then)',
          },
        ],
      },
    ]);
    const summary = await runExport({ root, request: { format: 'jsonl', out: join(await tempFolder(), 'out.jsonl') } });
    expect(summary.documents).toBe(0);
    expect(summary.skipped).toEqual([
      {
        file: 'a.annotations.json',
        reason: '1 unresolved merge conflict (entity t2: both changed it): resolve them in Tahrir first',
        reasonMessage: { key: 'skipped.conflicts', values: { n: 1 } },
      },
    ]);
    const opened = await (await Backend.open(root)).openDocument('a');
    expect(opened.readOnly?.message).toMatch(
      /a\.annotations\.json: holds 1 unresolved merge conflict \(entity t2: both changed it\) from a git merge; opened read-only/,
    );
    expect(opened.sidecar.entities).toHaveLength(3);
  });

  it("a clone without the driver gets git's text merge: validate names the markers' line and the way back, which works", async () => {
    const root = await repoWithSidecar();
    // .gitattributes travels with the repository, the driver's config does not: a fresh clone has only the first.
    await writeFiles(root, { '.gitattributes': '*.annotations.json merge=tahrir\n' });
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'start');
    const s = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    const relabel = (label: string) =>
      writeFile(
        join(root, 'a.annotations.json'),
        json({ ...s, entities: s.entities.map((e) => (e.id === 't2' ? { ...e, label } : e)) }),
      );
    git(root, 'checkout', '-qb', 'omar');
    await relabel('ORG');
    git(root, 'commit', '-qam', 'omar: t2 is an ORG');
    git(root, 'checkout', '-q', 'main');
    await relabel('MISC');
    git(root, 'commit', '-qam', 'lina: t2 is MISC');
    expect(gitStatus(root, 'merge', '--no-edit', 'omar').code).toBe(1);
    const asText = await readFile(join(root, 'a.annotations.json'), 'utf8');
    const markerLine = asText.split('\n').findIndex((l) => l.startsWith('<<<<<<<')) + 1;
    expect(markerLine).toBeGreaterThan(0);

    const r = await run(['validate', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `a.annotations.json: holds git's conflict markers (line ${markerLine}): git merged it as text, without ` +
        "Tahrir's merge driver; before the merge is committed, `tahrir git-setup .` then " +
        '`git checkout -m -- a.annotations.json` in the workspace merge it again by id',
    );
    expect(r.stdout).not.toContain('truncated');

    // What the line says, done: the file merged again by id, its conflict structured for the editor's queue.
    expect((await run(['git-setup', root])).code).toBe(0);
    expect(gitStatus(root, 'checkout', '-m', '--', 'a.annotations.json').code).toBe(0);
    const merged = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    expect(merged.conflicts).toMatchObject([
      { kind: 'entity', id: 't2', reason: 'both-changed', mine: { label: 'MISC' }, theirs: { label: 'ORG' } },
    ]);
  });

  it('git merge re-anchors my spans when their branch changed the text and re-anchored theirs', async () => {
    const root = await repoWithSidecar();
    await run(['git-setup', root]);
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'start');
    git(root, 'checkout', '-qb', 'omar');
    const changed = `BREAKING: ${TEXT}`;
    await writeFile(join(root, 'a.txt'), changed);
    const s = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    await writeFile(
      join(root, 'a.annotations.json'),
      json({
        ...sidecarFor(changed, {}),
        entities: s.entities.map((e) => ({ ...e, start: e.start + 10, end: e.end + 10 })),
      }),
    );
    git(root, 'commit', '-qam', 'omar: new text');
    git(root, 'checkout', '-q', 'main');
    await writeFile(
      join(root, 'a.annotations.json'),
      json({ ...s, entities: [...s.entities, { ...person('t3', 17, 22), label: 'GPE' }] }),
    );
    git(root, 'commit', '-qam', 'lina: Amman');
    const merge = gitStatus(root, 'merge', '--no-edit', 'omar');
    expect(merge.code, merge.out).toBe(0);
    expect(merge.out).toMatch(
      /tahrir merge-driver: a\.annotations\.json: re-anchored base, mine onto the changed text/,
    );
    expect((await validateWorkspace(root)).valid).toBe(true);
    expect(
      parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8')).entities.map((e) => [e.start, e.text]),
    ).toEqual([
      [10, 'Sara'],
      [19, 'Omar'],
      [27, 'Amman'],
    ]);
  });
});
