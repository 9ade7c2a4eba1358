// The bar above the document text for entity and quote suggestions: how many are open (per
// label and source), the one the keyboard is on with why it was made, its keys as buttons,
// what the tagger is doing, and a setting to turn each source off. The suggestions themselves
// are drawn in the text (text/suggestion-commands.ts).
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ReactElement } from 'react';
import {
  countSuggestions,
  isEntitySuggestion,
  QUOTES_LABEL,
  SOURCE_NAMES,
  SUGGESTION_SOURCES,
  suggestionId,
} from '../../shared/annotation-review';
import type { TaggerStatus } from '../../shared/api';
import type { SuggestionSource } from '../../shared/suggestions';
import type { Translator } from '../../shared/i18n/translator';
import { sayError, say } from '../../shared/i18n/message';
import { sourceIndex } from '../../shared/text-view';
import {
  acceptAllOf,
  loadAnnotationSuggestionsAfterPaint,
  openOf,
  setAnnotationCursor,
  setSuggestionSource,
  useReview,
} from '../session/annotation-suggestions';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { acceptAllLike, clearSuggestions, decideSuggestion, drawSuggestions } from '../text/suggestion-commands';
import { Checkbox } from './Checkbox';
import { closingDetails } from './popover';
import { RichMessage } from './RichMessage';
import '../styles/suggestions.css';

function taggerWords(t: Translator, tagger: TaggerStatus | null): string {
  if (!tagger) return '';
  switch (tagger.state) {
    case 'reading':
      return t('tagger.reading');
    case 'training':
      return tagger.documents ? t('tagger.training-again', { n: tagger.documents }) : t('tagger.training');
    case 'ready':
      return t('tagger.ready', { n: tagger.documents, sentences: tagger.sentences });
    case 'untrained':
      return t('tagger.untrained');
    case 'unavailable':
      return t('tagger.unavailable', {
        problem: tagger.problemMessage ? say(t, tagger.problemMessage) : (tagger.problem ?? t('tagger.not-available')),
      });
  }
}

function describe(s: { start: number; end: number }, source: string): string {
  const text = sourceIndex(source).slice(s.start, s.end).replace(/\s+/g, ' ');
  return [...text].length > 60 ? `${[...text].slice(0, 57).join('')}…` : text;
}

/**
 * One source's checkbox and its count, rendered again only when these change. The bar renders after every edit (its
 * counts follow the document): a checkbox given a new onChange each time was an update of its <input>, for which React
 * writes the input's type and name again, 9 of the 20 DOM writes of a keypress at 50,000 entities (editor-scale, per
 * tag, delete and undo alike; the source counts themselves rarely change with a keypress). Counted in the editor-scale
 * page, 15 rounds each: DOM writes per tag / delete / undo 20 / 21 / 20 -> 11 / 12 / 11, components React rendered 28
 * / 17 / 22 -> 25 / 14 / 19; the page's thread CPU per key did not move beyond the noise (load 37). When a key does
 * change a count, only the count's text is written: the input is rendered apart (Checkbox) with a stable onChange.
 */
const SourceChoice = memo(function SourceChoice({
  source,
  checked,
  open,
}: {
  source: SuggestionSource;
  checked: boolean;
  open: number;
}): ReactElement {
  const t = useTranslator();
  // Stable, so a count that changes renders the words again and not the input (Checkbox's input is a memo).
  const onChange = useCallback((on: boolean) => setSuggestionSource(source, on), [source]);
  return (
    <Checkbox checked={checked} onChange={onChange}>
      {t('review.source-count', { source: t(SOURCE_NAMES[source]), n: open })}
    </Checkbox>
  );
});

