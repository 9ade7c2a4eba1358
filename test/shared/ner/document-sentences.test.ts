// A document as the tagger's sentences (BIO tags from its entities): the same tags as every span laid over every
// sentence, on real news with random nested, crossing and sentence-crossing spans; and a long document's tags without
// the work of every span for every sentence (50,000 spans × ~9,000 sentences: 33 s of the training worker's CPU).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../shared/model';
import { documentSentences, taggerTokens } from '../../../shared/ner/document-entities';
import type { TaggedSentence } from '../../../shared/ner/tagger';
import { seededRandom } from '../../../shared/seeded-random';
import { splitSentences } from '../../../shared/tokenizer';
import { generateLongArticle } from '../../bench/generate-corpus';

type Span = Pick<Entity, 'start' | 'end' | 'label' | 'orphaned'>;

/** The definition: every span, in order, over every sentence (what documentSentences did before the sweep). */
function everySpanOverEverySentence(text: string, entities: readonly Span[]): TaggedSentence[] {
  const spans = entities
    .filter((e) => !e.orphaned && e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const tokens = taggerTokens(
    text,
    spans.flatMap((e) => [e.start, e.end]),
  );
  return splitSentences(text, tokens).map((sentence) => {
    const tags = sentence.map(() => 'O');
    for (const span of spans) {
      let first = true;
      sentence.forEach((t, i) => {
        if (t.start < span.start || t.end > span.end || tags[i] !== 'O') return;
        tags[i] = `${first ? 'B' : 'I'}-${span.label}`;
        first = false;
      });
    }
    return { tokens: sentence.map((t) => t.text), tags };
  });
}

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'news');
const LABELS = ['PERSON', 'ORG', 'GPE', 'LOC'];

/** Random spans over `text`: short ones (names), some nested in or crossing others, some over sentence ends. */
function randomSpans(text: string, seed: number): Span[] {
  const random = seededRandom(seed);
  const length = [...text].length;
  const spans: Span[] = [];
  for (let i = 0; i < length / 15; i++) {
    const start = Math.floor(random() * length);
    const long = random() < 0.1;
    const end = Math.min(length, start + 1 + Math.floor(random() * (long ? 400 : 25)));
    spans.push({ start, end, label: LABELS[i % LABELS.length], ...(random() < 0.05 ? { orphaned: true } : {}) });
  }
  return spans;
}

describe('documentSentences', () => {
  test('tags real news as every span over every sentence would, nested and crossing spans included', () => {
    let files = 0;
    for (const site of ['aawsat', 'bbc-arabic', 'reuters', 'usatoday']) {
      for (const name of readdirSync(join(CORPUS, site)).sort().slice(0, 6)) {
        const text = readFileSync(join(CORPUS, site, name), 'utf8');
        const spans = randomSpans(text, files + 1);
        expect(documentSentences(text, spans), `${site}/${name}`).toEqual(everySpanOverEverySentence(text, spans));
        files++;
      }
    }
    expect(files).toBe(24);
  });

  test('a long document with 50,000 entities is read without laying every span over every sentence', () => {
    const doc = generateLongArticle({ targetBytes: 1.5 * 2 ** 20, entities: 50_000, quotes: 0, edits: 0 });
    const started = process.cpuUsage();
    const sentences = documentSentences(doc.text, doc.sidecar.entities);
    const { user, system } = process.cpuUsage(started);
    // Every span over every sentence took 15–30 s of CPU here; the sweep takes well under one on a loaded machine.
    expect((user + system) / 1000).toBeLessThan(5_000);
    const tagged = sentences.reduce((n, s) => n + s.tags.filter((t) => t.startsWith('B-')).length, 0);
    expect(tagged).toBeGreaterThan(40_000);
  }, 60_000);
});
