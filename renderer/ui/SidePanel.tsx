// The side panel: what is selected, then tabs (entities by label, quotes with speakers,
// the cleanup review). Choosing an item scrolls to it and flashes it.
import { memo, useLayoutEffect, useMemo, useRef, useState, type ComponentType, type ReactElement } from 'react';
import type { Entity, Quote } from '../../shared/model';
import { useShallow } from 'zustand/shallow';
import { sortedSpans, spanCount } from '../../shared/document-data';
import { firstEntities, groupEntitiesByLabel, LIST_LIMIT, type EntityGroups } from '../../shared/entity-groups';
import type { MessageKey } from '../../shared/i18n/translator';
import { useTranslator } from '../session/locale';
import { selectLabels, useTahrir } from '../session/store';
import { shownSpanOf, shownText, type ShownText } from '../../shared/text-view';
import { flashSpan, setSideTab } from '../session/ui-actions';
import { labelClass } from '../text/label-styles';
import { CodePointIndex } from '../../shared/code-points';
import { spanContext, type SpanContext } from '../../shared/span-context';
import { CleanupTab } from './CleanupPanel';
import { SpanInspector } from './SpanInspector';
import { useAfterPaint } from './after-paint';
import { endEarlyPanel } from '../text/early-paint';

// Lists follow the document one paint late (useAfterPaint): React renders them after the
// frame that paints the keypress's highlight, so a long list never delays it. On the panel's
// first render (the app starts with a document already read) they begin as NOT_YET, so the
// document's first paint does not wait for thousands of items either.
const NOT_YET = null;
/** The value one paint late, starting up to date. */
function useLate<T>(value: T): T {
  return useAfterPaint(value, value);
}
function useShownText(): ShownText | null {
  const doc = useLate(useTahrir((s) => s.doc));
  const edits = useLate(useTahrir((s) => s.data?.edits));
  const view = useLate(useTahrir((s) => s.view));
  return doc && edits ? shownText(doc.source, edits, view) : null;
}

/** Inside removed text (or orphaned): hidden from the view, kept in the sidecar. Asked only of the items listed. */
function isHidden(shown: ShownText | null, span: Entity | Quote): boolean {
  return !!shown && !shownSpanOf(shown, span);
}

/**
 * The words around a span in the text as shown (the source's, for a span inside removed text), kept per entity while
 * the text shown stays: a row's context is worked out once, not again for every listed row after each edit (and the
 * same object lets the row skip its render).
 */
function contextOf(
  shown: ShownText | null,
  index: CodePointIndex | null,
  span: Entity,
  known: WeakMap<Entity, SpanContext | null>,
): SpanContext | null {
  if (!shown || !index) return null;
  if (known.has(span)) return known.get(span)!;
  const at = shownSpanOf(shown, span);
  const context = at ? spanContext(index, at.start, at.end) : null;
  known.set(span, context);
  return context;
}

/** "… قال الرئيس إن مساعي **اليابان** لعقد قمة …", in the direction the words read. */
function ContextLine({ context }: { context: SpanContext }): ReactElement {
  return (
    <span className="span-context" dir={context.direction} data-testid="entity-context">
      {context.before}
      <mark>{context.span}</mark>
      {context.after}
    </span>
  );
}

const EntityItem = memo(function EntityItem({
  entity: e,
  selected,
  hidden,
  context,
}: {
  entity: Entity;
  selected: boolean;
  hidden: boolean;
  context: SpanContext | null;
}): ReactElement {
  const t = useTranslator();
  return (
    <li>
      <button
        className={`span-item${selected ? ' selected' : ''}${hidden ? ' hidden-span' : ''}`}
        onClick={() => flashSpan({ kind: 'entity', id: e.id })}
        title={hidden ? t('side.hidden-title') : e.link ? t('side.link-title', { link: e.link }) : undefined}
      >
        <bdi>{e.text}</bdi>
        {e.link && <span className="muted link-mark">{e.link}</span>}
        {e.orphaned && <span className="badge warn">{t('side.orphaned')}</span>}
        {hidden && !e.orphaned && <span className="badge">{t('side.hidden')}</span>}
        {context && <ContextLine context={context} />}
      </button>
    </li>
  );
});

