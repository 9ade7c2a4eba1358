// `tahrir.json` at the workspace root: labels, hotkeys, encodings, boilerplate and export
// settings. Absent → defaults. Broken → defaults plus a problem naming the file and what is wrong
// (the app keeps working; the file is never rewritten by us, except to add a rule from the
// corpus cleanup view, everything else in it kept).
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { TahrirError, isTahrirError } from '../shared/errors';
import type { TahrirErrorData } from '../shared/errors';
import { DEFAULT_CONFIG, DOCUMENT_STATUSES } from '../shared/model';
import type { WorkspaceConfig } from '../shared/model';
import { conflictMarkerLine, whereJsonBroke } from '../shared/json-where';
import { describeProblems } from '../shared/sidecar';
import { workspaceRule } from '../shared/boilerplate/workspace-rule';
import type { WorkspaceBoilerplateRule } from '../shared/model';
import { realFileInside } from './confine';
import { isMissing, toTahrirError } from './io-error';
import { writeFileAtomic } from './sidecar-store';

import { CONFIG_FILE } from '../shared/workspace-layout';

export { CONFIG_FILE };

const str = v.string('must be a string');
const LabelSchema = v.looseObject(
  {
    name: v.pipe(str, v.minLength(1, 'must not be empty')),
    hotkey: v.optional(v.pipe(str, v.length(1, 'must be a single key'))),
    color: v.optional(str),
    allowCrossing: v.optional(v.boolean('must be true or false')),
    allowAcrossParagraphs: v.optional(v.boolean('must be true or false')),
  },
  'must be an object with a name',
);

// Loose: other helpers' settings (e.g. boilerplate rules) live in the same file and are kept.
const ConfigSchema = v.looseObject(
  {
    labels: v.optional(v.pipe(v.array(LabelSchema, 'must be a list'), v.minLength(1, 'must name at least one label'))),
    encodings: v.optional(v.record(str, str, 'must be an object mapping file paths to encodings')),
    disabledRules: v.optional(v.array(str, 'must be a list of rule ids')),
    sites: v.optional(v.record(str, str, 'must be an object mapping globs to site names')),
    annotator: v.optional(str),
    exportDefaults: v.optional(
      v.looseObject(
        {
          format: v.optional(str),
          status: v.optional(v.picklist(DOCUMENT_STATUSES, `must be one of ${DOCUMENT_STATUSES.join(', ')}`)),
          split: v.optional(v.array(v.number('must be numbers'), 'must be a list of numbers')),
          seed: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'))),
        },
        'must be an object',
      ),
    ),
  },
  'must be a JSON object',
);

export interface LoadedConfig {
  config: WorkspaceConfig;
  /** Why tahrir.json was not used (defaults are used then). */
  problem?: TahrirErrorData;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).reduce((out: string, item) => {
    const key = (item as { key: unknown }).key;
    return typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/**
 * Why tahrir.json is not JSON, where an editor finds it: the line and column of a hand edit, or the line of git's
 * conflict markers (tahrir.json is shared and has no merge driver: two editors' label changes meet as text).
 */
function notJson(json: string, e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  const markers = conflictMarkerLine(json);
  if (markers)
    return `holds git's conflict markers (line ${markers}): keep what each side should and delete the marker lines`;
  const where = whereJsonBroke(json, why);
  return 'atEnd' in where
    ? `is not valid JSON (${why})`
    : `is not valid JSON at line ${where.line}, column ${where.column} (${why})`;
}

/** JSON text of tahrir.json → the config (labels defaulted); throws a TahrirError naming `file`. */
export function parseWorkspaceConfig(json: string, file = CONFIG_FILE): WorkspaceConfig {
  let data: unknown;
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new TahrirError('invalid-argument', `${notJson(text, e)}; using the default labels`, file);
  }
  const result = v.safeParse(ConfigSchema, data);
  if (!result.success) {
    const problems = result.issues.map((i) => ({
      path: pathOf(i),
      message: i.received === 'undefined' && i.kind === 'schema' ? 'is missing' : i.message,
    }));
    throw new TahrirError(
      'invalid-argument',
      `is not a valid workspace config: ${describeProblems(problems)}; using the defaults`,
      file,
      problems,
    );
  }
  const config = result.output as WorkspaceConfig;
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const [i, label] of (config.labels ?? []).entries()) {
    if (names.has(label.name))
      throw new TahrirError(
        'invalid-argument',
        `labels[${i}]: the label ${JSON.stringify(label.name)} is listed twice; using the defaults`,
        file,
      );
    if (label.hotkey && keys.has(label.hotkey))
      throw new TahrirError(
        'invalid-argument',
        `labels[${i}]: the hotkey ${JSON.stringify(label.hotkey)} is used twice; using the defaults`,
        file,
      );
    names.add(label.name);
    if (label.hotkey) keys.add(label.hotkey);
  }
  return { ...config, labels: config.labels ?? [...DEFAULT_CONFIG.labels] };
}

