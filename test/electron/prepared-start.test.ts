// `tahrir serve` prepares the start its printed URL's page carries as soon as it listens (serve.ts, prepareStart):
// the first document is read, its sidecar checked and its first part encoded before the browser asks. What the page
// gets must still be the files as they are when it asks: a sidecar or a text changed in between is read again.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import { EARLY_SCRIPT_TAG } from '../../electron/started-page';
import { sha256Hex } from '../../electron/text-file';
import type { EditorStart, OpenedDocument } from '../../shared/api';
import { unpackListAnswer } from '../../shared/document-list-wire';
import type { Entity } from '../../shared/model';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import { TOKEN_HEADER } from '../../shared/http-protocol';
import type { StartInParts } from '../../shared/start-answer-wire';

const PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />
${EARLY_SCRIPT_TAG}</head><body><div id="root"></div></body></html>`;
const TEXT = 'Sara met Omar in Cairo.\n';

function sidecarOf(text: string, entities: Entity[]): string {
  return serializeSidecar({ ...emptySidecar('a-first.txt', sha256Hex(Buffer.from(text)), text.length), entities });
}

let base: string | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
  server = base = undefined;
});

/** A workspace of two documents, the first annotated, served with a stand-in page (`again`: the same one). */
async function serve(again = false): Promise<{ ws: string; server: RunningServer }> {
  if (again) {
    server = await startServer({ root: join(base!, 'ws'), port: 0, rendererDir: base, log: () => undefined });
    return { ws: join(base!, 'ws'), server };
  }
  base = await mkdtemp(join(tmpdir(), 'tahrir-prepared-start-'));
  const ws = join(base, 'ws');
  await mkdir(ws);
  await writeFile(join(ws, 'a-first.txt'), TEXT);
  await writeFile(
    join(ws, 'a-first.annotations.json'),
    sidecarOf(TEXT, [{ id: 'e1', start: 0, end: 4, label: 'PERSON', text: 'Sara' }]),
  );
  await writeFile(join(ws, 'b-second.txt'), 'The second article.\n');
  await writeFile(join(base, 'index.html'), PAGE);
  await writeFile(join(base, 'early.js'), 'console.log(1)');
  server = await startServer({ root: ws, port: 0, rendererDir: base, log: () => undefined });
  return { ws, server };
}

/** The first document in the page the printed URL answers with (`id`). */
async function pageDocument(running: RunningServer, id = 'a-first'): Promise<OpenedDocument> {
  const response = await fetch(running.url);
  expect(response.status).toBe(200);
  const block = /<script type="application\/json" id="tahrir-start"[^>]*>([^<]*)<\/script>/.exec(await response.text());
  expect(block).not.toBeNull();
  const start = unpackListAnswer('startEditor', (JSON.parse(block![1]) as StartInParts).result) as EditorStart;
  expect(start.first?.id).toBe(id);
  return (start.first as { opened: OpenedDocument }).opened;
}

describe('the start prepared before the printed URL is asked for', () => {
  it('is the first document’s, prepared without a page asking', async () => {
    const { server } = await serve();
    expect(await server.prepared).toBe('a-first');
    const opened = await pageDocument(server);
    expect(opened.text).toBe(TEXT);
    expect(opened.sidecar.entities.map((e) => e.label)).toEqual(['PERSON']);
  });

  it('gives the sidecar as it is when the page asks, changed on disk after it was prepared', async () => {
    const { ws, server } = await serve();
    await server.prepared;
    await writeFile(
      join(ws, 'a-first.annotations.json'),
      sidecarOf(TEXT, [
        { id: 'e1', start: 0, end: 4, label: 'ORG', text: 'Sara' },
        { id: 'e2', start: 9, end: 13, label: 'PERSON', text: 'Omar' },
      ]),
    );
    const opened = await pageDocument(server);
    expect(opened.sidecar.entities.map((e) => `${e.text}:${e.label}`)).toEqual(['Sara:ORG', 'Omar:PERSON']);
  });

  it('gives the text as it is when the page asks, changed on disk after it was prepared', async () => {
    const { ws, server } = await serve();
    await server.prepared;
    const text = 'Omar met Sara in Tunis.\n';
    await writeFile(join(ws, 'a-first.txt'), text);
    await writeFile(
      join(ws, 'a-first.annotations.json'),
      sidecarOf(text, [{ id: 'e1', start: 9, end: 13, label: 'PERSON', text: 'Sara' }]),
    );
    const opened = await pageDocument(server);
    expect(opened.text).toBe(text);
    expect(opened.sidecar.source.sha256).toBe(sha256Hex(Buffer.from(text)));
    expect(opened.sidecar.entities.map((e) => [e.start, e.text])).toEqual([[9, 'Sara']]);
  });

  it('is the document the last run opened for a page, else the first', async () => {
    const first = (await serve()).server;
    const response = await fetch(`http://127.0.0.1:${first.port}/api/openDocument`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: first.token },
      body: JSON.stringify({ args: ['b-second'] }),
    });
    expect(response.status).toBe(200);
    await first.close();
    const { ws, server: second } = await serve(true);
    expect(await second.prepared).toBe('b-second');
    expect((await pageDocument(second, 'b-second')).text).toBe('The second article.\n');
    await second.close();
    // Gone from the workspace: the first document, as with nothing kept.
    await rm(join(ws, 'b-second.txt'));
    const third = (await serve(true)).server;
    expect(await third.prepared).toBe('a-first');
    await pageDocument(third, 'a-first');
  });
});
