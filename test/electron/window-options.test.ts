// The desktop window's security settings (Electron's security checklist) and the CSP both hosts send.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../build/bundle.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  isAppUrl,
  webPreferences,
  windowOptions,
} from '../../electron/window-options';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('window options', () => {
  const prefs = webPreferences('/app/dist/preload.cjs');

  it('isolates and sandboxes the renderer, with no Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(prefs.preload).toBe('/app/dist/preload.cjs');
    expect(windowOptions('/p').webPreferences).toEqual(webPreferences('/p'));
    expect(windowOptions('/p').show).toBe(false);
  });

  it('serves from a custom scheme, not file://, and trusts only its own pages', () => {
    expect(APP_ORIGIN).toBe('app://tahrir');
    expect(isAppUrl('app://tahrir/index.html')).toBe(true);
    expect(isAppUrl('app://tahrir/assets/x.woff2?y#z')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'app://tahrir.evil/',
      'app://user@tahrir/',
      'https://tahrir/',
      'file:///tmp/index.html',
      'http://127.0.0.1/',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('has a strict CSP: nothing but our own files, no eval, no inline code, no framing', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('font-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|http:|https:/);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('the built main process', () => {
  let code = '';
  beforeAll(async () => {
    // Bundled as build/bundle.mjs does, into a temp folder (the shared dist/ is left alone).
    const out = await mkdtemp(join(tmpdir(), 'tahrir-main-'));
    await build({ ...bundleOptions(out).main, logLevel: 'silent' });
    code = await readFile(join(out, 'main.cjs'), 'utf8');
    await rm(out, { recursive: true, force: true });
  });

  it('carries these settings and this CSP', () => {
    for (const directive of CONTENT_SECURITY_POLICY.split('; ')) expect(code).toContain(JSON.stringify(directive));
    expect(code).toMatch(/contextIsolation:\s*(true|!0)/);
    expect(code).toMatch(/sandbox:\s*(true|!0)/);
    expect(code).toMatch(/nodeIntegration:\s*(false|!1)/);
    expect(code).toMatch(/webviewTag:\s*(false|!1)/);
    expect(code).toContain('windowOptions(preloadPath');
  });
});
