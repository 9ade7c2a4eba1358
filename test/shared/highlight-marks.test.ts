// The marks on the document besides the labels' highlights follow the theme and keep their contrast
// in each (issue 19, dark mode): lines, borders and underlines 3:1 against the page (WCAG 1.4.11),
// text on a tint 4.5:1, in the light and dark themes and in high contrast (light and dark). The
// figures are in the tests' names. app.css and suggestions.css must declare the colours checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex } from '../../shared/color-vision';
import {
  bandColor,
  HIGHLIGHT_MARKS,
  LINE_CONTRAST,
  lineContrast,
  MARK_PAGES,
  MARK_THEMES,
  tintContrast,
  type Mark,
} from '../../shared/highlight-marks';
import { HIGH_CONTRAST_PALETTE, LABEL_PALETTE } from '../../shared/label-palette';

const styles = join(__dirname, '..', '..', 'renderer', 'styles');
const css = ['app.css', 'suggestions.css'].map((f) => readFileSync(join(styles, f), 'utf8')).join('\n');
const figure = (n: number) => `${n.toFixed(1)}:1`;
const contrastOf = (m: Mark, theme: (typeof MARK_THEMES)[number]) =>
  m.kind === 'line' ? lineContrast(m, theme) : tintContrast(m, theme);
const figures = (m: Mark) => MARK_THEMES.map((th) => `${th} ${figure(contrastOf(m, th))}`).join(', ');

describe('the marks on the document, in every theme', () => {
  for (const mark of HIGHLIGHT_MARKS)
    it(`${mark.what} (${mark.variable}, ${mark.kind === 'line' ? 'against the page' : 'text on it'}): ${figures(mark)}`, () => {
      for (const theme of MARK_THEMES)
        expect(contrastOf(mark, theme), theme).toBeGreaterThanOrEqual(mark.kind === 'line' ? LINE_CONTRAST : 4.5);
    });

  it('app.css declares each mark’s colours for the light and dark themes and for high contrast', () => {
    const [normal, high] = css.split(":root[data-contrast='more'] {");
    for (const { variable, colors } of HIGHLIGHT_MARKS) {
      expect(normal, variable).toContain(`${variable}: light-dark(${colors.light}, ${colors.dark});`);
      expect(high, variable).toContain(
        `${variable}: light-dark(${colors['high-contrast-light']}, ${colors['high-contrast-dark']});`,
      );
    }
  });

  it('no mark has a fixed colour left in the stylesheets (each follows the theme)', () => {
    const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const name of [
      'span-box',
      'speaker-arc',
      'tahrir-quote-unattributed',
      'tahrir-snap-preview',
      'tahrir-suggested',
    ])
      for (const m of rules.matchAll(new RegExp(`[^{}]*${name}[^{}]*\\{([^{}]*)\\}`, 'g')))
        expect(m[1], name).not.toMatch(/#[0-9a-f]{3,6}\b|rgba?\(/i);
  });

  it('the old fixed colours failed in the dark theme (the check can fail)', () => {
    const dark = parseHex(MARK_PAGES.dark.page);
    // The span box's #6b6257 and the suggestions' #4b2f9b, as they were in both themes.
    expect(contrastRatio(parseHex('#6b6257'), dark)).toBeLessThan(3);
    expect(contrastRatio(parseHex('#4b2f9b'), dark)).toBeLessThan(2);
  });
});

describe('nesting bands and extent boxes in their label’s colour', () => {
  const worst = (palette: readonly string[], themes: readonly (typeof MARK_THEMES)[number][]) =>
    Math.min(
      ...themes.flatMap((th) =>
        palette.map((c) => contrastRatio(parseHex(bandColor(c, th)), parseHex(MARK_PAGES[th].page))),
      ),
    );
  const raw = Math.min(...LABEL_PALETTE.map((c) => contrastRatio(parseHex(c), parseHex(MARK_PAGES.light.page))));

  it(`hold 3:1 on the page in the light and dark themes: at least ${figure(worst(LABEL_PALETTE, ['light', 'dark']))} (the raw colours went down to ${figure(raw)} on the light page)`, () => {
    expect(raw).toBeLessThan(3);
    expect(worst(LABEL_PALETTE, ['light', 'dark'])).toBeGreaterThanOrEqual(LINE_CONTRAST);
  });

  it(`hold 3:1 in high contrast: at least ${figure(worst(HIGH_CONTRAST_PALETTE, ['high-contrast-light', 'high-contrast-dark']))}`, () => {
    expect(worst(HIGH_CONTRAST_PALETTE, ['high-contrast-light', 'high-contrast-dark'])).toBeGreaterThanOrEqual(
      LINE_CONTRAST,
    );
  });

  it('keep a colour that already holds, and one that is no hex colour', () => {
    expect(bandColor('#2c7a4b', 'light')).toBe('#2c7a4b');
    expect(bandColor('rebeccapurple', 'dark')).toBe('rebeccapurple');
  });
});
