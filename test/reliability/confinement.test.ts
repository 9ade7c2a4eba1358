// Confinement: every path the renderer, `serve` or an import names stays inside the open
// workspace. `..`, absolute paths and symlinks that leave it are refused — through the Backend
// and through `tahrir serve` over HTTP — and nothing is read or written outside.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { startServer, type RunningServer } from '../../electron/serve';
import { isTahrirError } from '../../shared/errors';
import { emptySidecar } from '../../shared/sidecar';
import { API_PREFIX, TOKEN_HEADER } from '../../shared/http-protocol';
import { addSample, snapshot } from './workspace-snapshot';

let root: string;
let outside: string;
const SECRET = 'secret outside the workspace: do not read\n';

const ESCAPES = [
  '../outside/secret',
  '../../etc/passwd',
  'news/../../outside/secret',
  '..\\outside\\secret',
  '/etc/passwd',
  '\\\\server\\share\\x',
  'C:\\Windows\\win',
  'link-out/secret', // a folder symlink that leads out
  'secret-link', // a file symlink that leads out
  'sample\u0000.txt',
];

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'tahrir-confine-'));
  root = join(base, 'ws');
  outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), SECRET);
  addSample(root);
  mkdirSync(join(root, 'news'));
  symlinkSync(outside, join(root, 'link-out'), 'dir');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'secret-link.txt'));
  // A symlink that stays inside is fine.
  symlinkSync(join(root, 'sample.txt'), join(root, 'news', 'alias.txt'));
});

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const refusedCodes = ['outside-workspace', 'invalid-argument'];

describe('confinement through the Backend', () => {
  it('refuses every escaping id for open, save, recovery and suggestions; nothing outside is read or written', async () => {
    const b = await Backend.open(root);
    const beforeOutside = snapshot(outside);
    let refused = 0;
    for (const id of ESCAPES) {
      const calls: [string, () => Promise<unknown>][] = [
        ['openDocument', () => b.openDocument(id)],
        ['saveSidecar', () => b.saveSidecar(id, emptySidecar('secret.txt', '0'.repeat(64), 10), null)],
        ['writeRecovery', () => b.writeRecovery(id, emptySidecar('secret.txt', '0'.repeat(64), 10))],
        ['discardRecovery', () => b.discardRecovery(id)],
        ['suggest', () => b.suggest(id)],
      ];
      for (const [name, call] of calls) {
        let error: unknown = null;
        let result: unknown;
        try {
          result = await call();
        } catch (e) {
          error = e;
        }
        // discardRecovery of an id is only a file-name lookup in the journal; it may succeed harmlessly.
        if (name === 'discardRecovery' && error === null) continue;
        expect(
          isTahrirError(error),
          `${name}(${JSON.stringify(id)}) must be refused, got ${JSON.stringify(result)?.slice(0, 80)}`,
        ).toBe(true);
        if (isTahrirError(error))
          expect(refusedCodes, `${name}(${JSON.stringify(id)}): ${error.message}`).toContain(error.code);
        expect(JSON.stringify(result ?? '')).not.toContain('secret outside');
        refused++;
      }
    }
    expect(snapshot(outside)).toEqual(beforeOutside);
    // Documents listed are only those inside: the outside secret never shows up.
    const ids = (await b.listDocuments()).map((d) => d.id);
    expect(ids).not.toContain('link-out/secret');
    expect(ids).not.toContain('secret-link');
    // A symlink that stays inside the workspace works.
    expect((await b.openDocument('news/alias')).text.length).toBeGreaterThan(0);
    await b.close();
    console.log(`confinement (Backend): ${refused} escaping calls refused`);
  });

  it('an export or import naming a path outside the workspace is refused, nothing written there', async () => {
    const b = await Backend.open(root);
    const target = join(outside, 'exported');
    const e1 = await b.startExport({ format: 'jsonl', out: '../outside/exported.jsonl' }).catch((e: unknown) => e);
    expect(isTahrirError(e1) && e1.code).toBe('outside-workspace');
    // On the desktop an import source comes from the system file dialog and may be anywhere;
    // a relative one must not climb out of the workspace.
    const e2 = await b.importAnnotations({ format: 'jsonl', from: '../outside/secret.txt' }).catch((e: unknown) => e);
    expect(isTahrirError(e2) ? e2.code : e2, 'import from ../ refused').toMatch(/^(outside-workspace|not-found)$/);
    expect(existsSync(target)).toBe(false);
    await b.close();
  });
});

