// `npm start` as a new user runs it, through npm, on a copy of the sources (its build replaces
// dist/, which other tests read meanwhile). Without Electron's binary, or without a display, it
// serves the editor in the foreground and Ctrl+C stops everything; with the binary it starts the
// desktop app on the same folder (a stand-in binary that records its arguments).
//
// Ctrl+C in a terminal signals the whole foreground process group (npm, the shell npm runs the
// script with, build/start.mjs): each test starts npm in a group of its own and signals the group.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..');
const onLinux = process.platform === 'linux'; // the checks below read /proc
if (!onLinux) console.warn('start.test: skipped, it follows processes through /proc (Linux only)');

let base: string;
let app: string; // the copy `npm start` runs in
let noElectron: string; // ELECTRON_OVERRIDE_DIST_PATH without a binary: as on a machine where the download failed
let standIn: string; // ELECTRON_OVERRIDE_DIST_PATH with a stand-in binary
let opener: string; // a stand-in xdg-open
const running: ChildProcess[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-start-'));
  app = join(base, 'app');
  await mkdir(app);
  for (const part of [
    'build',
    'electron',
    'shared',
    'renderer',
    'seeds',
    'package.json',
    'tsconfig.json',
    'tsconfig.base.json',
  ]) {
    await cp(join(repo, part), join(app, part), { recursive: true });
  }
  await symlink(realpathSync(join(repo, 'node_modules')), join(app, 'node_modules'));
  await mkdir(join(app, 'desk'));
  await cp(join(repo, 'seeds'), join(app, 'desk', 'articles'), { recursive: true });
  noElectron = join(base, 'no-electron');
  standIn = join(base, 'electron-stand-in');
  opener = join(base, 'opener');
  await Promise.all([noElectron, standIn, opener].map((dir) => mkdir(dir)));
  await writeFile(
    join(standIn, 'electron'),
    '#!/bin/sh\nprintf "%s\\n" "$@" > "$TAHRIR_TEST_RECORD"\nexit "${TAHRIR_TEST_EXIT:-0}"\n',
  );
  await writeFile(
    join(opener, 'xdg-open'),
    '#!/bin/sh\nprintf "%s" "$1" > "$TAHRIR_TEST_OPENED.part" && mv "$TAHRIR_TEST_OPENED.part" "$TAHRIR_TEST_OPENED"\n',
  );
  await Promise.all([chmod(join(standIn, 'electron'), 0o755), chmod(join(opener, 'xdg-open'), 0o755)]);
});

afterAll(async () => {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  if (base) await rm(base, { recursive: true, force: true });
});

