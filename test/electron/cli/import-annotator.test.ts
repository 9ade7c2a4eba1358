// Teams: what `tahrir import` adds is stamped with the annotator (--annotator, else git's user.name).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSidecar } from '../../../shared/sidecar';
import { tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const run = useCliBundle();
const TEXT = 'Sara met Omar in Amman.';

async function workspace(): Promise<{ root: string; from: string }> {
  const root = await tempFolder();
  await writeFiles(root, { 'a.txt': TEXT });
  const from = join(await tempFolder(), 'pre.jsonl');
  await writeFile(from, JSON.stringify({ id: 'a', text: TEXT, spans: [{ start: 0, end: 4, label: 'PERSON' }] }) + '\n');
  return { root, from };
}

describe('tahrir import --annotator', () => {
  it('stamps what it adds with the name given', async () => {
    const { root, from } = await workspace();
    const r = await run(['import', root, '--format', 'jsonl', '--from', from, '--annotator', 'Lina']);
    expect(r.code, r.stderr).toBe(0);
    const s = parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8'));
    expect(s.entities.map((e) => [e.text, e.createdBy, e.changedBy])).toEqual([['Sara', 'Lina', 'Lina']]);
    expect(s.annotator).toBe('Lina');
  });

  it("without it, git's user.name of the workspace's repository", async () => {
    const { root, from } = await workspace();
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['config', 'user.name', 'Omar Khalil'], { cwd: root });
    expect((await run(['import', root, '--format', 'jsonl', '--from', from])).code).toBe(0);
    expect(parseSidecar(await readFile(join(root, 'a.annotations.json'), 'utf8')).entities[0]).toMatchObject({
      createdBy: 'Omar Khalil',
      changedBy: 'Omar Khalil',
    });
  });

  it('an empty name is a usage error', async () => {
    const { root, from } = await workspace();
    const r = await run(['import', root, '--format', 'jsonl', '--from', from, '--annotator', ' ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--annotator needs a name/);
  });
});
