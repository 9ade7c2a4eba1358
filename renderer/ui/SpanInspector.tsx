// The selected entity or quote: label, link, speaker, kind, delete. Every control has
// a key (shown in its title) so the mouse is optional.
import { useMemo, type ReactElement } from 'react';
import type { Entity } from '../../shared/model';
import {
  deleteSpan,
  relabelEntity,
  setEntityLink,
  setQuoteKind,
  setQuoteSpeaker,
  setQuoteSpeakerName,
  tagAllOccurrences,
} from '../session/annotation-actions';
import { sortedSpans, spanListOf } from '../../shared/document-data';
import { endChangeGroup } from '../session/history';
import { suggestSpeaker } from '../../shared/speaker-suggestion';
import { t as translate, useTranslator } from '../session/locale';
import { selectLabels, useTahrir } from '../session/store';
import { flashSpan, showNotice } from '../session/ui-actions';
import { labelClass } from '../text/label-styles';
import { RichMessage } from './RichMessage';
import { SpeakerPicker } from './SpeakerPicker';
import { SpanExtent } from './SpanExtent';
import { focusText } from '../text/text-surface';

const NO_ENTITIES: Readonly<Record<string, Entity>> = Object.freeze({});

export function SpanInspector(): ReactElement | null {
  const selected = useTahrir((s) => s.selected);
  const readOnly = useTahrir((s) => !!s.doc?.readOnly);
  const labels = useTahrir(selectLabels);
  const entity = useTahrir((s) => (s.selected?.kind === 'entity' ? s.data?.entities[s.selected.id] : undefined));
  const quote = useTahrir((s) => (s.selected?.kind === 'quote' ? s.data?.quotes[s.selected.id] : undefined));
  // The record, not a list of its entities: a quote's inspector is rendered after every edit while it is selected, and
  // a list of a long document's 50,000 entities was copied each time (sortedSpans walks the new record's SpanList).
  const entities = useTahrir((s) => (quote && s.data ? s.data.entities : NO_ENTITIES));
  const source = useTahrir((s) => s.doc?.source ?? '');
  const personLabel = labels[0]?.name ?? 'PERSON';
  // Only for a quote with no speaker yet, and again only when the quote, the entities or the text change.
  const suggestion = useMemo(
    () =>
      quote && !quote.speaker && !quote.speakerName
        ? suggestSpeaker(source, sortedSpans(entities), quote, personLabel)
        : null,
    [quote, entities, source, personLabel],
  );
  const t = useTranslator();
  if (!selected || (!entity && !quote)) return null;

  if (entity) {
    return (
      <section className="inspector" aria-label={t('inspector.entity')}>
        <header>
          <span className={`label-chip ${labelClass(labels.findIndex((l) => l.name === entity.label))}`}>
            {entity.label}
          </span>
          <bdi className="inspector-text">{entity.text}</bdi>
          <span className="offsets" title={t('inspector.offsets')} dir="ltr">
            {entity.start}–{entity.end}
          </span>
        </header>
        <SpanExtent span={entity} kind="entity" />
        <div className="label-buttons" role="group" aria-label={t('inspector.label')}>
          {labels.map((l, i) => (
            <button
              key={l.name}
              className={`label-button ${labelClass(i)}${l.name === entity.label ? ' current' : ''}`}
              aria-pressed={l.name === entity.label}
              disabled={readOnly}
              title={l.hotkey ? t('inspector.key', { key: l.hotkey }) : undefined}
              onClick={() => relabelEntity(entity.id, l.name)}
            >
              {l.hotkey && <kbd>{l.hotkey}</kbd>} {l.name}
            </button>
          ))}
        </div>
        <label className="field">
          <span>
            <RichMessage id="inspector.link" />
          </span>
          <input
            id="inspector-link"
            dir="auto"
            placeholder={t('inspector.link-placeholder')}
            value={entity.link ?? ''}
            disabled={readOnly}
            onChange={(e) => setEntityLink(entity.id, e.target.value)}
            onBlur={endChangeGroup}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                endChangeGroup();
                focusText();
              }
            }}
          />
        </label>
        <div className="actions">
          <button
            disabled={readOnly}
            onClick={() => {
              const n = tagAllOccurrences(entity.id);
              showNotice(translate('notice.tagged-more', { n }));
            }}
            title={t('inspector.key', { key: 'A' })}
          >
            <RichMessage id="inspector.tag-all" />
          </button>
          <RemoveButton selected={selected} readOnly={readOnly} />
        </div>
      </section>
    );
  }

  const q = quote!;
  const speaker = q.speaker && Object.hasOwn(entities, q.speaker) ? entities[q.speaker] : undefined;
  const suggested = suggestion && Object.hasOwn(entities, suggestion) ? entities[suggestion] : undefined;
  return (
    <section className="inspector" aria-label={t('inspector.quote')}>
      <header>
        <span className="label-chip quote-chip">{t('inspector.quote-chip')}</span>
        <bdi className="inspector-text quote-text">{q.text}</bdi>
        <span className="offsets" title={t('inspector.offsets')} dir="ltr">
          {q.start}–{q.end}
        </span>
      </header>
      <SpanExtent span={q} kind="quote" />
      <div className="field">
        <span>
          <RichMessage id="inspector.speaker" />
        </span>
        <div className="speaker-current" data-testid="speaker-current">
          {speaker ? (
            <button className="link-like" onClick={() => flashSpan({ kind: 'entity', id: speaker.id })}>
              <bdi>{speaker.text}</bdi> <span className="muted">({speaker.label})</span>
            </button>
          ) : q.speakerName ? (
            <span>
              <bdi>{q.speakerName}</bdi> <span className="muted">{t('inspector.name-no-entity')}</span>
            </span>
          ) : (
            <span className="no-speaker" data-testid="no-speaker">
              <RichMessage id="inspector.no-speaker-press" />
            </span>
          )}
          {(speaker || q.speakerName) && !readOnly && (
            <button
              className="small"
              onClick={() => (q.speaker ? setQuoteSpeaker(q.id, null) : setQuoteSpeakerName(q.id, ''))}
            >
              {t('inspector.clear')}
            </button>
          )}
        </div>
        {suggested && !readOnly && (
          <div className="suggestion">
            <RichMessage id="inspector.suggested" values={{ name: <bdi key="name">{suggested.text}</bdi> }} />{' '}
            <button className="small primary" onClick={() => setQuoteSpeaker(q.id, suggested.id)} title="Enter">
              <RichMessage id="inspector.use" />
            </button>
          </div>
        )}
        {!readOnly && <SpeakerPicker quote={q} entities={spanListOf(entities)} personLabel={personLabel} />}
      </div>
      <div className="field">
        <span>
          <RichMessage id="inspector.kind" />
        </span>
        <div className="segmented" role="radiogroup" aria-label={t('inspector.quote-kind')}>
          {(['direct', 'indirect'] as const).map((kind) => (
            <button
              key={kind}
              role="radio"
              aria-checked={q.kind === kind}
              className={q.kind === kind ? 'current' : undefined}
              disabled={readOnly}
              onClick={() => setQuoteKind(q.id, kind)}
            >
              {t(kind === 'direct' ? 'quote.direct' : 'quote.indirect')}
            </button>
          ))}
        </div>
      </div>
      <div className="actions">
        <RemoveButton selected={selected} readOnly={readOnly} />
      </div>
    </section>
  );
}

/** Removes the selected entity or quote (one undo step). */
function RemoveButton({
  selected,
  readOnly,
}: {
  selected: Parameters<typeof deleteSpan>[0];
  readOnly: boolean;
}): ReactElement {
  const t = useTranslator();
  return (
    <button
      className="danger"
      disabled={readOnly}
      onClick={() => deleteSpan(selected)}
      title={t('inspector.remove-title')}
    >
      <RichMessage id="inspector.remove" />
    </button>
  );
}
