// When early.js runs app.js. app.js (React, the store, the app: a long task to evaluate, 100–500 ms here) runs as
// soon as it is fetched, so that it overlaps the wait for the server's answer. But when the answer comes first, the
// early paint's frame is drawn before it: run as soon as it was fetched, app.js's task came between the early paint and
// its frame and held that frame back by its whole length (traces of the 10,000-entity open), and the app's open then
// waited for that frame too. After that frame it also waits for the answer whole (a long document's entities after
// its first screen's come after the first part, shared/start-answer-wire.ts): run before them, app.js's open would
// render the app without its document first, and again with it.

export interface AppStartWaits {
  /** Calls `then` once app.js has been fetched (it would run at once if imported). */
  fetched(then: () => void): void;
  /** Calls `then` in a task after the next frame is drawn. */
  afterFrame(then: () => void): void;
  /** Calls `then` after `ms`: the last resort, when neither the answer nor app.js's fetch is ever seen. */
  later(then: () => void, ms: number): void;
}

/** app.js runs this long after early.js at the latest (no answer and no fetch seen: a hung server, an odd host). */
export const APP_START_LAST_RESORT_MS = 5_000;

/**
 * Calls `run` once: when app.js has been fetched, unless the answer came first (its response begun: `answering`) and
 * was painted early (`painted` resolves true): then after that paint's frame, once the answer is `whole` (settled). A
 * failed answer, or one not painted early, runs it at once.
 */
export function startAppWhenReady(
  painted: Promise<boolean>,
  run: () => void,
  waits: AppStartWaits,
  whole: Promise<unknown> = painted,
  answering: Promise<unknown> = new Promise(() => undefined),
): void {
  let started = false;
  let answered = false;
  // The answer's response has begun: its first part is being read (a few tens of milliseconds), and app.js would hold
  // its paint back by its whole run (traces of the 10,000-entity open: app.js fetched in that window, run first).
  answering.then(
    () => (answered = true),
    () => undefined,
  );
  const start = (): void => {
    if (started) return;
    started = true;
    run();
  };
  waits.fetched(() => {
    if (!answered) start();
  });
  painted.then(
    (drawn) => {
      answered = true;
      if (drawn) waits.afterFrame(() => void whole.then(start, start));
      else start();
    },
    () => {
      answered = true;
      start();
    },
  );
  waits.later(start, APP_START_LAST_RESORT_MS);
}

/** The page's waits: app.js's Resource Timing entry, a requestAnimationFrame and a task after it, a timer. */
export function pageWaits(url: string): AppStartWaits {
  return {
    fetched(then) {
      const seen = () => performance.getEntriesByName(url, 'resource').length > 0;
      if (seen()) return then();
      const observer = new PerformanceObserver(() => {
        if (!seen()) return;
        observer.disconnect();
        then();
      });
      observer.observe({ type: 'resource' });
    },
    afterFrame(then) {
      requestAnimationFrame(() => setTimeout(then, 0));
    },
    later(then, ms) {
      setTimeout(then, ms);
    },
  };
}
