// Entity and quote suggestions: training the workspace tagger on NewsFANE's 3,800 training
// sentences in its worker thread (goal ≤ 30 s; and how long the back end's event loop was held
// meanwhile: the editor's answers must not wait), then one document's suggestions for a
// 1,000-word Arabic article (goal ≤ 100 ms): the workspace matcher over the workspace's names,
// the trained tagger and the quote finder, as the back end answers suggestAnnotations. The
// corpora are read at run time from ../shared/corpus (never copied); without them the rows say so.
// Each is given as wall time and as CPU time (process.cpuUsage: this process's threads): on a
// shared, loaded machine the wall time counts the waits for a core, the CPU time what the work costs.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { trainInWorker } from '../../electron/entity-tagger-service';
import { DEFAULT_EPOCHS } from '../../shared/ner/entity-tagger';
import { loadTagger, suggestEntities } from '../../shared/ner/document-entities';
import { parseConll } from '../../shared/ner/ner-data';
import { spansOfTags } from '../../shared/ner/tagger';
import { findQuotes } from '../../shared/quote-finder';

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const repo = process.env.TAHRIR_ROOT ?? process.cwd();
const corpus = join(repo, '..', 'shared', 'corpus');
const TRAIN = join(corpus, 'ner', 'newsfane-train.conll');
const NEWS = join(corpus, 'news', 'aawsat');
const ARTICLE_WORDS = 1000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Real Arabic news, articles joined until the text has `words` words (cut there). */
async function arabicArticle(words: number): Promise<string> {
  const files = (await readdir(NEWS)).filter((f) => f.endsWith('.txt')).sort();
  let text = '';
  for (const f of files) {
    text += `${await readFile(join(NEWS, f), 'utf8')}\n`;
    const all = text.split(/\s+/u).filter(Boolean);
    if (all.length >= words) {
      // Cut after the `words`-th word, keeping the text's own line breaks before it.
      let seen = 0;
      const m = [...text.matchAll(/\S+/gu)];
      for (const w of m) if (++seen === words) return text.slice(0, (w.index ?? 0) + w[0].length);
    }
  }
  return text;
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(TRAIN) || !existsSync(NEWS))
    return [{ name: 'suggestions: corpus', value: 0, unit: 'skipped', note: `not found: ${corpus}` }];
  const rows: BenchRow[] = [];
  const work = await mkdtemp(join(tmpdir(), 'tahrir-bench-suggestions-'));
  try {
    // The worker bundled as build/bundle.mjs bundles it.
    const workerFile = join(work, 'entity-tagger-worker.cjs');
    await build({
      entryPoints: [join(repo, 'electron', 'entity-tagger-worker.ts')],
      outfile: workerFile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
    const all = parseConll(await readFile(TRAIN, 'utf8'));
    const sentences = quick ? all.slice(0, 400) : all;

    // Training, with the event loop watched: a 1 ms timer notes the longest gap between its turns.
    let longestHold = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestHold = Math.max(longestHold, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const answer = await trainInWorker(workerFile, { sentences }).result;
    const trainMs = performance.now() - started;
    const trainCpu = process.cpuUsage(cpuBefore);
    clearInterval(timer);
    if (!answer.ok || !answer.modelJson) throw new Error(`training failed: ${answer.ok ? 'no model' : answer.message}`);
    rows.push({
      name: `tagger training, ${sentences.length} sentences (worker)`,
      value: round(trainMs / 1000, 2),
      unit: 's',
      note: `goal ≤ 30 s (NewsFANE train, ${DEFAULT_EPOCHS} passes); wall time`,
    });
    rows.push({
      name: `tagger training, ${sentences.length} sentences (CPU time)`,
      value: round((trainCpu.user + trainCpu.system) / 1e6, 2),
      unit: 's',
      note: 'the worker and the back end together (the worker alone: its training ms below)',
    });
    rows.push({
      name: 'tagger training, in the worker (its own clock)',
      value: round(answer.ms / 1000, 2),
      unit: 's',
    });
    rows.push({
      name: 'tagger training: longest event-loop hold',
      value: round(longestHold),
      unit: 'ms',
      note: 'the back end keeps answering the editor',
    });

    // One document's suggestions, as suggestAnnotations makes them.
    const tagger = { tagger: loadTagger(JSON.parse(answer.modelJson)), gazetteer: { names: new Map(answer.names) } };
    const names: { text: string; label: string }[] = [];
    for (const s of sentences.slice(0, 500))
      for (const span of spansOfTags(s.tags))
        names.push({
          text: s.tokens
            .slice(span.start, span.end)
            .join(' ')
            .replace(/\u200e/gu, ''),
          label: span.label,
        });
    const text = await arabicArticle(ARTICLE_WORDS);
    const suggest = () => {
      const entities = suggestEntities(text, { names, existing: [], tagger });
      return { entities, quotes: findQuotes(text, entities) };
    };
    suggest(); // warm: the first call compiles the code paths
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let found = suggest();
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      found = suggest();
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    rows.push({
      name: `suggestions for a ${ARTICLE_WORDS}-word article (median)`,
      value: round(median(times)),
      unit: 'ms',
      note: `goal ≤ 100 ms; ${found.entities.length} entities, ${found.quotes.length} quotes, ${names.length} workspace names`,
    });
    rows.push({
      name: `suggestions for a ${ARTICLE_WORDS}-word article (max)`,
      value: round(Math.max(...times)),
      unit: 'ms',
    });
    rows.push({
      name: `suggestions for a ${ARTICLE_WORDS}-word article (median CPU time)`,
      value: round(median(cpuTimes)),
      unit: 'ms',
      note: 'goal ≤ 100 ms',
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return rows;
}
