// The bar above the document text for entity and quote suggestions: how many are open (per
// label and source), the one the keyboard is on with why it was made, its keys as buttons,
// what the tagger is doing, and a setting to turn each source off. The suggestions themselves
// are drawn in the text (text/suggestion-commands.ts).
import { useEffect, useMemo, type ReactElement } from 'react';
import {
  countSuggestions,
  isEntitySuggestion,
  SOURCE_NAMES,
  SUGGESTION_SOURCES,
  suggestionId,
} from '../../shared/annotation-review';
import type { TaggerStatus } from '../../shared/api';
import { sourceIndex } from '../../shared/text-view';
import {
  acceptAllOf,
  loadAnnotationSuggestionsAfterPaint,
  openOf,
  setAnnotationCursor,
  setSuggestionSource,
  useReview,
} from '../session/annotation-suggestions';
import { useTahrir } from '../session/store';
import { acceptAllLike, clearSuggestions, decideSuggestion, drawSuggestions } from '../text/suggestion-commands';
import '../styles/suggestions.css';

const documents = (n: number) => `${n} document${n === 1 ? '' : 's'}`;

function taggerWords(t: TaggerStatus | null): string {
  if (!t) return '';
  switch (t.state) {
    case 'reading':
      return 'Tagger: reading the workspace…';
    case 'training':
      return t.documents ? `Tagger: learning again (last from ${documents(t.documents)})…` : 'Tagger: learning…';
    case 'ready':
      return `Tagger: learned from ${documents(t.documents)} (${t.sentences} sentence${t.sentences === 1 ? '' : 's'})`;
    case 'untrained':
      return 'Tagger: nothing annotated to learn from yet';
    case 'unavailable':
      return `Tagger off: ${t.problem ?? 'not available'}`;
  }
}

function describe(s: { start: number; end: number }, source: string): string {
  const text = sourceIndex(source).slice(s.start, s.end).replace(/\s+/g, ' ');
  return [...text].length > 60 ? `${[...text].slice(0, 57).join('')}…` : text;
}

export function SuggestionBar(): ReactElement | null {
  const doc = useTahrir((s) => s.doc);
  const data = useTahrir((s) => s.data);
  const view = useTahrir((s) => s.view);
  const review = useTahrir((s) => s.review);
  const cursor = useReview((r) => r.cursor);
  const open = useMemo(() => openOf(review, data), [review, data]);
  const counts = useMemo(() => countSuggestions(open), [open]);
  const current = cursor ? open.find((s) => suggestionId(s) === cursor) : undefined;

  useEffect(() => {
    // Not cancelled with the effect: the load marks the review as loading, which runs this effect again.
    if (doc && review.docId !== doc.id && !review.loading) loadAnnotationSuggestionsAfterPaint();
  }, [doc, review.docId, review.loading]);

  useEffect(() => {
    const draw = () => drawSuggestions(open, current ? cursor : null);
    draw();
    // The document view rebuilds its highlights when the text changes: draw again after it.
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [open, cursor, current, doc, data?.edits, view]);
  useEffect(() => () => clearSuggestions(), []);

  if (!doc) return null;
  const labels = Object.entries(counts.byLabel).sort((a, b) => b[1] - a[1]);
  const readOnly = !!doc.readOnly;
  return (
    <section className="review-bar" aria-label="Suggestions" data-testid="suggestion-bar">
      <div className="review-row">
        <strong className="review-count" data-testid="suggestion-count" aria-live="polite">
          {review.loading && review.suggestions.length === 0
            ? 'Looking for suggestions…'
            : `${counts.total} suggestion${counts.total === 1 ? '' : 's'} open`}
        </strong>
        {labels.length > 0 && (
          <span className="review-labels">
            {labels.map(([label, n]) => (
              <button
                key={label}
                className="small chip"
                disabled={readOnly}
                title={`Accept all ${n} ${label} suggestions in this document (one undo step)`}
                onClick={() => acceptAllOf({ label })}
              >
                {label} {n}
              </button>
            ))}
          </span>
        )}
        <span className="review-tagger" data-testid="tagger-status">
          {taggerWords(review.tagger)}
        </span>
        {review.error && (
          <span className="review-error" role="alert">
            Suggestions failed: {review.error.message}
          </span>
        )}
        <details className="review-sources">
          <summary>Sources</summary>
          {SUGGESTION_SOURCES.map((source) => (
            <label key={source}>
              <input
                type="checkbox"
                checked={review.sources[source]}
                onChange={(e) => setSuggestionSource(source, e.target.checked)}
              />{' '}
              {SOURCE_NAMES[source]} ({counts.bySource[source] ?? 0})
            </label>
          ))}
        </details>
      </div>
      {current ? (
        <div className="review-row review-current" data-testid="suggestion-current">
          <span className={isEntitySuggestion(current) ? 'review-kind entity' : 'review-kind quote'}>
            {isEntitySuggestion(current) ? current.label : `${current.kind} quote`}
          </span>
          <bdi className="review-text">{describe(current, doc.source)}</bdi>
          {!isEntitySuggestion(current) && current.speaker && (
            <span>
              said by <bdi className="review-speaker">{describe(current.speaker, doc.source)}</bdi>
            </span>
          )}
          <span className="review-why">
            {SOURCE_NAMES[current.source]} · {Math.round(current.score * 100)}%
            {isEntitySuggestion(current) && current.conflicts ? ` · also tagged ${current.conflicts.join(', ')}` : ''}
          </span>
          <span className="review-actions">
            <button className="small primary" disabled={readOnly} onClick={() => decideSuggestion('accept')}>
              Accept <kbd>Y</kbd>
            </button>
            <button className="small" disabled={readOnly} onClick={() => decideSuggestion('reject')}>
              Reject <kbd>X</kbd>
            </button>
            <button className="small" disabled={readOnly} onClick={() => acceptAllLike('label')}>
              All {isEntitySuggestion(current) ? current.label : 'quotes'} <kbd>⇧Y</kbd>
            </button>
            <button className="small" disabled={readOnly} onClick={() => acceptAllLike('source')}>
              All from {current.source} <kbd>Alt+Y</kbd>
            </button>
            <button className="small" onClick={() => setAnnotationCursor(null)} aria-label="Leave the suggestion">
              ×
            </button>
          </span>
        </div>
      ) : (
        // Shown while they are looked for too: the text below does not jump down when they come (mid-drag).
        (counts.total > 0 || review.loading) && (
          <div className="review-row review-hint">
            <kbd>N</kbd> next suggestion · <kbd>Y</kbd> accept · <kbd>X</kbd> reject · a label’s digit: accept as that
            label
          </div>
        )
      )}
    </section>
  );
}
