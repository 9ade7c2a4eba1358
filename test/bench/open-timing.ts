// How the bench waits for a page's open: the page's probe says when it painted (a console message, OPEN_SIGNAL), and
// nothing of the harness runs in the page before. A page.evaluate made right after the navigation committed ran
// Playwright's utility script (~13 KB, compiled on the page's main thread) in the middle of every open, Tahrir's
// and the floors' alike, and the open rows measured it with them.
import type { ConsoleMessage, Page } from 'playwright-core';
import { OPEN_SIGNAL, type OpenSignal } from './pages/open-signal';

const isOpenSignal = (message: ConsoleMessage) => message.text().startsWith(OPEN_SIGNAL);

/**
 * Navigates `page` to `url` and resolves with the page's own open timing (the probe's `open`: its content or first
 * highlight painted); null when it did not come within `timeoutMs` (a page that opens nothing by itself).
 */
export async function openBySignal(page: Page, url: string, timeoutMs = 600_000): Promise<OpenSignal | null> {
  // Armed before the navigation: the message may come before goto returns.
  const signal = page.waitForEvent('console', { predicate: isOpenSignal, timeout: timeoutMs }).then(
    (message) => JSON.parse(message.text().slice(OPEN_SIGNAL.length)) as OpenSignal,
    () => null,
  );
  await page.goto(url, { waitUntil: 'commit' });
  return signal;
}
