// What the browser end-to-end suites share: `tahrir serve` on a temp copy of seeds/ with
// the renderer bundled into the temp folder (dist/ is never touched), Debian's Chromium,
// and the helpers that select text by mouse as an editor does.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions, writeIndexHtml } from '../../build/bundle.mjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/serve';
import type { Sidecar } from '../../shared/model';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const SAMPLE = '000_b3be894ae1d50a96';
export const shots = join(repo, 'test-results');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The renderer, its early start and its sidecar worker bundled with build/bundle.mjs's options into
 * `outdir`, with its index.html; `extraImports` adds modules a suite needs wired in.
 */
export async function buildRenderer(outdir: string, extraImports = ''): Promise<void> {
  const options = bundleOptions();
  const { entryPoints: _app, ...renderer } = options.renderer;
  const stdin = {
    contents: `import './main.tsx'; ${extraImports}`,
    resolveDir: join(repo, 'renderer'),
    loader: 'tsx' as const,
  };
  await Promise.all([
    build({ ...renderer, outdir, stdin }),
    build({ ...options.early, outfile: join(outdir, 'early.js') }),
    build({ ...options.sidecarWorker, outfile: join(outdir, 'sidecar-worker.js') }),
    build({ ...options.icuWorker, outfile: join(outdir, 'icu-worker.js') }),
  ]);
  await writeIndexHtml(outdir);
}

export interface EditorSession {
  /** Temp folder holding the workspace (`root`) and the bundled renderer. */
  base: string;
  root: string;
  server: RunningServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface EditorOptions {
  /** Temp folder name prefix. */
  name: string;
  /** Adds or changes files in the workspace before the server starts. */
  prepare?: (root: string) => Promise<void>;
  extraImports?: string;
  viewport?: { width: number; height: number };
  /** Runs in the page before any of its scripts (e.g. a React DevTools hook counting React's commits). */
  initScript?: string;
}

/** Serve a temp copy of seeds/ and open it in Chromium (nothing opened yet beyond the app's default). */
export async function openEditor(options: EditorOptions): Promise<EditorSession> {
  const base = await mkdtemp(join(tmpdir(), `tahrir-${options.name}-`));
  const root = join(base, 'ws');
  await cp(join(repo, 'seeds'), root, { recursive: true });
  await options.prepare?.(root);
  await buildRenderer(join(base, 'renderer'), options.extraImports);
  await mkdir(shots, { recursive: true });
  const server = await startServer({ root, rendererDir: join(base, 'renderer'), log: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(server.url);
  // The page takes the token out of its address bar at once and keeps it out of cookies (renderer/page-token.ts).
  await page.waitForURL(`http://127.0.0.1:${server.port}/`);
  if ((await page.context().cookies()).length > 0)
    throw new Error('tahrir serve: the page has cookies; the token must stay out of them');
  return {
    base,
    root,
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** Opens a document from the list and waits for its text. */
export async function openDocumentIn(page: Page, id: string): Promise<void> {
  await page.locator(`[data-doc-id="${id}"]`).click();
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="document-text"]')?.getAttribute('aria-label')?.includes(id),
    id,
  );
  await page.waitForSelector('[data-para]');
}

export async function readSource(root: string, id: string): Promise<string> {
  return (await readFile(join(root, `${id}.txt`), 'utf8')).replace(/^\uFEFF/, '');
}

export async function readSidecar(root: string, id: string): Promise<Sidecar> {
  return JSON.parse(await readFile(join(root, `${id}.annotations.json`), 'utf8')) as Sidecar;
}

/**
 * An annotation without its writer's stamps (createdBy, changedBy): saves are stamped with the editor's name (git's
 * user.name where the machine has one), which a test that checks offsets and labels does not fix.
 */
export function unstamped<T extends object>(item: T): Omit<T, 'createdBy' | 'changedBy'> {
  const copy = { ...item } as Record<string, unknown>;
  delete copy.createdBy;
  delete copy.changedBy;
  return copy as Omit<T, 'createdBy' | 'changedBy'>;
}

/** Code point offset of the n-th occurrence of `needle` in `source` (what the sidecar stores). */
export function cpOffset(source: string, needle: string, occurrence = 0): number {
  let u = -1;
  for (let i = 0; i <= occurrence; i++) u = source.indexOf(needle, u + 1);
  if (u < 0) throw new Error(`not in the text: ${needle}`);
  return Array.from(source.slice(0, u)).length;
}

/** Screen point at the middle of the k-th UTF-16 unit of the n-th occurrence of `needle` in the rendered text. */
export async function pointIn(
  page: Page,
  needle: string,
  k: number,
  occurrence = 0,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ needle, k, occurrence }) => {
      // A paragraph is one text node, or (left-to-right runs isolated in a right-to-left one) several.
      const pointAt = (p: Element, unit: number): [Node, number] => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let before = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = (node.textContent ?? '').length;
          if (unit < before + length) return [node, unit - before];
          before += length;
        }
        throw new Error(`no text at ${unit}`);
      };
      let seen = 0;
      for (const p of document.querySelectorAll('[data-para]')) {
        const text = p.textContent ?? '';
        let at = text.indexOf(needle);
        while (at >= 0) {
          if (seen++ === occurrence) {
            (p as HTMLElement).scrollIntoView({ block: 'center' });
            const r = new Range();
            const [node, offset] = pointAt(p, at + k);
            r.setStart(node, offset);
            r.setEnd(node, offset + 1);
            const box = r.getClientRects()[0];
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
          at = text.indexOf(needle, at + 1);
        }
      }
      throw new Error(`not rendered: ${needle}`);
    },
    { needle, k, occurrence },
  );
}

/** Drag the mouse from inside one character to inside another, as an editor selects. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/**
 * Waits until the save indicator says saved. After a keyboard edit React is told of it a few frames late (the highlight
 * is painted first, renderer/session/store.ts's ReactView), and a render for another reason in between may already show
 * the new counts while the indicator still says the "saved" of before the edit: so first let those frames pass.
 */
export async function waitSaved(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let frames = 0;
        const next = (): void => void (++frames > 4 ? done() : requestAnimationFrame(next));
        requestAnimationFrame(next);
        setTimeout(done, 1000); // a page without frames (hidden)
      }),
  );
  await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 10_000 });
}

/** The rendered text (all paragraphs joined by newlines). */
export async function renderedText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('[data-para]')].map((p) => p.textContent ?? '').join('\n'));
}
