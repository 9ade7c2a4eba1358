// Inputs for the fuzz tests: random bytes, random JSON, and valid sidecars bent slightly
// out of shape (the faults real files have: truncation, a wrong type, a missing key,
// an offset past the end, a duplicated item, a newer version).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const FUZZ_RUNS = 1000;

const here = dirname(fileURLToPath(import.meta.url));
export const EXAMPLE_SIDECAR_JSON = readFileSync(
  join(here, '..', 'fixtures', 'sidecars', '000_b3be894ae1d50a96.annotations.json'),
  'utf8',
);
export const SAMPLE_TEXT = readFileSync(join(here, '..', '..', 'seeds', '000_b3be894ae1d50a96.txt'), 'utf8');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Bytes decoded the lenient way (U+FFFD for bad sequences), as a reader that did not check would. */
export const randomBytesText = fc
  .uint8Array({ maxLength: 600 })
  .map((b) => new TextDecoder('utf-8', { fatal: false }).decode(b));

/** Any JSON value, serialized. */
export const randomJsonText = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));

/** Text with the hard cases: emoji, flags, combining marks, bidi controls, CRLF, lone surrogates. */
export const awkwardText = fc
  .array(
    fc.constantFrom(
      'عمّان',
      '👍🏽',
      '🇯🇵',
      'a',
      ' ',
      '\r\n',
      '\n',
      '\u202e',
      '\u2066',
      '\ud800',
      'بايدن',
      '\t',
      '"',
      '\\',
      '{',
      '}',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function getAt(root: Json, path: (string | number)[]): Json {
  let v: Json = root;
  for (const k of path) v = (v as Record<string | number, Json>)[k];
  return v;
}

const NASTY_VALUES: Json[] = [null, -1, 1.5, 1e20, -0, '', 'x', true, [], {}, 2, 999999, '\u202e', '👍🏽'];

type Mutation =
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'delete'; pick: number }
  | { op: 'duplicate'; pick: number }
  | { op: 'swap-offsets'; pick: number }
  | { op: 'shift-offset'; pick: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('replace' as const),
    pick: fc.nat(),
    value: fc.oneof(fc.constantFrom(...NASTY_VALUES), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
  }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('swap-offsets' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('shift-offset' as const), pick: fc.nat(), by: fc.integer({ min: -5000, max: 5000 }) }),
);

function mutate(doc: Json, m: Mutation): Json {
  const paths = pathsOf(doc);
  const path = paths[m.pick % paths.length];
  if (m.op === 'replace') {
    if (path.length === 0) return m.value;
    const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, Json>;
    parent[path[path.length - 1]] = m.value;
  } else if (m.op === 'delete') {
    if (path.length === 0) return doc;
    const parent = getAt(doc, path.slice(0, -1));
    const key = path[path.length - 1];
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else if (parent && typeof parent === 'object') delete parent[key as string];
  } else {
    const objects = paths
      .map((p) => getAt(doc, p))
      .filter((v): v is { [k: string]: Json } => !!v && typeof v === 'object' && !Array.isArray(v) && 'start' in v);
    if (objects.length === 0) return doc;
    const item = objects[m.pick % objects.length];
    if (m.op === 'duplicate') {
      const lists = paths.map((p) => getAt(doc, p)).filter((v): v is Json[] => Array.isArray(v) && v.includes(item));
      lists[0]?.push(structuredClone(item));
    } else if (m.op === 'swap-offsets') {
      [item.start, item.end] = [item.end, item.start];
    } else if (typeof item.start === 'number') {
      item.start += m.by;
    }
  }
  return doc;
}

/** A valid sidecar with a few mutations, serialized; sometimes also truncated. */
export const mutatedSidecarText = fc
  .record({
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    truncateAt: fc.option(fc.nat(), { freq: 5 }),
  })
  .map(({ mutations, truncateAt }) => {
    let doc = JSON.parse(EXAMPLE_SIDECAR_JSON) as Json;
    for (const m of mutations) doc = mutate(doc, m);
    const text = JSON.stringify(doc, null, 2);
    return truncateAt === null ? text : text.slice(0, truncateAt % (text.length + 1));
  });

/** Sidecars that keep their shape but not their sense: shifted offsets, duplicated items (ids), speakers renamed. */
export const misplacedSidecarText = fc
  .array(
    fc.oneof(
      fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('shift-offset' as const), pick: fc.nat(), by: fc.integer({ min: 0, max: 4000 }) }),
      fc.record({
        op: fc.constant('replace' as const),
        pick: fc.nat(),
        value: fc.constantFrom<Json>('t99', 'e1', 'a.txt', 0, 3000),
      }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((mutations) => {
    let doc = JSON.parse(EXAMPLE_SIDECAR_JSON) as Json;
    for (const m of mutations) doc = mutate(doc, m);
    return JSON.stringify(doc);
  });

/** Everything a sidecar reader may meet. */
export const anySidecarText = fc.oneof(
  randomBytesText,
  randomJsonText,
  mutatedSidecarText,
  misplacedSidecarText,
  misplacedSidecarText,
);
