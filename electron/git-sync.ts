// Sync from the app (Teams), for editors who never use git: commit the changed sidecars (and the
// workspace's shared files) with a readable message, pull through the merge driver (set up
// first when this clone lacks it), push (after another pull when the remote moved on, a few
// times), and report what came in, from whom, and what conflicts. The system `git`, run without a
// shell and never prompting (GIT_TERMINAL_PROMPT=0, ssh in batch mode). Nothing uncommitted is
// thrown away: no `reset --hard`, no `stash`; a merge git refuses for local changes is reported,
// one it cannot settle outside the sidecars is aborted (git's `merge --abort` keeps local changes).
// Documents the assignment gives this annotator and another go to `annotators/<name>` only, built
// from a private index so the working tree and the current branch are left as they are.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncProblem, SyncProblemReason, SyncReport, SyncRequest, SyncStatus, SyncStep } from '../shared/api';
import { ASSIGNMENT_FILE, ASSIGNMENT_FORMAT, type Assignment } from '../shared/assignment';
import {
  annotatorBranch,
  doublyAssignedTo,
  filesToCommit,
  gitProblemOf,
  isSidecarPath,
  isTextPath,
  parseStatus,
  syncCommitMessage,
  type ChangedFile,
} from '../shared/git-sync';
import { documentIdOfSidecar, SIDECAR_SUFFIX } from '../shared/workspace-layout';
import { ATTRIBUTES_LINE, gitSetup } from './git-setup';
import { mergeSidecarTexts, textLookup } from './git-merge-driver';
import { writeFileAtomic } from './sidecar-store';

/** Pushes refused because the remote moved on, each followed by a pull, before giving up. */
export const PUSH_ATTEMPTS = 5;

export interface SyncOptions {
  /** The merge driver's command line (git-setup's), when this clone lacks it. */
  mergeDriver: string;
  /** The git program (tests: one that is not there). */
  git?: string;
  /** Each step as it starts (the status line's progress). */
  onStep?: (step: SyncStep, attempt?: number) => void;
}

interface GitResult {
  code: number;
  out: string;
  err: string;
  /** git itself could not be started (not installed, not on PATH). */
  missing?: boolean;
}

/** A git problem that ends the sync, reported rather than thrown through the hosts. */
class SyncStop extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.message);
  }
}

const stop = (reason: SyncProblemReason, message: string, files?: string[]): never => {
  throw new SyncStop(files ? { reason, message, files } : { reason, message });
};

/** The environment of every git run: never a prompt (it would hang the sync), English messages to read. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_MERGE_AUTOEDIT: 'no', LC_ALL: 'C' };
  env.GIT_SSH_COMMAND ??= 'ssh -o BatchMode=yes';
  delete env.GIT_ASKPASS;
  delete env.SSH_ASKPASS;
  return env;
}

function runGit(
  git: string,
  cwd: string,
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = gitEnv(),
): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn(git, ['-c', 'core.quotePath=false', ...args], {
      cwd,
      env,
      windowsHide: true,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ code: -1, out, err: e.message, missing: e.code === 'ENOENT' }),
    );
    child.on('close', (code) => resolve({ code: code ?? -1, out, err: err.trim() }));
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** One clone's git, from the workspace folder (which may be a folder inside the repository). */
class Repo {
  /** The repository's top folder, and the workspace's path inside it (`''` or `corpus/`). */
  top = '';
  prefix = '';
  private constructor(
    readonly git: string,
    readonly workspace: string,
  ) {}

  static async open(git: string, workspace: string): Promise<Repo> {
    const repo = new Repo(git, workspace);
    const r = await runGit(git, workspace, ['rev-parse', '--show-toplevel', '--show-prefix']);
    if (r.missing)
      stop('no-git', 'git is not installed (or not on PATH): install git to sync, e.g. from https://git-scm.com');
    if (r.code !== 0)
      stop(
        'not-a-repository',
        `${workspace} is not in a git repository: clone the team's repository and open that folder (${r.err})`,
      );
    const [top, prefix = ''] = r.out.split('\n');
    repo.top = top;
    repo.prefix = prefix.trim();
    return repo;
  }

  run(args: string[], input?: string): Promise<GitResult> {
    return runGit(this.git, this.top, args, input);
  }

