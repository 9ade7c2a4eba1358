// `tahrir stats --html`: the progress charts in one self-contained page, parsed by a real HTML
// parser (Chromium's, without network) and its numbers checked against the sidecars.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { emptySidecar, serializeSidecar } from '../../../shared/sidecar';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium } from '../../e2e/harness';
import { tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const tahrir = useCliBundle();

/** Three documents: done (منى, ali), in progress (ali), to do. */
async function workspace(): Promise<string> {
  const root = await tempFolder();
  const done = emptySidecar('a.txt', '0'.repeat(64), 3);
  done.document.status = 'done';
  done.updatedAt = '2026-11-28T10:00:00Z';
  done.entities = [
    { id: 't1', start: 0, end: 3, label: 'GPE', text: 'abc', createdBy: 'منى', changedBy: 'منى' },
    { id: 't2', start: 0, end: 1, label: 'PERSON', text: 'a', createdBy: 'منى', changedBy: 'ali' },
  ];
  const started = emptySidecar('b.txt', '0'.repeat(64), 3);
  started.document.status = 'in_progress';
  started.updatedAt = '2026-11-30T12:00:00Z';
  started.entities = [{ id: 't1', start: 0, end: 3, label: 'GPE', text: 'abc', createdBy: 'ali', changedBy: 'ali' }];
  await writeFiles(root, {
    'a.txt': 'abc',
    'a.annotations.json': serializeSidecar(done),
    'b.txt': 'abc',
    'b.annotations.json': serializeSidecar(started),
    'c.txt': 'to do',
  });
  return root;
}

describe.skipIf(!haveChromium)('tahrir stats --html', () => {
  it('writes the charts and their numbers into one page that fetches nothing', async () => {
    const root = await workspace();
    const out = join(root, 'report.html');
    const r = await tahrir(['stats', root, '--html', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote the progress charts to ${out}`);
    const html = await readFile(out, 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      await page.setContent(html);
      const table = (id: string) =>
        page.evaluate(
          (id) =>
            [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => [...tr.children].map((td) => td.textContent)),
          id,
        );
      expect(await table('by-status')).toEqual([
        ['to do', '1'],
        ['in progress', '1'],
        ['done', '1'],
      ]);
      expect(await table('over-time')).toEqual([
        ['2026-11-28', '2', '0', '1'],
        ['2026-11-30', '1', '1', '1'],
      ]);
      expect(await table('by-label')).toEqual([
        ['PERSON', '1'],
        ['ORG', '0'],
        ['GPE', '2'],
        ['LOC', '0'],
        ['DATE', '0'],
        ['EVENT', '0'],
        ['MISC', '0'],
      ]);
      expect(await table('by-annotator')).toEqual([
        ['ali', '2', '1'],
        ['منى', '1', '1'],
      ]);
      // Three charts, drawn (not empty boxes): a bar per day, per label, per annotator.
      expect(await page.locator('svg').count()).toBe(3);
      expect(await page.locator('svg >> nth=0').locator('g[data-day]').count()).toBe(2);
      expect(await page.locator('svg >> nth=2').locator('g[data-name]').count()).toBe(2);
      expect(requests.filter((u) => !u.startsWith('about:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('--lang ar writes the page in Arabic, right to left, the charts still drawn left to right (issue 19)', async () => {
    const root = await workspace();
    const out = join(root, 'تقرير.html');
    const r = await tahrir(['stats', root, '--html', out, '--lang', 'ar']);
    expect(r.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 720, height: 1200 } });
      await page.setContent(html);
      const read = () =>
        page.evaluate(() => {
          const cells = (id: string) =>
            [...document.querySelectorAll(`#${id} tr`)].map((tr) => [...tr.children].map((c) => c.textContent));
          return {
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            bodyDirection: getComputedStyle(document.body).direction,
            chartDirection: getComputedStyle(document.querySelector('svg')!).direction,
            title: document.title,
            h1: document.querySelector('h1')!.innerHTML,
            headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
            captions: [...document.querySelectorAll('caption')].map((c) => c.textContent),
            byStatus: cells('by-status'),
            byAnnotator: cells('by-annotator'),
            chartLabels: [...document.querySelectorAll('svg')].map((s) => s.getAttribute('aria-label')),
            words: document.body.innerText,
          };
        });
      const got = await read();
      expect(got).toMatchObject({ lang: 'ar', dir: 'rtl', bodyDirection: 'rtl', chartDirection: 'ltr' });
      const name = root.split('/').pop()!;
      expect(got.title).toBe(`تقدّم ${name}`);
      expect(got.h1).toBe(`تقدّم <bdi>${name}</bdi>`);
      expect(got.headings).toEqual(['المستندات حسب الحالة عبر الزمن', 'الكيانات حسب التصنيف', 'المستندات حسب المُوسِّم']);
      expect(got.captions).toEqual([
        'المستندات حسب الحالة',
        'المستندات حسب الحالة، يومًا بيوم',
        'الكيانات حسب التصنيف',
        'المستندات حسب المُوسِّم',
      ]);
      expect(got.byStatus).toEqual([
        ['الحالة', 'المستندات'],
        ['للإنجاز', '1'],
        ['قيد العمل', '1'],
        ['منجز', '1'],
      ]);
      expect(got.byAnnotator).toEqual([
        ['المُوسِّم', 'المستندات', 'منجز'],
        ['ali', '2', '1'],
        ['منى', '1', '1'],
      ]);
      expect(got.chartLabels[0]).toBe('المستندات حسب الحالة عبر الزمن: 1 منجز، 1 قيد العمل، 1 للإنجاز');
      // No English word of the report's own is left: only the labels, the annotator, the folder's name and the time.
      const english =
        got.words
          .replace(name, '')
          .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, '')
          .match(/[A-Za-z]+/g) ?? [];
      expect(english.filter((w) => !/^(PERSON|ORG|GPE|LOC|DATE|EVENT|MISC|ali)$/.test(w))).toEqual([]);
      await page.screenshot({
        path: join(__dirname, '..', '..', '..', 'test-results', 'stats-report-ar.png'),
        fullPage: true,
      });
    } finally {
      await browser.close();
    }
    // English stays the default; a language the interface does not have is a usage error naming it.
    const en = await tahrir(['stats', root, '--html', join(root, 'en.html')]);
    expect(await readFile(join(root, 'en.html'), 'utf8')).toMatch(
      /<html lang="en" dir="ltr">[\s\S]*<h1>Progress of <bdi>/,
    );
    expect(en.code).toBe(0);
    const bad = await tahrir(['stats', root, '--html', join(root, 'fr.html'), '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang: "fr" is not one of en, ar');
  }, 120_000);
});
