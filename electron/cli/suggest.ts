// `tahrir suggest <file.txt> [--workspace DIR] [--json]`: the boilerplate and normalization
// suggestions for one document (source offsets in code points) and the metadata read off its
// text. Inside a workspace (the nearest folder above the file holding tahrir.json, else the
// file's folder) the other articles of its site and what the editor taught count too.
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { SuggestedEdit } from '../../shared/api';
import { suggestEdits } from '../../shared/boilerplate/index';
import { TahrirError } from '../../shared/errors';
import { extractMetadata } from '../../shared/metadata';
import { CACHE_DIR, SiteTemplateService } from '../site-template-service';
import { readTextFile } from '../text-file';
import { CONFIG_FILE, readWorkspaceConfig } from '../workspace-config';
import { parseCommandLine, usageError } from './command-line';
import { annotationSuggestions, describeAnnotationSuggestions } from './suggest-annotations';
import { usageOf } from './usage';

const USAGE = usageOf('suggest');

/** One line of the readable list: where, which rule, and the text (shortened, line breaks shown). */
function describe(e: SuggestedEdit): string {
  const shown = (s: string) => {
    const flat = s.replace(/\r?\n/g, '⏎');
    const chars = [...flat];
    return chars.length > 70 ? `${chars.slice(0, 67).join('')}…` : flat;
  };
  const what =
    e.start === e.end
      ? `insert ${JSON.stringify(e.replacement)}`
      : e.replacement
        ? `"${shown(e.text)}" → "${shown(e.replacement)}"`
        : `"${shown(e.text)}"`;
  return `  ${`${e.start}–${e.end}`.padEnd(11)} ${e.rule.padEnd(16)} ${e.kind.padEnd(11)} ${what}${e.reason ? ` (${e.reason})` : ''}`;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The nearest folder at or above `folder` that holds tahrir.json; undefined when none does. */
export async function nearestWorkspace(folder: string): Promise<string | undefined> {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (await exists(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, { flags: ['json', 'entities', 'quotes'], options: ['workspace'] });
  if (line.positionals.length !== 1)
    throw usageError(line.positionals.length === 0 ? 'a text file is needed' : 'one file only', USAGE);
  const file = line.positionals[0];
  const path = resolve(file);
  const { text } = await readTextFile(path, undefined, { file });

  const named = line.options.get('workspace');
  const found = named ? resolve(named) : await nearestWorkspace(dirname(path));
  const root = found ?? dirname(path);
  if (
    named &&
    !(await stat(root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw new TahrirError('invalid-argument', `the workspace folder ${named} does not exist`);
  const rel = relative(root, path);
  if (rel.startsWith('..') || resolve(root, rel) !== path)
    throw new TahrirError('invalid-argument', `is not inside the workspace ${root}`, file);
  // The cache is written where a workspace was named or declared (tahrir.json, an existing
  // .tahrir/), never into an arbitrary folder of texts someone asked about.
  const keepCache = found !== undefined || (await exists(join(root, CACHE_DIR)));
  const { config } = await readWorkspaceConfig(root);
  const service = new SiteTemplateService(root, config, { writeCache: keepCache });
  await service.open();
  if (service.cacheProblem)
    process.stderr.write(`tahrir suggest: the template counts were not cached (${service.cacheProblem})\n`);
  const site = service.templateFor(rel.split(sep).join('/'));

  const edits = suggestEdits(text, {
    site,
    disabledRules: config.disabledRules,
    workspaceRules: config.boilerplateRules,
  }).map(({ start, end, text: t, replacement, kind, rule, reason }) =>
    reason
      ? { start, end, text: t, replacement, kind, rule, reason }
      : { start, end, text: t, replacement, kind, rule },
  );
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
