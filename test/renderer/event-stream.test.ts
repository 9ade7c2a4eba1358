// Server-Sent Events as the page reads them from fetch() (EventSource cannot send the token header).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventStreamParser, readEventStream } from '../../renderer/event-stream';

const STREAM =
  'retry: 2000\n: connected\n\ndata: {"type":"a"}\n\n: ping\n\ndata: {"type":"b",\ndata: "x":1}\n\ndata:{"type":"c"}\r\n\r\n';
const EVENTS = ['{"type":"a"}', '{"type":"b",\n"x":1}', '{"type":"c"}'];

describe('EventStreamParser', () => {
  it('gives each event’s data once its blank line arrives; comments and retry carry nothing', () => {
    const parser = new EventStreamParser();
    expect(parser.push(STREAM)).toEqual(EVENTS);
    expect(parser.push('data: {"type":"d"}\n')).toEqual([]); // not ended yet
    expect(parser.push('\n')).toEqual(['{"type":"d"}']);
  });

  it('gives the same events however the stream is cut into chunks (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(STREAM.length), { maxLength: 12 }), (cuts) => {
        const at = [0, ...[...new Set(cuts)].sort((a, b) => a - b), STREAM.length];
        const parser = new EventStreamParser();
        const got = at.slice(1).flatMap((end, i) => parser.push(STREAM.slice(at[i], end)));
        expect(got).toEqual(EVENTS);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readEventStream', () => {
  it('decodes UTF-8 split across chunks and stops when aborted', async () => {
    const bytes = new TextEncoder().encode('data: {"name":"عمّان 👋"}\n\n');
    const stop = new AbortController();
    const got: string[] = [];
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Each byte its own chunk, then the stream stays open (as the server's does) until aborted.
        if (pulls < bytes.length) controller.enqueue(bytes.subarray(pulls, ++pulls));
        else if (pulls++ === bytes.length) setTimeout(() => stop.abort(), 10);
        else return new Promise(() => undefined);
      },
    });
    await readEventStream(body, (data) => got.push(data), stop.signal);
    expect(got).toEqual(['{"name":"عمّان 👋"}']);
  });
});
