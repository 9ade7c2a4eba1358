// early.js's first request for a long document against a real `tahrir serve`: the first part (the first screen's
// entities) is given as soon as it is in, and the document only whole, with all its entities, once the rest is: the
// rest of the body is held back here to show the app has nothing partial to edit or save meanwhile.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import { askEarly } from '../../renderer/early-ask';
import { createHttpApi } from '../../renderer/api-http';
import type { OpenedDocument } from '../../shared/api';
import { firstScreenCut } from '../../shared/first-screen';
import type { Sidecar } from '../../shared/model';
import { FIRST_PART_HEADER } from '../../shared/start-answer-wire';
import { writeLongArticleWorkspace, type WrittenDocument } from '../bench/generate-corpus';

let base: string;
let server: RunningServer;
let doc: WrittenDocument;
let onDisk: Sidecar;
let text: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-start-in-parts-'));
  doc = await writeLongArticleWorkspace(join(base, 'ws'), { targetBytes: 300_000, entities: 5_000, quotes: 50 });
  onDisk = JSON.parse(await readFile(join(base, 'ws', `${doc.id}.annotations.json`), 'utf8')) as Sidecar;
  text = await readFile(join(base, 'ws', doc.file), 'utf8');
  server = await startServer({ root: join(base, 'ws'), port: 0, rendererDir: base, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

/** fetch, with startEditor's body given up to the end of its first part and the rest only once released. */
function holdingTheRest(): { fetch: typeof fetch; release: () => void; held: Promise<void> } {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = () => undefined as void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const doFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const firstBytes = Number(response.headers.get(FIRST_PART_HEADER));
    if (!String(input).endsWith('/startEditor') || !firstBytes) return response;
    const all = new Uint8Array(await response.arrayBuffer());
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(all.slice(0, firstBytes));
        holding();
        await released;
        controller.enqueue(all.slice(firstBytes));
        controller.close();
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: doFetch, release, held };
}

describe('a long document’s first answer, part by part', () => {
  it('gives the first screen’s entities at once, and the document only whole', async () => {
    const hold = holdingTheRest();
    const api = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token, fetch: hold.fetch });
    const early = askEarly(api, {});
    const first = (await early.start).first as { opened: OpenedDocument };
    await hold.held;
    const cut = firstScreenCut(first.opened.text).codePoints;
    expect(first.opened.sidecar.entities).toEqual(onDisk.entities.filter((e) => e.start < cut));
    expect(first.opened.sidecar.entities.length).toBeLessThan(doc.entities / 4);
    expect(first.opened.sidecar.quotes).toEqual(onDisk.quotes.filter((q) => q.start < cut));
    // The rest held back: the workspace is here, the document is not, nor anything the app could open and edit.
    await early.workspace;
    let whole: OpenedDocument | null = null;
    void early.documents.get(doc.id)!.then((d) => (whole = d));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(whole).toBeNull();
    hold.release();
    const opened = await early.documents.get(doc.id)!;
    expect(opened.sidecar.entities).toEqual(onDisk.entities);
    expect(opened.sidecar.quotes).toEqual(onDisk.quotes);
    expect((await early.whole).first).toEqual({ id: doc.id, opened });
  });

  it('decodes the first part as it comes: once its last chunk is in, only that chunk is left to decode', async () => {
    // The body in 16 KB chunks, as the network gives it; each decode's length recorded.
    const CHUNK = 16 * 1024;
    const chunked: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const all = new Uint8Array(await response.arrayBuffer());
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < all.length; at += CHUNK) controller.enqueue(all.slice(at, at + CHUNK));
          controller.close();
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const decoded: number[] = [];
    class CountingDecoder extends TextDecoder {
      override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
        decoded.push(input ? input.byteLength : 0);
        return super.decode(input, options);
      }
    }
    vi.stubGlobal('TextDecoder', CountingDecoder);
    try {
      const api = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token, fetch: chunked });
      const parts = api.startEditorInParts({});
      const first = (await parts.first).first as { opened: OpenedDocument };
      // Only the first screen's text comes first; the rest after it, with the other entities.
      expect(first.opened.text).toBe(text.slice(0, firstScreenCut(text).units));
      const whole = (await parts.whole).first as { opened: OpenedDocument };
      // No decode of more than a chunk: neither part was decoded whole after its last byte.
      expect(Math.max(...decoded)).toBeLessThanOrEqual(CHUNK);
      expect(decoded.reduce((a, b) => a + b, 0)).toBeGreaterThan(CHUNK * 4);
      expect(whole.opened.sidecar.entities).toEqual(onDisk.entities);
      expect(whole.opened.text).toBe(text);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads the answer whole through startEditor, as any client of the API', async () => {
    const api = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token });
    const start = await api.startEditor({});
    expect((start.first as { opened: OpenedDocument }).opened.sidecar.entities).toEqual(onDisk.entities);
    expect((start.first as { opened: OpenedDocument }).opened.sidecar.quotes).toEqual(onDisk.quotes);
  });
});
