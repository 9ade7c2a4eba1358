// `tahrir agree` on real git revisions and folders, with figures worked out by hand.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementRun } from '../../../electron/agreement-job';
import type { Sidecar } from '../../../shared/model';
import { serializeSidecar } from '../../../shared/sidecar';
import { sha256Hex } from '../../../electron/text-file';
import { tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const run = useCliBundle();
const TEXT = 'Sara met Omar in Amman today.';

function sidecar(parts: Partial<Sidecar>): string {
  return serializeSidecar({
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: sha256Hex(Buffer.from(TEXT)), length: TEXT.length },
    document: { status: 'done' },
    edits: [],
    entities: [],
    quotes: [],
    ...parts,
  });
}

// Lina: Sara PERSON, Omar PERSON, Amman GPE; a quote "Sara met Omar" by Sara; " today" removed.
const lina = sidecar({
  entities: [
    { id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara' },
    { id: 't2', start: 9, end: 13, label: 'PERSON', text: 'Omar' },
    { id: 't3', start: 17, end: 22, label: 'GPE', text: 'Amman' },
  ],
  quotes: [{ id: 'q1', start: 0, end: 13, text: 'Sara met Omar', speaker: 't1', kind: 'direct' }],
  edits: [{ id: 'e1', start: 22, end: 28, text: ' today', replacement: '', kind: 'boilerplate' }],
});
// Omar: Omar is an ORG; the same quote, said by Omar (another id for the same entity span is still Omar).
const omar = sidecar({
  entities: [
    { id: 't7', start: 0, end: 4, label: 'PERSON', text: 'Sara' },
    { id: 't8', start: 9, end: 13, label: 'ORG', text: 'Omar' },
    { id: 't9', start: 17, end: 22, label: 'GPE', text: 'Amman' },
  ],
  quotes: [{ id: 'q1', start: 0, end: 13, text: 'Sara met Omar', speaker: 't8', kind: 'direct' }],
});

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

async function repo(): Promise<string> {
  const root = await tempFolder();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'T');
  git(root, 'config', 'user.email', 't@example.org');
  await writeFiles(root, { 'a.txt': TEXT });
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'text');
  for (const [branch, json] of [
    ['lina', lina],
    ['omar', omar],
  ]) {
    git(root, 'checkout', '-qb', branch, 'main');
    await writeFile(join(root, 'a.annotations.json'), json);
    git(root, 'add', '.');
    git(root, 'commit', '-qm', branch);
  }
  git(root, 'checkout', '-q', 'main');
  return root;
}

describe('tahrir agree', () => {
  it('between two git revisions: span F1, token κ, quotes, cleanup, as worked out by hand', async () => {
    const root = await repo();
    const r = await run(['agree', root, '--between', 'lina', 'omar', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as AgreementRun;
    expect(report).toMatchObject({ versions: ['lina', 'omar'], documents: 1, notInEveryVersion: 0, skipped: [] });
    const pair = report.pairs[0];
    // 2 of 3 entities agree exactly (Omar's label differs)
    expect(pair.entities.exact).toMatchObject({ reference: 3, predicted: 3, matched: 2, f1: 2 / 3 });
    expect(pair.entities.byLabel.PERSON.exact).toMatchObject({ reference: 2, predicted: 1, matched: 1 });
    // 7 tokens (Sara met Omar in Amman today .), 6 agree: Ao = 6/7, Ae = 19/49, κ = 23/30
    expect(report.tokens.items).toBe(7);
    expect(pair.entities.cohenKappa).toBeCloseTo(23 / 30, 12);
    expect(report.tokens.observed).toBeCloseTo(6 / 7, 12);
    // the quote matches exactly, its speaker does not
    expect(pair.quotes).toMatchObject({ exact: { f1: 1 }, matched: 1, speakerAgreement: 0 });
    // 29 characters, Lina removed 6: observed 23/29, κ 0 (Omar removed nothing)
    expect(report.cleanup.items).toBe(29);
    expect(pair.cleanup.observed).toBeCloseTo(23 / 29, 12);
    expect(pair.cleanup.cohenKappa).toBe(0);
    expect(report.documentsByDisagreement).toEqual([
      { id: 'a', disagreement: expect.closeTo(1 - 3 / 4, 12), entities: [3, 3], quotes: [1, 1] },
    ]);
  });

  it('a folder and a revision together, three versions; the text report names the figures', async () => {
    const root = await repo();
    const folder = join(await tempFolder(), 'sara');
    await mkdir(folder);
    await writeFile(join(folder, 'a.annotations.json'), lina);
    const r = await run(['agree', root, '--between', 'lina', 'omar', folder]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`agreement between lina, omar, ${folder} on 1 document`);
    expect(r.stdout).toMatch(
      /entities, token level \(7 tokens\): Fleiss κ [\d.]+, Krippendorff α [\d.]+, mean Cohen κ [\d.]+, observed 0\.905/,
    );
    expect(r.stdout).toContain(
      `lina ~ ${folder} (the first as reference):\n  entities: exact F1 1.000 (P 1.000, R 1.000)`,
    );
    // pairs: 0.75, 1, 0.75 → 1 − 5/6
    expect(r.stdout).toMatch(/documents by disagreement .*\n  0\.167  a {2}\(entities 3\/3\/3, quotes 1\/1\/1\)/);
  });

  it('a version that is neither a folder nor a revision is a usage error naming it', async () => {
    const root = await repo();
    const r = await run(['agree', root, '--between', 'lina', 'nobody']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nobody is neither a folder nor a git revision/);
    expect((await run(['agree', root, '--between', 'lina'])).stderr).toMatch(/--between needs at least two versions/);
  });
});
