// The workspace watcher on a real temp folder: what others change is reported, what we write is not.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TahrirEvent } from '../../shared/api';
import { classifyWorkspacePath, KnownTexts, WorkspaceWatcher } from '../../electron/watcher';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let root: string;
let events: TahrirEvent[];
let watcher: WorkspaceWatcher;

describe('KnownTexts', () => {
  it('knows the texts among the names a walk read as classifyChild tells them, folder by folder', () => {
    const texts = new KnownTexts();
    texts.learnFolder('', ['a.txt', 'a.annotations.json', '.hidden.txt', 'x.txt~', 'tahrir.json', '#d.txt']);
    texts.learnFolder('news', ['b.txt', 'c.txt.tmp', 'e.md', 'f.tmp-1.txt']);
    expect(['a', '.hidden', 'x', 'tahrir', '#d'].filter((id) => texts.has(id))).toEqual(['a']);
    expect(['news/b', 'news/c.txt', 'news/e', 'news/f.tmp-1'].filter((id) => texts.has(id))).toEqual(['news/b']);
    texts.add('news/deep/g');
    texts.learnFolder('news/deep', ['h.txt']); // after a change in it was reported: both kept
    expect(texts.countUnder('news')).toBe(3);
    expect(texts.countUnder('')).toBe(4);
    expect(texts.takeUnder('news').sort()).toEqual(['news/b', 'news/deep/g', 'news/deep/h']);
    expect(texts.has('news/b')).toBe(false);
    expect(texts.delete('a')).toBe(true);
    expect(texts.delete('a')).toBe(false);
    expect(texts.takeUnder('')).toEqual([]);
  });
});

describe('classifyWorkspacePath', () => {
  it('names texts, sidecars, the config; ignores temp and hidden files', () => {
    expect(classifyWorkspacePath('old/b.txt')).toEqual({ kind: 'text', id: 'old/b' });
    expect(classifyWorkspacePath('old\\b.annotations.json')).toEqual({ kind: 'sidecar', id: 'old/b' });
    expect(classifyWorkspacePath('tahrir.json')).toEqual({ kind: 'config' });
    expect(classifyWorkspacePath('sub/tahrir.json')).toEqual({ kind: 'other' });
    for (const p of [
      '.a.annotations.json.tmp-123',
      'a.annotations.json.tmp',
      'a.annotations.json.tmp-9-1',
      '.tahrir/recovery/a.json',
      '.git/index',
      'a.txt~',
      'a.txt.swp',
      '#a.txt#',
    ]) {
      expect(classifyWorkspacePath(p), p).toEqual({ kind: 'ignored' });
    }
  });
});

