import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const run = useCliBundle();

describe('tahrir assign', () => {
  it('writes tahrir-assignment.json, the same bytes for the same seed, and says who got how many', async () => {
    const root = await tempFolder();
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`news/${i}.txt`] = `Text ${i}.`;
    await writeFiles(root, files);
    const r = await run(['assign', root, '--annotators', 'lina,omar', '--overlap', '0.2', '--seed', '4']);
    expect(r).toMatchObject({
      code: 0,
      stdout: 'wrote tahrir-assignment.json: 10 documents, 2 of them to two annotators (lina 6, omar 6)\n',
    });
    const first = await readFile(join(root, 'tahrir-assignment.json'), 'utf8');
    const parsed = JSON.parse(first);
    expect(parsed).toMatchObject({
      format: 'tahrir-assignment',
      version: 1,
      annotators: ['lina', 'omar'],
      overlap: 0.2,
      seed: 4,
    });
    expect(Object.keys(parsed.documents)).toHaveLength(10);
    await run(['assign', root, '--annotators', 'lina,omar', '--overlap', '0.2', '--seed', '4']);
    expect(await readFile(join(root, 'tahrir-assignment.json'), 'utf8')).toBe(first);
  });

  it('a bad overlap is a usage error (exit 2) saying what is wrong', async () => {
    const root = await tempFolder();
    const r = await run(['assign', root, '--annotators', 'lina,omar', '--overlap', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--overlap 2 must be a share between 0 and 1/);
  });
});
