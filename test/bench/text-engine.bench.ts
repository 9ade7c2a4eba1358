// Text engine on a 1 MB mixed Arabic/English text with many astral characters (emoji,
// flags, math letters), 10,000 spans and a few hundred edits: code point ↔ UTF-16
// conversion, position mapping, clean text, tokenizing and re-anchoring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reanchor } from '../../shared/anchoring';
import { CodePointIndex, codePointLength } from '../../shared/code-points';
import type { Edit, Entity, Sidecar } from '../../shared/model';
import { applyEdits, mapSpan, PositionMap } from '../../shared/position-map';
import { tokenize } from '../../shared/tokenizer';
import { seededRandom } from '../../shared/seeded-random';

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const TARGET_BYTES = quick ? 100_000 : 1_000_000;
const SPANS = quick ? 1_000 : 10_000;
const EDITS = quick ? 30 : 300;
const CONVERSIONS = 100_000;

const WORDS = (
  'قال أضاف الرئيس الحكومة المحادثات الاتفاق الأمن الدولي عمّان مُدرّسة وَالْكِتَابُ کوریا الشمالیة ' +
  'بايدن كيشيدا واشنطن طوكيو ١٢٫٥ 82.10 أوبك+ the talks could resume without preconditions officials said ' +
  'Reuters Tokyo Joe Biden 😀 🇸🇦 🇯🇵 👍🏽 📰 🔥 𝐀𝐁𝐂 𠀋 👨‍👩‍👧 e\u0301 ، ؟ « » . ,'
).split(' ');

function generateText(random: () => number): string {
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const word = WORDS[Math.floor(random() * WORDS.length)];
    const sep = random() < 0.04 ? (random() < 0.3 ? '\r\n' : '\n') : ' ';
    parts.push(word, sep);
    bytes += Buffer.byteLength(word) + sep.length;
  }
  return parts.join('');
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
}

/** Median of a few runs, so one GC pause does not decide. */
function median(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function run(): Promise<BenchRow[]> {
  const random = seededRandom(20261128);
  const text = generateText(random);
  const length = codePointLength(text);
  const astral = text.length - length;
  const rows: BenchRow[] = [];
  const size = `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${length} code points, ${astral} astral`;

  // Offsets.
  rows.push({
    name: 'text-engine: CodePointIndex build',
    value: median(5, () => new CodePointIndex(text)),
    unit: 'ms',
    note: size,
  });
  const index = new CodePointIndex(text);
  const cps = Array.from({ length: CONVERSIONS }, () => Math.floor(random() * length));
  const units = Array.from({ length: CONVERSIONS }, () => Math.floor(random() * text.length));
  let sink = 0;
  const convMs = median(5, () => {
    for (let i = 0; i < CONVERSIONS; i++) sink += index.toUtf16(cps[i]) + index.toCodePoint(units[i]);
  });
  rows.push({
    name: `text-engine: ${CONVERSIONS / 1000}k code point→UTF-16 + ${CONVERSIONS / 1000}k UTF-16→code point`,
    value: convMs,
    unit: 'ms',
    note: `${((convMs * 1e6) / (2 * CONVERSIONS)).toFixed(0)} ns per conversion`,
  });

  // Edits: deletions, replacements and insertions, sorted and apart.
  const edits: Edit[] = [];
  const stride = Math.floor(length / EDITS);
  for (let i = 0; i < EDITS; i++) {
    const start = i * stride + Math.floor(random() * (stride / 2));
    const kind = i % 3;
    const end = kind === 2 ? start : start + 1 + Math.floor(random() * 40);
    edits.push({
      id: `e${i}`,
      start,
      end,
      text: index.slice(start, end),
      replacement: kind === 0 ? '' : 'نص 😀 بديل',
      kind: 'boilerplate',
    });
  }
  const spans = Array.from({ length: SPANS }, () => {
    const start = Math.floor(random() * (length - 40));
    return { start, end: start + 1 + Math.floor(random() * 30) };
  });

  rows.push({
    name: `text-engine: PositionMap build (${EDITS} edits)`,
    value: median(5, () => new PositionMap(text, edits)),
    unit: 'ms',
    note: 'includes the clean text',
  });
  rows.push({
    name: `text-engine: applyEdits (${EDITS} edits)`,
    value: median(5, () => applyEdits(text, edits)),
    unit: 'ms',
  });
  const map = new PositionMap(text, edits);
  let hidden = 0;
  const mapMs = median(5, () => {
    hidden = 0;
    for (const s of spans) if (mapSpan(map, s.start, s.end) === null) hidden++;
  });
  rows.push({ name: `text-engine: mapSpan × ${SPANS}`, value: mapMs, unit: 'ms', note: `${hidden} hidden by edits` });
  const cleanPositions = spans.map(() => Math.floor(random() * map.cleanLength));
  const backMs = median(5, () => {
    for (const c of cleanPositions) sink += map.toSource(c, 'after') + map.toSource(c, 'before');
  });
  rows.push({ name: `text-engine: toSource × ${2 * SPANS} (selection → source)`, value: backMs, unit: 'ms' });

  // Tokenizing the clean text (token-level exports).
  const tokenized = time(() => tokenize(map.cleanText));
  rows.push({
    name: 'text-engine: tokenize clean text',
    value: tokenized.ms,
    unit: 'ms',
    note: `${tokenized.result.length} tokens`,
  });

  // Re-anchoring 10,000 entities after text was inserted near the start and in the middle.
  const entities: Entity[] = spans.map((s, i) => ({
    id: `t${i}`,
    start: s.start,
    end: s.end,
    label: 'MISC',
    text: index.slice(s.start, s.end),
  }));
  const sidecar: Sidecar = {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'bench.txt', sha256: '', length },
    document: { status: 'todo' },
    edits,
    entities,
    quotes: [],
  };
  const middle = index.toUtf16(Math.floor(length / 2));
  const changed = 'عاجل 🔥: ' + text.slice(0, middle) + ' (تحديث) ' + text.slice(middle);
  const re = time(() => reanchor(changed, sidecar));
  const { moved, orphaned } = re.result.report;
  rows.push({
    name: `text-engine: reanchor ${SPANS} entities + ${EDITS} edits after 2 insertions`,
    value: re.ms,
    unit: 'ms',
    note: `${moved.length} moved, ${orphaned.length} orphaned`,
  });
  const same = time(() => reanchor(text, sidecar));
  rows.push({ name: 'text-engine: reanchor, text unchanged', value: same.ms, unit: 'ms' });

  // The sample article (3,000 code points, 6 edits, 8 entities, 2 quotes) after a line was added at the top.
  const root = process.env.TAHRIR_ROOT ?? process.cwd();
  const article = readFileSync(join(root, 'seeds', '000_b3be894ae1d50a96.txt'), 'utf8');
  const articleSidecar = JSON.parse(
    readFileSync(join(root, 'test', 'fixtures', 'sidecars', '000_b3be894ae1d50a96.annotations.json'), 'utf8'),
  ) as Sidecar;
  const edited = 'تحديث: أضيف سطر في أعلى المقال.\n' + article;
  const small = median(21, () => reanchor(edited, articleSidecar));
  const smallReport = reanchor(edited, articleSidecar).report;
  rows.push({
    name: 'text-engine: reanchor the sample article after a line added at the top',
    value: small,
    unit: 'ms',
    note: `${smallReport.moved.length} moved, ${smallReport.orphaned.length} orphaned`,
  });

  if (sink === -1) rows.push({ name: 'unreachable', value: 0, unit: '' });
  return rows;
}
