// The workspace matcher: every entity already tagged anywhere in the workspace, looked for
// in one document. Arabic: letters compared as search compares them (hamza forms, alef
// maksura, Persian letters, diacritics and tatweel folded: arabic-normalize.ts), and a name
// may carry the clitics و ف (and), ب ل ك (in, to, like) and ال (the) in front
// (وبايدن, بالقاهرة, للولايات المتحدة), which stay outside the suggested span. English: case
// folded, but a name written with capitals is not found in lower case (US / us, Apple /
// apple), and a possessive 's or ’ after it stays outside the span. Never a match inside a
// longer word (a change of script ends a word, as in the tokenizer: وJordan). A string tagged with several labels is
// suggested with its most frequent one
// and the others listed as conflicts, for the editor to settle.
import { normalizeForMatch, normalizeText } from '../arabic-normalize';
import { overlapTest } from '../sorted-search';
import type { EntitySuggestion } from '../suggestions';

/** An entity as tagged somewhere in the workspace: its text and label. */
export interface WorkspaceName {
  text: string;
  label: string;
}

interface Name {
  /** Normalized text, whitespace runs as one space. */
  key: string;
  labels: Map<string, number>;
  /** Written with a capital (Latin) in at least one document: lower-case occurrences are other words. */
  capitalized: boolean;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const ARABIC = /[\u0600-\u06FF]/u;
const LATIN_UPPER = /\p{Lu}/u;
/** Clitics allowed in front of a name: conjunction, preposition, then the article. */
const CLITICS = /^[وف]?[بلك]?(?:ال)?$/u;
/** Before للـ (ل + the article with its alef dropped) only a conjunction may come. */
const CLITICS_BEFORE_LIL = /^[وف]?$/u;
const POSSESSIVE = /^['’]s?$/u;

/**
 * Each name's key, kept: the workspace's names come again with every document's suggestions, and folding them again
 * was two thirds of the matcher's CPU (perf53: 17 of 25 s over the corpus's 904 texts, 2,000 workspace names).
 */
const KEYS = new Map<string, string>();
/** More names than a workspace has; past them the kept keys start again. */
const KEYS_KEPT = 200_000;

/** The normalized key of a name: letters folded, spaces collapsed. */
export function nameKey(text: string): string {
  let key = KEYS.get(text);
  if (key === undefined) {
    if (KEYS.size >= KEYS_KEPT) KEYS.clear();
    KEYS.set(text, (key = normalizeText(text).replace(/\s+/gu, ' ').trim()));
  }
  return key;
}

/** Names grouped by key, with how often each label was given. */
export function collectNames(names: readonly WorkspaceName[]): Map<string, Name> {
  const byKey = new Map<string, Name>();
  for (const n of names) {
    const key = nameKey(n.text);
    // One letter or digit matches everywhere and means nothing.
    if ([...key].length < 2 || !LETTER.test(key)) continue;
    let name = byKey.get(key);
    if (!name) byKey.set(key, (name = { key, labels: new Map(), capitalized: false }));
    name.labels.set(n.label, (name.labels.get(n.label) ?? 0) + 1);
    if (LATIN_UPPER.test(n.text)) name.capitalized = true;
  }
  return byKey;
}

interface Candidate {
  start: number;
  end: number;
  name: Name;
  /** Found with a clitic or a possessive around it. */
  affixed: boolean;
}

/**
 * Workspace entities found in `source`, as suggestions with source offsets (code points).
 * Spans overlapping `existing` (the document's own entities) are left out: they are tagged.
 */
export function matchWorkspaceNames(
  source: string,
  names: readonly WorkspaceName[],
  existing: readonly { start: number; end: number }[] = [],
): EntitySuggestion[] {
  const byKey = collectNames(names);
  if (byKey.size === 0) return [];
  const hay = normalizeForMatch(source);
  const chars = Array.from(hay.text);
  const original = Array.from(source);
  // Whitespace in the document may be any run: searched on a copy with runs as one space.
  const { text: flat, toHay } = collapseSpaces(chars);
  const flatCp = codePointTable(flat);

  const candidates: Candidate[] = [];
  for (const name of byKey.values()) {
    const arabic = ARABIC.test(name.key);
    const variants: { needle: string; skip: number; lil: boolean }[] = [{ needle: name.key, skip: 0, lil: false }];
    // للولايات: ل + الولايات with the article's alef dropped; the span starts at the article's ل.
    if (arabic && name.key.startsWith('ال') && name.key.length > 3)
      variants.push({ needle: `لل${name.key.slice(2)}`, skip: 1, lil: true });
    for (const { needle, skip, lil } of variants) {
      for (let from = 0; ;) {
        const u = flat.indexOf(needle, from);
        if (u < 0) break;
        from = u + 1;
        const s = toHay[flatCp[u]];
        const e = toHay[flatCp[u + needle.length] - 1] + 1;
        const found = accept(chars, s, e, arabic, lil);
        if (!found) continue;
        const start = hay.toOriginal[s + skip];
        let end = hay.toOriginal[e - 1] + 1;
        while (end < original.length && /\p{M}/u.test(original[end])) end++;
        if (name.capitalized && !arabic && !capitalizedAt(original, start, end)) continue;
        candidates.push({ start, end, name, affixed: found.affixed || lil });
      }
    }
  }

  // Longest first at each place; no two suggestions overlap, nor one and a tagged entity.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const taken = overlapTest([...existing].sort((a, b) => a.start - b.start));
  const out: EntitySuggestion[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    if (taken(c.start, c.end)) continue;
    const ranked = [...c.name.labels].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const total = ranked.reduce((n, [, k]) => n + k, 0);
    const score = (ranked[0][1] / total) * (c.affixed ? 0.9 : 1);
    const suggestion: EntitySuggestion = {
      start: c.start,
      end: c.end,
      label: ranked[0][0],
      score: Math.round(score * 1000) / 1000,
      source: 'workspace',
    };
    if (ranked.length > 1) suggestion.conflicts = ranked.slice(1).map(([l]) => l);
    out.push(suggestion);
    lastEnd = c.end;
  }
  return out;
}

/**
 * Whether a name found at normalized code points [s, e) stands as a word of its own: only
 * clitics (Arabic) before it and only a possessive (Latin) after it, never more letters.
 */
function accept(
  chars: readonly string[],
  s: number,
  e: number,
  arabic: boolean,
  lil: boolean,
): { affixed: boolean } | null {
  let p = s;
  while (p > 0 && LETTER.test(chars[p - 1])) p--;
  const before = chars.slice(p, s).join('');
  // Where the script changes a word ends, as the tokenizer has it (وJordan, Koreaكوريا).
  const scriptChange = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && ARABIC.test(a) !== ARABIC.test(b);
  if (
    before !== '' &&
    !(arabic && (lil ? CLITICS_BEFORE_LIL : CLITICS).test(before)) &&
    !scriptChange(chars[s - 1], chars[s])
  )
    return null;
  let q = e;
  while (q < chars.length && (LETTER.test(chars[q]) || chars[q] === "'" || chars[q] === '’')) q++;
  const after = chars.slice(e, q).join('');
  if (after !== '' && (arabic || !POSSESSIVE.test(after)) && !scriptChange(chars[e - 1], chars[e])) return null;
  return { affixed: before !== '' || after !== '' };
}

/** A capitalized name's occurrence must start with a capital too (or be all capitals). */
function capitalizedAt(original: readonly string[], start: number, end: number): boolean {
  const first = original.slice(start, end).find((ch) => /\p{L}/u.test(ch));
  return first !== undefined && LATIN_UPPER.test(first);
}

/** The code points with every whitespace run as one space, and where each came from. */
function collapseSpaces(chars: readonly string[]): { text: string; toHay: number[] } {
  const out: string[] = [];
  const toHay: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (/\s/u.test(chars[i])) {
      if (out.length > 0 && out[out.length - 1] === ' ') continue;
      out.push(' ');
    } else out.push(chars[i]);
    toHay.push(i);
  }
  toHay.push(chars.length);
  return { text: out.join(''), toHay };
}

/** For each UTF-16 offset of `text` (and its end), the code point offset. */
function codePointTable(text: string): Int32Array {
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let u = 0; u < text.length; u++) {
    table[u] = cp;
    const unit = text.charCodeAt(u);
    if (unit >= 0xd800 && unit <= 0xdbff && u + 1 < text.length) table[++u] = cp;
    cp++;
  }
  table[text.length] = cp;
  return table;
}
