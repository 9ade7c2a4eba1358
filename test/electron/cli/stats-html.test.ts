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

describe.skipIf(!haveChromium)('tahrir stats --html', () => {
  it('writes the charts and their numbers into one page that fetches nothing', async () => {
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
});
