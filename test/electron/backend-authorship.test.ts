// Teams: each save stamps what it adds or changes with the annotator of this machine.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { parseSidecar } from '../../shared/sidecar';
import { tempFolder, writeFiles } from './temp-folder';

describe('Backend saves with an annotator', () => {
  it('stamps createdBy/changedBy against the file it replaces, and the top-level annotator', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'a.txt': 'Sara met Omar in Amman.' });
    const lina = await Backend.open(root, { annotator: 'Lina' });
    const opened = await lina.openDocument('a');
    const first = await lina.saveSidecar(
      'a',
      {
        ...opened.sidecar,
        entities: [
          { id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara' },
          { id: 't2', start: 9, end: 13, label: 'PERSON', text: 'Omar' },
        ],
      },
      null,
    );
    const omar = await Backend.open(root, { annotator: 'Omar' });
    const again = await omar.openDocument('a');
    expect(again.sidecar.entities.map((e) => [e.createdBy, e.changedBy])).toEqual([
      ['Lina', 'Lina'],
      ['Lina', 'Lina'],
    ]);
    await omar.saveSidecar(
      'a',
      {
        ...again.sidecar,
        entities: [
          again.sidecar.entities[0],
          { ...again.sidecar.entities[1], label: 'ORG' },
          { id: 't3', start: 17, end: 22, label: 'GPE', text: 'Amman' },
        ],
      },
      first.revision,
    );
    const saved = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    expect(saved.entities.map((e) => [e.id, e.createdBy, e.changedBy])).toEqual([
      ['t1', 'Lina', 'Lina'],
      ['t2', 'Lina', 'Omar'],
      ['t3', 'Omar', 'Omar'],
    ]);
    expect(saved.annotator).toBe('Omar');
  });

  it('without an annotator nothing is stamped (as before Teams)', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'a.txt': 'Sara met Omar.' });
    const backend = await Backend.open(root);
    const opened = await backend.openDocument('a');
    await backend.saveSidecar(
      'a',
      { ...opened.sidecar, entities: [{ id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara' }] },
      null,
    );
    expect(await readFile(join(root, 'a.annotations.json'), 'utf8')).not.toMatch(/createdBy|changedBy/);
  });
});

describe('Backend saves named by the editor (Teams)', () => {
  // The editor names its writer in the sidecar's `annotator` (its setting, git's user.name by default; none when
  // it has no name, so the last writer is not claimed): what that save adds or changes is theirs.
  it('stamps with the writer the sidecar names when the host has no fixed name', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'a.txt': 'Sara met Omar.' });
    const backend = await Backend.open(root);
    const opened = await backend.openDocument('a');
    await backend.saveSidecar(
      'a',
      {
        ...opened.sidecar,
        annotator: 'سارة',
        entities: [{ id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara' }],
      },
      null,
    );
    const saved = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    expect(saved.entities.map((e) => [e.createdBy, e.changedBy])).toEqual([['سارة', 'سارة']]);
    expect(saved.annotator).toBe('سارة');
  });

  it("gives the editor git's user.name for the workspace as the default name", async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'a.txt': 'Sara met Omar.' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['config', 'user.name', 'Omar Git'], { cwd: root });
    expect((await (await Backend.open(root)).getWorkspace()).gitUserName).toBe('Omar Git');
  });
});
