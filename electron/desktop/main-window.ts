// The one window: the app:// page with the preload, shown once ready; closing gives the page time
// to save what is pending; a page that crashes is reloaded (its unsaved work is in the journal),
// but not forever.
import { BrowserWindow, dialog } from 'electron';
import type { WindowBounds } from '../window-options';
import { APP_ENTRY_URL, windowOptions } from '../window-options';

/** How long a closing window waits for the page to finish saving before it is closed anyway. */
const CLOSE_GRACE_MS = 5_000;
/** More crashes than this in a minute and the page is not reloaded again. */
const RELOADS_PER_MINUTE = 3;

export function createMainWindow(
  preloadPath: string,
  bounds: WindowBounds,
  options: { maximized?: boolean; title: string },
): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath, bounds));
  if (options.maximized) win.maximize();
  win.setTitle(options.title);
  win.once('ready-to-show', () => win.show());
  closeWhenSaved(win);
  reloadAfterCrash(win);
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * Closing: the page's beforeunload handler saves what is pending; when it holds the page open
 * (unsaved changes still being written) it closes the window itself once done. A page that
 * never finishes does not keep the window open for more than CLOSE_GRACE_MS.
 */
function closeWhenSaved(win: BrowserWindow): void {
  let closing = false;
  let forceClose: NodeJS.Timeout | undefined;
  win.on('close', () => {
    closing = true;
  });
  win.webContents.on('will-prevent-unload', () => {
    if (!closing || forceClose) return;
    forceClose = setTimeout(() => {
      if (!win.isDestroyed()) win.destroy();
    }, CLOSE_GRACE_MS);
  });
  win.on('closed', () => clearTimeout(forceClose));
}

function reloadAfterCrash(win: BrowserWindow): void {
  let crashes: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    // Unsaved work is in the recovery journal; reloading offers it back.
    const now = Date.now();
    crashes = [...crashes.filter((t) => now - t < 60_000), now];
    console.error(`tahrir: the window's page stopped (${details.reason})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    if (crashes.length <= RELOADS_PER_MINUTE) win.webContents.reload();
    else
      dialog.showErrorBox(
        'Tahrir',
        `The editor stopped ${crashes.length} times in a minute (${details.reason}). Unsaved changes are kept in the recovery journal; restart Tahrir to get them back.`,
      );
  });
}