// Linux uses one watch per folder; the recursive watch is what macOS and Windows use. Both run
// here: only the colleague's-atomic-saves case is skipped for the recursive watch on Linux,
// where Node's recursive fs.watch misses a file replaced by a rename (why Linux watches per folder).
for (const perFolder of [true, false]) {
  const recursiveOnLinux = !perFolder && process.platform === 'linux';
  describe(`WorkspaceWatcher (${perFolder ? 'one watch per folder' : 'recursive watch'})`, () => {
    /**
     * Waits until the watcher has reported what `check` expects, and for that report to end: fs events
     * come late on a loaded machine, so no fixed sleep decides (a 100 ms one failed under load).
     */
    async function reported(check: () => void): Promise<void> {
      await vi.waitFor(check, { timeout: 15_000, interval: 20 });
      await watcher.settled();
    }

    let marks = 0;
    /**
     * Nothing was reported for what came before: a new text written now is reported only after every
     * earlier change was (one queue of fs events, reports in order), and its report must be all there is.
     */
    async function nothingReported(): Promise<void> {
      writeFileSync(join(root, `mark-${++marks}.txt`), 'mark');
      await reported(() => expect(events).toContainEqual({ type: 'documents-changed' }));
      expect(events).toEqual([{ type: 'documents-changed' }]);
      events.length = 0;
    }

    beforeEach(async () => {
      root = mkdtempSync(join(tmpdir(), 'tahrir-watch-'));
      mkdirSync(join(root, 'old'));
      writeFileSync(join(root, 'a.txt'), 'نص عمّان 👍🏽\r\n');
      writeFileSync(join(root, 'old', 'b.txt'), 'b');
      events = [];
      watcher = new WorkspaceWatcher(root, (e) => events.push(e), { debounceMs: 60, perFolder });
      await watcher.start();
    });

    afterEach(() => {
      watcher.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('reports a sidecar written by someone else, once, after the burst settles', async () => {
      const file = join(root, 'a.annotations.json');
      writeFileSync(file, '{"v":1}');
      writeFileSync(file, '{"v":2}');
      writeFileSync(file, '{"v":3}');
      await reported(() => expect(events).toContainEqual({ type: 'documents-changed' }));
      expect(events).toEqual([{ type: 'sidecar-changed', id: 'a' }, { type: 'documents-changed' }]);
      events.length = 0;
      await nothingReported(); // once: no late second report of the burst
    });

    it('stays silent for our own atomic save (temp file + rename) whose bytes it was told about', async () => {
      const body = '{"format":"tahrir-annotations"}\n';
      watcher.noteContent('a.annotations.json', sha(body));
      const tmp = join(root, '.a.annotations.json.tmp-42');
      writeFileSync(tmp, body);
      renameSync(tmp, join(root, 'a.annotations.json'));
      await nothingReported();
      // The same file changed by someone else afterwards is reported.
      writeFileSync(join(root, 'a.annotations.json'), body.replace('}', ',"x":1}'));
      await reported(() => expect(events).toContainEqual({ type: 'sidecar-changed', id: 'a' }));
    });

    it('stays silent for a save of ours whose event comes before the save is done (only begun: beginWriting)', async () => {
      // Under load a save's rename was reported before the save resumed to note its bytes: the editor took its own
      // save for another program's. The bytes are told before the write; the event finds them.
      const body = '{"format":"tahrir-annotations","n":1}\n';
      watcher.beginWriting('a.annotations.json', sha(body));
      const tmp = join(root, '.a.annotations.json.tmp-7');
      writeFileSync(tmp, body);
      renameSync(tmp, join(root, 'a.annotations.json'));
      await nothingReported(); // handled while the write is still "under way": nothing said
      watcher.endWriting('a.annotations.json', sha(body));
      // Another program's bytes after it are reported, and the ended write's bytes are not ours any more.
      writeFileSync(join(root, 'a.annotations.json'), '{"theirs":1}');
      await reported(() => expect(events).toContainEqual({ type: 'sidecar-changed', id: 'a' }));
      events.length = 0;
      writeFileSync(join(root, 'a.annotations.json'), body);
      await reported(() => expect(events).toContainEqual({ type: 'sidecar-changed', id: 'a' }));
    });

    it.skipIf(recursiveOnLinux)(
      "reports a colleague's atomic saves (temp file + rename over the sidecar), every time",
      async () => {
        for (let n = 1; n <= 3; n++) {
          const tmp = join(root, `.a.annotations.json.${n}.tmp`);
          writeFileSync(tmp, `{"n":${n}}`);
          renameSync(tmp, join(root, 'a.annotations.json'));
          await reported(() => expect(events, `save ${n}`).toContainEqual({ type: 'sidecar-changed', id: 'a' }));
          events.length = 0;
        }
        // And a text replaced the same way, twice.
        for (const body of ['new text', 'newer text']) {
          writeFileSync(join(root, '.a.txt.tmp'), body);
          renameSync(join(root, '.a.txt.tmp'), join(root, 'a.txt'));
          await reported(() => expect(events, body).toContainEqual({ type: 'text-changed', id: 'a' }));
          events.length = 0;
        }
      },
    );

    it('reports a changed text as text-changed, a new one as documents-changed, a deleted one as document-removed', async () => {
      writeFileSync(join(root, 'old', 'b.txt'), 'b changed');
      await reported(() => expect(events).toEqual([{ type: 'text-changed', id: 'old/b' }]));
      events.length = 0;
      writeFileSync(join(root, 'c.txt'), 'new');
      await reported(() => expect(events).toEqual([{ type: 'documents-changed' }]));
      events.length = 0;
      unlinkSync(join(root, 'a.txt'));
      await reported(() =>
        expect(events).toEqual([{ type: 'document-removed', id: 'a' }, { type: 'documents-changed' }]),
      );
    });

    it('a text rewritten with identical bytes is not a change', async () => {
      watcher.noteContent('a.txt', sha('نص عمّان 👍🏽\r\n'));
      writeFileSync(join(root, 'a.txt'), 'نص عمّان 👍🏽\r\n');
      await nothingReported();
    });

    it('reports the documents of a folder that vanished, and of a new folder', async () => {
      rmSync(join(root, 'old'), { recursive: true });
      await reported(() => {
        expect(events).toContainEqual({ type: 'document-removed', id: 'old/b' });
        expect(events).toContainEqual({ type: 'documents-changed' });
      });
      events.length = 0;
      // The text written at once, as a checkout or a copy does: found by the new folder's listing or its watch.
      mkdirSync(join(root, 'new', 'deep'), { recursive: true });
      writeFileSync(join(root, 'new', 'deep', 'd.txt'), 'd');
      await reported(() => expect(events).toContainEqual({ type: 'documents-changed' }));
      events.length = 0;
      // Now watched: a change to it is reported.
      writeFileSync(join(root, 'new', 'deep', 'd.txt'), 'd2');
      await reported(() => expect(events).toContainEqual({ type: 'text-changed', id: 'new/deep/d' }));
      expect(events.filter((e) => e.type !== 'text-changed')).toEqual([]);
    });

    it('a folder removed and made again (a git checkout) is watched again', async () => {
      rmSync(join(root, 'old'), { recursive: true });
      await reported(() => expect(events).toContainEqual({ type: 'document-removed', id: 'old/b' }));
      events.length = 0;
      mkdirSync(join(root, 'old'));
      writeFileSync(join(root, 'old', 'b.txt'), 'b again');
      await reported(() => expect(events).toContainEqual({ type: 'documents-changed' }));
      events.length = 0;
      writeFileSync(join(root, 'old', 'b.txt'), 'b changed after the checkout');
      await reported(() => expect(events).toContainEqual({ type: 'text-changed', id: 'old/b' }));
      expect(events.filter((e) => e.type !== 'text-changed')).toEqual([]);
    });

    it('the whole workspace folder vanishing reports its documents removed and keeps the process alive', async () => {
      rmSync(root, { recursive: true, force: true });
      await reported(() => {
        expect(events).toContainEqual({ type: 'document-removed', id: 'a' });
        expect(events).toContainEqual({ type: 'document-removed', id: 'old/b' });
        expect(events).toContainEqual({ type: 'documents-changed' });
      });
    });

    it('ignores hidden folders such as the recovery journal and .git', async () => {
      mkdirSync(join(root, '.tahrir', 'recovery'), { recursive: true });
      writeFileSync(join(root, '.tahrir', 'recovery', 'a.json'), '{}');
      mkdirSync(join(root, '.git'));
      writeFileSync(join(root, '.git', 'index'), 'x');
      await nothingReported();
    });
  });
}
