// Helpers for the reliability tests: a temp workspace built from fixtures, and a snapshot
// of every file's bytes to prove that nothing was written.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = join(here, '..', '..');
export const BAD = join(REPO, 'test', 'fixtures', 'bad');
export const SAMPLE_NAME = '000_b3be894ae1d50a96';
export const SAMPLE_TEXT_PATH = join(REPO, 'seeds', `${SAMPLE_NAME}.txt`);
export const SAMPLE_SIDECAR_PATH = join(REPO, 'test', 'fixtures', 'sidecars', `${SAMPLE_NAME}.annotations.json`);

/**
 * The broken-sidecar fixtures (file stem → what the message must mention). Not
 * offsets-out-of-range: a span whose offsets do not hold its text is re-anchored by its text.
 */
export const BROKEN_SIDECARS: Record<string, { code: string; mentions: RegExp }> = {
  truncated: { code: 'broken-sidecar', mentions: /not valid JSON|truncated/i },
  'not-json': { code: 'broken-sidecar', mentions: /not valid JSON/i },
  'wrong-shape': { code: 'broken-sidecar', mentions: /entities|status/ },
  'newer-version': { code: 'newer-version', mentions: /newer.*version 2|version 2/i },
  'overlapping-edits': { code: 'broken-sidecar', mentions: /overlaps/ },
  'duplicate-ids': { code: 'broken-sidecar', mentions: /already used/ },
  'speaker-missing': { code: 'broken-sidecar', mentions: /t404.*not an entity|not an entity/ },
  'other-source-file': { code: 'broken-sidecar', mentions: /another-article\.txt/ },
};

export function tempWorkspace(prefix = 'tahrir-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `<case>/article.txt` (the sample article) and `<case>/article.annotations.json` (the broken fixture). */
export function addBrokenSidecarCases(root: string): void {
  for (const name of Object.keys(BROKEN_SIDECARS)) {
    mkdirSync(join(root, name), { recursive: true });
    copyFileSync(SAMPLE_TEXT_PATH, join(root, name, 'article.txt'));
    copyFileSync(join(BAD, 'sidecars', `${name}.annotations.json`), join(root, name, 'article.annotations.json'));
  }
}

/** The sample article with its valid sidecar, as `sample.txt` + `sample.annotations.json`. */
export function addSample(root: string, stem = 'sample'): void {
  copyFileSync(SAMPLE_TEXT_PATH, join(root, `${stem}.txt`));
  const sidecar = JSON.parse(readFileSync(SAMPLE_SIDECAR_PATH, 'utf8'));
  sidecar.source.file = `${stem}.txt`.split('/').pop();
  writeFileSync(join(root, `${stem}.annotations.json`), JSON.stringify(sidecar, null, 2) + '\n');
}

export function copyTree(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

/**
 * The workspace's cache (git-ignored, rebuilt from the files, never trusted over them): the first listing makes it,
 * and the document list kept there changes whenever what the files say changes (a sidecar's counts, a problem). None
 * of it is a file a user wrote.
 */
const CACHE = '.tahrir/';

/** Every file under `root` → sha256 of its bytes (relative `/` paths); the workspace's cache left out. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const name = relative(root, p).split(sep).join('/');
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !name.startsWith(CACHE))
        out[name] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}
