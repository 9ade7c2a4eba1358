// The selected span's extent in the inspector: its words in their sentence with the span marked,
// and the entities it lies inside, holds or crosses (each one a click away), so nesting and
// crossing read in words as well as in the text's bands.
import { useMemo, type ReactElement } from 'react';
import { spansOverlapping } from '../../shared/document-data';
import type { Entity, Quote } from '../../shared/model';
import { overlapRelation, type OverlapRelation } from '../../shared/span-policy';
import { sourceIndex } from '../../shared/text-view';
import { paragraphDirection } from '../../shared/text-direction';
import type { MessageKey } from '../../shared/i18n/translator';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { flashSpan } from '../session/ui-actions';
import { labelClass } from '../text/label-styles';

/** Code points of context shown on each side, within the span's paragraph. */
const CONTEXT = 32;

const RELATION_WORDS: Record<OverlapRelation, MessageKey> = {
  same: 'extent.same',
  inside: 'extent.inside',
  holds: 'extent.holds',
  crosses: 'extent.crosses',
};

const NO_OVERLAPS: readonly Entity[] = [];

function context(source: string, start: number, end: number): { before: string; text: string; after: string } {
  const index = sourceIndex(source);
  let before = index.slice(Math.max(0, start - CONTEXT), start);
  let after = index.slice(end, end + CONTEXT);
  const cutBefore = before.search(/[\r\n][^\r\n]*$/);
  if (cutBefore >= 0) before = before.slice(cutBefore + 1).replace(/^[\r\n]+/, '');
  else if (start > CONTEXT) before = `…${before.replace(/^\S*\s/, '')}`; // from a whole word
  const cutAfter = after.search(/[\r\n]/);
  if (cutAfter >= 0) after = after.slice(0, cutAfter);
  else if (after.length > 0 && index.slice(end + CONTEXT, end + CONTEXT + 1)) after = `${after.replace(/\s\S*$/, '')}…`;
  return { before, text: index.slice(start, end), after };
}

export function SpanExtent({ span, kind }: { span: Entity | Quote; kind: 'entity' | 'quote' }): ReactElement {
  const t = useTranslator();
  const source = useTahrir((s) => s.doc?.source ?? '');
  const labels = useTahrir((s) => s.workspace?.config.labels);
  const entities = useTahrir((s) => s.data?.entities);
  // Looked up in the sorted spans (two binary searches), again only when the entities change.
  const overlapping = useMemo(
    () => (entities ? spansOverlapping(entities, span.start + 1, span.end - 1) : NO_OVERLAPS),
    [entities, span.start, span.end],
  );
  const { before, text, after } = context(source, span.start, span.end);
  const others = overlapping
    .filter((e) => !(kind === 'entity' && e.id === span.id) && !e.orphaned)
    .map((e) => ({ entity: e, relation: overlapRelation(span, e) }))
    .filter((x): x is { entity: Entity; relation: OverlapRelation } => x.relation !== null);
  const points = span.end - span.start;
  return (
    <div className="span-extent" data-testid="span-extent">
      {/*
        In the direction most of its words read, as the side panel's rows under it (span-context.ts): an isolate inside
        the interface's line put an Arabic entity's words at the left of the English interface, its rows at the right.
      */}
      <div className="extent-line" dir={paragraphDirection(before + text + after) ?? 'auto'} title={t('extent.line')}>
        {before}
        <mark className="extent-mark">{text}</mark>
        {after}
      </div>
      <div className="extent-size muted">
        {t('extent.size', { n: points, start: String(span.start), end: String(span.end) })}
      </div>
      {others.length > 0 && (
        <ul className="overlaps" aria-label={t('extent.overlaps')} data-testid="overlaps">
          {others.map(({ entity, relation }) => (
            <li key={entity.id} data-relation={relation}>
              <span className="relation">{t(RELATION_WORDS[relation])}</span>{' '}
              <button className="link-like" onClick={() => flashSpan({ kind: 'entity', id: entity.id })}>
                <span
                  className={`label-chip small ${labelClass(labels?.findIndex((l) => l.name === entity.label) ?? -1)}`}
                >
                  {entity.label}
                </span>{' '}
                <bdi>{entity.text}</bdi>{' '}
                <span className="muted">
                  {entity.start}–{entity.end}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
