// The console message a bench page's probe sends when its open is painted (frame-probe.ts), read by the harness
// (open-timing.ts): the page says when it is open, so the harness runs nothing in it before then.
export const OPEN_SIGNAL = 'tahrir-bench:open ';

export interface OpenSignal {
  /** performance.now() when the page's content (or its first highlight) was first seen, in a rAF. */
  readyAt: number;
  /** performance.now() when that frame's rendering was done (a message posted from its rAF, handled after it). */
  paintedAt: number;
  /**
   * performance.now() when Playwright's utility script first ran in the page's main world (page.evaluate's helper:
   * ~13 KB compiled and run on the page's main thread), or null when it had not run by the open.
   */
  harnessAt: number | null;
}
