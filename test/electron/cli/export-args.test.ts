// `tahrir export`'s arguments: what it reads and, for each mistake, the words it says (the same
// since it moved to the one command-line parser).
import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../electron/cli/export';

const problem = (...args: string[]) => {
  const parsed = parseExportArgs(args);
  return 'problem' in parsed ? parsed.problem : undefined;
};

describe('tahrir export arguments', () => {
  it('reads the folder, the format and the options, as --name value or --name=value', () => {
    expect(
      parseExportArgs([
        'ws',
        '--format',
        'conll',
        '--out=x.conll',
        '--status',
        'done',
        '--split',
        '80, 10,10',
        '--seed=-5',
        '--json',
      ]),
    ).toEqual({
      folder: 'ws',
      format: 'conll',
      out: 'x.conll',
      status: 'done',
      split: [80, 10, 10],
      seed: -5,
      json: true,
    });
    expect(parseExportArgs(['--format=jsonl', 'ws'])).toEqual({ folder: 'ws', format: 'jsonl', json: false });
    expect(parseExportArgs(['ws', '--format', 'hf', '--seed', '7'])).toMatchObject({ seed: 7 });
  });

  it('names each mistake as before', () => {
    const formats = 'one of jsonl, conll, hf, brat, w3c, labelstudio';
    expect(problem('--format', 'jsonl')).toBe('which folder?');
    expect(problem('ws')).toBe(`--format is required (${formats})`);
    expect(problem('ws', '--format', 'xml')).toBe(`unknown format "xml" (${formats})`);
    expect(problem('ws', 'more', '--format', 'jsonl')).toBe('one folder only (got ws and more)');
    expect(problem('ws', '--format', 'jsonl', '--colour')).toBe('unknown option --colour');
    expect(problem('ws', '--format', 'jsonl', '--out')).toBe('--out needs a path');
    expect(problem('ws', '--format', 'jsonl', '--out', '')).toBe('--out needs a path');
    expect(problem('ws', '--format', 'jsonl', '--status', 'finished')).toBe(
      '--status must be one of todo, in_progress, done (got finished)',
    );
    expect(problem('ws', '--format', 'jsonl', '--status')).toBe(
      '--status must be one of todo, in_progress, done (got nothing)',
    );
    const split = '--split needs one to three numbers such as 80,10,10';
    expect(problem('ws', '--format', 'jsonl', '--split', '80,x')).toBe(`${split} (got 80,x)`);
    expect(problem('ws', '--format', 'jsonl', '--split', '1,2,3,4')).toBe(`${split} (got 1,2,3,4)`);
    expect(problem('ws', '--format', 'jsonl', '--split', '0,0')).toBe(`${split} (got 0,0)`);
    expect(problem('ws', '--format', 'jsonl', '--split')).toBe(`${split} (got nothing)`);
    expect(problem('ws', '--format', 'jsonl', '--seed', '1.5')).toBe('--seed needs a whole number (got 1.5)');
    expect(problem('ws', '--format', 'jsonl', '--seed')).toBe('--seed needs a whole number (got nothing)');
  });
});
