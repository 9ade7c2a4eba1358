// The sidecar lock across real processes: a child process holding the lock (the real
// withFileLock) holds back every writer of that document — the editor's save, the import, the
// journal — until it lets go; a lock left by a killed process, a crash on another machine or a
// predecessor with our pid is taken over; no lock file is ever left behind by a save, also when
// it fails; listing and watching never see one.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TahrirEvent } from '../../shared/api';
import type { Sidecar } from '../../shared/model';
import { emptySidecar, parseSidecar } from '../../shared/sidecar';
import { Backend } from '../../electron/backend';
import { runImport } from '../../electron/import-job';
import { isLockFile, lockPathFor, withFileLock } from '../../electron/sidecar-lock';
import { discardRecovery, readRecovery, writeRecovery, writeSidecarAtomic } from '../../electron/sidecar-store';
import { classifyWorkspacePath } from '../../electron/watcher';
import { findFiles } from '../../electron/workspace';
import { tempFolder, writeFiles } from './temp-folder';
import { refused } from '../helpers/refused';

const ENGLISH = 'Fumio Kishida said: "The window is open."\nThen he left.\n';
let buildDir: string;
let holderScript: string;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'tahrir-lock-build-'));
  holderScript = join(buildDir, 'lock-holder.cjs');
  await build({
    entryPoints: [join(__dirname, 'lock-holder.ts')],
    outfile: holderScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Holder {
  child: ChildProcess;
  /** Lets go of the locks; resolves with the exit code. */
  release(): Promise<number | null>;
  /** SIGKILL: the locks stay on disk. */
  kill(): Promise<void>;
}

/** A child process holding the real locks of `paths` (until released or killed). */
function hold(paths: string[]): Promise<Holder> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [holderScript, ...paths], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the lock holder exited: ${err}`)));
    child.stdout!.once('data', () =>
      resolve({
        child,
        release: () => {
          child.stdin!.write('go\n');
          return exited;
        },
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      }),
    );
  });
}

/** Every lock file under `root`, workspace-relative. */
async function lockFiles(root: string): Promise<string[]> {
  const all = await readdir(root, { recursive: true, withFileTypes: true });
  return all.filter((e) => isLockFile(e.name)).map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

const withNote = (s: Sidecar, note: string): Sidecar => ({ ...s, document: { ...s.document, note } });

describe('a lock held by another process', () => {
  it('holds back every writer of the document — save, import, journal, discard — until it lets go', async () => {
    const root = await tempFolder('tahrir-lock-');
    await writeFiles(root, { 'a.txt': ENGLISH, 'b.txt': ENGLISH, 'c.txt': ENGLISH, 'd.txt': ENGLISH });
    await writeRecovery(root, 'd', emptySidecar('d.txt', '0'.repeat(64), 0));
    const from = join(await tempFolder('tahrir-lock-import-'), 'pre.jsonl');
    await writeFile(
      from,
      JSON.stringify({
        id: 'b',
        text: ENGLISH,
        spans: [{ start: 0, end: 13, label: 'PERSON', text: 'Fumio Kishida' }],
      }) + '\n',
    );
    const backend = await Backend.open(root);
    const a = await backend.openDocument('a');
    const sidecarOf = (id: string) => join(root, `${id}.annotations.json`);

    const holder = await hold(['a', 'b', 'c', 'd'].map(sidecarOf));
    // A listing taken while a writer tries the lock may show its attempt's temp file for a moment
    // (hidden: the editor's listing never shows it, checked below): lock files are left out here.
    const files = async () => (await readdir(root, { recursive: true })).filter((p) => !isLockFile(basename(p)));
    const before = await files();
    const settled: string[] = [];
    const writers = [
      backend.saveSidecar('a', withNote(a.sidecar, 'mine'), a.revision).then(() => settled.push('save')),
      runImport({ root, request: { format: 'jsonl', from } }).then(() => settled.push('import')),
      writeRecovery(root, 'c', emptySidecar('c.txt', '0'.repeat(64), 0)).then(() => settled.push('journal')),
      discardRecovery(root, 'd').then(() => settled.push('discard')),
    ];
    await sleep(500);
    expect(settled, 'nothing is written while the other process holds the lock').toEqual([]);
    expect(await files()).toEqual(before);
    expect(await holder.release()).toBe(0);
    await Promise.all(writers);

    expect(settled.sort()).toEqual(['discard', 'import', 'journal', 'save']);
    expect(parseSidecar(await readFile(sidecarOf('a'), 'utf8')).document.note).toBe('mine');
    expect(parseSidecar(await readFile(sidecarOf('b'), 'utf8')).entities.map((e) => e.text)).toEqual(['Fumio Kishida']);
    expect(await readRecovery(root, 'c')).not.toBeNull();
    expect(await readRecovery(root, 'd')).toBeNull();
    expect(await lockFiles(root)).toEqual([]);
    await backend.close();
  });

  it('left behind by a killed process does not block saving: the next save takes it over at once', async () => {
    const root = await tempFolder('tahrir-lock-');
    const path = join(root, 'a.annotations.json');
    const holder = await hold([path]);
    const pid = holder.child.pid!;
    await holder.kill();
    const left = JSON.parse(await readFile(lockPathFor(path), 'utf8'));
    expect(left).toMatchObject({ pid, host: hostname() });

    const started = Date.now();
    await writeSidecarAtomic(path, emptySidecar('a.txt', '0'.repeat(64), 0), null);
    // Far below the wait and the age bound: a dead process is recognised as dead.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await lockFiles(root)).toEqual([]);
  });

  it('from another machine waits, then refuses naming who holds it; once older than any save takes, it is taken over', async () => {
    const root = await tempFolder('tahrir-lock-');
    const path = join(root, 'a.annotations.json');
    const lock = lockPathFor(path);
    const theirs = JSON.stringify({
      pid: 4242,
      host: 'colleague-laptop',
      at: '2026-11-28T10:00:00.000Z',
      token: 'feedfacefeedface',
    });
    await writeFile(lock, theirs);
    const started = Date.now();
    const e = await refused(
      writeSidecarAtomic(path, emptySidecar('a.txt', '0'.repeat(64), 0), null, 'a.annotations.json', {
        lock: { waitMs: 300 },
      }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(e.code).toBe('io');
    expect(e.message).toMatch(
      /^a\.annotations\.json: not saved: process 4242 on colleague-laptop, since 2026-11-28T10:00:00\.000Z has been saving it for over 300 ms/,
    );
    expect(e.message).toMatch(
      /its lock file \.a\.annotations\.json\.lock is taken over once that process has ended or the lock is 30 s old\); try again$/,
    );
    expect(await readdir(root)).toEqual(['.a.annotations.json.lock']); // nothing written, their lock left alone
    expect(await readFile(lock, 'utf8')).toBe(theirs);

    const past = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, past, past);
    await writeSidecarAtomic(path, emptySidecar('a.txt', '0'.repeat(64), 0), null);
    expect(await readdir(root)).toEqual(['a.annotations.json']);
  });

  it('naming our own pid but not held by us (a crashed predecessor with the same pid) is taken over; an empty one waits until old', async () => {
    const root = await tempFolder('tahrir-lock-');
    const path = join(root, 'a.annotations.json');
    await writeFile(
      lockPathFor(path),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        at: new Date().toISOString(),
        token: '0123456789abcdef',
        thread: threadId,
      }),
    );
    const revision = await writeSidecarAtomic(
      path,
      emptySidecar('a.txt', '0'.repeat(64), 0),
      null,
      'a.annotations.json',
      { lock: { waitMs: 300 } },
    );

    // Created but never written (a crash right after the create): only its age tells.
    await writeFile(lockPathFor(path), '');
    const e = await refused(
      writeSidecarAtomic(path, emptySidecar('a.txt', '0'.repeat(64), 1), revision, 'a.annotations.json', {
        lock: { waitMs: 200 },
      }),
    );
    expect(e.message).toMatch(/another process has been saving it/);
    await writeSidecarAtomic(path, emptySidecar('a.txt', '0'.repeat(64), 1), revision, 'a.annotations.json', {
      lock: { staleMs: 0 },
    });
    expect(await readdir(root)).toEqual(['a.annotations.json']);
  });
});

describe('the lock of one save', () => {
  it('is removed when the save is refused or fails', async () => {
    const root = await tempFolder('tahrir-lock-');
    const path = join(root, 'a.annotations.json');
    const s = emptySidecar('a.txt', '0'.repeat(64), 0);
    const revision = await writeSidecarAtomic(path, s, null);
    expect((await refused(writeSidecarAtomic(path, s, null))).code).toBe('stale-revision');
    await writeFile(path, '{ torn');
    const torn = createHash('sha256').update('{ torn').digest('hex');
    expect((await refused(writeSidecarAtomic(path, s, torn))).code).toBe('broken-sidecar');
    expect(revision).not.toBe(torn);
    await mkdir(join(root, 'b.annotations.json'));
    expect((await refused(writeSidecarAtomic(join(root, 'b.annotations.json'), s, null))).code).toBe('io');
    expect(await lockFiles(root)).toEqual([]);
  });

  it('refuses to rename once taken over by another process, and leaves that process its lock', async () => {
    const root = await tempFolder('tahrir-lock-');
    const path = join(root, 'a.annotations.json');
    const theirs = JSON.stringify({
      pid: 4242,
      host: 'colleague-laptop',
      at: '2026-11-28T10:00:00.000Z',
      token: 'feedfacefeedface',
    });
    const e = await refused(
      withFileLock(path, 'a.annotations.json', async (lock) => {
        lock.check(); // ours
        await writeFile(lockPathFor(path), theirs); // this save outlived the bound and the lock went to someone else
        lock.check();
      }),
    );
    expect(e.message).toMatch(/its lock was taken over by process 4242 on colleague-laptop/);
    expect(await readFile(lockPathFor(path), 'utf8')).toBe(theirs);
  });

  it('has a name under 256 bytes beside any sidecar', () => {
    const name = `${'ك'.repeat(120)}.annotations.json`; // 257 bytes
    const lock = lockPathFor(join('/w', name));
    expect(Buffer.byteLength(lock.slice(3))).toBeLessThanOrEqual(255);
    expect(isLockFile(lock.slice(3))).toBe(true);
    expect(lockPathFor('/w/a.annotations.json')).toBe(join('/w', '.a.annotations.json.lock'));
  });
});

describe('lock files are never documents', () => {
  it('are skipped by the listing and the watcher, which still reports a colleague’s save', async () => {
    const attempt = '.a.annotations.json.lock.feedfacefeedface.tmp'; // a try while another holds the lock
    for (const name of [
      '.a.annotations.json.lock',
      'news/.a.annotations.json.lock',
      '.a.annotations.json.lock.break',
      attempt,
    ]) {
      expect(classifyWorkspacePath(name)).toEqual({ kind: 'ignored' });
      expect(isLockFile(basename(name)), name).toBe(true);
    }
    const root = await tempFolder('tahrir-lock-');
    await writeFiles(root, { 'a.txt': ENGLISH, 'news/b.txt': ENGLISH, [attempt]: '{}' });
    const backend = await Backend.open(root);
    const events: TahrirEvent[] = [];
    const stop = backend.onEvent((e) => events.push(e));
    try {
      await backend.watching();
      const holder = await hold([join(root, 'a.annotations.json'), join(root, 'news', 'b.annotations.json')]);
      const found = await findFiles(root);
      expect([...found.texts, ...found.sidecars].sort()).toEqual(['a.txt', 'news/b.txt']);
      expect((await backend.listDocuments()).map((d) => d.id)).toEqual(['a', 'news/b']);
      expect(await holder.release()).toBe(0);
      await sleep(600);
      expect(events).toEqual([]);
      // A positive control: a colleague's save under the lock is reported, the lock's comings and goings are not.
      await withFileLock(join(root, 'a.annotations.json'), 'a.annotations.json', () =>
        writeFile(join(root, 'a.annotations.json'), JSON.stringify(emptySidecar('a.txt', '0'.repeat(64), 0))),
      );
      const deadline = Date.now() + 10_000;
      while (!events.some((e) => e.type === 'sidecar-changed') && Date.now() < deadline) await sleep(50);
      await sleep(300);
      expect(events.map((e) => e.type).sort()).toEqual(['documents-changed', 'sidecar-changed']);
    } finally {
      stop();
      await backend.close();
    }
  });
});
