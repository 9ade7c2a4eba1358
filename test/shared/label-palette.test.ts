// The label palettes hold to what the editor promises readers: in the light and the dark theme and
// in high contrast, every two labels, a label and the browser's selection, and a label and the page
// stay apart in normal vision and as protanopia, deuteranopia and tritanopia see them, and the text
// on a highlight keeps WCAG's 4.5:1. The figures are the minimums measured when the palettes were
// chosen (printed by this test); a change of colour that lowers one fails here. app.css must name
// the same page, text and selection colours as shared/label-palette.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paletteReport, VISIONS, type PaletteReport } from '../../shared/color-vision';
import {
  DARK_HIGHLIGHT_MIX,
  HIGH_CONTRAST_PALETTE,
  LABEL_PALETTE,
  LIGHT_HIGHLIGHT_ALPHA,
  paintedPalette,
  THEME_COLORS,
} from '../../shared/label-palette';
import { DEFAULT_LABELS } from '../../shared/model';

const css = readFileSync(join(__dirname, '..', '..', 'renderer', 'styles', 'app.css'), 'utf8');

function least(r: PaletteReport): { labels: number; selection: number; page: number } {
  return {
    labels: Math.min(...VISIONS.map((v) => r.labels[v].deltaE)),
    selection: Math.min(...VISIONS.map((v) => r.selection[v])),
    page: Math.min(...VISIONS.map((v) => r.page[v])),
  };
}

function show(name: string, r: PaletteReport): string {
  const row = VISIONS.map(
    (v) =>
      `${v}: labels ${r.labels[v].deltaE.toFixed(1)} (${r.labels[v].pair.join('/')}), selection ${r.selection[v].toFixed(1)}, page ${r.page[v].toFixed(1)}`,
  );
  return `${name}: text on highlight ≥ ${r.textContrast.toFixed(2)}:1; ΔE2000 minimums — ${row.join('; ')}`;
}

describe('label palettes', () => {
  const light = paletteReport(paintedPalette(LABEL_PALETTE, 'light'));
  const dark = paletteReport(paintedPalette(LABEL_PALETTE, 'dark'));
  const high = paletteReport(paintedPalette(HIGH_CONTRAST_PALETTE, 'high-contrast'));

  it('light theme: labels apart from each other, the selection and the page in all four visions; text 7:1 on each', () => {
    console.log(show('light', light));
    expect(least(light).labels).toBeGreaterThanOrEqual(9);
    expect(least(light).selection).toBeGreaterThanOrEqual(7.5);
    expect(least(light).page).toBeGreaterThanOrEqual(7.5);
    expect(light.textContrast).toBeGreaterThanOrEqual(7);
    expect(light.selectionContrast).toBeGreaterThanOrEqual(4.5);
  });

  it('dark theme: the same, with the light text at 4.5:1 on each highlight', () => {
    console.log(show('dark', dark));
    expect(least(dark).labels).toBeGreaterThanOrEqual(7.3);
    expect(least(dark).selection).toBeGreaterThanOrEqual(7.3);
    expect(least(dark).page).toBeGreaterThanOrEqual(15);
    expect(dark.textContrast).toBeGreaterThanOrEqual(4.5);
    expect(dark.selectionContrast).toBeGreaterThanOrEqual(4.5);
  });

  it('high contrast: black text at 8:1 on every label, the labels further apart still', () => {
    console.log(show('high contrast', high));
    expect(least(high).labels).toBeGreaterThanOrEqual(13);
    expect(least(high).selection).toBeGreaterThanOrEqual(12.9);
    expect(high.textContrast).toBeGreaterThanOrEqual(8);
    expect(HIGH_CONTRAST_PALETTE).toHaveLength(LABEL_PALETTE.length);
  });

  it('the old pastel palette failed: two labels nearly alike for protanopia and deuteranopia', () => {
    const old = ['#f4a3a3', '#9cc7f4', '#a8dba8', '#d6c08a', '#d3b3ef', '#f6c58f', '#c9c9c9'];
    const r = paletteReport(paintedPalette(old, 'light'));
    expect(r.labels.protanopia.deltaE).toBeLessThan(2);
    expect(r.labels.deuteranopia.deltaE).toBeLessThan(2);
  });

  it('the default labels use the palette, and app.css paints the page, text and selection the palette was checked on', () => {
    expect(DEFAULT_LABELS.map((l) => l.color)).toEqual(LABEL_PALETTE);
    const { light: l, dark: d } = THEME_COLORS;
    expect(css).toContain(`--bg: light-dark(${l.page}, ${d.page});`);
    expect(css).toContain(`--text: light-dark(${l.text}, ${d.text});`);
    const rgba = (hex: string, a: number): string =>
      `rgba(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')}, ${a})`;
    expect(css).toContain(
      `--selection: light-dark(${rgba(l.selection, l.selectionAlpha)}, ${rgba(d.selection, d.selectionAlpha)});`,
    );
    expect(LIGHT_HIGHLIGHT_ALPHA).toBeGreaterThan(0.5);
    expect(DARK_HIGHLIGHT_MIX).toBeLessThan(0.5);
  });
});
