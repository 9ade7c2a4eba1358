// An answer's JSON written around parts encoded once (encodeWithParts), and `tahrir serve`'s first answer: the
// document list, read while the page loads, is encoded then, not while the page waits for its answer.
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LIST_CACHE_FILE } from '../../electron/document-list-cache';
import { encodeWithParts } from '../../electron/encoded-answer';
import { startServer } from '../../electron/serve';
import type { EditorStart } from '../../shared/api';
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
  it('sends the document list encoded while the page loaded: answering encodes only the rest', async () => {
    const root = await articles(3000);
    const rendererDir = await tempFolder();
    await writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Tahrir</title>' });
    const server = await startServer({ root, port: 0, rendererDir, log: () => {} });
    try {
      await server.listed;
      // Once every document is read the list is kept in .tahrir/document-list.json (a JSON of its own, ~400 KB here):
      // wait for it, so that only what answering encodes is counted.
      await vi.waitFor(() => statSync(join(root, '.tahrir', LIST_CACHE_FILE)), { timeout: 30_000, interval: 50 });
      const body = JSON.stringify({ args: [{}] });
      // What JSON.stringify writes while the page waits for its answer (the server runs in this process).
      const stringify = vi.spyOn(JSON, 'stringify');
      let answer: string;
      let written = 0;
      try {
        answer = await post(server.port, server.token, 'startEditor', body);
        for (const r of stringify.mock.results) if (r.type === 'return') written += String(r.value).length;
      } finally {
        stringify.mockRestore();
      }
      const start = JSON.parse(answer).result as EditorStart;
      expect(start.workspace.documents).toHaveLength(3000);
      expect(start.first && 'opened' in start.first && start.first.opened.id).toBe('batch-00/article-00000');
      // The list alone is ~100 KB of the answer; the rest (the workspace's settings, the first document) a few KB.
      const listBytes = JSON.stringify(start.workspace.documents).length;
      expect(listBytes).toBeGreaterThan(60_000);
      expect(written).toBeLessThan(listBytes / 4);
    } finally {
      await server.close();
    }
  });
});
