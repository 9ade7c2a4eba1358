// Assisted annotation end to end: `tahrir serve` (with the tagger's worker thread) on a temp
// copy of seeds/, Chromium driven by keyboard and mouse. A name tagged in one document is
// suggested in another where it has a clitic in front (وبايدن, بالقاهرة); one suggestion is
// accepted by keyboard, another rejected, a quote candidate accepted with its suggested speaker
// (one undo step), and the sidecar on disk holds exactly that. Screenshots of the suggestions
// drawn, Arabic and English.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePointLength } from '../../shared/code-points';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import { buildTaggerWorker } from '../electron/tagger-worker-bundle';
import {
  cpOffset,
  drag,
  haveChromium,
  openDocumentIn,
  openEditor,
  pointIn,
  readSidecar,
  shots,
  waitSaved,
  type EditorSession,
} from './harness';

const FIRST = 'قال الرئيس الأميركي جو بايدن إن المحادثات في القاهرة كانت مفيدة.\n';
const SECOND =
  'التقى وزير الخارجية وبايدن أمس في بالقاهرة بعد جولة في المنطقة.\n' +
  'وقال بايدن: «سنواصل العمل مع شركائنا في المنطقة حتى النهاية».\n';
const ENGLISH_DONE =
  'President Joe Biden arrived in Cairo on Monday for talks with Egypt.\nBiden said the talks were useful.\n';
const ENGLISH =
  "Biden's visit to Cairo was brief.\n" +
  '"We will keep working with our partners in the region," Biden told reporters in Cairo on Tuesday.\n';

let session: EditorSession;
let workerDir: string;
const page = () => session.page;

/** A done sidecar for `text` with these entities (first occurrences). */
function doneSidecar(name: string, text: string, entities: [string, string, number?][]): string {
  const s = emptySidecar(name, createHash('sha256').update(text).digest('hex'), codePointLength(text));
  s.document.status = 'done';
  s.entities = entities.map(([needle, label, occurrence], i) => {
    const start = cpOffset(text, needle, occurrence ?? 0);
    return { id: `t${i + 1}`, start, end: start + codePointLength(needle), label, text: needle };
  });
  return serializeSidecar(s);
}

const current = () => page().locator('[data-testid="suggestion-current"]');

/** Presses N until the bar's current suggestion shows all of `words` (at most 12 presses). */
async function moveTo(...words: string[]): Promise<void> {
  const shown = async () =>
    (await current()
      .textContent()
      .catch(() => '')) ?? '';
  for (let i = 0; i < 12; i++) {
    const before = await shown();
    await page().keyboard.press('n');
    // The bar follows the key a frame or more later (much more under load): read it once it moved, or the next
    // press would land one suggestion past the one read, and the accept after it on the wrong one.
    await expect.poll(shown, { timeout: 5_000 }).not.toBe(before);
    const text = await shown();
    if (words.every((w) => text.includes(w))) return;
  }
  throw new Error(`no suggestion showing ${words.join(' ')}: ${await current().textContent()}`);
}

/** Where the document's text starts on screen: it must not move as suggestions come and are reviewed. */
const textTop = () =>
  page().evaluate(() => document.querySelector('[data-testid="document-text"]')!.getBoundingClientRect().top);

const openCount = async () =>
  Number(/^(\d+)/.exec((await page().locator('[data-testid="suggestion-count"]').textContent()) ?? '')?.[1] ?? -1);

