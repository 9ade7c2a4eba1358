// Argument parsing shared by the `tahrir` commands: positionals, `--flag`, `--option value`
// (or `--option=value`). A usage error is a TahrirError 'invalid-argument' (exit code 2).
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TahrirError } from '../../shared/errors';

export interface CommandLine {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function usageError(message: string, usage: string): TahrirError {
  return new TahrirError('invalid-argument', `${message}\n${usage}`);
}

export function parseCommandLine(args: readonly string[], usage: string, known: { flags?: string[]; options?: string[] } = {}): CommandLine {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw usageError(`unknown option ${arg}`, usage);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (known.flags?.includes(name)) {
      if (eq >= 0) throw usageError(`--${name} takes no value`, usage);
      flags.add(name);
    } else if (known.options?.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw usageError(`--${name} needs a value`, usage);
      options.set(name, value);
    } else throw usageError(`unknown option --${name}`, usage);
  }
  return { positionals, flags, options };
}

/** The one workspace folder argument, resolved; a usage error when missing or not a folder. */
export async function folderArgument(line: CommandLine, usage: string): Promise<string> {
  if (line.positionals.length === 0) throw usageError('a folder is needed', usage);
  if (line.positionals.length > 1) throw usageError(`one folder only (got ${line.positionals.length}: ${line.positionals.join(' ')})`, usage);
  const folder = resolve(line.positionals[0]);
  const info = await stat(folder).catch(() => null);
  if (!info) throw new TahrirError('invalid-argument', `the folder ${line.positionals[0]} does not exist`, undefined, { path: folder });
  if (!info.isDirectory()) throw new TahrirError('invalid-argument', `${line.positionals[0]} is not a folder`, undefined, { path: folder });
  return folder;
}
