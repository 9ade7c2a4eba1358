// The agreement coefficients against NLTK's nltk.metrics.agreement.AnnotationTask, run by Debian's
// own Python: random annotation sets (property test) and a hand-made case with known values.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgreementCounts, prf } from '../../shared/agreement-stats';

const PYTHON = '/usr/bin/python3';

// Each task: coders × items labels. NLTK answers kappa (mean pairwise Cohen), multi_kappa (Davies &
// Fleiss), pi (multi-pi = Fleiss' kappa), alpha, and kappa_pairwise for each pair; null for 0/0.
const SCRIPT = String.raw`
import json, sys
from nltk.metrics.agreement import AnnotationTask
def safe(f):
    try:
        v = f()
        return None if v != v else v
    except ZeroDivisionError:
        return None
out = []
for task in json.load(sys.stdin):
    data = [(str(c), str(i), label) for c, labels in enumerate(task) for i, label in enumerate(labels)]
    t = AnnotationTask(data=data)
    coders = len(task)
    pairs = [safe(lambda a=a, b=b: t.kappa_pairwise(str(a), str(b))) for a in range(coders) for b in range(a + 1, coders)]
    out.append({"kappa": safe(t.kappa), "multi_kappa": safe(t.multi_kappa), "pi": safe(t.pi), "alpha": safe(t.alpha), "pairs": pairs})
print(json.dumps(out))
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-agreement-'));
  await writeFile(join(dir, 'nltk_agreement.py'), SCRIPT);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Nltk {
  kappa: number | null;
  multi_kappa: number | null;
  pi: number | null;
  alpha: number | null;
  pairs: (number | null)[];
}

async function nltk(tasks: string[][][]): Promise<Nltk[]> {
  const child = execFile(PYTHON, [join(dir, 'nltk_agreement.py')], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const done = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`nltk failed: ${err}`))));
  });
  child.stdin!.end(JSON.stringify(tasks));
  return JSON.parse(await done) as Nltk[];
}

function ours(task: string[][]): Nltk {
  const counts = new AgreementCounts(task.length);
  for (let i = 0; i < task[0].length; i++) counts.add(task.map((labels) => labels[i]));
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const pairs: (number | null)[] = [];
  for (let a = 0; a < task.length; a++)
    for (let b = a + 1; b < task.length; b++) pairs.push(finite(counts.cohenKappa(a, b)));
  // NLTK's kappa divides by zero when any pair's does; ours is NaN then too.
  return {
    kappa: finite(counts.meanPairwiseKappa()),
    multi_kappa: finite(counts.daviesFleissKappa()),
    pi: finite(counts.fleissKappa()),
    alpha: finite(counts.krippendorffAlpha()),
    pairs,
  };
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-9;
}

describe('AgreementCounts against NLTK', () => {
  it('a hand-made case: two coders, ten items, known values', async () => {
    // Coder 0: A A A A A B B B B B; coder 1 agrees on 8 of 10.
    const task = [
      ['A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B'],
      ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'A'],
    ];
    const [expected] = await nltk([task]);
    const got = ours(task);
    // Ao = 0.8, Ae = 0.5·0.5 + 0.5·0.5 = 0.5, κ = 0.6; π the same (equal margins); α = 1 − 0.2/(10/19) = 0.62
    expect(got.pairs[0]).toBeCloseTo(0.6, 12);
    expect(got.pi).toBeCloseTo(0.6, 12);
    expect(got.alpha).toBeCloseTo(0.62, 12);
    expect(expected).toEqual({
      kappa: expect.closeTo(0.6, 12),
      multi_kappa: expect.closeTo(0.6, 12),
      pi: expect.closeTo(0.6, 12),
      alpha: expect.closeTo(0.62, 12),
      pairs: [expect.closeTo(0.6, 12)],
    });
  });

  it('a hand-made case with three coders and unequal margins', async () => {
    const task = [
      ['PER', 'PER', 'O', 'O', 'ORG', 'O', 'O', 'PER'],
      ['PER', 'O', 'O', 'O', 'ORG', 'ORG', 'O', 'PER'],
      ['PER', 'PER', 'O', 'ORG', 'ORG', 'O', 'O', 'O'],
    ];
    const [expected] = await nltk([task]);
    const got = ours(task);
    for (const key of ['kappa', 'multi_kappa', 'pi', 'alpha'] as const)
      expect(close(got[key], expected[key]), `${key}: ${got[key]} vs ${expected[key]}`).toBe(true);
    got.pairs.forEach((k, i) => expect(close(k, expected.pairs[i])).toBe(true));
  });

  it('random annotation sets: 2–5 coders, 1–40 items, 1–4 labels (1,000 cases, one Python run)', async () => {
    const taskArb = fc.integer({ min: 2, max: 5 }).chain((coders) =>
      fc.integer({ min: 1, max: 40 }).chain((items) =>
        fc.integer({ min: 1, max: 4 }).chain((labels) =>
          fc.array(
            fc.array(
              fc.integer({ min: 0, max: labels - 1 }).map((k) => 'ABCD'[k]),
              { minLength: items, maxLength: items },
            ),
            { minLength: coders, maxLength: coders },
          ),
        ),
      ),
    );
    const tasks = fc.sample(taskArb, { numRuns: 1000, seed: 18 });
    const expected = await nltk(tasks);
    let compared = 0;
    tasks.forEach((task, n) => {
      const got = ours(task);
      for (const key of ['kappa', 'multi_kappa', 'pi', 'alpha'] as const) {
        // NLTK's alpha raises for one coder and one item only; every other undefined value is null on both sides.
        expect(
          close(got[key], expected[n][key]),
          `task ${n} ${key}: ${got[key]} vs ${expected[n][key]} for ${JSON.stringify(task)}`,
        ).toBe(true);
        compared++;
      }
      got.pairs.forEach((k, i) => expect(close(k, expected[n].pairs[i]), `task ${n} pair ${i}`).toBe(true));
    });
    expect(compared).toBe(4000);
  });

  it('weights count as that many items', () => {
    const a = new AgreementCounts(2);
    a.add(['x', 'x'], 3);
    a.add(['x', 'y'], 1);
    const b = new AgreementCounts(2);
    for (let i = 0; i < 3; i++) b.add(['x', 'x']);
    b.add(['x', 'y']);
    expect(a.krippendorffAlpha()).toBe(b.krippendorffAlpha());
    expect(a.cohenKappa(0, 1)).toBe(b.cohenKappa(0, 1));
  });
});

describe('prf', () => {
  it('precision, recall and F1; nothing on either side is full agreement', () => {
    expect(prf(4, 5, 3)).toEqual({ reference: 4, predicted: 5, matched: 3, precision: 0.6, recall: 0.75, f1: 6 / 9 });
    expect(prf(0, 0, 0).f1).toBe(1);
    expect(prf(2, 0, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
