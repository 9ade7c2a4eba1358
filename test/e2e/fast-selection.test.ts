// A selection made right after a digit, before the tagged selection's deferred collapse ran (a fast editor, or a
// loaded machine whose frames come late): the new selection is the next target and stays whole. It was collapsed
// too, so the next digit relabelled the entity just tagged (CI saw it as a flaky overlaps test).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, type EditorSession } from './harness';

const DOC = 'zz_fast_selection';
const TEXT = 'The University of Tokyo hosted Fumio Kishida on Monday for talks.\n';

let session: EditorSession;
let page: Page;

/** Selects `needle` of the first paragraph with a DOM range (no frame passes: the same task as the caller's). */
function selectScript(): string {
  return `(needle) => {
    const p = document.querySelector('[data-para="0"]');
    const node = p.firstChild;
    const at = p.textContent.indexOf(needle);
    const sel = document.getSelection();
    sel.setBaseAndExtent(node, at, node, at + needle.length);
  }`;
}

describe.skipIf(!haveChromium)('a selection made right after tagging (tahrir serve, Chromium)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'fast-selection',
      async prepare(ws) {
        await writeFile(join(ws, `${DOC}.txt`), TEXT);
      },
    });
    page = session.page;
    await harness.openDocumentIn(page, DOC);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the new selection whole, and the next digit tags it instead of relabelling the last entity', async () => {
    await page.locator('[data-testid="document-text"]').focus();
    const left = await page.evaluate(`(async () => {
      const select = ${selectScript()};
      select('Fumio Kishida');
      const key = (digit) => window.dispatchEvent(
        new KeyboardEvent('keydown', { key: digit, code: 'Digit' + digit, bubbles: true, cancelable: true }));
      key('1');
      select('Kishida on Monday'); // before a frame passes: the tagged selection's collapse is still to come
      await new Promise((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done, 50), 0)));
      return document.getSelection().toString();
    })()`);
    expect(left).toBe('Kishida on Monday');
    await page.keyboard.press('5');
    await harness.waitSaved(page);
    await expect
      .poll(async () => (await harness.readSidecar(session.root, DOC)).entities.map((e) => `${e.label} ${e.text}`))
      .toEqual(['PERSON Fumio Kishida', 'DATE Kishida on Monday']);
  });
  it("collapses the tagged selection in the frame of React's render after the tag, not in a frame of its own", async () => {
    await page.locator('[data-testid="document-text"]').focus();
    const frames = await page.evaluate(`(async () => {
      const select = ${selectScript()};
      select('University of Tokyo');
      let frame = 0;
      let counting = true;
      const count = () => { frame++; if (counting) requestAnimationFrame(count); };
      requestAnimationFrame(count);
      let collapsedAt = null;
      let panelAt = null;
      const onSelection = () => { if (collapsedAt === null && document.getSelection().isCollapsed) collapsedAt = frame; };
      document.addEventListener('selectionchange', onSelection);
      const panel = document.querySelector('.side-panel');
      const observer = new MutationObserver(() => { if (panelAt === null) panelAt = frame; });
      observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', code: 'Digit2', bubbles: true, cancelable: true }));
      const start = performance.now();
      while ((collapsedAt === null || panelAt === null) && performance.now() - start < 5000)
        await new Promise((done) => setTimeout(done, 20));
      counting = false;
      observer.disconnect();
      document.removeEventListener('selectionchange', onSelection);
      return { collapsedAt, panelAt };
    })()`);
    // One repaint of the highlighted text for both (the selection's and React's writes), not two.
    expect(frames).toEqual({ collapsedAt: expect.any(Number), panelAt: expect.any(Number) });
    expect((frames as { collapsedAt: number }).collapsedAt).toBe((frames as { panelAt: number }).panelAt);
  });

  it('a digit pressed before the tagged selection collapsed relabels the entity it tagged', async () => {
    await page.locator('[data-testid="document-text"]').focus();
    await page.evaluate(`(() => {
      const select = ${selectScript()};
      select('Monday');
      const key = (digit) => window.dispatchEvent(
        new KeyboardEvent('keydown', { key: digit, code: 'Digit' + digit, bubbles: true, cancelable: true }));
      key('1');
      key('5'); // the same task: no frame yet, the collapse still to come
    })()`);
    await harness.waitSaved(page);
    await expect
      .poll(async () => (await harness.readSidecar(session.root, DOC)).entities.filter((e) => e.text === 'Monday'))
      .toEqual([expect.objectContaining({ label: 'DATE', text: 'Monday' })]);
  });
});
