// `tahrir agree`: reads each annotator's version of the workspace — a plain folder, or a git
// revision of the workspace's repository read with git itself (ls-tree, then one cat-file --batch
// for all its sidecars) — and measures their agreement (shared/agreement.ts) on the documents
// every version has a sidecar for. The text is the workspace's; a sidecar written for another
// text is re-anchored onto it first.
import { spawn, execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AgreementAccumulator, type AgreementReport } from '../shared/agreement';
import { reanchor } from '../shared/anchoring';
import { TahrirError } from '../shared/errors';
import type { Sidecar } from '../shared/model';
import { parseSidecar } from '../shared/sidecar';
import { SIDECAR_SUFFIX, TEXT_SUFFIX } from '../shared/workspace-layout';
import { readTextFileSync, type TextFile } from './text-file';
import { encodingFor, readWorkspaceConfig } from './workspace-config';
import { compareIds, findFiles } from './workspace';

export interface VersionSource {
  /** As given on the command line. */
  name: string;
  /** Sidecars, workspace-relative with `/`, and their bytes. */
  sidecars(): Promise<Map<string, Buffer>>;
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
      const out = new Map<string, Buffer>();
      for (const file of sidecars) out.set(file, await readFile(join(realRoot, ...file.split('/'))));
      return out;
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
      return new Map(files.map((f, i) => [f.slice(prefix.length), blobs[i]]));
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

export interface AgreementRun extends AgreementReport {
  /** Documents with a sidecar in some versions only (not compared). */
  notInEveryVersion: number;
  /** Documents left out, and why (a sidecar that does not parse, a text that cannot be read). */
  skipped: { file: string; reason: string }[];
}

/** Measures agreement between `versions` (at least two) of the workspace `root`. */
export async function measureAgreement(root: string, versions: readonly VersionSource[]): Promise<AgreementRun> {
  if (versions.length < 2) throw new TahrirError('invalid-argument', 'agreement needs at least two versions');
  const { config } = await readWorkspaceConfig(root);
  const read = await Promise.all(versions.map((v) => v.sidecars()));
  const everywhere = [...read[0].keys()].filter((f) => read.every((m) => m.has(f))).sort(compareIds);
  const all = new Set(read.flatMap((m) => [...m.keys()]));
  const acc = new AgreementAccumulator(versions.map((v) => v.name));
  const skipped: AgreementRun['skipped'] = [];
  for (const file of everywhere) {
    const id = file.slice(0, -SIDECAR_SUFFIX.length);
    const textFile = id + TEXT_SUFFIX;
    let text: TextFile;
    try {
      text = readTextFileSync(join(root, ...textFile.split('/')), encodingFor(config, textFile), { file: textFile });
    } catch (e) {
      skipped.push({ file: textFile, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const sidecars: Sidecar[] = [];
    for (let v = 0; v < versions.length; v++) {
      try {
        const sidecar = parseSidecar(read[v].get(file)!.toString('utf8'), `${versions[v].name}: ${file}`);
        // Written for another text: its spans are found again in this one first.
        sidecars.push(sidecar.source.sha256 === text.sha256 ? sidecar : reanchor(text.text, sidecar).sidecar);
      } catch (e) {
        skipped.push({ file, reason: e instanceof Error ? e.message : String(e) });
        break;
      }
    }
    if (sidecars.length === versions.length) acc.add(id, text.text, sidecars);
  }
  return { ...acc.report(), notInEveryVersion: all.size - everywhere.length, skipped };
}
