// Server-Sent Events read from a fetch() response body: `tahrir serve`'s event stream needs the
// token header, which EventSource cannot send (and the token must travel neither in a URL nor in
// a cookie). Only what the server sends is read: `data:` lines, comments, and the blank line that
// ends an event.

/** Splits the text of a stream, as it arrives, into the data of each complete event. */
export class EventStreamParser {
  private partial = '';
  private data: string[] = [];

  /** The data of the events this chunk completed (an event's `data:` lines joined by newlines). */
  push(chunk: string): string[] {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() as string;
    const events: string[] = [];
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') {
        if (this.data.length > 0) events.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      } // ": comment", "retry:", "event:", "id:" carry nothing for us
    }
    return events;
  }
}

/** Calls `onData` with each event's data until the stream ends (or fails, or `signal` aborts it). */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done || signal?.aborted) return;
      for (const data of parser.push(decoder.decode(value, { stream: true }))) onData(data);
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
