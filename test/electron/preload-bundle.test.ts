// A sandboxed preload is one CommonJS file that may require only what Electron's sandbox
// provides; ours must need `electron` alone. Also: main bundles, and window.tahrir has one
// method per operation (no generic send).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../build/bundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'tahrir-bundle-'));
  // The options of build/bundle.mjs, into a temp folder so the shared dist/ is left alone.
  const options = bundleOptions(out);
  await build({ ...options.preload, logLevel: 'silent' });
  await build({ ...options.main, logLevel: 'silent' });
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
