import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { chmod, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TahrirError } from '../../shared/errors';
import type { Sidecar } from '../../shared/model';
import { emptySidecar, parseSidecar, serializeSidecar } from '../../shared/sidecar';
import {
  discardRecovery,
  isTempFile,
  readRecovery,
  readSidecar as readSidecarAsync,
  readSidecarSync,
  recoveryPath,
  writeRecovery,
  writeSidecarAtomic,
} from '../../electron/sidecar-store';
import { isLockFile } from '../../electron/sidecar-lock';
import { snapshot, tempFolder, writeFiles } from './temp-folder';
import { refused } from '../helpers/refused';

const example = readFileSync(join(__dirname, '..', 'fixtures', 'sidecars', '000_b3be894ae1d50a96.annotations.json'));

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

function withNote(s: Sidecar, note: string): Sidecar {
  return { ...s, document: { ...s.document, note } };
}

// The blocking reader (the `tahrir` command) must behave exactly as the async one.
const sidecarReaders: [string, typeof readSidecarAsync][] = [
  ['readSidecar', readSidecarAsync],
  ['readSidecarSync', async (...args) => readSidecarSync(...args)],
];
const readSidecar = readSidecarAsync;

describe.each(sidecarReaders)('%s', (_name, readSidecar) => {
  it('is null when there is no sidecar', async () => {
    const dir = await tempFolder();
    expect(await readSidecar(join(dir, 'a.annotations.json'))).toBeNull();
  });

  it('reads a sidecar and its revision (sha256 of the bytes)', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'a.annotations.json': example });
    const stored = await readSidecar(join(dir, 'a.annotations.json'));
    expect(stored?.revision).toBe(sha(example));
    expect(stored?.sidecar.entities).toHaveLength(8);
  });

  it('throws typed errors for broken files and leaves them as they are', async () => {
    const dir = await tempFolder();
    const cases: Record<string, string | Uint8Array> = {
      'truncated.annotations.json': example.subarray(0, 700),
      'notjson.annotations.json': 'hello',
      'shape.annotations.json': '{"format":"tahrir-annotations","version":1}',
      'newer.annotations.json': example.toString('utf8').replace('"version": 1', '"version": 3'),
      'latin1.annotations.json': Buffer.from([0x7b, 0xe9, 0x7d]),
    };
    await writeFiles(dir, cases);
    const before = await snapshot(dir);
    const codes: Record<string, string> = {};
    for (const name of Object.keys(cases)) {
      const e = await refused(readSidecar(join(dir, name), `news/${name}`));
      expect(e.message.startsWith(`news/${name}: `)).toBe(true);
      codes[name] = e.code;
    }
    expect(codes).toEqual({
      'truncated.annotations.json': 'broken-sidecar',
      'notjson.annotations.json': 'broken-sidecar',
      'shape.annotations.json': 'broken-sidecar',
      'newer.annotations.json': 'newer-version',
      'latin1.annotations.json': 'broken-sidecar',
    });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('never throws anything but TahrirError on random bytes or random JSON, and never writes (fuzz)', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'f.annotations.json');
    const parsedExample = JSON.parse(example.toString('utf8'));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.json().map((j) => Buffer.from(j)),
          // the example with one field replaced by random JSON
          fc
            .tuple(
              fc.constantFrom('source', 'document', 'edits', 'entities', 'quotes', 'version', 'format'),
              fc.jsonValue(),
            )
            .map(([k, val]) => Buffer.from(JSON.stringify({ ...parsedExample, [k]: val }))),
        ),
        async (bytes) => {
          runs++;
          await writeFile(path, bytes);
          try {
            await readSidecar(path);
          } catch (e) {
            expect(e).toBeInstanceOf(TahrirError);
          }
          expect(Buffer.compare(await readFile(path), bytes)).toBe(0);
          expect(await readdir(dir)).toEqual(['f.annotations.json']);
        },
      ),
      { numRuns: 300 },
    );
    expect(runs).toBe(300);
  });
});

