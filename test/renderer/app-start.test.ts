// When early.js runs app.js (renderer/app-start.ts): as soon as it is fetched, overlapping the wait for the answer,
// unless the answer came first and was painted early: then after that paint's frame, which app.js's long task would
// otherwise hold back.
import { describe, expect, it } from 'vitest';
import { APP_START_LAST_RESORT_MS, startAppWhenReady, type AppStartWaits } from '../../renderer/app-start';

/** The page's waits, told by hand: what happened so far, in order. */
function scene() {
  const log: string[] = [];
  let fetched: (() => void) | null = null;
  const frames: (() => void)[] = [];
  const timers: { then: () => void; ms: number }[] = [];
  const waits: AppStartWaits = {
    fetched: (then) => void (fetched = then),
    afterFrame: (then) => void frames.push(then),
    later: (then, ms) => void timers.push({ then, ms }),
  };
  return {
    log,
    waits,
    run: () => log.push('app.js runs'),
    fetch: () => fetched?.(),
    frame: () => {
      log.push('frame');
      for (const f of frames.splice(0)) f();
    },
    timers,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('when early.js runs app.js', () => {
  it('runs it once fetched while the answer is still on its way', async () => {
    const s = scene();
    let answer: (painted: boolean) => void = () => undefined;
    startAppWhenReady(new Promise((resolve) => (answer = resolve)), s.run, s.waits);
    s.fetch();
    expect(s.log).toEqual(['app.js runs']);
    answer(true);
    await settle();
    s.frame();
    expect(s.log).toEqual(['app.js runs', 'frame']);
  });

  it('runs it after the early paint’s frame when the answer came first, even if app.js is fetched before that frame', async () => {
    const s = scene();
    startAppWhenReady(Promise.resolve(true), s.run, s.waits);
    await settle();
    s.fetch();
    expect(s.log).toEqual([]);
    s.frame();
    await settle();
    expect(s.log).toEqual(['frame', 'app.js runs']);
  });

  it('runs it after that frame only once the answer is whole (a long document’s other entities in)', async () => {
    const s = scene();
    let whole: () => void = () => undefined;
    startAppWhenReady(Promise.resolve(true), s.run, s.waits, new Promise<void>((resolve) => (whole = resolve)));
    await settle();
    s.fetch();
    s.frame();
    await settle();
    expect(s.log).toEqual(['frame']);
    whole();
    await settle();
    expect(s.log).toEqual(['frame', 'app.js runs']);
  });

  it('waits for the answer’s paint when its response has begun before app.js is fetched', async () => {
    const s = scene();
    let answer: (painted: boolean) => void = () => undefined;
    const painted = new Promise<boolean>((resolve) => (answer = resolve));
    startAppWhenReady(painted, s.run, s.waits, painted, Promise.resolve());
    await settle();
    s.fetch();
    expect(s.log).toEqual([]);
    answer(true);
    await settle();
    s.frame();
    await settle();
    expect(s.log).toEqual(['frame', 'app.js runs']);
  });

  it('runs it at once when the answer is not painted early, or failed', async () => {
    for (const painted of [() => Promise.resolve(false), () => Promise.reject(new Error('no answer'))]) {
      const s = scene();
      startAppWhenReady(painted(), s.run, s.waits);
      await settle();
      expect(s.log).toEqual(['app.js runs']);
      s.fetch();
      s.frame();
      expect(s.log).toEqual(['app.js runs', 'frame']);
    }
  });

  it('runs it in the end when neither the answer nor the fetch is ever seen', () => {
    const s = scene();
    startAppWhenReady(new Promise(() => undefined), s.run, s.waits);
    expect(s.timers.map((t) => t.ms)).toEqual([APP_START_LAST_RESORT_MS]);
    s.timers[0].then();
    s.fetch();
    expect(s.log).toEqual(['app.js runs']);
  });
});
