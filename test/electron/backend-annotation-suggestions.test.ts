// Backend.suggestAnnotations on a real temp workspace, with the tagger's real worker thread:
// a name tagged in one document is suggested in another where it has a clitic in front; the
// tagger trains in the background on the annotated documents, keeps its model in the
// git-ignored .tahrir/, trains again after a save, and learns from a rejection.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Backend } from '../../electron/backend';
import { codePointLength } from '../../shared/code-points';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import type { Entity, Sidecar } from '../../shared/model';
import { compareSuggestionsFully } from '../../shared/suggestion-changes';
import type { Suggestion } from '../../shared/suggestions';
import { writeLongArticleWorkspace } from '../bench/generate-corpus';
import { buildTaggerWorker } from './tagger-worker-bundle';
import { tempFolder, writeFiles } from './temp-folder';

let workerDir: string;
let workerFile: string;
let backend: Backend | null = null;
beforeAll(async () => {
  // Not a tempFolder: those go after each test, the worker serves them all.
  workerDir = await mkdtemp(join(tmpdir(), 'tahrir-tagger-worker-'));
  workerFile = await buildTaggerWorker(workerDir);
});
afterAll(() => rm(workerDir, { recursive: true, force: true }));
afterEach(async () => {
  await backend?.close();
  backend = null;
});

