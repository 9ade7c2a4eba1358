// `tahrir suggest <file.txt> [--json]`: the boilerplate and normalization suggestions for
// one document (source offsets in code points) and the metadata read off its text.
import { resolve } from 'node:path';
import type { SuggestedEdit } from '../../shared/api';
import { suggestEdits } from '../../shared/boilerplate/index';
import { extractMetadata } from '../../shared/metadata';
import { readTextFile } from '../text-file';
import { parseCommandLine, usageError } from './command-line';
import { annotationSuggestions, describeAnnotationSuggestions } from './suggest-annotations';

const USAGE = 'usage: tahrir suggest <file.txt> [--entities] [--quotes] [--json]';

/** One line of the readable list: where, which rule, and the text (shortened, line breaks shown). */
function describe(e: SuggestedEdit): string {
  const shown = (s: string) => {
    const flat = s.replace(/\r?\n/g, '⏎');
    const chars = [...flat];
    return chars.length > 70 ? `${chars.slice(0, 67).join('')}…` : flat;
  };
  const what = e.start === e.end ? `insert ${JSON.stringify(e.replacement)}` : e.replacement ? `"${shown(e.text)}" → "${shown(e.replacement)}"` : `"${shown(e.text)}"`;
  return `  ${`${e.start}–${e.end}`.padEnd(11)} ${e.rule.padEnd(16)} ${e.kind.padEnd(11)} ${what}`;
}

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, { flags: ['json', 'entities', 'quotes'] });
  if (line.positionals.length !== 1) throw usageError(line.positionals.length === 0 ? 'a text file is needed' : 'one file only', USAGE);
  const file = line.positionals[0];
  const { text } = await readTextFile(resolve(file), undefined, { file });
  const edits = suggestEdits(text).map(({ start, end, text: t, replacement, kind, rule }) => ({ start, end, text: t, replacement, kind, rule }));
  const metadata = extractMetadata(text);
  const wanted = { entities: line.flags.has('entities'), quotes: line.flags.has('quotes') };
  const annotations = wanted.entities || wanted.quotes ? await annotationSuggestions(file, text, wanted) : {};
  if (line.flags.has('json')) {
    process.stdout.write(`${JSON.stringify({ file, edits, metadata, ...annotations }, null, 2)}\n`);
    return 0;
  }
  const out = [`${file}: ${edits.length} suggestion${edits.length === 1 ? '' : 's'}`, ...edits.map(describe)];
  const meta = Object.entries(metadata).map(([k, v]) => `  ${k}: ${Array.isArray(v) ? v.join(' · ') : v}`);
  if (meta.length > 0) out.push('metadata:', ...meta);
  const chars = Array.from(text);
  out.push(...describeAnnotationSuggestions(annotations, (start, end) => chars.slice(start, end).join('')));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
