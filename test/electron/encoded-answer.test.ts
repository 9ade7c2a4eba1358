// An answer's JSON written around parts encoded once (encodeWithParts), and `tahrir serve`'s first answer: the
// document list's first screen of rows, the rest asked for after it (listedDocuments).
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWithParts } from '../../electron/encoded-answer';
import { startServer } from '../../electron/serve';
import type { DocumentSummary, EditorStart, WorkspaceInfo } from '../../shared/api';
import { FIRST_SCREEN_ROWS, firstScreenOf, unpackListAnswer } from '../../shared/document-list-wire';
import { tempFolder, writeFiles } from './temp-folder';

describe('encodeWithParts', () => {
  it('writes each part’s bytes where its object is, and the rest as JSON.stringify does', () => {
    const list = [{ id: 'a' }, { id: 'b' }];
    const opened = { id: 'a', text: 'نص "quoted"\n' };
    const value = { result: { workspace: { name: 'w', documents: list, n: [1, null] }, first: { id: 'a', opened } } };
    const parts = new Map<object, Buffer>([
      [list, Buffer.from(JSON.stringify(list))],
      [opened, Buffer.from(JSON.stringify(opened))],
    ]);
    expect(encodeWithParts(value, parts).toString()).toBe(JSON.stringify(value));
    // A part is written as given (the list packed), and an object met twice twice.
    const packed = new Map<object, Buffer>([[list, Buffer.from('["a","b"]')]]);
    expect(JSON.parse(encodeWithParts({ x: list, y: [list] }, packed).toString())).toEqual({
      x: ['a', 'b'],
      y: [['a', 'b']],
    });
  });

  it('takes no string of the answer for a part’s place, however it is spelled', () => {
    const list = [1];
    const value = { a: '\u0000tahrir-part-0', b: list, c: '"\\u0000tahrir-part-', d: 'null}}}' };
    const out = encodeWithParts(value, new Map([[list, Buffer.from('[2]')]])).toString();
    expect(JSON.parse(out)).toEqual({ ...value, b: [2] });
  });
});

/** A workspace of `count` short articles in folders of 100. */
async function articles(count: number): Promise<string> {
  const root = await tempFolder('tahrir-answer-');
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const name = `batch-${String(Math.floor(i / 100)).padStart(2, '0')}/article-${String(i).padStart(5, '0')}.txt`;
    files[name] = `Headline ${i}\n\nBody of article ${i}.`;
  }
  await writeFiles(root, files);
  return root;
}

function post(port: number, token: string, method: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'Content-Type': 'application/json', 'x-tahrir-token': token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('tahrir serve: the first answer', () => {
  it('carries the list’s first screen of rows and how many follow; listedDocuments sends the rest', async () => {
    const root = await articles(3000);
    const rendererDir = await tempFolder();
    await writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Tahrir</title>' });
    const server = await startServer({ root, port: 0, rendererDir, log: () => {} });
    try {
      await server.listed;
      const answer = await post(server.port, server.token, 'startEditor', JSON.stringify({ args: [{}] }));
      const start = JSON.parse(answer).result as EditorStart;
      // 3,000 rows were ~100 KB of the answer; a screen of them and the count now.
      expect(start.workspace.documents).toHaveLength(FIRST_SCREEN_ROWS);
      expect(start.workspace.moreDocuments).toBe(3000 - FIRST_SCREEN_ROWS);
      expect(start.first && 'opened' in start.first && start.first.opened.id).toBe('batch-00/article-00000');
      // What the server encodes and the page parses before the list can paint (over 100 KB with every row).
      expect(answer.length).toBeLessThan(12_000);
      // The rest: the same listing, whole, in the same order (its first screen as sent).
      const rest = JSON.parse(await post(server.port, server.token, 'listedDocuments', '{"args":[]}')).result;
      const all = unpackListAnswer('listedDocuments', rest) as DocumentSummary[];
      expect(all).toHaveLength(3000);
      const head = unpackListAnswer('getWorkspace', start.workspace) as WorkspaceInfo;
      expect(all.slice(0, FIRST_SCREEN_ROWS)).toEqual(head.documents);
      expect(all[2999].id).toBe('batch-29/article-02999');
    } finally {
      await server.close();
    }
  });
});

describe('tahrir serve: the documents the first listing left unread', () => {
  it('are read once the page asks for the whole list, not while it loads', async () => {
    const root = await articles(300);
    const rendererDir = await tempFolder();
    await writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Tahrir</title>' });
    // No time to read: the first listing reads its first screen and names the rest pending.
    const server = await startServer({ root, port: 0, rendererDir, log: () => {}, listBudgetMs: 0 });
    const kept = join(root, '.tahrir', 'document-list.json'); // written once every document is read
    try {
      await server.listed;
      const start = JSON.parse(await post(server.port, server.token, 'startEditor', JSON.stringify({ args: [{}] })))
        .result as EditorStart;
      expect(start.workspace.moreDocuments).toBe(300 - FIRST_SCREEN_ROWS);
      // The page is loading: a second and a half (the desktop app begins after one) and nothing more is read.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(existsSync(kept)).toBe(false);
      const rest = JSON.parse(await post(server.port, server.token, 'listedDocuments', '{"args":[]}')).result;
      const all = unpackListAnswer('listedDocuments', rest) as DocumentSummary[];
      expect(all.filter((d) => d.pending).length).toBeGreaterThan(0); // the listing as answered first
      // Its first screen painted, the page asked: the reading begins now, well before the unasked wait's end.
      const until = performance.now() + 5000;
      while (!existsSync(kept) && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(existsSync(kept)).toBe(true);
      const again = JSON.parse(await post(server.port, server.token, 'listDocuments', '{"args":[]}')).result;
      expect((unpackListAnswer('listDocuments', again) as DocumentSummary[]).filter((d) => d.pending)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('firstScreenOf', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}` }) as DocumentSummary);
  it('is the first screen’s rows, down to a screen below the document opened, or the whole list', () => {
    expect(firstScreenOf(rows(1000), null).map((d) => d.id)).toEqual(rows(FIRST_SCREEN_ROWS).map((d) => d.id));
    expect(firstScreenOf(rows(1000), 'd100')).toHaveLength(100 + FIRST_SCREEN_ROWS);
    // Over half the list: the whole of it.
    expect(firstScreenOf(rows(1000), 'd500')).toHaveLength(1000);
    expect(firstScreenOf(rows(100), null)).toHaveLength(100);
  });
});
