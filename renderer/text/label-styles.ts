// Label colors come from the workspace config, so their styles are made at run time:
// a constructable stylesheet (allowed by the CSP, unlike <style> or style attributes).
import type { LabelConfig } from '../../shared/model';
import { session, type SessionViews } from '../session/session';
import { labelStyleRules } from './label-rules';

export { labelBandColor, labelClass, labelColor, labelHighlightName } from './label-rules';

declare module '../session/session' {
  interface SessionViews {
    /** The labels' stylesheet, adopted by the document once. */
    labelSheet?: CSSStyleSheet;
  }
}

export function applyLabelStyles(labels: readonly LabelConfig[]): void {
  const views = session().views;
  let sheet = views.labelSheet;
  if (!sheet) {
    sheet = views.labelSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(labelStyleRules(labels));
}

/** The session ends: its labels' stylesheet leaves the document (the next workspace adopts its own). */
export function dropLabelStyles(views: SessionViews): void {
  const sheet = views.labelSheet;
  if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}