describe.skipIf(!haveChromium)('assisted annotation in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    workerDir = await mkdtemp(join(tmpdir(), 'tahrir-tagger-worker-'));
    process.env.TAHRIR_TAGGER_WORKER = await buildTaggerWorker(workerDir);
    session = await openEditor({
      name: 'assisted',
      prepare: async (root) => {
        await writeFile(join(root, 'news-a.txt'), FIRST);
        await writeFile(join(root, 'news-b.txt'), SECOND);
        await writeFile(join(root, 'wire-a.txt'), ENGLISH_DONE);
        await writeFile(
          join(root, 'wire-a.annotations.json'),
          doneSidecar('wire-a.txt', ENGLISH_DONE, [
            ['Joe Biden', 'PERSON'],
            ['Cairo', 'GPE'],
            ['Biden', 'PERSON', 1],
          ]),
        );
        await writeFile(join(root, 'wire-b.txt'), ENGLISH);
      },
    });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    delete process.env.TAHRIR_TAGGER_WORKER;
    await rm(workerDir, { recursive: true, force: true });
  });

  it('tags بايدن and القاهرة in one document by hand', async () => {
    await openDocumentIn(page(), 'news-a');
    await drag(page(), await pointIn(page(), 'بايدن', 1), await pointIn(page(), 'بايدن', 3));
    await page().keyboard.press('1');
    // From here on, what the suggestion bar's source checkboxes are written: the bar renders after every edit (its
    // counts follow the document), and its checkboxes were written again each time (their type and name, 9 of the 20
    // DOM writes of a keypress at 50,000 entities) though nothing of them changed.
    await page().evaluate(() => {
      const w = window as unknown as { __sourceWrites: string[] };
      w.__sourceWrites = [];
      new MutationObserver((records) => {
        for (const r of records) w.__sourceWrites.push(`${r.type} ${r.attributeName ?? ''}`);
      }).observe(document.querySelector('[data-testid="suggestion-bar"] .review-sources-list')!, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await drag(page(), await pointIn(page(), 'القاهرة', 2), await pointIn(page(), 'القاهرة', 5));
    await page().keyboard.press('3');
    await expect
      .poll(
        async () =>
          (await readSidecar(session.root, 'news-a').catch(() => null))?.entities.map((e) => [e.text, e.label]),
        {
          timeout: 10_000,
        },
      )
      .toEqual([
        ['بايدن', 'PERSON'],
        ['القاهرة', 'GPE'],
      ]);
    // The side panel (rendered by React with the bar, the frames after the edit) lists the second entity: the bar has
    // rendered since too, and left its checkboxes as they were.
    await expect.poll(() => page().locator('.side-panel .span-group li').count()).toBe(2);
    // A count may change with the tag (its text written); the inputs are not written again.
    const writes = await page().evaluate(() => (window as unknown as { __sourceWrites: string[] }).__sourceWrites);
    expect(writes.filter((w) => !w.startsWith('characterData'))).toEqual([]);
  });

  it('in the other document: accepts وبايدن’s name by keyboard, rejects بالقاهرة’s, accepts the quote with its speaker', async () => {
    await openDocumentIn(page(), 'news-b');
    const tops = [await textTop()];
    await expect.poll(openCount, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    tops.push(await textTop());
    await page().locator('[data-testid="document-text"]').focus();

    await moveTo('PERSON', 'بايدن');
    tops.push(await textTop());
    // The suggestion bar keeps one height (arriving, counted, one under the keyboard): the text never moves.
    expect(tops).toEqual([tops[0], tops[0], tops[0]]);
    await page().screenshot({ path: join(shots, 'assisted-annotation-arabic.png') });
    // Why it was made is read whole at 1,400 px: the "all from this source" button named the source again, and the
    // reason itself was cut to "tagged…".
    expect(
      await page()
        .locator('.review-why')
        .evaluate((e) => `${e.textContent} ${e.scrollWidth <= e.clientWidth ? 'whole' : 'cut'}`),
    ).toMatch(/tagged elsewhere in the workspace.* whole$/);
    await page().keyboard.press('y');
    await moveTo('GPE', 'القاهرة');
    await page().keyboard.press('x');
    await moveTo('direct quote', 'سنواصل');
    expect(await current().textContent()).toContain('said by');
    await page().keyboard.press('y');
    await waitSaved(page());

    const source = SECOND;
    const biden = cpOffset(source, 'بايدن');
    const biden2 = cpOffset(source, 'بايدن', 1);
    const cairo = cpOffset(source, 'القاهرة');
    const quoteStart = cpOffset(source, 'سنواصل');
    const quoteEnd = cpOffset(source, '»');
    const saved = await readSidecar(session.root, 'news-b');
    // The و and the بـ stay outside the spans.
    expect(saved.entities.map((e) => [e.start, e.end, e.label, e.text])).toEqual([
      [biden, biden + 5, 'PERSON', 'بايدن'],
      [biden2, biden2 + 5, 'PERSON', 'بايدن'],
    ]);
    const speaker = saved.entities.find((e) => e.start === biden2)!;
    expect(saved.quotes).toEqual([
      expect.objectContaining({ start: quoteStart, end: quoteEnd, kind: 'direct', speaker: speaker.id }),
    ]);
    expect(saved.rejected).toEqual([{ rule: 'entity:GPE', start: cairo, end: cairo + 7, text: 'القاهرة' }]);
    expect(saved.document.status).toBe('in_progress');
  });

  it('accepting the quote was one undo step (its speaker’s entity goes and comes back with it); the rejection holds after a reload', async () => {
    const counts = async () => {
      const saved = await readSidecar(session.root, 'news-b');
      return [saved.quotes.length, saved.entities.length, saved.rejected?.length ?? 0];
    };
    await page().keyboard.press('Control+z');
    await expect.poll(counts, { timeout: 10_000 }).toEqual([0, 1, 1]);
    await page().keyboard.press('Control+Shift+z');
    await expect.poll(counts, { timeout: 10_000 }).toEqual([1, 2, 1]);
    await waitSaved(page());

    await page().reload();
    await openDocumentIn(page(), 'news-b');
    await page().locator('[data-testid="document-text"]').focus();
    // Nothing on القاهرة is offered again, whatever label.
    await expect
      .poll(async () => (await page().locator('[data-testid="suggestion-count"]').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toMatch(/^\d+ suggestions? open/);
    const texts = await page().evaluate(() =>
      [...(CSS.highlights.get('tahrir-suggested-entity') ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
        range.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
        return range.toString();
      }),
    );
    expect(texts).not.toContain('القاهرة');
  });

  it('English: a possessive stays outside the name; screenshot of the suggestions drawn', async () => {
    await openDocumentIn(page(), 'wire-b');
    await expect.poll(openCount, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await page().locator('[data-testid="document-text"]').focus();
    await moveTo('PERSON', 'Biden');
    expect(await current().textContent()).not.toContain("Biden's");
    await page().screenshot({ path: join(shots, 'assisted-annotation-english.png') });
  });
});
