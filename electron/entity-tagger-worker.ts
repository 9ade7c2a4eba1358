// The workspace tagger's training, in a worker thread (worker_threads) so it never holds up the
// back end that answers the editor: the documents (or ready sentences) in, the trained model
// and its gazetteer out, as plain data. Bundled as dist/entity-tagger-worker.cjs beside the
// programs that start it (electron/entity-tagger-service.ts).
import { parentPort } from 'node:worker_threads';
import { trainEntityTagger } from '../shared/ner/entity-tagger';
import type { TaggedSentence } from '../shared/ner/tagger';
import { trainingSentences, type WorkspaceDocument } from '../shared/ner/workspace-training';
import type { TrainJob, TrainResult } from './entity-tagger-protocol';

parentPort?.on('message', (job: TrainJob) => {
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
