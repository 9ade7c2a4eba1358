// `tahrir agree`: reads each annotator's version of the workspace — a plain folder, or a git
// revision of the workspace's repository read with git itself (ls-tree, then one cat-file --batch
// for all its sidecars) — and measures their agreement (shared/agreement.ts) on the documents
// every version has a sidecar for. The text is the workspace's; a sidecar written for another
// text is re-anchored onto it first.
import { spawn, execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { AgreementAccumulator } from '../shared/agreement';
import type { AgreementRun } from '../shared/api';
import { reanchor } from '../shared/anchoring';
import { TahrirError, isTahrirError } from '../shared/errors';
import { errorMessage, message, type Message } from '../shared/i18n/message';
import type { Sidecar } from '../shared/model';
import { parseSidecar } from '../shared/sidecar';
import { SIDECAR_SUFFIX, TEXT_SUFFIX } from '../shared/workspace-layout';
import { readBytesSync, readTextFileSync, type TextFile } from './text-file';
import { encodingFor, readWorkspaceConfig } from './workspace-config';
import { compareIds, findFiles } from './workspace';
import { resolveInside } from './confine';

export interface VersionSource {
  /** As given on the command line. */
  name: string;
  /**
   * Sidecars, workspace-relative with `/`, each with what reads its text. A folder's are read when asked, one at a
   * time: 30,000 short files read ahead through the thread pool and held at once were over half of `tahrir agree`'s
   * CPU (each read's round trips, and the collections of the heap they filled).
   */
  sidecars(): Promise<Map<string, () => string>>;
  /** One sidecar's bytes (workspace-relative with `/`); null when this version has none. */
  sidecar(file: string): Promise<Buffer | null>;
}

function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  return new Promise((done) => {
    execFile('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) =>
      done({ ok: !error, out: String(stdout), err: String(stderr).trim() }),
    );
  });
}

/** Blobs by `REV:path` names, read through one `git cat-file --batch`. */
function catFiles(cwd: string, names: readonly string[]): Promise<Buffer[]> {
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new TahrirError('io', `git cat-file failed: ${err.trim()}`));
      const all = Buffer.concat(chunks);
      const out: Buffer[] = [];
      let at = 0;
      for (const name of names) {
        const eol = all.indexOf(0x0a, at);
        const header = all.subarray(at, eol).toString('utf8');
        const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
        if (!m) return fail(new TahrirError('io', `git cat-file: ${name}: ${header}`));
        const size = Number(m[1]);
        out.push(all.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      done(out);
    });
    child.stdin.end(names.map((n) => `${n}\n`).join(''));
  });
}

export function folderVersion(name: string, folder: string): VersionSource {
  return {
    name,
    async sidecars() {
      const { sidecars, realRoot } = await findFiles(folder, { texts: false });
      // Decoded at once: readBytesSync's bytes are a view of a buffer the next read reuses.
      const read = (file: string) => () => readBytesSync(join(realRoot, ...file.split('/'))).toString('utf8');
      return new Map(sidecars.map((file) => [file, read(file)]));
    },
    async sidecar(file) {
      return readFile(join(folder, ...file.split('/'))).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return null;
        throw e;
      });
    },
  };
}

/** A git revision, read in the repository that holds `workspace` (paths relative to the workspace). */
export function gitVersion(name: string, workspace: string, commit: string): VersionSource {
  return {
    name,
    async sidecars() {
      const prefix = (await git(workspace, ['rev-parse', '--show-prefix'])).out.trim();
      const listed = await git(workspace, [
        'ls-tree',
        '-r',
        '-z',
        '--name-only',
        '--full-tree',
        commit,
        '--',
        prefix || '.',
      ]);
      if (!listed.ok) throw new TahrirError('io', `git ls-tree ${name} failed: ${listed.err}`);
      const files = listed.out
        .split('\0')
        .filter((f) => f.startsWith(prefix) && f.endsWith(SIDECAR_SUFFIX))
        .filter(
          (f) =>
            !f
              .slice(prefix.length)
              .split('/')
              .some((part) => part.startsWith('.')),
        );
      const blobs = await catFiles(
        workspace,
        files.map((f) => `${commit}:${f}`),
      );
      return new Map(files.map((f, i) => [f.slice(prefix.length), () => blobs[i].toString('utf8')]));
    },
    async sidecar(file) {
      const prefix = (await git(workspace, ['rev-parse', '--show-prefix'])).out.trim();
      const [blob] = await catFiles(workspace, [`${commit}:${prefix}${file}`]).catch(() => [null]);
      return blob;
    },
  };
}

