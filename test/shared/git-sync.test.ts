// What the Sync reads from git and writes back (shared/git-sync.ts).
import { describe, expect, it } from 'vitest';
import {
  annotatorBranch,
  assignedTo,
  doublyAssignedTo,
  filesToCommit,
  gitProblemOf,
  parseStatus,
  syncCommitMessage,
} from '../../shared/git-sync';

describe('git status --porcelain=v2 --branch -z', () => {
  it('reads the branch, upstream, ahead/behind and every kind of change, Arabic names and spaces as they are', () => {
    const out = [
      '# branch.oid 0123456789abcdef0123456789abcdef01234567',
      '# branch.head main',
      '# branch.upstream origin/main',
      '# branch.ab +2 -3',
      '1 .M N... 100644 100644 100644 aaa bbb news/a.annotations.json',
      '1 D. N... 100644 000000 000000 aaa 000 gone.annotations.json',
      '2 R. N... 100644 100644 100644 aaa bbb R100 new name.annotations.json',
      'old name.annotations.json',
      'u UU N... 100644 100644 100644 100644 a b c أخبار/ب.annotations.json',
      '? أخبار/ج 👍🏽.annotations.json',
      '',
    ].join('\0');
    expect(parseStatus(out)).toEqual({
      branch: 'main',
      upstream: 'origin/main',
      ahead: 2,
      behind: 3,
      changed: [
        { path: 'news/a.annotations.json', change: 'modified' },
        { path: 'gone.annotations.json', change: 'deleted' },
        { path: 'new name.annotations.json', change: 'modified' },
        { path: 'أخبار/ب.annotations.json', change: 'conflicted' },
        { path: 'أخبار/ج 👍🏽.annotations.json', change: 'untracked' },
      ],
    });
  });

  it('a detached HEAD and a branch tracking nothing', () => {
    expect(parseStatus('# branch.oid (initial)\0# branch.head (detached)\0')).toMatchObject({
      branch: null,
      upstream: null,
      ahead: 0,
      behind: 0,
    });
  });
});

describe('what a sync commits', () => {
  const changed = [
    { path: 'a.annotations.json', change: 'modified' as const },
    { path: 'a.txt', change: 'modified' as const },
    { path: 'tahrir-assignment.json', change: 'untracked' as const },
    { path: 'notes.md', change: 'untracked' as const },
    { path: 'sub/tahrir.json', change: 'modified' as const },
  ];
  it('sidecars and the workspace root’s shared files; texts only when asked; nothing else', () => {
    expect(filesToCommit(changed, false).map((f) => f.path)).toEqual(['a.annotations.json', 'tahrir-assignment.json']);
    expect(filesToCommit(changed, true).map((f) => f.path)).toEqual([
      'a.annotations.json',
      'a.txt',
      'tahrir-assignment.json',
    ]);
  });

  it('the message names the documents (three, then …) and the annotator, every file in the body', () => {
    expect(syncCommitMessage('Lina', ['a.annotations.json'])).toBe('Tahrir: 1 document annotated by Lina — a.txt\n');
    const four = ['a.annotations.json', 'b.annotations.json', 'أخبار/ج.annotations.json', 'd.annotations.json'];
    expect(syncCommitMessage('لينا', four)).toBe(
      'Tahrir: 4 documents annotated by لينا — a.txt, b.txt, أخبار/ج.txt, …\n\n' + four.join('\n') + '\n',
    );
    expect(syncCommitMessage('', ['tahrir-assignment.json'])).toBe(
      'Tahrir: tahrir-assignment.json changed\n\ntahrir-assignment.json\n',
    );
  });
});

describe('annotators and their branches', () => {
  it('annotators/<name>, with what git refuses in a branch name replaced', () => {
    expect(annotatorBranch('lina')).toBe('annotators/lina');
    expect(annotatorBranch('Lina Haddad')).toBe('annotators/Lina-Haddad');
    expect(annotatorBranch('لينا')).toBe('annotators/لينا');
    expect(annotatorBranch('a..b:c~d^e?f*g[h\\i')).toBe('annotators/a.b-c-d-e-f-g-h-i');
    expect(annotatorBranch('.x.lock')).toBe('annotators/x');
    expect(annotatorBranch('  ')).toBe('annotators/unnamed');
  });

  it('assigned to me, and to me and another, by name regardless of case', () => {
    const assignment = { documents: { a: ['lina', 'omar'], b: ['Lina'], c: ['omar'] } };
    expect([...assignedTo(assignment, 'LINA')]).toEqual(['a', 'b']);
    expect([...doublyAssignedTo(assignment, 'lina')]).toEqual(['a']);
    expect([...assignedTo(assignment, '')]).toEqual([]);
    expect([...assignedTo(null, 'lina')]).toEqual([]);
  });

  it('git’s words read as a credentials or network problem', () => {
    expect(gitProblemOf("fatal: could not read Username for 'https://h': terminal prompts disabled")).toBe('auth');
    expect(gitProblemOf('git@h: Permission denied (publickey).')).toBe('auth');
    expect(gitProblemOf('fatal: unable to access: Could not resolve host: h')).toBe('network');
    expect(gitProblemOf('! [rejected] HEAD -> main (fetch first)')).toBeNull();
  });
});