const cp = (text: string, needle: string, from = 0): number => {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not in the text: ${needle}`);
  return [...text.slice(0, at)].length;
};

function sidecarOf(text: string, status: Sidecar['document']['status'], entities: [string, string][]): string {
  const s = emptySidecar('x.txt', '0'.repeat(64), codePointLength(text));
  s.document.status = status;
  let id = 1;
  let from = 0;
  s.entities = entities.map(([name, label]): Entity => {
    const start = cp(text, name, from);
    from = text.indexOf(name, from) + name.length;
    return { id: `t${id++}`, start, end: start + codePointLength(name), label, text: name };
  });
  return serializeSidecar(s);
}

const sorted = (list: Suggestion[]) => [...list].sort(compareSuggestionsFully);

const A = 'قال الرئيس جو بايدن إن المحادثات في القاهرة كانت مفيدة.\nوأضاف بايدن أن الوفد سيعود.\n';
const B =
  'التقى وزير الخارجية بالرئيس الأميركي وبايدن في بالقاهرة أمس 😀.\nوقال بايدن: «سنواصل العمل مع شركائنا في المنطقة».\n';

describe('Backend.suggestAnnotations', () => {
  test('a name tagged elsewhere is suggested after a clitic; quotes come with their speaker; the tagger trains in a worker', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'done', [
        ['جو بايدن', 'PERSON'],
        ['القاهرة', 'GPE'],
        ['بايدن', 'PERSON'],
      ]),
      'b.txt': B,
    });
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    const first = await backend.suggestAnnotations('b');
    const biden = cp(B, 'بايدن');
    const workspace = first.entities.filter((e) => e.source === 'workspace');
    // وبايدن: the suggestion leaves the و out; بالقاهرة: the ب and the article stay out.
    expect(workspace).toContainEqual(expect.objectContaining({ start: biden, end: biden + 5, label: 'PERSON' }));
    const cairo = cp(B, 'القاهرة');
    expect(workspace.some((e) => e.label === 'GPE' && e.end === cairo + 7)).toBe(true);
    const quote = first.quotes.find((q) => q.kind === 'direct');
    expect(quote).toBeDefined();
    expect(quote!.speaker).toEqual({
      start: cp(B, 'بايدن', B.indexOf('وقال')),
      end: cp(B, 'بايدن', B.indexOf('وقال')) + 5,
    });

    await backend.entitySuggestions.settled();
    const status = backend.entitySuggestions.status();
    expect(status).toMatchObject({ state: 'ready', documents: 1 });
    expect(status.sentences).toBeGreaterThan(0);
    const model = join(root, '.tahrir', 'entity-tagger.json');
    expect(existsSync(model)).toBe(true);
    expect(await readFile(join(root, '.tahrir', '.gitignore'), 'utf8')).toContain('*');
    const saved = JSON.parse(await readFile(model, 'utf8'));
    expect(saved).toMatchObject({ format: 'tahrir-entity-tagger', version: 5, documents: 1 });
    expect((await backend.suggestAnnotations('b')).tagger.state).toBe('ready');
  });

  test('a save trains the tagger again (a rejection teaches it too); a fresh back end reads the kept model instead of training', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'in_progress', [['بايدن', 'PERSON']]),
      'b.txt': B,
    });
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    await backend.suggestAnnotations('b');
    await backend.entitySuggestions.settled();
    const before = backend.entitySuggestions.status();
    expect(before, JSON.stringify(before)).toMatchObject({ state: 'ready', documents: 1 });

    // b stays to do, with one rejected suggestion: its sentence is learned from.
    const opened = await backend.openDocument('b');
    const at = cp(B, 'الخارجية');
    const rejected = { rule: 'entity:ORG', start: at, end: at + 8, text: 'الخارجية' };
    await backend.saveSidecar('b', { ...opened.sidecar, rejected: [rejected] }, opened.revision);
    expect(backend.entitySuggestions.status().state).toBe('training');
    await backend.entitySuggestions.settled();
    const after = backend.entitySuggestions.status();
    expect(after).toMatchObject({ state: 'ready', documents: 2 });
    expect(after.sentences).toBeGreaterThan(before.sentences);
    const trainedAt = after.trainedAt;
    await backend.close();

    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    await backend.suggestAnnotations('b');
    await backend.entitySuggestions.settled();
    expect(backend.entitySuggestions.status()).toMatchObject({ state: 'ready', trainedAt });
  });

  test("the back end's own thread loads the tagger only when the worker cannot suggest; a broken kept model is trained again", async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'done', [['بايدن', 'PERSON']]),
      'b.txt': B,
    });
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    await backend.suggestAnnotations('b');
    await backend.entitySuggestions.settled();
    const fromWorker = await backend.suggestAnnotations('b');
    expect(fromWorker.tagger.state).toBe('ready');
    // Loading NewsFANE's model costs ~0.6 s of CPU: the worker has it; the back end, answering the editor, does not.
    expect(backend.entitySuggestions.taggersLoadedHere).toBe(0);
    await backend.close();

    // A worker that stops at once: the suggestions are worked out here, with the kept model, loaded here once.
    const dead = join(root, 'dead-worker.cjs');
    await writeFile(dead, 'process.exit(3);\n');
    backend = await Backend.open(root, { tagger: { workerFile: dead, trainAfterMs: 5 } });
    const here = await backend.suggestAnnotations('b');
    expect(here.tagger.state).toBe('ready');
    expect(backend.entitySuggestions.taggersLoadedHere).toBe(1);
    const tagged = (list: typeof here.entities) => list.filter((e) => e.source === 'tagger');
    expect(tagged(here.entities)).toEqual(tagged(fromWorker.entities));
    await backend.close();

    // A kept model whose weights are not a model's: not used, trained again.
    const file = join(root, '.tahrir', 'entity-tagger.json');
    const kept = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...kept, model: { ...kept.model, transitions: null } }));
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    await backend.entitySuggestions.settled();
    expect(backend.entitySuggestions.status().state).toBe('ready');
    const again = JSON.parse(await readFile(file, 'utf8'));
    expect(again.trainedAt).not.toBe(kept.trainedAt);
    expect(again.model.transitions).toEqual(kept.model.transitions);
  });

  test("the tagger learns word profiles from all the workspace's texts, kept in .tahrir/ and read from there again", async () => {
    const root = await tempFolder();
    // c.txt has no sidecar: its words still say what company a word keeps (يونيسيف three times).
    const C = 'وقالت يونيسيف إن الأطفال بحاجة إلى المساعدة.\nوأكدت يونيسيف أن الوضع صعب.\nودعت يونيسيف إلى الهدوء.\n';
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'done', [['بايدن', 'PERSON']]),
      'b.txt': B,
      'c.txt': C,
    });
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    await backend.suggestAnnotations('b');
    await backend.entitySuggestions.settled();
    const cache = join(root, '.tahrir', 'word-profiles.json');
    const kept = JSON.parse(await readFile(cache, 'utf8'));
    expect(kept).toMatchObject({ format: 'tahrir-word-profiles', version: 2, texts: 3 });
    const profiles = new Map<string, string>(kept.profiles);
    expect(profiles.get('يونيسيف')).toMatch(/^uf=1 ua=0 up=0 /u);
    const model = JSON.parse(await readFile(join(root, '.tahrir', 'entity-tagger.json'), 'utf8'));
    expect(model.model.profiles['يونيسيف']).toBe(profiles.get('يونيسيف'));

    // The next training takes the profiles from the cache instead of reading every text again: a mark put in the
    // file turns up in the model trained after a save.
    await writeFile(cache, JSON.stringify({ ...kept, profiles: [...kept.profiles, ['علامة', 'uf=9']] }));
    await backend.close();
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    const opened = await backend.openDocument('b');
    const at = cp(B, 'الخارجية');
    const rejected = { rule: 'entity:ORG', start: at, end: at + 8, text: 'الخارجية' };
    await backend.saveSidecar('b', { ...opened.sidecar, rejected: [rejected] }, opened.revision);
    await backend.entitySuggestions.settled();
    const again = JSON.parse(await readFile(join(root, '.tahrir', 'entity-tagger.json'), 'utf8'));
    expect(again.model.profiles['علامة']).toBe('uf=9');
    expect(again.model.profiles['يونيسيف']).toBe(profiles.get('يونيسيف'));
  });

  test("close() waits for the tagger's cache writes: nothing lands in .tahrir/ after it (the folder can be removed)", async () => {
    // The tagger's model was written after close() had resolved: a test removing the workspace then met ENOTEMPTY.
    // The close is made when the training's answer has come and its files are being written (the state leaves
    // 'training' before they are written; nothing else is awaited between the two).
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'done', [['بايدن', 'PERSON']]),
      'b.txt': B,
    });
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    const opened = backend;
    const training = opened.entitySuggestions.settled(); // reads the workspace, then trains at once
    let seenTraining = false;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const state = opened.entitySuggestions.status().state;
      if (state === 'training') seenTraining = true;
      else if (seenTraining || state === 'ready') break;
      await new Promise((r) => setImmediate(r));
    }
    expect(seenTraining).toBe(true);
    await opened.close();
    backend = null;
    const listing = async () => (await readdir(join(root, '.tahrir')).catch(() => [])).sort();
    const atClose = await listing();
    await training; // the training under way, its writes included, has ended
    expect(await listing()).toEqual(atClose);
    await rm(root, { recursive: true });
    await opened.entitySuggestions.settled();
    expect(existsSync(root)).toBe(false);
  });

  test('without the worker the workspace matcher and the quote finder still suggest, and the status says why', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'done', [['بايدن', 'PERSON']]),
      'b.txt': B,
    });
    backend = await Backend.open(root, { tagger: { workerFile: null } });
    const got = await backend.suggestAnnotations('b');
    expect(got.entities.length).toBeGreaterThan(0);
    expect(got.tagger.state).toBe('unavailable');
    expect(got.tagger.problem).toMatch(/npm run build/);
    await expect(backend.suggestAnnotations('../outside')).rejects.toMatchObject({ code: 'outside-workspace' });
  });

  test('asked again with nothing changed, the answer is the one worked out before; a save is followed at once', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'done', [['بايدن', 'PERSON']]),
      'b.txt': B,
      'c.txt': A,
    });
    backend = await Backend.open(root, { tagger: { workerFile: null } });
    const first = await backend.suggestAnnotations('b');
    const again = await backend.suggestAnnotations('b');
    // The same lists, not worked out again: the editor asks every 1.5 s while the tagger trains.
    expect(again.entities).toBe(first.entities);
    expect(again.quotes).toBe(first.quotes);
    expect(first.entities.some((e) => e.label === 'GPE')).toBe(false);

    // القاهرة tagged in c: suggested in b from then on.
    const opened = await backend.openDocument('c');
    const cairo = cp(A, 'القاهرة');
    const entities = [{ id: 't1', start: cairo, end: cairo + 7, label: 'GPE', text: 'القاهرة' }];
    await backend.saveSidecar('c', { ...opened.sidecar, entities }, opened.revision);
    const after = await backend.suggestAnnotations('b');
    expect(after.entities).not.toBe(first.entities);
    expect(after.entities.some((e) => e.label === 'GPE' && e.source === 'workspace')).toBe(true);
  });

  test('asked for the changes since its version, the editor gets the few that came and went, not the whole answer', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': A,
      'a.annotations.json': sidecarOf(A, 'done', [['بايدن', 'PERSON']]),
      'b.txt': B,
      'c.txt': A,
    });
    backend = await Backend.open(root, { tagger: { workerFile: null } });
    const whole = await backend.suggestAnnotations('b');
    const first = await backend.annotationSuggestionChanges('b', null);
    expect(first.all).toEqual({ entities: whole.entities, quotes: whole.quotes });
    expect(first.changes).toBeUndefined();
    // Nothing changed: no suggestion sent again, the same version.
    const same = await backend.annotationSuggestionChanges('b', first.version);
    expect(same).toMatchObject({ version: first.version, changes: { added: [], removed: [] } });
    expect(same.all).toBeUndefined();

    // القاهرة tagged in c: one suggestion more in b, and only it is sent.
    const opened = await backend.openDocument('c');
    const cairo = cp(A, 'القاهرة');
    const entities = [{ id: 't1', start: cairo, end: cairo + 7, label: 'GPE', text: 'القاهرة' }];
    await backend.saveSidecar('c', { ...opened.sidecar, entities }, opened.revision);
    const after = await backend.annotationSuggestionChanges('b', first.version);
    expect(after.version).not.toBe(first.version);
    expect(after.all).toBeUndefined();
    expect(after.changes!.removed).toEqual([]);
    expect(after.changes!.added.length).toBeGreaterThan(0);
    expect(after.changes!.added.every((s) => 'label' in s && s.label === 'GPE' && s.source === 'workspace')).toBe(true);
    const now = await backend.suggestAnnotations('b');
    expect(sorted([...whole.entities, ...after.changes!.added])).toEqual(sorted(now.entities));

    // A version not the last one (an editor that missed an answer, or another back end's): the whole answer.
    for (const since of [first.version, 'another-1']) {
      const again = await backend.annotationSuggestionChanges('b', since);
      expect(again.version).toBe(after.version);
      expect(again.all).toEqual({ entities: now.entities, quotes: now.quotes });
    }
  });

  test('suggestions are worked out in the worker: the back end answers other calls meanwhile', async () => {
    const root = await tempFolder();
    const doc = await writeLongArticleWorkspace(root, { targetBytes: 200_000, entities: 2_000, quotes: 50, edits: 0 });
    const text = (await readFile(join(root, doc.file), 'utf8')).replace(/^\uFEFF/, '');
    backend = await Backend.open(root, { tagger: { workerFile, trainAfterMs: 5 } });
    const service = backend.entitySuggestions;
    await service.suggest(doc.id, 'a first call reads the workspace');
    const order: string[] = [];
    const suggested = service.suggest(doc.id, text).then((found) => {
      order.push('suggestions');
      return found;
    });
    // The back end's next turn: worked out on its own thread, the suggestions came first, holding up every call.
    await new Promise((resolve) => setImmediate(resolve));
    order.push('next turn');
    const found = await suggested;
    expect(order).toEqual(['next turn', 'suggestions']);
    expect(found.entities.length).toBeGreaterThan(0);
    expect(found.quotes.length).toBeGreaterThan(0);
  });
});
