// What the learner sees of a line: numbers in [0, 1] (or near), named so the model file
// reads as what it learned ("similarToRemoved": 4.2). Nothing here is specific to a site:
// the site's own habits come from the recurrence counts and from the lines the editor removed.

import type { KeyedLine } from './template-keys';

/**
 * Words that announce page furniture on news sites, in English and Arabic (written from general knowledge of news
 * pages).
 */
const CUE_WORDS = new RegExp(
  [
    String.raw`\b(?:subscribe|newsletter|sign up|follow (?:us|him|her|them)|download|podcast|read more|related|more:|click here|share|tweet|advertisement|(?:we )?use cookies|cookie policy|javascript|photo|image|caption|courtesy|copyright|all rights reserved|contributed to this report|reporting by|editing by|opinion contributor)\b`,
    String.raw`©`,
    String.raw`اقرأ (?:أيضا|ايضا|المزيد)`,
    String.raw`تابعونا`,
    String.raw`تابعوا`,
    String.raw`اشترك`,
    String.raw`حمّل`,
    String.raw`تحميل`,
    String.raw`تطبيق`,
    String.raw`إشعارات`,
    String.raw`اشعارات`,
    String.raw`الصورة`,
    String.raw`صورة أرشيفية`,
    String.raw`المصدر:`,
    String.raw`حقوق`,
    String.raw`محفوظة`,
    String.raw`يتبع`,
    String.raw`انتهى`,
    String.raw`واس`,
    String.raw`كلمات دلالية`,
    String.raw`شارك`,
    String.raw`نقلا عن`,
    String.raw`نقلاً عن`,
    String.raw`تعبر عن رأي`,
  ].join('|'),
  'iu',
);

const URL = /https?:\/\/\S+|www\.\S+|\b[\w-]+\.(?:com|org|net|rs|ly|co|io|gov)(?:\/\S*)?/giu;
const HANDLE = /@\w+/gu;
const HASHTAG = /#[\p{L}\p{N}_]+/gu;

export const FEATURE_NAMES = [
  'bias',
  'length',
  'words',
  'shortLine',
  'position',
  'firstLines',
  'lastLines',
  'recurrence',
  'recurringOften',
  'cueWords',
  'urls',
  'handles',
  'hashtags',
  'digits',
  'latin',
  'punctuation',
  'fullStop',
  'bracketed',
  'upperCase',
  'similarToRemoved',
  'similarToKept',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** What a line's features need besides the line: its place among the article's lines and the site's knowledge. */
export interface LineContext {
  /** Non-blank lines of the article. */
  lines: number;
  /** Share of the site's other articles holding this line (0 … 1). */
  recurrence: number;
  /** How like a line the editor removed (0 … 1, Jaccard of token shingles). */
  similarToRemoved: number;
  /** How like a line the editor kept or rejected. */
  similarToKept: number;
}

function share(count: number, of: number): number {
  return of === 0 ? 0 : Math.min(1, count / of);
}

export function lineFeatures(line: KeyedLine, context: LineContext): number[] {
  const text = line.line.text.trim();
  const chars = [...text].length;
  const nonSpace = text.replace(/\s/gu, '').length || 1;
  const words = line.tokens.filter((t) => /\p{L}/u.test(t.key)).length;
  const position = context.lines <= 1 ? 0 : line.rank / (context.lines - 1);
  const fromEnd = context.lines - 1 - line.rank;
  const letters = (text.match(/\p{L}/gu) ?? []).length || 1;
  const values: Record<FeatureName, number> = {
    bias: 1,
    length: Math.min(1, Math.log1p(chars) / Math.log1p(1000)),
    words: Math.min(1, words / 40),
    shortLine: words <= 6 ? 1 : 0,
    position,
    firstLines: line.rank < 2 ? 1 : 0,
    lastLines: fromEnd < 3 ? 1 : 0,
    recurrence: context.recurrence,
    recurringOften: context.recurrence >= 0.1 ? 1 : 0,
    cueWords: CUE_WORDS.test(text) ? 1 : 0,
    urls: share((text.match(URL) ?? []).join('').length, nonSpace),
    handles: Math.min(1, (text.match(HANDLE) ?? []).length / 2),
    hashtags: Math.min(1, (text.match(HASHTAG) ?? []).length / 3),
    digits: share((text.match(/\p{N}/gu) ?? []).length, nonSpace),
    latin: share((text.match(/[A-Za-z]/gu) ?? []).length, letters),
    punctuation: share((text.match(/[^\s\p{L}\p{N}\p{M}]/gu) ?? []).length, nonSpace),
    fullStop: /[.!?؟…]["'”’»)\]]*$/u.test(text) ? 1 : 0,
    bracketed: /^[([{«"“].*[)\]}»"”]$/u.test(text) ? 1 : 0,
    upperCase: share((text.match(/[A-Z]/gu) ?? []).length, (text.match(/[A-Za-z]/gu) ?? []).length),
    similarToRemoved: context.similarToRemoved,
    similarToKept: context.similarToKept,
  };
  return FEATURE_NAMES.map((n) => values[n]);
}

/** Token shingles of a line key: its tokens and pairs of neighbours. */
export function shingles(key: string): Set<string> {
  const tokens = key.split(' ').filter((t) => t.length > 0);
  const out = new Set<string>(tokens);
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) both++;
  return both / (a.size + b.size - both);
}

/** Lines to compare against, with their shingles computed once; `best` finds the most similar. */
export class LineMemory {
  private readonly items: { key: string; shingles: Set<string>; tokens: string[] }[] = [];
  private readonly byToken = new Map<string, number[]>();

  constructor(keys: Iterable<string> = []) {
    for (const k of keys) this.add(k);
  }

  get size(): number {
    return this.items.length;
  }

  add(key: string): void {
    const index = this.items.length;
    const sh = shingles(key);
    const tokens = [...new Set(key.split(' '))];
    this.items.push({ key, shingles: sh, tokens });
    for (const t of tokens) {
      const list = this.byToken.get(t);
      if (list) list.push(index);
      else this.byToken.set(t, [index]);
    }
  }

  /**
   * The highest similarity to a remembered line and how many are at least `close` alike; `skip` leaves out lines by
   * key.
   */
  best(key: string, close = 0.6, skip?: (key: string) => boolean): { similarity: number; alike: number } {
    const sh = shingles(key);
    const seen = new Set<number>();
    let similarity = 0;
    let alike = 0;
    for (const t of new Set(key.split(' '))) {
      for (const i of this.byToken.get(t) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const item = this.items[i];
        if (skip?.(item.key)) continue;
        const s = jaccard(sh, item.shingles);
        if (s > similarity) similarity = s;
        if (s >= close) alike++;
      }
    }
    return { similarity, alike };
  }
}
