// The built page (dist/renderer/index.html, made by `npm run build`, which `npm test` runs
// first): one script, early.js, which runs the preloaded app.js; and a preload for each font
// the first screen uses, naming files that exist and that app.css uses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '..', '..', 'dist', 'renderer');
const built = existsSync(join(dir, 'index.html'));

describe.skipIf(!built)('the built renderer page', () => {
  const html = built ? readFileSync(join(dir, 'index.html'), 'utf8') : '';
  const css = built ? readFileSync(join(dir, 'app.css'), 'utf8') : '';

  it('runs early.js, which runs app.js (preloaded, not a script of its own)', () => {
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['early.js']);
    expect(html).toContain('<link rel="modulepreload" href="app.js" />');
    expect(readFileSync(join(dir, 'early.js'), 'utf8')).toMatch(/import\(/);
  });

  it('asks for early.js first, before the fonts, the stylesheet and app.js', () => {
    const requests = [
      ...html.matchAll(/<(?:script|link rel="(?:preload|stylesheet|modulepreload)")[^>]*(?:src|href)="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(requests[0]).toBe('early.js');
    expect(requests).toEqual(expect.arrayContaining(['app.css', 'app.js']));
    expect(requests.length).toBe(6);
  });

  it('keeps early.js small: it asks for the workspace before app.js runs, and holds nothing it does not need for that', () => {
    const early = readFileSync(join(dir, 'early.js'), 'utf8');
    // valibot and the API's argument schemas (the hosts check arguments; the page need not before asking).
    expect(early).not.toMatch(/strict_tuple|loose_object/);
    // ~6 KB to ask, ~21 KB to paint the first screen from the answer (renderer/text/early-paint.ts) and ~6.5 KB to draw
    // the side panel's entity list with it (renderer/text/early-panel.ts: the list in the first painted frame; ~3.5 KB
    // of it group a small document's entities that came whole, as on the desktop); ~0.2 KB to read a listing once
    // the filter is still (api-http.ts readListingsWhen); ~0.9 KB to put the editor's theme and contrast on <html>
    // before that paint (session/appearance.ts: else a reload drew the first screen light, then switched).
    expect(early.length).toBeLessThan(40_000);
  });

  it('preloads the three fonts of the first screen, before the stylesheet, as files app.css uses', () => {
    const fonts = [
      ...html.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin \/>/g),
    ].map((m) => m[1]);
    expect(fonts).toHaveLength(3);
    expect(fonts.map((f) => f.replace(/-[A-Z0-9]+\.woff2$/, '')).sort()).toEqual([
      'assets/noto-naskh-arabic-arabic-400-normal',
      'assets/noto-sans-latin-400-normal',
      'assets/noto-sans-latin-600-normal',
    ]);
    for (const font of fonts) {
      expect(existsSync(join(dir, font))).toBe(true);
      expect(css).toContain(font);
      expect(html.indexOf(font)).toBeLessThan(html.indexOf('rel="stylesheet"'));
    }
  });
});
