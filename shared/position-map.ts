// Edits are stored, never applied to the file: the clean text is derived, and every
// span offset (source coordinates) is mapped through the edits for display and export,
// in the manner of ProseMirror's position mapping. Offsets are code points.
// Orphaned edits (their anchor text was lost when the source changed) are kept in the
// list for the editor to resolve, but never applied.

import { CodePointIndex, codePointLength } from './code-points';
import { TahrirError } from './errors';
import type { Edit } from './model';
import { lowerBound, partitionPoint, upperBound } from './sorted-search';

/** Which side a boundary sticks to where text was inserted or replaced. */
export type Bias = 'before' | 'after';

/** The edits that take part in the clean text: not orphaned. */
export function activeEdits(edits: readonly Edit[]): Edit[] {
  return edits.filter((e) => !e.orphaned);
}

/** Sidecar order: by start, then end (an insertion sorts before a deletion at the same point), then id. */
export function compareEdits(a: Edit, b: Edit): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Problems that make a list of (active) edits unusable against a source text of
 * `sourceLength` code points: unsorted, overlapping, out of range. Empty when fine.
 */
export function editProblems(sourceLength: number, edits: readonly Edit[]): string[] {
  const problems: string[] = [];
  let prevEnd = 0;
  let prevId = '';
  for (const e of activeEdits(edits)) {
    if (
      !Number.isInteger(e.start) ||
      !Number.isInteger(e.end) ||
      e.start < 0 ||
      e.end < e.start ||
      e.end > sourceLength
    ) {
      problems.push(
        `edit ${e.id}: range [${e.start}, ${e.end}) is not within the source text (${sourceLength} code points)`,
      );
      continue;
    }
    if (e.start < prevEnd)
      problems.push(
        `edit ${e.id}: starts at ${e.start}, inside or before edit ${prevId} (ends at ${prevEnd}); edits must be sorted and not overlap`,
      );
    prevEnd = Math.max(prevEnd, e.end);
    prevId = e.id;
  }
  return problems;
}

function assertEdits(sourceLength: number, edits: readonly Edit[]): void {
  const problems = editProblems(sourceLength, edits);
  if (problems.length > 0) throw new TahrirError('invalid-argument', problems.join('; '), undefined, { problems });
}

/** Clean text: the source with every active edit's range replaced by its replacement. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  return new PositionMap(source, edits).cleanText;
}

/**
 * Maps offsets between source and clean text. Built once per (source, edits);
 * toClean is a binary search over edit boundaries, O(log edits); toSource searches the
 * few source offsets the edits can reach, O(log(edited text) · log edits).
 *
 * Where several source offsets collapse onto one clean offset (a deletion) or one
 * source offset spreads over several clean offsets (an insertion), `bias` picks the
 * side: 'before' the smallest, 'after' the largest. An offset strictly inside an
 * edit's range maps to the start ('before') or end ('after') of its replacement.
 */
export class PositionMap {
  readonly source: string;
  readonly cleanText: string;
  /** Code points of the source text. */
  readonly sourceLength: number;
  /** Code points of the clean text. */
  readonly cleanLength: number;
  /** Active edits, in sidecar order (start, end, id). */
  readonly edits: readonly Edit[];
  private readonly srcStart: Float64Array;
  private readonly srcEnd: Float64Array;
  private readonly cleanStart: Float64Array;
  private readonly cleanEnd: Float64Array;
  /** Code points of all replacements, and of all source text replaced. */
  private readonly inserted: number;
  private readonly removed: number;

  /** `index`: the CodePointIndex of `source`, when the caller has one (made here otherwise). */
  constructor(source: string, edits: readonly Edit[], index: CodePointIndex = new CodePointIndex(source)) {
    // Sidecar order, so insertions at one offset apply in the order they are saved in.
    const active = activeEdits(edits).sort(compareEdits);
    assertEdits(index.length, active);
    this.source = source;
    this.sourceLength = index.length;
    this.edits = active;
    const n = active.length;
    this.srcStart = new Float64Array(n);
    this.srcEnd = new Float64Array(n);
    this.cleanStart = new Float64Array(n);
    this.cleanEnd = new Float64Array(n);
    const parts: string[] = [];
    let inserted = 0;
    let removed = 0;
    let delta = 0; // clean - source, before the current edit
    let prevUtf16 = 0;
    for (let i = 0; i < n; i++) {
      const e = active[i];
      const len = codePointLength(e.replacement);
      this.srcStart[i] = e.start;
      this.srcEnd[i] = e.end;
      this.cleanStart[i] = e.start + delta;
      this.cleanEnd[i] = e.start + delta + len;
      delta += len - (e.end - e.start);
      inserted += len;
      removed += e.end - e.start;
      const u = index.toUtf16(e.start);
      parts.push(source.slice(prevUtf16, u), e.replacement);
      prevUtf16 = index.toUtf16(e.end);
    }
    parts.push(source.slice(prevUtf16));
    this.cleanText = n === 0 ? source : parts.join('');
    this.cleanLength = index.length + delta;
    this.inserted = inserted;
    this.removed = removed;
  }

