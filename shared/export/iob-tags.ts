// Tokens with IOB2 tags for the token formats (conll, hf). Tokens are split at entity
// boundaries so each entity covers whole tokens (و+بايدن → و / بايدن when only بايدن is
// tagged); overlapping entities cannot be expressed in IOB, so the longest wins.

import { splitSentences, tokenize } from '../tokenizer';
import { addCount } from './export-record';
import type { ExportRecord, ExportSpan, LeftOutCounts, LeftOutSpan, TokenFormat } from './export-record';
import { partitionPoint } from '../sorted-search';

/**
 * Characters that separate tokens for the readers of token files: JavaScript's \s plus
 * what Python's str.split() also treats as whitespace (U+001C–U+001F, U+0085). NLTK
 * splits CoNLL lines with str.split(), so no token may contain one.
 */
export const TOKEN_SEPARATOR = /[\s\x1c-\x1f\x85]/u;

/** The token without separator characters: the pieces between them (usually the token itself). */
function withoutSeparators<T extends { text: string; start: number; end: number }>(
  token: T,
): { text: string; start: number; end: number }[] {
  if (!TOKEN_SEPARATOR.test(token.text)) return [token];
  const pieces: { text: string; start: number; end: number }[] = [];
  let text = '';
  let start = token.start;
  Array.from(token.text).forEach((c, i) => {
    if (TOKEN_SEPARATOR.test(c)) {
      if (text) pieces.push({ text, start, end: token.start + i });
      text = '';
      start = token.start + i + 1;
    } else text += c;
  });
  if (text) pieces.push({ text, start, end: token.end });
  return pieces;
}

export interface TaggedToken {
  text: string;
  /** Code points into the clean text. */
  start: number;
  end: number;
  /** `O`, `B-LABEL` or `I-LABEL`. */
  tag: string;
}

/** Keeps the longest of overlapping spans (ties: the earlier, then by label); returns the kept ones in text order. */
export function resolveOverlaps(spans: readonly ExportSpan[]): {
  kept: ExportSpan[];
  dropped: number;
  droppedSpans: ExportSpan[];
} {
  const byLength = [...spans].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  // Kept spans never overlap, so sorted by start they are sorted by end too: a new span
  // overlaps one only if it overlaps its neighbour on either side (binary search).
  const kept: ExportSpan[] = [];
  const droppedSpans: ExportSpan[] = [];
  for (const span of byLength) {
    const lo = partitionPoint(kept.length, (i) => kept[i].start < span.start);
    const before = kept[lo - 1];
    const after = kept[lo];
    const overlaps = (k: ExportSpan | undefined) => !!k && span.start < k.end && k.start < span.end;
    if (overlaps(before) || overlaps(after)) droppedSpans.push(span);
    else kept.splice(lo, 0, span);
  }
  droppedSpans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { kept, dropped: droppedSpans.length, droppedSpans };
}

/**
 * Joins sentences that a kept span crosses (an entity over a line break), so every entity starts with B- in one
 * sentence.
 */
function keepEntitiesWhole<T extends { start: number; end: number }>(
  sentences: T[][],
  kept: readonly ExportSpan[],
): T[][] {
  const out: T[][] = [];
  let k = 0; // kept spans are in text order, as are sentences
  for (const sentence of sentences) {
    const previous = out[out.length - 1];
    const last = previous?.[previous.length - 1];
    const first = sentence[0];
    let crosses = false;
    if (last && first) {
      while (k < kept.length && kept[k].end <= last.start) k++;
      crosses = k < kept.length && kept[k].start < last.end && first.start < kept[k].end;
    }
    if (crosses) previous.push(...sentence);
    else out.push([...sentence]);
  }
  return out;
}

/** Sentences of tagged tokens for one document; `format` names the reason in the left-out counts. */
export function tagTokens(
  record: ExportRecord,
  format: TokenFormat,
): { sentences: TaggedToken[][]; leftOut: LeftOutCounts; leftOutSpans: LeftOutSpan[] } {
  const leftOut: LeftOutCounts = {};
  const { kept, dropped, droppedSpans } = resolveOverlaps(record.spans);
  addCount(leftOut, `overlap (${format})`, dropped);
  const leftOutSpans: LeftOutSpan[] = droppedSpans.map((s) => ({
    reason: `overlap (${format})`,
    label: s.label,
    text: s.text,
  }));
  const boundaries = new Set<number>();
  for (const s of kept) {
    boundaries.add(s.start);
    boundaries.add(s.end);
  }
  const tokens = tokenize(
    record.text,
    [...boundaries].sort((a, b) => a - b),
  ).flatMap(withoutSeparators);
  const sentences = keepEntitiesWhole(splitSentences(record.text, tokens), kept);

  // Walk tokens and kept spans together, both in text order.
  let k = 0;
  const covered = new Set<ExportSpan>();
  const tagged = sentences.map((sentence) =>
    sentence.map((token) => {
      while (k < kept.length && kept[k].end <= token.start) k++;
      const span = k < kept.length && kept[k].start <= token.start && token.end <= kept[k].end ? kept[k] : undefined;
      let tag = 'O';
      if (span) {
        tag = `${covered.has(span) ? 'I' : 'B'}-${span.label}`;
        covered.add(span);
      }
      return { text: token.text, start: token.start, end: token.end, tag };
    }),
  );
  // A span over whitespace or punctuation only may hold no token at all.
  addCount(leftOut, `no tokens (${format})`, kept.length - covered.size);
  for (const s of kept)
    if (!covered.has(s)) leftOutSpans.push({ reason: `no tokens (${format})`, label: s.label, text: s.text });
  return { sentences: tagged, leftOut, leftOutSpans };
}
