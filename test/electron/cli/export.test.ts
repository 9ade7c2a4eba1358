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
