// `tahrir serve` on a real temp copy of seeds/: what it lets in, what it refuses, what it serves.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../build/bundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAnswer, startServer } from '../../electron/serve';
import type { RunningServer } from '../../electron/serve';
import { CONTENT_SECURITY_POLICY } from '../../electron/window-options';
import type { OpenedDocument, WorkspaceInfo } from '../../shared/api';

const repo = join(__dirname, '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A raw HTTP request (fetch would not let us forge Host or send `..` unnormalized). */
function raw(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    noHost?: boolean;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = options.noHost ? { ...options.headers } : { Host: `127.0.0.1:${port}`, ...options.headers };
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        setHost: !options.noHost,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let workspace: string;
let rendererDir: string;
let outside: string;
let server: RunningServer;

function api(method: string, args: unknown[], headers: Record<string, string> = {}): Promise<Answer> {
  return raw(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'x-tahrir-token': server.token, ...headers },
    body: JSON.stringify({ args }),
  });
}

/** An API call whose body is given as it is (text or bytes). */
function post(method: string, body: string | Buffer): Promise<Answer> {
  return raw(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'x-tahrir-token': server.token },
    body,
  });
}

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'tahrir-serve-'));
  workspace = join(base, 'seeds');
  await cp(join(repo, 'seeds'), workspace, { recursive: true });
  // A renderer of our own, so this test does not depend on (or race with) the shared dist/ build.
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Tahrir</title><script type="module" src="app.js"></script>',
  );
  await writeFile(join(rendererDir, 'app.js'), 'console.log("tahrir");');
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(rendererDir, '.hidden'), 'not for you');
  outside = join(base, 'secret.txt');
  await writeFile(outside, 'SECRET');
  await symlink(outside, join(rendererDir, 'leak.js'));
  server = await startServer({ root: workspace, port: 0, rendererDir, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  if (workspace) await rm(join(workspace, '..'), { recursive: true, force: true });
});

