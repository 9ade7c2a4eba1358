// Overlaps you can read, in Chromium through `tahrir serve`: a nested and a crossing entity drawn as
// bands in lanes of their own (no blended fill), each one's extent on hover and in the inspector; a
// drag across a paragraph break refused with the reason, and allowed when tahrir.json says so; the
// words a digit would tag previewed before the key; a quote's speaker marked and joined by an arc,
// and a quote without a speaker standing out. English and Arabic (right to left), with screenshots.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

const EN = 'zz_overlaps_en';
const EN_TEXT =
  'The University of Tokyo hosted Fumio Kishida on Monday for talks.\n' +
  'Kishida said "we will keep talking" to reporters after the meeting.\n';
const AR = 'zz_overlaps_ar';
const AR_TEXT =
  'استقبلت جامعة طوكيو رئيس الوزراء فوميو كيشيدا يوم الاثنين للمحادثات.\n' +
  'وقال كيشيدا "سنواصل الحوار" للصحفيين بعد الاجتماع.\n';

let session: EditorSession;
let page: Page;
let root: string;

const pointIn = (needle: string, k: number, occurrence = 0) => harness.pointIn(page, needle, k, occurrence);

/**
 * Selects from one point to another by mouse: a click, then a Shift+click. (A drag rightwards in a
 * left-to-right paragraph selects nothing in headless Chromium, on main as here; leftwards it does.)
 */
async function select(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.click(from.x, from.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(to.x, to.y);
  await page.keyboard.up('Shift');
}

/** Selects from inside the first character of `first` to inside the last character of `last`. */
async function dragOver(first: string, last: string, lastOccurrence = 0): Promise<void> {
  await select(await pointIn(first, 0), await pointIn(last, last.length - 1, lastOccurrence));
}

async function entityCount(): Promise<number> {
  const text = await page.locator('.tabs [role="tab"]', { hasText: 'Entities' }).locator('.count').textContent();
  return Number(text ?? '0');
}

/** The text under each of a highlight's ranges (the page's CSS.highlights registry). */
function highlightTexts(name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name);
    if (!h) return [];
    return [...h].map((r) => {
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }, name);
}

/** The overlay's bands: each band's entity key and lane (a band per line of the entity). */
function bands(): Promise<{ key: string; lane: number; width: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.span-band')].map((b) => ({
      key: b.dataset.key ?? '',
      lane: Number(b.dataset.lane),
      width: b.getBoundingClientRect().width,
    })),
  );
}

async function open(id: string): Promise<void> {
  await harness.openDocumentIn(page, id);
}

