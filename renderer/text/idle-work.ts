// Work done a slice per idle moment (a long document's entities below its first screens), one at a time.

/** Past this, the slice runs even if the page never went idle. */
const IDLE_TIMEOUT_MS = 300;
/** Without requestIdleCallback: a short wait instead. */
const NO_IDLE_WAIT_MS = 50;

export class IdleWork {
  private handle: number | null = null;

  /** Runs `work` at the next idle moment, if `stillWanted()` then (the document shown may have changed meanwhile). */
  next(work: (deadline: IdleDeadline | null) => void, stillWanted: () => boolean): void {
    const run = (deadline?: IdleDeadline) => {
      this.handle = null;
      if (stillWanted()) work(deadline ?? null);
    };
    this.handle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
        : (setTimeout(run, NO_IDLE_WAIT_MS) as unknown as number);
  }

  cancel(): void {
    if (this.handle !== null)
      (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout)(this.handle);
    this.handle = null;
  }
}
