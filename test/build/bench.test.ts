// `npm run bench -- --quick` completes and writes its JSON: every bench section ran (small inputs)
// and reported rows. The real numbers come from `npm run bench`; this only keeps the bench alive.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const run = promisify(execFile);

interface Section {
  name: string;
  ok: boolean;
  error?: string;
  rows: { name: string; value: number | null; unit: string }[];
}

describe('npm run bench -- --quick', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs every test/bench/*.bench.ts and writes bench-results JSON', { timeout: 600_000 }, async () => {
    if (!existsSync(join(root, 'dist', 'cli.cjs')))
      throw new Error('dist/ is not built: npm test builds before vitest (npm run build)');
    dir = await mkdtemp(join(tmpdir(), 'tahrir-bench-test-'));
    const out = join(dir, 'results.json');
    const { stdout } = await run(process.execPath, [join(root, 'build', 'bench.mjs'), '--quick', '--out', out], {
      cwd: root,
      maxBuffer: 16 * 2 ** 20,
    });
    expect(stdout).toContain('section');
    const results = JSON.parse(await readFile(out, 'utf8')) as { quick: boolean; sections: Section[] };
    expect(results.quick).toBe(true);
    const files = (await readdir(join(root, 'test', 'bench'))).filter((f) => f.endsWith('.bench.ts'));
    expect(results.sections.map((s) => s.name).sort()).toEqual(files.map((f) => f.replace(/\.bench\.ts$/, '')).sort());
    for (const section of results.sections) {
      expect(section.error ?? '', `${section.name} failed`).toBe('');
      expect(section.ok).toBe(true);
      expect(section.rows.length, `${section.name} reported nothing`).toBeGreaterThan(0);
    }
    const browser = results.sections.find((s) => s.name === 'browser');
    if (browser) {
      // The editor itself was measured, not only the floors and the peer.
      expect(browser.rows.some((r) => /^open .*: Tahrir, painted/.test(r.name) && typeof r.value === 'number')).toBe(
        true,
      );
      expect(browser.rows.some((r) => r.name === 'Tahrir (failed)')).toBe(false);
      // Every page's add one was drawn and timed (a page that never drew its add would report no number),
      // recogito in both its renderers (the probe sees the SPANS renderer's elements).
      for (const who of [
        'floor, Highlight.add on the text + highlights page',
        'recogito addAnnotation (SPANS)',
        'recogito addAnnotation (CSS_HIGHLIGHTS)',
        'Tahrir (double-click, hotkey 1 in the page)',
      ]) {
        const row = browser.rows.find((r) => / p50: /.test(r.name) && r.name.endsWith(who));
        expect(Number.isFinite(row?.value), `add one: ${who}`).toBe(true);
      }
      // Rows with a goal say whether it is met.
      for (const row of browser.rows as { goal?: string; met?: boolean }[])
        if (row.goal !== undefined) expect(typeof row.met).toBe('boolean');
    }
  });
});