describe('writeSidecarAtomic', () => {
  it('writes a new sidecar with base null and returns the revision of what it wrote', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'a.annotations.json');
    const s = parseSidecar(example.toString('utf8'));
    const revision = await writeSidecarAtomic(path, s, null);
    const bytes = await readFile(path);
    expect(bytes.equals(example)).toBe(true); // canonical output
    expect(revision).toBe(sha(bytes));
    expect(await readdir(dir)).toEqual(['a.annotations.json']); // no temp file left
  });

  it('refuses a save whose base revision is stale, naming the current one, and writes nothing', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'a.annotations.json');
    const s = emptySidecar('a.txt', '0'.repeat(64), 3);
    const first = await writeSidecarAtomic(path, s, null);
    // someone else saves in between
    await writeFile(path, serializeSidecar(withNote(s, 'theirs')));
    const theirs = await readFile(path);
    const e = await refused(writeSidecarAtomic(path, withNote(s, 'mine'), first, 'news/a.annotations.json'));
    expect(e.code).toBe('stale-revision');
    expect(e.message).toContain('news/a.annotations.json: changed on disk since it was opened');
    expect(e.detail).toEqual({ current: sha(theirs), base: first });
    expect((await readFile(path)).equals(theirs)).toBe(true);
    // base null while a file exists is stale too
    expect((await refused(writeSidecarAtomic(path, s, null))).code).toBe('stale-revision');
    // with the current revision it saves
    const next = await writeSidecarAtomic(path, withNote(s, 'mine'), sha(theirs));
    expect((await readSidecar(path))?.sidecar.document.note).toBe('mine');
    expect(next).not.toBe(first);
  });

  it('refuses when the sidecar was deleted since it was opened', async () => {
    const dir = await tempFolder();
    const e = await refused(
      writeSidecarAtomic(join(dir, 'a.annotations.json'), emptySidecar('a.txt', '0'.repeat(64), 0), sha('x')),
    );
    expect(e.code).toBe('stale-revision');
    expect(e.message).toContain('was deleted');
    expect(await readdir(dir)).toEqual([]);
  });

  it('never overwrites a broken sidecar, even given its revision', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'a.annotations.json');
    const broken = example.subarray(0, 900);
    await writeFile(path, broken);
    const e = await refused(writeSidecarAtomic(path, emptySidecar('a.txt', '0'.repeat(64), 0), sha(broken)));
    expect(e.code).toBe('broken-sidecar');
    expect(e.message).toContain('cannot be read, so it is not overwritten');
    expect((await readFile(path)).equals(broken)).toBe(true);
    // nor one that parses but is inconsistent (a duplicate id)
    const dup = parseSidecar(example.toString('utf8'));
    dup.entities[1].id = dup.entities[0].id;
    const dupBytes = serializeSidecar(dup);
    await writeFile(path, dupBytes);
    expect(
      (await refused(writeSidecarAtomic(path, emptySidecar('a.txt', '0'.repeat(64), 0), sha(dupBytes)))).message,
    ).toContain('is already used');
    expect(await readFile(path, 'utf8')).toBe(dupBytes);
  });

  it('an interrupted write leaves the old sidecar intact and readable; its temp file is not a sidecar', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'a.annotations.json');
    await writeFile(path, example);
    // what a crash between "write temp" and "rename" leaves behind
    const leftover = '.a.annotations.json.4242.0a1b2c3d4e5f.tmp';
    await writeFile(join(dir, leftover), example.subarray(0, 300));
    expect(isTempFile(leftover)).toBe(true);
    expect(isTempFile('a.annotations.json')).toBe(false);
    const stored = await readSidecar(path);
    expect(stored?.revision).toBe(sha(example));
    // saving again works and leaves the stranger's temp file alone
    await writeSidecarAtomic(path, withNote(stored!.sidecar, 'after crash'), stored!.revision);
    expect((await readSidecar(path))?.sidecar.document.note).toBe('after crash');
    expect((await readdir(dir)).sort()).toEqual([leftover, 'a.annotations.json'].sort());
  });

  it('serializes concurrent saves from one process: one wins, the other is stale', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'a.annotations.json');
    const s = emptySidecar('a.txt', '0'.repeat(64), 0);
    const base = await writeSidecarAtomic(path, s, null);
    const results = await Promise.allSettled([
      writeSidecarAtomic(path, withNote(s, 'one'), base),
      writeSidecarAtomic(path, withNote(s, 'two'), base),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as TahrirError).code).toBe('stale-revision');
  });
});

