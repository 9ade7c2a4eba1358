// `tahrir serve` as a process: `--open` hands the URL to the system's opener (a stand-in
// `xdg-open` on PATH that records its argument), `--no-open`, BROWSER=none and a Linux session
// without a display do not, and Ctrl+C stops it with exit 0 however many copies of it arrive.
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../../build/bundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..', '..');

let base: string;
let cli: string;
let workspace: string;
let opener: string; // a folder holding the stand-in xdg-open
let noOpener: string; // a folder holding nothing

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-serve-open-'));
  cli = join(base, 'cli.cjs');
  await build({ ...bundleOptions(base).cli, logLevel: 'silent' });
  workspace = join(base, 'seeds');
  await cp(join(repo, 'seeds'), workspace, { recursive: true });
  opener = join(base, 'opener');
  noOpener = join(base, 'no-opener');
  await Promise.all([opener, noOpener].map((dir) => mkdir(dir)));
  await writeFile(
    join(opener, 'xdg-open'),
    '#!/bin/sh\nprintf "%s" "$1" > "$TAHRIR_TEST_OPENED.tmp" && mv "$TAHRIR_TEST_OPENED.tmp" "$TAHRIR_TEST_OPENED"\nexit "${TAHRIR_TEST_OPENER_EXIT:-0}"\n',
  );
  await chmod(join(opener, 'xdg-open'), 0o755);
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

interface Run {
  url: Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  signal: (name: NodeJS.Signals) => void;
}

/** `tahrir serve <workspace> ...args` with PATH and the display variables as given. */
function serve(args: string[], env: Record<string, string | undefined>): Run {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['DISPLAY', 'WAYLAND_DISPLAY', 'BROWSER'].includes(k)),
  );
  const child = spawn(process.execPath, [cli, 'serve', workspace, ...args], {
    cwd: base,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
    });
    void exit.then(() => reject(new Error(`tahrir serve exited before printing its URL: ${stderr}`)));
  });
  return { url, exit, stderr: () => stderr, signal: (name) => child.kill(name) };
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return condition();
}

describe.skipIf(process.platform === 'win32')('tahrir serve --open', () => {
  it('hands the printed URL to xdg-open where there is a display', async () => {
    const record = join(base, 'opened-1');
    const run = serve(['--open'], {
      PATH: `${opener}:${process.env.PATH}`,
      DISPLAY: ':99',
      TAHRIR_TEST_OPENED: record,
    });
    const url = await run.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await waitFor(() => existsSync(record), 10_000), 'xdg-open was called').toBe(true);
    expect(await readFile(record, 'utf8')).toBe(url);
    expect(run.stderr()).toContain('opening it in your browser (xdg-open)');
    run.signal('SIGINT');
    expect(await run.exit).toEqual({ code: 0, signal: null });
  });

  it('on Wayland too', async () => {
    const record = join(base, 'opened-wayland');
    const run = serve(['--open'], {
      PATH: `${opener}:${process.env.PATH}`,
      WAYLAND_DISPLAY: 'wayland-0',
      TAHRIR_TEST_OPENED: record,
    });
    const url = await run.url;
    expect(await waitFor(() => existsSync(record), 10_000), 'xdg-open was called').toBe(true);
    expect(await readFile(record, 'utf8')).toBe(url);
    run.signal('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
  });

  it.each([
    ['--no-open', ['--no-open'], {}, null],
    ['--open then --no-open', ['--open', '--no-open'], {}, null],
    ['no option', [], {}, null],
    ['BROWSER=none', ['--open'], { BROWSER: 'none' }, 'not opening a browser: BROWSER=none; open the URL above'],
    [
      'no display',
      ['--open'],
      { DISPLAY: undefined },
      'not opening a browser: no display (DISPLAY and WAYLAND_DISPLAY are unset); open the URL above',
    ],
  ])('does not call the opener with %s', async (name, args, env, said) => {
    const record = join(base, `not-opened-${name.replace(/\W+/g, '-')}`);
    const run = serve(args, {
      PATH: `${opener}:${process.env.PATH}`,
      DISPLAY: ':99',
      TAHRIR_TEST_OPENED: record,
      ...env,
    });
    await run.url;
    // The decision follows the "Ctrl+C stops" line at once, in the same turn.
    expect(await waitFor(() => run.stderr().includes(said ?? 'Ctrl+C stops'), 10_000)).toBe(true);
    run.signal('SIGINT');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    // A wrongly started opener would be running by now; give it time to write.
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(record), 'xdg-open was not called').toBe(false);
    expect(run.stderr()).not.toContain('opening it in your browser');
  });

  it('says so in one line where the opener fails or is missing, and keeps serving', async () => {
    const failing = serve(['--open'], {
      PATH: `${opener}:${process.env.PATH}`,
      DISPLAY: ':99',
      TAHRIR_TEST_OPENED: join(base, 'opened-failing'),
      TAHRIR_TEST_OPENER_EXIT: '3',
    });
    await failing.url;
    expect(await waitFor(() => failing.stderr().includes('could not open a browser'), 10_000)).toBe(true);
    expect(failing.stderr()).toContain('could not open a browser (xdg-open exited with code 3); open the URL above');
    failing.signal('SIGINT');
    expect(await failing.exit).toEqual({ code: 0, signal: null });

    const missing = serve(['--open'], { PATH: noOpener, DISPLAY: ':99' });
    await missing.url;
    expect(await waitFor(() => missing.stderr().includes('could not open a browser'), 10_000)).toBe(true);
    expect(missing.stderr()).toContain('could not open a browser (xdg-open is not installed); open the URL above');
    missing.signal('SIGINT');
    expect(await missing.exit).toEqual({ code: 0, signal: null });
  });
});

describe.skipIf(process.platform === 'win32')('tahrir serve and Ctrl+C', () => {
  // In a terminal, Ctrl+C reaches every process of the foreground group, and a parent that passes
  // signals on (npm) sends its own copy: a second SIGINT, at any moment of the close, is not fatal.
  it.each([0, 10, 30, 60, 100, 200])(
    'exits 0 on SIGINT as soon as the URL is out, and again %i ms later',
    async (delay) => {
      const run = serve([], { PATH: process.env.PATH });
      await run.url;
      run.signal('SIGINT');
      await new Promise((r) => setTimeout(r, delay));
      run.signal('SIGINT');
      expect(await run.exit).toEqual({ code: 0, signal: null });
    },
  );
});
