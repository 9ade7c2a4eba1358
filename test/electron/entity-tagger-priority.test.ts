// The tagger's worker thread runs at the lowest priority (nice 19), its own thread only: its seconds of training
// and suggesting must not slow the back end's answers (an open) or the editor beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTaggerWorker } from './tagger-worker-bundle';

let dir: string;
let workerFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-tagger-priority-'));
  workerFile = await buildTaggerWorker(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The nice value of each thread of this process (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNiceValues(): Map<string, number> {
  const nice = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      nice.set(tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      /* the thread ended */
    }
  }
  return nice;
}

test.runIf(process.platform === 'linux')('the worker thread lowers its own priority, not the process’s', async () => {
  const before = threadNiceValues();
  expect([...before.values()].every((n) => n === getPriority())).toBe(true);
  const worker = new Worker(workerFile);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('online', () => resolve());
      worker.once('error', reject);
    });
    let lowered: string[] = [];
    for (let i = 0; i < 100 && lowered.length === 0; i++) {
      lowered = [...threadNiceValues()].filter(([tid, n]) => !before.has(tid) && n === 19).map(([tid]) => tid);
      if (lowered.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(lowered.length).toBeGreaterThan(0);
    // The threads that were here before (the back end's own) keep their priority.
    for (const [tid, n] of threadNiceValues()) if (before.has(tid)) expect(n).toBe(before.get(tid));
    expect(getPriority()).toBe(before.get(String(process.pid)) ?? getPriority());
  } finally {
    await worker.terminate();
  }
});
