// An edit's cost against the number of entities (1,000, 10,000, 50,000): tag, delete and undo,
// each followed by a click's hit-test, on the record path the editor uses (withSpans copies the
// record, the sorted list and its reach index are rebuilt on the next click) and on the persistent
// SpanList (one chunk and one id bucket copied). The ratio 50,000 ÷ 1,000 is the row to read.
import { sortedSpans, spansOverlapping, withSpans } from '../../shared/document-data';
import type { Entity } from '../../shared/model';
import { SpanList } from '../../shared/span-list';
import { seededRandom } from '../../shared/seeded-random';

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.TAHRIR_BENCH_QUICK === '1';
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
const STEPS = quick ? 30 : 100;
/** Characters per entity: a 1.5 MB article with 50,000 entities, as in the long-document case. */
const SPACING = 30;

const entity = (n: number, start: number): Entity => ({
  id: `t${n}`,
  start,
  end: start + 4,
  label: 'PERSON',
  text: 'اسم١',
});

interface Editor<R> {
  open(spans: Entity[]): R;
  put(record: R, e: Entity): R;
  remove(record: R, id: string): R;
  click(record: R, pos: number): number;
}

const records: Editor<Record<string, Entity>> = {
  open: (spans) => Object.fromEntries(spans.map((e) => [e.id, e])),
  put: (r, e) => withSpans(r, { [e.id]: e }),
  remove: (r, id) => withSpans(r, { [id]: null }),
  click: (r, pos) => spansOverlapping(r, pos, pos).length,
};

const lists: Editor<SpanList<Entity>> = {
  open: (spans) => SpanList.of(spans),
  put: (r, e) => r.with({ [e.id]: e }),
  remove: (r, id) => r.with({ [id]: null }),
  click: (r, pos) => r.overlapping(pos, pos).length,
};

/** p50 of each edit + click in microseconds: tag a new entity, delete it again, undo the delete. */
function measure<R>(editor: Editor<R>, n: number): { tag: number; del: number; undo: number } {
  const random = seededRandom(n);
  const spans = Array.from({ length: n }, (_, i) => entity(i + 1, i * SPACING));
  let record = editor.open(spans);
  if (editor === (records as unknown)) sortedSpans(record as Record<string, Entity>); // opened: sorted once
  const times = { tag: [] as number[], del: [] as number[], undo: [] as number[] };
  let sink = 0;
  for (let step = 0; step < STEPS; step++) {
    const pos = Math.floor(random() * n * SPACING);
    const added = entity(n + step + 1, pos + 1);
    let t = performance.now();
    const tagged = editor.put(record, added);
    sink += editor.click(tagged, pos + 2);
    times.tag.push(performance.now() - t);
    t = performance.now();
    const deleted = editor.remove(tagged, added.id);
    sink += editor.click(deleted, pos + 2);
    times.del.push(performance.now() - t);
    // Undo returns to the version before the delete (history keeps it): a pointer, then a click on it.
    t = performance.now();
    sink += editor.click(tagged, pos + 3);
    times.undo.push(performance.now() - t);
    record = deleted;
  }
  if (sink < 0) throw new Error('unreachable');
  const p50 = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)] * 1000;
  return { tag: p50(times.tag), del: p50(times.del), undo: p50(times.undo) };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, editor] of [
    ['record', records],
    ['SpanList', lists],
  ] as const) {
    const bySize = new Map<number, { tag: number; del: number; undo: number }>();
    for (const n of SIZES) bySize.set(n, measure(editor as Editor<unknown>, n));
    for (const kind of ['tag', 'del', 'undo'] as const) {
      for (const n of SIZES)
        rows.push({
          name: `document-data: ${name} ${kind === 'del' ? 'delete' : kind} + click, ${n.toLocaleString('en')} entities`,
          value: Math.round(bySize.get(n)![kind] * 10) / 10,
          unit: 'µs p50',
        });
      const last = SIZES[SIZES.length - 1];
      rows.push({
        name: `document-data: ${name} ${kind === 'del' ? 'delete' : kind} ${last.toLocaleString('en')} ÷ 1,000`,
        value: Math.round((bySize.get(last)![kind] / bySize.get(1_000)![kind]) * 10) / 10,
        unit: '×',
      });
    }
  }
  return rows;
}
