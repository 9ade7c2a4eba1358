// The gazetteer feature: names already tagged (in the workspace, or in the training
// sentences) looked up in a sentence, longest first, by their clitic-stripped stems, so the
// tagger learns how far to trust "this was a PERSON elsewhere". Trained on its own
// training names every name would be found, and the tagger would trust it blindly; so for
// training each sentence sees only the names of the other folds (jackknifing).
import { seededRandom } from '../seeded-random';
import { tokenStem } from './features';
import { spansOfTags, type TaggedSentence } from './tagger';

/** Longest name looked for, in tokens. */
const MAX_NAME = 6;

export interface Gazetteer {
  /** Stems of a name joined by a space → its most frequent label. Not changed once a sentence was looked up in it. */
  names: Map<string, string>;
}

const stemOf = tokenStem;

/** A name's tokens as the gazetteer keys it: their clitic-stripped stems joined by a space. */
export const nameKey = (tokens: readonly string[]): string => tokens.map(stemOf).join(' ');

/** Names and their most frequent label, from tagged sentences. */
export function buildGazetteer(sentences: readonly TaggedSentence[]): Gazetteer {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    for (const span of spansOfTags(s.tags)) {
      if (span.end - span.start > MAX_NAME) continue;
      const key = nameKey(s.tokens.slice(span.start, span.end));
      let byLabel = counts.get(key);
      if (!byLabel) counts.set(key, (byLabel = new Map()));
      byLabel.set(span.label, (byLabel.get(span.label) ?? 0) + 1);
    }
  }
  const names = new Map<string, string>();
  for (const [key, byLabel] of counts) {
    // Ties go to the label first in alphabetical order, so the result does not depend on reading order.
    const best = [...byLabel].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    names.set(key, best[0]);
  }
  return { names };
}

/**
 * Per first word of the gazetteer's names (a key up to its first space), the most words (spaces + 1) a name starting
 * with it has: gazetteerTags builds only the keys as long as those, and none where no name starts (most words). The
 * keys of up to six words built and looked up at every token were two thirds of its CPU, and gazetteerTags a tenth of
 * a document's suggestions (perf53). Kept per gazetteer, made again if its size changed.
 */
const LONGEST = new WeakMap<Map<string, string>, { size: number; words: Map<string, number> }>();

function longestNames(names: Map<string, string>): Map<string, number> {
  const kept = LONGEST.get(names);
  if (kept && kept.size === names.size) return kept.words;
  const words = new Map<string, number>();
  for (const key of names.keys()) {
    const space = key.indexOf(' ');
    const first = space < 0 ? key : key.slice(0, space);
    let n = 1;
    for (let at = space; at >= 0; at = key.indexOf(' ', at + 1)) n++;
    if (n > (words.get(first) ?? 0)) words.set(first, n);
  }
  LONGEST.set(names, { size: names.size, words });
  return words;
}

/** Per token, B-/I- and the label of the longest gazetteer name covering it, or ''. */
export function gazetteerTags(tokens: readonly string[], gazetteer: Gazetteer): string[] {
  const stems = tokens.map(stemOf);
  const out = tokens.map(() => '');
  const longest = longestNames(gazetteer.names);
  for (let i = 0; i < stems.length;) {
    let found = 0;
    let label = '';
    // A name of n words from i starts with the key stems[i] (one without a space): it has at most longest(stems[i])
    // words. (A stem with a space in it is read as before, every length.)
    const most = stems[i].includes(' ') ? MAX_NAME : Math.min(MAX_NAME, longest.get(stems[i]) ?? 0);
    if (most === 0) {
      i++;
      continue;
    }
    // The keys of the 1 to `most` words from i, each the one before and a word, then looked for longest first.
    const keys = [stems[i]];
    for (let n = 1; n < Math.min(most, stems.length - i); n++) keys.push(`${keys[n - 1]} ${stems[i + n]}`);
    for (let n = keys.length; n >= 1; n--) {
      const hit = gazetteer.names.get(keys[n - 1]);
      if (hit) {
        found = n;
        label = hit;
        break;
      }
    }
    if (found === 0) {
      i++;
      continue;
    }
    for (let k = 0; k < found; k++) out[i + k] = `${k === 0 ? 'B' : 'I'}-${label}`;
    i += found;
  }
  return out;
}

/**
 * Training sentences with gazetteer tags from the names of the other `folds` − 1 folds; each name found is then
 * hidden with probability `hide` (drawn from `seed`), so that the training sentences show names the gazetteer does
 * not know as often as new text does.
 */
export function withJackknifedGazetteer<S extends TaggedSentence>(
  sentences: readonly S[],
  options: { folds?: number; hide?: number; seed?: number } = {},
): S[] {
  const folds = options.folds ?? 5;
  const hide = options.hide ?? 0;
  const gazetteers = Array.from({ length: folds }, (_, f) =>
    buildGazetteer(sentences.filter((_, k) => k % folds !== f)),
  );
  const random = seededRandom(options.seed ?? 1);
  return sentences.map((s, k) => {
    const tags = gazetteerTags(s.tokens, gazetteers[k % folds]);
    if (hide > 0) {
      // A name is hidden whole: its B- decides for the I- after it.
      let hidden = false;
      for (let i = 0; i < tags.length; i++) {
        if (tags[i].startsWith('B-')) hidden = random() < hide;
        if (hidden && tags[i] !== '') tags[i] = '';
      }
    }
    return { ...s, gazetteer: tags };
  });
}
