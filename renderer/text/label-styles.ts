// Label colors come from the workspace config, so their styles are made at run time:
// a constructable stylesheet (allowed by the CSP, unlike <style> or style attributes).
import type { LabelConfig } from '../../shared/model';
import { session, type SessionViews } from '../session/session';

declare module '../session/session' {
  interface SessionViews {
    /** The labels' stylesheet, adopted by the document once. */
    labelSheet?: CSSStyleSheet;
  }
}

const PALETTE = [
  '#f4a3a3',
  '#9cc7f4',
  '#a8dba8',
  '#d6c08a',
  '#d3b3ef',
  '#f6c58f',
  '#c9c9c9',
  '#8fd6d0',
  '#f2a7d0',
  '#b8c77a',
];
// Only plain color syntax reaches the stylesheet: tahrir.json is user data.
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|rgba|hsl|hsla|oklch)\([0-9.,%\s/a-z-]+\))$/i;

export function labelColor(label: LabelConfig, index: number): string {
  return label.color && SAFE_COLOR.test(label.color.trim()) ? label.color.trim() : PALETTE[index % PALETTE.length];
}

export function labelHighlightName(index: number): string {
  return index < 0 ? 'tahrir-label-unknown' : `tahrir-label-${index}`;
}

export function labelClass(index: number): string {
  return index < 0 ? 'label-unknown' : `label-${index}`;
}

export function applyLabelStyles(labels: readonly LabelConfig[]): void {
  const views = session().views;
  let sheet = views.labelSheet;
  if (!sheet) {
    sheet = views.labelSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules = labels.map((label, i) => {
    const color = labelColor(label, i);
    return (
      `::highlight(${labelHighlightName(i)}) { background-color: color-mix(in srgb, ${color} 72%, transparent); }\n` +
      `.${labelClass(i)} { --label-color: ${color}; }`
    );
  });
  rules.push(
    `::highlight(tahrir-label-unknown) { background-color: #dddddd; }\n.label-unknown { --label-color: #dddddd; }`,
  );
  sheet.replaceSync(rules.join('\n'));
}

/** The session ends: its labels' stylesheet leaves the document (the next workspace adopts its own). */
export function dropLabelStyles(views: SessionViews): void {
  const sheet = views.labelSheet;
  if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}
