// Opening the editor's URL in the user's browser (`tahrir serve --open`, and `npm start` where
// the desktop app cannot run): through the system's own opener, and only where it can show it.
import { spawn } from 'node:child_process';

export type BrowserOpener =
  { command: string; args: string[]; /** cmd.exe parses its own command line */ verbatim?: boolean } | { skip: string };

/** How this system opens a URL, or why it does not. */
export function browserOpener(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): BrowserOpener {
  // The convention of create-react-app and others, for terminals where a browser must not pop up.
  if (env.BROWSER === 'none') return { skip: 'BROWSER=none' };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is built into cmd.exe; its first quoted argument is a window title, hence the "".
  if (platform === 'win32')
    return { command: env.ComSpec || 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`], verbatim: true };
  // Elsewhere (Linux, the BSDs) a browser needs an X or Wayland display: over SSH or in a
  // container there is none, and xdg-open would only fail or start a text browser in our terminal.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { skip: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Asks the system to open `url`, reporting each step in one line. Never throws and never waits:
 * the opener runs in its own process group (Ctrl+C in our terminal must not close the browser it
 * started) and is not waited for.
 */
export function openInBrowser(
  url: string,
  report: (line: string) => void,
  platform = process.platform,
  env = process.env,
): void {
  const opener = browserOpener(url, platform, env);
  if ('skip' in opener) {
    report(`not opening a browser: ${opener.skip}; open the URL above`);
    return;
  }
  const unable = (why: string) => report(`could not open a browser (${why}); open the URL above`);
  let child;
  try {
    child = spawn(opener.command, opener.args, {
      detached: true,
      stdio: 'ignore',
      windowsHide: true,
      windowsVerbatimArguments: opener.verbatim,
    });
  } catch (error) {
    unable(`${opener.command}: ${(error as Error).message}`);
    return;
  }
  child.on('error', (error: NodeJS.ErrnoException) =>
    unable(error.code === 'ENOENT' ? `${opener.command} is not installed` : `${opener.command}: ${error.message}`),
  );
  child.on('exit', (code) => {
    if (code) unable(`${opener.command} exited with code ${code}`);
  });
  child.unref();
  report(`opening it in your browser (${opener.command})`);
}