describe.skipIf(!haveChromium)('overlaps, snapped preview and quote → speaker (tahrir serve, Chromium)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'overlaps',
      async prepare(ws) {
        await writeFile(join(ws, `${EN}.txt`), EN_TEXT);
        await writeFile(join(ws, `${AR}.txt`), AR_TEXT);
      },
    });
    ({ page, root } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('draws a nested and a crossing entity as bands in separate lanes, the inner ones without fill', async () => {
    await open(EN);
    await dragOver('University', 'Tokyo');
    await page.keyboard.press('2'); // ORG "University of Tokyo"
    await expect.poll(entityCount).toBe(1);
    await page.mouse.dblclick(...(Object.values(await pointIn('Tokyo', 2)) as [number, number]));
    await page.keyboard.press('3'); // GPE "Tokyo", inside it
    await dragOver('Fumio', 'Kishida');
    await page.keyboard.press('1'); // PERSON "Fumio Kishida"
    await dragOver('Kishida', 'Monday');
    await page.keyboard.press('5'); // DATE "Kishida on Monday": crosses the PERSON
    await expect.poll(entityCount).toBe(4);
    await harness.waitSaved(page);
    const sidecar = await harness.readSidecar(root, EN);
    expect(sidecar.entities.map((e) => `${e.id} ${e.label} ${e.text}`)).toEqual([
      't1 ORG University of Tokyo',
      't2 GPE Tokyo',
      't3 PERSON Fumio Kishida',
      't4 DATE Kishida on Monday',
    ]);
    // Each overlapping entity has its band; the inner and the crossing one a lane below the outer.
    await expect
      .poll(async () => (await bands()).map((b) => `${b.key}:${b.lane}`).sort())
      .toEqual(['t1:0', 't2:1', 't3:0', 't4:1']);
    const width = Object.fromEntries((await bands()).map((b) => [b.key, b.width]));
    expect(width.t2).toBeLessThan(width.t1 / 2);
    // The lanes below the first lose their fill: no colour blended from two labels on "Tokyo".
    expect(await highlightTexts('tahrir-inner')).toEqual(['Tokyo', 'Kishida on Monday']);
    expect(await highlightTexts('tahrir-label-1')).toEqual(['University of Tokyo']);
    await page.mouse.click(5, 5); // away from the text: the selection's colour off the screenshot
    await page.screenshot({ path: join(shots, 'overlaps-english.png') });
  });

  it('shows each span’s extent on hover: the innermost boxed, every span under the pointer in the tip', async () => {
    const at = await pointIn('Tokyo', 2);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.span-tip').isVisible()).toBe(true);
    const tip = await page.locator('.span-tip').innerText();
    expect(tip.split('\n')).toEqual(['GPE · Tokyo · 18–23', 'ORG · University of Tokyo · 4–23']);
    const box = await page.locator('.span-box.hover').boundingBox();
    const word = await page.evaluate(() => {
      const p = document.querySelector('[data-para="0"]')!;
      const r = new Range();
      const at = p.textContent!.indexOf('Tokyo');
      r.setStart(p.firstChild!, at);
      r.setEnd(p.firstChild!, at + 5);
      return r.getBoundingClientRect().toJSON() as DOMRect;
    });
    expect(Math.abs(box!.x - word.x)).toBeLessThan(3);
    expect(Math.abs(box!.width - word.width)).toBeLessThan(4);
    await page.screenshot({ path: join(shots, 'overlaps-hover.png') });
    // The crossing one: over "Kishida", the PERSON and the DATE, the shorter first.
    const k = await pointIn('Kishida on', 2);
    await page.mouse.move(k.x, k.y);
    await expect
      .poll(() => page.locator('.span-tip').innerText())
      .toBe('PERSON · Fumio Kishida · 31–44\nDATE · Kishida on Monday · 37–54');
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('.span-tip').isVisible()).toBe(false);
    expect(await page.locator('.span-box.hover').count()).toBe(0);
  });

  it('shows the extent and the overlaps in the inspector, for the nested and the crossing entity', async () => {
    const at = await pointIn('Tokyo', 2);
    await page.mouse.click(at.x, at.y); // the innermost: GPE "Tokyo"
    const extent = page.locator('[data-testid="span-extent"]');
    await expect.poll(() => extent.locator('mark').textContent()).toBe('Tokyo');
    expect(await extent.locator('.extent-line').innerText()).toContain('The University of Tokyo hosted');
    expect(words(await extent.innerText())).toContain('5 characters, source offsets 18–23');
    expect(await page.locator('[data-testid="overlaps"] li').allInnerTexts()).toEqual([
      'inside ORG University of Tokyo 4–23',
    ]);
    const k = await pointIn('on Monday', 4);
    await page.mouse.click(k.x, k.y); // DATE "Kishida on Monday"
    await expect
      .poll(() => page.locator('[data-testid="overlaps"] li').allInnerTexts())
      .toEqual(['crosses PERSON Fumio Kishida 31–44']);
    await page.screenshot({ path: join(shots, 'overlaps-inspector.png') });
    // The overlap is a button: it selects the other span.
    await page.locator('[data-testid="overlaps"] button').click();
    await expect.poll(() => extent.locator('mark').textContent()).toBe('Fumio Kishida');
    await page.keyboard.press('Escape');
  });

  it('previews the words a digit would tag while the selection covers parts of words', async () => {
    await select(await pointIn('hosted', 2), await pointIn('Fumio', 2));
    await expect.poll(() => highlightTexts('tahrir-snap-preview')).toEqual(['hosted Fumio']);
    await page.screenshot({ path: join(shots, 'overlaps-snap-preview.png') });
    // Whole words selected: nothing to preview.
    await page.mouse.dblclick(...(Object.values(await pointIn('talks', 2)) as [number, number]));
    await expect.poll(() => highlightTexts('tahrir-snap-preview')).toEqual([]);
    await page.mouse.click(5, 5);
  });

  it('refuses a drag across a paragraph break with the reason, and changes nothing', async () => {
    const before = await entityCount();
    await dragOver('talks.', 'Kishida', 1);
    await page.keyboard.press('1');
    const alert = page.locator('.toast[role="alert"]');
    await expect
      .poll(async () => words(await alert.textContent()))
      .toContain('A PERSON may not run across a paragraph break');
    expect(words(await alert.textContent())).toContain('"allowAcrossParagraphs": true for PERSON in tahrir.json');
    expect(await entityCount()).toBe(before);
    // The selection stays, to be narrowed.
    expect(await page.evaluate(() => document.getSelection()?.toString())).toContain('talks.');
    await page.screenshot({ path: join(shots, 'overlaps-refused.png') });
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('marks a quote without a speaker, then its speaker and an arc when it is selected, and back from the speaker', async () => {
    await select(await pointIn('we will', 0), await pointIn('talking', 6));
    await page.keyboard.press('q');
    await expect.poll(() => highlightTexts('tahrir-quote-unattributed')).toEqual(['we will keep talking']);
    await expect.poll(() => page.locator('[data-testid="no-speaker"]').isVisible()).toBe(true);
    await page.mouse.click(5, 5);
    await page.screenshot({ path: join(shots, 'overlaps-quote-no-speaker.png') });
    // The speaker: "Kishida" of the second line, tagged, then chosen for the quote.
    await page.mouse.dblclick(...(Object.values(await pointIn('Kishida said', 2)) as [number, number]));
    await page.keyboard.press('1');
    const q = await pointIn('keep', 1);
    await page.mouse.click(q.x, q.y);
    await page.keyboard.press('Enter'); // the suggested speaker
    await expect.poll(() => page.locator('[data-testid="speaker-current"]').textContent()).toContain('Kishida');
    // The tip under the pointer says so at once.
    await expect
      .poll(() => page.locator('.span-tip').innerText())
      .toBe('QUOTE · we will keep talking · 80–100 · speaker: Kishida');
    await expect.poll(() => highlightTexts('tahrir-quote-unattributed')).toEqual([]);
    expect(await highlightTexts('tahrir-quote')).toEqual(['we will keep talking']);
    // Selected quote: its speaker boxed, the quote dashed, an arc between them.
    await expect.poll(() => page.locator('.span-box.speaker').count()).toBe(1);
    const speakerBox = await page.locator('.span-box.speaker').boundingBox();
    const kishida = await pointIn('Kishida said', 3);
    expect(kishida.x).toBeGreaterThan(speakerBox!.x);
    expect(kishida.x).toBeLessThan(speakerBox!.x + speakerBox!.width);
    expect(await page.locator('.speaker-arc:not(.head)').count()).toBe(1);
    await page.screenshot({ path: join(shots, 'overlaps-quote-speaker.png') });
    // And the reverse: hovering the speaker marks its quote.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.speaker-arc').count()).toBe(0);
    await page.mouse.move(kishida.x, kishida.y);
    await expect.poll(() => page.locator('.span-box.spoken').count()).toBe(1);
    expect(await page.locator('.speaker-arc:not(.head)').count()).toBe(1);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('.span-box.spoken').count()).toBe(0);
  });

  it('does the same right to left in Arabic (screenshots)', async () => {
    await open(AR);
    // Each tag checked before the next. The suggestion bar can change the layout when the tagger's first
    // suggestions for this document arrive (seconds after the open on a loaded machine): a drag under way
    // then selects other words, so a tag whose count did not come is dragged again once (known, see the note).
    const tag = async (select: () => Promise<void>, key: string, want: number) => {
      await select();
      await page.keyboard.press(key);
      const came = await expect
        .poll(entityCount, { timeout: 5_000 })
        .toBe(want)
        .then(() => true)
        .catch(() => false);
      if (came) return;
      await page.mouse.click(5, 5);
      await select();
      await page.keyboard.press(key);
      await expect.poll(entityCount).toBe(want);
    };
    await tag(() => dragOver('جامعة', 'طوكيو'), '2', 1);
    await tag(
      async () => page.mouse.dblclick(...(Object.values(await pointIn('طوكيو', 2)) as [number, number])),
      '3',
      2,
    );
    await tag(() => dragOver('فوميو', 'كيشيدا'), '1', 3);
    await tag(() => dragOver('كيشيدا', 'الاثنين'), '5', 4);
    await expect
      .poll(async () => (await bands()).map((b) => `${b.key}:${b.lane}`).sort())
      .toEqual(['t1:0', 't2:1', 't3:0', 't4:1']);
    await select(await pointIn('سنواصل', 0), await pointIn('الحوار', 4));
    await page.keyboard.press('q');
    await expect.poll(() => highlightTexts('tahrir-quote-unattributed')).toEqual(['سنواصل الحوار']);
    await page.mouse.click(5, 5);
    const at = await pointIn('طوكيو', 2);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.span-tip').innerText()).toContain('GPE · طوكيو');
    await page.screenshot({ path: join(shots, 'overlaps-arabic.png') });
    await page.mouse.dblclick(...(Object.values(await pointIn('كيشيدا', 2, 1)) as [number, number]));
    await page.keyboard.press('1');
    const q = await pointIn('سنواصل', 2);
    await page.mouse.click(q.x, q.y);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.span-box.speaker').count()).toBe(1);
    await page.screenshot({ path: join(shots, 'overlaps-arabic-speaker.png') });
  });

  it('lays out the inspector’s words around an Arabic entity as the list’s rows: right to left, from the right', async () => {
    const at = await pointIn('طوكيو', 2);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('[data-testid="span-extent"] mark').textContent()).toBe('طوكيو');
    // Where each line's words start and end in its box: the inspector's was an isolate inside a left-to-right line,
    // its words at the left of the panel in the English interface while the list's rows under it started at the right.
    const lines = await page.evaluate(() =>
      ['[data-testid="span-extent"] .extent-line', '.span-group[aria-label="GPE"] [data-testid="entity-context"]'].map(
        (selector) => {
          const line = document.querySelector(selector)!;
          const range = document.createRange();
          range.selectNodeContents(line);
          const words = [...range.getClientRects()].filter((r) => r.width > 0);
          const box = line.getBoundingClientRect();
          return {
            direction: getComputedStyle(line).direction,
            fromRight: Math.round(box.right - Math.max(...words.map((r) => r.right))),
          };
        },
      ),
    );
    await page.screenshot({ path: join(shots, 'overlaps-arabic-inspector.png') });
    expect(lines).toEqual([
      { direction: 'rtl', fromRight: 0 },
      { direction: 'rtl', fromRight: 0 },
    ]);
    await page.keyboard.press('Escape');
  });

  it('tags across a paragraph break when tahrir.json allows it for the label', async () => {
    await writeFile(
      join(root, 'tahrir.json'),
      JSON.stringify({
        labels: [
          { name: 'PERSON', hotkey: '1' },
          { name: 'ORG', hotkey: '2' },
          { name: 'GPE', hotkey: '3' },
          { name: 'LOC', hotkey: '4' },
          { name: 'DATE', hotkey: '5' },
          { name: 'EVENT', hotkey: '6', allowAcrossParagraphs: true },
          { name: 'MISC', hotkey: '7' },
        ],
      }),
    );
    await page.reload();
    await open(EN);
    const before = await entityCount();
    await dragOver('talks.', 'Kishida', 1);
    await page.keyboard.press('6');
    await expect.poll(entityCount).toBe(before + 1);
    await harness.waitSaved(page);
    const event = (await harness.readSidecar(root, EN)).entities.find((e) => e.label === 'EVENT');
    expect(event?.text).toBe('talks.\nKishida');
  });
});