function EntitiesTab(): ReactElement {
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const entities = useAfterPaint(
    useTahrir((s) => s.data?.entities),
    NOT_YET,
  );
  const labels = useTahrir(selectLabels);
  const selected = useTahrir(useShallow((s) => (s.selected?.kind === 'entity' ? s.selected.id : null)));
  const shown = useShownText();
  // Built once per text shown, so each row's context is a few lookups.
  const shownString = shown?.text;
  const index = useMemo(() => (shownString === undefined ? null : new CodePointIndex(shownString)), [shownString]);
  const contexts = useMemo(() => new WeakMap<Entity, SpanContext | null>(), [shown, index]);
  const t = useTranslator();
  // Grouped again from the last grouping and what the edit changed (see entity-groups.ts).
  const grouped = useRef<EntityGroups | null>(null);
  const byLabel = useMemo(() => {
    const names = labels.map((l) => l.name);
    grouped.current = groupEntitiesByLabel(entities ?? {}, names, grouped.current);
    return grouped.current.groups;
  }, [entities, labels]);
  // The list drawn by the early paint (text/early-panel.ts) stood in for this one until now: it leaves in this commit.
  useLayoutEffect(() => {
    if (entities !== NOT_YET) endEarlyPanel();
  }, [entities]);
  if (entities === NOT_YET) return <div className="span-groups" aria-busy="true" />;
  if (!entities || spanCount(entities) === 0) return <p className="empty-hint">{t('side.no-entities')}</p>;
  return (
    <div className="span-groups">
      {[...byLabel].map(([name, all]) => {
        if (all.size === 0) return null;
        const items = expanded[name] ? all.toArray() : firstEntities(all, LIST_LIMIT);
        const i = labels.findIndex((l) => l.name === name);
        return (
          <section key={name} className="span-group" aria-label={name}>
            <h3>
              <span className={`label-chip ${labelClass(i)}`}>{name}</span> <span className="count">{all.size}</span>
            </h3>
            <ul>
              {items.map((e) => (
                <EntityItem
                  key={e.id}
                  entity={e}
                  selected={selected === e.id}
                  hidden={isHidden(shown, e)}
                  context={contextOf(shown, index, e, contexts)}
                />
              ))}
            </ul>
            {items.length < all.size && (
              <button className="small show-all" onClick={() => setExpanded((x) => ({ ...x, [name]: true }))}>
                {t('side.show-all', { n: all.size })}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}

function QuotesTab(): ReactElement {
  const quotes = useAfterPaint(
    useTahrir((s) => s.data?.quotes),
    NOT_YET,
  );
  const entities = useLate(useTahrir((s) => s.data?.entities));
  const selected = useTahrir((s) => (s.selected?.kind === 'quote' ? s.selected.id : null));
  const shown = useShownText();
  const [showAll, setShowAll] = useState(false);
  const t = useTranslator();
  const all = useMemo(() => sortedSpans(quotes ?? {}), [quotes]);
  if (quotes === NOT_YET) return <ul className="quote-list" aria-busy="true" />;
  if (all.length === 0) return <p className="empty-hint">{t('side.no-quotes')}</p>;
  const list = showAll ? all : all.slice(0, LIST_LIMIT);
  return (
    <ul className="quote-list">
      {list.length < all.length && (
        <li>
          <button className="small show-all" onClick={() => setShowAll(true)}>
            {t('side.show-all', { n: all.length })}
          </button>
        </li>
      )}
      {list.map((q) => {
        const speaker = q.speaker ? entities?.[q.speaker]?.text : q.speakerName;
        return (
          <li key={q.id}>
            <button
              className={`quote-item${selected === q.id ? ' selected' : ''}${isHidden(shown, q) ? ' hidden-span' : ''}`}
              onClick={() => flashSpan({ kind: 'quote', id: q.id })}
            >
              <span className="quote-speaker">
                {speaker ? <bdi>{speaker}</bdi> : <span className="muted">{t('side.no-speaker')}</span>}
                <span className="badge">{t(q.kind === 'direct' ? 'quote.direct' : 'quote.indirect')}</span>
              </span>
              <bdi className="quote-preview">{q.text}</bdi>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

interface SidePanelTab {
  /** What the store's `sideTab` names. */
  id: string;
  title: MessageKey;
  component: ComponentType;
}

/** The side panel's tabs, in the order shown. */
const TABS: readonly SidePanelTab[] = [
  { id: 'entities', title: 'side.entities', component: EntitiesTab },
  { id: 'quotes', title: 'side.quotes', component: QuotesTab },
  { id: 'cleanup', title: 'side.cleanup', component: CleanupTab },
];

export function SidePanel(): ReactElement {
  const tabs = TABS;
  const current = useTahrir((s) => s.sideTab);
  const counts = useLate(
    useTahrir(
      useShallow((s) => ({ entities: spanCount(s.data?.entities ?? {}), quotes: spanCount(s.data?.quotes ?? {}) })),
    ),
  );
  const t = useTranslator();
  const tab = tabs.find((x) => x.id === current) ?? tabs[0];
  const Body = tab?.component;
  // Another tab than the one the early paint drew (text/early-panel.ts): its panel leaves.
  useLayoutEffect(() => {
    if (tab?.id !== 'entities') endEarlyPanel();
  }, [tab]);
  return (
    <aside className="side-panel" aria-label={t('side.annotations')}>
      <SpanInspector />
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button
            key={x.id}
            role="tab"
            data-tab={x.id}
            aria-selected={x === tab}
            className={x === tab ? 'current' : undefined}
            onClick={() => setSideTab(x.id)}
          >
            {t(x.title)}
            {x.id in counts && <span className="count">{counts[x.id as keyof typeof counts]}</span>}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {Body && <Body />}
      </div>
    </aside>
  );
}
