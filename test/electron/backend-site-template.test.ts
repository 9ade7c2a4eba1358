// Backend.suggest with the workspace's site templates: counted in the background from the first
// suggestion on, then every suggestion says why; a boilerplate edit saved by hand is learned
// once saves pause, and the next document of the site gets the like line.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Backend } from '../../electron/backend';
import { AR_TEMPLATE, arabicArticle } from '../shared/boilerplate/site-articles';
import { tempFolder, writeFiles } from './temp-folder';

let backend: Backend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

async function until<T>(what: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Backend.suggest with site templates', () => {
  test("the site's template lines once counted, with their reasons; a line removed by hand is suggested in the next document", async () => {
    const root = await tempFolder();
    const credit = 'ملاحظة المحرر: أعد هذه المادة فريق التحرير الليلي في الوكالة';
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`wire/w${i}.txt`] = arabicArticle(i) + (i === 1 || i === 5 ? `\n${credit}` : '');
    await writeFiles(root, files);
    backend = await Backend.open(root);

    const first = await backend.suggest('wire/w5');
    expect(first.edits.some((e) => e.reason !== undefined)).toBe(false);
    // The end marker is a hand-written cue too: whichever rule keeps it, the site's count says why.
    const marker = await until(async () =>
      (await backend!.suggest('wire/w5')).edits.find(
        (e) => e.reason !== undefined && e.text.startsWith(AR_TEMPLATE.endMarker),
      ),
    );
    expect(marker.reason).toBe('appears in 7 of 7 wire articles');
    expect(await stat(join(root, '.tahrir', 'template-counts.json'))).toBeTruthy();
    // Not yet taught: the credit (in 2 articles) is nobody's template.
    expect((await backend.suggest('wire/w5')).edits.some((e) => e.text.startsWith(credit))).toBe(false);

    const doc = await backend.openDocument('wire/w1');
    const text = files['wire/w1.txt'];
    const start = [...text.slice(0, text.indexOf(credit))].length;
    doc.sidecar.edits.push({
      id: 'hand',
      start,
      end: start + [...credit].length,
      text: credit,
      replacement: '',
      kind: 'boilerplate',
    });
    await backend.saveSidecar('wire/w1', doc.sidecar, doc.revision);
    const learned = await until(async () =>
      (await backend!.suggest('wire/w5')).edits.find((e) => e.text.startsWith(credit)),
    );
    expect(learned).toMatchObject({ rule: 'site-learned', reason: 'like 1 line you removed' });
  }, 60_000);

  test('articles added by another program are counted as the watcher reports them', async () => {
    const root = await tempFolder();
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`wire/w${i}.txt`] = arabicArticle(i);
    await writeFiles(root, files);
    backend = await Backend.open(root);
    const events: string[] = [];
    backend.onEvent((e) => events.push(e.type));
    const reasonOfMarker = async () =>
      (await backend!.suggest('wire/w0')).edits.find((e) => e.text.startsWith(AR_TEMPLATE.endMarker))?.reason;
    expect(await until(async () => (await reasonOfMarker()) ?? undefined)).toBe('appears in 5 of 5 wire articles');
    await backend.watching();
    await writeFiles(root, { 'wire/w6.txt': arabicArticle(6), 'wire/w7.txt': arabicArticle(7) });
    expect(
      await until(async () => ((await reasonOfMarker()) === 'appears in 7 of 7 wire articles' ? true : undefined)),
    ).toBe(true);
    expect(events.length).toBeGreaterThan(0);
  }, 60_000);
});