describe('confinement through tahrir serve (HTTP)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root, log: () => undefined });
  });
  afterAll(async () => {
    await server.close();
  });

  async function call(
    method: string,
    args: unknown[],
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: { result?: unknown; error?: { code: string; message: string } } }> {
    const res = await fetch(`http://127.0.0.1:${server.port}${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
      body: JSON.stringify({ args }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }

  it('refuses escaping ids with 403/400 and a TahrirError body; the secret never comes back', async () => {
    let refused = 0;
    for (const id of ESCAPES) {
      for (const [method, args] of [
        ['openDocument', [id]],
        ['saveSidecar', [id, emptySidecar('secret.txt', '0'.repeat(64), 10), null]],
        ['writeRecovery', [id, emptySidecar('secret.txt', '0'.repeat(64), 10)]],
        ['suggest', [id]],
      ] as const) {
        const { status, body } = await call(method, [...args]);
        expect(
          [400, 403],
          `${method}(${JSON.stringify(id)}) → ${status} ${JSON.stringify(body).slice(0, 120)}`,
        ).toContain(status);
        expect(refusedCodes).toContain(body.error?.code);
        expect(JSON.stringify(body)).not.toContain('secret outside');
        refused++;
      }
    }
    console.log(`confinement (serve): ${refused} escaping HTTP calls refused`);
  });

  it('refuses an export to, or an import from, a path outside the workspace', async () => {
    const out = join(outside, 'served-export.jsonl');
    for (const request of [
      { format: 'jsonl', out },
      { format: 'jsonl', out: '../outside/served-export.jsonl' },
    ]) {
      const { status, body } = await call('startExport', [request]);
      expect(status, `startExport ${request.out}: ${JSON.stringify(body).slice(0, 160)}`).toBe(403);
      expect(body.error?.code).toBe('outside-workspace');
    }
    for (const from of [join(outside, 'secret.txt'), '../outside/secret.txt', '/etc/passwd']) {
      const { status, body } = await call('importAnnotations', [{ format: 'conll', from }]);
      expect(status, `importAnnotations ${from}: ${JSON.stringify(body).slice(0, 160)}`).toBe(403);
      expect(JSON.stringify(body)).not.toContain('secret outside');
      expect(JSON.stringify(body)).not.toContain('root:');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(out)).toBe(false);
  });

  it('the renderer file server does not serve files by traversal', async () => {
    for (const path of [
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%5c..%5c..%5cetc%5cpasswd',
    ]) {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { [TOKEN_HEADER]: server.token } });
      const text = await res.text();
      expect(text, path).not.toContain('root:');
      expect([400, 403, 404], path).toContain(res.status);
    }
  });

  it('no token, a wrong token or a foreign Host header: 403 before anything is read', async () => {
    const url = `http://127.0.0.1:${server.port}${API_PREFIX}openDocument`;
    const body = JSON.stringify({ args: ['sample'] });
    const noToken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noToken.status).toBe(403);
    const wrong = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'x'.repeat(32) },
      body,
    });
    expect(wrong.status).toBe(403);
    // fetch cannot forge Host; use a raw request.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `${API_PREFIX}openDocument`,
          method: 'POST',
          headers: {
            host: `evil.example:${server.port}`,
            'content-type': 'application/json',
            [TOKEN_HEADER]: server.token,
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(403);
  });
});
