// `tahrir export` as a user runs it: a real process in a real folder, without --out.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixtureWorkspace } from '../../shared/export/fixture-documents';
import { tempFolder } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const tahrir = useCliBundle();

describe('tahrir export without --out', () => {
  it('writes ./tahrir-jsonl.jsonl, replaces it on the next run, and never a file of that name it did not write (exit 1)', async () => {
    const ws = await tempFolder();
    await writeFixtureWorkspace(ws);
    const cwd = await tempFolder();
    const mine = '{"id": "my own notes, not an export"}\n';
    await writeFile(join(cwd, 'tahrir-jsonl.jsonl'), mine);
    const refused = await tahrir(['export', ws, '--format', 'jsonl'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `tahrir export: ${join(cwd, 'tahrir-jsonl.jsonl')}: exists and is not an earlier Tahrir export; not writing over it (choose another destination with --out PATH)\n`,
    );
    expect(await readFile(join(cwd, 'tahrir-jsonl.jsonl'), 'utf8')).toBe(mine);
    expect(await readdir(cwd)).toEqual(['tahrir-jsonl.jsonl']);

    const fresh = await tempFolder();
    const first = await tahrir(['export', ws, '--format', 'jsonl'], fresh);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/exported 3 documents/);
    const again = await tahrir(['export', ws, '--format', 'jsonl', '--status', 'done'], fresh);
    expect(again.code).toBe(0);
    expect((await readFile(join(fresh, 'tahrir-jsonl.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2);
  });
});

describe('tahrir export of brat (a folder of .txt files) run from inside the workspace', () => {
  it('goes to exports/ by default, refuses a folder the listing reads, and the documents stay as many', async () => {
    const ws = await tempFolder();
    await writeFixtureWorkspace(ws);
    const first = await tahrir(['export', '.', '--format', 'brat'], ws);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`wrote ${join(ws, 'exports', 'tahrir-brat')}\n`);
    expect(await readdir(join(ws, 'exports', 'tahrir-brat'))).toContain('mixed.txt');

    const inside = await tahrir(['export', '.', '--format', 'brat', '--out', 'brat-here'], ws);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toBe(
      `tahrir export: ${join(ws, 'brat-here')}: is inside the workspace, where the .txt files this export writes ` +
        'would be read as documents (and exported again): write it under exports/ or outside the workspace\n',
    );
    expect(await readdir(ws)).not.toContain('brat-here');

    // Its texts were not taken for documents: still the workspace's 3.
    const after = await tahrir(['export', '.', '--format', 'jsonl', '--out', join(await tempFolder(), 'a.jsonl')], ws);
    expect(after.stdout).toMatch(/^exported 3 documents$/m);
  });
});
