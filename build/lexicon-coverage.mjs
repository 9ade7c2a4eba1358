#!/usr/bin/env node
// How a word list splits the names from the ordinary words the entity tagger has never seen: of NewsFANE 3,001–3,800's
// tokens whose stem 1–3,000 never shows (the held-out split of `tahrir ner-eval`), the share of each label (O, PERSON,
// GPE, ORG, LOC) the list knows, looked up as the tagger looks up its bundled lexicon (shared/ner/ordinary-words.ts:
// the stem, or the stem without one of its endings), and beside it the share known to the list and not to the bundled
// lexicon, and the reverse. A development tool for judging outside knowledge before a training (tagger20–22 each wrote
// one): it reads the corpus and the lists at run time and writes nothing.
//   node build/lexicon-coverage.mjs [--conll FILE] LIST...
// LIST: a text file of words, any number a line; a hunspell or aspell entry's /flags are dropped (aspell's list:
// `aspell -d ar-large dump master > LIST`). FILE: ../shared/corpus/ner/newsfane-train.conll.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--conll');
const conll = at >= 0 ? args.splice(at, 2)[1] : join(root, '../shared/corpus/ner/newsfane-train.conll');
if (args.length === 0) {
  process.stderr.write('usage: node build/lexicon-coverage.mjs [--conll FILE] LIST...\n');
  process.exit(2);
}

const bundled = await build({
  stdin: {
    contents: [
      "export { foldWord, stripClitics } from './shared/ner/features';",
      "export { isOrdinaryStem, isKnownStem } from './shared/ner/ordinary-words';",
      "export { parseConll, DEFAULT_LABEL_MAP } from './shared/ner/ner-data';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
/**
 * @type {{
 *   foldWord(t: string): string;
 *   stripClitics(w: string): { stem: string };
 *   isOrdinaryStem(s: string): boolean;
 *   isKnownStem(stems: ReadonlySet<string>, s: string): boolean;
 *   parseConll(text: string, labels: unknown): { tokens: string[]; tags: string[] }[];
 *   DEFAULT_LABEL_MAP: unknown;
 * }}
 */
const app = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const ARABIC = /^[\u0621-\u064A]{2,}$/u;
const stemOf = (/** @type {string} */ token) => app.stripClitics(app.foldWord(token)).stem;
const sentences = app.parseConll(readFileSync(conll, 'utf8'), app.DEFAULT_LABEL_MAP);
const seen = new Set(sentences.slice(0, 3000).flatMap((s) => s.tokens.map(stemOf)));
const LABELS = ['O', 'PERSON', 'GPE', 'ORG', 'LOC'];
/** @type {{ stem: string; label: string }[]} */
const unseen = [];
for (const s of sentences.slice(3000, 3800)) {
  s.tokens.forEach((token, i) => {
    const stem = stemOf(token);
    const label = s.tags[i] === 'O' ? 'O' : s.tags[i].slice(2);
    if (ARABIC.test(stem) && !seen.has(stem) && LABELS.includes(label)) unseen.push({ stem, label });
  });
}

/** @param {(stem: string) => boolean} known */
const shares = (known) =>
  LABELS.map((label) => {
    const of = unseen.filter((t) => t.label === label);
    return `${label} ${((100 * of.filter((t) => known(t.stem)).length) / of.length).toFixed(0)}%`;
  }).join('  ');

process.stdout.write(
  `unseen tokens: ${LABELS.map((l) => `${l} ${unseen.filter((t) => t.label === l).length}`).join(', ')}\n`,
);
process.stdout.write(`${'bundled lexicon'.padEnd(40)} ${shares(app.isOrdinaryStem)}\n`);
for (const file of args) {
  /** @type {Set<string>} */
  const stems = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    for (const entry of line.split(/[\s،؛,;()[\]"'.:!?-]+/u)) {
      const word = app.foldWord(entry.split('/')[0]);
      if (/^[\u0621-\u064A]+$/u.test(word)) stems.add(app.stripClitics(word).stem);
    }
  }
  const known = (/** @type {string} */ stem) => app.isKnownStem(stems, stem);
  process.stdout.write(`${file} (${stems.size} stems)\n`);
  process.stdout.write(`${'  knows'.padEnd(40)} ${shares(known)}\n`);
  process.stdout.write(
    `${'  knows, the bundled lexicon not'.padEnd(40)} ${shares((s) => known(s) && !app.isOrdinaryStem(s))}\n`,
  );
  process.stdout.write(
    `${'  the bundled lexicon knows, it not'.padEnd(40)} ${shares((s) => !known(s) && app.isOrdinaryStem(s))}\n`,
  );
}
