// The workspace tagger's training, and a document's suggestions, in a worker thread (worker_threads)
// so they never hold up the back end that answers the editor: the documents (or ready sentences)
// in, the trained model and its gazetteer out; or a text, the workspace's names and the model in,
// the suggestions out; all as plain data. The word profiles of the workspace's texts are built here too
// (the texts read here) and handed back for the back end's cache in .tahrir/. Bundled as
// dist/entity-tagger-worker.cjs beside the programs that start it (electron/entity-tagger-service.ts).
import { setPriority, constants } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { documentSuggestions, loadTagger } from '../shared/ner/document-entities';
import { trainEntityTagger } from '../shared/ner/entity-tagger';
import type { Gazetteer } from '../shared/ner/gazetteer';
import type { TaggedSentence, Tagger } from '../shared/ner/tagger';
import { buildWordProfiles, type WordProfiles } from '../shared/ner/word-profile';
import { trainingSentences, type WorkspaceDocument } from '../shared/ner/workspace-training';
import { tokenize } from '../shared/tokenizer';
import type { SuggestJob, SuggestResult, TrainJob, TrainResult } from './entity-tagger-protocol';
import { readTextFile } from './text-file';

// This thread only (Linux's nice value is per thread) yields to the back end's answers and the editor: a training or
// a long document's suggestions (seconds of CPU) ran beside the next open on two cores, and the open's answer (70 ms
// on an idle machine) took 0.8–1.2 s. The suggestions still come, a little later when the machine is busy.
try {
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  /* not permitted on this system: the work runs at the normal priority */
}

/** The tagger the last job sent, loaded (~0.7 s of CPU on NewsFANE's model): kept for the jobs after it. */
let loaded: { version: number; tagger: Tagger; gazetteer: Gazetteer } | null = null;

function suggest({ suggest: job }: SuggestJob): SuggestResult {
  try {
    if (job.tagger?.model) {
      loaded = null;
      const tagger = loadTagger(job.tagger.model);
      loaded = { version: job.tagger.version, tagger, gazetteer: { names: new Map(job.tagger.names) } };
    }
    if (job.tagger && loaded?.version !== job.tagger.version)
      return { ok: false, message: `the tagger's worker does not have version ${job.tagger.version} of the model` };
    const tagger = job.tagger ? loaded : null;
    return { ok: true, ...documentSuggestions(job.text, { names: job.names, existing: job.own, tagger }) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The word profiles of the workspace's texts (a text that cannot be read is left out: profiles are only hints). */
async function profilesOf(unlabeled: NonNullable<TrainJob['unlabeled']>): Promise<WordProfiles> {
  const texts: string[][] = [];
  for (const { file, encoding } of unlabeled.files) {
    const text = await readTextFile(join(unlabeled.root, file), encoding, { file }).catch(() => null);
    if (text) texts.push(tokenize(text.text).map((t) => t.text));
  }
  return buildWordProfiles(texts);
}

async function train(job: TrainJob): Promise<TrainResult> {
  const started = Date.now();
  try {
    const sentences: TaggedSentence[] = job.sentences ?? trainingSentences(job.documents as WorkspaceDocument[]);
    if (!sentences.some((s) => s.tags.some((t) => t !== 'O')))
      return { ok: true, model: null, names: [], sentences: sentences.length, ms: Date.now() - started };
    const built = !job.profiles && job.unlabeled ? await profilesOf(job.unlabeled) : undefined;
    const profiles = job.profiles ? new Map(job.profiles) : built;
    const trained = trainEntityTagger(sentences, { epochs: job.epochs, seed: job.seed, profiles });
    return {
      ok: true,
      model: trained.model,
      names: [...trained.gazetteer.names],
      ...(built ? { profiles: [...built] } : {}),
      sentences: sentences.length,
      ms: Date.now() - started,
    };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (job: TrainJob | SuggestJob) => {
  if ('suggest' in job) parentPort?.postMessage(suggest(job));
  else void train(job).then((answer) => parentPort?.postMessage(answer));
});