interface NpmStart {
  npm: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start [-- args]` in a process group of its own, with nothing of the outer npm run in its environment. */
function npmStart(args: string[], options: { cwd?: string; env: Record<string, string> }): NpmStart {
  const inherited = Object.entries(process.env).filter(
    ([k]) =>
      !/^npm_/i.test(k) &&
      !['INIT_CWD', 'DISPLAY', 'WAYLAND_DISPLAY', 'BROWSER', 'ELECTRON_OVERRIDE_DIST_PATH'].includes(k),
  );
  const env = { ...Object.fromEntries(inherited), PATH: `${opener}:${process.env.PATH}`, ...options.env };
  const npm = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], {
    cwd: options.cwd ?? app,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(npm);
  let stdout = '';
  let stderr = '';
  npm.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  npm.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { npm, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Waits for a state (checked every 25 ms) instead of a fixed sleep; fails naming `what` after `ms`. */
async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function printedUrl(run: NpmStart): Promise<string> {
  const deadline = Date.now() + 90_000;
  let found: RegExpExecArray | null = null;
  while (
    !(found = /^http:\/\/127\.0\.0\.1:\d+\/\S*$/m.exec(run.stdout())) &&
    Date.now() < deadline &&
    run.npm.exitCode === null
  ) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!found) throw new Error(`npm start printed no URL:\n${run.stdout()}\n${run.stderr()}`);
  return found[0];
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  group: number;
  state: string;
  command: string;
}

function processes(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      list.push({ pid: Number(name), ppid: Number(ppid), group: Number(group), state, command });
    } catch {
      // gone meanwhile
    }
  }
  return list;
}

/** `root` and every process below it. */
function family(root: number): ProcessInfo[] {
  const all = processes();
  const members = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (members.has(p.ppid) && !members.has(p.pid)) {
        members.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => members.has(p.pid));
}

/** Still running: a zombie has exited and waits only for its parent (here it can be init) to note it. */
function alive(pids: number[], group: number): ProcessInfo[] {
  return processes().filter((p) => p.state !== 'Z' && (pids.includes(p.pid) || p.group === group));
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Ctrl+C as a terminal sends it; resolves with how npm ended and how long everything took to go. */
async function pressCtrlC(run: NpmStart, port: number) {
  const before = family(run.npm.pid!);
  const sent = Date.now();
  process.kill(-run.npm.pid!, 'SIGINT');
  const exit = await Promise.race([run.exit, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
  while (
    alive(
      before.map((p) => p.pid),
      run.npm.pid!,
    ).length > 0 &&
    Date.now() - sent < 5_000
  )
    await new Promise((r) => setTimeout(r, 20));
  return {
    before,
    exit,
    ms: Date.now() - sent,
    left: alive(
      before.map((p) => p.pid),
      run.npm.pid!,
    ),
    listening: await portAnswers(port),
  };
}

describe.skipIf(!onLinux)('npm start without the desktop app', () => {
  it('serves the editor in the foreground, says why in one line, and Ctrl+C stops everything', async () => {
    const record = join(base, 'opened-no-display');
    const run = npmStart([], { env: { ELECTRON_OVERRIDE_DIST_PATH: noElectron, TAHRIR_TEST_OPENED: record } });
    const url = await printedUrl(run);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>Tahrir — تحرير</title>');
    // The printed URL's page: early.js and the start in it (electron/started-page.ts).
    expect(html).toContain('<script type="module" async>');
    expect(html).toContain('<script type="application/json" id="tahrir-start"');

    const why = run
      .stderr()
      .split('\n')
      .filter((line) => /Electron's binary/.test(line));
    expect(why).toEqual([
      "tahrir: Electron's binary is not installed (its download from github.com did not run: `node node_modules/electron/install.js` fetches it), so this is the same editor in your browser, through `tahrir serve`:",
    ]);
    expect(run.stderr()).toContain(`serving ${join(app, 'seeds')} — open the URL above; Ctrl+C stops`);
    expect(run.stderr()).toContain(
      'not opening a browser: no display (DISPLAY and WAYLAND_DISPLAY are unset); open the URL above',
    );

    const stop = await pressCtrlC(run, Number(new URL(url).port));
    expect(stop.before.map((p) => p.command)).toEqual(
      expect.arrayContaining([expect.stringMatching(/start\.mjs/), expect.stringMatching(/cli\.cjs serve/)]),
    );
    expect(stop.left, 'nothing of npm start is left running').toEqual([]);
    expect(stop.ms).toBeLessThan(2_000);
    expect(stop.listening, 'the port is closed').toBe(false);
    // npm passes on how its script shell ended. Debian's sh (dash) would end itself with the SIGINT
    // it was sent once its child had exited, whatever the child's status; the start script execs
    // node in the shell's place, so npm sees start.mjs's own status: 0.
    expect(stop.exit).toEqual({ code: 0, signal: null });
    expect(existsSync(record), 'no browser tried without a display').toBe(false);
  });

  it('exits 0 on Ctrl+C where the script shell passes the status on; a relative folder is from where npm was typed', async () => {
    const bash = '/bin/bash';
    if (!existsSync(bash)) return void console.warn(`start.test: one case skipped, ${bash} is missing`);
    // The stand-in Electron is there, but without a display the desktop app could not show.
    const record = join(base, 'electron-ran');
    const run = npmStart(['articles'], {
      cwd: join(app, 'desk'),
      env: { ELECTRON_OVERRIDE_DIST_PATH: standIn, TAHRIR_TEST_RECORD: record, npm_config_script_shell: bash },
    });
    const url = await printedUrl(run);
    expect((await fetch(url)).status).toBe(200);
    expect(run.stderr()).toContain(
      'tahrir: there is no display for the desktop app (DISPLAY and WAYLAND_DISPLAY are unset), so this is the same editor in your browser',
    );
    expect(run.stderr()).toContain(`serving ${join(app, 'desk', 'articles')} — open the URL above; Ctrl+C stops`);

    const stop = await pressCtrlC(run, Number(new URL(url).port));
    expect(stop.exit).toEqual({ code: 0, signal: null });
    expect(stop.left).toEqual([]);
    expect(stop.ms).toBeLessThan(2_000);
    expect(stop.listening).toBe(false);
    expect(existsSync(record), 'the desktop app was not started').toBe(false);
  });

  it('opens the browser where there is a display, and not with --no-open or BROWSER=none', async () => {
    const cases: [string, string[], Record<string, string>, boolean][] = [
      ['opened', [], {}, true],
      ['no-open', ['--no-open'], {}, false],
      ['browser-none', [], { BROWSER: 'none' }, false],
    ];
    for (const [name, args, env, opens] of cases) {
      const record = join(base, `opened-${name}`);
      // The stand-in Electron would take the display: here the binary is missing.
      const run = npmStart(args, {
        env: { ELECTRON_OVERRIDE_DIST_PATH: noElectron, DISPLAY: ':99', TAHRIR_TEST_OPENED: record, ...env },
      });
      const url = await printedUrl(run);
      // Whether to open is decided as the "Ctrl+C stops" line is written, and said in the line after it
      // (--no-open: no line). The stand-in opener writes its record whole (a rename), so it is there or not.
      const said = {
        opened: 'opening it in your browser (xdg-open)',
        'browser-none': 'not opening a browser: BROWSER=none',
      };
      await until(`${name}: the decision`, () =>
        run.stderr().includes(said[name as keyof typeof said] ?? 'Ctrl+C stops'),
      );
      if (opens) {
        await until(`${name}: the opener's record`, () => existsSync(record));
        expect(await readFile(record, 'utf8'), name).toBe(url);
      }
      const stop = await pressCtrlC(run, Number(new URL(url).port));
      expect(stop.left).toEqual([]);
      // An opener is started in the same moment as its line is written: no line, no opener (no sleep to wait it out).
      if (!opens) expect(run.stderr(), name).not.toContain('opening it in your browser');
      expect(existsSync(record), name).toBe(opens);
    }
  });
});

