// `tahrir quote-eval --gold FILE [--corpus DIR] [--half dev|dev2|…|dev15|test|all] [--json]`: runs the quote
// finder (the one `tahrir suggest --quotes` and the editor use) on hand-labelled articles and
// scores it: precision, recall and F1 per language and kind (a match shares half of the longer
// span), and how often a found direct quote's suggested speaker is right. The gold holds only
// each article's path, the sha256 of its bytes and code-point offsets (test/gold/quotes.json);
// the texts are read from --corpus at run time, and an article whose bytes changed is an error.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TahrirError } from '../../shared/errors';
import { scoreQuotes, type QuoteEvalDocument, type ScoredQuote } from '../../shared/quote-eval';
import { findQuotes } from '../../shared/quote-finder';
import { parseCommandLine, usageError } from './command-line';

/** The gold's halves (build/label-quotes.mjs draws them): dev, dev2 … dev44, test; and all of them. */
const LAST_DEV = 44;
const HALVES = ['dev', ...Array.from({ length: LAST_DEV - 1 }, (_, i) => `dev${i + 2}`), 'test', 'all'];
const USAGE = `usage: tahrir quote-eval --gold FILE [--corpus DIR] [--half dev|dev2…dev${LAST_DEV}|test|all] [--json]`;

interface GoldArticle {
  file: string;
  lang: string;
  half: string;
  sha256: string;
  quotes: ScoredQuote[];
}

const isSpan = (s: unknown): s is { start: number; end: number } =>
  typeof s === 'object' &&
  s !== null &&
  Number.isInteger((s as { start: unknown }).start) &&
  Number.isInteger((s as { end: unknown }).end) &&
  (s as { start: number }).start < (s as { end: number }).end;

/** The gold's articles, or an error naming the file and the entry that is wrong. */
export function parseQuoteGold(text: string, file: string): GoldArticle[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  const articles = (data as { articles?: unknown }).articles;
  if (!Array.isArray(articles)) throw new Error(`${file}: no "articles" list`);
  articles.forEach((a: GoldArticle, k) => {
    const where = `${file}: article ${k + 1}`;
    if (typeof a?.file !== 'string' || typeof a.lang !== 'string' || typeof a.sha256 !== 'string')
      throw new Error(`${where} needs "file", "lang" and "sha256"`);
    if (!Array.isArray(a.quotes)) throw new Error(`${where} (${a.file}) has no "quotes" list`);
    a.quotes.forEach((q, j) => {
      const ok =
        isSpan(q) && (q.kind === 'direct' || q.kind === 'indirect') && (q.speaker === null || isSpan(q.speaker));
      if (!ok)
        throw new Error(
          `${where} (${a.file}) quote ${j + 1}: needs start < end, kind direct|indirect, speaker {start, end} or null`,
        );
    });
  });
  return articles as GoldArticle[];
}

async function readArticle(corpus: string, a: GoldArticle): Promise<string> {
  const path = resolve(corpus, a.file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TahrirError('not-found', `${path}: ${code === 'ENOENT' ? 'no such file' : String(e)}`);
  }
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== a.sha256)
    throw new Error(`${path}: its bytes are not the ones labelled (sha256 ${sha}, the gold has ${a.sha256})`);
  const text = bytes.toString('utf8');
  const length = Array.from(text).length;
  const outside = a.quotes.find((q) => q.end > length || (q.speaker && q.speaker.end > length));
  if (outside)
    throw new Error(`${a.file}: a labelled span ends at ${outside.end}, past the text's ${length} code points`);
  return text;
}

const f3 = (x: number) => x.toFixed(3);

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, { flags: ['json'], options: ['gold', 'corpus', 'half'] });
  if (line.positionals.length > 0) throw usageError(`unexpected argument ${line.positionals[0]}`, USAGE);
  const goldFile = line.options.get('gold');
  if (!goldFile) throw usageError('--gold is needed', USAGE);
  const half = line.options.get('half') ?? 'all';
  if (!HALVES.includes(half))
    throw usageError(`--half must be dev, dev2 … dev${LAST_DEV}, test or all (got ${half})`, USAGE);
  const corpus = line.options.get('corpus') ?? '../shared/corpus/news';

  let goldText: string;
  try {
    goldText = await readFile(resolve(goldFile), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TahrirError('not-found', `${goldFile}: ${code === 'ENOENT' ? 'no such file' : String(e)}`);
  }
  const articles = parseQuoteGold(goldText, goldFile).filter((a) => half === 'all' || a.half === half);
  const documents: QuoteEvalDocument[] = [];
  for (const a of articles) {
    const text = await readArticle(corpus, a);
    const predicted = findQuotes(text).map(({ start, end, kind, speaker }) => ({ start, end, kind, speaker }));
    documents.push({ lang: a.lang, text, gold: a.quotes, predicted });
  }
  const result = scoreQuotes(documents);
  if (line.flags.has('json')) {
    process.stdout.write(`${JSON.stringify({ half, articles: articles.length, ...result }, null, 2)}\n`);
    return 0;
  }
  const out = [`${articles.length} articles (${half}), quotes matched at 50% overlap`];
  for (const r of result.rows)
    out.push(
      `${r.lang} ${r.kind.padEnd(8)} P=${f3(r.precision)} R=${f3(r.recall)} F1=${f3(r.f1)}  ` +
        `(gold ${r.gold}, predicted ${r.predicted}, correct ${r.correct})`,
    );
  for (const s of result.speakers)
    out.push(`${s.lang} speaker  right for ${s.right} of ${s.matched} direct quotes found (${f3(s.accuracy)})`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
