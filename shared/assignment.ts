// Assigning documents to annotators (`tahrir assign`): every document to one annotator, a share
// of them (the overlap) to two, for agreement. Deterministic: the same documents, annotators,
// overlap and seed always give the same assignment, on every machine (a pure string hash, no
// platform random), and loads stay even (each document goes to whoever has the fewest so far).

export const ASSIGNMENT_FORMAT = 'tahrir-assignment';
/** The file `tahrir assign` writes at the workspace root, to commit (every clone sees who annotates what). */
export const ASSIGNMENT_FILE = 'tahrir-assignment.json';

export interface Assignment {
  format: typeof ASSIGNMENT_FORMAT;
  version: 1;
  annotators: string[];
  overlap: number;
  seed: number;
  /** Document id → its annotators (two for the overlap), in id order. */
  documents: Record<string, string[]>;
}

/** FNV-1a over the UTF-16 units of `seed` and `id`, then a final avalanche: a stable order per seed. */
export function documentRank(id: string, seed: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const s = `${seed}\u0000${id}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Checks the request; a message saying what is wrong, or null. */
export function assignmentProblem(annotators: readonly string[], overlap: number): string | null {
  if (annotators.length === 0 || annotators.some((a) => a.trim() === ''))
    return '--annotators needs names, e.g. lina,omar,sara';
  if (new Set(annotators).size !== annotators.length) return `an annotator is named twice in ${annotators.join(',')}`;
  if (!Number.isFinite(overlap) || overlap < 0 || overlap > 1)
    return `--overlap ${overlap} must be a share between 0 and 1, e.g. 0.2`;
  if (overlap > 0 && annotators.length < 2) return 'an overlap needs at least two annotators';
  return null;
}

/** Documents (ids) to annotators; `overlap` of them (rounded) to two. */
export function assignDocuments(
  ids: readonly string[],
  annotators: readonly string[],
  overlap: number,
  seed: number,
): Assignment {
  const order = [...new Set(ids)].sort(
    (a, b) => documentRank(a, seed) - documentRank(b, seed) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const doubles = annotators.length < 2 ? 0 : Math.round(overlap * order.length);
  const load = new Map(annotators.map((a) => [a, 0]));
  // The least loaded first; ties by a per-document rotation so no one is always first.
  const leastLoaded = (n: number, at: number): string[] =>
    annotators
      .map((a, i) => ({ a, load: load.get(a)!, turn: (i - at + annotators.length * 1000) % annotators.length }))
      .sort((x, y) => x.load - y.load || x.turn - y.turn)
      .slice(0, n)
      .map((x) => x.a);
  const byDocument = new Map<string, string[]>();
  order.forEach((id, i) => {
    const who = leastLoaded(i < doubles ? 2 : 1, i);
    for (const a of who) load.set(a, load.get(a)! + 1);
    byDocument.set(
      id,
      [...who].sort((x, y) => annotators.indexOf(x) - annotators.indexOf(y)),
    );
  });
  // fromEntries makes each id an own property, "__proto__" too (an assignment would set the prototype).
  const sorted = [...byDocument.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const documents: Record<string, string[]> = Object.fromEntries(sorted.map((id) => [id, byDocument.get(id)!]));
  return { format: ASSIGNMENT_FORMAT, version: 1, annotators: [...annotators], overlap, seed, documents };
}
