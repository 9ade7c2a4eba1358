// The sidecar worker: builds a document's sidecar JSON text from the changes the page sends,
// and under `tahrir serve` sends it to the server itself, so neither stringifying 10,000
// spans nor handing a megabyte body to fetch() happens on the thread that paints keypresses.
import { SPAN_LISTS, SidecarText } from '../shared/sidecar-text';
import { TahrirError } from '../shared/errors';
import { postApiCall } from './api-http';
import type { HttpTarget } from './api-http';
import type { FromSidecarWorker, ToSidecarWorker } from './sidecar-messages';
import { EncodedParts } from './encoded-parts';

const documents = new Map<string, SidecarText>();
/** Each document's sidecar text encoded, chunk by chunk (see EncodedParts). */
const bodies = new Map<string, EncodedParts>();
let server: HttpTarget | null = null;

/**
 * The document's spans with the job's changes applied; throws when they are not known here (the page starts it over).
 */
function spansFor(message: Extract<ToSidecarWorker, { type: 'job' }>): SidecarText {
  let spans = documents.get(message.doc);
  if (message.reset) {
    spans = new SidecarText();
    spans.reset(message.reset);
    documents.set(message.doc, spans);
  } else if (!spans) {
    throw new Error(`no spans known for ${message.doc}`);
  } else {
    for (const list of SPAN_LISTS) {
      const changes = message.changes?.[list];
      if (changes) spans.apply(list, changes);
    }
  }
  return spans;
}

/** The document's encoded parts, started over with its spans. */
function encodedFor(message: Extract<ToSidecarWorker, { type: 'job' }>): EncodedParts {
  let encoded = bodies.get(message.doc);
  if (!encoded || message.reset) bodies.set(message.doc, (encoded = new EncodedParts()));
  return encoded;
}

function reply(message: FromSidecarWorker): void {
  (self as unknown as Worker).postMessage(message);
}

self.onmessage = (event: MessageEvent<ToSidecarWorker>) => {
  const message = event.data;
  if (message.type === 'server') {
    server = message.target;
    return;
  }
  if (message.type === 'forget') {
    documents.delete(message.doc);
    bodies.delete(message.doc);
    return;
  }
  const { deliver } = message;
  // Sent from here under `tahrir serve`; otherwise the text goes back to the page.
  const sending = deliver.method === 'saveSidecar' || deliver.method === 'writeRecovery' ? deliver : null;
  const target = server;
  let text = '';
  let sidecar: Blob | null = null;
  try {
    const spans = spansFor(message);
    if (deliver.method === 'keep') {
      reply({ job: message.job, done: true });
      return;
    }
    if (sending && target) sidecar = encodedFor(message).blob(spans.parts(message.header));
    else text = spans.text(message.header);
  } catch (e) {
    documents.delete(message.doc);
    bodies.delete(message.doc);
    reply({ job: message.job, done: false, lost: (e as Error).message });
    return;
  }
  if (!sending || !target || !sidecar) {
    reply({ job: message.job, done: true, text });
    return;
  }
  // The body {"args": [id, sidecar, revision]} with the sidecar's text as it is: the server reads the same request as
  // ever.
  const args =
    sending.method === 'saveSidecar'
      ? [JSON.stringify(sending.id), sidecar, JSON.stringify(sending.revision)]
      : [JSON.stringify(sending.id), sidecar];
  // A Blob: fetch() takes a megabyte string body at several times the cost (measured ~3×). Of parts, the sidecar as its
  // chunks' kept Blobs: nothing of a long document's 4 MB is copied or encoded again on this thread.
  const parts = args.flatMap((arg, i) => (i === 0 ? [arg] : [',', arg]));
  const body = new Blob(['{"args":[', ...parts, ']}'], { type: 'application/json' });
  postApiCall(target, sending.method, body).then(
    (result) => reply({ job: message.job, done: true, result }),
    (e: unknown) =>
      reply({
        job: message.job,
        done: false,
        error:
          e instanceof TahrirError ? e.toData() : { code: 'io', message: e instanceof Error ? e.message : String(e) },
      }),
  );
};
