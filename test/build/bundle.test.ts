// The `tahrir` command's bundles (build/bundle.mjs): the command table in cli.cjs, each command in a bundle of its
// own, loaded only when it runs.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../build/bundle.mjs';
import { COMMANDS } from '../../electron/cli/commands';

let dir = '';
let metafile: Metafile;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-cli-bundles-'));
  ({ metafile } = await build({ ...bundleOptions(dir).cli, logLevel: 'silent', metafile: true }));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `node cli.cjs ...args` and says which of the folder's bundles it loaded. */
function run(args: string[]) {
  const r = spawnSync(process.execPath, ['-r', join(dir, 'loaded.cjs'), join(dir, 'cli.cjs'), ...args], {
    encoding: 'utf8',
  });
  const loaded = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('loaded '))
    .map((l) => l.slice('loaded '.length));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^loaded .*\n/gm, ''), loaded };
}

describe("the tahrir command's bundles", () => {
  beforeAll(() =>
    writeFile(
      join(dir, 'loaded.cjs'),
      `process.on('exit', () => { for (const f of Object.keys(require.cache)) if (f.startsWith(${JSON.stringify(dir)}) && !f.endsWith('loaded.cjs')) process.stderr.write('loaded ' + require('path').basename(f) + '\\n'); });`,
    ),
  );

  it('builds one bundle per command of the table, and the table holds none of their code', async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.cjs') && f !== 'loaded.cjs').sort();
    expect(files).toEqual(['cli.cjs', ...Object.keys(COMMANDS).map((name) => `cli-${name}.cjs`)].sort());
    const [table, exporter] = await Promise.all([stat(join(dir, 'cli.cjs')), stat(join(dir, 'cli-export.cjs'))]);
    expect(table.size).toBeLessThan(exporter.size / 10);
  });

  it('loads only the bundle of the command it runs', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tahrir-cli-bundles-ws-'));
    try {
      const r = run(['export', folder, '--format', 'jsonl', '--out', join(folder, 'out.jsonl')]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.loaded.sort()).toEqual(['cli-export.cjs', 'cli.cjs']);
      expect(run(['--help']).loaded).toEqual(['cli.cjs']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('makes no collator for ids the digit order sorts (ICU loads its collation data for one: ~10 ms of a run)', async () => {
    const counter = join(dir, 'collators.cjs');
    await writeFile(
      counter,
      `let made = 0;
const Collator = Intl.Collator;
Intl.Collator = new Proxy(Collator, { construct: (c, args, to) => (made++, Reflect.construct(c, args, to)) });
process.on('exit', () => process.stderr.write('collators made ' + made + '\\n'));`,
    );
    const folder = await mkdtemp(join(tmpdir(), 'tahrir-cli-bundles-ws-'));
    const exported = (names: string[]) => {
      for (const name of names) writeFileSync(join(folder, name), 'نص الخبر\n');
      const out = join(tmpdir(), `tahrir-collators-${process.pid}.jsonl`);
      const r = spawnSync(
        process.execPath,
        ['-r', counter, join(dir, 'cli.cjs'), 'export', folder, '--format', 'jsonl', '--out', out],
        { encoding: 'utf8' },
      );
      const ids = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id);
      rmSync(out, { force: true });
      return { code: r.status, made: /collators made (\d+)/.exec(r.stderr)?.[1], ids };
    };
    try {
      expect(exported(['article-10.txt', 'article-02.txt', 'article-01.txt'])).toEqual({
        code: 0,
        made: '0',
        ids: ['article-01', 'article-02', 'article-10'],
      });
      // Ids only the collator orders (by case, digits in runs of other lengths): it is made then, and orders them.
      expect(exported(['B.txt', 'a.txt', 'article-9.txt'])).toEqual({
        code: 0,
        made: '1',
        ids: ['a', 'article-01', 'article-02', 'article-9', 'article-10', 'B'],
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("holds none of the listing's code in the export's bundle: no titles, boilerplate rules or Arabic catalog", () => {
    const [, exporter] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('/cli-export.cjs'))!;
    const sources = Object.keys(exporter.inputs);
    expect(sources).toContain('electron/export-job.ts');
    // Loading and running these at the start was ~31M instructions of a 1-document export's 733M (valgrind), and
    // the Arabic catalog a third of the bundle's bytes; the export says its messages in English only.
    const unneeded = sources.filter((f) =>
      /^(electron\/workspace\.ts|shared\/metadata\.ts|shared\/boilerplate\/|shared\/i18n\/ar\.ts)/.test(f),
    );
    expect(unneeded).toEqual([]);
  });

  it("makes the tokenizer's patterns only for the formats that tokenize (CoNLL, HF), not at the start of any", async () => {
    // Counts the RegExps made from the tokenizer's word pattern (its Arabic script class), by the constructor.
    const counter = join(dir, 'patterns.cjs');
    await writeFile(
      counter,
      `let made = 0;
globalThis.RegExp = new Proxy(RegExp, {
  construct: (c, args, to) => (String(args[0]).includes('scx=Arabic') && made++, Reflect.construct(c, args, to)),
});
process.on('exit', () => process.stderr.write('word patterns made ' + made + '\\n'));`,
    );
    const folder = await mkdtemp(join(tmpdir(), 'tahrir-cli-bundles-ws-'));
    const made = (format: string) => {
      const out = join(folder, `out.${format}`);
      const r = spawnSync(
        process.execPath,
        ['-r', counter, join(dir, 'cli.cjs'), 'export', folder, '--format', format, '--out', out],
        { encoding: 'utf8' },
      );
      return { code: r.status, made: /word patterns made (\d+)/.exec(r.stderr)?.[1] };
    };
    try {
      writeFileSync(join(folder, 'article.txt'), 'قال الرئيس جو بايدن\n');
      expect(made('jsonl')).toEqual({ code: 0, made: '0' });
      expect(made('conll')).toEqual({ code: 0, made: '1' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("prints an error of a command's bundle as the table prints its own: one clean line, the usage exit code", () => {
    const missing = join(dir, 'nope');
    const r = run(['validate', missing]);
    expect(r.stderr).toBe(`tahrir validate: the folder ${missing} does not exist\n`);
    expect(r.code).toBe(2);
  });
});
