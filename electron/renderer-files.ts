// The renderer's built files (dist/renderer/) for the two hosts that serve them: Electron's
// app:// protocol and `tahrir serve`. A URL path maps to a file inside that folder or to nothing.
import { realpath, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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
    if (!(await stat(realFile)).isFile()) return null;
    return { path: realFile, body: await readFile(realFile), contentType: contentTypeFor(realFile) };
  } catch {
    return null;
  }
}
