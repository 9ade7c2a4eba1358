// Mixed-direction paragraphs end to end (issue 19): an Arabic paragraph that opens with an English
// tweet's attribution runs right to left, and tagging inside it still stores the right code points.
import fc from 'fast-check';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, shots, type EditorSession } from './harness';
import { latinRuns, leftToRightRuns } from '../../shared/text-direction';

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
    await page.waitForFunction(() => document.querySelector('.tabs [role="tab"] .count')?.textContent === '1', null, {
      timeout: 15_000,
    });
    const berlin = await harness.pointIn(page, 'برلين', 2);
    await page.mouse.dblclick(berlin.x, berlin.y);
    await page.keyboard.press('3');
    await page.waitForFunction(() => document.querySelector('.tabs [role="tab"] .count')?.textContent === '2', null, {
      timeout: 15_000,
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

  it('lays every character out where it was when every left-to-right run was isolated (only the runs that need one keep it)', async () => {
    // Random right-to-left paragraphs of Arabic and Latin words, figures and punctuation; each laid
    // out twice by Chromium, with an isolate around every run (as before) and around only those
    // latinRuns marks. Each character sits in its own plain <span> (no effect on the bidi algorithm)
    // so its place can be read; the two layouts must agree character by character.
    const word = fc.oneof(
      fc.constantFrom('قال', 'الوزير', 'وجاء', 'في', 'البيان', 'برلين', 'عمّان', 'وَالْكِتَابُ'),
      fc.constantFrom('Olaf', 'Scholz', 'CNN', 'dpa', 'news', "O'Brien", 'café', '11th', 'GMT', '𝐀𝐁𝐂'),
      fc.constantFrom('2024', '6', '25%', '$5', '٢٠٢٤', '#1', '@dpa_intl', '3.5', '1,000'),
      fc.constantFrom('.', ',', '،', ':', '؛', '—', '-', '(', ')', '[', ']', '«', '»', '"', '/', '?', '؟', '😀'),
    );
    const sep = fc.constantFrom(' ', '', ' ', ', ', ' — ');
    const paragraph = fc
      .array(fc.tuple(word, sep), { minLength: 2, maxLength: 14 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''))
      .filter((t) => /[\u0600-\u06FF]/.test(t) && /[A-Za-z]/.test(t));
    const texts = fc.sample(paragraph, { numRuns: 300, seed: 21 });
    texts.push('— dpa news agency (@dpa_intl) November 6, 2024وجاء في البيان', 'تاريخ النشر: 11th, April 2024 GMT');
    const layouts = texts.map((text) => {
      const chars = Array.from(text);
      const all: { text: string; isolate: boolean }[] = [];
      let from = 0;
      for (const r of leftToRightRuns(chars)) {
        if (r.start > from) all.push({ text: chars.slice(from, r.start).join(''), isolate: false });
        all.push({ text: chars.slice(r.start, r.end).join(''), isolate: true });
        from = r.end;
      }
      if (from < chars.length) all.push({ text: chars.slice(from).join(''), isolate: false });
      return { text, all, some: latinRuns(text) };
    });
    // The comparison means something only if many runs were left without an isolate.
    const isolated = (pieces: { isolate: boolean }[]) => pieces.filter((p) => p.isolate).length;
    const left = layouts.reduce((n, l) => n + isolated(l.all) - isolated(l.some), 0);
    expect(left).toBeGreaterThan(150);
    const probe = await page.context().browser()!.newPage();
    try {
      await probe.setContent('<!doctype html><meta charset="utf-8"><body style="font: 18px sans-serif"></body>');
      const mismatches = await probe.evaluate((cases) => {
        const build = (pieces: { text: string; isolate: boolean }[]): HTMLParagraphElement => {
          const p = document.createElement('p');
          p.dir = 'rtl';
          p.style.cssText = 'white-space: pre; width: 3000px; margin: 0';
          for (const piece of pieces) {
            const into = piece.isolate ? p.appendChild(document.createElement('bdi')) : p;
            if (piece.isolate) (into as HTMLElement).dir = 'ltr';
            for (const ch of Array.from(piece.text)) into.appendChild(document.createElement('span')).textContent = ch;
          }
          return document.body.appendChild(p);
        };
        const out: string[] = [];
        for (const c of cases) {
          const a = build(c.all);
          const b = build(c.some);
          const xa = [...a.querySelectorAll('span')].map((s) => s.getBoundingClientRect().left);
          const xb = [...b.querySelectorAll('span')].map((s) => s.getBoundingClientRect().left);
          if (xa.some((x, i) => Math.abs(x - xb[i]) > 1)) out.push(c.text);
          a.remove();
          b.remove();
        }
        return out;
      }, layouts);
      expect(mismatches).toEqual([]);
    } finally {
      await probe.close();
    }
  });
});
