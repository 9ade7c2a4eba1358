// early.js's first requests against a real `tahrir serve` (temp copy of seeds/): app.js may run
// once the first document has been asked for, while the server is still reading and sending it
// (app.js's start-up then overlaps that wait instead of following it).
import { cp, mkdtemp, rm } from 'node:fs/promises';
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

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-early-'));
  await cp(join(__dirname, '..', '..', 'seeds'), join(base, 'seeds'), { recursive: true });
  server = await startServer({ root: join(base, 'seeds'), port: 0, rendererDir: base, log: () => {} });
  api = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token });
});

afterAll(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

/** Whether `promise` has settled by the time the microtasks queued now have run. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await Promise.resolve();
  await Promise.resolve();
  return settled;
}

describe('askEarly', () => {
  it('is done asking as soon as the document is asked for, before its answer comes', async () => {
    const early = askEarly(api, (ws) => ws.documents[0]?.id ?? null);
    await early.asked;
    const workspace = await early.workspace;
    const id = workspace.documents[0].id;
    const opened = early.documents.get(id);
    expect(opened).toBeDefined();
    // The answer is a network round trip away: not there when the asking is done.
    expect(await settledNow(opened!)).toBe(false);
    const answer = await opened!;
    expect(answer.id).toBe(id);
    expect(answer.text.length).toBeGreaterThan(100);
  });

  it('is done asking, having asked nothing, when the workspace has no document to open or cannot be read', async () => {
    const none = askEarly(api, () => null);
    await none.asked;
    expect(none.documents.size).toBe(0);
    const refused = askEarly(
      createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, token: 'not-the-token' }),
      (ws) => ws.documents[0].id,
    );
    await refused.asked; // the app reports the refusal when it takes the workspace's answer
    expect(await refused.workspace.catch((e: unknown) => e)).toBeInstanceOf(TahrirError);
    expect(refused.documents.size).toBe(0);
  });

  it('keeps a refused document for the app to report, and never rejects the asking', async () => {
    const early = askEarly(api, () => 'no-such-document');
    await early.asked;
    const opened = early.documents.get('no-such-document');
    expect(await opened!.catch((e: unknown) => e)).toBeInstanceOf(TahrirError);
  });
});