export function defaultConfig(): WorkspaceConfig {
  return { ...DEFAULT_CONFIG, labels: DEFAULT_CONFIG.labels.map((l) => ({ ...l })) };
}

/**
 * Where tahrir.json is read from: only a file of this workspace (through a link leading out, the
 * content of any file would be quoted in the problem shown), and never a named pipe (reading one
 * would block the app). Missing files and folders are left for reading them to report.
 */
async function configPath(root: string): Promise<string> {
  const path = join(root, CONFIG_FILE);
  try {
    return await realFileInside(await realpath(root), path, CONFIG_FILE, 'workspace');
  } catch (e) {
    if (!isTahrirError(e) || e.code === 'not-found' || e.message.endsWith('is a folder, not a file')) return path;
    throw e;
  }
}

/** Reads `<root>/tahrir.json`; never throws. */
export async function readWorkspaceConfig(root: string): Promise<LoadedConfig> {
  let json: string;
  try {
    json = await readFile(await configPath(root), 'utf8');
  } catch (e) {
    if (isMissing(e)) return { config: defaultConfig() };
    return { config: defaultConfig(), problem: toTahrirError(e, CONFIG_FILE).toData() };
  }
  try {
    return { config: parseWorkspaceConfig(json, CONFIG_FILE) };
  } catch (e) {
    return { config: defaultConfig(), problem: toTahrirError(e, CONFIG_FILE).toData() };
  }
}

/** The encoding tahrir.json sets for a text file (workspace-relative, `/` separators), if any. */
export function encodingFor(config: WorkspaceConfig, file: string): string | undefined {
  const encodings = config.encodings;
  if (!encodings) return undefined;
  return Object.hasOwn(encodings, file) ? encodings[file] : undefined;
}

/**
 * Adds a rule to `boilerplateRules` in `<root>/tahrir.json` (made when there is none), keeping
 * every other setting. A rule with the same pattern and flags already there is not added twice;
 * a taken id gets a number ("-2"). A tahrir.json that cannot be read or is not valid is not
 * touched: the error names it. Returns the rule as written.
 */
export async function addBoilerplateRule(
  root: string,
  rule: WorkspaceBoilerplateRule,
): Promise<WorkspaceBoilerplateRule> {
  const path = await configPath(root);
  let json: string | null = null;
  try {
    json = await readFile(path, 'utf8');
  } catch (e) {
    if (!isMissing(e)) throw toTahrirError(e, CONFIG_FILE);
  }
  const data: Record<string, unknown> = {};
  if (json !== null) {
    parseWorkspaceConfig(json, CONFIG_FILE); // a broken file is left as it is, named in the error
    Object.assign(data, JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json) as Record<string, unknown>);
  }
  const rules = data.boilerplateRules ?? [];
  if (!Array.isArray(rules))
    throw new TahrirError(
      'invalid-argument',
      'boilerplateRules: must be a list of rules; nothing was added',
      CONFIG_FILE,
    );
  const same = rules.find(
    (r: WorkspaceBoilerplateRule) => r?.pattern === rule.pattern && (r.flags ?? '') === (rule.flags ?? ''),
  );
  if (same) return same as WorkspaceBoilerplateRule;
  const ids = new Set(rules.map((r: WorkspaceBoilerplateRule) => r?.id));
  let id = rule.id;
  for (let n = 2; ids.has(id); n++) id = `${rule.id}-${n}`;
  const added = { ...rule, id };
  workspaceRule(added, rules.length, CONFIG_FILE); // throws naming the rule when its pattern does not compile
  data.boilerplateRules = [...rules, added];
  await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`, CONFIG_FILE);
  return added;
}
