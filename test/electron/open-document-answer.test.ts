// Opening a document again that did not change gives the same answer object (Backend.lastOpened), which
// `tahrir serve` sends as the bytes it encoded the first time; any change (the sidecar or the text on disk, a
// save, a recovery journal) makes a new answer, and serve sends that one.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { startServer } from '../../electron/serve';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { tempFolder, writeFiles } from './temp-folder';

const repo = join(__dirname, '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';
const sampleText = readFileSync(join(repo, 'seeds', `${SAMPLE}.txt`), 'utf8');
const exampleJson = readFileSync(join(repo, 'test', 'fixtures', 'sidecars', `${SAMPLE}.annotations.json`), 'utf8');

async function workspace(): Promise<string> {
  const root = await tempFolder();
  await writeFiles(root, { [`${SAMPLE}.txt`]: sampleText, [`${SAMPLE}.annotations.json`]: exampleJson });
  return root;
}

/** The sidecar with its first entity's label changed (a sidecar an editor saved elsewhere). */
function relabelled(json: string): string {
  const sidecar = parseSidecar(json);
  sidecar.entities[0] = { ...sidecar.entities[0], label: sidecar.entities[0].label === 'ORG' ? 'PERSON' : 'ORG' };
  return serializeSidecar(sidecar);
}

describe('Backend.openDocument, opened again', () => {
  it('answers an unchanged document with the same object, and a changed one with a new answer', async () => {
    const root = await workspace();
    const backend = await Backend.open(root);
    try {
      const first = await backend.openDocument(SAMPLE);
      expect(await backend.openDocument(SAMPLE)).toBe(first);

      // The sidecar changed on disk: a new answer holding the change.
      const changed = relabelled(exampleJson);
      await writeFile(join(root, `${SAMPLE}.annotations.json`), changed);
      const second = await backend.openDocument(SAMPLE);
      expect(second).not.toBe(first);
      expect(second.sidecar.entities[0].label).toBe(parseSidecar(changed).entities[0].label);
      expect(await backend.openDocument(SAMPLE)).toBe(second);

      // A save: the next open answers with what was saved.
      const saved = relabelled(changed);
      const { revision } = await backend.saveSidecar(SAMPLE, parseSidecar(saved), second.revision);
      const third = await backend.openDocument(SAMPLE);
      expect(third).not.toBe(second);
      expect(third.revision).toBe(revision);
      expect(third.sidecar.entities[0].label).toBe(parseSidecar(saved).entities[0].label);

      // The text changed on disk (a word appended): a new answer with the new text.
      await writeFile(join(root, `${SAMPLE}.txt`), `${sampleText}\nكلمة`);
      const fourth = await backend.openDocument(SAMPLE);
      expect(fourth).not.toBe(third);
      expect(fourth.text).toBe(`${sampleText}\nكلمة`);

      // Unsaved changes in the recovery journal: each open answers anew with them.
      await backend.writeRecovery(SAMPLE, parseSidecar(relabelled(serializeSidecar(fourth.sidecar))));
      const recovered = await backend.openDocument(SAMPLE);
      expect(recovered.recovered).toBeDefined();
      expect(recovered).not.toBe(fourth);
    } finally {
      await backend.close();
    }
  });
});

describe('tahrir serve: openDocument', () => {
  it('sends the same bytes for an unchanged document and the new answer once the sidecar changed', async () => {
    const root = await workspace();
    const rendererDir = await tempFolder();
    await writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Tahrir</title>' });
    const server = await startServer({ root, port: 0, rendererDir, log: () => {} });
    const open = () =>
      new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: '/api/openDocument',
            headers: { 'Content-Type': 'application/json', 'x-tahrir-token': server.token },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ args: [SAMPLE] }));
      });
    try {
      const first = await open();
      expect(JSON.parse(first).result.text).toBe(sampleText);
      expect(await open()).toBe(first);
      const changed = relabelled(exampleJson);
      await writeFile(join(root, `${SAMPLE}.annotations.json`), changed);
      const second = JSON.parse(await open()).result;
      expect(second.sidecar.entities[0].label).toBe(parseSidecar(changed).entities[0].label);
    } finally {
      await server.close();
    }
  });
});