/** A folder when one exists there, else a git revision of the workspace's repository; else a usage error naming it. */
export async function versionSource(workspace: string, spec: string): Promise<VersionSource> {
  const folder = resolve(spec);
  if ((await stat(folder).catch(() => null))?.isDirectory()) return folderVersion(spec, folder);
  const rev = await git(workspace, ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]);
  if (rev.ok && rev.out.trim()) return gitVersion(spec, workspace, rev.out.trim());
  throw new TahrirError(
    'invalid-argument',
    `${spec} is neither a folder nor a git revision of the repository holding ${workspace}`,
  );
}

export type { AgreementRun };

/**
 * A version the editor names (the agreement view, curation): a folder inside the workspace `root`
 * when one is there, else a git revision of its repository; else an 'invalid-argument' naming it.
 */
export async function workspaceVersion(root: string, spec: string): Promise<VersionSource> {
  if (!isAbsolute(spec) && !spec.split(/[\\/]/).includes('..')) {
    const folder = await resolveInside(root, spec).catch(() => null);
    if (folder && (await stat(folder).catch(() => null))?.isDirectory()) return folderVersion(spec, folder);
  }
  const rev = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`]);
  if (rev.ok && rev.out.trim()) return gitVersion(spec, root, rev.out.trim());
  throw new TahrirError(
    'invalid-argument',
    `${spec} is neither a folder inside the workspace nor a git revision of the repository holding it`,
  );
}

/** The branches of the repository holding `root` (local, then remote-tracking); none when it is not in git. */
export async function gitBranches(root: string): Promise<string[]> {
  const out = await git(root, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']);
  if (!out.ok) return [];
  return out.out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.endsWith('/HEAD'));
}

/** Reports how far a measurement is, at most every `PROGRESS_MS`, and at the end. */
const PROGRESS_MS = 100;

/** Measures agreement between `versions` (at least two) of the workspace `root`; `onProgress` per document. */
export async function measureAgreement(
  root: string,
  versions: readonly VersionSource[],
  onProgress?: (done: number, total: number) => void,
): Promise<AgreementRun> {
  if (versions.length < 2) throw new TahrirError('invalid-argument', 'agreement needs at least two versions');
  const { config } = await readWorkspaceConfig(root);
  const read = await Promise.all(versions.map((v) => v.sidecars()));
  const everywhere = [...read[0].keys()].filter((f) => read.every((m) => m.has(f))).sort(compareIds);
  const all = new Set(read.flatMap((m) => [...m.keys()]));
  const acc = new AgreementAccumulator(versions.map((v) => v.name));
  const skipped: AgreementRun['skipped'] = [];
  let said = 0;
  let done = 0;
  for (const file of everywhere) {
    done++;
    if (onProgress && (done === everywhere.length || Date.now() - said >= PROGRESS_MS)) {
      said = Date.now();
      onProgress(done, everywhere.length);
      // The documents are read synchronously: let the event go out (and the host answer) meanwhile.
      await new Promise((next) => setImmediate(next));
    }
    const id = file.slice(0, -SIDECAR_SUFFIX.length);
    const textFile = id + TEXT_SUFFIX;
    let text: TextFile;
    try {
      text = readTextFileSync(join(root, ...textFile.split('/')), encodingFor(config, textFile), { file: textFile });
    } catch (e) {
      skipped.push(skippedFor(textFile, e));
      continue;
    }
    const sidecars: Sidecar[] = [];
    for (let v = 0; v < versions.length; v++) {
      // Read outside the try: a file that cannot be read stops the measurement (a broken one is skipped).
      const json = read[v].get(file)!();
      try {
        const sidecar = parseSidecar(json, `${versions[v].name}: ${file}`);
        // Written for another text: its spans are found again in this one first.
        sidecars.push(sidecar.source.sha256 === text.sha256 ? sidecar : reanchor(text.text, sidecar).sidecar);
      } catch (e) {
        skipped.push(skippedFor(file, e));
        break;
      }
    }
    if (sidecars.length === versions.length) acc.add(id, text.text, sidecars);
  }
  return { ...acc.report(), notInEveryVersion: all.size - everywhere.length, skipped };
}

/** A document left out: why, in English (`tahrir agree`) and as a message (the agreement view, in its language). */
function skippedFor(file: string, e: unknown): { file: string; reason: string; reasonMessage: Message } {
  const reason = e instanceof Error ? e.message : String(e);
  return {
    file,
    reason,
    reasonMessage: isTahrirError(e) ? errorMessage(e.toData()) : message('error.raw', { text: reason }),
  };
}
