// `npm start [-- <folder>] [--no-open]`: build, then open the editor on seeds/ (or the folder
// given): the desktop app where Electron's binary is installed and has a display to show on,
// else the same editor through `tahrir serve` in the foreground, opened in the system browser.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm start [-- <folder>] [--no-open]';

/**
 * The folder to open and whether to open a browser, from the arguments after `npm start --`.
 * @param {string[]} args
 * @returns {{ help?: boolean; error?: string; folder?: string; open?: boolean }}
 */
function readArguments(args) {
  let folder;
  let open = true;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--no-open') open = false;
    else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else if (folder === undefined) folder = arg;
    else return { error: `one folder only (got ${folder} and ${arg})` };
  }
  // npm runs scripts in the package's folder; a relative folder is meant from where npm was typed.
  return {
    folder: folder === undefined ? join(root, 'seeds') : resolve(process.env.INIT_CWD ?? process.cwd(), folder),
    open,
  };
}

/**
 * Electron's binary, or null where it is not installed. `require('electron')` would try to
 * download it (from github.com, which some networks cannot reach) before answering, so this
 * reads the same files it does: path.txt, written by its install script, and the
 * ELECTRON_OVERRIDE_DIST_PATH it honours.
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, executable || 'electron')
    : executable
      ? join(packageDir, 'dist', executable)
      : null;
  return binary && existsSync(binary) ? binary : null;
}

/**
 * Why the desktop app cannot run here, or null when it can.
 * @param {string | null} electron
 */
function whyNotDesktop(electron) {
  if (!electron) {
    return "Electron's binary is not installed (its download from github.com did not run: `node node_modules/electron/install.js` fetches it)";
  }
  // As for the browser (electron/open-in-browser.ts): on Linux and the BSDs, windows need X or Wayland.
  if (
    process.platform !== 'darwin' &&
    process.platform !== 'win32' &&
    !process.env.DISPLAY &&
    !process.env.WAYLAND_DISPLAY
  ) {
    return 'there is no display for the desktop app (DISPLAY and WAYLAND_DISPLAY are unset)';
  }
  return null;
}

/**
 * Runs the app in the foreground and exits as it does. Ctrl+C signals the terminal's whole
 * foreground group (npm, its shell, this script), and npm passes its copy on to us as well: the
 * app runs in a group of its own and gets each stop request from us exactly once (a second one
 * would make the desktop app quit at once, without its graceful shutdown). A request repeated
 * a second or more later is the user insisting, and is passed on too.
 * @param {string} command
 * @param {string[]} args
 */
function runInForeground(command, args) {
  const ownGroup = process.platform !== 'win32'; // on Windows `detached` would open a console window
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: ownGroup });
  const lastPassed = new Map();
  const passOn = (/** @type {NodeJS.Signals} */ signal) => {
    // A Windows console sends Ctrl+C to every process attached to it, and there kill() is TerminateProcess.
    if (!ownGroup) return;
    const now = Date.now();
    if (now - (lastPassed.get(signal) ?? -Infinity) < 1000) return;
    lastPassed.set(signal, now);
    child.kill(signal);
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, passOn);
  // Outside our group, the app would outlive a crash of this script: stop it then too.
  process.on('exit', () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`tahrir: cannot run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}

const request = readArguments(process.argv.slice(2));
if (request.help) {
  console.log(
    `${USAGE}\n  Opens the editor on seeds/ or <folder>: the desktop app, or where it cannot run, the same editor in your browser.`,
  );
  process.exit(0);
}
if (request.error) {
  console.error(`tahrir: ${request.error}\n${USAGE}`);
  process.exit(2);
}

// Always rebuilt, so what runs is what the sources say (a second or two). Its report goes to
// stderr: stdout carries only the editor's URL under `tahrir serve`.
try {
  execFileSync(process.execPath, [join(root, 'build', 'bundle.mjs')], { stdio: ['ignore', 2, 'inherit'] });
} catch (error) {
  const { signal } = /** @type {{ signal?: NodeJS.Signals }} */ (error);
  if (signal) process.exit(128 + (constants.signals[signal] ?? 0)); // Ctrl+C during the build
  console.error('tahrir: the build failed (see above); nothing was started');
  process.exit(1);
}

const electron = findElectronBinary();
const notDesktop = whyNotDesktop(electron);
const folder = /** @type {string} */ (request.folder);
if (electron && notDesktop === null) {
  runInForeground(electron, [root, folder]);
} else {
  console.error(`tahrir: ${notDesktop}, so this is the same editor in your browser, through \`tahrir serve\`:`);
  runInForeground(process.execPath, [
    join(root, 'dist', 'cli.cjs'),
    'serve',
    folder,
    request.open ? '--open' : '--no-open',
  ]);
}
