// The window's size, position and maximized state: restored on screen at start (a screen that is
// gone since does not place it off-view) and remembered half a second after it stops changing.
import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import { placeOnScreen } from '../desktop-settings';
import type { SavedWindow } from '../desktop-settings';
import { DEFAULT_BOUNDS } from '../window-options';
import type { WindowBounds } from '../window-options';

/** Where the window opens: where it was, moved onto a screen that is there now. */
export function restoredBounds(saved: SavedWindow | undefined): WindowBounds {
  return saved
    ? placeOnScreen(
        saved,
        screen.getAllDisplays().map((d) => d.workArea),
      )
    : DEFAULT_BOUNDS;
}

/** Calls `remember` with the window's state after it is moved or resized, and as it closes. */
export function rememberWindowState(win: BrowserWindow, remember: (state: SavedWindow) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const now = () => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    remember({
      x: bounds.x,
      y: bounds.y,
      width: bounds.width,
      height: bounds.height,
      maximized: win.isMaximized() || undefined,
    });
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(now, 500);
  };
  for (const change of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(change as 'resize', soon);
  win.on('close', () => {
    clearTimeout(timer);
    now();
  });
}
