// `tahrir ner-eval` on NewsFANE Gold as issue 17 measures it: trained on sentences 1–3,000,
// scored on 3,001–3,800, word profiles from the real-news texts. The data is research-only
// (../shared/corpus/README.md): read here at run time, nothing from it kept in the repository.
// The floor is the figure reached (micro F1 0.720 with seed 1, after context aggregation) less a margin for the
// order of the passes; a change that loses more than that fails here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useCliBundle } from './cli-bundle';

vi.setConfig({ testTimeout: 600_000 });

const CORPUS = join(__dirname, '../../../../shared/corpus');
const CONLL = join(CORPUS, 'ner/newsfane-train.conll');
const NEWS = join(CORPUS, 'news');
const present = existsSync(CONLL) && existsSync(NEWS);

/**
 * Held-out micro F1 on PERSON/ORG/GPE/LOC the tagger must keep: 0.721 measured with seed 1, the test sentences' words
 * in the untagged text (seeds 2 and 3: 0.725 and 0.718; before the lexicon's flag, ordinary-words.ts, 0.720, 0.714
 * and 0.718; before context aggregation 0.699, 0.709 and 0.713).
 */
const FLOOR = 0.71;

describe.runIf(present)('tahrir ner-eval on NewsFANE (../shared/corpus)', () => {
  const tahrir = useCliBundle();

  it(`trained on 1–3,000 with --unlabeled news: micro F1 ≥ ${FLOOR} on 3,001–3,800`, async () => {
    const r = await tahrir([
      'ner-eval',
      '--train',
      `${CONLL}:1-3000`,
      '--test',
      `${CONLL}:3001-3800`,
      '--unlabeled',
      NEWS,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const micro = /^micro PERSON\/ORG\/GPE\/LOC P=\d\.\d{3} R=\d\.\d{3} F1=(\d\.\d{3})$/mu.exec(r.stdout);
    expect(micro, r.stdout).not.toBeNull();
    expect(Number(micro![1])).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe.skipIf(present)('tahrir ner-eval on NewsFANE', () => {
  it.skip(`skipped: the NewsFANE file or the news texts are not under ${CORPUS}`, () => {});
});
