// Blank lines in the editor (Chromium through `tahrir serve`): real articles put one to five blank lines
// between paragraphs; a run of them takes one blank line's room, and the text and its offsets stay as they are.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, shots, type EditorSession } from './harness';

let session: EditorSession;
let page: Page;
const DOC = 'blank-lines';
const TEXT =
  'The minister arrived in Cairo on Monday.\n\n\n\n\n' +
  'Talks with Egypt began at once.\n\n' +
  'Japan sent an envoy.\n \t\n\nNothing more was said.\n';

/** Each paragraph's top and bottom on screen, by its index. */
const boxes = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-para]')].map((p) => {
      const r = p.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    }),
  );

describe.skipIf(!haveChromium)('blank lines (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'blank-lines',
      prepare: (root) => writeFile(join(root, `${DOC}.txt`), TEXT),
    });
    page = session.page;
    await harness.openDocumentIn(page, DOC);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('gives a run of blank lines no more room than one blank line, and one blank line about a line', async () => {
    const b = await boxes();
    expect(b).toHaveLength(TEXT.split('\n').length);
    const lineHeight = b[0].bottom - b[0].top;
    // Text to text across one blank line (paragraphs 5 → 7), and across four (0 → 5) and two, spaces in one (7 → 10).
    const one = b[7].top - b[5].bottom;
    const four = b[5].top - b[0].bottom;
    const two = b[10].top - b[7].bottom;
    await page.screenshot({ path: join(shots, 'blank-lines.png') });
    // On main: 72 px across one blank line, 237 px across four (a text line is 38 px).
    expect(four).toBeCloseTo(one, 0);
    expect(two).toBeCloseTo(one, 0);
    expect(one).toBeLessThan(lineHeight * 1.1);
  });

  it('keeps the blank lines in the text: a word after them tags the source’s own offsets', async () => {
    await harness.drag(page, await harness.pointIn(page, 'Egypt', 1), await harness.pointIn(page, 'Egypt', 3));
    await page.keyboard.press('3');
    await harness.drag(page, await harness.pointIn(page, 'Nothing', 1), await harness.pointIn(page, 'Nothing', 3));
    await page.keyboard.press('7');
    await harness.waitSaved(page);
    const sidecar = await harness.readSidecar(session.root, DOC);
    const at = (word: string) => [TEXT.indexOf(word), TEXT.indexOf(word) + word.length, word];
    expect(sidecar.entities.map((e) => [e.start, e.end, e.text])).toEqual([at('Egypt'), at('Nothing')]);
    // What the editor shows of the document is its text, blank lines and all.
    expect(await harness.renderedText(page)).toBe(TEXT);
  });
});
