// The speaker ranker (shared/speaker-ranker.ts): it learns a made-up pattern the same way every time, its shipped
// weights are a plain table of its named features (the ones build/fit-speaker-ranker.mjs fits, when the corpus and
// the commits it reads are here), its candidates on sentences written here, and the quote finder ranking with it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../shared/quote-finder';
import {
  fitSpeakerRanker,
  rankSpeakers,
  speakerCandidates,
  SPEAKER_FEATURES,
  type SpeakerCandidate,
  type SpeakerExample,
} from '../../shared/speaker-ranker';
import { speakerProposals } from '../../shared/speaker-from-text';
import { seededRandom } from '../../shared/seeded-random';
import { cpSlice } from './text-arbitraries';

const ROOT = resolve(__dirname, '../..');

/** A candidate with the named features set to 1 (the others 0). */
function candidate(start: number, on: string[]): SpeakerCandidate {
  const features = new Float64Array(SPEAKER_FEATURES.length);
  for (const f of on) features[SPEAKER_FEATURES.indexOf(f)] = 1;
  return { span: { start, end: start + 1 }, features };
}

/**
 * Made-up quotes: the right speaker is the subject after the verb, unless that one is a body, in which case it is
 * the one who spoke last; the rules' choice is right only half the time. Every candidate carries noise features.
 */
function toyExamples(seed: number, n: number): SpeakerExample[] {
  const random = seededRandom(seed);
  const noise = () => (random() < 0.5 ? ['capitalised'] : []).concat(random() < 0.5 ? ['oneWord'] : []);
  return Array.from({ length: n }, () => {
    const body = random() < 0.3;
    const after = candidate(0, ['afterVerb', ...(body ? ['notAPerson'] : []), ...noise()]);
    const previous = candidate(1, ['previous', ...noise()]);
    const other = candidate(2, ['name', ...noise()]);
    const rulesRight = random() < 0.5;
    const right = body ? previous : after;
    const wrong = body ? after : other;
    const rules = rulesRight ? right : wrong;
    const set = (c: SpeakerCandidate) => (c === rules ? candidate(c.span!.start, ['rules']) : null);
    const candidates = [after, previous, other].map((c) => {
      const r = set(c);
      return r ? { ...c, features: c.features.map((v, i) => Math.max(v, r.features[i])) } : c;
    });
    return { candidates, right: candidates.map((c) => c.span!.start === right.span!.start) };
  });
}

describe('the speaker ranker', () => {
  it('learns a made-up pattern, and the same weights every time', () => {
    const weights = fitSpeakerRanker(toyExamples(1, 300));
    expect(fitSpeakerRanker(toyExamples(1, 300))).toEqual(weights);
    const unseen = toyExamples(2, 200);
    const right = unseen.filter((e) => e.right[e.candidates.indexOf(rankSpeakers(e.candidates, weights))]);
    expect(right.length).toBe(200); // (the rules alone: about half)
    expect(weights.afterVerb).toBeGreaterThan(weights.name);
    expect(weights.notAPerson).toBeLessThan(0);
  });

  it('the shipped weights: a plain table of numbers, one for each named feature, no text', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'shared/speaker-ranker-weights.json'), 'utf8'));
    expect(Object.keys(shipped)).toEqual([...SPEAKER_FEATURES]);
    for (const w of Object.values(shipped)) expect(Number.isFinite(w)).toBe(true);
    // (The names are the code's own: letters and a language prefix, nothing from an article.)
    for (const f of SPEAKER_FEATURES) expect(f).toMatch(/^(ar\.)?[a-zA-Z]+$/u);
  });

  // The script reads the gold's articles from ../shared/corpus and the rules of earlier commits from git.
  const corpus = existsSync(resolve(ROOT, '../shared/corpus/news/MANIFEST.tsv'));
  const history = (() => {
    try {
      execFileSync('git', ['cat-file', '-e', 'ef858e2^{commit}'], { cwd: ROOT, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.runIf(corpus && history)(
    'the shipped weights are the ones build/fit-speaker-ranker.mjs fits',
    () => {
      const out = execFileSync(process.execPath, ['build/fit-speaker-ranker.mjs', '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(out).toMatch(/the weights fitted now/u);
    },
    120_000,
  );

  it('candidates: the rules’ choice, the subjects of the verbs near the quote, the last speaker, and no one', () => {
    const text = 'Mayor Ann Lee spoke first. “We will reopen the bridge on Monday,” said Tom Park, the engineer.';
    const chars = Array.from(text);
    const start = text.indexOf('We');
    const quote = { start, end: start + 'We will reopen the bridge on Monday,'.length };
    const previous = { start: 6, end: 13 };
    const proposals = speakerProposals(chars, quote, previous);
    const candidates = speakerCandidates(chars, quote, { rules: null, previous, person: previous, proposals });
    const named = candidates.map((c) => (c.span ? cpSlice(text, c.span.start, c.span.end) : null));
    expect(named).toContain('Tom Park');
    expect(named).toContain('Ann Lee');
    expect(named[named.length - 1]).toBe(null);
    const feature = (name: string, who: string | null) =>
      candidates[named.indexOf(who)].features[SPEAKER_FEATURES.indexOf(name)];
    expect([feature('afterVerb', 'Tom Park'), feature('inTail', 'Tom Park'), feature('before', 'Tom Park')]).toEqual([
      1, 1, 0,
    ]);
    expect([feature('previous', 'Ann Lee'), feature('previousSentence', 'Ann Lee')]).toEqual([1, 1]);
    expect([feature('none', null), feature('rules', null)]).toEqual([1, 1]);
  });

  it('the quote finder takes the best candidate when given weights; the rules’ choice without them', () => {
    const text =
      'Officials met on Friday. “The bridge will open on Monday,” said Tom Park. ' +
      '“The repairs took longer than we planned,” the ministry said in a statement.';
    const speakers = (weights?: Record<string, number>) =>
      findQuotes(text, [], { speakerWeights: weights })
        .filter((q) => q.kind === 'direct')
        .map((q) => q.speaker && cpSlice(text, q.speaker.start, q.speaker.end));
    expect(speakers()).toEqual(['Tom Park', 'the ministry']);
    // (Weights that prefer the one who spoke last over all else.)
    expect(speakers({ previous: 5 })).toEqual(['Tom Park', 'Tom Park']);
    expect(speakers({ none: 5 })).toEqual([null, null]);
  });
});