// The full 200-kill run (sidecar and journal) is test/reliability/kill-save.test.ts; this is the
// store's own quick check of the same property, on four sidecars at once.
describe('kill test: SIGKILL while saving in a loop', () => {
  let child = '';
  beforeAll(async () => {
    const dir = await tempFolder('tahrir-kill-build-');
    child = join(dir, 'saver.cjs');
    const entry = join(dir, 'saver.ts');
    await writeFile(
      entry,
      `import { writeSidecarAtomic, readRevision } from ${JSON.stringify(join(__dirname, '..', '..', 'electron', 'sidecar-store'))};
import { emptySidecar } from ${JSON.stringify(join(__dirname, '..', '..', 'shared', 'sidecar'))};
const path = process.argv[2];
(async () => {
  let revision = await readRevision(path);
  for (let i = 0; ; i++) {
    const s = emptySidecar('a.txt', '0'.repeat(64), i);
    // a sidecar that grows and shrinks, so a torn write would show
    s.document.note = 'v' + i + ' ' + 'x'.repeat((i * 7919) % 20000);
    revision = await writeSidecarAtomic(path, s, revision);
    if (i === 0) process.stdout.write('ready\\n');
  }
})();
`,
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: child,
      logLevel: 'warning',
    });
  });

  it('leaves a whole sidecar, one of the versions written, after each of 20 kills', async () => {
    const dir = await tempFolder();
    const lane = async (path: string): Promise<number> => {
      let survived = 0;
      for (let k = 0; k < 5; k++) {
        const proc = spawn(process.execPath, [child, path], { stdio: ['ignore', 'pipe', 'inherit'] });
        await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)));
        proc.kill('SIGKILL');
        await new Promise((r) => proc.once('exit', r));
        const stored = await readSidecar(path); // throws if torn
        expect(stored).not.toBeNull();
        const note = stored!.sidecar.document.note ?? '';
        const i = Number(/^v(\d+) /.exec(note)?.[1]);
        expect(note).toBe('v' + i + ' ' + 'x'.repeat((i * 7919) % 20000));
        expect(stored!.sidecar.source.length).toBe(i);
        survived++;
      }
      return survived;
    };
    const names = ['a', 'b', 'c', 'd'].map((n) => `${n}.annotations.json`);
    const survived = await Promise.all(names.map((n) => lane(join(dir, n))));
    expect(survived.reduce((a, b) => a + b, 0)).toBe(20);
    // leftover temp files of killed writers are never taken for sidecars, nor their locks (the next save takes those over)
    expect((await readdir(dir)).filter((n) => !isTempFile(n) && !isLockFile(n)).sort()).toEqual(names);
  }, 120_000);
});

