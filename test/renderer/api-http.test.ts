// The renderer's HTTP client against a real `tahrir serve` on a temp copy of seeds/ (in Node:
// the same fetch a browser has); errors come back as TahrirError with their code.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../electron/serve';
import type { RunningServer } from '../../electron/serve';
import { listDocuments } from '../../electron/workspace';
import { readWorkspaceConfig } from '../../electron/workspace-config';
import { createHttpApi, postApiCall } from '../../renderer/api-http';
import { withTypedErrors } from '../../renderer/bridge';
import type { TahrirApi, TahrirEvent } from '../../shared/api';
import { TahrirError } from '../../shared/errors';

const SAMPLE = '000_b3be894ae1d50a96';
let base: string;
let server: RunningServer;
let api: TahrirApi;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-http-'));
  await cp(join(__dirname, '..', '..', 'seeds'), join(base, 'seeds'), { recursive: true });
  server = await startServer({ root: join(base, 'seeds'), port: 0, rendererDir: base, log: () => {} });
  api = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token });
});

afterAll(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<TahrirError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TahrirError);
  return error as TahrirError;
}

describe('createHttpApi', () => {
  it('lists, opens and saves through the server', async () => {
    const workspace = await api.getWorkspace();
    expect(workspace.name).toBe('seeds');
    expect((await api.listDocuments()).map((d) => d.id)).toContain(SAMPLE);
    const opened = await api.openDocument(SAMPLE);
    expect(opened.text.length).toBeGreaterThan(100);
    const saved = await api.saveSidecar(
      SAMPLE,
      { ...opened.sidecar, document: { ...opened.sidecar.document, status: 'done' } },
      opened.revision,
    );
    expect(saved.revision).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.listDocuments()).find((d) => d.id === SAMPLE)?.status).toBe('done');
    await api.writeRecovery(SAMPLE, opened.sidecar);
    await api.discardRecovery(SAMPLE);
  });

  it('gives the document list as the back end lists it (sent packed: a pending one as its id alone)', async () => {
    const root = join(base, 'seeds');
    await writeFile(join(root, 'x-😀.txt'), 'Headline\r\n\r\nBody');
    const direct = await listDocuments(root, (await readWorkspaceConfig(root)).config);
    expect(direct.length).toBeGreaterThan(3);
    expect(await api.listDocuments()).toEqual(direct);
    expect((await api.getWorkspace()).documents).toEqual(direct);
    const packed = await postApiCall(
      { baseUrl: `http://127.0.0.1:${server.port}`, token: server.token },
      'listDocuments',
      '{"args":[]}',
    );
    expect((packed as unknown[]).length).toBe(direct.length);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(direct).length);
  });

  it('rethrows server errors as TahrirError with their code', async () => {
    const opened = await api.openDocument(SAMPLE);
    // A save that changes something: the revision on disk moves on (same bytes would keep it).
    const note = { ...opened.sidecar, document: { ...opened.sidecar.document, note: `saved at ${Date.now()}` } };
    await api.saveSidecar(SAMPLE, note, opened.revision);
    const stale = await rejection(api.saveSidecar(SAMPLE, opened.sidecar, opened.revision));
    expect(stale.code).toBe('stale-revision');
    expect((await rejection(api.openDocument('no/such'))).code).toBe('not-found');
    expect((await rejection(api.openDocument('../../etc/passwd'))).code).toBe('outside-workspace');
    expect((await rejection(api.openDocument(7 as unknown as string))).code).toBe('invalid-argument');
  });

  it('without the token, every call is refused', async () => {
    const anonymous = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: null });
    const refused = await rejection(anonymous.getWorkspace());
    expect(refused.message).toMatch(/Forbidden/);
  });

  it('says so when the server is gone', async () => {
    const gone = createHttpApi({ baseUrl: 'http://127.0.0.1:1', token: 'x' });
    const error = await rejection(gone.listDocuments());
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/not reachable/);
  });

  it('follows the event stream with the token in a header (no URL, no cookie), and stops when the last listener leaves', async () => {
    const requests: { url: string; headers: Headers; credentials?: RequestCredentials }[] = [];
    const watched = createHttpApi({
      baseUrl: `http://127.0.0.1:${server.port}`,
      token: server.token,
      fetch: async (input, init) => {
        requests.push({ url: String(input), headers: new Headers(init?.headers), credentials: init?.credentials });
        // The stream reaches the server late, as on a loaded machine: a fixed wait for "connected" (300 ms, as it was)
        // wrote the file before anyone listened, and the change was never heard.
        if (String(input).endsWith('/api/events')) await new Promise((r) => setTimeout(r, 600));
        return fetch(input, init);
      },
    });
    const events: TahrirEvent[] = [];
    const changed = new Promise<void>((resolve) => {
      const stop = watched.onEvent((event) => {
        events.push(event);
        if (event.type === 'documents-changed' || event.type === 'text-changed') {
          stop();
          resolve();
        }
      });
    });
    await server.following(); // the stream is open and the watch in place: no fixed wait
    await writeFile(join(base, 'seeds', 'added-while-listening.txt'), 'Added while the page listened.\n');
    await Promise.race([
      changed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the change was not heard within 10 s')), 10_000)),
    ]);
    const stream = requests.find((r) => r.url.endsWith('/api/events'))!;
    expect(stream.url).toBe(`http://127.0.0.1:${server.port}/api/events`);
    expect(stream.headers.get('x-tahrir-token')).toBe(server.token);
    expect(stream.credentials).toBe('omit');
    const count = requests.length;
    await new Promise((r) => setTimeout(r, 2500)); // longer than a reconnection: none is made
    expect(requests.length).toBe(count);
  });

  it('a refused event stream (the token is not this server’s) is not asked again and again', async () => {
    let asked = 0;
    const stranger = createHttpApi({
      baseUrl: `http://127.0.0.1:${server.port}`,
      token: 'not-the-token',
      fetch: (input, init) => (asked++, fetch(input, init)),
    });
    const stop = stranger.onEvent(() => undefined);
    await new Promise((r) => setTimeout(r, 2500));
    stop();
    expect(asked).toBe(1);
  });

  it('opens only http(s) links', async () => {
    expect((await rejection(api.openExternal('file:///etc/passwd'))).code).toBe('invalid-argument');
  });
});

