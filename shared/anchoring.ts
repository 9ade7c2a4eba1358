// Re-anchoring when a document's source text changed on disk (its sha256 no longer
// matches the sidecar). Every edit, entity and quote is re-attached by its `text`:
// exactly where it should now be (its old place, shifted like its neighbours that were
// found unambiguously) or at its old place; else the occurrence nearest there; else a
// bounded fuzzy match (same letters once normalized, then approximate search with a
// position hint, in the manner of Hypothesis' anchoring and diff-match-patch's
// match_main), giving up past a threshold rather than attaching to a look-alike; else it
// is kept, marked orphaned. Nothing is ever dropped. Offsets are code points.

import type { ReanchorReport } from './api';
import { normalizeForMatch } from './arabic-normalize';
import { CodePointIndex, codePointLength } from './code-points';
import type { Edit, Entity, Quote, Sidecar } from './model';
import { compareEdits } from './position-map';
import { lowerBound, partitionPoint } from './sorted-search';

type Kind = 'edit' | 'entity' | 'quote';
type Span = Edit | Entity | Quote;

/** How far (code points) from where a span should be a fuzzy match is looked for. */
export const FUZZY_DISTANCE = 1000;
/** A fuzzy match may differ from the anchor text in at most this share of its code points. */
export const FUZZY_MAX_ERROR_RATE = 0.25;
/** Shorter anchors are only ever matched exactly (a fuzzy 3-letter name is a look-alike). */
export const FUZZY_MIN_LENGTH = 4;
/** Radius (code points) of the neighbourhood searched first for a span's text. */
export const LOCAL_WINDOW = 2000;
/** Longer anchors are not searched fuzzily (bounded work). */
export const FUZZY_MAX_LENGTH = 5000;

interface Item {
  kind: Kind;
  span: Span;
}

interface Found {
  start: number;
  end: number;
  text: string;
  how: 'exact' | 'nearest' | 'fuzzy';
}

/** A span found unambiguously: its old and new start. */
interface Anchor {
  old: number;
  now: number;
  item: Item;
}

