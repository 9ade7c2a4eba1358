// `tahrir serve`'s first answer (startEditor) for a long document, in two parts (shared/start-answer-wire.ts): the
// first part carries only the first screen's text and the entities that start on it (and the lengths of the lines
// after it), a few hundredths of the body; the whole body still reads as the whole document.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import type { EditorStart, OpenedDocument } from '../../shared/api';
import { firstScreenCut } from '../../shared/first-screen';
import type { Entity, Quote, Sidecar } from '../../shared/model';
import { serializeSidecar } from '../../shared/sidecar';
import { FIRST_PART_HEADER, firstPartJson, joinStart } from '../../shared/start-answer-wire';
import type { FirstScreenDocument, StartInParts } from '../../shared/start-answer-wire';
import { TOKEN_HEADER } from '../../shared/http-protocol';
import { writeLongArticleWorkspace, type WrittenDocument } from '../bench/generate-corpus';

let base: string;
let server: RunningServer;
let doc: WrittenDocument;
let onDisk: Sidecar;
let text: string;
// Kept before any spy replaces them.
const realWrite = ServerResponse.prototype.write;
const realStringify = JSON.stringify;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-start-parts-'));
  doc = await writeLongArticleWorkspace(join(base, 'ws'), {
    targetBytes: 400_000,
    entities: 10_000,
    quotes: 100,
    edits: 5,
  });
  // One entity across the first screen's end (the generator's stay within a line): it comes with the first part.
  const sidecarFile = join(base, 'ws', `${doc.id}.annotations.json`);
  const generated = JSON.parse(await readFile(sidecarFile, 'utf8')) as Sidecar;
  const source = [...(await readFile(join(base, 'ws', doc.file), 'utf8'))];
  const cut = firstScreenCut(source.join('')).codePoints;
  const across = {
    id: 'across',
    start: cut - 4,
    end: cut + 12,
    label: 'ORG',
    text: source.slice(cut - 4, cut + 12).join(''),
  };
  await writeFile(sidecarFile, serializeSidecar({ ...generated, entities: [...generated.entities, across] }));
  onDisk = JSON.parse(await readFile(sidecarFile, 'utf8')) as Sidecar;
  text = source.join('');
  server = await startServer({ root: join(base, 'ws'), port: 0, rendererDir: base, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

async function startEditor(): Promise<{ body: Buffer; firstBytes: number; serverTiming: string | null }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/startEditor`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
    body: JSON.stringify({ args: [{}] }),
  });
  expect(response.status).toBe(200);
  return {
    body: Buffer.from(await response.arrayBuffer()),
    firstBytes: Number(response.headers.get(FIRST_PART_HEADER)),
    serverTiming: response.headers.get('server-timing'),
  };
}

const openedOf = (start: EditorStart) => (start.first as { opened: OpenedDocument }).opened;

describe('startEditor for a long document', () => {
  it('sends the first screen’s text and entities first: every one starting there, and no other', async () => {
    const { body, firstBytes } = await startEditor();
    // 400 KB of text and 10,000 entities (2 MB in all): the first part is the first screen's ~12,000 characters, a few
    // hundred entities, the other lines' lengths and the side panel's first rows (those a 2,160 px panel can show, with
    // the words around each: the early paint draws those in its window with the first screen).
    expect(firstBytes).toBeGreaterThan(0);
    expect(firstBytes / body.length).toBeLessThan(0.1);
    const first = JSON.parse(firstPartJson(body.subarray(0, firstBytes).toString('utf8'))) as { result: EditorStart };
    const opened = openedOf(first.result) as FirstScreenDocument;
    const { units, codePoints: cut } = firstScreenCut(text);
    expect(opened.text).toBe(text.slice(0, units));
    // The early paint keeps the other lines' room (the scroll bar's length) from their lengths.
    const after = text
      .slice(units + 1)
      .replace(/\n$/, '')
      .split('\n'); // (no line after a last line break)
    expect(opened.restLineLengths).toEqual(after.map((line) => line.length));
    expect(after.length).toBeGreaterThan(50);
    const starting = (e: Entity) => e.start < cut;
    expect(opened.sidecar.entities).toEqual(onDisk.entities.filter(starting));
    // Nested and crossing ones that run past the first screen are there too (its highlights complete).
    expect(opened.sidecar.entities.filter((e) => e.end > cut).map((e) => e.id)).toEqual(['across']);
    expect(opened.sidecar.entities.length).toBeGreaterThan(100);
    expect(opened.sidecar.edits).toEqual(onDisk.edits);
  });

  it('sends only the quotes starting on the first screen first, the others after', async () => {
    const { body, firstBytes } = await startEditor();
    const first = JSON.parse(firstPartJson(body.subarray(0, firstBytes).toString('utf8'))) as { result: EditorStart };
    const { codePoints: cut } = firstScreenCut(text);
    const starting = (q: Quote) => q.start < cut;
    // All quotes in the first part were 57-60 % of the page's inlined start on the bench's long article (500 quotes,
    // 131-148 KB), where its first screen shows 11.
    expect(openedOf(first.result).sidecar.quotes).toEqual(onDisk.quotes.filter(starting));
    expect(onDisk.quotes.filter(starting).length).toBeGreaterThan(0);
    const whole = JSON.parse(body.toString('utf8')) as StartInParts;
    expect(whole.quotes).toEqual(onDisk.quotes.filter((q) => !starting(q)));
    expect(whole.quotes!.length).toBeGreaterThan(50);
    expect(openedOf(joinStart(whole.result, whole)).sidecar.quotes).toEqual(onDisk.quotes);
  });

  it('sends the rest of the text and the other entities after, in file order: the body whole is the document whole', async () => {
    const { body } = await startEditor();
    const whole = JSON.parse(body.toString('utf8')) as StartInParts;
    expect([...openedOf(whole.result).sidecar.entities, ...whole.entities!]).toEqual(onDisk.entities);
    expect(whole.entities!.length).toBe(doc.entities + 1 - openedOf(whole.result).sidecar.entities.length);
    expect(openedOf(whole.result).text + whole.text).toBe(text);
    const joined = openedOf(joinStart(whole.result, whole));
    expect(joined.text).toBe(text);
    expect(joined.sidecar.entities).toEqual(onDisk.entities);
    expect(joined.sidecar.quotes).toEqual(onDisk.quotes);
    expect(joined).not.toHaveProperty('restLineLengths');
  });

  it('writes the first part before it encodes the other entities (a first open: 4.5 MB of JSON at 50,000)', async () => {
    // A server of its own: the shared one has the answer encoded already.
    const fresh = await startServer({ root: join(base, 'ws'), port: 0, rendererDir: base, log: () => undefined });
    const order: string[] = [];
    const write = vi.spyOn(ServerResponse.prototype, 'write');
    write.mockImplementation(function (this: ServerResponse, ...args: Parameters<ServerResponse['write']>) {
      order.push('write');
      return (realWrite as (...a: unknown[]) => boolean).apply(this, args);
    });
    const stringify = vi.spyOn(JSON, 'stringify');
    stringify.mockImplementation((...args: Parameters<typeof JSON.stringify>) => {
      if (Array.isArray(args[0]) && args[0].length > 1000) order.push('encode the other entities');
      return realStringify(...args);
    });
    try {
      const response = await fetch(`http://127.0.0.1:${fresh.port}/api/startEditor`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: fresh.token },
        body: JSON.stringify({ args: [{}] }),
      });
      const whole = JSON.parse(Buffer.from(await response.arrayBuffer()).toString('utf8')) as { entities: Entity[] };
      expect(whole.entities.length).toBeGreaterThan(1000);
    } finally {
      write.mockRestore();
      stringify.mockRestore();
      await fresh.close();
    }
    expect(order.indexOf('write')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('write')).toBeLessThan(order.indexOf('encode the other entities'));
  });

  it("says the server's own time in a Server-Timing header: the back end's and the encoding's", async () => {
    // The page's Resource Timing reads it (the bench's open rows): the server's share of an open, apart from the
    // network's and the page's.
    const { serverTiming } = await startEditor();
    expect(serverTiming).toMatch(/^backend;dur=\d+(\.\d)?, encode;dur=\d+(\.\d)?$/);
  });
});
