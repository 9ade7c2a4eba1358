// The document `tahrir serve` last opened for a page, kept between runs in the workspace's git-ignored
// `.tahrir/last-served.json`: the printed URL's page starts with it (serve.ts), and the server prepares it as soon as
// it listens. Kept only in memory, a server started again (a fixed --port, the same browser) began with the workspace's
// first document while the browser remembered another: the page painted one and then switched to the other.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TAHRIR_DIR } from '../shared/workspace-layout';
import { writeFileAtomic } from './sidecar-store';

export const LAST_SERVED_FILE = 'last-served.json';
const VERSION = 1;

/** The document id kept by keepLastServed; null when there is none or the file is not as written. */
export async function readLastServed(root: string): Promise<string | null> {
  try {
    const kept = JSON.parse(await readFile(join(root, TAHRIR_DIR, LAST_SERVED_FILE), 'utf8')) as unknown;
    const { version, id } = (kept ?? {}) as { version?: unknown; id?: unknown };
    return version === VERSION && typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** Keeps `id` for the next run (atomically, beside the other caches). */
export async function keepLastServed(root: string, id: string): Promise<void> {
  const dir = join(root, TAHRIR_DIR);
  // Not recursive: a workspace folder removed meanwhile is not made again.
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  const ignore = join(dir, '.gitignore');
  await stat(ignore).catch(() =>
    writeFile(ignore, '# Tahrir caches: template counts, learned model, recovery journal\n*\n'),
  );
  await writeFileAtomic(
    join(dir, LAST_SERVED_FILE),
    `${JSON.stringify({ version: VERSION, id })}\n`,
    `${TAHRIR_DIR}/${LAST_SERVED_FILE}`,
  );
}