  /** Source offset → clean offset. Default bias 'after'. */
  toClean(sourcePos: number, bias: Bias = 'after'): number {
    const p = Math.min(Math.max(0, sourcePos), this.sourceLength);
    const n = this.srcStart.length;
    if (bias === 'before') {
      // The first edit ending at or after p decides.
      const i = lowerBound(this.srcEnd, p);
      if (i === n) return p + this.cleanLength - this.sourceLength;
      const s = this.srcStart[i];
      if (s > p) return p + this.cleanStart[i] - s;
      if (p === this.srcEnd[i] && s < p) return this.cleanEnd[i];
      return this.cleanStart[i];
    }
    // The last edit starting at or before p decides.
    const k = upperBound(this.srcStart, p) - 1;
    if (k < 0) return p;
    const e = this.srcEnd[k];
    if (e < p) return p + this.cleanEnd[k] - e;
    if (p === this.srcStart[k] && p < e) return this.cleanStart[k];
    return this.cleanEnd[k];
  }

  /**
   * Clean offset → source offset. Default bias 'after'. 'before' gives the smallest
   * source offset that maps to `cleanPos` with bias 'before' (use it for a span end),
   * 'after' the largest that maps to it with bias 'after' (for a span start), so a clean
   * selection turns into a source span that maps back onto it; offsets strictly inside an
   * edit are avoided when another one reaches `cleanPos`. A clean offset no source offset
   * reaches (inside inserted text) goes to that edit's source start ('before') or end ('after').
   */
  toSource(cleanPos: number, bias: Bias = 'after'): number {
    const c = Math.min(Math.max(0, cleanPos), this.cleanLength);
    if (this.srcStart.length === 0) return c;
    // toClean(p, bias) is nondecreasing in p, so the offsets reaching c form a range:
    // binary search its ends, then prefer an offset not strictly inside an edit (that would
    // clip), unless only such offsets reach c (right after an insertion that precedes a replacement).
    const first = this.firstReaching(c, bias);
    const last = this.lastReaching(c, bias);
    if (first <= last) {
      if (bias === 'before') {
        const k = this.editStrictlyContaining(first);
        const p = k < 0 ? first : this.srcEnd[k];
        return p <= last ? p : first;
      }
      const k = this.editStrictlyContaining(last);
      const p = k < 0 ? last : this.srcStart[k];
      return p >= first ? p : last;
    }
    return this.sourceOfInserted(c, bias);
  }

  /**
   * The source offsets of the spans that may show at clean offset `cleanPos` (mapSpan maps a start
   * 'after' and an end 'before', both nondecreasing): a span starting after `lastStart` shows after
   * it, one ending before `firstEnd` shows before it. Hit-testing searches the sorted spans with these.
   */
  sourceBounds(cleanPos: number): { lastStart: number; firstEnd: number } {
    const c = Math.min(Math.max(0, cleanPos), this.cleanLength);
    if (this.srcStart.length === 0) return { lastStart: c, firstEnd: c };
    return { lastStart: this.lastReaching(c, 'after'), firstEnd: this.firstReaching(c, 'before') };
  }

  // Source offsets reaching clean offset c lie within [c - inserted, c + removed]:
  // mapping never moves an offset by more than all inserted or all removed text.
  private searchFrom(c: number): number {
    return Math.max(0, c - this.inserted);
  }

  private searchTo(c: number): number {
    return Math.min(this.sourceLength, c + this.removed);
  }

  /** Smallest source offset p with toClean(p, bias) >= c. */
  private firstReaching(c: number, bias: Bias): number {
    const from = this.searchFrom(c);
    const p = from + partitionPoint(this.searchTo(c) - from, (i) => this.toClean(from + i, bias) < c);
    return this.toClean(p, bias) >= c ? p : this.sourceLength + 1;
  }

  /** Largest source offset p with toClean(p, bias) <= c (-1 when none). */
  private lastReaching(c: number, bias: Bias): number {
    const from = this.searchFrom(c);
    const p = from + partitionPoint(this.searchTo(c) - from + 1, (i) => this.toClean(from + i, bias) <= c) - 1;
    return p >= from ? p : -1;
  }

  /** Index of the active edit whose range strictly contains source offset p, or -1. */
  private editStrictlyContaining(p: number): number {
    const k = upperBound(this.srcStart, p) - 1;
    return k >= 0 && this.srcStart[k] < p && p < this.srcEnd[k] ? k : -1;
  }

  /** Source offset for a clean offset inside an edit's replacement: its start or end. */
  private sourceOfInserted(c: number, bias: Bias): number {
    if (bias === 'before') {
      const i = lowerBound(this.cleanEnd, c);
      return i === this.cleanEnd.length ? this.sourceLength : this.srcStart[i];
    }
    const k = upperBound(this.cleanStart, c) - 1;
    return k < 0 ? 0 : this.srcEnd[k];
  }

