// The labels' colours as CSS: highlight names, classes and the stylesheet's rules. Pure (no session), so the page's
// early paint (early-paint.ts) draws the first screen in the same colours as the app (label-styles.ts).
import { bandColor } from '../../shared/highlight-marks';
import { HIGH_CONTRAST_PALETTE, highlightCss, LABEL_PALETTE, UNKNOWN_LABEL_COLOR } from '../../shared/label-palette';
import type { LabelConfig } from '../../shared/model';

// Only plain color syntax reaches the stylesheet: tahrir.json is user data.
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|rgba|hsl|hsla|oklch)\([0-9.,%\s/a-z-]+\))$/i;

export function labelColor(label: LabelConfig, index: number): string {
  return label.color && SAFE_COLOR.test(label.color.trim())
    ? label.color.trim()
    : LABEL_PALETTE[index % LABEL_PALETTE.length];
}

export function labelHighlightName(index: number): string {
  return index < 0 ? 'tahrir-label-unknown' : `tahrir-label-${index}`;
}

export function labelClass(index: number): string {
  return index < 0 ? 'label-unknown' : `label-${index}`;
}

/** The CSS colour of a label's nesting band and extent box: its variable, which follows the theme. */
export function labelBandColor(index: number): string {
  return `var(--tahrir-band-${index < 0 ? 'unknown' : index})`;
}

/** The labels' stylesheet: each label's highlight, class and band colours in every theme. */
export function labelStyleRules(labels: readonly LabelConfig[]): string {
  // Each theme paints the label's colour its own way (light-dark() follows the page's color-scheme,
  // which the appearance setting or the system picks); high contrast swaps in its own checked palette.
  const rule = (highlight: string, cls: string, color: string, contrast: string): string =>
    `::highlight(${highlight}) { background-color: ` +
    `light-dark(${highlightCss(color, 'light')}, ${highlightCss(color, 'dark')}); }\n` +
    `:root[data-contrast='more'] ::highlight(${highlight}) { background-color: ${contrast}; color: #000; }\n` +
    `.${cls} { --label-color: ${color}; }\n` +
    `:root[data-contrast='more'] .${cls} { --label-color: ${contrast}; }\n` +
    // Its band and box: the colour darkened or lightened to 3:1 on each theme's page (shared/highlight-marks.ts).
    `:root { --tahrir-band-${cls.slice(6)}: ` +
    `light-dark(${bandColor(color, 'light')}, ${bandColor(color, 'dark')}); }\n` +
    `:root[data-contrast='more'] { --tahrir-band-${cls.slice(6)}: ` +
    `light-dark(${bandColor(contrast, 'high-contrast-light')}, ${bandColor(contrast, 'high-contrast-dark')}); }`;
  const rules = labels.map((label, i) =>
    rule(
      labelHighlightName(i),
      labelClass(i),
      labelColor(label, i),
      HIGH_CONTRAST_PALETTE[i % HIGH_CONTRAST_PALETTE.length],
    ),
  );
  rules.push(rule(labelHighlightName(-1), labelClass(-1), UNKNOWN_LABEL_COLOR, '#ffffff'));
  return rules.join('\n');
}
