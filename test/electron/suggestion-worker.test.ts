// The worker thread that works out suggestions (electron/entity-tagger-service.ts's SuggestionWorker), real: bundled
// as the app bundles it. It is kept from one job to the next with the tagger it loaded, and gets the model once per
// version; a worker that stops fails its jobs and the next job starts another, sent the model again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SuggestionWorker, type TaggerForWorker } from '../../electron/entity-tagger-service';
import { trainEntityTagger } from '../../shared/ner/entity-tagger';
import type { TaggedSentence } from '../../shared/ner/tagger';
import { buildTaggerWorker } from './tagger-worker-bundle';

let dir: string;
let workerFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-suggestion-worker-'));
  workerFile = await buildTaggerWorker(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sentences: TaggedSentence[] = [
  { tokens: ['قال', 'الرئيس', 'سمير', 'حداد', 'إن'], tags: ['O', 'O', 'B-PERSON', 'I-PERSON', 'O'] },
  { tokens: ['وأضاف', 'الوزير', 'كريم', 'نصار', 'أن'], tags: ['O', 'O', 'B-PERSON', 'I-PERSON', 'O'] },
  { tokens: ['وصل', 'الرئيس', 'رامي', 'خوري', 'أمس'], tags: ['O', 'O', 'B-PERSON', 'I-PERSON', 'O'] },
];

function taggerOf(version: number): TaggerForWorker {
  const trained = trainEntityTagger(sentences, { seed: 1 });
  return { version, model: trained.model, names: [...trained.gazetteer.names] };
}

const job = (text: string) => ({ text, names: [], own: [] });

describe('the suggestion worker', () => {
  it('is one thread for many jobs, sent each model once, and starts again after it stopped', async () => {
    const worker = new SuggestionWorker(workerFile);
    const v1 = taggerOf(1);
    const text = 'قال الرئيس سمير حداد إن المحادثات مفيدة.';
    const first = await worker.suggest(job(text), v1);
    if (!first.ok) throw new Error(first.message);
    expect(first.entities.filter((e) => e.source === 'tagger').map((e) => [e.start, e.end])).toContainEqual([11, 20]);
    const again = await Promise.all([worker.suggest(job(text), v1), worker.suggest(job(`${text}\n${text}`), v1)]);
    expect(again.every((a) => a.ok)).toBe(true);
    expect(again[0]).toEqual(first); // the tagger it kept is the one it was sent
    expect([worker.started, worker.modelsSent]).toEqual([1, 1]);
    // A new model (a training): sent with the next job, to the same thread.
    expect((await worker.suggest(job(text), taggerOf(2))).ok).toBe(true);
    expect([worker.started, worker.modelsSent]).toEqual([1, 2]);
    // No tagger: the workspace's names and quotes only.
    expect((await worker.suggest(job(text), null)).ok).toBe(true);
    // Stopped with a job under way: that job fails; the next starts a thread and sends it the model.
    const cut = worker.suggest(job(`${text}\n`.repeat(3000)), taggerOf(2));
    worker.stop();
    expect((await cut).ok).toBe(false);
    const after = await worker.suggest(job(text), taggerOf(2));
    expect(after).toEqual(first);
    expect([worker.started, worker.modelsSent]).toEqual([2, 3]);
    worker.stop();
  }, 60_000);
});
