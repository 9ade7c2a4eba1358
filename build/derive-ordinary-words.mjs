#!/usr/bin/env node
// Derives shared/ner/ordinary-words.json, the words a general Arabic lexicon knows (the entity tagger's `lx`
// feature, shared/ner/ordinary-words.ts), from Ayaspell's hunspell-ar dictionary (Debian's hunspell-ar; tri-licensed
// GPL 2.0 / LGPL 2.1 / MPL 1.1, the list kept under MPL 1.1: shared/ner/ordinary-words.LICENSE). A development tool,
// run once: the app and `tahrir ner-eval` read the derived list, never /usr/share/hunspell.
//   node build/derive-ordinary-words.mjs [DIC]          writes the list (DIC: /usr/share/hunspell/ar.dic)
//   node build/derive-ordinary-words.mjs --check [DIC]  exit 1 unless the list is what DIC gives now
// Each entry's word (before its /flags) is folded and its proclitics taken off as the tagger reads a token
// (features.ts: foldWord, stripClitics); the stems, sorted, are front-coded (ordinary-words.ts: decodeStems).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'shared/ner/ordinary-words.json');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dic = args.find((a) => !a.startsWith('--')) ?? '/usr/share/hunspell/ar.dic';

const bundled = await build({
  stdin: {
    contents: [
      "export { foldWord, stripClitics } from './shared/ner/features';",
      "export { encodeStems } from './shared/ner/ordinary-words';",
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
 *   encodeStems(s: string[]): string;
 * }}
 */
const app = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const stems = new Set();
// The first line is the entry count; the file is Ayaspell's parts one after another, with their names and #
// comments between them, which are no Arabic words and are left out by the letter test.
for (const line of readFileSync(dic, 'utf8').split('\n').slice(1)) {
  const word = app.foldWord(line.split(/[/\t]/u)[0]);
  if (/^[\u0621-\u064A]+$/u.test(word)) stems.add(app.stripClitics(word).stem);
}
const sorted = [...stems].sort();
const json = `${JSON.stringify({
  source: 'Ayaspell (hunspell-ar), ar.dic, (c) 2006-2008 Mohamed Kebdani; MPL 1.1: ordinary-words.LICENSE',
  count: sorted.length,
  stems: app.encodeStems(sorted),
})}\n`;
if (check) {
  const same = readFileSync(OUT, 'utf8') === json;
  process.stdout.write(same ? `${OUT}: up to date (${sorted.length} stems)\n` : `${OUT}: differs from ${dic}\n`);
  process.exit(same ? 0 : 1);
}
writeFileSync(OUT, json);
process.stdout.write(`${OUT}: ${sorted.length} stems, ${Buffer.byteLength(json)} bytes\n`);
