// Measured quality over the corpus in test/fixtures/articles: character-level precision and
// recall of the removed text against the hand-marked boilerplate. Targets: precision ≥ 0.95,
// recall ≥ 0.90 over the corpus; 1.0 and 1.0 on the sample article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { suggestEdits } from '../../../shared/boilerplate/index';
import { CORPUS_DIR, combine, differences, loadCorpus, parseMarked, scoreRemoval } from './marked-corpus';

const corpus = loadCorpus();

describe('boilerplate corpus', () => {
  test('has at least eight articles, Arabic and English', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(8);
    expect(corpus.some((a) => /[\u0600-\u06FF]/u.test(a.text))).toBe(true);
    expect(corpus.some((a) => /^[\x00-\x7F’‘“”—–·…]*$/u.test(a.text.slice(0, 200)))).toBe(true);
  });

  test('the derived .txt and .gold.json files match the marked articles', () => {
    for (const a of corpus) {
      expect(readFileSync(join(CORPUS_DIR, `${a.name}.txt`), 'utf8'), a.name).toBe(a.text);
      expect(JSON.parse(readFileSync(join(CORPUS_DIR, `${a.name}.gold.json`), 'utf8')), a.name).toEqual({
        remove: a.remove,
      });
    }
  });

  test('precision ≥ 0.95 and recall ≥ 0.90 of removed text over the corpus', () => {
    const totals = { both: 0, suggested: 0, gold: 0 };
    const rows: string[] = [];
    const misses: string[] = [];
    for (const a of corpus) {
      const edits = suggestEdits(a.text);
      const s = scoreRemoval([...a.text].length, a.remove, edits);
      totals.both += s.both;
      totals.suggested += s.suggested;
      totals.gold += s.gold;
      rows.push(
        `${a.name.padEnd(28)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (${s.gold} gold chars)`,
      );
      const d = differences(a.text, a.remove, edits);
      for (const m of d.missed) misses.push(`${a.name} missed: ${JSON.stringify(m)}`);
      for (const x of d.extra) misses.push(`${a.name} extra:  ${JSON.stringify(x)}`);
    }
    const total = combine(totals);
    rows.push(
      `${'TOTAL'.padEnd(28)} precision ${total.precision.toFixed(3)}  recall ${total.recall.toFixed(3)}  (${total.gold} gold chars)`,
    );
    console.log(
      `boilerplate removal, character level:\n${rows.join('\n')}${misses.length ? `\n\n${misses.join('\n')}` : ''}`,
    );
    expect(total.precision).toBeGreaterThanOrEqual(0.95);
    expect(total.recall).toBeGreaterThanOrEqual(0.9);
  });

  test('precision and recall are 1.0 on the sample article', () => {
    const text = readFileSync(join(__dirname, '../../../seeds/000_b3be894ae1d50a96.txt'), 'utf8');
    // The sample's gold: the six edits of the example sidecar (touching ones joined).
    const gold: [number, number][] = [
      [89, 123],
      [303, 387],
      [1548, 1578],
      [1578, 2992],
    ];
    const s = scoreRemoval([...text].length, gold, suggestEdits(text));
    console.log(`sample article: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}`);
    expect([s.precision, s.recall]).toEqual([1, 1]);
  });

  test('the marker parser takes whole lines with their breaks, and code points', () => {
    expect(parseMarked('a\n⟦😀 x⟧\nb ⟦c⟧d')).toEqual({
      text: 'a\n😀 x\nb cd',
      remove: [
        [2, 6],
        [8, 9],
      ],
    });
  });
});
