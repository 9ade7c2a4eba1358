// The workspace tagger's training, and a document's suggestions, in a worker thread (worker_threads)
// so they never hold up the back end that answers the editor: the documents (or ready sentences)
// in, the trained model and its gazetteer out; or a text, the workspace's names and the model in,
// the suggestions out; all as plain data. Bundled as dist/entity-tagger-worker.cjs beside the
// programs that start it (electron/entity-tagger-service.ts).
import { parentPort } from 'node:worker_threads';
import { documentSuggestions, loadTagger } from '../shared/ner/document-entities';
import { trainEntityTagger } from '../shared/ner/entity-tagger';
import type { TaggedSentence } from '../shared/ner/tagger';
import { trainingSentences, type WorkspaceDocument } from '../shared/ner/workspace-training';
import type { SuggestJob, SuggestResult, TrainJob, TrainResult } from './entity-tagger-protocol';

function suggest({ suggest: job }: SuggestJob): SuggestResult {
  try {
    const tagger = job.tagger && {
      tagger: loadTagger(job.tagger.model),
      gazetteer: { names: new Map(job.tagger.names) },
    };
    return { ok: true, ...documentSuggestions(job.text, { names: job.names, existing: job.own, tagger }) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (job: TrainJob | SuggestJob) => {
  if ('suggest' in job) {
    parentPort?.postMessage(suggest(job));
    return;
  }
  const started = Date.now();
  let answer: TrainResult;
  try {
    const sentences: TaggedSentence[] = job.sentences ?? trainingSentences(job.documents as WorkspaceDocument[]);
    if (!sentences.some((s) => s.tags.some((t) => t !== 'O'))) {
      answer = { ok: true, model: null, names: [], sentences: sentences.length, ms: Date.now() - started };
    } else {
      const trained = trainEntityTagger(sentences, { epochs: job.epochs, seed: job.seed });
      answer = {
        ok: true,
        model: trained.model,
        names: [...trained.gazetteer.names],
        sentences: sentences.length,
        ms: Date.now() - started,
      };
    }
  } catch (e) {
    answer = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(answer);
});