  /** Clean range of the i-th active edit's replacement. */
  cleanRange(i: number): { start: number; end: number } {
    return { start: this.cleanStart[i], end: this.cleanEnd[i] };
  }

  /** True when source offset p lies strictly inside an edit's range (its text was replaced or removed). */
  isInsideEdit(sourcePos: number): boolean {
    return this.editStrictlyContaining(sourcePos) >= 0;
  }
}

/**
 * Clean range of a source span: null when wholly inside removed text; clipped when
 * partly covered. The start sticks 'after' and the end 'before', so text inserted
 * right before or right after the span stays out of it. An empty span stays empty.
 */
export function mapSpan(
  map: PositionMap,
  start: number,
  end: number,
): { start: number; end: number; clipped: boolean } | null {
  const cleanStart = map.toClean(start, 'after');
  const cleanEnd = map.toClean(end, 'before');
  if (start === end) {
    // An empty span has no text to lose; keep it a point.
    return map.isInsideEdit(start)
      ? null
      : { start: Math.min(cleanStart, cleanEnd), end: Math.min(cleanStart, cleanEnd), clipped: false };
  }
  if (cleanEnd <= cleanStart) return null;
  return { start: cleanStart, end: cleanEnd, clipped: map.isInsideEdit(start) || map.isInsideEdit(end) };
}

/**
 * An edit made in clean coordinates (what the editor sees) → the new sorted source
 * edit list. Edits it overlaps or touches are merged into one edit carrying `fields`;
 * an edit whose replacement equals the source text it covers disappears (typing the
 * original text back undoes it). Orphaned edits are kept as they are.
 */
export function editCleanText(
  source: string,
  edits: readonly Edit[],
  cleanStart: number,
  cleanEnd: number,
  replacement: string,
  fields: { id: string; kind: Edit['kind']; rule?: string },
): Edit[] {
  const map = new PositionMap(source, edits);
  const orphaned = edits.filter((e) => e.orphaned);
  const active = [...map.edits];
  if (
    !Number.isInteger(cleanStart) ||
    !Number.isInteger(cleanEnd) ||
    cleanStart < 0 ||
    cleanEnd < cleanStart ||
    cleanEnd > map.cleanLength
  ) {
    throw new TahrirError(
      'invalid-argument',
      `clean range [${cleanStart}, ${cleanEnd}) is not within the clean text (${map.cleanLength} code points)`,
    );
  }
  if (cleanStart === cleanEnd && replacement === '') return [...edits].sort(compareEdits);

  // Edits whose clean range overlaps or touches [cleanStart, cleanEnd] form a contiguous run [a, b].
  let a = -1;
  let b = -1;
  for (let i = 0; i < active.length; i++) {
    const { start: cs, end: ce } = map.cleanRange(i);
    if (ce >= cleanStart && cs <= cleanEnd) {
      if (a < 0) a = i;
      b = i;
    } else if (cs > cleanEnd) break;
  }

  let coveredStart = cleanStart;
  let coveredEnd = cleanEnd;
  let srcStart: number;
  let srcEnd: number;
  if (a < 0) {
    srcStart = map.toSource(cleanStart, 'before');
    srcEnd = cleanStart === cleanEnd ? srcStart : map.toSource(cleanEnd, 'after');
  } else {
    // Neighbours touching the merged run join it too, so no untouched edit is left
    // sharing a source offset with the new one (their order there would be ambiguous).
    while (a > 0 && map.cleanRange(a - 1).end >= map.cleanRange(a).start) a--;
    while (b + 1 < active.length && map.cleanRange(b + 1).start <= map.cleanRange(b).end) b++;
    const first = active[a];
    const last = active[b];
    const firstClean = map.cleanRange(a).start;
    const lastCleanEnd = map.cleanRange(b).end;
    coveredStart = Math.min(cleanStart, firstClean);
    coveredEnd = Math.max(cleanEnd, lastCleanEnd);
    srcStart = cleanStart < firstClean ? first.start - (firstClean - cleanStart) : first.start;
    srcEnd = cleanEnd > lastCleanEnd ? last.end + (cleanEnd - lastCleanEnd) : last.end;
  }

  const clean = new CodePointIndex(map.cleanText);
  const newReplacement = clean.slice(coveredStart, cleanStart) + replacement + clean.slice(cleanEnd, coveredEnd);
  const sourceIndex = new CodePointIndex(source);
  const text = sourceIndex.slice(srcStart, srcEnd);

  const kept = a < 0 ? active : [...active.slice(0, a), ...active.slice(b + 1)];
  const result = [...kept, ...orphaned];
  if (newReplacement !== text) {
    const edit: Edit = {
      id: fields.id,
      start: srcStart,
      end: srcEnd,
      text,
      replacement: newReplacement,
      kind: fields.kind,
    };
    if (fields.rule !== undefined) edit.rule = fields.rule;
    result.push(edit);
  }
  return result.sort(compareEdits);
}
