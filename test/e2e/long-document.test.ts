// A long document in the editor (Chromium through `tahrir serve`): painted a screenful first,
// the rest of its paragraphs rendered while the browser is idle, highlight Ranges only for the
// paragraphs near the view, and everything reachable (scrolling, the entity list) as before.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLongArticleWorkspace, type WrittenDocument } from '../bench/generate-corpus';
import * as harness from './harness';
import { haveChromium, type EditorSession } from './harness';

let session: EditorSession;
let page: Page;
let doc: WrittenDocument;
let paragraphs: number;

/** Highlight Ranges drawn in the paragraphs [from, to), by highlight name. */
function rangesIn(from: number, to: number): Promise<number> {
  return page.evaluate(
    ([from, to]) => {
      let n = 0;
      CSS.highlights.forEach((h) =>
        h.forEach((r) => {
          const p = (r as AbstractRange).startContainer.parentElement?.closest<HTMLElement>('[data-para]');
          const i = Number(p?.dataset.para);
          if (i >= from && i < to) n++;
        }),
      );
      return n;
    },
    [from, to],
  );
}

/** A word in view under no entity (nor any other highlight), selected as a double-click would; its text. */
function selectUntaggedWord(): Promise<string | null> {
  return page.evaluate(() => {
    const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
    const tagged: AbstractRange[] = [];
    for (const [name, h] of CSS.highlights)
      if (name.startsWith('tahrir-')) for (const r of h) tagged.push(r as AbstractRange);
    for (const p of document.querySelectorAll<HTMLElement>('[data-para]')) {
      const text = p.firstChild;
      if (!(text instanceof Text) || p.getBoundingClientRect().top < box.top + 40) continue;
      for (const m of text.data.matchAll(/[\p{L}]{4,}/gu)) {
        const start = m.index;
        const end = start + m[0].length;
        if (tagged.some((r) => r.startContainer === text && r.startOffset < end && r.endOffset > start)) continue;
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, end);
        const rect = range.getBoundingClientRect();
        if (rect.bottom > box.bottom - 40) return null;
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return m[0];
      }
    }
    return null;
  });
}

/** Entity Ranges in paragraphs out of the view (a paragraph partly in it is in it). */
const labelRangesOutOfView = () =>
  page.evaluate(() => {
    const view = document.querySelector('.document-scroll')!.getBoundingClientRect();
    let n = 0;
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('tahrir-label-')) continue;
      for (const r of h) {
        const box = (r as AbstractRange).startContainer.parentElement!.closest('[data-para]')!.getBoundingClientRect();
        if (box.bottom < view.top - 1 || box.top > view.bottom + 1) n++;
      }
    }
    return n;
  });

const allRanges = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
const renderedParagraphs = () => page.locator('[data-para]').count();

