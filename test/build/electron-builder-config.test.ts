// The packaging config cannot run here (no Electron binary), so check what it says: validated
// against electron-builder's own schema, the files allow-list, the fuses, targets, maintainer.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../build/electron-builder.config.cjs');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');

/** electron-builder's `files` semantics: a path is packed when the last pattern that matches it is not a negation. */
function packed(path: string): boolean {
  let included = false;
  for (const pattern of config.files as string[]) {
    const negated = pattern.startsWith('!');
    if (matchesGlob(path, negated ? pattern.slice(1) : pattern)) included = !negated;
  }
  return included;
}

describe('electron-builder config', () => {
  it('is valid for the installed electron-builder (its own schema: no misspelled options)', async () => {
    const quietLogger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFusess: {} }, quietLogger)).rejects.toThrow(
      /electronFusess/,
    );
  });

  it('names the app', () => {
    expect(config.productName).toBe('Tahrir');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('packs the bundles, the built renderer and package.json, and nothing else of the repository', () => {
    for (const path of [
      'dist/main.cjs',
      'dist/preload.cjs',
      'dist/entity-tagger-worker.cjs',
      'dist/renderer/index.html',
      'dist/renderer/app.js',
      'dist/renderer/assets/noto-naskh-arabic-1234.woff2',
      'package.json',
    ]) {
      expect(packed(path), path).toBe(true);
    }
    const repositoryFiles = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const leaked = repositoryFiles.filter((file) => file !== 'package.json' && packed(file));
    expect(leaked).toEqual([]);
    for (const path of [
      'dist/main.cjs.map',
      'dist/renderer/app.js.map',
      'dist/cli.cjs',
      'test/electron/serve.test.ts',
      'electron/main.ts',
      'shared/api.ts',
      'renderer/main.tsx',
      'seeds/000_b3be894ae1d50a96.txt',
    ]) {
      expect(packed(path), path).toBe(false);
    }
  });

  it('ships seeds/ as a resource (opened when no folder is given)', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'seeds', to: 'seeds' }));
  });

  it("ships the licence of the tagger's Arabic word list (MPL 1.1), which the bundles hold", () => {
    expect(config.extraResources).toContainEqual({
      from: 'shared/ner/ordinary-words.LICENSE',
      to: 'licenses/ordinary-words.LICENSE',
    });
  });

  it('sets the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).not.toBe(false); // only-load-from-asar needs an asar
  });

  it('builds Linux AppImage and deb (with a maintainer), Windows nsis and macOS dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux.category).toBeTruthy();
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });
});
