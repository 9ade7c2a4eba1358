// The desktop app's own memory, in userData/settings.json: window size and position, recent
// folders. Written atomically (temp file, fsync, rename); a file that cannot be read is set
// aside as settings.json.broken-<time> rather than overwritten.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface SavedWindow {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface DesktopSettings {
  window?: SavedWindow;
  /** Most recent first, absolute paths. */
  recentWorkspaces: string[];
}

export const MAX_RECENT = 10;

const DEFAULTS: DesktopSettings = { recentWorkspaces: [] };

export class DesktopSettingsFile {
  readonly path: string;
  private unreadable = false;

  constructor(path: string) {
    this.path = path;
  }

  /** The settings, or defaults when there are none or they cannot be read. */
  async load(): Promise<DesktopSettings> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.unreadable = true;
      return structuredClone(DEFAULTS);
    }
    try {
      return parseSettings(JSON.parse(raw));
    } catch {
      this.unreadable = true;
      return structuredClone(DEFAULTS);
    }
  }

  async save(settings: DesktopSettings): Promise<void> {
    if (this.unreadable) {
      await rename(this.path, `${this.path}.broken-${Date.now()}`).catch(() => {});
      this.unreadable = false;
    }
    // A fresh profile folder (first run, or a test's TAHRIR_USER_DATA) may not exist yet.
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`);
  }
}

/** Keeps only well-formed parts of what was on disk. */
export function parseSettings(data: unknown): DesktopSettings {
  if (typeof data !== 'object' || data === null) throw new Error('settings must be an object');
  const d = data as Record<string, unknown>;
  const settings: DesktopSettings = { recentWorkspaces: [] };
  if (Array.isArray(d.recentWorkspaces)) {
    settings.recentWorkspaces = d.recentWorkspaces
      .filter((p): p is string => typeof p === 'string' && p !== '' && !p.includes('\0'))
      .slice(0, MAX_RECENT);
  }
  const w = d.window as Record<string, unknown> | undefined;
  const size = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 100_000;
  const coordinate = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 100_000;
  if (w && typeof w === 'object' && size(w.width) && size(w.height)) {
    settings.window = { width: w.width as number, height: w.height as number };
    if (coordinate(w.x) && coordinate(w.y)) Object.assign(settings.window, { x: w.x, y: w.y });
    if (w.maximized === true) settings.window.maximized = true;
  }
  return settings;
}

/** `path` moved to the front of the recent list, without duplicates. */
export function rememberWorkspace(recent: readonly string[], path: string): string[] {
  return [path, ...recent.filter((p) => p !== path)].slice(0, MAX_RECENT);
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Saved bounds if enough of the window would be on one of the screens now attached, else size only. */
export function placeOnScreen(saved: SavedWindow, workAreas: readonly Rectangle[]): SavedWindow {
  if (saved.x === undefined || saved.y === undefined) return { width: saved.width, height: saved.height };
  const visible = workAreas.some((a) => {
    const w = Math.min(saved.x! + saved.width, a.x + a.width) - Math.max(saved.x!, a.x);
    const h = Math.min(saved.y! + saved.height, a.y + a.height) - Math.max(saved.y!, a.y);
    return w >= 100 && h >= 50;
  });
  return visible ? saved : { width: saved.width, height: saved.height };
}

async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const file = await open(temp, 'w', 0o600);
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
}