/** Longest run of anchors whose new offsets keep their old order: anchors that disagree on order are not trusted. */
function inOrder(anchors: Anchor[]): Anchor[] {
  const sorted = [...anchors].sort((a, b) => a.old - b.old || a.now - b.now);
  const tails: number[] = [];
  const prev = new Array<number>(sorted.length).fill(-1);
  sorted.forEach((c, i) => {
    const lo = partitionPoint(tails.length, (t) => sorted[tails[t]].now <= c.now);
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const kept: Anchor[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) kept.push(sorted[i]);
  return kept.reverse();
}

/**
 * Smallest edit distance between `pattern` and any substring of `text` (Sellers'
 * algorithm), as [start, end) in `text` and the error count; ties go to the match
 * starting nearest `hint`. Null when the best needs more than `maxErrors` errors.
 */
export function approximateSearch(
  text: readonly string[],
  pattern: readonly string[],
  hint: number,
  maxErrors: number,
): { start: number; end: number; errors: number } | null {
  const m = pattern.length;
  if (m === 0) return null;
  // Column over pattern positions: cost and the text offset where that alignment starts.
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    from[i] = 0;
  }
  let best: { start: number; end: number; errors: number } | null = null;
  const consider = (end: number) => {
    const errors = cost[m];
    if (errors > maxErrors) return;
    const start = from[m];
    if (
      !best ||
      errors < best.errors ||
      (errors === best.errors && Math.abs(start - hint) < Math.abs(best.start - hint))
    ) {
      best = { start, end, errors };
    }
  };
  consider(0);
  for (let j = 1; j <= text.length; j++) {
    nextCost[0] = 0;
    nextFrom[0] = j;
    const ch = text[j - 1];
    for (let i = 1; i <= m; i++) {
      const sub = cost[i - 1] + (pattern[i - 1] === ch ? 0 : 1);
      const del = cost[i] + 1; // text character skipped
      const ins = nextCost[i - 1] + 1; // pattern character missing
      if (sub <= del && sub <= ins) {
        nextCost[i] = sub;
        nextFrom[i] = from[i - 1];
      } else if (ins <= del) {
        nextCost[i] = ins;
        nextFrom[i] = nextFrom[i - 1];
      } else {
        nextCost[i] = del;
        nextFrom[i] = from[i];
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
    consider(j);
  }
  return best;
}

/**
 * Re-attaches every edit, entity and quote of `sidecar` to the changed `source`:
 * updates `start`, `end` (and `text` for fuzzy matches) and `source.length`, marks what
 * cannot be found `orphaned: true` (keeping its old offsets, clamped to the text) and
 * clears `orphaned` on what is found again. Edits stay sorted and non-overlapping: an
 * edit that would overlap another is orphaned. `source.sha256` is left to the caller,
 * who has the bytes.
 */
export function reanchor(source: string, sidecar: Sidecar): { sidecar: Sidecar; report: ReanchorReport } {
  const index = new CodePointIndex(source);
  const length = index.length;
  const report: ReanchorReport = { moved: [], orphaned: [] };
  const items: Item[] = [
    ...sidecar.edits.map((span) => ({ kind: 'edit' as const, span })),
    ...sidecar.entities.map((span) => ({ kind: 'entity' as const, span })),
    ...sidecar.quotes.map((span) => ({ kind: 'quote' as const, span })),
  ];
  const atOldPlace = (s: Span) =>
    s.start >= 0 && s.end <= length && s.start <= s.end && index.slice(s.start, s.end) === s.text;

  /** Starts (code points) of occurrences of `needle` lying within [from, to), at most `limit` of them. */
  const occurrencesIn = (needle: string, from: number, to: number, limit = Infinity): number[] => {
    const u0 = index.toUtf16(from);
    // Searching a slice (cheap in JS engines) bounds the work to the window.
    const hay = source.slice(u0, index.toUtf16(to));
    const out: number[] = [];
    for (let u = hay.indexOf(needle); u >= 0 && out.length < limit; u = hay.indexOf(needle, u + 1))
      out.push(index.toCodePoint(u0 + u));
    return out;
  };
  const everywhere = new Map<string, number[]>();
  const occurrencesOf = (needle: string): number[] => {
    let occ = everywhere.get(needle);
    if (!occ) everywhere.set(needle, (occ = occurrencesIn(needle, 0, length)));
    return occ;
  };
  const clamp = (n: number) => Math.min(Math.max(0, n), length);

  const unchanged = items.every((it) => atOldPlace(it.span));
  const rejectedInPlace = (sidecar.rejected ?? []).every(
    (r) => r.end <= length && index.slice(r.start, r.end) === r.text,
  );
  if (unchanged && rejectedInPlace && items.every((it) => !it.span.orphaned)) {
    // The common case (text changed elsewhere, or only its bytes): nothing to move.
    return { sidecar: { ...sidecar, source: { ...sidecar.source, length } }, report };
  }
  const results = new Map<Item, Found | null>();
  const byOldStart = [...items].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  // Pass 1, cheap: in old order, follow the shift of the spans found so far and accept a
  // span whose text occurs exactly once near where it should be. These are the reliable anchors.
  const accepted: Anchor[] = [];
  if (!unchanged) {
    let shift = 0;
    for (const it of byOldStart) {
      const s = it.span;
      if (s.text === '') continue;
      const at = clamp(s.start + shift);
      const m = codePointLength(s.text);
      const near = occurrencesIn(s.text, clamp(at - LOCAL_WINDOW), clamp(at + m + LOCAL_WINDOW), 2);
      if (near.length !== 1) continue;
      const start = near[0];
      results.set(it, { start, end: start + m, text: s.text, how: start === s.start ? 'exact' : 'nearest' });
      accepted.push({ old: s.start, now: start, item: it });
      shift = start - s.start;
    }
  }
  const anchors = inOrder(accepted);
  // Found ones that disagree with the others on order are looked for again, as the rest.
  const trusted = new Set(anchors.map((a) => a.item));
  for (const a of accepted) if (!trusted.has(a.item)) results.delete(a.item);

  // Where a span should be now: its old start shifted like the nearest anchor before it
  // (else after it), and between the new places of those two anchors.
  const expected = (old: number): { hint: number; lo: number; hi: number } => {
    const lo = partitionPoint(anchors.length, (i) => anchors[i].old <= old);
    const before = lo > 0 ? anchors[lo - 1] : undefined;
    const after = lo < anchors.length ? anchors[lo] : undefined;
    const shift = before ? before.now - before.old : after ? after.now - after.old : 0;
    return { hint: clamp(old + shift), lo: before ? before.now : 0, hi: after ? after.now : length };
  };

  const find = (s: Span): Found | null => {
    if (unchanged && atOldPlace(s)) return { start: s.start, end: s.end, text: s.text, how: 'exact' };
    const { hint, lo, hi } = expected(s.start);
    if (s.text === '') {
      // An insertion has no text to look for: it moves with its neighbours.
      return { start: hint, end: hint, text: '', how: hint === s.start ? 'exact' : 'nearest' };
    }
    const m = codePointLength(s.text);
    // Exact where it should be now, else at its old place, else the occurrence nearest
    // where it should be: first between its anchors, near the hint, then anywhere.
    const local = occurrencesIn(
      s.text,
      clamp(Math.max(lo, hint - LOCAL_WINDOW)),
      clamp(Math.min(hi, hint + LOCAL_WINDOW) + m),
    );
    const pool = local.length > 0 ? local : occurrencesOf(s.text);
    if (pool.length > 0) {
      let pick = pool.includes(hint) ? hint : pool.includes(s.start) ? s.start : pool[0];
      if (pick !== hint && pick !== s.start) {
        for (const p of pool) if (Math.abs(p - hint) < Math.abs(pick - hint)) pick = p;
      }
      return { start: pick, end: pick + m, text: s.text, how: pick === s.start ? 'exact' : 'nearest' };
    }

    // Same letters once normalized (ی → ي, harakat added or removed, digits...), near where it should be.
    const pin = Array.from(normalizeForMatch(s.text).text);
    const anchorLength = codePointLength(s.text);
    if (pin.length === 0 || anchorLength > FUZZY_MAX_LENGTH) return null;
    const from = Math.max(0, hint - FUZZY_DISTANCE);
    const to = Math.min(length, hint + 2 * anchorLength + FUZZY_DISTANCE);
    const nearby = normalizeForMatch(index.slice(from, to));
    const sameLetters = approximateSearch(Array.from(nearby.text), pin, lowerBound(nearby.toOriginal, hint - from), 0);
    if (sameLetters) {
      const start = from + nearby.toOriginal[sameLetters.start];
      const end = from + nearby.toOriginal[sameLetters.end - 1] + 1;
      return { start, end: extendOverMarks(index, end), text: '', how: 'fuzzy' };
    }

    // Approximate search in the original text near where the span should be.
    if (anchorLength < FUZZY_MIN_LENGTH) return null;
    const maxErrors = Math.floor(anchorLength * FUZZY_MAX_ERROR_RATE);
    const near = approximateSearch(Array.from(index.slice(from, to)), Array.from(s.text), hint - from, maxErrors);
    if (!near || near.end <= near.start) return null;
    return { start: from + near.start, end: from + near.end, text: '', how: 'fuzzy' };
  };

  for (const it of items) {
    if (results.has(it)) continue;
    const found = find(it.span);
    if (found && found.how === 'fuzzy') found.text = index.slice(found.start, found.end);
    results.set(it, found);
  }

  // Edits must stay sorted and non-overlapping: the later of two overlapping edits is orphaned.
  const placedEdits = items
    .filter((it) => it.kind === 'edit' && results.get(it))
    .map((it) => ({ it, e: { ...it.span, ...results.get(it)! } as Edit }))
    .sort((a, b) => compareEdits(a.e, b.e));
  let prevEnd = 0;
  for (const { it, e } of placedEdits) {
    if (e.start < prevEnd) results.set(it, null);
    else prevEnd = e.end;
  }

  const place = <T extends Span>(it: Item): T => {
    const s = it.span as T;
    const found = results.get(it);
    if (!found) {
      report.orphaned.push({ kind: it.kind, id: s.id, text: s.text });
      const start = Math.min(Math.max(0, s.start), length);
      return { ...s, start, end: Math.min(Math.max(start, s.end), length), orphaned: true };
    }
    // A changed end is a move too (offsets that ran past the text): nothing changes unreported.
    if (found.start !== s.start || found.end !== s.end || found.how === 'fuzzy') {
      report.moved.push({
        kind: it.kind,
        id: s.id,
        from: s.start,
        to: found.start,
        how: found.how === 'fuzzy' ? 'fuzzy' : 'nearest',
      });
    }
    const { orphaned: _wasOrphaned, ...rest } = s;
    return { ...rest, start: found.start, end: found.end, text: found.text } as T;
  };

  const byKind = (kind: Kind) => items.filter((it) => it.kind === kind);
  const edits = byKind('edit')
    .map((it) => place<Edit>(it))
    .sort(compareEdits);
  const entities = byKind('entity').map((it) => place<Entity>(it));
  const quotes = byKind('quote').map((it) => place<Quote>(it));
  const out: Sidecar = { ...sidecar, source: { ...sidecar.source, length }, edits, entities, quotes };
  if (sidecar.rejected) {
    // Rejected suggestions follow their text when it is found exactly; otherwise they stay
    // as they are (at worst the suggestion is offered again). Not reported: not annotations.
    out.rejected = sidecar.rejected.map((r) => {
      if (r.end <= length && index.slice(r.start, r.end) === r.text) return r;
      const found = r.text === '' ? null : find({ id: '', kind: 'typo', replacement: '', ...r });
      return found && found.how !== 'fuzzy' ? { ...r, start: found.start, end: found.end } : r;
    });
  }
  return { sidecar: out, report };
}

/**
 * Whether every span not already orphaned holds its `text` at its offsets: when one does not
 * (the text changed, or the offsets were written wrong), the sidecar needs re-anchoring. `index`:
 * the CodePointIndex of `source`, when the caller has one.
 */
export function spansHoldTheirText(
  source: string,
  sidecar: Sidecar,
  index: CodePointIndex = new CodePointIndex(source),
): boolean {
  const holds = (s: Span) =>
    s.orphaned === true ||
    (s.start >= 0 && s.start <= s.end && s.end <= index.length && index.slice(s.start, s.end) === s.text);
  return sidecar.edits.every(holds) && sidecar.entities.every(holds) && sidecar.quotes.every(holds);
}

/** Combining marks right after `end` belong to the letter before it. */
function extendOverMarks(index: CodePointIndex, end: number): number {
  let e = end;
  while (e < index.length && /^\p{M}$/u.test(index.charAt(e))) e++;
  return e;
}