export function SuggestionBar(): ReactElement | null {
  const t = useTranslator();
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

  // What is drawn now, for the redraw after the text changes below.
  const drawn = useRef<{ open: typeof open; cursor: string | null }>({ open, cursor: null });
  // Drawn in React's commit (a layout effect): after a keyboard edit that is the frame the keys paused in, painted with
  // the side panel. A passive effect ran after that frame, and its highlight change was another frame and another
  // repaint of all the highlighted text, in front of the next key.
  useLayoutEffect(() => {
    drawn.current = { open, cursor: current ? cursor : null };
    drawSuggestions(open, drawn.current.cursor);
  }, [open, cursor, current]);
  useEffect(() => {
    // The document view rebuilds its highlights when the text changes: drawn again after it. Only then: a frame asked
    // for after every edit kept the page drawing frames, and the next key's waited for the one after (up to 17 ms).
    const draw = () => drawSuggestions(drawn.current.open, drawn.current.cursor);
    draw();
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [doc, data?.edits, view]);
  useEffect(() => () => clearSuggestions(), []);

  if (!doc) return null;
  const labels = Object.entries(counts.byLabel).sort((a, b) => b[1] - a[1]);
  const readOnly = !!doc.readOnly;
  // Cut to the row's width (the keys stay whole); the whole reason on hover.
  const why = !current
    ? ''
    : isEntitySuggestion(current) && current.conflicts
      ? t('review.why-conflicts', {
          source: t(SOURCE_NAMES[current.source]),
          score: Math.round(current.score * 100),
          labels: current.conflicts.join(t('app.list-separator')),
        })
      : t('review.why', { source: t(SOURCE_NAMES[current.source]), score: Math.round(current.score * 100) });
  return (
    <section
      className="review-bar"
      aria-label={t('review.label')}
      data-testid="suggestion-bar"
      // Where the suggestions are: the bench times keypresses once they are in and the tagger is not training.
      data-state={review.loading ? 'loading' : (review.tagger?.state ?? 'none')}
    >
      <div className="review-row">
        <strong className="review-count" data-testid="suggestion-count" aria-live="polite">
          {readOnly
            ? t('review.read-only')
            : review.loading && review.suggestions.length === 0
              ? t('review.looking')
              : t('review.open', { n: counts.total })}
        </strong>
        {labels.length > 0 && !readOnly && (
          <span className="review-labels">
            {labels.map(([label, n]) => {
              const shown = label === QUOTES_LABEL ? t('review.quotes-label') : label;
              return (
                <button
                  key={label}
                  className="small chip"
                  disabled={readOnly}
                  title={t('review.accept-label-title', { n, label: shown })}
                  onClick={() => acceptAllOf({ label })}
                >
                  {shown} {n}
                </button>
              );
            })}
          </span>
        )}
        <span className="review-tagger" data-testid="tagger-status">
          {taggerWords(t, review.tagger)}
        </span>
        {review.error && (
          <span className="review-error" role="alert">
            {t('review.failed', { message: sayError(t, review.error) })}
          </span>
        )}
        <details className="review-sources" ref={closingDetails}>
          <summary>{t('review.sources')}</summary>
          <div className="review-sources-list">
            {SUGGESTION_SOURCES.map((source) => (
              <SourceChoice
                key={source}
                source={source}
                checked={review.sources[source]}
                open={counts.bySource[source] ?? 0}
              />
            ))}
          </div>
        </details>
      </div>
      {current ? (
        <div className="review-row review-current" data-testid="suggestion-current">
          <span className={isEntitySuggestion(current) ? 'review-kind entity' : 'review-kind quote'}>
            {isEntitySuggestion(current) ? current.label : t('review.quote-kind', { kind: current.kind })}
          </span>
          <bdi className="review-text">{describe(current, doc.source)}</bdi>
          {!isEntitySuggestion(current) && current.speaker && (
            <span>
              <RichMessage
                id="review.said-by"
                values={{ speaker: <bdi className="review-speaker">{describe(current.speaker, doc.source)}</bdi> }}
              />
            </span>
          )}
          <span className="review-why" title={why}>
            {why}
          </span>
          <span className="review-actions">
            <button className="small primary" disabled={readOnly} onClick={() => decideSuggestion('accept')}>
              <RichMessage id="review.accept" />
            </button>
            <button className="small" disabled={readOnly} onClick={() => decideSuggestion('reject')}>
              <RichMessage id="review.reject" />
            </button>
            <button
              className="small"
              disabled={readOnly}
              onClick={() => acceptAllLike('label')}
              title={t('review.all-label-title')}
            >
              {isEntitySuggestion(current) ? (
                <RichMessage id="review.all-label" values={{ label: current.label }} />
              ) : (
                <RichMessage id="review.all-quotes" />
              )}
            </button>
            <button
              className="small"
              disabled={readOnly}
              onClick={() => acceptAllLike('source')}
              title={t('review.all-source-title', { source: t(SOURCE_NAMES[current.source]) })}
            >
              <RichMessage id="review.all-source" />
            </button>
            <button className="small" onClick={() => setAnnotationCursor(null)} aria-label={t('review.leave')}>
              ×
            </button>
          </span>
        </div>
      ) : (
        // Always there, one fixed height (suggestions.css): the text below never moves when suggestions
        // come or the keyboard reaches one (it moved under a drag in progress).
        <div className="review-row review-hint" aria-hidden={readOnly || (counts.total === 0 && !review.loading)}>
          {!readOnly && (counts.total > 0 || review.loading) && (
            <span>
              <RichMessage id="review.hint" />
            </span>
          )}
        </div>
      )}
    </section>
  );
}
