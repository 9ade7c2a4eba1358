// The review of entity and quote suggestions in the session's store, on a real workspace and
// Backend: loaded for the open document, stepped through, accepted (with another label), rejected
// (kept in `rejected`), all of a label at once, each one undo step; a source turned off.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acceptAllLikeCurrent,
  decideCurrentAnnotation,
  followAnnotationSuggestions,
  loadAnnotationSuggestions,
  openAnnotationSuggestions,
  openOf,
  setSuggestionSource,
  stepAnnotationSuggestion,
} from '../../renderer/session/annotation-suggestions';
import { saveNow, startAutosave } from '../../renderer/session/autosave';
import { loadWorkspace, openDocument } from '../../renderer/session/document-actions';
import { changeDocument, undo } from '../../renderer/session/history';
import { startSession } from '../../renderer/session/session';
import { store } from '../../renderer/session/store';
import { Backend } from '../../electron/backend';
import {
  countSuggestions,
  openSuggestions,
  sortSuggestions,
  suggestionId,
  suggestionsAfterChanges,
} from '../../shared/annotation-review';
import { codePointLength } from '../../shared/code-points';
import { withSpans } from '../../shared/document-data';
import type { EntitySuggestion } from '../../shared/suggestions';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import { buildTaggerWorker } from '../electron/tagger-worker-bundle';
import { tempFolder, writeFiles } from '../electron/temp-folder';
import { apiOf, ARABIC, cp } from './store-workspace';

const TAGGED = 'التقى جو بايدن في عمّان وزير الخارجية.\n';

let backend: Backend | null = null;
let workerDir: string;
let workerFile: string;
beforeAll(async () => {
  workerDir = await mkdtemp(join(tmpdir(), 'tahrir-review-worker-'));
  workerFile = await buildTaggerWorker(workerDir);
});
afterAll(() => rm(workerDir, { recursive: true, force: true }));
afterEach(async () => {
  await backend?.close();
  backend = null;
});

async function open(tagger: { workerFile: string | null; trainAfterMs?: number } = { workerFile: null }) {
  const root = await tempFolder('tahrir-review-');
  const sidecar = emptySidecar('tagged.txt', '0'.repeat(64), codePointLength(TAGGED));
  sidecar.document.status = 'done';
  const at = (needle: string) => cp(TAGGED, needle);
  sidecar.entities = [
    { id: 't1', start: at('بايدن'), end: at('بايدن') + 5, label: 'PERSON', text: 'بايدن' },
    { id: 't2', start: at('عمّان'), end: at('عمّان') + 5, label: 'GPE', text: 'عمّان' },
  ];
  await writeFiles(root, {
    'ar.txt': ARABIC,
    'tagged.txt': TAGGED,
    'tagged.annotations.json': serializeSidecar(sidecar),
  });
  backend = await Backend.open(root, { tagger });
  startSession(apiOf(backend));
  await loadWorkspace();
  await openDocument('ar');
  await loadAnnotationSuggestions();
}

const entityTexts = () =>
  Object.values(store().getState().data!.entities).map((e) => [e.text, e.label, e.start] as const);

