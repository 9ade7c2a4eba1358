// The labels' colours and how each theme paints them behind the text. Chosen with
// shared/color-vision.ts so that, in the light and the dark theme alike, every two labels, a label
// and the browser's selection, and a label and the page stay apart (CIEDE2000) in normal vision
// and in protanopia, deuteranopia and tritanopia, and the text on them keeps WCAG's 4.5:1;
// test/shared/label-palette.test.ts holds them to it. renderer/text/label-styles.ts writes the
// CSS from these values, and renderer/styles/app.css names the same page, text and selection colours.
import { mix, parseHex, type PaintedPalette, type Rgb } from './color-vision';

/**
 * One colour per label, in the order of tahrir.json's labels (PERSON, ORG, GPE, LOC, DATE, EVENT, MISC by default);
 * more labels cycle.
 */
export const LABEL_PALETTE: readonly string[] = [
  '#ce8108',
  '#2ea5aa',
  '#7f9c52',
  '#a29083',
  '#f2b808',
  '#15dbbd',
  '#b4c960',
];

/** High contrast: opaque, saturated, black text on each (also what forced colours and `prefers-contrast: more` get). */
export const HIGH_CONTRAST_PALETTE: readonly string[] = [
  '#db9a85',
  '#55afa8',
  '#99b01c',
  '#d5fcb5',
  '#d8ed36',
  '#9f92ff',
  '#63edd1',
];

/** A label tahrir.json does not define (read from an older sidecar). */
export const UNKNOWN_LABEL_COLOR = '#bdbdbd';

export type Theme = 'light' | 'dark';

/** Each theme's page and text colours and the browser's selection (as `::selection` paints it), as app.css has them. */
export const THEME_COLORS: Record<
  Theme | 'high-contrast',
  { page: string; text: string; selection: string; selectionAlpha: number }
> = {
  light: { page: '#f6f5f2', text: '#23211e', selection: '#1f5fbf', selectionAlpha: 0.28 },
  dark: { page: '#1c1b19', text: '#e8e5df', selection: '#6ea0f0', selectionAlpha: 0.35 },
  'high-contrast': { page: '#ffffff', text: '#000000', selection: '#0050c8', selectionAlpha: 0.35 },
};

/** The light theme lays the label's colour over the page at this opacity. */
export const LIGHT_HIGHLIGHT_ALPHA = 0.72;
/** The dark theme mixes this much of the label's colour into the page, so light text stays readable on it. */
export const DARK_HIGHLIGHT_MIX = 0.42;

/** A label's highlight background as CSS, per theme (high contrast: opaque, with black text). */
export function highlightCss(color: string, theme: Theme): string {
  return theme === 'light'
    ? `color-mix(in srgb, ${color} ${LIGHT_HIGHLIGHT_ALPHA * 100}%, transparent)`
    : `color-mix(in srgb, ${color} ${DARK_HIGHLIGHT_MIX * 100}%, ${THEME_COLORS.dark.page})`;
}

/** What a reader sees of a palette in a theme: each highlight composited over the page, the text, the selection. */
export function paintedPalette(colors: readonly string[], theme: Theme | 'high-contrast'): PaintedPalette {
  const t = THEME_COLORS[theme];
  const page = parseHex(t.page);
  const share = theme === 'light' ? LIGHT_HIGHLIGHT_ALPHA : theme === 'dark' ? DARK_HIGHLIGHT_MIX : 1;
  return {
    highlights: colors.map((c): Rgb => mix(parseHex(c), page, share)),
    page,
    text: parseHex(t.text),
    selection: mix(parseHex(t.selection), page, t.selectionAlpha),
  };
}
