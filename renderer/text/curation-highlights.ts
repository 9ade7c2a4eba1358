// Curation's differences drawn in the text (Teams): every difference left with a wavy underline,
// the one the keys settle next with a band of its own, scrolled into view. Kept apart from the
// entities' and quotes' layers, as the suggestions are.
import type { Difference } from '../../shared/curation';
import { shownText } from '../../shared/text-view';
import { store } from '../session/store';
import type { HighlightItem } from './highlight-layer';
import { scrollToShown } from './scrolling';
import { textSurface } from './text-surface';

export const CURATION_LAYER = 'curation-differences';
export const DIFFERENCE = 'tahrir-difference';
export const DIFFERENCE_CURRENT = 'tahrir-difference-current';

/** Draws the differences left (the first one current) into the mounted text; scrolls to the current one. */
export function drawDifferences(left: readonly Difference[]): void {
  const surface = textSurface();
  const { doc, data, view } = store().getState();
  if (!surface || !doc || !data) return;
  const shown = shownText(doc.source, data.edits, view);
  if (surface.shown !== shown) return;
  const items: HighlightItem[] = [];
  left.forEach((d, i) => {
    const r = shown.toShown(d.start, d.end);
    if (!r) return;
    // A point insertion (or a span inside removed text) still gets a mark one character wide.
    const end = r.end > r.start ? r.end : r.start + 1;
    items.push({ key: d.key, name: i === 0 ? DIFFERENCE_CURRENT : DIFFERENCE, start: r.start, end });
  });
  surface.highlights.setExtraHighlights(CURATION_LAYER, items);
  const current = left[0] && shown.toShown(left[0].start, left[0].end);
  if (current) scrollToShown(current.start);
}

/** Scrolls the text to a difference (the list's buttons). */
export function showDifference(d: Difference): void {
  const r = textSurface()?.shown.toShown(d.start, d.end);
  if (r) scrollToShown(r.start);
}

export function clearDifferences(): void {
  textSurface()?.highlights.setExtraHighlights(CURATION_LAYER, []);
}
