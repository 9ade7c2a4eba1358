// `tahrir learn` and `tahrir suggest --workspace` as a user runs them: a real process on a
// real folder of articles written for the test (site-articles.ts).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AR_TEMPLATE, EN_TEMPLATE, arabicArticle, englishArticle } from '../../shared/boilerplate/site-articles';
import { snapshot, tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const tahrir = useCliBundle();

interface SuggestJson {
  edits: { start: number; end: number; text: string; rule: string; reason?: string }[];
}

async function workspace(withConfig: boolean): Promise<string> {
  const root = await tempFolder();
  const files: Record<string, string> = withConfig ? { 'tahrir.json': '{}\n' } : {};
  for (let i = 0; i < 10; i++) {
    files[`wire/w${i}.txt`] = arabicArticle(i);
    files[`metro/m${i}.txt`] = englishArticle(i);
  }
  await writeFiles(root, files);
  return root;
}

/** A sidecar in which the editor removed `part` of `text` by hand. */
function removedByHand(file: string, text: string, part: string): string {
  const start = [...text.slice(0, text.indexOf(part))].length;
  return JSON.stringify({
    format: 'tahrir-annotations',
    version: 1,
    source: { file, sha256: '0'.repeat(64), length: [...text].length },
    document: { status: 'done' },
    edits: [{ id: 'e1', start, end: start + [...part].length, text: part, replacement: '', kind: 'boilerplate' }],
    entities: [],
    quotes: [],
  });
}

describe('tahrir learn', () => {
  it("prints each site's top template lines and its examples; --json says the same", async () => {
    const root = await workspace(true);
    const a = englishArticle(3);
    const credit = 'Night desk notes for the valley edition close here.';
    await writeFiles(root, {
      'metro/m3.txt': `${a}\n\n${credit}`,
      'metro/m3.annotations.json': removedByHand('m3.txt', `${a}\n\n${credit}`, credit),
    });
    const r = await tahrir(['learn', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wire: 10 articles, learned from 0 removed and 0 kept lines');
    expect(r.stdout).toMatch(/metro: 10 articles, learned from 1 removed and \d+ kept lines/);
    expect(r.stdout).toContain(`10 of 10  ${AR_TEMPLATE.endMarker.trim()}`);
    expect(r.stdout).toContain(`10 of 10  ${EN_TEMPLATE.newsletter.slice(0, 60)}`);
    expect(
      JSON.parse(await readFile(join(root, '.tahrir', 'learned.json'), 'utf8')).sites.metro.removedLines,
    ).toHaveLength(1);

    const json = await tahrir(['learn', root, '--json']);
    const out = JSON.parse(json.stdout) as {
      sites: { site: string; documents: number; templateLines: { count: number; example: string }[] }[];
    };
    expect(out.sites.map((s) => [s.site, s.documents])).toEqual([
      ['metro', 10],
      ['wire', 10],
    ]);
  });

  it('--forget removes the learned model and keeps the counts', async () => {
    const root = await workspace(true);
    await tahrir(['learn', root]);
    expect(await stat(join(root, '.tahrir', 'learned.json'))).toBeTruthy();
    const r = await tahrir(['learn', root, '--forget']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Forgot what was learned/);
    expect(await stat(join(root, '.tahrir', 'learned.json')).catch(() => null)).toBeNull();
    expect(await stat(join(root, '.tahrir', 'template-counts.json'))).toBeTruthy();
  });

  it('usage errors: no folder, a missing folder, an unknown option', async () => {
    expect((await tahrir(['learn'])).code).toBe(2);
    const missing = await tahrir(['learn', '/nonexistent/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect((await tahrir(['learn', '.', '--nope'])).code).toBe(2);
  });
});

describe('tahrir suggest --workspace', () => {
  it("uses the site's counts, with reasons; without a workspace the same file gets none of them", async () => {
    const root = await workspace(false);
    const file = join(root, 'wire', 'w4.txt');
    const inside = JSON.parse((await tahrir(['suggest', file, '--workspace', root, '--json'])).stdout) as SuggestJson;
    const marker = inside.edits.find((e) => e.text.startsWith(AR_TEMPLATE.endMarker));
    // The end marker is also a hand-written cue: whichever rule keeps it, the site's count says why.
    expect(marker).toMatchObject({ reason: 'appears in 9 of 9 wire articles' });
    // Named with --workspace: the cache is kept there.
    expect(await stat(join(root, '.tahrir', 'template-counts.json'))).toBeTruthy();

    const alone = await tempFolder();
    await writeFiles(alone, { 'w4.txt': arabicArticle(4) });
    const before = await snapshot(alone);
    const out = JSON.parse((await tahrir(['suggest', join(alone, 'w4.txt'), '--json'])).stdout) as SuggestJson;
    expect(out.edits.some((e) => e.rule === 'site-template' || e.reason !== undefined)).toBe(false);
    expect(await snapshot(alone)).toEqual(before);
  });

  it('finds the workspace by its tahrir.json above the file, and uses what was learned there', async () => {
    const root = await workspace(true);
    const credit = 'Night desk notes for the valley edition close here.';
    for (const i of [1, 2]) {
      const text = `${englishArticle(i)}\n\n${credit}`;
      await writeFiles(root, {
        [`metro/m${i}.txt`]: text,
        [`metro/m${i}.annotations.json`]: removedByHand(`m${i}.txt`, text, credit),
      });
    }
    await writeFiles(root, { 'metro/m7.txt': `${englishArticle(7)}\n\n${credit}` });
    expect((await tahrir(['learn', root])).code).toBe(0);
    const r = await tahrir(['suggest', 'm7.txt', '--json'], join(root, 'metro'));
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as SuggestJson;
    const learned = out.edits.find((e) => e.text.startsWith(credit));
    expect(learned).toMatchObject({ rule: 'site-learned', reason: 'like 1 line you removed' });
    // The readable list says why too.
    expect((await tahrir(['suggest', join(root, 'metro', 'm7.txt')])).stdout).toContain('(like 1 line you removed)');

    const forgot = await tahrir(['learn', root, '--forget']);
    expect(forgot.code).toBe(0);
    const after = JSON.parse(
      (await tahrir(['suggest', join(root, 'metro', 'm7.txt'), '--json'])).stdout,
    ) as SuggestJson;
    expect(after.edits.some((e) => e.rule === 'site-learned')).toBe(false);
  });

  it('a file outside the named workspace is a usage error naming it', async () => {
    const root = await workspace(false);
    const other = await tempFolder();
    await writeFiles(other, { 'x.txt': 'text' });
    const r = await tahrir(['suggest', join(other, 'x.txt'), '--workspace', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside the workspace');
  });
});

describe('bad input', () => {
  it('learn: a broken sidecar is skipped and named, exit 1, and the other sites are learned', async () => {
    const root = await workspace(true);
    await writeFiles(root, { 'wire/w1.annotations.json': '{"format": "tahrir-annot' });
    const r = await tahrir(['learn', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/skipped wire\/w1\.annotations\.json: .*not valid JSON/);
    expect(await stat(join(root, '.tahrir', 'learned.json'))).toBeTruthy();
  });

  it('suggest: a broken learned model names its file and says how to rebuild it', async () => {
    const root = await workspace(true);
    await writeFiles(root, { '.tahrir/learned.json': '{oops' });
    const r = await tahrir(['suggest', join(root, 'wire', 'w1.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tahrir suggest: .*learned\.json.*tahrir learn/);
  });

  it('suggest: a workspace where the cache cannot be written still gets its counts, and says so', async () => {
    const root = await workspace(true);
    await writeFiles(root, { '.tahrir': 'a file where the cache folder would be' });
    const r = await tahrir(['suggest', join(root, 'wire', 'w1.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the template counts were not cached');
    expect((JSON.parse(r.stdout) as SuggestJson).edits.some((e) => e.reason?.startsWith('appears in'))).toBe(true);
  });
});
