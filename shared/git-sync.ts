// Sync (Teams) for editors who never use git: what the back end's sync reads from git's output and
// writes back, as pure functions. The commit message, which files a sync commits, git's
// `status --porcelain=v2 -z` read, and the branch a double-assigned document's version goes to.
import { ASSIGNMENT_FILE, type Assignment } from './assignment';
import { CONFIG_FILE, isSidecarFileName, isTextFileName, textFileOfSidecar } from './workspace-layout';

/** Files at the workspace root a sync commits with the sidecars: the team's shared settings. */
export const WORKSPACE_FILES: readonly string[] = [CONFIG_FILE, ASSIGNMENT_FILE, '.gitattributes'];

/** A file git reports as changed, its path relative to the workspace (`/` separators). */
export interface ChangedFile {
  path: string;
  /** 'untracked': new to git; 'deleted': gone from the folder; 'conflicted': left unmerged by a merge. */
  change: 'modified' | 'untracked' | 'deleted' | 'conflicted';
}

/** `git status --porcelain=v2 --branch -z`, read. */
export interface GitStatus {
  /** The branch checked out; null when detached. */
  branch: string | null;
  /** e.g. `origin/main`; null when the branch tracks none. */
  upstream: string | null;
  ahead: number;
  behind: number;
  /** Paths relative to the repository's top folder. */
  changed: ChangedFile[];
}

/** Reads `git status --porcelain=v2 --branch -z` (paths as git gives them: from the repository's top). */
export function parseStatus(out: string): GitStatus {
  const status: GitStatus = { branch: null, upstream: null, ahead: 0, behind: 0, changed: [] };
  const records = out.split('\0');
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.startsWith('# branch.head ')) {
      const head = r.slice(14);
      status.branch = head === '(detached)' ? null : head;
    } else if (r.startsWith('# branch.upstream ')) status.upstream = r.slice(18);
    else if (r.startsWith('# branch.ab ')) {
      const m = /^\+(\d+) -(\d+)$/.exec(r.slice(12));
      if (m) [status.ahead, status.behind] = [Number(m[1]), Number(m[2])];
    } else if (r.startsWith('1 ') || r.startsWith('2 ')) {
      // `1 XY sub mH mI mW hH hI path`; a rename (2) has a score field, and its old path follows as the next record.
      const fields = r.split(' ');
      const path = fields.slice(r.startsWith('1 ') ? 8 : 9).join(' ');
      const xy = fields[1];
      status.changed.push({ path, change: xy.includes('D') ? 'deleted' : 'modified' });
      if (r.startsWith('2 ')) i++;
    } else if (r.startsWith('u '))
      status.changed.push({ path: r.split(' ').slice(10).join(' '), change: 'conflicted' });
    else if (r.startsWith('? ')) status.changed.push({ path: r.slice(2), change: 'untracked' });
  }
  return status;
}

export const isSidecarPath = (path: string): boolean => isSidecarFileName(path);
export const isTextPath = (path: string): boolean => isTextFileName(path);

/** What a sync commits of the changed files: sidecars, the workspace's shared files, texts only when asked. */
export function filesToCommit(changed: readonly ChangedFile[], texts: boolean): ChangedFile[] {
  return changed.filter(
    (f) => isSidecarPath(f.path) || WORKSPACE_FILES.includes(f.path) || (texts && isTextPath(f.path)),
  );
}

/** How many names a commit's subject lists before "…". */
const NAMED_IN_SUBJECT = 3;

/**
 * The commit message of a sync: "Tahrir: 3 documents annotated by Lina — a.txt, b.txt, c.txt"
 * (the first few named, the rest "…"), then every file in the body. In English: git's history
 * is read by the whole team, whatever language each one's editor speaks.
 */
export function syncCommitMessage(annotator: string, files: readonly string[]): string {
  const documents = files.filter(isSidecarPath).map(textFileOfSidecar);
  const others = files.filter((f) => !isSidecarPath(f));
  const by = annotator ? ` by ${annotator}` : '';
  const named = (list: string[]) =>
    list.length > NAMED_IN_SUBJECT ? `${list.slice(0, NAMED_IN_SUBJECT).join(', ')}, …` : list.join(', ');
  const subject =
    documents.length > 0
      ? `Tahrir: ${documents.length} ${documents.length === 1 ? 'document' : 'documents'} annotated${by} — ` +
        named(documents)
      : `Tahrir: ${named(others)} changed${by}`;
  const body = files.length > NAMED_IN_SUBJECT || others.length > 0 ? `\n\n${files.join('\n')}\n` : '\n';
  return `${subject}${body}`;
}

/**
 * The branch holding an annotator's own versions of the documents assigned to two (issue 18:
 * `annotators/<name>`): the name with what git refuses in a branch name (spaces, `~^:?*[\`, `..`,
 * control characters) replaced by `-`; Arabic and other letters stay.
 */
export function annotatorBranch(name: string): string {
  const slug = name
    .trim()
    .replace(/[\x00-\x20\x7f~^:?*[\\]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/@\{/g, '-')
    .replace(/^[.-]+|[.-]+$|\.lock$/g, '');
  return `annotators/${slug || 'unnamed'}`;
}

/** Is `name` this assignment's `annotator`? Compared trimmed and case-folded (git's user.name may be capitalized). */
export function sameAnnotator(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase() && a.trim() !== '';
}

/** The documents the assignment gives `annotator` (each listed under its annotators). */
export function assignedTo(assignment: Pick<Assignment, 'documents'> | null, annotator: string): Set<string> {
  const out = new Set<string>();
  if (!assignment || !annotator) return out;
  for (const [id, who] of Object.entries(assignment.documents))
    if (who.some((a) => sameAnnotator(a, annotator))) out.add(id);
  return out;
}

/** The documents the assignment gives `annotator` and someone else too: annotated independently, on a branch each. */
export function doublyAssignedTo(assignment: Pick<Assignment, 'documents'> | null, annotator: string): Set<string> {
  const out = new Set<string>();
  if (!assignment || !annotator) return out;
  for (const [id, who] of Object.entries(assignment.documents))
    if (who.length > 1 && who.some((a) => sameAnnotator(a, annotator))) out.add(id);
  return out;
}

/** What a failing git said, read as one of the problems a sync names (its words stay in the message). */
const AUTH_FAILED = new RegExp(
  [
    'Authentication failed',
    'could not read (Username|Password)',
    'terminal prompts disabled',
    'Permission denied \\(publickey',
    'HTTP (401|403)',
    'returned error: 40[13]',
    'Host key verification failed',
  ].join('|'),
  'i',
);
const UNREACHABLE =
  /Could not resolve host|Connection refused|Connection timed out|unable to access|Could not read from remote/i;

export function gitProblemOf(stderr: string): 'auth' | 'network' | null {
  if (AUTH_FAILED.test(stderr)) return 'auth';
  if (UNREACHABLE.test(stderr)) return 'network';
  return null;
}