  /** Runs git; a failure ends the sync, read as auth or network when git's words say so. */
  async ok(args: string[], what: string, input?: string): Promise<string> {
    const r = await this.run(args, input);
    if (r.code !== 0) stop(gitProblemOf(r.err) ?? 'git-failed', `${what} failed: ${r.err || r.out}`);
    return r.out;
  }

  /** A path from the repository's top as a path in the workspace; null when outside it. */
  inWorkspace(path: string): string | null {
    return path.startsWith(this.prefix) ? path.slice(this.prefix.length) : null;
  }

  /** `git status` of the workspace's folder (untracked files one by one), paths relative to the workspace. */
  async status(): Promise<ReturnType<typeof parseStatus>> {
    const out = await this.ok(
      ['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--', this.prefix || '.'],
      'git status',
    );
    const status = parseStatus(out);
    status.changed = status.changed.flatMap((f) => {
      const path = this.inWorkspace(f.path);
      return path === null ? [] : [{ ...f, path }];
    });
    return status;
  }

  /** NUL-separated pathspecs of workspace paths, for `--pathspec-from-file=- --pathspec-file-nul`. */
  pathspecs(paths: readonly string[]): string {
    return paths.map((p) => `${this.prefix}${p}`).join('\0');
  }
}

/** The upstream of the branch checked out: its remote and the remote's branch; a clear stop when there is none. */
async function upstreamOf(repo: Repo): Promise<{ branch: string; remote: string; merge: string; upstream: string }> {
  const head = await repo.run(['symbolic-ref', '-q', '--short', 'HEAD']);
  if (head.code !== 0) stop('no-upstream', 'no branch is checked out (a detached HEAD): check out the team branch');
  const branch = head.out.trim();
  const remote = (await repo.run(['config', '--get', `branch.${branch}.remote`])).out.trim();
  const merge = (await repo.run(['config', '--get', `branch.${branch}.merge`])).out.trim();
  if (!remote || !merge) {
    const remotes = (await repo.run(['remote'])).out.trim();
    if (!remotes)
      stop(
        'no-remote',
        `the repository has no remote to sync with: add the team's (git remote add origin URL), or clone it`,
      );
    stop(
      'no-upstream',
      `the branch ${branch} tracks no remote branch: git push -u ${remotes.split('\n')[0]} ${branch} once sets it`,
    );
  }
  const short = merge.replace(/^refs\/heads\//, '');
  return { branch, remote, merge, upstream: remote === '.' ? short : `${remote}/${short}` };
}

/** tahrir-assignment.json's documents, or null (none, or not one). */
export async function readAssignment(workspace: string): Promise<Assignment | null> {
  try {
    const parsed = JSON.parse(await readFile(join(workspace, ASSIGNMENT_FILE), 'utf8')) as Assignment;
    if (parsed?.format !== ASSIGNMENT_FORMAT || typeof parsed.documents !== 'object' || !parsed.documents) return null;
    return parsed;
  } catch {
    return null;
  }
}

/** Is this clone's merge driver configured, and .gitattributes routing sidecars to it? */
async function driverReady(repo: Repo): Promise<boolean> {
  const config = await repo.run(['config', '--get', 'merge.tahrir.driver']);
  const attributes = await readFile(join(repo.workspace, '.gitattributes'), 'utf8').catch(() => '');
  return (
    config.code === 0 && config.out.trim() !== '' && attributes.split(/\r?\n/).some((l) => l.trim() === ATTRIBUTES_LINE)
  );
}

/** The committer's identity when git has none (an editor who never used git): the annotator's name. */
async function identityArgs(repo: Repo, annotator: string): Promise<string[]> {
  const name = (await repo.run(['config', 'user.name'])).out.trim();
  const email = (await repo.run(['config', 'user.email'])).out.trim();
  const who = annotator.trim() || 'Tahrir';
  const args: string[] = [];
  if (!name) args.push('-c', `user.name=${who}`);
  if (!email) args.push('-c', `user.email=${who.replace(/[^\p{L}\p{N}._-]+/gu, '.')}@tahrir.invalid`);
  return args;
}

/** The sidecars of the documents given by `files` whose versions in the working tree differ from `ref`'s. */
async function differFrom(repo: Repo, ref: string, files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const tree = await repo.run(['ls-tree', '-z', ref, '--', ...files.map((f) => `${repo.prefix}${f}`)]);
  const inRef = new Map<string, string>();
  if (tree.code === 0)
    for (const entry of tree.out.split('\0').filter(Boolean)) {
      const [meta, path] = entry.split('\t');
      const local = repo.inWorkspace(path);
      if (local !== null) inRef.set(local, meta.split(' ')[2]);
    }
  const present: string[] = [];
  for (const f of files) if (await fileExists(join(repo.workspace, f))) present.push(f);
  const hashes = present.length
    ? (
        await repo.ok(
          ['hash-object', '--stdin-paths'],
          'git hash-object',
          present.map((f) => `${repo.prefix}${f}`).join('\n') + '\n',
        )
      )
        .trim()
        .split('\n')
    : [];
  const hashOf = new Map(present.map((f, i) => [f, hashes[i]]));
  return files.filter((f) => hashOf.get(f) !== inRef.get(f));
}

async function fileExists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

/** The changed sidecars that are not synced yet: a double-assigned one counts until the annotator's branch has it. */
async function unsyncedSidecars(repo: Repo, changed: readonly ChangedFile[], annotator: string): Promise<string[]> {
  const sidecars = changed.filter((f) => isSidecarPath(f.path)).map((f) => f.path);
  const doubles = doublyAssignedTo(await readAssignment(repo.workspace), annotator);
  const own = sidecars.filter((f) => doubles.has(documentIdOfSidecar(f)));
  if (own.length === 0) return sidecars;
  const ownBranch = `refs/heads/${annotatorBranch(annotator)}`;
  const differing = new Set(await differFrom(repo, ownBranch, own));
  return sidecars.filter((f) => !doubles.has(documentIdOfSidecar(f)) || differing.has(f));
}

/** The status line's figures; git's problems (none installed, no repository, no upstream) as `problem`. */
export async function syncStatus(workspace: string, annotator: string, git = 'git'): Promise<SyncStatus> {
  try {
    const repo = await Repo.open(git, workspace);
    const status = await repo.status();
    const unsynced = await unsyncedSidecars(repo, status.changed, annotator);
    const out: SyncStatus = {
      branch: status.branch,
      upstream: status.upstream,
      ahead: status.ahead,
      behind: status.behind,
      unsynced: unsynced.length,
    };
    if (!status.upstream) {
      try {
        await upstreamOf(repo);
      } catch (e) {
        if (e instanceof SyncStop) out.problem = e.problem;
        else throw e;
      }
    }
    return out;
  } catch (e) {
    if (e instanceof SyncStop)
      return { branch: null, upstream: null, ahead: 0, behind: 0, unsynced: 0, problem: e.problem };
    throw e;
  }
}

/** Documents changed by the commits between `from` and HEAD that are not merges, with who made them. */
async function incomingSince(repo: Repo, from: string): Promise<Map<string, Set<string>>> {
  const out = await repo.ok(
    ['log', '--no-merges', '--format=%x1e%an', '--name-only', `${from}..HEAD`, '--', repo.prefix || '.'],
    'git log',
  );
  const incoming = new Map<string, Set<string>>();
  for (const commit of out.split('\x1e').filter(Boolean)) {
    const [author, ...paths] = commit.split('\n').filter(Boolean);
    for (const path of paths) {
      const local = repo.inWorkspace(path);
      if (local === null || !isSidecarPath(local)) continue;
      const id = documentIdOfSidecar(local);
      if (!incoming.has(id)) incoming.set(id, new Set());
      incoming.get(id)!.add(author);
    }
  }
  return incoming;
}

/**
 * Settles one sidecar git left unmerged, from the index's three stages, with the merge driver's own merge
 * (mergeSidecarTexts): 'clean', or 'conflicts' (written into the file as structured conflicts, for the queue);
 * null when it is git's question (deleted on one side) or a side is no sidecar (then the merge is undone).
 */
async function settleSidecar(repo: Repo, path: string): Promise<'clean' | 'conflicts' | null> {
  const stage = async (n: number) => {
    const r = await repo.run(['show', `:${n}:${path}`]);
    return r.code === 0 ? r.out : null;
  };
  const [base, mine, theirs] = [await stage(1), await stage(2), await stage(3)];
  if (mine === null || theirs === null) return null;
  try {
    const merged = await mergeSidecarTexts(base, mine, theirs, path, textLookup(repo.top, path, gitEnv()));
    await writeFileAtomic(join(repo.top, path), merged.text);
    return merged.conflicts.length > 0 ? 'conflicts' : 'clean';
  } catch {
    return null;
  }
}

/**
 * Merges the upstream into the branch (fetched just before). Sidecars changed on both sides are merged here, in
 * this process, by the merge driver's own merge: git is told to leave them to us (`false` as the driver), because a
 * packaged app cannot run its own binary as the driver (the runAsNode fuse is off) and a clone's driver line may
 * name a program that moved. A merge whose only unsettled files are sidecars with structured conflicts is
 * committed as it is: the conflicts are in the files, for the queue. Anything else git cannot settle is aborted
 * and named.
 */
async function mergeUpstream(repo: Repo, upstream: string, identity: string[]): Promise<string[]> {
  const merged = await repo.run([
    ...identity,
    '-c',
    'merge.tahrir.driver=false',
    'merge',
    '--no-edit',
    '--no-stat',
    upstream,
  ]);
  if (merged.code === 0) return [];
  const unmerged = (await repo.run(['diff', '--name-only', '-z', '--diff-filter=U'])).out.split('\0').filter(Boolean);
  const inMerge = (await repo.run(['rev-parse', '-q', '--verify', 'MERGE_HEAD'])).code === 0;
  if (!inMerge) {
    // git refused to start: local changes (uncommitted texts, say) that the merge would overwrite.
    const files = [...(merged.err + merged.out).matchAll(/^\t(.+)$/gm)].map((m) => repo.inWorkspace(m[1]) ?? m[1]);
    stop(
      'local-changes',
      `the pull would overwrite changes not committed here (${files.join(', ') || 'see git status'}): ` +
        `commit or move them, then sync again (${merged.err.split('\n')[0]})`,
      files,
    );
  }
  const settled: string[] = [];
  const conflicted: string[] = [];
  const others: string[] = [];
  for (const path of unmerged) {
    const local = repo.inWorkspace(path);
    const outcome = local !== null && isSidecarPath(local) ? await settleSidecar(repo, path) : null;
    if (outcome === 'clean') settled.push(local!);
    else if (outcome === 'conflicts') conflicted.push(local!);
    else others.push(local ?? path);
  }
  if (others.length > 0 || unmerged.length === 0) {
    await repo.run(['merge', '--abort']);
    stop(
      'merge-failed',
      `the pull could not be merged: ${others.join(', ') || 'git stopped'} changed here and on the remote in ways ` +
        `only git can settle (git pull, then resolve them); nothing was lost: the merge was undone`,
      others,
    );
  }
  await repo.ok(
    ['add', '--pathspec-from-file=-', '--pathspec-file-nul'],
    'git add',
    repo.pathspecs([...settled, ...conflicted]),
  );
  await repo.ok([...identity, 'commit', '-q', '--no-edit', '--no-verify'], 'committing the merge');
  return conflicted.map(documentIdOfSidecar);
}

/**
 * The documents whose sidecar a push would send (changed between the upstream and HEAD) still holding structured
 * conflicts. One `git grep` over HEAD finds the candidates; only those are read.
 */
async function unsettledToSend(repo: Repo, upstream: string): Promise<string[]> {
  const where = ['--', `${repo.prefix}*${SIDECAR_SUFFIX}`];
  const holding = await repo.run(['grep', '-l', '-z', '-F', '"conflicts": [', 'HEAD', ...where]);
  if (holding.code !== 0) return [];
  const changed = new Set(
    (await repo.ok(['diff', '--name-only', '-z', upstream, 'HEAD', ...where], 'git diff')).split('\0'),
  );
  const ids: string[] = [];
  for (const found of holding.out.split('\0')) {
    const path = found.slice('HEAD:'.length);
    const local = repo.inWorkspace(path);
    if (!found.startsWith('HEAD:') || !changed.has(path) || local === null) continue;
    const shown = await repo.run(['show', found]);
    if (shown.code === 0 && holdsConflicts(shown.out)) ids.push(documentIdOfSidecar(local));
  }
  return ids;
}

function holdsConflicts(json: string): boolean {
  try {
    const conflicts = (JSON.parse(json) as { conflicts?: unknown }).conflicts;
    return Array.isArray(conflicts) && conflicts.length > 0;
  } catch {
    return false;
  }
}

/** Pulls: fetches, merges, and gathers what came in. */
async function pull(
  repo: Repo,
  up: { remote: string; upstream: string },
  identity: string[],
  report: SyncReport,
  incoming: Map<string, Set<string>>,
): Promise<void> {
  await repo.ok(['fetch', '--quiet', up.remote], `fetching from ${up.remote}`);
  const before = (await repo.ok(['rev-parse', 'HEAD'], 'git rev-parse')).trim();
  const conflicts = await mergeUpstream(repo, up.upstream, identity);
  for (const [id, who] of await incomingSince(repo, before)) {
    if (!incoming.has(id)) incoming.set(id, new Set());
    for (const w of who) incoming.get(id)!.add(w);
  }
  for (const id of conflicts) if (!report.conflicts.includes(id)) report.conflicts.push(id);
}

/** The working tree's `files` (workspace paths) over HEAD's tree, committed onto the annotator's branch and pushed. */
async function pushOwnBranch(
  repo: Repo,
  remote: string,
  branch: string,
  files: string[],
  message: string,
  identity: string[],
): Promise<boolean> {
  const ref = `refs/heads/${branch}`;
  await repo.run(['fetch', '--quiet', remote, `+${ref}:refs/remotes/${remote}/${branch}`]);
  const remoteTip = await repo.run(['rev-parse', '-q', '--verify', `refs/remotes/${remote}/${branch}`]);
  const localTip = await repo.run(['rev-parse', '-q', '--verify', ref]);
  const previous = (remoteTip.code === 0 ? remoteTip.out : localTip.code === 0 ? localTip.out : '').trim();
  // Its history follows the team branch's: HEAD is a parent too when the branch has not got it yet.
  const head = (await repo.ok(['rev-parse', 'HEAD'], 'git rev-parse')).trim();
  const hasHead = previous !== '' && (await repo.run(['merge-base', '--is-ancestor', head, previous])).code === 0;
  const parents = previous === '' ? [head] : hasHead ? [previous] : [previous, head];
  const gitDir = (await repo.ok(['rev-parse', '--absolute-git-dir'], 'git rev-parse')).trim();
  const indexFile = join(gitDir, `tahrir-sync-index-${process.pid}`);
  try {
    // A private index: HEAD's tree (the team's latest) with this annotator's versions laid over it.
    await gitWithIndex(repo, indexFile, ['read-tree', 'HEAD']);
    await gitWithIndex(
      repo,
      indexFile,
      ['update-index', '--add', '--remove', '-z', '--stdin'],
      files.map((f) => `${repo.prefix}${f}`).join('\0') + '\0',
    );
    const tree = (await gitWithIndex(repo, indexFile, ['write-tree'])).trim();
    if (previous && (await repo.ok(['rev-parse', `${previous}^{tree}`], 'git rev-parse')).trim() === tree) return false;
    const commit = (
      await repo.ok(
        [...identity, 'commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'],
        'git commit-tree',
        message,
      )
    ).trim();
    await repo.ok(['update-ref', ref, commit], 'git update-ref');
    await repo.ok(['push', '--quiet', remote, `${ref}:${ref}`], `pushing ${branch}`);
    return true;
  } finally {
    await rm(indexFile, { force: true });
  }
}

async function gitWithIndex(repo: Repo, indexFile: string, args: string[], input?: string): Promise<string> {
  const r = await runGit(repo.git, repo.top, args, input, { ...gitEnv(), GIT_INDEX_FILE: indexFile });
  if (r.code !== 0) stop('git-failed', `git ${args[0]} (the annotator's branch) failed: ${r.err.trim()}`);
  return r.out;
}

/** One sync of `workspace`; git's problems end it with `problem` set (what was done before stays in the report). */
export async function syncWorkspace(
  workspace: string,
  request: SyncRequest,
  options: SyncOptions,
): Promise<SyncReport> {
  const git = options.git ?? 'git';
  const annotator = request.annotator.trim();
  const report: SyncReport = {
    committed: [],
    setUp: [],
    incoming: [],
    conflicts: [],
    pushed: false,
    retries: 0,
    textsLeft: [],
    status: { branch: null, upstream: null, ahead: 0, behind: 0, unsynced: 0 },
  };
  const incoming = new Map<string, Set<string>>();
  try {
    const repo = await Repo.open(git, workspace);
    if ((await repo.run(['rev-parse', '-q', '--verify', 'MERGE_HEAD'])).code === 0)
      stop(
        'merge-in-progress',
        'a git merge is in progress in this clone (begun outside Tahrir): ' +
          'finish it (git commit) or undo it (git merge --abort), then sync',
      );
    const up = await upstreamOf(repo);
    if (!(await driverReady(repo))) report.setUp = (await gitSetup(workspace, options.mergeDriver)).changed;
    const identity = await identityArgs(repo, annotator);

    // Commit the changed sidecars and shared files (a double-assigned document's goes to the annotator's branch).
    options.onStep?.('committing');
    const status = await repo.status();
    const doubles = doublyAssignedTo(await readAssignment(workspace), annotator);
    const isOwn = (path: string) => isSidecarPath(path) && doubles.has(documentIdOfSidecar(path));
    const toCommit = filesToCommit(status.changed, request.texts === true).filter(
      (f) => !isOwn(f.path) && f.change !== 'conflicted',
    );
    report.textsLeft = request.texts ? [] : status.changed.filter((f) => isTextPath(f.path)).map((f) => f.path);
    if (toCommit.length > 0) {
      const paths = toCommit.map((f) => f.path);
      const message = syncCommitMessage(annotator, paths);
      await repo.ok(['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], 'git add', repo.pathspecs(paths));
      // Only these paths, whatever else the editor staged by hand.
      await repo.ok(
        [
          ...identity,
          'commit',
          '-q',
          '--no-verify',
          '-F',
          '-',
          '--only',
          '--',
          ...paths.map((p) => `${repo.prefix}${p}`),
        ],
        'git commit',
        message,
      );
      report.committed = paths.filter(isSidecarPath).map(documentIdOfSidecar);
      report.message = message.trim();
    }

    // Pull, push; a push refused because someone pushed first: pull again and push again.
    options.onStep?.('pulling');
    await pull(repo, up, identity, report, incoming);
    // A merge left here with conflicts (an earlier Sync's, or one committed by hand) is sent once settled, not
    // before: a second Sync pushed it, and every clone pulled the unsettled file, its "mine" the merger's.
    if (report.conflicts.length === 0) report.conflicts.push(...(await unsettledToSend(repo, up.upstream)));
    if (report.conflicts.length === 0) {
      for (let attempt = 1; ; attempt++) {
        const ahead = (await repo.ok(['rev-list', '--count', `${up.upstream}..HEAD`], 'git rev-list')).trim();
        if (ahead === '0') break;
        options.onStep?.('pushing', attempt);
        const pushed = await repo.run(['push', '--porcelain', up.remote, `HEAD:${up.merge}`]);
        if (pushed.code === 0) {
          report.pushed = true;
          break;
        }
        const problem = gitProblemOf(pushed.err);
        if (problem) stop(problem, `pushing to ${up.remote} failed: ${pushed.err}`);
        if (
          !/\[rejected\]|\[remote rejected\]|fetch first|non-fast-forward|failed to (update|lock)|cannot lock/.test(
            pushed.err + pushed.out,
          )
        )
          stop('git-failed', `pushing to ${up.remote} failed: ${pushed.err || pushed.out}`);
        if (attempt >= PUSH_ATTEMPTS)
          stop(
            'push-rejected',
            `the remote kept moving: ${PUSH_ATTEMPTS} pushes were refused because others pushed first; sync again`,
          );
        report.retries++;
        options.onStep?.('pulling', attempt + 1);
        await pull(repo, up, identity, report, incoming);
        if (report.conflicts.length > 0) break;
      }
    }

    // The annotator's own versions of the documents assigned to two.
    const own = (await repo.status()).changed.filter((f) => isOwn(f.path)).map((f) => f.path);
    if (own.length > 0) {
      options.onStep?.('own-branch');
      const branch = annotatorBranch(annotator);
      const pushed = await pushOwnBranch(repo, up.remote, branch, own, syncCommitMessage(annotator, own), identity);
      report.ownBranch = { branch, documents: own.map(documentIdOfSidecar), pushed };
    }
  } catch (e) {
    if (!(e instanceof SyncStop)) throw e;
    report.problem = e.problem;
  }
  report.incoming = [...incoming].map(([id, by]) => ({ id, by: [...by].sort() }));
  report.incoming.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  report.status = await syncStatus(workspace, annotator, git);
  return report;
}