describe('recovery journal', () => {
  it('writes, reads and discards unsaved changes under .tahrir/recovery', async () => {
    const root = await tempFolder();
    const s = withNote(emptySidecar('a.txt', '0'.repeat(64), 0), 'unsaved');
    expect(await readRecovery(root, 'news/a')).toBeNull();
    await writeRecovery(root, 'news/a', s, '2026-11-28T10:00:00.000Z');
    expect(recoveryPath(root, 'news/a')).toBe(join(root, '.tahrir', 'recovery', 'news%2Fa.json'));
    expect(await readRecovery(root, 'news/a')).toEqual({ sidecar: s, savedAt: '2026-11-28T10:00:00.000Z' });
    expect(await readRecovery(root, 'news/b')).toBeNull();
    await discardRecovery(root, 'news/a');
    await discardRecovery(root, 'news/a'); // twice is fine
    expect(await readRecovery(root, 'news/a')).toBeNull();
    expect(await readdir(join(root, '.tahrir', 'recovery'))).toEqual([]);
  });

  it('keeps ids apart that differ only by dots or slashes, and handles very long ids', async () => {
    const root = await tempFolder();
    const a = emptySidecar('a.txt', '0'.repeat(64), 1);
    const b = emptySidecar('a.txt', '0'.repeat(64), 2);
    await writeRecovery(root, 'x/y', a);
    await writeRecovery(root, 'x%2Fy', b);
    await writeRecovery(root, '..', a);
    expect((await readRecovery(root, 'x/y'))?.sidecar.source.length).toBe(1);
    expect((await readRecovery(root, 'x%2Fy'))?.sidecar.source.length).toBe(2);
    const long = 'ك'.repeat(300);
    await writeRecovery(root, long, b);
    expect((await readRecovery(root, long))?.sidecar.source.length).toBe(2);
  });

  it('writes an entry in one pass: its sidecar stringified once with it, nothing parsed, the bytes as before', async () => {
    // 50,000 entities: serialized, parsed and serialized again inside the entry, ~1 s of the server's thread an entry.
    const root = await tempFolder();
    const s = parseSidecar(example.toString('utf8'), 'a.annotations.json');
    const savedAt = '2026-11-28T10:00:00.000Z';
    const before = JSON.stringify({ id: 'a', savedAt, sidecar: JSON.parse(serializeSidecar(s)) }, null, 2) + '\n';
    const holdsSpans = (text: unknown) => typeof text === 'string' && text.includes('"entities"');
    const parse = vi.spyOn(JSON, 'parse');
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await writeRecovery(root, 'a', s, savedAt);
      expect(parse.mock.calls.filter(([text]) => holdsSpans(text))).toHaveLength(0);
      expect(stringify.mock.results.filter((r) => holdsSpans(r.value))).toHaveLength(1);
    } finally {
      parse.mockRestore();
      stringify.mockRestore();
    }
    expect(await readFile(recoveryPath(root, 'a'), 'utf8')).toBe(before);
  });

  it('ignores a journal entry that cannot be read', async () => {
    const root = await tempFolder();
    await writeFiles(root, { '.tahrir/recovery/a.json': '{"id": "a", "savedAt": "x", "sidecar": {' });
    expect(await readRecovery(root, 'a')).toBeNull();
  });
});

it('keeps the permissions of the sidecar it replaces', async () => {
  const dir = await tempFolder();
  const path = join(dir, 'a.annotations.json');
  const s = emptySidecar('a.txt', '0'.repeat(64), 0);
  const first = await writeSidecarAtomic(path, s, null);
  await chmod(path, 0o600);
  await writeSidecarAtomic(path, withNote(s, 'again'), first);
  expect((await stat(path)).mode & 0o777).toBe(0o600);
});

it('never writes the journal through a .tahrir link that leaves the workspace', async () => {
  const root = await tempFolder();
  const elsewhere = await tempFolder();
  await symlink(elsewhere, join(root, '.tahrir'));
  await expect(writeRecovery(root, 'a', emptySidecar('a.txt', '0'.repeat(64), 0))).rejects.toMatchObject({
    code: 'outside-workspace',
  });
  expect(await readdir(elsewhere)).toEqual([]);
  await writeFiles(elsewhere, { 'recovery/a.json': 'theirs' });
  await expect(discardRecovery(root, 'a')).rejects.toMatchObject({ code: 'outside-workspace' });
  expect(await readFile(join(elsewhere, 'recovery', 'a.json'), 'utf8')).toBe('theirs');
});

describe('temp files left by killed writes', () => {
  it('are removed on the next save when over an hour old; fresh ones and other files stay', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'a.annotations.json');
    const stale = join(dir, '.a.annotations.json.4242.0123456789ab.tmp');
    const fresh = join(dir, '.a.annotations.json.4243.ba9876543210.tmp');
    const other = join(dir, '.b.annotations.json.4242.0123456789ab.tmp');
    const notOurs = join(dir, '.a.annotations.json.notes.tmp');
    for (const f of [stale, fresh, other, notOurs]) await writeFile(f, '{"torn');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const f of [stale, other, notOurs]) await utimes(f, twoHoursAgo, twoHoursAgo);
    await writeSidecarAtomic(path, emptySidecar('a.txt', 'ab'.repeat(32), 0), null);
    expect((await readdir(dir)).sort()).toEqual([
      '.a.annotations.json.4243.ba9876543210.tmp',
      '.a.annotations.json.notes.tmp',
      '.b.annotations.json.4242.0123456789ab.tmp',
      'a.annotations.json',
    ]);
  });
});
