// The agreement view's and curation's back-end operations on a real git repository: two
// annotators' branches of one workspace, measured and curated through the host's handler table
// (as the desktop app and `tahrir serve` call them), the curated sidecar saved to the main copy.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureAgreement, versionSource } from '../../electron/agreement-job';
import { Backend } from '../../electron/backend';
import { dispatchApiCall } from '../../electron/api-dispatch';
import { apiHandlers } from '../../electron/host-policy';
import type { AgreementRun, CurationOpened, TahrirEvent } from '../../shared/api';
import { curationDiff, startCuration, takeDifference } from '../../shared/curation';
import { sidecarFromData, type DocumentData } from '../../shared/document-data';
import type { Sidecar } from '../../shared/model';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { checkSidecarStructure } from '../../shared/sidecar-check';
import { sha256Hex } from '../../electron/text-file';
import { tempFolder, writeFiles } from './temp-folder';

// Code points, not UTF-16 units: an emoji and a combining mark come before the names, CRLF between.
const TEXT = '😀 e\u0301 سارة met عمر\r\nin عمّان today.';
const cp = (s: string) => [...s].length;
const at = (word: string) => cp(TEXT.slice(0, TEXT.indexOf(word)));
const SARA = at('سارة');
const OMAR = at('عمر');
const AMMAN = at('عمّان');

function sidecar(parts: Partial<Sidecar>): string {
  return serializeSidecar({
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: sha256Hex(Buffer.from(TEXT)), length: cp(TEXT) },
    document: { status: 'done' },
    edits: [],
    entities: [],
    quotes: [],
    ...parts,
  });
}

const ali = sidecar({
  entities: [
    { id: 't1', start: SARA, end: SARA + 4, label: 'PERSON', text: 'سارة', createdBy: 'ali' },
    { id: 't2', start: OMAR, end: OMAR + 3, label: 'PERSON', text: 'عمر', createdBy: 'ali' },
    { id: 't3', start: AMMAN, end: AMMAN + 5, label: 'GPE', text: 'عمّان', createdBy: 'ali' },
  ],
});
const sara = sidecar({
  entities: [
    { id: 't1', start: SARA, end: SARA + 4, label: 'PERSON', text: 'سارة', createdBy: 'sara' },
    { id: 't5', start: OMAR, end: OMAR + 3, label: 'ORG', text: 'عمر', createdBy: 'sara' },
  ],
});

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

/** main holds the text; annotators/ali and annotators/sara each their sidecar. */
async function repo(): Promise<string> {
  const root = await tempFolder();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Curator');
  git(root, 'config', 'user.email', 'c@example.org');
  await writeFiles(root, { 'a.txt': TEXT, 'b.txt': 'Nothing annotated here.' });
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'texts');
  for (const [branch, json] of [
    ['annotators/ali', ali],
    ['annotators/sara', sara],
  ]) {
    git(root, 'checkout', '-qb', branch, 'main');
    await writeFile(join(root, 'a.annotations.json'), json);
    git(root, 'add', '.');
    git(root, 'commit', '-qm', branch);
  }
  git(root, 'checkout', '-q', 'main');
  return root;
}

async function host(root: string) {
  const backend = await Backend.open(root, { annotator: 'Curator' });
  const handlers = apiHandlers({
    operations: {} as never,
    backend: () => backend,
  });
  return { backend, call: (method: string, ...args: unknown[]) => dispatchApiCall(handlers, method, args) };
}

