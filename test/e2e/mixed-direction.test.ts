// Mixed-direction paragraphs end to end (issue 19): an Arabic paragraph that opens with an English
// tweet's attribution runs right to left, and tagging inside it still stores the right code points.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, shots, type EditorSession } from './harness';

const DOC = 'zz_mixed_direction';
const TWEET =
  '— dpa news agency (@dpa_intl) November 6, 2024وجاء في البيان أن الوزراء اتفقوا على مواصلة المحادثات في برلين.';
const TEXT = `ألمانيا تعلن موقفها\n${TWEET}\nThe statement was read by Olaf Scholz in Berlin.\n`;

let session: EditorSession;
let page: Page;

describe.skipIf(!haveChromium)('mixed-direction paragraphs in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'bidi',
      async prepare(ws) {
        await writeFile(join(ws, `${DOC}.txt`), TEXT);
      },
    });
    ({ page } = session);
    await harness.openDocumentIn(page, DOC);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('lays out each paragraph by most of its strong characters: the attribution glued to Arabic right to left, the English one left to right', async () => {
    const dirs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-para]')].map((p) => getComputedStyle(p).direction),
    );
    expect(dirs.slice(0, 3)).toEqual(['rtl', 'rtl', 'ltr']);
    // Its left-to-right run isolated, with its punctuation and figures; the Arabic around it is not.
    const isolated = await page.evaluate(() =>
      [...document.querySelectorAll('[data-para] bdi')].map((b) => ({
        text: b.textContent,
        dir: b.getAttribute('dir'),
        bidi: getComputedStyle(b).unicodeBidi,
      })),
    );
    expect(isolated).toEqual([{ text: 'dpa news agency (@dpa_intl) November 6, 2024', dir: 'ltr', bidi: 'isolate' }]);
    expect(await harness.renderedText(page)).toBe(TEXT);
    await page.screenshot({
      path: join(shots, 'mixed-direction.png'),
      clip: { x: 260, y: 40, width: 800, height: 300 },
    });
  });

  it('still tags by mouse inside it at the right code points (Latin and Arabic words of the mixed paragraph)', async () => {
    const source = await harness.readSource(session.root, DOC);
    const dpa = await harness.pointIn(page, 'dpa news', 1);
    await page.mouse.dblclick(dpa.x, dpa.y);
    await page.keyboard.press('2');
    const berlin = await harness.pointIn(page, 'برلين', 2);
    await page.mouse.dblclick(berlin.x, berlin.y);
    await page.keyboard.press('3');
    await page.waitForFunction(() => document.querySelector('.tabs [role="tab"] .count')?.textContent === '2', null, {
      timeout: 3000,
    });
    await harness.waitSaved(page);
    const sidecar = await harness.readSidecar(session.root, DOC);
    const spans = sidecar.entities.map((e) => ({ label: e.label, start: e.start, end: e.end, text: e.text }));
    spans.sort((a, b) => a.start - b.start);
    expect(spans).toEqual([
      {
        label: 'ORG',
        start: harness.cpOffset(source, 'dpa news'),
        end: harness.cpOffset(source, 'dpa news') + 3,
        text: 'dpa',
      },
      {
        label: 'GPE',
        start: harness.cpOffset(source, 'برلين'),
        end: harness.cpOffset(source, 'برلين') + 5,
        text: 'برلين',
      },
    ]);
  });
});
