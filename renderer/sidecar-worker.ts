// The sidecar worker: builds a document's sidecar JSON text from the changes the page sends,
// and under `tahrir serve` sends it to the server itself, so neither stringifying 10,000
// spans nor handing a megabyte body to fetch() happens on the thread that paints keypresses.
import { SPAN_LISTS, SidecarText } from '../shared/sidecar-text';
import { TahrirError } from '../shared/errors';
import { postApiCall } from './api-http';
import type { HttpTarget } from './api-http';
import type { FromSidecarWorker, ToSidecarWorker } from './sidecar-messages';

const documents = new Map<string, SidecarText>();
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
    return;
  }
  const { deliver } = message;
  let text: string;
  try {
    const spans = spansFor(message);
    if (deliver.method === 'keep') {
      reply({ job: message.job, done: true });
      return;
    }
    text = spans.text(message.header);
  } catch (e) {
    documents.delete(message.doc);
    reply({ job: message.job, done: false, lost: (e as Error).message });
    return;
  }
  if (deliver.method === 'text' || !server) {
    reply({ job: message.job, done: true, text });
    return;
  }
  // The body {"args": [id, sidecar, revision]} with the sidecar's text as it is: the server reads the same request as
  // ever.
  const args =
    deliver.method === 'saveSidecar'
      ? [JSON.stringify(deliver.id), text, JSON.stringify(deliver.revision)]
      : [JSON.stringify(deliver.id), text];
  // A Blob: fetch() takes a megabyte string body at several times the cost (measured ~3×). Of parts: the sidecar's
  // text is its chunks' cached JSON put together, copied once, here, into the body's bytes (joined into a string first,
  // 4 MB at 50,000 entities were copied once more, ~30-70 ms of this thread).
  const parts = args.flatMap((arg, i) => (i === 0 ? [arg] : [',', arg]));
  const body = new Blob(['{"args":[', ...parts, ']}'], { type: 'application/json' });
  postApiCall(server, deliver.method, body).then(
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
