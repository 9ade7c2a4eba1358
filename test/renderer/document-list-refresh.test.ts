// The document list after changes on disk: a batch of the watcher's events (an import, a git pull) asks for the whole
// list once or twice, not once per sidecar, and the list shown is the one after the last change.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { loadWorkspace } from '../../renderer/session/document-actions';
import { session } from '../../renderer/session/session';
import { store } from '../../renderer/session/store';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import { openWorkspace } from './store-workspace';

it('thirty sidecars changed outside in one batch ask for the list at most twice, and show the last state', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`doc-${String(i).padStart(2, '0')}.txt`] = `Text ${i}.\n`;
  const { root, backend } = await openWorkspace(files);
  onTestFinished(() => backend.close());
  await loadWorkspace();
  // Counted on the real Backend, as the page asks it.
  let listings = 0;
  const listDocuments = backend.listDocuments.bind(backend);
  backend.listDocuments = () => {
    listings++;
    return listDocuments();
  };
  // What the watcher reports of an import that wrote thirty sidecars: one event each, then the list changed.
  for (let i = 0; i < 30; i++) {
    const id = `doc-${String(i).padStart(2, '0')}`;
    const sidecar = emptySidecar(`${id}.txt`, '0'.repeat(64), 8);
    sidecar.document.status = 'done';
    await writeFile(join(root, `${id}.annotations.json`), serializeSidecar(sidecar));
  }
  const { events } = session();
  for (let i = 0; i < 30; i++) events.handle({ type: 'sidecar-changed', id: `doc-${String(i).padStart(2, '0')}` });
  events.handle({ type: 'documents-changed' });
  await session().listings.next;
  await session().listings.refreshing;
  expect(listings).toBeLessThanOrEqual(2);
  expect(
    store()
      .getState()
      .documents.filter((d) => d.status === 'done'),
  ).toHaveLength(30);
});
