// How `tahrir agree` reads a folder version: each sidecar when its document is compared, not every
// sidecar up front (30,000 short files read ahead and held were over half of the command's CPU).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderVersion, measureAgreement } from '../../electron/agreement-job';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import { sha256Hex } from '../../electron/text-file';
import { tempFolder, writeFiles } from './temp-folder';

const TEXT = 'Sara met Omar in Amman today.';

function sidecar(label: string): string {
  const empty = emptySidecar('a.txt', sha256Hex(Buffer.from(TEXT)), TEXT.length);
  return serializeSidecar({ ...empty, entities: [{ id: 't1', start: 0, end: 4, label, text: 'Sara' }] });
}

describe('a folder version', () => {
  it('reads a sidecar when it is asked for, not when the folder is listed', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'ali/a.annotations.json': sidecar('PERSON'), 'ali/b/c.annotations.json': sidecar('ORG') });
    const listed = await folderVersion('ali', join(root, 'ali')).sidecars();
    expect([...listed.keys()].sort()).toEqual(['a.annotations.json', 'b/c.annotations.json']);
    // Written after the listing: what is read is the file as it is now.
    await writeFile(join(root, 'ali', 'a.annotations.json'), sidecar('GPE'));
    const a = listed.get('a.annotations.json')!();
    const c = listed.get('b/c.annotations.json')!();
    // Each read is its own text (the bytes come through one reused buffer).
    expect(a).toBe(sidecar('GPE'));
    expect(c).toBe(await readFile(join(root, 'ali', 'b', 'c.annotations.json'), 'utf8'));
  });

  it('stops the measurement on a sidecar it cannot read, as when every one was read first', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.txt': TEXT,
      'ali/a.annotations.json': sidecar('PERSON'),
      'sara/a.annotations.json': sidecar('ORG'),
    });
    const ali = folderVersion('ali', join(root, 'ali'));
    const sara = folderVersion('sara', join(root, 'sara'));
    const run = await measureAgreement(root, [ali, sara]);
    expect(run.documents).toBe(1);
    expect(run.pairs[0].entities.exact.f1).toBe(0);
    // Gone between the listing and its document's turn.
    const listing = sara.sidecars.bind(sara);
    sara.sidecars = async () => {
      const listed = await listing();
      await rm(join(root, 'sara', 'a.annotations.json'));
      return listed;
    };
    await expect(measureAgreement(root, [ali, sara])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
