// The corpus cleanup view's back end: every site's template lines with their counts and an
// example (counted on the first call), and "remove everywhere" as a rule added to tahrir.json.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Backend } from '../../electron/backend';
import { templateLineRule } from '../../shared/boilerplate/template-line-rule';
import { tempFolder, writeFiles } from './temp-folder';

let backend: Backend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

const FOOTER = 'Harbour Ledger, harbour edition — page 3 of the print run';
const article = (i: number) =>
  `Harbour council votes on budget ${i}\nThe council met on day ${i} and voted ${i % 3} times on the plan.\nResidents spoke for ${i + 2} hours.\n${FOOTER.replace('3', String(i + 3))}\n`;

describe('Backend, corpus cleanup', () => {
  test('lists each site’s recurring lines, most frequent first, with counts and an example; the rule removes the line in every document', async () => {
    const root = await tempFolder();
    const files: Record<string, string> = { 'tahrir.json': JSON.stringify({ annotator: 'sam' }, null, 2) };
    for (let i = 0; i < 5; i++) files[`ledger/l${i}.txt`] = article(i);
    files['other/o1.txt'] = 'Another site entirely.\n';
    await writeFiles(root, files);
    backend = await Backend.open(root);

    const sites = await backend.siteTemplateLines();
    const ledger = sites.find((s) => s.site === 'ledger')!;
    expect(ledger.documents).toBe(5);
    expect(ledger.lines[0].count).toBe(5);
    expect(ledger.lines.find((l) => l.example.startsWith('Harbour Ledger,'))).toMatchObject({
      count: 5,
      example: expect.stringMatching(/^Harbour Ledger, harbour edition — page \d+ of the print run$/),
    });
    expect(sites.find((s) => s.site === 'other')?.lines ?? []).toEqual([]);

    const before = (await backend.suggest('ledger/l4')).edits.filter((e) => e.rule.startsWith('remove-everywhere'));
    expect(before).toEqual([]);
    const info = await backend.addBoilerplateRule(
      templateLineRule(ledger.lines.find((l) => l.example.startsWith('Harbour Ledger,'))!.example, 'ledger'),
    );
    expect(info.config.boilerplateRules).toHaveLength(1);
    expect(JSON.parse(await readFile(join(root, 'tahrir.json'), 'utf8')).annotator).toBe('sam');
    for (let i = 0; i < 5; i++) {
      const found = (await backend.suggest(`ledger/l${i}`)).edits.filter((e) => e.rule.startsWith('remove-everywhere'));
      expect(found.map((e) => e.text)).toEqual([`${FOOTER.replace('3', String(i + 3))}\n`]);
    }
  });

  test('refuses a rule whose pattern does not compile, naming tahrir.json, and writes nothing', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'a.txt': 'x\n' });
    backend = await Backend.open(root);
    await expect(backend.addBoilerplateRule({ id: 'bad', pattern: '(' })).rejects.toMatchObject({
      file: 'tahrir.json',
      message: expect.stringContaining('not a valid regular expression'),
    });
    await expect(readFile(join(root, 'tahrir.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
