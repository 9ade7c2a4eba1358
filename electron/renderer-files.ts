// The renderer's built files (dist/renderer/) for the two hosts that serve them: Electron's
// app:// protocol and `tahrir serve`. A URL path maps to a file inside that folder or to nothing.
import { realpath, readFile, stat } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** dist/renderer/, wherever this code runs from: bundled into dist/*.cjs, or as source under vitest. */
export function findRendererDir(): string {
  const candidates = [
    typeof __dirname === 'string' ? join(__dirname, 'renderer') : '', // dist/main.cjs, dist/cli.cjs
    typeof __dirname === 'string' ? join(__dirname, '..', 'dist', 'renderer') : '', // electron/*.ts
    join(process.cwd(), 'dist', 'renderer'),
  ].filter(Boolean);
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[candidates.length - 1];
}

export interface RendererFile {
  path: string;
  body: Buffer;
  contentType: string;
  /** The file's size and mtime when it was read (RendererFiles: is the body kept still the file's?). */
  size: number;
  mtimeMs: number;
}

/**
 * The file for a URL path ("/" is index.html), or null when there is none or the path tries to
 * leave the folder (`..`, encoded or not, backslashes, NUL, dot-files, symlinks pointing out).
 */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return null; // also refuses '..'
  const relative = segments.length === 0 ? 'index.html' : segments.join(sep);
  const root = resolve(rendererDir);
  const candidate = resolve(root, relative);
  if (!candidate.startsWith(root + sep)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    const info = await stat(realFile);
    if (!info.isFile()) return null;
    const body = await readFile(realFile);
    return { path: realFile, body, contentType: contentTypeFor(realFile), size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

/** URL paths whose files RendererFiles keeps, at most (every file of a build is far fewer). */
const KEPT_FILES = 64;

/**
 * The renderer's files for `tahrir serve`, kept once read: a file kept is answered at once, checked by a statSync of
 * its size and mtime (a rebuilt file is read again). Read each time (two realpaths, a stat, a read: four trips to
 * the thread pool and back to a busy event loop), index.html and app.js came back 0.5–1 s after the page asked
 * while a 100,000-document workspace was walked; `preload` reads the page's first files before anyone asks.
 */
export class RendererFiles {
  private readonly kept = new Map<string, RendererFile>();

  constructor(private readonly rendererDir: string) {}

  /** Reads these URL paths' files now (failing costs nothing: they are read when asked for). */
  preload(urlPaths: string[]): Promise<void> {
    return Promise.all(urlPaths.map((p) => this.read(p).catch(() => null))).then(() => undefined);
  }

  /** The file for a URL path as readRendererFile finds it, from memory while the file is unchanged. */
  async read(urlPath: string): Promise<RendererFile | null> {
    const kept = this.kept.get(urlPath);
    if (kept) {
      try {
        const now = statSync(kept.path);
        if (now.size === kept.size && now.mtimeMs === kept.mtimeMs) return kept;
      } catch {
        // gone: looked for again below
      }
      this.kept.delete(urlPath);
    }
    const file = await readRendererFile(this.rendererDir, urlPath);
    if (file && this.kept.size < KEPT_FILES) this.kept.set(urlPath, file);
    return file;
  }
}

/**
 * The URL paths index.html preloads (`<link rel="preload" href>`: the first screen's fonts), which `tahrir serve` reads
 * ahead as it does the page's scripts: the page opened from its printed URL has its start in it, and then waits for
 * nothing but app.css and these fonts (renderer/early-start.ts), read otherwise on a busy loop when first asked for.
 */
export function preloadLinks(html: string): string[] {
  return [...html.matchAll(/<link rel="preload" href="([^"?#]+)"/g)].map((m) => `/${m[1].replace(/^\.?\//, '')}`);
}