describe('agreement and curation in the back end', () => {
  it('lists the branches and measures agreement as tahrir agree does, saying how far it is', async () => {
    const root = await repo();
    const { backend, call } = await host(root);
    const events: TahrirEvent[] = [];
    backend.onEvent((e) => events.push(e));
    expect(await call('agreementVersions')).toEqual(['annotators/ali', 'annotators/sara', 'main']);
    const report = (await call('measureAgreement', ['annotators/ali', 'annotators/sara'])) as AgreementRun;
    const cli = await measureAgreement(root, [
      await versionSource(root, 'annotators/ali'),
      await versionSource(root, 'annotators/sara'),
    ]);
    expect(report).toEqual(cli);
    expect(report.documents).toBe(1);
    expect(report.pairs[0].entities.exact).toMatchObject({ precision: 1 / 2, recall: 1 / 3 });
    expect(report.documentsByDisagreement[0].id).toBe('a');
    expect(events.filter((e) => e.type === 'agreement-progress').at(-1)).toEqual({
      type: 'agreement-progress',
      done: 1,
      total: 1,
    });
    await backend.close();
  });

  it('refuses what is neither a folder nor a revision, an option, and one version', async () => {
    const root = await repo();
    const { backend, call } = await host(root);
    await expect(call('measureAgreement', ['annotators/ali', 'nobody'])).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('nobody is neither a folder inside the workspace nor a git revision'),
    });
    await expect(call('measureAgreement', ['annotators/ali', '--output=x'])).rejects.toMatchObject({
      message: expect.stringContaining('must not start with -'),
    });
    await expect(call('openCuration', 'a', ['main'])).rejects.toMatchObject({
      message: expect.stringContaining('at least two versions'),
    });
    await expect(call('measureAgreement', ['annotators/ali', '../outside'])).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await backend.close();
  });

  it('opens a document with each version, curates it by taking sides, and saves it to the main copy', async () => {
    const root = await repo();
    // A third version as a folder inside the workspace, without this document.
    await writeFiles(root, { 'versions/huda/b.annotations.json': '{}' });
    const { backend, call } = await host(root);
    const opened = (await call('openCuration', 'a', [
      'annotators/ali',
      'annotators/sara',
      'versions/huda',
    ])) as CurationOpened;
    expect(opened.text).toBe(TEXT);
    expect(opened.revision).toBeNull();
    expect(opened.versions.map((v) => [v.name, v.sidecar?.entities.length ?? null])).toEqual([
      ['annotators/ali', 3],
      ['annotators/sara', 2],
      ['versions/huda', null],
    ]);

    const versions = opened.versions.slice(0, 2).map((v) => v.sidecar!);
    const names = ['annotators/ali', 'annotators/sara'];
    const { differences } = curationDiff(versions);
    expect(differences.map((d) => [d.key, d.kind])).toEqual([
      [`entity ${OMAR}-${OMAR + 3}`, 'label'],
      [`entity ${AMMAN}-${AMMAN + 5}`, 'only-in'],
    ]);
    let data: DocumentData = startCuration(opened.sidecar, versions, names);
    data = takeDifference(data, versions, differences[0], { version: 1 }) as DocumentData;
    data = takeDifference(data, versions, differences[1], { version: 0 }) as DocumentData;
    await call('saveSidecar', 'a', sidecarFromData(opened.sidecar, data), opened.revision);

    const saved = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'), 'a.annotations.json');
    expect(checkSidecarStructure(saved)).toEqual([]);
    expect(saved.entities.map((e) => [e.start, e.label, e.text, e.createdBy])).toEqual([
      [SARA, 'PERSON', 'سارة', 'ali'],
      [OMAR, 'ORG', 'عمر', 'sara'],
      [AMMAN, 'GPE', 'عمّان', 'ali'],
    ]);
    expect(saved.document.curatedFrom).toEqual({
      versions: names,
      decisions: {
        [`entity ${OMAR}-${OMAR + 3}`]: 'annotators/sara',
        [`entity ${AMMAN}-${AMMAN + 5}`]: 'annotators/ali',
      },
    });
    // Opened again: the decisions are there, so the curation goes on where it stopped.
    const again = (await call('openCuration', 'a', names)) as CurationOpened;
    expect(again.sidecar.document.curatedFrom?.decisions).toEqual(saved.document.curatedFrom?.decisions);
    await backend.close();
  });
});