describe.skipIf(!haveChromium)('a long document in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({
      name: 'long-document',
      viewport: { width: 1280, height: 800 },
      // React's commits counted, as React DevTools is told of them (react-dom looks for the hook as it loads).
      // The blocks of paragraphs the browser lays out or skips (content-visibility: auto), as it tells.
      initScript: `window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true, inject: () => 1, commits: 0, onCommitFiberRoot() { this.commits++; },
      };
      window.__blockShown = new Map();
      window.__blockEverShown = new Set();
      document.addEventListener('contentvisibilityautostatechange', (e) => {
        __blockShown.set(e.target, !e.skipped);
        if (!e.skipped) __blockEverShown.add(e.target);
      }, true);`,
      async prepare(ws) {
        doc = await writeLongArticleWorkspace(ws, { targetBytes: 300_000, entities: 3_000, quotes: 100, edits: 5 });
      },
    });
    page = session.page;
    paragraphs = (await harness.readSource(session.root, doc.id)).split('\n').length;
    await harness.openDocumentIn(page, doc.id);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('draws highlights in view at once, and only near the view', async () => {
    await expect.poll(() => rangesIn(0, 10)).toBeGreaterThan(0);
    const drawn = await allRanges();
    // Thousands of entities, a few screens of Ranges.
    expect(drawn).toBeLessThan(doc.entities / 4);
    // Static, not live: the browser would otherwise update every one of them on each DOM change.
    const live = await page.evaluate(() =>
      [...CSS.highlights.values()].reduce((n, h) => n + [...h].filter((r) => r instanceof Range).length, 0),
    );
    expect(live).toBe(0);
  });

  it('renders every paragraph once the browser is idle', async () => {
    await expect.poll(() => page.locator('.paragraphs-to-come').count(), { timeout: 30_000 }).toBe(0);
    const last = Number(await page.locator('[data-para]').last().getAttribute('data-para'));
    expect(await renderedParagraphs()).toBe(last + 1);
    // The clean text: the source's lines less the ones its edits removed.
    expect(last + 1).toBeGreaterThan(paragraphs - 10);
  });

  it('lays out the block after those the browser shows while it is idle, and not the blocks past it', async () => {
    // Before any test reads a box in a block out of view (which lays it out).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const layoutObjects = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutObjects')!.value;
    for (let n = 0; n < 5; n++) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    const lastShown = await page.evaluate(() => {
      const shown = (window as unknown as { __blockShown: Map<Element, boolean> }).__blockShown;
      return [...document.querySelectorAll('.para-block')].findLastIndex((b) => shown.get(b) === true);
    });
    expect(lastShown).toBeGreaterThanOrEqual(0);
    // Reading a paragraph's box in a block not laid out yet lays it out: its paragraphs get layout objects.
    const laidOutBy = async (block: number) => {
      const before = await layoutObjects();
      await page.evaluate((i) => {
        document.querySelectorAll('.para-block')[i].lastElementChild!.getBoundingClientRect();
      }, block);
      return (await layoutObjects()) - before;
    };
    // Main: the next block had none yet (laid out in the frame it comes near, the heaviest of a scroll).
    expect(await laidOutBy(lastShown + 1)).toBe(0);
    expect(await laidOutBy(lastShown + 3)).toBeGreaterThan(0);
    await cdp.detach();
  });

  it('lays out no block ahead for a second after a key (the frames of an edit), and then does', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const layoutObjects = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutObjects')!.value;
    const laidOutBy = async (block: number) => {
      const before = await layoutObjects();
      await page.evaluate((i) => {
        document.querySelectorAll('.para-block')[i].lastElementChild!.getBoundingClientRect();
      }, block);
      return (await layoutObjects()) - before;
    };
    const idle = () => page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    await page.keyboard.press('Shift');
    // Into the middle of the document, where no block was shown yet; the browser tells which it shows.
    await page.evaluate(async () => {
      const box = document.querySelector('.document-scroll')!;
      box.scrollTop = box.scrollHeight / 2;
      for (let n = 0; n < 3; n++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    for (let n = 0; n < 5; n++) await idle();
    const lastShown = await page.evaluate(() => {
      const shown = (window as unknown as { __blockShown: Map<Element, boolean> }).__blockShown;
      return [...document.querySelectorAll('.para-block')].findLastIndex((b) => shown.get(b) === true);
    });
    expect(lastShown).toBeGreaterThan(0);
    // The first block after them the browser never showed: in the jump it may show one more, lay it out and skip it
    // again as the blocks shown take their real heights (with the label bar on one row at 1,280 px, the view 35 px
    // taller, block lastShown + 1 was shown, skipped, and so laid out: by the browser, not ahead).
    const next = await page.evaluate((after) => {
      const ever = (window as unknown as { __blockEverShown: Set<Element> }).__blockEverShown;
      return [...document.querySelectorAll('.para-block')].findIndex((b, i) => i > after && !ever.has(b));
    }, lastShown);
    expect(next).toBeGreaterThan(lastShown);
    expect(next).toBeLessThanOrEqual(lastShown + 2);
    // Within the second after the key: the next block not laid out yet (on 087456c it was, in the first idle time).
    expect(await laidOutBy(next)).toBeGreaterThan(0);
    await page.waitForTimeout(1_200);
    for (let n = 0; n < 5; n++) await idle();
    // Then the two blocks on either side of those shown are (the one read above among them).
    const firstShown = await page.evaluate(() => {
      const shown = (window as unknown as { __blockShown: Map<Element, boolean> }).__blockShown;
      return [...document.querySelectorAll('.para-block')].findIndex((b) => shown.get(b) === true);
    });
    const around = [firstShown - 2, firstShown - 1, lastShown + 1, lastShown + 2];
    const laidOutNow: number[] = [];
    for (const block of around) laidOutNow.push(await laidOutBy(block));
    expect(laidOutNow).toEqual([0, 0, 0, 0]);
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await cdp.detach();
  });

  it('draws the end when scrolled there, and drops the Ranges of the top', async () => {
    await page.evaluate(() => {
      const box = document.querySelector('.document-scroll')!;
      box.scrollTop = box.scrollHeight;
    });
    await expect.poll(() => rangesIn(paragraphs - 20, paragraphs)).toBeGreaterThan(0);
    await expect.poll(() => rangesIn(0, 10)).toBe(0);
  });

  it('drops the suggestions of the paragraphs a scroll leaves at once, not once the view stops', async () => {
    const suggestedIn = (from: number, to: number) =>
      page.evaluate(
        ([from, to]) =>
          [...(CSS.highlights.get('tahrir-suggested-entity') ?? [])].filter((r) => {
            const p = (r as AbstractRange).startContainer.parentElement?.closest<HTMLElement>('[data-para]');
            const i = Number(p?.dataset.para);
            return i >= from && i < to;
          }).length,
        [from, to],
      );
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await expect.poll(() => suggestedIn(0, 10), { timeout: 60_000 }).toBeGreaterThan(0);
    // A steady scroll down, a screen a frame: new paragraphs come near in every frame, so the view is never still.
    const leftBehind = await page.evaluate(async () => {
      const box = document.querySelector('.document-scroll')!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const counts: number[] = [];
      for (let n = 0; n < 12; n++) {
        box.scrollTop += 600;
        await frame();
        counts.push(
          [...(CSS.highlights.get('tahrir-suggested-entity') ?? [])].filter((r) => {
            const p = (r as AbstractRange).startContainer.parentElement?.closest<HTMLElement>('[data-para]');
            return Number(p?.dataset.para) < 10;
          }).length,
        );
      }
      return counts;
    });
    // Seven screens down, the first paragraphs' suggestions are gone while the view still moves.
    expect(leftBehind.at(-1)).toBe(0);
    // Once it stops, the suggestions near it are drawn.
    const top = await page.evaluate(() => {
      const box = document.querySelector('.document-scroll')!;
      const p = [...box.querySelectorAll<HTMLElement>('[data-para]')].find(
        (el) => el.getBoundingClientRect().top >= box.getBoundingClientRect().top,
      );
      return Number(p?.dataset.para);
    });
    await expect.poll(() => suggestedIn(top, top + 30), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('draws the suggestions in view only, and follows a scroll within the paragraphs near it once it stops', async () => {
    // Suggestion Ranges by where their paragraph lies: in view (or within a quarter of its height), or not.
    const where = () =>
      page.evaluate(() => {
        const view = document.querySelector('.document-scroll')!.getBoundingClientRect();
        const margin = view.height * 0.3;
        const out = { inView: 0, outside: 0 };
        for (const r of CSS.highlights.get('tahrir-suggested-entity') ?? []) {
          const p = (r as AbstractRange).startContainer.parentElement!.closest('[data-para]')!;
          const box = p.getBoundingClientRect();
          if (box.bottom >= view.top - margin && box.top <= view.bottom + margin) out.inView++;
          else out.outside++;
        }
        return out;
      });
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await expect.poll(async () => (await where()).inView, { timeout: 30_000 }).toBeGreaterThan(0);
    // Every repaint paints the highlighted text of a screen above and below the view too: none drawn there (main: the
    // suggestions of every paragraph near the view, a screen on either side).
    await expect.poll(async () => (await where()).outside, { timeout: 5_000 }).toBe(0);
    // Half a screen down (the same paragraphs near the view): once the view stops, what came into it is drawn.
    const before = await page.evaluate(() => {
      const box = document.querySelector('.document-scroll')!;
      box.scrollTop += box.clientHeight / 2;
      return CSS.highlights.get('tahrir-suggested-entity')?.size ?? 0;
    });
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tahrir-suggested-entity')?.size ?? 0), { timeout: 5_000 })
      .not.toBe(before);
    await expect.poll(async () => (await where()).outside, { timeout: 5_000 }).toBe(0);
  });

  it('paints the side panel and the top bar apart from the text (their own paint layers)', async () => {
    // A highlight change repaints the text; the page's other parts, each a stacking context, are reused as painted
    // (before: ~1,800 elements of the side panel walked again in every keypress's first frame, 1.1 ms of its Paint).
    const isolation = await page.evaluate(() =>
      ['.side-panel', '.top-bar'].map((s) => getComputedStyle(document.querySelector(s)!).isolation),
    );
    expect(isolation).toEqual(['isolate', 'isolate']);
  });

  it("skips the side panel's lists out of its view (React writes the panel in front of the next key)", async () => {
    // The browser's own answer: what a label's list holds is not visible when content-visibility skips it.
    const groups = () =>
      page.evaluate(() => {
        const out = { inView: 0, inViewSkipped: 0, outOfView: 0, outOfViewSkipped: 0 };
        for (const group of document.querySelectorAll('.side-panel .span-group')) {
          const box = group.getBoundingClientRect();
          const skipped = !group.firstElementChild!.checkVisibility({ contentVisibilityAuto: true });
          if (box.top < innerHeight) {
            out.inView++;
            if (skipped) out.inViewSkipped++;
          } else if (box.top > innerHeight * 1.5 + 50) {
            // Past the margin the browser renders around the view (half the viewport's height).
            out.outOfView++;
            if (skipped) out.outOfViewSkipped++;
          }
        }
        return out;
      });
    await expect.poll(async () => (await groups()).outOfView, { timeout: 10_000 }).toBeGreaterThan(1);
    // The browser decides what is skipped in its next frames, not at once.
    await expect
      .poll(async () => {
        const g = await groups();
        return g.outOfView - g.outOfViewSkipped;
      })
      .toBe(0);
    const g = await groups();
    expect(g.inView).toBeGreaterThan(0);
    expect(g.inViewSkipped).toBe(0);
  });

  it('keeps Ranges only in the view once it is still, and all near it in a scroll', async () => {
    // Entity Ranges by where their paragraph lies: in the view (a paragraph partly in it counts), or not.
    const where = () =>
      page.evaluate(() => {
        const view = document.querySelector('.document-scroll')!.getBoundingClientRect();
        const margin = 1;
        const out = { inView: 0, outside: 0 };
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('tahrir-label-')) continue;
          for (const r of h) {
            const p = (r as AbstractRange).startContainer.parentElement!.closest('[data-para]')!;
            const box = p.getBoundingClientRect();
            if (box.bottom >= view.top - margin && box.top <= view.bottom + margin) out.inView++;
            else out.outside++;
          }
        }
        return out;
      });
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await expect.poll(async () => (await where()).inView, { timeout: 30_000 }).toBeGreaterThan(0);
    // Still: any DOM write repaints every highlighted text with Ranges, so none out of sight (before: those of the
    // paragraphs within a quarter screen of the view too, 105 Ranges at the top of the 50,000-entity article for 60 in
    // view; before that, all the entities of the blocks of paragraphs near the view, four screens at the top).
    await expect.poll(async () => (await where()).outside, { timeout: 5_000 }).toBe(0);
    // A scroll of half a screen: what it brings into view is drawn in its first frames, not once it stops.
    const scrolled = await page.evaluate(async () => {
      const box = document.querySelector('.document-scroll')!;
      box.scrollTop += box.clientHeight / 2;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      await frame();
      const view = box.getBoundingClientRect();
      const range = document.createRange();
      let n = 0;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('tahrir-label-')) continue;
        for (const r of h) {
          range.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
          range.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
          const b = range.getBoundingClientRect();
          if (b.bottom > view.top && b.top < view.bottom) n++;
        }
      }
      return n;
    });
    const inViewWhenStill = () =>
      page.evaluate(() => {
        const view = document.querySelector('.document-scroll')!.getBoundingClientRect();
        const range = document.createRange();
        let n = 0;
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('tahrir-label-')) continue;
          for (const r of h) {
            range.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
            range.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
            const b = range.getBoundingClientRect();
            if (b.bottom > view.top && b.top < view.bottom) n++;
          }
        }
        return n;
      });
    await expect.poll(async () => (await where()).outside, { timeout: 5_000 }).toBe(0);
    expect(scrolled).toBeGreaterThan(0);
    expect(scrolled).toBe(await inViewWhenStill());
  });

  it('has the highlights of the paragraphs in view in every frame of a steady scroll, its first too', async () => {
    // Highlights are drawn only near the view, and the browser says a block came near after the frame that moved it:
    // the margin must hold a frame of scroll (half a screen here; the bench's 400 px). Following the browser's own
    // content-visibility events instead of an IntersectionObserver (scroll8) passed this, but painted more.
    await expect.poll(() => page.locator('.paragraphs-to-come').count(), { timeout: 30_000 }).toBe(0);
    // A steady scroll down from the top, half a screen a frame: in each frame, the paragraphs in view with no Range.
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await expect.poll(() => rangesIn(0, 5), { timeout: 30_000 }).toBeGreaterThan(0);
    // From a still view: Ranges in the view only (main: the scroll's first frame showed what it brought in bare).
    await expect.poll(labelRangesOutOfView, { timeout: 5_000 }).toBe(0);
    // The scroll starts as a user's does, with an input: a key held down (headless Chromium has no scroll bar to
    // press). The frames' callbacks scroll then, as the browser's own thread does (a scroll bar dragged, a finger),
    // showing what the page painted before each: the scroll event comes after.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.down('ArrowDown');
    const bare = await page.evaluate(async () => {
      const box = document.querySelector('.document-scroll')!;
      const withRanges = () => {
        const drawn = new Set<Element>();
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('tahrir-label-'))
            for (const r of h) drawn.add((r as AbstractRange).startContainer.parentElement!.closest('[data-para]')!);
        return drawn;
      };
      const seen = new Set<number>();
      // Scrolled in a frame's own callback and looked at there: what that frame paints (a report after it is late; so
      // is the scroll event, in the next frame).
      const scrolledFrame = () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => {
            box.scrollTop += box.clientHeight / 2;
            const view = box.getBoundingClientRect();
            const drawn = withRanges();
            for (const p of box.querySelectorAll<HTMLElement>('[data-para]')) {
              const r = p.getBoundingClientRect();
              if (r.bottom > view.top && r.top < view.bottom && !drawn.has(p)) seen.add(Number(p.dataset.para));
            }
            resolve();
          }),
        );
      for (let n = 0; n < 40; n++) await scrolledFrame();
      return [...seen];
    });
    await page.keyboard.up('ArrowDown');
    // Those paragraphs have no entity: none drawn once the view is still on them either.
    expect(bare.length).toBeLessThan(40);
    for (const i of bare) {
      await page.evaluate((i) => document.querySelector(`[data-para="${i}"]`)!.scrollIntoView(), i);
      await page.waitForTimeout(400);
      const labelled = await page.evaluate((i) => {
        const p = document.querySelector(`[data-para="${i}"]`);
        let n = 0;
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('tahrir-label-'))
            for (const r of h) if ((r as AbstractRange).startContainer.parentElement!.closest('[data-para]') === p) n++;
        return n;
      }, i);
      expect(labelled, `paragraph ${i}`).toBe(0);
    }
  });

  it('gives the Ranges near a still view back at the press that starts a scroll, not at a click or a key in the text', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 3000));
    await expect.poll(labelRangesOutOfView, { timeout: 5_000 }).toBe(0);
    // A click in the text and a key that scrolls nothing (a keypress's repaint would pay for Ranges out of sight).
    const box = (await page.locator('.document-scroll').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Escape');
    expect(await labelRangesOutOfView()).toBe(0);
    // The middle button (autoscroll; on a scroll bar, the left one): back before anything moves, while it is held.
    await page.mouse.down({ button: 'middle' });
    expect(await labelRangesOutOfView()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect(await labelRangesOutOfView()).toBeGreaterThan(0);
    await page.mouse.up({ button: 'middle' });
    await expect.poll(labelRangesOutOfView, { timeout: 5_000 }).toBe(0);
  });

  it('deletes and undoes by key without measuring the layout in the keypress task (the hover box, the tip: after the paint)', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    // An entity in view, clicked: selected, and under the pointer (its hover box and tip drawn).
    // The highlights in view are drawn after the scroll, in an idle moment: wait for one.
    const inView = () =>
      page.evaluate(() => {
        const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('tahrir-label-'))
            for (const r of h) {
              const range = document.createRange();
              range.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
              range.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
              const rects = range.getClientRects();
              const b = rects[0];
              if (rects.length === 1 && b.top > box.top + 40 && b.bottom < box.bottom - 40)
                return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
            }
        return null;
      });
    // Found and clicked together: the suggestion bar's arrival can move the text between the two under load.
    await expect
      .poll(async () => {
        const at = await inView();
        if (!at) return 0;
        await page.mouse.click(at.x, at.y);
        return page.evaluate(() => CSS.highlights.get('tahrir-selected')?.size ?? 0);
      })
      .toBe(1);
    await expect.poll(() => page.locator('.span-overlay .span-box.hover').count()).toBeGreaterThan(0);
    const press = (init: { key: string; code: string; ctrlKey?: boolean }) =>
      page.evaluate((init: { key: string; code: string; ctrlKey?: boolean }) => {
        // Every way a script reads the layout (each forces one when the page changed), counted while the key is handled.
        const counted = [
          [Element.prototype, 'getBoundingClientRect'],
          [Element.prototype, 'getClientRects'],
          [Range.prototype, 'getBoundingClientRect'],
          [Range.prototype, 'getClientRects'],
        ] as const;
        let reads = 0;
        const originals = counted.map(([proto, name]) => {
          const original = proto[name] as (...args: unknown[]) => unknown;
          (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
            reads++;
            return original.apply(this, args);
          };
          return original;
        });
        const before = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
        try {
          const key = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
          (document.activeElement ?? document.body).dispatchEvent(key);
        } finally {
          counted.forEach(([proto, name], i) => ((proto as unknown as Record<string, unknown>)[name] = originals[i]));
        }
        const after = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
        return { reads, change: after - before };
      }, init);
    const deleted = await press({ key: 'Delete', code: 'Delete' });
    expect(deleted.change).toBeLessThan(0);
    expect(deleted.reads).toBe(0);
    const undone = await press({ key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(undone.change).toBeGreaterThan(0);
    expect(undone.reads).toBe(0);
    // The marks follow once the change is painted: the entity back under the pointer, boxed again.
    await expect.poll(() => page.locator('.span-overlay .span-box.hover').count()).toBeGreaterThan(0);
  });

  it("forces no layout in a delete's and an undo's second frame: the marks measured before anything is written", async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await expect.poll(() => rangesIn(0, 10)).toBeGreaterThan(0);
    // An entity in view, clicked: selected and under the pointer, so its hover box and tip are drawn again after each key.
    const at = await page.evaluate(() => {
      const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('tahrir-label-'))
          for (const r of h) {
            const range = document.createRange();
            range.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
            range.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
            const rects = range.getClientRects();
            if (rects.length === 1 && rects[0].top > box.top + 40 && rects[0].bottom < box.bottom - 40)
              return { x: rects[0].left + rects[0].width / 2, y: rects[0].top + rects[0].height / 2 };
          }
      return null;
    });
    expect(at).not.toBeNull();
    const cdp = await page.context().newCDPSession(page);
    type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number };
    /** Layouts a script forced in a requestAnimationFrame callback (the page's own are the frame's, after them). */
    const forcedInFrames = async (press: () => Promise<void>): Promise<number> => {
      const events: TraceEvent[] = [];
      const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
      cdp.on('Tracing.dataCollected', collect);
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline',
        transferMode: 'ReportEvents',
      });
      await press();
      // The key's second frame (React, the side panel, the marks) and a few more.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
      const ended = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await ended;
      cdp.off('Tracing.dataCollected', collect);
      const frames = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
      return events.filter(
        (e) =>
          e.name === 'Layout' &&
          e.ph === 'X' &&
          frames.some((f) => f.pid === e.pid && f.tid === e.tid && f.ts <= e.ts && e.ts < f.ts + (f.dur ?? 0)),
      ).length;
    };
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('tahrir-selected')?.size ?? 0)).toBe(1);
    await expect.poll(() => page.locator('.span-overlay .span-box.hover').count()).toBeGreaterThan(0);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    // Before, the live region's words were written before the marks measured the text, and the tip before the boxes
    // were measured: two layouts of the page forced in that frame's requestAnimationFrame, and then the frame's own.
    expect(await forcedInFrames(() => page.keyboard.press('Delete'))).toBe(0);
    expect(await forcedInFrames(() => page.keyboard.press('Control+z'))).toBe(0);
    await cdp.detach();
  });

  it('writes nothing into the overlay after an edit that changes nothing it shows (any DOM write repaints the text)', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    // The pointer off the text: no hover box, no tip.
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('.span-overlay .span-box').count(), { timeout: 5_000 }).toBe(0);
    const word = await selectUntaggedWord();
    expect(word).not.toBeNull();
    const labelled = () =>
      page.evaluate(() =>
        [...CSS.highlights].reduce((n, [name, h]) => n + (name.startsWith('tahrir-label-') ? h.size : 0), 0),
      );
    const before = await labelled();
    await page.evaluate(() => {
      const overlay = document.querySelector('.span-overlay')!;
      const bands = overlay.firstElementChild!;
      const w = window as unknown as { __overlayWrites: string[] };
      w.__overlayWrites = [];
      // The nesting band's lanes are not watched: a new entity may well be laned.
      new MutationObserver((records) => {
        for (const r of records)
          if (!bands.contains(r.target)) w.__overlayWrites.push(`${r.type} ${(r.target as Element).className ?? ''}`);
      }).observe(overlay, { subtree: true, childList: true, attributes: true, characterData: true });
      const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(key);
    });
    await expect.poll(labelled, { timeout: 5_000 }).toBeGreaterThan(before);
    // The marks are drawn again once the edit is painted and the page is idle: give it that, and more.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 500))));
    const writes = await page.evaluate(() => (window as unknown as { __overlayWrites: string[] }).__overlayWrites);
    expect(writes).toEqual([]);
  });

  it('reads no layout in the tasks that follow a keyboard edit which changes nothing the overlay shows', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('.span-overlay .span-box').count(), { timeout: 5_000 }).toBe(0);
    // The suggestions are in: each edit draws those in view again (they are what an edit's redraw measured).
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tahrir-suggested-entity')?.size ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await selectUntaggedWord()).not.toBeNull();
    const reads = await page.evaluate(async () => {
      // Every way a script reads the layout (each forces one when the page changed since the last frame), counted from
      // the keypress until everything it set off is written (the side panel, the live region, the suggestions again).
      const counted = [
        [Element.prototype, 'getBoundingClientRect'],
        [Element.prototype, 'getClientRects'],
        [Range.prototype, 'getBoundingClientRect'],
        [Range.prototype, 'getClientRects'],
      ] as const;
      const stacks: string[] = [];
      const originals = counted.map(([proto, name]) => {
        const original = proto[name] as (...args: unknown[]) => unknown;
        (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
          stacks.push(`${name} ${new Error().stack?.split('\n').slice(2, 5).join(' < ')}`);
          return original.apply(this, args);
        };
        return original;
      });
      try {
        const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
        (document.activeElement ?? document.body).dispatchEvent(key);
        // Three frames on, the panels, the live region and the suggestions' redraw (and its frame); 700 ms is ample.
        await new Promise((done) => setTimeout(done, 700));
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      } finally {
        counted.forEach(([proto, name], i) => ((proto as unknown as Record<string, unknown>)[name] = originals[i]));
      }
      return stacks;
    });
    // Before: the suggestions in view were found by measuring the paragraphs near it, after the panels were written (a
    // layout of the page again, in that task); now an IntersectionObserver keeps them.
    expect(reads).toEqual([]);
    await page.keyboard.press('Control+z');
  });

  it('writes the live region in the same task as the side panel after a keyboard edit (one repaint, not two)', async () => {
    await page.mouse.move(2, 2);
    expect(await selectUntaggedWord()).not.toBeNull();
    await page.evaluate(() => {
      const w = window as unknown as { __frame: number; __writes: string[] };
      w.__frame = 0;
      w.__writes = [];
      const count = () => {
        w.__frame++;
        if (w.__frame < 200) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      // Which frame each write falls before: the live region's, the side panel's.
      const watch = (selector: string, name: string) =>
        new MutationObserver(() => w.__writes.push(`${name} ${w.__frame}`)).observe(document.querySelector(selector)!, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      watch('[data-testid="announcer"]', 'announcer');
      watch('.side-panel', 'panel');
      const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(key);
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __writes: string[] }).__writes), { timeout: 5_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^announcer/), expect.stringMatching(/^panel/)]));
    const writes = await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes);
    const firstOf = (name: string) => writes.find((w) => w.startsWith(name))!.split(' ')[1];
    // Before: the live region right after the highlight's paint, the panel ~50 ms later: each a repaint of the text.
    expect(firstOf('announcer')).toBe(firstOf('panel'));
  });

  it("writes a delete's and an undo's side panel once the keys pause, nothing in front of an undo pressed after", async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.mouse.move(2, 2);
    expect(await selectUntaggedWord()).not.toBeNull();
    // Tagged, then clicked (selected and under the pointer: the inspector, the hover box and tip follow it).
    const at = await page.evaluate(() => {
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(key);
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('tahrir-selected')?.size ?? 0)).toBe(1);
    await expect
      .poll(() => page.locator('.span-overlay .span-box.hover').count(), { timeout: 5_000 })
      .toBeGreaterThan(0);
    // Everything the tag and the click set off is done (the autosave's writes, new suggestions after the save too):
    // nothing written for a second.
    await page.evaluate(async () => {
      let last = performance.now();
      const observer = new MutationObserver(() => (last = performance.now()));
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const ranges = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
      let n = ranges();
      while (performance.now() - last < 1_000) {
        await new Promise((done) => setTimeout(done, 50));
        if (ranges() !== n) [n, last] = [ranges(), performance.now()];
      }
      observer.disconnect();
    });
    const frames = await page.evaluate(async () => {
      let n = 0;
      let counting = true;
      const count = () => {
        n++;
        if (counting) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      // The frame each write falls before: a DOM change anywhere, or a highlight Range added or taken away. The save
      // indicator's are not counted: the autosave writes after its own wait (400 ms on from the last change).
      const writes = new Set<number>();
      /** The DOM's (the side panel's among them), as [frame, in the side panel, in the keypress's own task]. */
      const dom: [number, boolean, boolean][] = [];
      let inKeyTask = false;
      const saveState = document.querySelector('.save-state');
      const panel = document.querySelector('.side-panel');
      const observer = new MutationObserver((records) => {
        const counted = records.filter((r) => !saveState?.contains(r.target));
        if (counted.length === 0) return;
        writes.add(n);
        dom.push([n, counted.some((r) => panel?.contains(r.target)), inKeyTask]);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const { add, delete: drop } = Highlight.prototype;
      Highlight.prototype.add = function (this: Highlight, r: AbstractRange) {
        writes.add(n);
        return add.call(this, r);
      };
      Highlight.prototype.delete = function (this: Highlight, r: AbstractRange) {
        writes.add(n);
        return drop.call(this, r);
      };
      const press = (init: KeyboardEventInit) => {
        const key = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
        inKeyTask = true;
        (document.activeElement ?? document.body).dispatchEvent(key);
        // What the key's task wrote is delivered to the observer before this task ends.
        for (const r of observer.takeRecords())
          if (!saveState?.contains(r.target)) dom.push([n, !!panel?.contains(r.target), true]);
        inKeyTask = false;
      };
      try {
        press({ key: 'Delete', code: 'Delete' });
        const deleted = n;
        // The undo as the keys bench presses it: after the delete's second frame (when the bench takes the delete as
        // painted), 10-17 ms on, its round trips queued behind the page's tasks (React's scheduler's among them: the
        // document list's deferred render of the delete; a loaded machine ran it after a bare timer).
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 12))));
        await new Promise((done) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = done;
          channel.port2.postMessage(null);
        });
        press({ key: 'z', code: 'KeyZ', ctrlKey: true });
        const undone = n;
        // Up to the autosave's first write, 400 ms on from the last change.
        await new Promise((done) => setTimeout(done, 350));
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        return { deleted, undone, writes: [...writes].sort((a, b) => a - b), dom };
      } finally {
        counting = false;
        observer.disconnect();
        Highlight.prototype.add = add;
        Highlight.prototype.delete = drop;
      }
    });
    expect(frames.writes).toContain(frames.deleted);
    expect(frames.writes).toContain(frames.undone);
    // Each key's own task writes its highlight only: no side panel render, no other DOM write (each is a repaint of all
    // the highlighted text, and work in front of the key's frame).
    expect(frames.dom.filter(([, , inKey]) => inKey)).toEqual([]);
    // Nothing between the delete and the undo pressed in its second frame: React is told once the keys pause. Told in
    // the delete's second frame (before), its render and the repaint of the page it causes (20-31 ms of main thread at
    // 50,000 entities) were just in front of that undo.
    expect(frames.undone).toBeGreaterThanOrEqual(frames.deleted + 2);
    expect(frames.dom.filter(([frame]) => frame > frames.deleted && frame <= frames.undone)).toEqual([]);
    // The side panel, and everything else the two keys changed, in one burst of writes in the third frame after the
    // undo (the first paints its highlight); no highlight changed between.
    const after = [...new Set(frames.dom.map(([frame]) => frame))].filter((f) => f > frames.undone);
    expect(after[0]).toBe(frames.undone + 3);
    expect(frames.dom.some(([frame, inPanel]) => frame === after[0] && inPanel)).toBe(true);
    expect(frames.writes.filter((f) => f > frames.undone && f < after[0])).toEqual([]);
  });

  it('paints the side panel within 100 ms of a pause in the keys (at 60 Hz), in the third frame after the last', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.mouse.move(2, 2);
    await page.locator('.tabs [role="tab"]', { hasText: 'Entities' }).click();
    expect(await selectUntaggedWord()).not.toBeNull();
    const timing = await page.evaluate(async () => {
      const panel = document.querySelector('.side-panel')!;
      let frame = 0;
      const frameAt: number[] = [];
      let counting = true;
      const count = (t: number) => {
        frame++;
        frameAt.push(t);
        if (counting) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      // The panel's first write after the key, and the start of the frame after the one it is painted in.
      let written: { frame: number; at: number } | null = null;
      const painted = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          written = { frame, at: performance.now() };
          requestAnimationFrame((t) => resolve(t));
        });
        observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const pressed = performance.now();
      const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(key);
      const shown = await Promise.race([painted, new Promise<null>((done) => setTimeout(() => done(null), 2_000))]);
      counting = false;
      const gaps = frameAt.slice(1).map((t, i) => t - frameAt[i]);
      return {
        written: written as { frame: number; at: number } | null,
        ms: shown === null ? null : shown - pressed,
        meanFrame: gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 16.7,
      };
    });
    await page.keyboard.press('Control+z');
    // Written with React's render in the third frame with no key (the first paints the tag's highlight). Never told
    // (React only when caught up by a click), the panel would not follow the key at all.
    expect(timing.written?.frame).toBe(3);
    // Painted by the start of the next frame: ~60-80 ms after the key at 60 Hz (the goal: 100 ms from a pause). A
    // loaded machine stretches the frames; the budget stretches with them.
    expect(timing.ms).not.toBeNull();
    expect(timing.ms!).toBeLessThanOrEqual(100 * Math.max(1, timing.meanFrame / (1000 / 60)));
  });

  it('tells React of a click in the text once the clicks pause, not at its pointerdown; the inspector within 100 ms', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.mouse.move(2, 2);
    expect(await selectUntaggedWord()).not.toBeNull();
    const result = await page.evaluate(async () => {
      // React's commits, by the event being dispatched as each is made (a render flushed in a listener is made there).
      const hook = (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: { onCommitFiberRoot: () => void } })
        .__REACT_DEVTOOLS_GLOBAL_HOOK__;
      const { onCommitFiberRoot } = hook;
      const commits: string[] = [];
      hook.onCommitFiberRoot = function (this: unknown) {
        commits.push(window.event?.type ?? '');
        onCommitFiberRoot.call(this);
      };
      const frameAt: number[] = [];
      let counting = true;
      const count = (t: number) => {
        frameAt.push(t);
        if (counting) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      try {
        const tagged = getSelection()!.getRangeAt(0).cloneRange();
        // Another entity in view, one word long (no other span inside it), to click.
        const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
        let other: AbstractRange | null = null;
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('tahrir-label-'))
            for (const r of h as Iterable<AbstractRange>) {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              const b = range.getBoundingClientRect();
              const text = range.toString();
              if (r.startContainer !== r.endContainer || !/^\p{L}{3,}$/u.test(text) || b.top < box.top + 40) continue;
              if (b.bottom > box.bottom - 40 || range.intersectsNode(tagged.startContainer)) continue;
              other = r;
              break;
            }
        if (!other) return null;
        const otherText = (other.startContainer as Text).data.slice(other.startOffset, other.endOffset);
        // Tagged by its key (and selected): React is behind the tag, told once the keys pause, when the click comes.
        const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
        (document.activeElement ?? document.body).dispatchEvent(key);
        const panel = document.querySelector('.side-panel')!;
        const inspected = () => panel.querySelector('.inspector-text')?.textContent;
        const painted = new Promise<number | null>((resolve) => {
          const observer = new MutationObserver(() => {
            if (inspected() !== otherText) return;
            observer.disconnect();
            requestAnimationFrame((t) => resolve(t));
          });
          observer.observe(panel, { subtree: true, childList: true, characterData: true });
          setTimeout(() => resolve(null), 2_000);
        });
        // A click inside the other entity, as the browser sends it: the caret put there, then the events.
        getSelection()!.collapse(other.startContainer, other.startOffset + 1);
        const target = other.startContainer.parentElement!;
        const clickedAt = performance.now();
        const init = { bubbles: true, cancelable: true, composed: true };
        target.dispatchEvent(new PointerEvent('pointerdown', { ...init, isPrimary: true }));
        target.dispatchEvent(new MouseEvent('mousedown', init));
        target.dispatchEvent(new PointerEvent('pointerup', { ...init, isPrimary: true }));
        target.dispatchEvent(new MouseEvent('mouseup', init));
        target.dispatchEvent(new MouseEvent('click', init));
        const selected = [...(CSS.highlights.get('tahrir-selected') ?? [])] as AbstractRange[];
        const at = await painted;
        const gaps = frameAt.slice(1).map((t, i) => t - frameAt[i]);
        return {
          otherText,
          selected: selected.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
          inClick: commits.filter((type) =>
            ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'].includes(type),
          ),
          ms: at === null ? null : at - clickedAt,
          meanFrame: gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 16.7,
        };
      } finally {
        counting = false;
        hook.onCommitFiberRoot = onCommitFiberRoot;
      }
    });
    expect(result).not.toBeNull();
    // The clicked entity's highlight in the click's own task.
    expect(result!.selected).toEqual([result!.otherText]);
    // No render in the click's events: before, its pointerdown brought React up to date first (the tag's render, and
    // the repaint of all the highlighted text it causes, in front of the click's frame and a Delete pressed after it).
    expect(result!.inClick).toEqual([]);
    // The inspector shows the entity clicked, painted within 100 ms of the click (React told in the third frame after
    // it); a loaded machine stretches the frames, and the budget with them.
    expect(result!.ms).not.toBeNull();
    expect(result!.ms!).toBeLessThanOrEqual(100 * Math.max(1, result!.meanFrame / (1000 / 60)));
    // The tag undone: the later tests find the page as before.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
  });

  it('brings React up to date at a pointer pressed outside the text (what it acts on is what React shows)', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.mouse.move(2, 2);
    expect(await selectUntaggedWord()).not.toBeNull();
    const inPointerDown = await page.evaluate(() => {
      const hook = (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: { onCommitFiberRoot: () => void } })
        .__REACT_DEVTOOLS_GLOBAL_HOOK__;
      const { onCommitFiberRoot } = hook;
      const commits: string[] = [];
      hook.onCommitFiberRoot = function (this: unknown) {
        commits.push(window.event?.type ?? '');
        onCommitFiberRoot.call(this);
      };
      try {
        const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
        (document.activeElement ?? document.body).dispatchEvent(key);
        const init = { bubbles: true, cancelable: true, composed: true, isPrimary: true };
        document.querySelector('.side-panel')!.dispatchEvent(new PointerEvent('pointerdown', init));
        return commits.filter((type) => type === 'pointerdown').length;
      } finally {
        hook.onCommitFiberRoot = onCommitFiberRoot;
      }
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    expect(inPointerDown).toBeGreaterThan(0);
  });

  it("asks for no frame and no render after a delete's third frame, and changes no highlight after it", async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.mouse.move(2, 2);
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tahrir-suggested-entity')?.size ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await selectUntaggedWord()).not.toBeNull();
    // Tagged, then clicked (selected: the Delete deletes it), as the keys bench does.
    const at = await page.evaluate(() => {
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(key);
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('tahrir-selected')?.size ?? 0)).toBe(1);
    await page.mouse.move(2, 2);
    // Nothing left of what came before (the autosave's writes, suggestions asked again after the save): quiet for 1 s.
    await page.evaluate(async () => {
      let last = performance.now();
      const observer = new MutationObserver(() => (last = performance.now()));
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      while (performance.now() - last < 1_000) await new Promise((done) => setTimeout(done, 50));
      observer.disconnect();
    });
    const after = await page.evaluate(async () => {
      // The page's own frame requests and highlight changes, by the frame they fall in (1: the one after the key). The
      // count's callback is asked for first, so in each frame it runs before the page's.
      let frame = 0;
      let counting = true;
      const { requestAnimationFrame: request } = window;
      const count = () => {
        frame++;
        if (counting) request.call(window, count);
      };
      request.call(window, count);
      const asked: string[] = [];
      const changed: number[] = [];
      // React's commits by frame, and whether each wrote anything to the DOM (a commit calls the DevTools hook after its
      // writes: they are the observer's records then).
      const hook = (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: { onCommitFiberRoot: () => void } })
        .__REACT_DEVTOOLS_GLOBAL_HOOK__;
      const { onCommitFiberRoot } = hook;
      const writes = new MutationObserver(() => undefined);
      writes.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      // With the event being dispatched (if any) and the time, so that a failure says what the commit came from.
      const commits: { frame: number; wrote: boolean; event: string; at: number }[] = [];
      hook.onCommitFiberRoot = function (this: unknown) {
        const event = window.event?.type ?? '';
        commits.push({ frame, wrote: writes.takeRecords().length > 0, event, at: Math.round(performance.now()) });
        onCommitFiberRoot.call(this);
      };
      window.requestAnimationFrame = (callback) => {
        asked.push(`${frame} ${new Error().stack?.split('\n').slice(2, 4).join(' < ')}`);
        return request.call(window, callback);
      };
      const { add, delete: drop } = Highlight.prototype;
      Highlight.prototype.add = function (this: Highlight, r: AbstractRange) {
        changed.push(frame);
        return add.call(this, r);
      };
      Highlight.prototype.delete = function (this: Highlight, r: AbstractRange) {
        changed.push(frame);
        return drop.call(this, r);
      };
      try {
        const key = new KeyboardEvent('keydown', { key: 'Delete', code: 'Delete', bubbles: true, cancelable: true });
        (document.activeElement ?? document.body).dispatchEvent(key);
        // Up to the autosave's first write, 400 ms on from the edit.
        await new Promise((done) => setTimeout(done, 350));
      } finally {
        counting = false;
        window.requestAnimationFrame = request;
        hook.onCommitFiberRoot = onCommitFiberRoot;
        writes.disconnect();
        Highlight.prototype.add = add;
        Highlight.prototype.delete = drop;
      }
      const fromThird = (calls: string[]) => calls.filter((a) => Number(a.split(' ')[0]) >= 3);
      return { asked: fromThird(asked), commits, changed: changed.filter((f) => f > 3) };
    });
    // Each frame the page asks for after the key's third (the first paints the highlight, the third, once the keys
    // paused, React's render and the side panel) is one the next key waits behind: its own first frame comes a frame
    // later (up to 17 ms).
    // Before, the suggestion bar drew the suggestions after the second frame's paint (a repaint of all the highlighted
    // text of its own), and again in the third frame, after every edit.
    expect(after.asked).toEqual([]);
    // React renders (and writes) in the third frame, and never again after it to write nothing. Before, the side panel
    // rendered again after it (commits in frames 2, 2, 3), showing nothing new, in a task just where the next key comes
    // (useAfterPaint remembering what the painted render showed, as state).
    expect(after.commits.filter((c) => c.frame === 3 && c.wrote)).not.toEqual([]);
    expect(after.commits.filter((c) => c.frame > 3 && !c.wrote)).toEqual([]);
    expect(after.changed).toEqual([]);
    await page.keyboard.press('Control+z');
  });

  it('scrolls to and flashes an entity chosen in the list, wherever it is', async () => {
    await page.evaluate(() => (document.querySelector('.document-scroll')!.scrollTop = 0));
    await page.locator('.tabs [role="tab"]', { hasText: 'Entities' }).click();
    const group = page.locator('.span-group').first();
    await group.locator('.show-all').click();
    const last = group.locator('.span-item').last();
    const text = (await last.locator('bdi').first().textContent()) ?? '';
    // The flash lasts 1.2 s: a poll of the highlight, each look slow on a loaded machine, missed it (CI: '' read).
    // What the flash draws is recorded as it is drawn instead.
    await page.evaluate(() => {
      const flashed: string[] = [];
      (window as unknown as { flashed: string[] }).flashed = flashed;
      const add = Highlight.prototype.add;
      Highlight.prototype.add = function (this: Highlight, r: AbstractRange) {
        if (CSS.highlights.get('tahrir-flash') === this)
          flashed.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
        return add.call(this, r);
      };
    });
    await last.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { flashed: string[] }).flashed.join('')))
      .toBe(text);
    // And it goes, 1.2 s after it came: longer than expect.poll's 1 s default (CI failed it there).
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tahrir-flash')?.size ?? 0), { timeout: 5_000 })
      .toBe(0);
  });
  // The last two load the page again.
  it("fills the side panel's entity list in the frame after the document's first paint", async () => {
    await page.addInitScript(() => {
      // Per frame (its requestAnimationFrame, before it paints): the entities' Ranges and the list's rows to paint.
      const w = window as unknown as { __frames: { ranges: number; listed: number; early: boolean }[] };
      w.__frames = [];
      const tick = () => {
        let ranges = 0;
        CSS.highlights?.forEach((h, name) => name.startsWith('tahrir-label-') && (ranges += h.size));
        w.__frames.push({
          ranges,
          listed: document.querySelectorAll('#root .side-panel .span-group li').length,
          early: !!document.querySelector('.early-paint'),
        });
        if (w.__frames.length < 3000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.reload();
    const frames = () => page.evaluate(() => (window as unknown as { __frames: { listed: number }[] }).__frames);
    await expect.poll(async () => (await frames()).some((f) => f.listed > 0), { timeout: 30_000 }).toBe(true);
    const all = (await frames()) as { ranges: number; listed: number; early: boolean }[];
    // The app's first paint of the document: a first screen painted before it by early.js (text and highlights,
    // renderer/text/early-paint.ts) has no side panel to fill; the app's own frame is the one the list follows.
    const painted = all.findIndex((f) => f.ranges > 0 && !f.early);
    const filled = all.findIndex((f) => f.listed > 0);
    expect(painted).toBeGreaterThan(0);
    // Before: 2-3 frames after it (each list's first value set in a timer of its own, then rendered in a scheduler
    // task: a render and commit each, a frame apart), the editor-scale bench's row 3-4. Now the frame after it, quiet;
    // one more when other test files load the machine (CI runs them side by side), so the test allows 2 and the
    // bench row, run alone, is the measure of 1.
    expect(filled - painted).toBeLessThanOrEqual(2);
  });

  it('has ICU data loaded (by the ICU worker early.js starts) before the page’s first Intl number format', async () => {
    // The first Intl number or date format, or the first question of which locales Intl supports, loads ICU's data
    // (50–190 ms in headless Chromium). It came in app.js's run (uPlot's module made both formats for the agreement
    // view's charts), then in the first render (the first message asked which locales Intl supports). early.js now
    // starts a worker that loads it off the main thread (renderer/icu-worker.ts; early-paint.test.ts checks the main
    // thread makes no Intl object before the early paint): the worker must be started before the first one.
    await page.context().addInitScript(() => {
      const seen: { intlAt?: number; icuWorkerAt?: number } = {};
      (window as unknown as { intlSeen: typeof seen }).intlSeen = seen;
      const first = () => (seen.intlAt ??= performance.now());
      for (const name of ['NumberFormat', 'DateTimeFormat'] as const) {
        const Format = Intl[name] as unknown as {
          new (...args: unknown[]): object;
          supportedLocalesOf: () => string[];
        };
        const counted = function (...args: unknown[]) {
          first();
          return new Format(...args);
        };
        counted.prototype = Format.prototype;
        counted.supportedLocalesOf = (...args: unknown[]) => {
          first();
          return (Format.supportedLocalesOf as (...a: unknown[]) => string[])(...args);
        };
        (Intl as unknown as Record<string, unknown>)[name] = counted;
      }
      const PageWorker = window.Worker;
      window.Worker = new Proxy(PageWorker, {
        construct(target, args: [string | URL, WorkerOptions?]) {
          if (String(args[0]).endsWith('/icu-worker.js')) seen.icuWorkerAt ??= performance.now();
          return Reflect.construct(target, args) as Worker;
        },
      });
    });
    await page.reload();
    await expect.poll(() => rangesIn(0, 10), { timeout: 30_000 }).toBeGreaterThan(0);
    const seen = await page.evaluate(
      () => (window as unknown as { intlSeen: { intlAt?: number; icuWorkerAt?: number } }).intlSeen,
    );
    expect(seen.icuWorkerAt).toBeDefined();
    expect(seen.icuWorkerAt!).toBeLessThan(seen.intlAt ?? Infinity);
  });
});
