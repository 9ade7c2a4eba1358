// Crash safety: a child process saves a sidecar (and its recovery journal entry) in a loop with
// the real sidecar store and is killed with SIGKILL at random moments, 200+ times. Every time,
// the sidecar on disk must parse and be byte for byte one of the versions written — never torn.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { readRecovery, readSidecar, writeSidecarAtomic } from '../../electron/sidecar-store';
import { killTestBytes, killTestVersion } from './kill-versions';

// 200 by default (the floor); TAHRIR_KILLS overrides it for a quick local run.
const KILLS = Number(process.env.TAHRIR_KILLS ?? 200);
const here = dirname(fileURLToPath(import.meta.url));
let tmp: string;
let saver: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'tahrir-kill-'));
  saver = join(tmp, 'kill-saver.cjs');
  await build({
    entryPoints: [join(here, 'kill-saver.ts')],
    outfile: saver,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the saver on `root`, waits until its first save is through, kills it `delayMs` later (mid-loop); resolves when it is dead. */
function runAndKill(
  root: string,
  run: number,
  delayMs: number,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saver, root, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.once('data', () => {
      void sleep(delayMs).then(() => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** One lane: its own workspace, `runs` kills in a row; returns what it saw. */
async function lane(laneNo: number, runs: number): Promise<{ survived: number; saves: number; leftovers: number }> {
  const root = join(tmp, `ws${laneNo}`);
  const sidecarPath = join(root, 'article.annotations.json');
  mkdirSync(root, { recursive: true });
  // Version (0, 0) exists before the first run.
  await writeSidecarAtomic(sidecarPath, killTestVersion(0, 0), null);
  let survived = 0;
  let saves = 0;
  for (let i = 1; i <= runs; i++) {
    const run = laneNo * 1000 + i;
    const { signal, code, stderr } = await runAndKill(root, run, Math.floor(Math.random() * 60));
    expect(stderr, `run ${run}: the saver failed on its own`).toBe('');
    expect(signal === 'SIGKILL' || code === null, `run ${run}: killed`).toBe(true);

    const bytes = readFileSync(sidecarPath, 'utf8');
    const sidecar = parseSidecar(bytes, 'article.annotations.json');
    const m = /^run (\d+) version (\d+)$/.exec(sidecar.document.note ?? '');
    expect(m, `run ${run}: the note names a version`).not.toBeNull();
    const [r, n] = [Number(m![1]), Number(m![2])];
    // One of the versions this run wrote (its first save was through before the kill), byte for byte.
    expect(r).toBe(run);
    expect(bytes).toBe(killTestBytes(r, n));
    // And the store reads it back (so the next save's revision check works).
    expect((await readSidecar(sidecarPath))?.sidecar.document.note).toBe(sidecar.document.note);

    // The journal entry is whole too (or absent).
    const journal = await readRecovery(root, 'article');
    if (journal) {
      const jm = /^run (\d+) version (\d+)$/.exec(journal.sidecar.document.note ?? '');
      expect(jm).not.toBeNull();
      expect(serializeSidecar(journal.sidecar)).toBe(killTestBytes(Number(jm![1]), Number(jm![2])));
    }
    saves += n + 1;
    survived++;
  }
  return { survived, saves, leftovers: readdirSync(root).filter((f) => f.endsWith('.tmp')).length };
}

describe('kill test: SIGKILL during saves never leaves a torn sidecar', () => {
  it(`${KILLS} kills at random moments; the file is always exactly one version that was written`, async () => {
    const started = Date.now();
    // Four workspaces side by side: process start-up dominates, and it overlaps.
    const results = await Promise.all([0, 1, 2, 3].map((l) => lane(l, Math.ceil(KILLS / 4))));
    const survived = results.reduce((a, r) => a + r.survived, 0);
    const saves = results.reduce((a, r) => a + r.saves, 0);
    const leftovers = results.reduce((a, r) => a + r.leftovers, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `kill test: ${survived}/${KILLS} SIGKILLs survived, sidecar always whole and one of the versions written ` +
        `(at least ${saves} saves completed across the runs); ${leftovers} temp files left by killed writes (ignored by readers); ${seconds} s`,
    );
    expect(survived).toBe(KILLS);
  }, 600_000);
});
