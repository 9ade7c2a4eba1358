// The `tahrir` command table and dispatcher. Each command module exports
// `run(args): Promise<number>` (exit code: 0 ok, 1 data error, 2 usage error).
// Command modules load on first use: every run pays only for the one it needs (an export
// never initialises the HTTP server, the boilerplate rules or the import formats).
// Usage text lives in usage.ts; `--help` (or -h) on any command prints its help here, before
// the command's module loads.
import { isTahrirError } from '../../shared/errors';
import { asksForHelp, commandList, helpOf } from './usage';
import type { CommandName } from './usage';

interface Command {
  /** The command's module, loaded on first use (a literal path each, for the bundler to follow). */
  load(): Promise<{ run(args: string[]): Promise<number> }>;
  /** Reads the workspace's documents one after the other (see keepYoungGenerationSmall). */
  walksDocuments?: boolean;
}

/**
 * A run that reads documents one at a time makes a stream of short-lived objects, on which V8
 * doubles its young generation again and again (to 32 MB): 10,000 documents peaked 12 MB above
 * 1,000 for no speed. Kept at its first size, peak memory stays flat and the run is, if anything,
 * faster. (node:v8 loads only here: it pulls in the stream modules, a cost --help need not pay.)
 */
async function keepYoungGenerationSmall(): Promise<void> {
  (await import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
}

export const COMMANDS: Record<CommandName, Command> = {
  validate: { load: () => import('./validate'), walksDocuments: true },
  stats: { load: () => import('./stats'), walksDocuments: true },
  serve: { load: () => import('./serve') },
  suggest: { load: () => import('./suggest') },
  learn: { load: () => import('./learn'), walksDocuments: true },
  'ner-eval': { load: () => import('./ner-eval') },
  'quote-eval': { load: () => import('./quote-eval') },
  export: { load: () => import('./export'), walksDocuments: true },
  import: { load: () => import('./import'), walksDocuments: true },
  'git-setup': { load: () => import('./git-setup') },
  agree: { load: () => import('./agree'), walksDocuments: true },
  assign: { load: () => import('./assign') },
  'merge-driver': { load: () => import('./merge-driver') },
};

export function usage(): string {
  return commandList();
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** Runs one `tahrir` invocation; never throws (a stray error becomes one line and exit 1). */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  if (!isCommandName(name)) {
    process.stderr.write(`tahrir: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  if (asksForHelp(args)) {
    process.stdout.write(helpOf(name));
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (command.walksDocuments) await keepYoungGenerationSmall();
    return await (await command.load()).run(args);
  } catch (e) {
    if (isTahrirError(e)) {
      process.stderr.write(`tahrir ${name}: ${e.message}\n`);
      return e.code === 'invalid-argument' ? 2 : 1;
    }
    process.stderr.write(`tahrir ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
