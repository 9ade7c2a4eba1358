// The `tahrir` command table and dispatcher. Each command module exports
// `run(args): Promise<number>` (exit code: 0 ok, 1 data error, 2 usage error).
// Command modules load on first use: every run pays only for the one it needs (an export
// never initialises the HTTP server, the boilerplate rules or the import formats).
import { isTahrirError } from '../../shared/errors';

interface Command {
  usage: string;
  summary: string;
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
const runSuggest = async (args: string[]) => (await import('./suggest')).run(args);
const runValidate = async (args: string[]) => (await import('./validate')).run(args);

export const COMMANDS: Record<string, Command> = {
  validate: { usage: 'tahrir validate <folder> [--json]', summary: 'check every sidecar; exit 1 naming each file and problem', run: runValidate, walksDocuments: true },
  stats: { usage: 'tahrir stats <folder> [--json]', summary: 'documents per status, spans per label, quotes with and without speaker', run: runStats, walksDocuments: true },
  serve: { usage: 'tahrir serve <folder> [--port N] [--open]', summary: 'the editor in a browser on 127.0.0.1', run: runServe },
  suggest: { usage: 'tahrir suggest <file.txt> [--workspace DIR] [--json]', summary: 'boilerplate and normalization suggestions for one document, with its site\'s template', run: runSuggest },
  learn: { usage: 'tahrir learn <folder> [--forget] [--json]', summary: "count each site's template lines and learn from the editor's boilerplate decisions", run: runLearn, walksDocuments: true },
  export: { usage: 'tahrir export <folder> --format F [--out PATH] [--status done] [--split 80,10,10 --seed N]', summary: 'write the labeled dataset', run: runExport, walksDocuments: true },
  import: { usage: 'tahrir import <folder> --format F --from PATH', summary: 'bring pre-annotations into sidecars', run: runImport, walksDocuments: true },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `usage: tahrir <command> [arguments]\n\n${lines.join('\n')}\n`;
}

/** Runs one `tahrir` invocation; never throws (a stray error becomes one line and exit 1). */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`tahrir: unknown command "${name}"\n${usage()}`);
    return 2;
  }
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