describe.skipIf(!onLinux)('npm start with the desktop app', () => {
  it('builds, then runs Electron on the app and the folder given, and exits as it does', async () => {
    await rm(join(app, 'dist'), { recursive: true, force: true });
    const record = join(base, 'electron-args');
    const run = npmStart(['desk/articles'], {
      env: { ELECTRON_OVERRIDE_DIST_PATH: standIn, TAHRIR_TEST_RECORD: record, DISPLAY: ':99' },
    });
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect((await readFile(record, 'utf8')).split('\n')).toEqual([app, join(app, 'desk', 'articles'), '']);
    expect(existsSync(join(app, 'dist', 'main.cjs')), 'built first').toBe(true);
    expect(run.stdout()).not.toMatch(/http:\/\//);

    const failing = npmStart([], {
      env: { ELECTRON_OVERRIDE_DIST_PATH: standIn, TAHRIR_TEST_RECORD: record, TAHRIR_TEST_EXIT: '7', DISPLAY: ':99' },
    });
    expect((await failing.exit).code).toBe(7);
    expect((await readFile(record, 'utf8')).split('\n')).toEqual([app, join(app, 'seeds'), '']);
  });
});

describe.skipIf(!onLinux)('npm start: arguments', () => {
  it('refuses an unknown option in one line, exit 2', async () => {
    const run = npmStart(['--bogus'], { env: { ELECTRON_OVERRIDE_DIST_PATH: noElectron } });
    expect((await run.exit).code).toBe(2);
    expect(run.stderr()).toContain('tahrir: unknown option --bogus\nusage: npm start [-- <folder>] [--no-open]');
  });
});
