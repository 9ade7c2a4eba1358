// early.js's first request against a real `tahrir serve` (temp copy of seeds/): the workspace and the document the
// editor opens first come in one round trip (asked one after the other, the second waited for the first's answer).
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import { askEarly } from '../../renderer/early-ask';
import { createHttpApi } from '../../renderer/api-http';
import type { TahrirApi } from '../../shared/api';
import { TahrirError } from '../../shared/errors';

let base: string;
let server: RunningServer;
let api: TahrirApi;
/** The API calls the page made, by method, in order. */
let calls: string[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-early-'));
  await cp(join(__dirname, '..', '..', 'seeds'), join(base, 'seeds'), { recursive: true });
  // Not UTF-8: listed, but it cannot be opened.
  await writeFile(join(base, 'seeds', 'zz-broken.txt'), Buffer.from([0x61, 0x62, 0xff, 0xfe, 0x63]));
  server = await startServer({ root: join(base, 'seeds'), port: 0, rendererDir: base, log: () => {} });
  api = createHttpApi({
    baseUrl: `http://127.0.0.1:${server.port}`,
    token: server.token,
    fetch: (input, init) => {
      calls.push(String(input).split('/').pop()!);
      return fetch(input, init);
    },
  });
});

afterAll(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

describe('askEarly', () => {
  it('asks for the workspace and its first document in one request', async () => {
    calls = [];
    const early = askEarly(api, {});
    const workspace = await early.workspace;
    const id = workspace.documents[0].id;
    const answer = await early.documents.get(id)!;
    expect(answer.id).toBe(id);
    expect(answer.text.length).toBeGreaterThan(100);
    expect(calls).toEqual(['startEditor']);
  });

  it('opens the document last opened in this workspace, and the first when that one is gone', async () => {
    const workspace = await api.getWorkspace();
    const root = workspace.root;
    const second = workspace.documents[1].id;
    const early = askEarly(api, { [root]: second, '/another/workspace': workspace.documents[2].id });
    await early.workspace;
    expect([...early.documents.keys()]).toEqual([second]);
    expect((await early.documents.get(second)!).id).toBe(second);
    const gone = askEarly(api, { [root]: 'no-such-document' });
    await gone.workspace;
    expect([...gone.documents.keys()]).toEqual([workspace.documents[0].id]);
  });

  it('gives the workspace and keeps a document that cannot be opened for the app to report', async () => {
    const root = (await api.getWorkspace()).root;
    const early = askEarly(api, { [root]: 'zz-broken' });
    expect((await early.workspace).documents.map((d) => d.id)).toContain('zz-broken');
    const error = await early.documents.get('zz-broken')!.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TahrirError);
    expect((error as TahrirError).code).toBe('not-utf8');
  });

  it('never rejects unasked when the server refuses: the app reports it when it takes the workspace', async () => {
    const refused = askEarly(createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: 'not-the-token' }), {});
    expect(await refused.workspace.catch((e: unknown) => e)).toBeInstanceOf(TahrirError);
    expect(refused.documents.size).toBe(0);
  });
});
