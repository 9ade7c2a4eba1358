// The renderer's files as `tahrir serve` answers them (RendererFiles): kept in memory once read, read again
// when the file changed on disk, and confined to the renderer's folder as readRendererFile confines them.
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { RendererFiles, preloadLinks } from '../../electron/renderer-files';
import { tempFolder, writeFiles } from './temp-folder';

describe('RendererFiles', () => {
  it('answers a file it read from memory, and reads it again once it changed on disk', async () => {
    const dir = await tempFolder('tahrir-renderer-');
    await writeFiles(dir, { 'index.html': '<p>one</p>', 'app.js': 'run()' });
    const files = new RendererFiles(dir);
    await files.preload(['/', '/app.js', '/missing.js']);
    const first = await files.read('/');
    expect(first?.body.toString()).toBe('<p>one</p>');
    expect(first?.contentType).toBe('text/html; charset=utf-8');
    expect(await files.read('/')).toBe(first); // the same answer, not read again
    // A rebuild: other bytes (the same size, another mtime), then another size.
    await writeFile(join(dir, 'index.html'), '<p>two</p>');
    await utimes(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    expect((await files.read('/'))?.body.toString()).toBe('<p>two</p>');
    await writeFile(join(dir, 'app.js'), 'run(); run()');
    expect((await files.read('/app.js'))?.body.toString()).toBe('run(); run()');
    expect(await files.read('/missing.js')).toBeNull();
    expect(await files.read('/../secret')).toBeNull();
  });

  it('finds the files the built page preloads (the first screen’s fonts), which serve reads ahead', () => {
    const dir = join(__dirname, '..', '..', 'dist', 'renderer');
    const links = preloadLinks(readFileSync(join(dir, 'index.html'), 'utf8'));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      expect(link).toMatch(/^\/assets\/.*\.woff2$/);
      expect(existsSync(join(dir, link))).toBe(true);
    }
  });
});
