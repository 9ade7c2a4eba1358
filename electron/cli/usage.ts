// What every `tahrir` command takes and does, in one place: the command list (`tahrir --help`),
// each command's `--help`, and the usage line after a usage error all read it from here.

export type CommandName =
  | 'validate'
  | 'stats'
  | 'serve'
  | 'suggest'
  | 'learn'
  | 'ner-eval'
  | 'quote-eval'
  | 'export'
  | 'import'
  | 'git-setup'
  | 'agree'
  | 'assign'
  | 'merge-driver';

interface CommandHelp {
  /** The arguments, after `tahrir <name> `. */
  args: string;
  /** One line for the command list. */
  summary: string;
  /** More lines for the command's own --help. */
  details?: string[];
}

export const COMMAND_HELP: Record<CommandName, CommandHelp> = {
  validate: { args: '<folder> [--json]', summary: 'check every sidecar; exit 1 naming each file and problem' },
  stats: {
    args: '<folder> [--json] [--html FILE [--lang en|ar]]',
    summary:
      'documents per status, spans per label, quotes with and without speaker; --html FILE: the progress charts ' +
      'in one page (--lang ar: in Arabic, right to left)',
  },
  serve: {
    args: '<folder> [--port N] [--open | --no-open]',
    summary: 'the editor in a browser on 127.0.0.1',
    details: [
      'Serves the editor on http://127.0.0.1 (any free port unless --port is given).',
      '--open opens it in the system browser (not with BROWSER=none, nor on Linux without a display).',
    ],
  },
  suggest: {
    args: '<file.txt> [--workspace DIR] [--entities] [--quotes] [--json]',
    summary:
      "boilerplate and normalization suggestions for one document, with its site's template; entity and quote " +
      'suggestions',
  },
  learn: {
    args: '<folder> [--forget] [--json]',
    summary: "count each site's template lines and learn from the editor's boilerplate decisions",
  },
  'ner-eval': {
    args:
      '--train TRAIN.conll[:FROM-TO] --test TEST.conll[:FROM-TO] [--label-map FILE] [--curve] [--epochs N] ' +
      '[--unlabeled FOLDER] [--seed N] [--save-model FILE]',
    summary:
      'train the entity tagger and score it: P/R/F1 per label, micro over PERSON/ORG/GPE/LOC; as in a workspace, ' +
      "the training and test sentences' words (not their tags) are its untagged text, with FOLDER's .txt files",
  },
  'quote-eval': {
    args: '--gold FILE [--corpus DIR] [--half dev|dev2…dev44|test|all] [--json]',
    summary:
      'score the quote finder on hand-labelled articles: P/R/F1 per language and kind (50% overlap), ' +
      'and how often the suggested speaker of a found direct quote is right',
  },
  export: {
    args:
      '<folder> --format jsonl|conll|hf|brat|w3c|labelstudio [--out PATH] [--status todo|in_progress|done] ' +
      '[--split 80,10,10 --seed N] [--json]',
    summary: 'write the labeled dataset',
  },
  import: {
    args: '<folder> --format brat|jsonl|conll|labelstudio --from PATH [--annotator NAME] [--json]',
    summary: 'bring pre-annotations into sidecars',
  },
  'git-setup': { args: '<workspace>', summary: 'make git merge sidecars by id (.gitattributes and the merge driver)' },
  agree: {
    args: '<workspace> --between REV_OR_FOLDER REV_OR_FOLDER… [--json] [--top N]',
    summary: 'inter-annotator agreement between versions (git revisions or folders)',
  },
  assign: {
    args: '<workspace> --annotators a,b,c [--overlap 0.2] [--seed N]',
    summary: 'assign documents to annotators, a share to two (tahrir-assignment.json)',
  },
  'merge-driver': { args: '%O %A %B %P', summary: 'the git merge driver for sidecars (git runs it)' },
};

/** `usage: tahrir <name> <args>`, as printed after a usage error. */
export function usageOf(name: CommandName): string {
  return `usage: tahrir ${name} ${COMMAND_HELP[name].args}`;
}

/** What `tahrir <name> --help` prints. */
export function helpOf(name: CommandName): string {
  const help = COMMAND_HELP[name];
  return [usageOf(name), `  ${help.summary}`, ...(help.details ?? []).map((d) => `  ${d}`)].join('\n') + '\n';
}

/** What `tahrir --help` prints: every command. */
export function commandList(): string {
  const lines = (Object.keys(COMMAND_HELP) as CommandName[]).map(
    (name) => `  tahrir ${name} ${COMMAND_HELP[name].args}\n      ${COMMAND_HELP[name].summary}`,
  );
  return `usage: tahrir <command> [arguments]\n\n${lines.join('\n')}\n`;
}

/** Does the command line ask for help (`--help` or `-h` before any `--`)? */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
