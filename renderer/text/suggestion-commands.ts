// The keys of the entity and quote suggestions (their chords are in shared/keymap.ts) and their
// drawing in the text: dotted underlines, quieter than an accepted entity's fill, the one the
// keyboard is on with a band of its own. Kept apart from the entities' and quotes' layers.
import { isEntitySuggestion, longestSuggestion, suggestionId } from '../../shared/annotation-review';
import type { Suggestion } from '../../shared/suggestions';
import { shownText } from '../../shared/text-view';
import {
  acceptAllLikeCurrent,
  currentAnnotationSuggestion,
  decideCurrentAnnotation,
  openAnnotationSuggestions,
  stepAnnotationSuggestion,
} from '../session/annotation-suggestions';
import { store } from '../session/store';
import { t } from '../session/locale';
import { refusedReadOnly, selectSpan, showNotice } from '../session/ui-actions';
import { scrollToShown } from './scrolling';
import type { SpanList } from './spans-near-view';
import { textSurface } from './text-surface';

export const SUGGESTION_LAYER = 'annotation-suggestions';

/** Highlight names: an entity suggestion, a quote suggestion, the current one (any kind). */
export const SUGGESTED_ENTITY = 'tahrir-suggested-entity';
export const SUGGESTED_QUOTE = 'tahrir-suggested-quote';
export const SUGGESTED_CURRENT = 'tahrir-suggested-current';

/** Draws the open suggestions into the mounted text (nothing when the text shown is not the store's). */
export function drawSuggestions(open: SpanList<Suggestion>, cursor: string | null): void {
  const surface = textSurface();
  const { doc, data, view } = store().getState();
  if (!surface || !doc || !data) return;
  const shown = shownText(doc.source, data.edits, view);
  if (surface.shown !== shown) return;
  // Only those in the paragraphs near the view are items (a long document has up to 100,000): a keypress, an
  // answer of the tagger and a scroll each look at a screenful or three.
  surface.highlights.showSpansNearView<Suggestion>(
    SUGGESTION_LAYER,
    open,
    (s) => {
      const key = suggestionId(s);
      return {
        key,
        name: key === cursor ? SUGGESTED_CURRENT : isEntitySuggestion(s) ? SUGGESTED_ENTITY : SUGGESTED_QUOTE,
      };
    },
    // The open ones are some of the suggestions the back end sent: none longer than the longest of those.
    longestSuggestion(store().getState().review.suggestions),
  );
}

export function clearSuggestions(): void {
  textSurface()?.highlights.showSpansNearView(SUGGESTION_LAYER, [], () => ({ key: '', name: '' }), 0);
}

function show(s: Suggestion | undefined | false): void {
  if (!s) return;
  const surface = textSurface();
  const r = surface?.shown.toShown(s.start, s.end);
  if (r) scrollToShown(r.start);
}

/** N / Shift + N. */
export function stepSuggestionAndShow(delta: 1 | -1): void {
  const s = stepAnnotationSuggestion(delta);
  if (!s) {
    showNotice(store().getState().review.loading ? t('notice.suggestions-coming') : t('notice.no-suggestions'));
    return;
  }
  // The keys now act on the suggestion, not on a span clicked before.
  selectSpan(null);
  show(s);
}

/** Y / X; a digit (`label`) accepts with that label. False when the cursor is on no suggestion. */
export function decideSuggestion(decision: 'accept' | 'reject', label?: string): boolean {
  if (refusedReadOnly()) return false;
  const next = decideCurrentAnnotation(decision, label);
  if (next === false) {
    if (label === undefined) showNotice(t('notice.move-to-annotation-suggestion'));
    return false;
  }
  show(next);
  return true;
}

/** Shift + Y, Alt + Y. */
export function acceptAllLike(by: 'label' | 'source'): void {
  if (refusedReadOnly()) return;
  if (!currentAnnotationSuggestion()) {
    showNotice(t('notice.move-to-annotation-suggestion'));
    return;
  }
  acceptAllLikeCurrent(by);
}

/** Is the cursor on a suggestion (a digit then accepts it with its label)? */
export function onSuggestion(): boolean {
  return currentAnnotationSuggestion() !== undefined && openAnnotationSuggestions().length > 0;
}
