// Backend.suggest on a real temp workspace: the sample's six edits, minus what the
// workspace switched off, what the editor rejected and what the sidecar already edits.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Backend } from '../../electron/backend';

const SAMPLE = '000_b3be894ae1d50a96';
let root: string;
let backend: Backend;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tahrir-suggest-'));
  await copyFile(join(__dirname, '../../seeds', `${SAMPLE}.txt`), join(root, `${SAMPLE}.txt`));
});
afterEach(async () => {
  await backend?.close();
  await rm(root, { recursive: true, force: true });
});

describe('Backend.suggest', () => {
  test('gives the six boilerplate edits and the metadata of the sample', async () => {
    backend = await Backend.open(root);
    const { edits, metadata } = await backend.suggest(SAMPLE);
    expect(edits.map((e) => [e.start, e.end, e.rule])).toEqual([
      [89, 123, 'published-line'],
      [303, 387, 'read-more'],
      [1548, 1560, 'source-line'],
      [1560, 1578, 'source-line'],
      [1578, 1722, 'keywords-line'],
      [1722, 2992, 'related'],
    ]);
    expect(metadata).toMatchObject({ published: '2024-04-11', sourceName: 'RT Arabic' });
  });

  test('leaves out disabled rules, rejected suggestions and what existing edits cover', async () => {
    await writeFile(
      join(root, 'tahrir.json'),
      JSON.stringify({
        labels: [{ name: 'PERSON' }],
        disabledRules: ['published-line'],
        boilerplateRules: [{ id: 'press', pattern: 'مؤتمر صحفي', kind: 'typo', replacement: 'مؤتمر صحافي' }],
      }),
    );
    backend = await Backend.open(root);
    const opened = await backend.openDocument(SAMPLE);
    const all = (await backend.suggest(SAMPLE)).edits;
    const related = all.find((e) => e.rule === 'related')!;
    const readMore = all.find((e) => e.rule === 'read-more')!;
    const sidecar = {
      ...opened.sidecar,
      edits: [
        {
          id: 'e1',
          start: readMore.start,
          end: readMore.end,
          text: readMore.text,
          replacement: '',
          kind: 'boilerplate' as const,
          rule: 'read-more',
        },
      ],
      rejected: [{ rule: 'related', start: related.start, end: related.end, text: related.text }],
    };
    await backend.saveSidecar(SAMPLE, sidecar, opened.revision);
    const { edits } = await backend.suggest(SAMPLE);
    const rules = edits.map((e) => e.rule);
    expect(rules).not.toContain('published-line');
    expect(rules).not.toContain('read-more');
    // With the related block rejected, the tweet inside it is proposed on its own.
    expect(rules).not.toContain('related');
    expect(rules).toContain('social-embed');
    expect(rules).toContain('source-line');
    // The workspace's own rule from tahrir.json runs too.
    expect(edits.find((e) => e.rule === 'press')).toMatchObject({
      kind: 'typo',
      text: 'مؤتمر صحفي',
      replacement: 'مؤتمر صحافي',
    });
  });
});
