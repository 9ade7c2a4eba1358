// Boilerplate detection: character-level precision and recall of the removed text over the
// hand-marked corpus (test/fixtures/articles), per article and in total, and the time
// suggestions take on one article and on a long document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestEdits } from '../../shared/boilerplate/index';
import { extractMetadata } from '../../shared/metadata';
import { combine, loadCorpus, scoreRemoval } from '../shared/boilerplate/marked-corpus';

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const root = process.env.TAHRIR_ROOT ?? join(__dirname, '../..');

function round(x: number, digits = 3): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const corpus = loadCorpus(join(root, 'test', 'fixtures', 'articles'));
  const totals = { both: 0, suggested: 0, gold: 0 };
  const times: number[] = [];
  for (const a of corpus) {
    const t0 = performance.now();
    const edits = suggestEdits(a.text);
    times.push(performance.now() - t0);
    const s = scoreRemoval([...a.text].length, a.remove, edits);
    totals.both += s.both;
    totals.suggested += s.suggested;
    totals.gold += s.gold;
    rows.push({
      name: `boilerplate precision ${a.name}`,
      value: round(s.precision),
      unit: 'ratio',
      note: `${s.suggested} chars suggested`,
    });
    rows.push({
      name: `boilerplate recall ${a.name}`,
      value: round(s.recall),
      unit: 'ratio',
      note: `${s.gold} gold chars`,
    });
  }
  const total = combine(totals);
  rows.push({
    name: 'boilerplate precision total',
    value: round(total.precision),
    unit: 'ratio',
    note: `${corpus.length} articles, target ≥ 0.95`,
  });
  rows.push({
    name: 'boilerplate recall total',
    value: round(total.recall),
    unit: 'ratio',
    note: `${corpus.length} articles, target ≥ 0.90`,
  });

  const sample = readFileSync(join(root, 'seeds', '000_b3be894ae1d50a96.txt'), 'utf8');
  const sampleGold: [number, number][] = [
    [89, 123],
    [303, 387],
    [1548, 2992],
  ];
  const s = scoreRemoval([...sample].length, sampleGold, suggestEdits(sample));
  rows.push({
    name: 'boilerplate precision sample article',
    value: round(s.precision),
    unit: 'ratio',
    note: 'target 1.0',
  });
  rows.push({ name: 'boilerplate recall sample article', value: round(s.recall), unit: 'ratio', note: 'target 1.0' });

  // Timing: one article (warm), and a long document made of the corpus repeated.
  for (let i = 0; i < 5; i++) for (const a of corpus) suggestEdits(a.text);
  const warm: number[] = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t0 = performance.now();
    suggestEdits(sample);
    extractMetadata(sample);
    warm.push(performance.now() - t0);
  }
  rows.push({ name: 'suggest + metadata, sample article (warm)', value: round(median(warm), 2), unit: 'ms' });
  rows.push({ name: 'suggest, first call (cold, includes regex compilation)', value: round(times[0], 1), unit: 'ms' });

  const target = quick ? 100_000 : 1_000_000;
  let long = '';
  while (long.length < target) for (const a of corpus) long += `${a.text}\n`;
  const t0 = performance.now();
  const edits = suggestEdits(long);
  rows.push({
    name: `suggest on a ${Math.round(long.length / 1000)} k-char document`,
    value: round(performance.now() - t0, 1),
    unit: 'ms',
    note: `${edits.length} suggestions`,
  });
  return rows;
}
