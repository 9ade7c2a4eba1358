// Sync from the app (electron/git-sync.ts) with real git: a bare repository as the remote and
// clones as annotators, each saving through its Backend and syncing as the Sync button does.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../build/bundle.mjs';
import { Backend } from '../../electron/backend';
import { driverCommand } from '../../electron/git-setup';
import { syncStatus } from '../../electron/git-sync';
import type { Entity, Sidecar } from '../../shared/model';
import { parseSidecar } from '../../shared/sidecar';
import { tempFolder, writeFiles } from './temp-folder';

const DOCUMENTS: Record<string, string> = {
  'a.txt': 'Sara Haddad met Omar Khalil in Amman on Monday.',
  'news/b.txt': 'قال وزير الخارجية أيمن الصفدي في عمان إن الأردن يدعم الحوار 👍🏽.',
  'c.txt': 'The Nile Authority said Cairo and Khartoum agreed.',
  'd.txt': 'Reuters reported that Saudi Aramco signed a deal in Dhahran.',
};

let cliDir = '';
let mergeDriver = '';
beforeAll(async () => {
  cliDir = await mkdtemp(join(tmpdir(), 'tahrir-sync-cli-'));
  await build(bundleOptions(cliDir).cli);
  mergeDriver = driverCommand(process.execPath, join(cliDir, 'cli.cjs'));
});
afterAll(() => rm(cliDir, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) =>
      error ? reject(new Error(`git ${args.join(' ')}: ${stdout}${stderr}`)) : resolve(String(stdout)),
    ),
  );
}

/** A bare remote holding the corpus (with .gitattributes, as git-setup writes it), and a function to clone it. */
async function team(): Promise<{
  top: string;
  remote: string;
  clone: (name: string, setUp?: boolean) => Promise<string>;
}> {
  const top = await tempFolder('tahrir-sync-');
  const remote = join(top, 'remote.git');
  await git(top, 'init', '-q', '--bare', '-b', 'main', remote);
  const seed = join(top, 'seed');
  await git(top, 'clone', '-q', remote, seed);
  await writeFiles(seed, { ...DOCUMENTS, '.gitattributes': '*.annotations.json merge=tahrir\n' });
  await git(seed, '-c', 'user.name=coordinator', '-c', 'user.email=c@example.org', 'add', '-A');
  await git(seed, '-c', 'user.name=coordinator', '-c', 'user.email=c@example.org', 'commit', '-qm', 'corpus');
  await git(seed, 'push', '-q', 'origin', 'HEAD:main');
  const clone = async (name: string, setUp = true) => {
    const dir = join(top, name);
    await git(top, 'clone', '-q', remote, dir);
    await git(dir, 'config', 'user.name', name);
    await git(dir, 'config', 'user.email', `${name}@example.org`);
    if (setUp) await git(dir, 'config', 'merge.tahrir.driver', mergeDriver);
    return dir;
  };
  return { top, remote, clone };
}

/** Saves `id` through the Backend with an entity on the first occurrence of `word`. */
async function annotate(backend: Backend, id: string, word: string, label = 'PERSON', entityId = 't1'): Promise<void> {
  const opened = await backend.openDocument(id);
  const chars = Array.from(opened.text);
  const at = Array.from(opened.text.slice(0, opened.text.indexOf(word))).length;
  const entity: Entity = { id: entityId, start: at, end: at + Array.from(word).length, label, text: word };
  expect(chars.slice(entity.start, entity.end).join('')).toBe(word);
  const others = opened.sidecar.entities.filter((e) => e.id !== entityId);
  const sidecar: Sidecar = { ...opened.sidecar, entities: [...others, entity].sort((a, b) => a.start - b.start) };
  await backend.saveSidecar(id, sidecar, opened.revision);
}

const open = (dir: string, extra: { git?: string } = {}) => Backend.open(dir, { mergeDriver, ...extra });
const log = (dir: string, ref = 'HEAD') => git(dir, 'log', '--format=%an|%s', ref);

