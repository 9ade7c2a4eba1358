// The keys under which a site's recurring lines are counted. Two lines of two articles are
// "the same line" when they read the same after normalization: letter variants folded (as
// search does), digits masked ("20:26" and "19:05" are both "0:0"), whitespace and dash
// variants ignored. A line also yields keys for its recurring edges: the few tokens that end
// a glued prefix ("WASHINGTON (Reuters) - " and "NEW YORK (Reuters) - " both end in
// "( reuters )-") and that start a glued suffix. Keys are hashed: the counts of 10,000
// articles then hold numbers, not the articles' text.

import { normalizeForMatch } from '../arabic-normalize';
import { splitLines, type SourceLine } from './rule';

/** One token of a line: a letter run, a digit run or a punctuation run, with its UTF-16 range in the line. */
export interface LineToken {
  key: string;
  start: number;
  end: number;
}

/** Letters (with their marks), digits, or anything else that is not a space. */
const TOKEN = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]+/gu;
const DASHES = /[-‐‑‒–—―−ـ]+/gu;
/** Invisible characters a scraper leaves in (zero-width, bidi marks, BOM). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

const tokenKeys = new Map<string, string>();

/** The normalized form of one token: folded letters, digits masked to 0, every dash run one "-". */
function keyOfToken(token: string): string {
  let key = tokenKeys.get(token);
  if (key === undefined) {
    if (/^\p{N}+$/u.test(token)) key = '0';
    else key = normalizeForMatch(token.replace(INVISIBLE, '')).text.replace(DASHES, '-');
    if (tokenKeys.size > 50_000) tokenKeys.clear();
    tokenKeys.set(token, key);
  }
  return key;
}

/** The tokens of a line; neighbouring punctuation runs are one ("(CNN) – " and "(CNN)--" both end in ")-"). */
export function lineTokens(line: string): LineToken[] {
  const out: LineToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    const key = keyOfToken(m[0]);
    if (key === '') continue;
    const prev = out[out.length - 1];
    const punct = !/[\p{L}\p{N}]/u.test(key);
    // Across a space only a dash joins ("(CNN) – " is ")-"): a sentence's full stop and the
    // bracket opening a glued suffix (". (bit.ly/…)") stay apart.
    if (prev && punct && !/[\p{L}\p{N}]/u.test(prev.key) && (prev.end === m.index || key === '-')) {
      const joined = (prev.key + key).replace(/-+/g, '-');
      out[out.length - 1] = { key: joined, start: prev.start, end: m.index + m[0].length };
    } else out.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The key of a whole line ('' for a blank line or one of invisible characters only). */
export function lineKey(line: string): string {
  return lineTokens(line)
    .map((t) => t.key)
    .join(' ');
}

/** 53-bit FNV-1a-like hash of a key, in base 36 (two 32-bit halves with different seeds). */
export function hashKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return ((a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)).toString(36);
}

/** Tokens a counted edge (prefix end, suffix start) is made of. */
export const EDGE_TOKENS = 3;
/** How far into (or back from the end of) a line a glued prefix (suffix) may reach, in tokens. */
export const MAX_EDGE_REACH = 14;
/** How many non-blank lines at the top and at the bottom of an article have their edges counted. */
export const EDGE_LINES = 3;

/** Key of a glued prefix ending after token `end` (exclusive): its last EDGE_TOKENS tokens. */
export function prefixKey(tokens: readonly LineToken[], end: number): string {
  return `p ${tokens
    .slice(Math.max(0, end - EDGE_TOKENS), end)
    .map((t) => t.key)
    .join(' ')}`;
}

/** Key of a glued suffix starting at token `start`: its first EDGE_TOKENS tokens. */
export function suffixKey(tokens: readonly LineToken[], start: number): string {
  return `s ${tokens
    .slice(start, start + EDGE_TOKENS)
    .map((t) => t.key)
    .join(' ')}`;
}

/** A line's own key, tagged so it never meets an edge key. */
export function wholeLineKey(key: string): string {
  return `l ${key}`;
}

/** The non-blank lines of a text with their tokens; `edge` says whether its edges are counted. */
export interface KeyedLine {
  line: SourceLine;
  tokens: LineToken[];
  key: string;
  /** Rank among the non-blank lines, from the top. */
  rank: number;
  edge: boolean;
}

export function keyedLines(text: string): KeyedLine[] {
  const out: KeyedLine[] = [];
  for (const line of splitLines(text)) {
    const tokens = lineTokens(line.text);
    if (tokens.length === 0) continue;
    out.push({ line, tokens, key: tokens.map((t) => t.key).join(' '), rank: out.length, edge: false });
  }
  for (const k of out) k.edge = k.rank < EDGE_LINES || k.rank >= out.length - EDGE_LINES;
  return out;
}

/** What one article contributes to its site's counts: each key once, hashed, with an example text per line key. */
export interface DocumentKeys {
  keys: string[];
  /** Hash of a whole-line key → that line's text (trimmed), for the template list's examples. */
  examples: Map<string, string>;
}

export function documentKeys(text: string): DocumentKeys {
  const keys = new Set<string>();
  const examples = new Map<string, string>();
  for (const k of keyedLines(text)) {
    const h = hashKey(wholeLineKey(k.key));
    keys.add(h);
    if (!examples.has(h)) examples.set(h, k.line.text.trim());
    if (!k.edge) continue;
    // Up to the whole line: a dateline line whose place varies ends in the same tokens.
    const reach = Math.min(MAX_EDGE_REACH, k.tokens.length);
    for (let end = 1; end <= reach; end++) keys.add(hashKey(prefixKey(k.tokens, end)));
    for (let start = k.tokens.length - reach; start < k.tokens.length; start++)
      keys.add(hashKey(suffixKey(k.tokens, start)));
  }
  return { keys: [...keys], examples };
}
