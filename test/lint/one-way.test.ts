// One way to do each thing in shared/ and electron/: a binary search is shared/sorted-search.ts
// (partitionPoint, lowerBound, upperBound), never a loop of its own halving a range.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** A midpoint of a range being halved: `(lo + hi) >>> 1`, `(a + b) >> 1`, `Math.floor((lo + hi) / 2)`. */
const HALVING =
  /\(\s*\w+\s*\+\s*\w+(\s*\+\s*1)?\s*\)\s*>>>?\s*1\b|Math\.floor\(\s*\(\s*\w+\s*\+\s*\w+\s*\)\s*\/\s*2\s*\)/;

describe('one way to do each thing', () => {
  it('binary searches in shared/ and electron/ are those of shared/sorted-search.ts', () => {
    const found: string[] = [];
    for (const file of [...sourceFiles(join(repo, 'shared')), ...sourceFiles(join(repo, 'electron'))]) {
      const path = relative(repo, file).split('\\').join('/');
      if (path === 'shared/sorted-search.ts') continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => HALVING.test(line) && found.push(`${path}:${i + 1}: ${line.trim()}`));
    }
    expect(found).toEqual([]);
  });

  it('the workspace layout (file suffixes, .tahrir/, exports/) is named only in shared/workspace-layout.ts', () => {
    const found: string[] = [];
    const layoutNames = /['"`](\.txt|\.annotations\.json|\.tahrir|tahrir\.json|exports\/?)['"`]/;
    for (const file of [...sourceFiles(join(repo, 'shared')), ...sourceFiles(join(repo, 'electron'))]) {
      const path = relative(repo, file).split('\\').join('/');
      if (path === 'shared/workspace-layout.ts' || path === 'electron/renderer-files.ts') continue; // (a MIME type for .txt)
      readFileSync(file, 'utf8')
        .split('\n')
        // (Comments may name them; brat's own .ann/.txt pairs are the import format's, not the workspace's.)
        .forEach(
          (line, i) =>
            !/^\s*(\/\/|\*|\/\*)/.test(line) &&
            !line.includes('.ann$') &&
            layoutNames.test(line) &&
            found.push(`${path}:${i + 1}: ${line.trim()}`),
        );
    }
    expect(found).toEqual([]);
  });

  it('catches a hand-written one (the pattern is sound)', () => {
    for (const line of [
      'const mid = (lo + hi) >>> 1;',
      'const mid = (lo + hi + 1) >>> 1;',
      'const m = (a + b) >> 1;',
      'const m = Math.floor((lo + hi) / 2);',
    ]) {
      expect(HALVING.test(line), line).toBe(true);
    }
    expect(HALVING.test('const half = width >> 1;')).toBe(false);
  });
});