describe('sync from the app', () => {
  it('commits the changed sidecars with a readable message, pushes, and the other clone pulls them, saying from whom', async () => {
    const { remote, clone } = await team();
    const lina = await open(await clone('lina'));
    const omar = await open(await clone('omar'));
    try {
      await annotate(lina, 'a', 'Sara Haddad');
      await annotate(lina, 'news/b', 'أيمن الصفدي');
      // A text changed by hand is not committed unless asked, and said so.
      await writeFile(join(lina.root, 'c.txt'), DOCUMENTS['c.txt'] + ' More.');
      expect((await lina.syncStatus('Lina')).unsynced).toBe(2);

      const report = await lina.sync({ annotator: 'Lina' });
      expect(report.problem).toBeUndefined();
      expect(report.committed).toEqual(['a', 'news/b']);
      expect(report.message).toMatch(/^Tahrir: 2 documents annotated by Lina — a\.txt, news\/b\.txt$/);
      expect(report.pushed).toBe(true);
      expect(report.setUp).toEqual([]);
      expect(report.textsLeft).toEqual(['c.txt']);
      expect(report.status).toMatchObject({
        branch: 'main',
        upstream: 'origin/main',
        ahead: 0,
        behind: 0,
        unsynced: 0,
      });
      expect(await log(remote, 'main')).toMatch(/^lina\|Tahrir: 2 documents annotated by Lina/);
      // The text stays changed, uncommitted.
      expect(await git(lina.root, 'status', '--porcelain')).toMatch(/^ M c\.txt/m);

      const pulled = await omar.sync({ annotator: 'omar' });
      expect(pulled.problem).toBeUndefined();
      expect(pulled.committed).toEqual([]);
      expect(pulled.incoming).toEqual([
        { id: 'a', by: ['lina'] },
        { id: 'news/b', by: ['lina'] },
      ]);
      expect(pulled.pushed).toBe(false);
      const b = parseSidecar(await readFile(join(omar.root, 'news/b.annotations.json'), 'utf8'));
      expect(b.entities.map((e) => e.text)).toEqual(['أيمن الصفدي']);
    } finally {
      await lina.close();
      await omar.close();
    }
  }, 60_000);

  it('names up to three documents in the subject, and the status line counts ahead and behind', async () => {
    const { clone } = await team();
    const lina = await open(await clone('lina'));
    const omar = await open(await clone('omar'));
    try {
      await annotate(omar, 'a', 'Omar Khalil');
      await annotate(omar, 'news/b', 'عمان', 'GPE');
      await annotate(omar, 'c', 'Cairo', 'GPE');
      await annotate(omar, 'd', 'Dhahran', 'GPE');
      const report = await omar.sync({ annotator: 'Omar' });
      expect(report.message?.split('\n')[0]).toBe('Tahrir: 4 documents annotated by Omar — a.txt, c.txt, d.txt, …');
      expect(report.message).toMatch(
        /\n\na\.annotations\.json\nc\.annotations\.json\nd\.annotations\.json\nnews\/b\.annotations\.json$/,
      );

      await git(lina.root, 'fetch', '-q');
      expect(await lina.syncStatus('lina')).toMatchObject({ ahead: 0, behind: 1, unsynced: 0 });
      await annotate(lina, 'c', 'Khartoum', 'GPE', 't9');
      await git(lina.root, 'add', 'c.annotations.json');
      await git(lina.root, 'commit', '-qm', 'by hand');
      expect(await lina.syncStatus('lina')).toMatchObject({ ahead: 1, behind: 1, unsynced: 0 });
    } finally {
      await lina.close();
      await omar.close();
    }
  }, 60_000);

  it('a push refused because another clone pushed first is retried after another pull', async () => {
    const { clone } = await team();
    const lina = await open(await clone('lina'));
    const sara = await clone('sara');
    try {
      await annotate(lina, 'a', 'Sara Haddad');
      // Sara pushes between Lina's pull and her push: from Lina's pre-push hook, once.
      await writeFiles(sara, { 'c.annotations.json': '' });
      const saraBackend = await open(sara);
      await rm(join(sara, 'c.annotations.json'));
      await annotate(saraBackend, 'c', 'Cairo', 'GPE');
      await saraBackend.close();
      await git(sara, 'add', 'c.annotations.json');
      await git(sara, 'commit', '-qm', 'Sara first');
      const hook = join(lina.root, '.git', 'hooks', 'pre-push');
      await writeFile(
        hook,
        `#!/bin/sh\nmark="$(git rev-parse --absolute-git-dir)/raced"\nif [ ! -e "$mark" ]; then touch "$mark"; ` +
          `env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C '${sara}' push -q origin HEAD:main || exit 1; fi\n`,
      );
      await chmod(hook, 0o755);

      const report = await lina.sync({ annotator: 'lina' });
      expect(report.problem).toBeUndefined();
      expect(report.retries).toBe(1);
      expect(report.pushed).toBe(true);
      expect(report.incoming).toEqual([{ id: 'c', by: ['sara'] }]);
      expect(report.status).toMatchObject({ ahead: 0, behind: 0 });
    } finally {
      await lina.close();
    }
  }, 60_000);

  it('a conflict is merged into the sidecar, reported, committed locally and not pushed; settled, the next sync pushes', async () => {
    const { remote, clone } = await team();
    const lina = await open(await clone('lina'));
    const omar = await open(await clone('omar'));
    try {
      await annotate(lina, 'a', 'Amman', 'GPE', 'x1');
      await lina.sync({ annotator: 'lina' });
      await omar.sync({ annotator: 'omar' });
      // Both relabel the same entity differently.
      await annotate(lina, 'a', 'Amman', 'LOC', 'x1');
      await annotate(omar, 'a', 'Amman', 'ORG', 'x1');
      expect((await lina.sync({ annotator: 'lina' })).pushed).toBe(true);
      const report = await omar.sync({ annotator: 'omar' });
      expect(report.problem).toBeUndefined();
      expect(report.conflicts).toEqual(['a']);
      expect(report.pushed).toBe(false);
      expect(report.incoming).toEqual([{ id: 'a', by: ['lina'] }]);
      const sidecar = parseSidecar(await readFile(join(omar.root, 'a.annotations.json'), 'utf8'));
      expect(sidecar.conflicts?.map((c) => c.id)).toEqual(['x1']);
      // No merge left half done; the remote has not got the conflicts.
      await expect(git(omar.root, 'rev-parse', '-q', '--verify', 'MERGE_HEAD')).rejects.toThrow();
      expect(await log(remote, 'main')).not.toMatch(/^omar/m);
      expect(report.status.ahead).toBeGreaterThan(0);

      // Synced again before settling: still not sent (every clone would pull the unsettled file), and said again.
      const early = await omar.sync({ annotator: 'omar' });
      expect(early.problem).toBeUndefined();
      expect(early.conflicts).toEqual(['a']);
      expect(early.pushed).toBe(false);
      expect(await log(remote, 'main')).not.toMatch(/^omar/m);
      await expect(git(remote, 'grep', '-q', '"conflicts"', 'main', '--', 'a.annotations.json')).rejects.toThrow();

      // Settled (theirs), saved: the next sync pushes the resolution.
      const opened = await omar.openDocument('a');
      const { conflicts: _settled, ...clean } = opened.sidecar;
      await omar.saveSidecar('a', clean as Sidecar, opened.revision);
      const again = await omar.sync({ annotator: 'omar' });
      expect(again.problem).toBeUndefined();
      expect(again.conflicts).toEqual([]);
      expect(again.pushed).toBe(true);
      expect(again.status).toMatchObject({ ahead: 0, unsynced: 0 });
    } finally {
      await lina.close();
      await omar.close();
    }
  }, 90_000);

  it('merges both sides of a sidecar itself, where the clone’s merge driver cannot run (a packaged app, a moved program)', async () => {
    const { remote, clone } = await team();
    const lina = await open(await clone('lina'));
    const omarDir = await clone('omar');
    await git(omarDir, 'config', 'merge.tahrir.driver', '/no/such/tahrir merge-driver %O %A %B %P');
    const omar = await open(omarDir);
    try {
      await annotate(lina, 'a', 'Amman', 'GPE', 'x1');
      await lina.sync({ annotator: 'lina' });
      await omar.sync({ annotator: 'omar' });
      await annotate(lina, 'a', 'Sara Haddad', 'PERSON', 'x2');
      await annotate(omar, 'a', 'Omar Khalil', 'PERSON', 'x2');
      expect((await lina.sync({ annotator: 'lina' })).pushed).toBe(true);
      const report = await omar.sync({ annotator: 'omar' });
      expect(report.problem).toBeUndefined();
      expect(report.conflicts).toEqual([]);
      expect(report.pushed).toBe(true);
      const merged = parseSidecar(await git(remote, 'show', 'main:a.annotations.json'));
      expect(merged.entities.map((e) => e.text).sort()).toEqual(['Amman', 'Omar Khalil', 'Sara Haddad']);
      expect(new Set(merged.entities.map((e) => e.id)).size).toBe(3);
    } finally {
      await lina.close();
      await omar.close();
    }
  }, 90_000);

  it('sets the merge driver up first when this clone lacks it, saying so', async () => {
    const { clone } = await team();
    const lina = await open(await clone('lina', false));
    try {
      const report = await lina.sync({ annotator: 'lina' });
      expect(report.problem).toBeUndefined();
      expect(report.setUp.join('\n')).toMatch(/set merge\.tahrir\.driver/);
      expect((await git(lina.root, 'config', '--get', 'merge.tahrir.driver')).trim()).toBe(mergeDriver);
      expect((await lina.sync({ annotator: 'lina' })).setUp).toEqual([]);
    } finally {
      await lina.close();
    }
  }, 60_000);

  it('a double-assigned document goes to annotators/<name> only; the rest to the team branch', async () => {
    const { remote, clone } = await team();
    const lina = await open(await clone('lina'));
    try {
      const assignment = {
        format: 'tahrir-assignment',
        version: 1,
        annotators: ['lina', 'omar'],
        overlap: 0.34,
        seed: 1,
        documents: { a: ['lina', 'omar'], c: ['lina'], 'news/b': ['omar'] },
      };
      await writeFiles(lina.root, { 'tahrir-assignment.json': JSON.stringify(assignment, null, 2) + '\n' });
      await annotate(lina, 'a', 'Sara Haddad');
      await annotate(lina, 'c', 'Cairo', 'GPE');
      expect((await lina.syncStatus('Lina')).unsynced).toBe(2);
      const report = await lina.sync({ annotator: 'Lina' });
      expect(report.problem).toBeUndefined();
      expect(report.committed).toEqual(['c']);
      expect(report.message?.split('\n')[0]).toBe('Tahrir: 1 document annotated by Lina — c.txt');
      expect(report.message).toMatch(/tahrir-assignment\.json/);
      expect(report.ownBranch).toEqual({ branch: 'annotators/Lina', documents: ['a'], pushed: true });
      // main has not got Lina's version of a; her branch has it, with main's files.
      await expect(git(remote, 'show', 'main:a.annotations.json')).rejects.toThrow();
      const hers = parseSidecar(await git(remote, 'show', 'annotators/Lina:a.annotations.json'));
      expect(hers.entities.map((e) => e.text)).toEqual(['Sara Haddad']);
      expect(await git(remote, 'show', 'annotators/Lina:c.annotations.json')).toMatch(/Cairo/);
      expect(report.status.unsynced).toBe(0);
      // Nothing new: the next sync pushes nothing more.
      const again = await lina.sync({ annotator: 'Lina' });
      expect(again.ownBranch?.pushed).toBe(false);
      await annotate(lina, 'a', 'Omar Khalil', 'PERSON', 't2');
      expect((await lina.syncStatus('Lina')).unsynced).toBe(1);
      expect((await lina.sync({ annotator: 'Lina' })).ownBranch?.pushed).toBe(true);
      // Two commits of her own on top of the team branch's history.
      expect((await git(remote, 'rev-list', '--count', 'annotators/Lina', '^main')).trim()).toBe('2');
      expect((await git(remote, 'merge-base', '--is-ancestor', 'main', 'annotators/Lina')).trim()).toBe('');
    } finally {
      await lina.close();
    }
  }, 60_000);

  it('says clearly when git is missing, the folder is not a repository, or there is no remote or upstream', async () => {
    const plain = await tempFolder('tahrir-sync-plain-');
    await writeFiles(plain, { 'a.txt': 'Sara.' });
    const noGit = await open(plain, { git: join(plain, 'no-such-git') });
    const report = await noGit.sync({ annotator: 'lina' });
    expect(report.problem?.reason).toBe('no-git');
    expect(report.problem?.message).toMatch(/git is not installed/);
    expect((await syncStatus(plain, 'lina', join(plain, 'no-such-git'))).problem?.reason).toBe('no-git');
    await noGit.close();

    const notRepo = await open(plain);
    expect((await notRepo.sync({ annotator: 'lina' })).problem).toMatchObject({
      reason: 'not-a-repository',
      message: expect.stringMatching(/is not in a git repository/),
    });
    await git(plain, 'init', '-q', '-b', 'main');
    expect((await notRepo.sync({ annotator: 'lina' })).problem).toMatchObject({
      reason: 'no-remote',
      message: expect.stringMatching(/no remote/),
    });
    await git(plain, 'remote', 'add', 'origin', join(plain, 'elsewhere.git'));
    const noUpstream = await notRepo.sync({ annotator: 'lina' });
    expect(noUpstream.problem).toMatchObject({
      reason: 'no-upstream',
      message: expect.stringMatching(/tracks no remote branch/),
    });
    expect((await notRepo.syncStatus('lina')).problem?.reason).toBe('no-upstream');
    await notRepo.close();
  }, 60_000);

  it('says when the remote refuses the credentials, without waiting for a prompt', async () => {
    const { clone } = await team();
    const dir = await clone('lina');
    // A remote asking for a password (HTTP 401): git must fail at once, not wait for someone to type.
    const server = createServer((_request, response) => {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="team"' });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await git(dir, 'remote', 'set-url', 'origin', `http://127.0.0.1:${port}/team.git`);
    const lina = await open(dir);
    try {
      const started = Date.now();
      const report = await lina.sync({ annotator: 'lina' });
      expect(report.problem?.reason).toBe('auth');
      expect(report.problem?.message).toMatch(/fetching from origin failed/);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await lina.close();
      server.close();
    }
  }, 60_000);

  it('never loses work: a pull that would overwrite an uncommitted text is refused and the text is left as it was', async () => {
    const { clone } = await team();
    const lina = await open(await clone('lina'));
    const omar = await clone('omar');
    try {
      await writeFile(join(omar, 'a.txt'), DOCUMENTS['a.txt'] + ' (corrected)');
      await git(omar, 'commit', '-qam', 'text corrected');
      await git(omar, 'push', '-q', 'origin', 'HEAD:main');
      const mine = DOCUMENTS['a.txt'] + ' (mine)';
      await writeFile(join(lina.root, 'a.txt'), mine);
      await annotate(lina, 'c', 'Cairo', 'GPE');
      const report = await lina.sync({ annotator: 'lina' });
      expect(report.committed).toEqual(['c']);
      expect(report.problem).toMatchObject({ reason: 'local-changes', files: ['a.txt'] });
      expect(report.problem?.message).toMatch(/would overwrite changes not committed here \(a\.txt\)/);
      expect(await readFile(join(lina.root, 'a.txt'), 'utf8')).toBe(mine);
      await expect(git(lina.root, 'rev-parse', '-q', '--verify', 'MERGE_HEAD')).rejects.toThrow();
    } finally {
      await lina.close();
    }
  }, 60_000);
});
