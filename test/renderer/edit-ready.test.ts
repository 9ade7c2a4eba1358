// A document opened in the editor is made ready for its first edit in an idle moment after the open (edit-ready.ts):
// the first tag's nextId then reads none of the document's ids in its keypress.
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { nextId } from '../../shared/document-data';
import { codePointLength } from '../../shared/code-points';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import { loadWorkspace, openDocument } from '../../renderer/session/document-actions';
import { startSession } from '../../renderer/session/session';
import { store } from '../../renderer/session/store';
import { tempFolder, writeFiles } from '../electron/temp-folder';
import { apiOf } from './store-workspace';

const COUNT = 2_000;
const TEXT = 'name word '.repeat(COUNT);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

describe('a document opened is made ready for its first edit', () => {
  it('in an idle moment after the open: the first tag reads no id of the document', async () => {
    const root = await tempFolder('tahrir-edit-ready-');
    const sidecar = emptySidecar('long.txt', '0'.repeat(64), codePointLength(TEXT));
    sidecar.entities = Array.from({ length: COUNT }, (_, i) => ({
      id: `t${i + 1}`,
      start: i * 10,
      end: i * 10 + 4,
      label: 'PERSON',
      text: 'name',
    }));
    await writeFiles(root, { 'long.txt': TEXT, 'long.annotations.json': serializeSidecar(sidecar) });
    backend = await Backend.open(root);
    startSession(apiOf(backend));
    await loadWorkspace();
    await openDocument('long');
    // From now on every read of an entity's id is counted (the opened record's own objects).
    let reads = 0;
    const entities = store().getState().data!.entities;
    for (const e of Object.values(entities)) {
      const id = e.id;
      Object.defineProperty(e, 'id', { enumerable: true, get: () => (reads++, id) });
    }
    expect(reads).toBe(0);
    await sleep(300); // the idle moment (under Node, a short timer)
    reads = 0;
    expect(nextId('t', store().getState().data!.entities)).toBe(`t${COUNT + 1}`);
    expect(reads).toBe(0);
  });
});
