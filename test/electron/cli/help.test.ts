// Every `tahrir` command answers --help (and -h) with its usage, from one table (electron/cli/usage.ts),
// and the same mistake gets the same words whichever command it is made in.
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, usageOf } from '../../../electron/cli/usage';
import type { CommandName } from '../../../electron/cli/usage';
import { parseCommandLine } from '../../../electron/cli/command-line';
import { tempFolder } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const tahrir = useCliBundle();
const NAMES = Object.keys(COMMAND_HELP) as CommandName[];

describe('--help on every command', () => {
  it('prints the usage and exits 0 for every command, with --help or -h, wherever it stands', async () => {
    const folder = await tempFolder();
    for (const name of NAMES) {
      for (const args of [
        [name, '--help'],
        [name, folder, '-h'],
      ]) {
        const r = await tahrir(args);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.stdout, args.join(' ')).toContain(usageOf(name));
        expect(r.stdout).toContain(COMMAND_HELP[name].summary);
        expect(r.stderr).toBe('');
      }
    }
  });

  it('the command list shows each command as its own --help does', async () => {
    const r = await tahrir(['--help']);
    for (const name of NAMES) expect(r.stdout).toContain(`tahrir ${name} ${COMMAND_HELP[name].args}`);
  });

  it('a --help after -- is an argument, not a request for help', async () => {
    const r = await tahrir(['stats', '--', '--help']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the folder --help does not exist');
  });
});

describe('one parser (util.parseArgs), the same words for the same mistake', () => {
  const parse = (args: string[]) => () =>
    parseCommandLine(args, 'usage: tahrir x', { flags: ['json'], options: ['workspace'] });

  it('unknown options, values given to flags, options without values', () => {
    expect(parse(['--frobnicate'])).toThrow(/^unknown option --frobnicate\nusage: tahrir x$/);
    expect(parse(['-x'])).toThrow(/^unknown option -x\n/);
    expect(parse(['--json=yes'])).toThrow(/^--json takes no value\n/);
    expect(parse(['--workspace'])).toThrow(/^--workspace needs a value\n/);
    expect(parse(['--workspace='])).toThrow(/^--workspace needs a value\n/);
  });

  it('positionals, flags, options in both spellings, and -- ending the options', () => {
    const line = parseCommandLine(['a', '--json', '--workspace', 'w', '-', '--', '--json'], 'usage', {
      flags: ['json'],
      options: ['workspace'],
    });
    expect(line.positionals).toEqual(['a', '-', '--json']);
    expect([...line.flags]).toEqual(['json']);
    expect(line.options.get('workspace')).toBe('w');
    expect(parseCommandLine(['--workspace=w=1'], 'usage', { options: ['workspace'] }).options.get('workspace')).toBe(
      'w=1',
    );
  });

  it('the usage line after a mistake is the one --help prints, in every command', async () => {
    const folder = await tempFolder();
    for (const name of ['validate', 'stats', 'learn', 'suggest', 'serve', 'export', 'import'] as CommandName[]) {
      const r = await tahrir([name, folder, '--frobnicate']);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain('unknown option --frobnicate');
      expect(r.stderr, name).toContain(usageOf(name));
    }
  });
});
