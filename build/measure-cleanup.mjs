// Measures `tahrir suggest` on the development corpus (../shared/corpus, read at run time, never
// copied into the repository) with gold/score.py, in three settings:
//   alone      each gold article by itself, in a folder of its own (no workspace, no teaching);
//   workspace  each gold article inside a workspace holding its whole site folder;
//   taught     the same, after `tahrir learn` on the other gold articles of its site, whose gold
//              boilerplate is in their sidecars as accepted edits (leave one out).
// Workspaces are temporary copies under the system temp folder, removed afterwards.
//
//   node build/measure-cleanup.mjs [--setting alone|workspace|taught|all] [--site S] [--json] [--errors N]
//
// Prints score.py's report per setting; with --json, one line of JSON per setting with the
// micro, per-language and per-site figures (what test/shared/boilerplate/site-corpus.test.ts reads).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** @typedef {{ site: string; boilerplate: { start: number; end: number }[] }} GoldFile */
/** @typedef {{ files: Record<string, GoldFile> }} Gold */
/** @typedef {{ file: string; edits: unknown[] }} Prediction */

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = join(root, '..', 'shared', 'corpus');
const TAHRIR = join(root, 'electron', 'tahrir.cjs');

/**
 * @template {string | undefined} F
 * @param {string} name
 * @param {F} [fallback]
 * @returns {string | F}
 */
function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : /** @type {F} */ (fallback);
}

/** @param {string[]} args */
async function tahrir(args) {
  const { stdout } = await run(process.execPath, [TAHRIR, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The sidecar an editor leaves after accepting the gold boilerplate of an article. */
/**
 * @param {string} name
 * @param {string} text
 * @param {Buffer} bytes
 * @param {GoldFile} gold
 */
function taughtSidecar(name, text, bytes, gold) {
  const chars = [...text];
  const edits = gold.boilerplate.map((b, i) => ({
    id: `gold-${i}`,
    start: b.start,
    end: b.end,
    text: chars.slice(b.start, b.end).join(''),
    replacement: '',
    kind: 'boilerplate',
  }));
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: name, sha256: createHash('sha256').update(bytes).digest('hex'), length: chars.length },
    document: { status: 'done' },
    edits,
    entities: [],
    quotes: [],
  };
}

/** A temp workspace per site with a copy of the site's articles and a tahrir.json. */
/**
 * @param {string} base
 * @param {string[]} sites
 * @returns {Promise<Map<string, string>>}
 */
async function makeWorkspaces(base, sites) {
  const out = new Map();
  for (const site of sites) {
    const ws = join(base, `ws-${site}`);
    await mkdir(join(ws, site), { recursive: true });
    await writeFile(join(ws, 'tahrir.json'), '{}\n');
    for (const f of await readdir(join(CORPUS, 'news', site)))
      await copyFile(join(CORPUS, 'news', site, f), join(ws, site, f));
    out.set(site, ws);
  }
  return out;
}

/**
 * @param {string} setting
 * @param {Gold} gold
 * @param {string[]} files
 * @param {Map<string, string>} workspaces
 */
async function suggestAll(setting, gold, files, workspaces) {
  /** @type {Prediction[]} */
  const predictions = [];
  const bySite = new Map();
  for (const f of files) bySite.set(gold.files[f].site, [...(bySite.get(gold.files[f].site) ?? []), f]);
  await Promise.all(
    [...bySite].map(async ([site, siteFiles]) => {
      const ws = /** @type {string} */ (workspaces.get(site));
      for (const f of siteFiles) {
        const name = f.split('/').pop() ?? f;
        if (setting === 'taught') {
          // Leave one out: every other gold article of the site carries its gold as accepted edits.
          for (const other of siteFiles) {
            const otherName = other.split('/').pop() ?? other;
            const sidecar = join(ws, site, otherName.replace(/\.txt$/, '.annotations.json'));
            if (other === f) await rm(sidecar, { force: true });
            else {
              const bytes = await readFile(join(CORPUS, other));
              await writeFile(
                sidecar,
                JSON.stringify(taughtSidecar(otherName, bytes.toString('utf8'), bytes, gold.files[other])),
              );
            }
          }
          await tahrir(['learn', ws]);
        }
        let args = ['suggest', join(ws, site, name), '--workspace', ws, '--json'];
        if (setting === 'alone') {
          // Alone in a folder of its own: by default `suggest` takes the file's folder as the workspace.
          const folder = join(dirname(ws), 'alone', name.replace(/\.txt$/, ''));
          await mkdir(folder, { recursive: true });
          await copyFile(join(CORPUS, f), join(folder, name));
          args = ['suggest', join(folder, name), '--json'];
        }
        const out = JSON.parse(await tahrir(args));
        predictions.push({ file: f, edits: out.edits });
      }
    }),
  );
  return predictions;
}

/**
 * @param {string} predictionsFile
 * @param {string[]} extra
 */
async function score(predictionsFile, extra) {
  const args = [join(CORPUS, 'gold', 'score.py'), predictionsFile, ...extra];
  try {
    return (await run('python3', args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    // Exit status 2 still prints the scores (a problem is listed with them).
    const { stdout } = /** @type {{ stdout?: string }} */ (e);
    if (stdout) return stdout;
    throw e;
  }
}

async function main() {
  if (!existsSync(join(CORPUS, 'gold', 'boilerplate.json'))) {
    process.stderr.write(`measure-cleanup: no corpus at ${CORPUS}\n`);
    process.exit(2);
  }
  const setting = option('setting', 'all');
  const onlySite = option('site');
  const json = process.argv.includes('--json');
  const gold = JSON.parse(await readFile(join(CORPUS, 'gold', 'boilerplate.json'), 'utf8'));
  const files = Object.keys(gold.files).filter((f) => !onlySite || gold.files[f].site === onlySite);
  const sites = [...new Set(files.map((f) => gold.files[f].site))];
  const base = await mkdtemp(join(tmpdir(), 'tahrir-measure-'));
  try {
    const workspaces = await makeWorkspaces(base, sites);
    // The counts are built once per workspace (and cached there), not in every suggest.
    await Promise.all([...workspaces.values()].map((ws) => tahrir(['learn', ws])));
    for (const s of setting === 'all' ? ['alone', 'workspace', 'taught'] : [setting]) {
      const started = Date.now();
      const predictions = await suggestAll(s, gold, files, workspaces);
      const file = join(base, `${s}.jsonl`);
      await writeFile(file, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
      const extra = onlySite ? ['--site', onlySite] : [];
      if (json) {
        const result = JSON.parse(await score(file, [...extra, '--json']));
        process.stdout.write(`${JSON.stringify({ setting: s, seconds: (Date.now() - started) / 1000, result })}\n`);
      } else {
        process.stdout.write(`\n===== ${s} (${((Date.now() - started) / 1000).toFixed(1)} s) =====\n`);
        process.stdout.write(await score(file, [...extra, '--quiet', '--errors', option('errors', '0')]));
      }
    }
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

await main();