describe('tahrir serve: who gets in', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes, base64url
  });

  it('refuses API calls and the event stream without the token in their header (403)', async () => {
    expect((await raw(server.port, { path: '/api/events' })).status).toBe(403);
    const call = await raw(server.port, {
      method: 'POST',
      path: '/api/getWorkspace',
      headers: { 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(call.status).toBe(403);
    expect(call.body).not.toContain(SAMPLE);
    expect(call.json().error.message).toMatch(/open the URL that `tahrir serve` printed/);
  });

  it('takes the token from a header only: in a cookie or the query string it opens nothing (a cookie reaches every port)', async () => {
    const cookie = { Cookie: `tahrir-token-${server.port}=${server.token}; tahrir-token=${server.token}` };
    const byCookie = await raw(server.port, {
      method: 'POST',
      path: '/api/getWorkspace',
      headers: { 'Content-Type': 'application/json', ...cookie },
      body: '{"args":[]}',
    });
    expect(byCookie.status).toBe(403);
    expect(byCookie.body).not.toContain(SAMPLE);
    const byQuery = await raw(server.port, {
      method: 'POST',
      path: `/api/getWorkspace?token=${server.token}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(byQuery.status).toBe(403);
    expect((await raw(server.port, { path: `/api/events?token=${server.token}` })).status).toBe(403);
    expect((await raw(server.port, { path: '/api/events', headers: cookie })).status).toBe(403);
  });

  it('refuses a wrong token in the header, or in the page’s URL (an earlier run’s link) (403)', async () => {
    const wrong = server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
    expect((await api('getWorkspace', [], { 'x-tahrir-token': wrong })).status).toBe(403);
    expect((await api('getWorkspace', [], { 'x-tahrir-token': '' })).status).toBe(403);
    const stale = await raw(server.port, { path: `/?token=${wrong}` });
    expect(stale.status).toBe(403);
    expect(stale.json().error.message).toMatch(/another token .* open the URL that `tahrir serve` printed/);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      `127.0.0.1:${server.port + 1}`,
      `127.0.0.1.evil.example:${server.port}`,
    ]) {
      const answer = await api('getWorkspace', [], { Host: host });
      expect(answer.status, host).toBe(403);
    }
    const noHost = await raw(server.port, { path: `/?token=${server.token}`, noHost: true });
    expect([400, 403]).toContain(noHost.status); // Node itself answers 400 to HTTP/1.1 without Host
    for (const host of [`localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await api('getWorkspace', [], { Host: host })).status, host).toBe(200);
    }
  });

  it('refuses calls from another site (Origin) even with the token', async () => {
    expect((await api('getWorkspace', [], { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('getWorkspace', [], { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('takes API calls only as JSON POSTs', async () => {
    expect(
      (await raw(server.port, { path: '/api/getWorkspace', headers: { 'x-tahrir-token': server.token } })).status,
    ).toBe(405);
    const form = await api('getWorkspace', [], { 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    expect(form.json().error.code).toBe('invalid-argument');
  });
});

describe('tahrir serve: the API', () => {
  it('answers a good request (200) with the workspace', async () => {
    const answer = await api('getWorkspace', []);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const info = answer.json().result as WorkspaceInfo;
    expect(info.documents.map((d) => d.id)).toContain(SAMPLE);
  });

  it('opens and saves a document; a stale save comes back typed as 409 stale-revision', async () => {
    const answer = await api('openDocument', [SAMPLE]);
    const opened = answer.json().result as OpenedDocument;
    expect(opened.text).toContain('بايدن');
    // Its length in bytes (UTF-8: the Arabic text is two bytes a letter), not in UTF-16 units.
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    expect(Buffer.byteLength(answer.body)).toBeGreaterThan(answer.body.length);
    const sidecar = { ...opened.sidecar, document: { ...opened.sidecar.document, status: 'in_progress' } };
    const saved = await api('saveSidecar', [SAMPLE, sidecar, opened.revision]);
    expect(saved.status).toBe(200);
    const revision = saved.json().result.revision as string;
    const onDisk = await readFile(join(workspace, `${SAMPLE}.annotations.json`), 'utf8');
    expect(JSON.parse(onDisk).document.status).toBe('in_progress');

    const stale = await api('saveSidecar', [SAMPLE, sidecar, opened.revision]);
    expect(stale.status).toBe(409);
    expect(stale.json().error.code).toBe('stale-revision');
    expect(await readFile(join(workspace, `${SAMPLE}.annotations.json`), 'utf8')).toBe(onDisk);
    expect((await api('saveSidecar', [SAMPLE, sidecar, revision])).status).toBe(200);
  });

  it('answers errors as typed JSON with fitting statuses, and keeps running', async () => {
    const missing = await api('openDocument', ['no/such/article']);
    expect(missing.status).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not-found' });

    const escape = await api('openDocument', ['../secret']);
    expect(escape.status).toBe(403);
    expect(escape.json().error.code).toBe('outside-workspace');

    const badArgs = await api('openDocument', [42]);
    expect(badArgs.status).toBe(400);
    expect(badArgs.json().error).toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/openDocument: id must be a string/),
    });

    const nul = await api('openDocument', ['a\0b']);
    expect(nul.json().error.message).toMatch(/NUL/);

    const unknown = await api('deleteEverything', []);
    expect(unknown.status).toBe(400);
    expect(unknown.json().error.code).toBe('invalid-argument');

    const proto = await api('__proto__', []);
    expect(proto.status).toBe(400);

    const notJson = await raw(server.port, {
      method: 'POST',
      path: '/api/getWorkspace',
      headers: { 'Content-Type': 'application/json', 'x-tahrir-token': server.token },
      body: '{"args": [',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json().error.code).toBe('invalid-argument');

    const noArgs = await raw(server.port, {
      method: 'POST',
      path: '/api/getWorkspace',
      headers: { 'Content-Type': 'application/json', 'x-tahrir-token': server.token },
      body: '{"argv": []}',
    });
    expect(noArgs.status).toBe(400);

    const desktopOnly = await api('openWorkspace', ['/']);
    expect(desktopOnly.status).toBe(400);
    expect(desktopOnly.json().error.message).toMatch(/one folder/);

    expect((await api('getWorkspace', [])).status).toBe(200);
  });

  it('refuses a body over the size limit (413) and stays up', async () => {
    const small = await startServer({ root: workspace, port: 0, rendererDir, maxBodyBytes: 1024, log: () => {} });
    try {
      const answer = await raw(small.port, {
        method: 'POST',
        path: '/api/saveSidecar',
        headers: { 'Content-Type': 'application/json', 'x-tahrir-token': small.token },
        body: JSON.stringify({ args: [SAMPLE, { pad: 'x'.repeat(4096) }, null] }),
      });
      expect(answer.status).toBe(413);
      expect(answer.json().error.code).toBe('too-large');
      const after = await raw(small.port, {
        method: 'POST',
        path: '/api/listDocuments',
        headers: { 'Content-Type': 'application/json', 'x-tahrir-token': small.token },
        body: '{"args":[]}',
      });
      expect(after.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('answers bad bodies 400, never 500: a 4,096-character id, a field nested 5,000 deep, invalid UTF-8', async () => {
    const longId = 'a'.repeat(4096);
    for (const [method, args] of [
      ['openDocument', [longId]],
      ['openDocument', ['a'.repeat(300)]], // short enough for the check, too long a file name for the disk
      ['startExport', [{ format: 'jsonl', out: `exports/${'x'.repeat(4000)}.jsonl` }]],
      ['suggest', [longId]],
      ['saveSidecar', [longId, {}, null]],
      ['writeRecovery', [longId, {}]],
      ['discardRecovery', [longId]],
    ] as const) {
      const answer = await api(method, [...args]);
      expect(answer.status, method).toBe(400);
      expect(answer.json().error.code, method).toBe('invalid-argument');
      expect(answer.json().error.message, method).toMatch(/too long/);
    }

    const opened = (await api('openDocument', [SAMPLE])).json().result as OpenedDocument;
    const sidecarOnDisk = () => readFile(join(workspace, `${SAMPLE}.annotations.json`), 'utf8').catch(() => null);
    const before = await sidecarOnDisk();
    // Made as text: JSON.stringify itself overflows the stack on such a value (as the server's did).
    const body = (extra: string) =>
      JSON.stringify({ args: [SAMPLE, { ...opened.sidecar, extra: 0 }, opened.revision] }).replace(
        '"extra":0',
        `"extra":${extra}`,
      );
    const nested = await post('saveSidecar', body(`${'{"deeper":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`));
    expect(nested.status).toBe(400);
    expect(nested.json().error).toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/nested more than 64 levels deep/),
    });
    const nestedList = await post(
      'writeRecovery',
      body(`${'['.repeat(5000)}${']'.repeat(5000)}`).replace(`,${JSON.stringify(opened.revision)}]}`, ']}'),
    );
    expect(nestedList.status).toBe(400);

    // "Zoé" with its é as Latin-1 (0xE9): not UTF-8.
    const latin1 = Buffer.from(
      JSON.stringify({ args: [SAMPLE, { ...opened.sidecar, annotator: 'ZoX' }, opened.revision] }),
      'utf8',
    );
    const at = latin1.indexOf('ZoX') + 2;
    latin1[at] = 0xe9;
    const notUtf8 = await post('saveSidecar', latin1);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.json().error.code).toBe('not-utf8');
    expect(notUtf8.json().error.message).toMatch(new RegExp(`not UTF-8 .*offset ${at}: e9`));
    // A lone surrogate (\ud800 in JSON) is no character either: exports would write it as U+FFFD.
    const lone = await post(
      'saveSidecar',
      JSON.stringify({ args: [SAMPLE, { ...opened.sidecar, annotator: 'Zo\ud800' }, opened.revision] }),
    );
    expect(lone.status).toBe(400);
    expect(await sidecarOnDisk()).toBe(before);
    expect((await api('getWorkspace', [])).status).toBe(200);
  });

  it('keeps export destinations and import sources inside the workspace', async () => {
    const target = join(workspace, '..', 'evil.jsonl');
    for (const out of [target, '../evil.jsonl', 'exports/../../evil.jsonl']) {
      const answer = await api('startExport', [{ format: 'jsonl', out }]);
      expect(answer.status, out).toBe(403);
      expect(answer.json().error.code).toBe('outside-workspace');
    }
    for (const from of ['/etc', '../secret.txt']) {
      const answer = await api('importAnnotations', [{ format: 'brat', from }]);
      expect(answer.status, from).toBe(403);
    }
    await expect(readFile(target)).rejects.toThrow();
    const inside = await api('startExport', [{ format: 'jsonl', out: 'exports/dataset.jsonl' }]);
    expect(inside.status).toBe(200);
    expect(inside.json().result.jobId).toEqual(expect.any(String));
  });

  it('an import from a folder inside the workspace reads nothing through a link leading out of it', async () => {
    const folder = join(workspace, 'brat-in');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'leak.txt'), 'Hello world\n');
    await symlink(outside, join(folder, 'leak.ann')); // SECRET, outside the workspace
    await symlink(folder, join(folder, 'again')); // a loop
    const answer = await api('importAnnotations', [{ format: 'brat', from: 'brat-in' }]);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain('SECRET');
    expect(answer.json().result.skipped).toEqual([
      {
        file: join(folder, 'again'),
        reason: 'a symbolic link to a folder: not followed',
        reasonMessage: { key: 'import-skip.folder-link' },
      },
      {
        file: join(folder, 'leak.ann'),
        reason: expect.stringMatching(/leads out of the import folder through a symbolic link; not read/),
        // Said in the interface's language, the file named beside it.
        reasonMessage: expect.objectContaining({
          parts: expect.objectContaining({ problem: { key: 'error.link-out-of-import-folder' } }),
        }),
      },
    ]);
    await rm(folder, { recursive: true });
  });

  it('answers the desktop-only operations sensibly', async () => {
    expect((await api('chooseWorkspace', [])).json().result).toBeNull();
    expect((await api('recentWorkspaces', [])).json().result).toEqual([]);
    expect((await api('chooseImportSource', ['brat'])).json().result).toBeNull();
    expect((await api('chooseExportDestination', ['conll'])).json().result).toMatch(
      /^exports\/conll-\d{8}-\d{6}\.conll$/,
    );
  });
});

describe('tahrir serve: answers for a page that is gone', () => {
  // Each answer's body counts the times it is encoded (JSON.stringify calls toJSON).
  async function answerAfter(abort: boolean): Promise<{ sent: boolean; encoded: number; got: string | null }> {
    let encoded = 0;
    const body = { toJSON: () => (encoded++, { result: 'the suggestions' }) };
    let arrived!: () => void;
    const asking = new Promise<void>((resolve) => (arrived = resolve));
    let answered!: (sent: boolean) => void;
    const sent = new Promise<boolean>((resolve) => (answered = resolve));
    const server = createServer((req, res) => {
      req.resume();
      const answer = () => {
        try {
          answered(sendAnswer(res, body));
        } catch {
          answered(true); // it tried to write to the closed connection
        }
      };
      // The call "runs" until the client is gone (or ends at once when it stays).
      if (abort) res.on('close', answer);
      else answer();
      arrived();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const stop = new AbortController();
    const asked = fetch(`http://127.0.0.1:${port}/api/annotationSuggestionChanges`, {
      method: 'POST',
      body: '{"args":[]}',
      signal: stop.signal,
    }).then(
      (response) => response.text(),
      () => null,
    );
    await asking;
    if (abort) stop.abort();
    const result = { sent: await sent, encoded, got: await asked };
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    return result;
  }

  it('encodes nothing for a page closed while its call ran, and answers a page that waits', async () => {
    expect(await answerAfter(true)).toEqual({ sent: false, encoded: 0, got: null });
    expect(await answerAfter(false)).toEqual({ sent: true, encoded: 1, got: '{"result":"the suggestions"}' });
  });
});

describe('tahrir serve: the UI files', () => {
  it('serves index.html for /?token=… with the CSP and nosniff, sets no cookie and keeps nothing in the cache', async () => {
    const page = await raw(server.port, { path: `/?token=${server.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tahrir</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('serves the page, its scripts, fonts and worker without the token (they hold no secret), to our origin only', async () => {
    const page = await raw(server.port, { path: '/' }); // a reload: the page took the token out of its URL
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(server.token);
    const script = await raw(server.port, { path: '/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const font = await raw(server.port, { path: '/assets/font.woff2' });
    expect(font.headers['content-type']).toBe('font/woff2');
    // A page of another origin (another port) may neither embed nor read them.
    for (const answer of [page, script, font]) {
      expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    // Still only for a loopback Host (DNS rebinding).
    expect((await raw(server.port, { path: '/app.js', headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../package.json',
      '/../../seeds/000_b3be894ae1d50a96.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..\\..\\secret.txt',
      '/%00app.js',
      '/.hidden',
      '/leak.js', // a symlink pointing out of the folder
      `/${encodeURIComponent(join(rendererDir, '..', 'secret.txt'))}`,
      '/%E0%A4%A', // broken percent-encoding
    ];
    for (const path of attempts) {
      const answer = await raw(server.port, { path, headers: { 'x-tahrir-token': server.token } });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body, path).not.toContain('SECRET');
      expect(answer.body, path).not.toContain('"name": "tahrir"');
    }
  });

  it('refuses to write with other verbs', async () => {
    const put = await raw(server.port, {
      method: 'PUT',
      path: '/app.js',
      headers: { 'x-tahrir-token': server.token },
      body: 'x',
    });
    expect(put.status).toBe(405);
    expect(await readFile(join(rendererDir, 'app.js'), 'utf8')).toBe('console.log("tahrir");');
  });
});

describe('tahrir serve: events', () => {
  it('streams external changes as Server-Sent Events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${server.port}`, 'x-tahrir-token': server.token },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          let changed = false;
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (!changed && text.includes(': connected')) {
              changed = true;
              // Someone else edits the article on disk (a git pull, another editor): at once, as "connected" is said
              // once the watch is in place (a write 300 ms later was missed when the watch took longer, under load).
              void writeFile(join(workspace, 'added-by-someone.txt'), 'Hello from outside.\n');
            }
            // Other events (an export finishing) may come first; wait for the change.
            const data = text
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .find((line) => /"type":"(documents-changed|text-changed)"/.test(line));
            if (data) {
              req.destroy();
              resolve(data.slice('data: '.length));
            }
          });
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.end();
      setTimeout(() => reject(new Error('no event within 15 s')), 15_000);
    });
    expect(['documents-changed', 'text-changed']).toContain(JSON.parse(received).type);
  });
});

describe('tahrir serve: "connected" means changes are followed', () => {
  /** Opens the event stream; `onConnected` runs when ": connected" arrives; resolves with the first file event. */
  function firstFileEvent(port: number, token: string, onConnected: () => void): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let text = '';
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${port}`, 'x-tahrir-token': token },
        },
        (res) => {
          res.on('data', (chunk: Buffer) => {
            const connected = text.includes(': connected');
            text += chunk.toString('utf8');
            if (!connected && text.includes(': connected')) onConnected();
            const data = text
              .split('\n')
              .find((line) => /^data: .*"type":"(documents-changed|text-changed)"/.test(line));
            if (data) {
              req.destroy();
              resolve(data.slice('data: '.length));
            }
          });
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.end();
      setTimeout(() => (req.destroy(), reject(new Error(`no event within 10 s; the stream said: ${text}`))), 10_000);
    });
  }

  it('a file written into the last of many folders the moment the stream says "connected" is reported', async () => {
    // The watch walks every folder when the first stream opens; "connected" said before that walk (as it was) let a
    // file written at once into a folder not yet watched be learnt silently: the page never heard of it.
    const base = await mkdtemp(join(tmpdir(), 'tahrir-serve-connected-'));
    const root = join(base, 'ws');
    for (let i = 0; i < 300; i++) await mkdir(join(root, `site-${i}`, 'inner'), { recursive: true });
    await writeFile(join(root, 'site-0', 'inner', 'first.txt'), 'The first article.\n');
    const running = await startServer({ root, port: 0, rendererDir, log: () => {} });
    try {
      const received = await firstFileEvent(running.port, running.token, () => {
        void writeFile(join(root, 'site-299', 'inner', 'late.txt'), 'Written the moment the page was told.\n');
      });
      expect(JSON.parse(received)).toEqual({ type: 'documents-changed' });
      await running.following(); // resolved: a stream is open and watched
    } finally {
      await running.close();
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe('tahrir serve: the command', () => {
  let cli: string;
  beforeAll(async () => {
    // Bundled on its own into a temp folder, so the shared dist/ is left alone.
    const out = await mkdtemp(join(tmpdir(), 'tahrir-cli-'));
    cli = join(out, 'cli.cjs');
    await build({ ...bundleOptions(out).cli, logLevel: 'silent' });
  });

  function runCli(args: string[]) {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exit, out: () => stdout, err: () => stderr };
  }

  it('prints the URL on its own line, serves, and stops cleanly on SIGTERM', async () => {
    const run = runCli(['serve', workspace, '--port', '0']);
    const deadline = Date.now() + 15_000;
    while (!/\n/.test(run.out()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const line = run.out().split('\n')[0];
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    const url = new URL(line);
    const answer = await fetch(`${url.origin}/api/listDocuments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-tahrir-token': url.searchParams.get('token')! },
      body: '{"args":[]}',
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(await answer.json())).toContain(SAMPLE);
    expect((await fetch(`${url.origin}/api/listDocuments`, { method: 'POST', body: '{"args":[]}' })).status).toBe(403);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('exits 2 on usage errors and 1 on a missing folder, with one clear line', async () => {
    const noFolder = runCli(['serve']);
    expect(await noFolder.exit).toBe(2);
    expect(noFolder.err()).toMatch(/which folder/);
    const badPort = runCli(['serve', workspace, '--port', 'http']);
    expect(await badPort.exit).toBe(2);
    expect(badPort.err()).toMatch(/--port needs a number/);
    const missing = runCli(['serve', join(workspace, 'nope')]);
    expect(await missing.exit).toBe(1);
    expect(missing.err()).toMatch(/nope.*does not exist/);
    const busy = runCli(['serve', workspace, '--port', String(server.port)]);
    expect(await busy.exit).toBe(1);
    expect(busy.err()).toMatch(new RegExp(`port ${server.port} is already in use`));
  });
});
