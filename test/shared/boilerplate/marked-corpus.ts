// The measured corpus: articles written with their boilerplate marked ⟦like this⟧.
// A marked range that covers whole lines takes their line breaks along (as the line rules
// do), so the gold says "this line goes", not "this line's text goes and leaves an empty line".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SuggestedEdit } from '../../../shared/api';

export const CORPUS_DIR = join(__dirname, '../../fixtures/articles');

export interface MarkedArticle {
  name: string;
  /** The article as scraped: markers taken out. */
  text: string;
  /** Boilerplate ranges [start, end) in code points. */
  remove: [number, number][];
}

export function parseMarked(marked: string): { text: string; remove: [number, number][] } {
  const chars = [...marked];
  const out: string[] = [];
  const remove: [number, number][] = [];
  let open = -1;
  for (const c of chars) {
    if (c === '⟦') {
      if (open >= 0) throw new Error('nested ⟦');
      open = out.length;
    } else if (c === '⟧') {
      if (open < 0) throw new Error('⟧ without ⟦');
      remove.push([open, out.length]);
      open = -1;
    } else out.push(c);
  }
  if (open >= 0) throw new Error('⟦ not closed');
  for (const r of remove) {
    const atLineStart = r[0] === 0 || out[r[0] - 1] === '\n';
    if (atLineStart && out[r[1]] === '\r' && out[r[1] + 1] === '\n') r[1] += 2;
    else if (atLineStart && out[r[1]] === '\n') r[1] += 1;
  }
  return { text: out.join(''), remove };
}

export function loadCorpus(dir = CORPUS_DIR): MarkedArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.marked.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.marked\.txt$/u, ''), ...parseMarked(readFileSync(join(dir, f), 'utf8')) }));
}

export interface Score {
  /** Characters removed by both. */
  both: number;
  /** Characters the suggestions remove. */
  suggested: number;
  /** Characters the gold removes. */
  gold: number;
  precision: number;
  recall: number;
}

function mark(length: number, ranges: Iterable<[number, number]>): Uint8Array {
  const set = new Uint8Array(length);
  for (const [s, e] of ranges) set.fill(1, s, e);
  return set;
}

/** Character-level precision and recall of removed text (boilerplate edits only). */
export function scoreRemoval(length: number, gold: [number, number][], edits: SuggestedEdit[]): Score {
  const g = mark(length, gold);
  const p = mark(
    length,
    edits.filter((e) => e.kind === 'boilerplate').map((e) => [e.start, e.end] as [number, number]),
  );
  let both = 0;
  let suggested = 0;
  let goldCount = 0;
  for (let i = 0; i < length; i++) {
    if (p[i]) suggested++;
    if (g[i]) goldCount++;
    if (p[i] && g[i]) both++;
  }
  return combine({ both, suggested, gold: goldCount });
}

export function combine(counts: { both: number; suggested: number; gold: number }): Score {
  const { both, suggested, gold } = counts;
  return {
    both,
    suggested,
    gold,
    precision: suggested === 0 ? 1 : both / suggested,
    recall: gold === 0 ? 1 : both / gold,
  };
}

/** Where the two disagree, as short strings, for a failing test's message. */
export function differences(
  text: string,
  gold: [number, number][],
  edits: SuggestedEdit[],
): { missed: string[]; extra: string[] } {
  const chars = [...text];
  const g = mark(chars.length, gold);
  const p = mark(
    chars.length,
    edits.filter((e) => e.kind === 'boilerplate').map((e) => [e.start, e.end] as [number, number]),
  );
  const runs = (want: (i: number) => boolean) => {
    const out: string[] = [];
    for (let i = 0; i < chars.length;) {
      if (!want(i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < chars.length && want(j)) j++;
      out.push(chars.slice(i, j).join(''));
      i = j;
    }
    return out;
  };
  return { missed: runs((i) => g[i] === 1 && p[i] === 0), extra: runs((i) => p[i] === 1 && g[i] === 0) };
}