describe('postApiCall with a body already made (what the sidecar worker sends)', () => {
  const target = () => ({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token });

  it('saves the sidecar text placed in the body as it is, and answers errors as createHttpApi does', async () => {
    const opened = await api.openDocument(SAMPLE);
    const text = JSON.stringify({ ...opened.sidecar, document: { ...opened.sidecar.document, note: 'من العامل 👋' } });
    const body = new Blob([`{"args":[${JSON.stringify(SAMPLE)},${text},${JSON.stringify(opened.revision)}]}`]);
    const saved = (await postApiCall(target(), 'saveSidecar', body)) as { revision: string };
    expect(saved.revision).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.openDocument(SAMPLE)).sidecar.document.note).toBe('من العامل 👋');
    // The same stale save both ways: the same TahrirError.
    const stale = `{"args":[${JSON.stringify(SAMPLE)},${text},${JSON.stringify(opened.revision)}]}`;
    const viaBody = await rejection(postApiCall(target(), 'saveSidecar', stale));
    const viaClient = await rejection(api.saveSidecar(SAMPLE, JSON.parse(text), opened.revision));
    expect(viaBody.code).toBe('stale-revision');
    expect(viaBody.toData()).toEqual(viaClient.toData());
    const cut = await rejection(
      postApiCall(target(), 'writeRecovery', `{"args":[${JSON.stringify(SAMPLE)},${text.slice(0, 100)}`),
    );
    expect(cut.code).toBe('invalid-argument');
    expect(cut.message).toMatch(/not JSON/);
  });
});

describe('withTypedErrors (the desktop bridge)', () => {
  it('turns the plain error data the preload rejects with back into a TahrirError', async () => {
    const data = { code: 'stale-revision', message: 'a.annotations.json: changed on disk', file: 'a.annotations.json' };
    const bridged = { onEvent: () => () => {} } as unknown as Record<string, unknown>;
    for (const method of ['getWorkspace', 'saveSidecar']) bridged[method] = () => Promise.reject(data);
    bridged.listDocuments = () => Promise.resolve([]);
    bridged.openDocument = () => Promise.reject(new Error('plain'));
    const wrapped = withTypedErrors(bridged as unknown as TahrirApi);
    const error = await rejection(wrapped.saveSidecar('a', {} as never, null));
    expect(error.code).toBe('stale-revision');
    expect(error.file).toBe('a.annotations.json');
    expect(await wrapped.listDocuments()).toEqual([]);
    await expect(wrapped.openDocument('a')).rejects.toThrow('plain');
  });
});
