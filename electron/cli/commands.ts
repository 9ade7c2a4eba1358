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
  run(args: string[]): Promise<number>;
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

const runExport = async (args: string[]) => (await import('./export')).run(args);
const runImport = async (args: string[]) => (await import('./import')).run(args);
const runLearn = async (args: string[]) => (await import('./learn')).run(args);
const runServe = async (args: string[]) => (await import('./serve')).run(args);
const runStats = async (args: string[]) => (await import('./stats')).run(args);
const runNerEval = async (args: string[]) => (await import('./ner-eval')).run(args);
const runSuggest = async (args: string[]) => (await import('./suggest')).run(args);
const runValidate = async (args: string[]) => (await import('./validate')).run(args);
const runGitSetup = async (args: string[]) => (await import('./git-setup')).run(args);
const runMergeDriver = async (args: string[]) => (await import('./merge-driver')).run(args);
const runAgree = async (args: string[]) => (await import('./agree')).run(args);
const runAssign = async (args: string[]) => (await import('./assign')).run(args);

export const COMMANDS: Record<CommandName, Command> = {
  validate: { run: runValidate, walksDocuments: true },
  stats: { run: runStats, walksDocuments: true },
  serve: { run: runServe },
  suggest: { run: runSuggest },
  learn: { run: runLearn, walksDocuments: true },
  'ner-eval': { run: runNerEval },
  export: { run: runExport, walksDocuments: true },
  import: { run: runImport, walksDocuments: true },
  'git-setup': { run: runGitSetup },
  agree: { run: runAgree, walksDocuments: true },
  assign: { run: runAssign },
  'merge-driver': { run: runMergeDriver },
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
    return await command.run(args);
  } catch (e) {
    if (isTahrirError(e)) {
      process.stderr.write(`tahrir ${name}: ${e.message}\n`);
      return e.code === 'invalid-argument' ? 2 : 1;
    }
    process.stderr.write(`tahrir ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
