import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { suggestEdits } from '../../shared/boilerplate/index';
import type { SiteCounts } from '../../shared/boilerplate/site-counts';
import { CACHE_DIR, COUNTS_FILE, LEARNED_FILE, SiteTemplateService } from '../../electron/site-template-service';
import { findFiles } from '../../electron/workspace';
import { classifyWorkspacePath } from '../../electron/watcher';
import { AR_TEMPLATE, arabicArticle, englishArticle } from '../shared/boilerplate/site-articles';
import { tempFolder, writeFiles } from './temp-folder';
import { cpuMs } from '../helpers/cpu-time';

function plain(sites: Map<string, SiteCounts>): Record<string, { documents: number; counts: Record<string, number> }> {
  return Object.fromEntries(
    [...sites]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([s, c]) => [s, { documents: c.documents, counts: Object.fromEntries([...c.counts].sort()) }]),
  );
}

async function workspace(n: number): Promise<string> {
  const root = await tempFolder();
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    files[`wire/w${i}.txt`] = arabicArticle(i);
    files[`metro/m${i}.txt`] = englishArticle(i);
  }
  await writeFiles(root, files);
  return root;
}

describe('SiteTemplateService', () => {
  test('writes nothing into the workspace once stopped, even a cache write already under way; settled() waits for it', async () => {
    // A server closed while the counts were being written wrote them into a workspace being removed (ENOTEMPTY in
    // the 5,000-document e2e suite's clean-up): the write is begun, then the workspace closes before it lands.
    const root = await workspace(12);
    const service = await new SiteTemplateService(root).open();
    await rm(join(root, CACHE_DIR), { recursive: true });
    const saving = service.saveCache();
    service.stop();
    await expect(saving).rejects.toMatchObject({ code: 'cancelled' });
    await service.settled();
    await expect(stat(join(root, CACHE_DIR, COUNTS_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('counts every site of the workspace and caches them in .tahrir/ with a .gitignore; the listing and the watcher skip it', async () => {
    const root = await workspace(12);
    const service = await new SiteTemplateService(root).open();
    expect(plain(service.countsBySite())).toMatchObject({ metro: { documents: 12 }, wire: { documents: 12 } });
    expect(JSON.parse((await readFile(join(root, CACHE_DIR, COUNTS_FILE), 'utf8')).split('\n')[0])).toMatchObject({
      format: 'tahrir-template-counts',
    });
    expect(await readFile(join(root, CACHE_DIR, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const { texts, sidecars } = await findFiles(root);
    expect([...texts, ...sidecars].some((f) => f.startsWith('.tahrir'))).toBe(false);
    expect(classifyWorkspacePath(`${CACHE_DIR}/${COUNTS_FILE}`).kind).toBe('ignored');
    expect(service.templateLines('wire', 1)[0]).toMatchObject({
      count: 12,
      documents: 12,
      example: AR_TEMPLATE.endMarker.trim(),
    });
  });

  test('an update equals a rebuild: files added, changed, deleted, and a cache reopened', async () => {
    const root = await workspace(10);
    const service = await new SiteTemplateService(root).open();
    // Changes: one article rewritten (its template lines gone), one deleted, two added, one moved to another site.
    await writeFile(join(root, 'wire/w3.txt'), englishArticle(40));
    const later = new Date(Date.now() + 5000);
    await utimes(join(root, 'wire/w3.txt'), later, later);
    await rm(join(root, 'metro/m4.txt'));
    await writeFiles(root, {
      'wire/w20.txt': arabicArticle(20),
      'metro/m21.txt': englishArticle(21),
      'other/w5.txt': arabicArticle(5),
    });
    await rm(join(root, 'wire/w5.txt'));
    const report = await service.refresh();
    expect(report).toEqual({ counted: 4, removed: 2 });

    const rebuilt = await new SiteTemplateService(await copyWithoutCache(root)).open();
    expect(plain(service.countsBySite())).toEqual(plain(rebuilt.countsBySite()));
    // The cache read back by a new service equals them too, and nothing is counted again.
    const reopened = new SiteTemplateService(root);
    await reopened.open();
    expect(plain(reopened.countsBySite())).toEqual(plain(rebuilt.countsBySite()));
    expect(await reopened.refresh()).toEqual({ counted: 0, removed: 0 });
  });

  test('one document at a time, as the watcher reports it, equals a rebuild', async () => {
    const root = await workspace(6);
    const service = await new SiteTemplateService(root).open();
    await writeFile(join(root, 'wire/w1.txt'), arabicArticle(77));
    const later = new Date(Date.now() + 5000);
    await utimes(join(root, 'wire/w1.txt'), later, later);
    expect(await service.updateDocument('wire/w1.txt')).toBe(true);
    expect(await service.updateDocument('wire/w1.txt')).toBe(false);
    await rm(join(root, 'wire/w2.txt'));
    expect(await service.updateDocument('wire/w2.txt')).toBe(true);
    const rebuilt = await new SiteTemplateService(await copyWithoutCache(root)).open();
    expect(plain(service.countsBySite())).toEqual(plain(rebuilt.countsBySite()));
  });

  test('tahrir.json maps globs to sites', async () => {
    const root = await workspace(4);
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ sites: { '**/*.txt': 'all' } }) });
    const service = await new SiteTemplateService(root).open();
    expect([...service.countsBySite().keys()]).toEqual(['all']);
    expect(service.templateFor('wire/w1.txt').site).toBe('all');
  });

  test('learns from the sidecars, and forgets: the model file goes, the counts stay', async () => {
    const root = await workspace(8);
    const text = arabicArticle(2);
    const start = [...text.slice(0, text.indexOf(AR_TEMPLATE.promo))].length;
    const sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'w2.txt', sha256: '0'.repeat(64), length: [...text].length },
      document: { status: 'done' },
      edits: [
        {
          id: 'e1',
          start,
          end: start + [...AR_TEMPLATE.promo].length,
          text: AR_TEMPLATE.promo,
          replacement: '',
          kind: 'boilerplate',
        },
      ],
      entities: [],
      quotes: [],
    };
    await writeFiles(root, { 'wire/w2.annotations.json': JSON.stringify(sidecar) });
    const service = await new SiteTemplateService(root).open();
    await service.learn();
    expect(service.learned.sites.wire.examples.removed).toBe(1);
    const model = JSON.parse(await readFile(join(root, CACHE_DIR, LEARNED_FILE), 'utf8'));
    expect(model.sites.wire.weights).toHaveProperty('similarToRemoved');
    expect(service.templateFor('wire/w3.txt').learned).toBeDefined();

    await service.forget();
    expect(await stat(join(root, CACHE_DIR, LEARNED_FILE)).catch(() => null)).toBeNull();
    expect(service.templateFor('wire/w3.txt').learned).toBeUndefined();
    expect(service.countsBySite().get('wire')?.documents).toBe(8);
  });

  test('a broken learned model is an error naming the file; a broken cache is counted again', async () => {
    const root = await workspace(3);
    await writeFiles(root, {
      [`${CACHE_DIR}/${COUNTS_FILE}`]:
        '{"format": "tahrir-template-counts", "version": 1, "examples": {}}\n{"file": "wire/w0.txt", "si',
      [`${CACHE_DIR}/${LEARNED_FILE}`]: 'not json',
    });
    const error = await new SiteTemplateService(root).open().catch((e: Error) => e);
    expect(error).toMatchObject({ file: `${CACHE_DIR}/${LEARNED_FILE}` });
    expect((error as Error).message).toMatch(/not valid JSON.*tahrir learn/);
    await rm(join(root, CACHE_DIR, LEARNED_FILE));
    const service = await new SiteTemplateService(root).open();
    expect(service.countsBySite().get('wire')?.documents).toBe(3);
  });

  test('2,000 articles: counted without holding the event loop long, then a suggestion in ≤ 50 ms', async () => {
    const root = await tempFolder();
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) {
      files[`wire/w${i}.txt`] = arabicArticle(i);
      files[`metro/m${i}.txt`] = englishArticle(i);
    }
    await writeFiles(root, files);
    // A hold is judged by the CPU time the process spent between two ticks of a 1 ms timer, not by the wall time
    // between them: on a loaded machine the process waits for a core between ticks (CI saw 250 ms+ "holds" at load
    // 20 in which the service did nothing), and that wait is not the service holding the loop. The CPU time is the
    // whole process's (a few worker threads' reads add to it), so the measure errs on the strict side.
    let longest = 0;
    let longestWall = 0;
    let last = performance.now();
    let lastCpu = cpuMs();
    const timer = setInterval(() => {
      const now = performance.now();
      const cpu = cpuMs();
      longest = Math.max(longest, cpu - lastCpu);
      longestWall = Math.max(longestWall, now - last);
      last = now;
      lastCpu = cpu;
    }, 1);
    const started = performance.now();
    const startedCpu = cpuMs();
    const service = await new SiteTemplateService(root).open();
    const took = performance.now() - started;
    const tookCpu = cpuMs() - startedCpu;
    clearInterval(timer);
    console.log(
      `2,000 articles counted in ${took.toFixed(0)} ms (${tookCpu.toFixed(0)} ms of CPU); the event loop was held ` +
        `at most ${longest.toFixed(0)} ms of CPU (${longestWall.toFixed(0)} ms of wall time between ticks)`,
    );
    expect(longest).toBeLessThan(250);

    const text = arabicArticle(500);
    const template = service.templateFor('wire/w500.txt');
    suggestEdits(text, { site: template });
    // CPU time again: a wait for a core on a loaded machine is not the suggestion's cost.
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = cpuMs();
      suggestEdits(text, { site: template });
      times.push(cpuMs() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `suggestions with the site template: median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms of CPU`,
    );
    expect(times[10]).toBeLessThan(50);
  }, 120_000);
});

/** A copy of the workspace's texts (and tahrir.json) without its cache: what a rebuild counts. */
async function copyWithoutCache(root: string): Promise<string> {
  const copy = await tempFolder();
  const { texts } = await findFiles(root, { sidecars: false });
  const files: Record<string, string> = {};
  for (const t of texts) files[t] = await readFile(join(root, t), 'utf8');
  await writeFiles(copy, files);
  return copy;
}
