// Site templates over a large workspace: counting 10,000 articles (and how long the event loop
// was held meanwhile: the editor must stay responsive), reopening from the cache, one changed
// file, learning from 500 reviewed sidecars, and one document's suggestions once counts exist
// (goal ≤ 50 ms). The articles are made up (test/shared/boilerplate/site-articles.ts).
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suggestEdits } from '../../shared/boilerplate/index';
import { SiteTemplateService } from '../../electron/site-template-service';
import { AR_TEMPLATE, arabicArticle, englishArticle } from '../shared/boilerplate/site-articles';

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.TAHRIR_BENCH_QUICK === '1';

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const folder of new Set(Object.keys(files).map((f) => f.slice(0, f.lastIndexOf('/')))))
    await mkdir(join(root, folder), { recursive: true });
  for (const [rel, text] of Object.entries(files)) await writeFile(join(root, rel), text);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `job` and reports how long the event loop was held at most meanwhile. */
async function watchingTheLoop<T>(job: () => Promise<T>): Promise<{ result: T; ms: number; longestHold: number }> {
  let longestHold = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longestHold = Math.max(longestHold, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const result = await job();
  const ms = performance.now() - started;
  clearInterval(timer);
  return { result, ms, longestHold };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = quick ? 1000 : 10_000;
  const root = await mkdtemp(join(tmpdir(), 'tahrir-bench-sites-'));
  try {
    const files: Record<string, string> = {};
    for (let i = 0; i < n / 2; i++) {
      files[`wire/w${i}.txt`] = arabicArticle(i);
      files[`metro/m${i}.txt`] = englishArticle(i);
    }
    await writeFiles(root, files);

    const first = await watchingTheLoop(() => new SiteTemplateService(root).open());
    rows.push({
      name: `site template: count ${n.toLocaleString('en')} articles`,
      value: Math.round(first.ms),
      unit: 'ms',
      note: 'listing, reading, counting, writing the cache',
    });
    rows.push({
      name: 'site template: longest event-loop hold while counting',
      value: Math.round(first.longestHold),
      unit: 'ms',
      note: 'the editor stays responsive',
    });

    const again = await watchingTheLoop(() => new SiteTemplateService(root).open());
    rows.push({
      name: 'site template: reopen from the cache',
      value: Math.round(again.ms),
      unit: 'ms',
      note: `longest hold ${Math.round(again.longestHold)} ms`,
    });

    const service = again.result;
    await writeFile(join(root, 'wire/w1.txt'), arabicArticle(n + 1));
    const later = new Date(Date.now() + 5000);
    await utimes(join(root, 'wire/w1.txt'), later, later);
    const t0 = performance.now();
    await service.updateDocument('wire/w1.txt');
    rows.push({
      name: 'site template: update one changed article',
      value: Math.round((performance.now() - t0) * 100) / 100,
      unit: 'ms',
    });

    for (let i = 0; i < 500; i++) {
      const text = files[`wire/w${i}.txt`];
      if (!text.includes(AR_TEMPLATE.promo)) continue;
      const start = [...text.slice(0, text.indexOf(AR_TEMPLATE.promo))].length;
      const sidecar = {
        format: 'tahrir-annotations',
        version: 1,
        source: { file: `w${i}.txt`, sha256: '0'.repeat(64), length: [...text].length },
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
      await writeFile(join(root, `wire/w${i}.annotations.json`), JSON.stringify(sidecar));
    }
    const learning = await watchingTheLoop(() => service.learn());
    rows.push({
      name: 'site template: learn from ~400 reviewed sidecars',
      value: Math.round(learning.ms),
      unit: 'ms',
      note: `longest hold ${Math.round(learning.longestHold)} ms`,
    });

    const text = arabicArticle(7);
    const site = service.templateFor('wire/w7.txt');
    suggestEdits(text, { site });
    const times: number[] = [];
    for (let i = 0; i < (quick ? 5 : 30); i++) {
      const t = performance.now();
      suggestEdits(text, { site });
      times.push(performance.now() - t);
    }
    rows.push({
      name: 'site template: suggestions for one article (warm)',
      value: Math.round(median(times) * 100) / 100,
      unit: 'ms',
      note: 'goal ≤ 50 ms; counts and learned model in use',
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return rows;
}
