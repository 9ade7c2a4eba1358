// Argument parsing shared by the `tahrir` commands, on Node's util.parseArgs: positionals,
// `--flag`, `--option value` (or `--option=value`), `--` ending the options. The same mistake
// gets the same words in every command. A usage error is a TahrirError 'invalid-argument'
// (exit code 2) ending with the command's usage line.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TahrirError } from '../../shared/errors';
import { usageOf, type CommandName } from './usage';

export interface CommandLine {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function usageError(message: string, usage: string): TahrirError {
  return new TahrirError('invalid-argument', `${message}\n${usage}`);
}

export function parseCommandLine(
  args: readonly string[],
  usage: string,
  known: {
    flags?: string[];
    options?: string[];
    /** A command's own words for an option given without a value (default: "--name needs a value"). */
    noValue?: Record<string, string>;
  } = {},
): CommandLine {
  const flagNames = known.flags ?? [];
  const optionNames = known.options ?? [];
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries([
      ...flagNames.map((name) => [name, { type: 'boolean' as const }]),
      ...optionNames.map((name) => [name, { type: 'string' as const }]),
    ]),
    // Checked below, to say each mistake in our words (and name an unknown option as it was typed).
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (flagNames.includes(token.name)) {
      if (token.inlineValue) throw usageError(`${token.rawName} takes no value`, usage);
      flags.add(token.name);
    } else if (optionNames.includes(token.name)) {
      if (token.value === undefined || token.value === '')
        throw usageError(known.noValue?.[token.name] ?? `${token.rawName} needs a value`, usage);
      options.set(token.name, token.value);
    } else throw usageError(`unknown option ${token.rawName}`, usage);
  }
  return { positionals, flags, options };
}

/** The one workspace folder argument, resolved; a usage error when missing or not a folder. */
export async function folderArgument(line: CommandLine, usage: string): Promise<string> {
  if (line.positionals.length === 0) throw usageError('a folder is needed', usage);
  if (line.positionals.length > 1)
    throw usageError(`one folder only (got ${line.positionals.length}: ${line.positionals.join(' ')})`, usage);
  const folder = resolve(line.positionals[0]);
  const info = await stat(folder).catch(() => null);
  if (!info)
    throw new TahrirError('invalid-argument', `the folder ${line.positionals[0]} does not exist`, undefined, {
      path: folder,
    });
  if (!info.isDirectory())
    throw new TahrirError('invalid-argument', `${line.positionals[0]} is not a folder`, undefined, { path: folder });
  return folder;
}

/** Says a usage mistake as every command says it (the mistake, then the usage line); exit code 2. */
export function usageProblem(name: CommandName, problem: string): number {
  process.stderr.write(`tahrir ${name}: ${problem}\n${usageOf(name)}\n`);
  return 2;
}

/** The workspace folder named on the command line, resolved; undefined after saying it is not a folder. */
export async function existingFolder(name: CommandName, folder: string): Promise<string | undefined> {
  const root = resolve(folder);
  if ((await stat(root).catch(() => null))?.isDirectory()) return root;
  process.stderr.write(`tahrir ${name}: ${folder}: no such folder\n`);
  return undefined;
}
