// early.js's first request against a real `tahrir serve` (temp copy of seeds/): the workspace and the document the
// editor opens first come in one round trip (asked one after the other, the second waited for the first's answer).
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import { askEarly, askWhen } from '../../renderer/early-ask';
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

  it('takes the start given in the page: asks nothing when it is whole, and the rest of that same document when cut', async () => {
    const workspace = await api.getWorkspace();
    const second = workspace.documents[1].id;
    const given = await api.startEditor({ [workspace.root]: second });
    calls = [];
    const whole = askEarly(api, {}, undefined, { start: given, rest: false });
    expect((await whole.start).first?.id).toBe(second);
    await whole.workspace;
    expect((await whole.documents.get(second)!).text).toBe((await api.openDocument(second)).text);
    expect(calls).toEqual(['openDocument']); // this test's own
    calls = [];
    // Cut (a long document's first screen): the rest is asked for that document, not the last one remembered here.
    const cut = askEarly(api, { [workspace.root]: workspace.documents[2].id }, undefined, { start: given, rest: true });
    await cut.workspace;
    expect([...cut.documents.keys()]).toEqual([second]);
    expect((await cut.documents.get(second)!).id).toBe(second);
    expect(calls).toEqual(['startEditor']);
  });

  it('asks for the rest of a start given in the page only once `restAfter` settles (its first screen drawn)', async () => {
    const workspace = await api.getWorkspace();
    const given = await api.startEditor({ [workspace.root]: workspace.documents[1].id });
    let drawn = (): void => undefined;
    calls = [];
    const cut = askEarly(api, {}, undefined, { start: given, rest: true }, new Promise((r) => (drawn = () => r(0))));
    expect((await cut.start).first?.id).toBe(given.first?.id); // the first part at once, from the page
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual([]);
    drawn();
    expect((await cut.whole).first?.id).toBe(given.first?.id);
    expect(calls).toEqual(['startEditor']);
  });

  it('asks once the page is ready when the start comes in it, and gives the documents asked for', async () => {
    let ready = (): void => undefined;
    let asked = false;
    const early = askWhen(new Promise<void>((resolve) => (ready = resolve)), () => ((asked = true), askEarly(api, {})));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBe(false);
    ready();
    const workspace = await early.workspace;
    expect([...early.documents.keys()]).toEqual([workspace.documents[0].id]);
    expect((await early.whole).first?.id).toBe(workspace.documents[0].id);
  });
});
