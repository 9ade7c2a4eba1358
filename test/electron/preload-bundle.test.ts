// A sandboxed preload is one CommonJS file that may require only what Electron's sandbox
// provides; ours must need `electron` alone. Also: main bundles, and window.tahrir has one
// method per operation (no generic send).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api';

const repo = join(__dirname, '..', '..');
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'tahrir-bundle-'));
  // The options of build/bundle.mjs, into a temp folder so the shared dist/ is left alone.
  const node: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    target: 'node22',
    logLevel: 'silent',
  };
  await build({ ...node, entryPoints: [join(repo, 'electron', 'preload.ts')], outfile: join(out, 'preload.cjs') });
  await build({ ...node, entryPoints: [join(repo, 'electron', 'main.ts')], outfile: join(out, 'main.cjs') });
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the preload bundle', () => {
  it('requires nothing but electron', async () => {
    const code = await readFile(join(out, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes one method per operation under window.tahrir, and no generic channel', async () => {
    const code = await readFile(join(out, 'preload.cjs'), 'utf8');
    expect(code).toMatch(/exposeInMainWorld\(\s*["']tahrir["']/);
    for (const method of [...API_METHODS, 'onEvent']) expect(code, method).toMatch(new RegExp(`\\b${method}\\s*[:(]`));
    expect(code).not.toMatch(/\bsend\s*:\s*\(/);
  });
});

describe('the main bundle', () => {
  it('builds, with electron left to the runtime', async () => {
    const code = await readFile(join(out, 'main.cjs'), 'utf8');
    expect(code).toContain('require("electron")');
    expect(code).toContain('registerSchemesAsPrivileged');
    expect(code).toContain('setWindowOpenHandler');
    expect(code).toContain('will-attach-webview');
    expect(code).toContain('setPermissionRequestHandler');
  });
});
