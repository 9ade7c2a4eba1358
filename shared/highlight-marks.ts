// The marks drawn on the document besides the labels' highlights: the nesting bands and span boxes
// (overlaps), the quote → speaker marks and arcs, the quote with no speaker, the snapped extent, the
// entity and quote suggestions, search. Each has a colour per theme (app.css and suggestions.css
// declare them as light-dark() variables, high contrast overrides them), chosen so that a line or
// border keeps WCAG 1.4.11's 3:1 against the page and text on a tinted background keeps 4.5:1, in
// the light and the dark theme and in high contrast; test/shared/highlight-marks.test.ts measures
// them and states the figures. A label's band takes its label's colour, darkened or lightened
// until it holds 3:1 on the page (bandColor).
import { contrastRatio, mix, parseHex, toHex, type Rgb } from './color-vision';
import { THEME_COLORS } from './label-palette';

export type MarkTheme = 'light' | 'dark' | 'high-contrast-light' | 'high-contrast-dark';
export const MARK_THEMES: readonly MarkTheme[] = ['light', 'dark', 'high-contrast-light', 'high-contrast-dark'];

/** Each theme's page and text, as app.css's --bg and --text have them. */
export const MARK_PAGES: Record<MarkTheme, { page: string; text: string }> = {
  light: { page: THEME_COLORS.light.page, text: THEME_COLORS.light.text },
  dark: { page: THEME_COLORS.dark.page, text: THEME_COLORS.dark.text },
  'high-contrast-light': { page: '#ffffff', text: '#000000' },
  'high-contrast-dark': { page: '#000000', text: '#ffffff' },
};

export interface Mark {
  /** The CSS variable app.css (or suggestions.css) declares. */
  variable: string;
  /** What it draws, in the words of the test's names. */
  what: string;
  /** A line, border or underline (3:1 against the page), or a tint behind text (the text 4.5:1 on it). */
  kind: 'line' | 'tint';
  /** The tint's share over the page (kind 'tint'). */
  alpha?: number;
  colors: Record<MarkTheme, string>;
}

/** Each mark variable's colour per theme; app.css declares `--x: light-dark(light, dark)` and high contrast's pair. */
const MARK_COLORS: Record<string, Record<MarkTheme, string>> = {
  '--span-box-line': {
    light: '#6b6257',
    dark: '#b5ab9c',
    'high-contrast-light': '#000000',
    'high-contrast-dark': '#ffffff',
  },
  '--quote-line': {
    light: '#8a6d1d',
    dark: '#d9b860',
    'high-contrast-light': '#000000',
    'high-contrast-dark': '#ffffff',
  },
  '--unattributed-line': {
    light: '#c2410c',
    dark: '#fb923c',
    'high-contrast-light': '#9c0000',
    'high-contrast-dark': '#ff9d9d',
  },
  '--accent': { light: '#1f5fbf', dark: '#8ab4f8', 'high-contrast-light': '#0040a8', 'high-contrast-dark': '#9cc3ff' },
  '--suggested-line': {
    light: '#6b4fbb',
    dark: '#b39ddb',
    'high-contrast-light': '#3d1f99',
    'high-contrast-dark': '#d9ccff',
  },
  '--suggested-current': {
    light: '#4b2f9b',
    dark: '#d1c4e9',
    'high-contrast-light': '#000000',
    'high-contrast-dark': '#ffffff',
  },
};

const line = (variable: string, what: string): Mark => ({
  variable,
  what,
  kind: 'line',
  colors: MARK_COLORS[variable],
});
const tint = (variable: string, what: string, alpha: number): Mark => ({
  variable,
  what,
  kind: 'tint',
  alpha,
  colors: MARK_COLORS[variable],
});

/** The marks, by CSS variable (a variable may draw a line and a tint). */
export const HIGHLIGHT_MARKS: readonly Mark[] = [
  line('--span-box-line', 'the extent box of a hovered or selected span'),
  line('--quote-line', 'quotes’ underline, the speaker’s box and the quote → speaker arc'),
  line('--unattributed-line', 'the wavy underline of a quote with no speaker'),
  tint('--unattributed-line', 'the tint of a quote with no speaker', 0.12),
  line('--accent', 'the snapped extent’s dotted underline and the selected span’s overline'),
  line('--suggested-line', 'an entity or quote suggestion’s dotted underline'),
  line('--suggested-current', 'the current suggestion’s underline'),
  tint('--suggested-line', 'the current suggestion’s tint', 0.16),
];

/** Text on a tint: the tint composited over the page, the page's text on it. */
export function tintContrast(mark: Mark, theme: MarkTheme): number {
  const { page, text } = MARK_PAGES[theme];
  return contrastRatio(parseHex(text), mix(parseHex(mark.colors[theme]), parseHex(page), mark.alpha ?? 1));
}

/** A line against the page. */
export function lineContrast(mark: Mark, theme: MarkTheme): number {
  return contrastRatio(parseHex(mark.colors[theme]), parseHex(MARK_PAGES[theme].page));
}

/** WCAG 1.4.11: a mark that carries meaning keeps 3:1 against what is next to it. */
export const LINE_CONTRAST = 3;

/**
 * A label's colour for its nesting band and extent box in a theme: the colour itself when it holds
 * 3:1 on the page, else mixed toward the theme's text (darker on the light page, lighter on the
 * dark) until it does. A colour that is not #rgb / #rrggbb (tahrir.json may name one) is kept.
 */
export function bandColor(color: string, theme: MarkTheme): string {
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color.trim())) return color;
  const c = parseHex(color.trim());
  const { page, text } = MARK_PAGES[theme];
  const bg = parseHex(page);
  const ink = parseHex(text);
  let out: Rgb = c;
  for (let share = 1; contrastRatio(out, bg) < LINE_CONTRAST + 0.05 && share > 0; share -= 0.05)
    out = mix(c, ink, share);
  return toHex(out);
}