describe('entity and quote suggestions in the store', () => {
  it('steps through them, accepts one with another label, rejects one, each one undo step', async () => {
    await open();
    const open0 = openAnnotationSuggestions();
    // بايدن three times (once after و), عمّان once: the workspace's names; and the quote.
    expect(open0.filter((s) => s.source === 'workspace')).toHaveLength(4);
    expect(open0.some((s) => s.source === 'quote-finder')).toBe(true);
    expect(stepAnnotationSuggestion(1)).toBe(open0[0]);

    expect(decideCurrentAnnotation('accept', 'ORG')).toBeTruthy();
    expect(entityTexts()).toEqual([['بايدن', 'ORG', cp(ARABIC, 'بايدن')]]);
    expect(store().getState().data!.document.status).toBe('in_progress');
    // The cursor moved on to the next open one.
    expect(store().getState().review.cursor).not.toBeNull();
    undo();
    expect(entityTexts()).toEqual([]);

    stepAnnotationSuggestion(1);
    const current = openAnnotationSuggestions().find((s) => suggestionId(s) === store().getState().review.cursor)!;
    expect(decideCurrentAnnotation('reject')).toBeTruthy();
    expect(store().getState().data!.rejected).toEqual([
      expect.objectContaining({ rule: expect.stringMatching(/^(entity|quote):/), start: current.start }),
    ]);
    expect(openAnnotationSuggestions()).not.toContainEqual(current);
    undo();
    expect(store().getState().data!.rejected ?? []).toEqual([]);
    expect(openAnnotationSuggestions()).toContainEqual(current);
  });

  it('accepts all of a label at once (one undo step); a source turned off is not offered', async () => {
    await open();
    const first = stepAnnotationSuggestion(1)!;
    expect(first).toMatchObject({ label: 'PERSON' });
    expect(acceptAllLikeCurrent('label')).toBe(3);
    expect(entityTexts().map(([text, label]) => [text, label])).toEqual([
      ['بايدن', 'PERSON'],
      ['بايدن', 'PERSON'],
      ['بايدن', 'PERSON'],
    ]);
    undo();
    expect(entityTexts()).toEqual([]);
    setSuggestionSource('workspace', false);
    expect(openAnnotationSuggestions().every((s) => s.source === 'quote-finder')).toBe(true);
    setSuggestionSource('workspace', true);
    expect(openAnnotationSuggestions().some((s) => s.source === 'workspace')).toBe(true);
  });

  it('after a keypress, only the suggestions where it changed something are looked at, not all 100,000', async () => {
    await open();
    // The long document's case: a suggestion on nearly every word. Their offsets count how often they are read.
    let reads = 0;
    const many: EntitySuggestion[] = Array.from({ length: 100_000 }, (_, i) =>
      Object.defineProperties({ label: 'MISC', score: 0.5, source: 'tagger' } as EntitySuggestion, {
        start: { get: () => (reads++, 1_000 + i * 10), enumerable: true },
        end: { get: () => (reads++, 1_000 + i * 10 + 4), enumerable: true },
      }),
    );
    store().setState((s) => ({ review: { ...s.review, suggestions: many } }));
    expect(openAnnotationSuggestions()).toHaveLength(100_000);
    const tag = (id: string, start: number) =>
      changeDocument((data) => ({
        ...data,
        entities: withSpans(data.entities, { [id]: { id, start, end: start + 4, label: 'PERSON', text: 'x' } }),
      }));
    tag('n1', 1_000 + 5_000 * 10);
    expect(openAnnotationSuggestions()).toHaveLength(99_999); // the list by position is made on the first edit
    reads = 0;
    tag('n2', 1_000 + 7_000 * 10);
    expect(openAnnotationSuggestions()).toHaveLength(99_998);
    undo();
    expect(openAnnotationSuggestions()).toHaveLength(99_999);
    // Binary searches and the few suggestions at the word; going through them all read 400,000 offsets a time.
    expect(reads).toBeLessThan(1_000);
  });

  it('a keypress or a change from the back end copies a chunk or two of the open list and counts only what changed', async () => {
    await open();
    const many: EntitySuggestion[] = Array.from({ length: 100_000 }, (_, i) => ({
      start: 1_000 + i * 10,
      end: 1_000 + i * 10 + 4,
      label: 'MISC',
      score: 0.5,
      source: 'tagger',
    }));
    const review = () => store().getState().review;
    store().setState((s) => ({ review: { ...s.review, suggestions: sortSuggestions(many), version: null } }));
    const first = openOf(review(), store().getState().data);
    expect(countSuggestions(first).total).toBe(100_000);
    changeDocument((data) => ({
      ...data,
      entities: withSpans(data.entities, { n1: { id: 'n1', start: 51_000, end: 51_004, label: 'PERSON', text: 'x' } }),
    }));
    const tagged = openOf(review(), store().getState().data);
    expect(tagged.length).toBe(99_999);
    expect(tagged.chunksNotIn(first)).toBeLessThanOrEqual(2);
    expect(countSuggestions(tagged)).toEqual({
      total: 99_999,
      byLabel: { MISC: 99_999 },
      bySource: { tagger: 99_999 },
    });
    // The back end's change: one gone, one come (the list and the open list follow it, not worked out afresh).
    const added: EntitySuggestion = { start: 500, end: 504, label: 'GPE', score: 1, source: 'workspace' };
    const suggestions = suggestionsAfterChanges(review().suggestions, [many[90_000]], [added]);
    store().setState((s) => ({ review: { ...s.review, suggestions } }));
    const changed = openOf(review(), store().getState().data);
    expect(changed.length).toBe(99_999);
    expect(changed.chunksNotIn(tagged)).toBeLessThanOrEqual(2);
    expect(changed.at(0)).toEqual(added);
    expect(countSuggestions(changed).byLabel).toEqual({ MISC: 99_998, GPE: 1 });
    expect(changed.toArray()).toEqual(openSuggestions(suggestions, store().getState().data));
  });

  it('asked again with nothing new (after a save, as the tagger trains), the store is left as it was', async () => {
    await open();
    const had = store().getState().review;
    expect(had.version).not.toBeNull();
    // Each store change renders React and writes the bar's state: a DOM write repaints all the highlighted text.
    let changes = 0;
    const stop = store().subscribe(() => changes++);
    await loadAnnotationSuggestions();
    await loadAnnotationSuggestions();
    stop();
    expect(changes).toBe(0);
    expect(store().getState().review).toBe(had);
  });

  it('while the tagger trains, the editor asks again until it is done, though the answers in between are the same', async () => {
    // After a save the tagger waits 8 s for saves to pause ('training' all along): the polls 1.5 s apart meet the
    // same status before the one that says it is done.
    await open({ workerFile, trainAfterMs: 8000 });
    // The first training (the workspace has no model yet) over, and known to the editor.
    await backend!.entitySuggestions.settled();
    await loadAnnotationSuggestions();
    expect(store().getState().review.tagger?.state).not.toBe('training');
    const stop = followAnnotationSuggestions();
    const stopSaving = startAutosave({ debounceMs: 60_000 });
    try {
      const seen: string[] = [];
      const watch = store().subscribe((s) => {
        const state = s.review.tagger?.state ?? 'none';
        if (seen.at(-1) !== state) seen.push(state);
      });
      // Two saves: the first makes the document's sidecar, the second is a change of it (asked again 1.5 s later).
      for (const [id, word] of [
        ['n1', 'الرئيس'],
        ['n2', 'عمّان'],
      ]) {
        const start = cp(ARABIC, word);
        changeDocument((data) => ({
          ...data,
          entities: withSpans(data.entities, {
            [id]: { id, start, end: start + [...word].length, label: 'GPE', text: word },
          }),
        }));
        expect(await saveNow()).toBe(true);
      }
      const started = Date.now();
      while (!(seen.includes('training') && seen.at(-1) !== 'training') && Date.now() - started < 30_000)
        await new Promise((resolve) => setTimeout(resolve, 100));
      watch();
      expect(seen).toContain('training');
      expect(seen.at(-1)).not.toBe('training');
    } finally {
      stopSaving();
      stop();
    }
  }, 45_000);
});
