// The workspace's documents: status, counts, problems; a filter and the progress summary.
import {
  Fragment,
  memo,
  useDeferredValue,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { DocumentSummary } from '../../shared/api';
import type { MessageKey } from '../../shared/i18n/translator';
import type { DocumentStatus } from '../../shared/model';
import { chooseDocument, progress, searchTextsNow, setFilter, visibleDocuments } from '../session/document-actions';
import { ASSIGNED_TO_ME, toggleAssignedToMe } from '../../shared/document-filter';
import { annotatorOf } from '../session/annotator-name';
import { SyncStatusLine } from './SyncControl';
import { useTranslator } from '../session/locale';
import { isPainted, useTahrir } from '../session/store';
import { useShallow } from 'zustand/shallow';
import { sayError } from '../../shared/i18n/message';
import { titleParts } from '../../shared/title-parts';

export const STATUS_MESSAGE: Readonly<Record<DocumentStatus, MessageKey>> = {
  todo: 'status.todo',
  in_progress: 'status.in_progress',
  done: 'status.done',
};

/**
 * Height of one row (px; `.document-list li` in app.css holds it): the list renders the rows in
 * view and a few around them, whatever the number of documents (100,000 rows would take seconds
 * to render and every filter keystroke would redo them).
 */
export const ROW_HEIGHT = 84;
/** Rows rendered above and below the view, so a scroll of a few rows shows no gap. */
const OVERSCAN = 10;

export function DocumentList(): ReactElement {
  // Counts follow after the keypress's frame (see SidePanel); a keystroke in the filter shows its
  // rows in its own frame (a few rows rendered whatever the list's length), not one frame later.
  // A render told of a keyboard edit after its paint (isPainted) shows them at once: deferred, they
  // were another render and DOM write after it, at times in a frame of their own (a repaint of all
  // the highlighted text, which the next key could wait behind).
  const painted = isPainted();
  const visible = useTahrir(visibleDocuments);
  const deferredVisible = useDeferredValue(visible);
  // The workspace's first list is rendered at once, with its first document: deferred, it was a render of its own
  // after the document's first paint and the side panel's lists (100,000 documents: ~200 ms after the document).
  const deferred = painted || deferredVisible.length === 0 ? visible : deferredVisible;
  const filter = useTahrir((s) => s.filter);
  const deferredFilter = useDeferredValue(filter);
  const typed = filter !== deferredFilter;
  const documents = typed ? visible : deferred;
  // The filter the rows shown are for: on the list for tests and the bench.
  const shownFor = typed ? filter : deferredFilter;
  const current = useTahrir((s) => s.opening ?? s.doc?.id ?? s.openError?.file ?? null);
  // The rows after the first screen's, not here yet: room in the list, so its scroll bar is the whole list's already.
  const toCome = useTahrir((s) => (s.filter.trim() ? 0 : s.moreDocuments));
  // The rest's coming is one store update (rows here, none to come) before the deferred render shows them: the list's
  // length is the longer of the two, or it was one render as short as the first screen and the browser pulled a list
  // scrolled into the room for the rest back to its 60th row.
  const length = Math.max(documents.length, visible.length) + toCome;
  const progressNow = useTahrir(useShallow(progress));
  const progressLater = useDeferredValue(progressNow);
  const { done, total } = painted || progressLater.total === 0 ? progressNow : progressLater;
  const t = useTranslator();
  const list = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ top: 0, height: 1200 });
  const follow = () => {
    const ul = list.current;
    if (ul)
      setView((v) =>
        v.top === ul.scrollTop && v.height === ul.clientHeight ? v : { top: ul.scrollTop, height: ul.clientHeight },
      );
  };
  useEffect(() => {
    const ul = list.current;
    if (!ul || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(follow);
    observer.observe(ul);
    return () => observer.disconnect();
  }, []);
  // A new filter starts from the top of its matches.
  useEffect(() => {
    list.current?.scrollTo?.(0, 0);
    follow();
  }, [filter]);
  // The current document (opened from elsewhere: Alt+Down, the start) is scrolled into view.
  const currentAt = current === null ? -1 : documents.findIndex((d) => d.id === current);
  useEffect(() => {
    const ul = list.current;
    if (!ul || currentAt < 0) return;
    const top = currentAt * ROW_HEIGHT;
    if (top < ul.scrollTop) ul.scrollTop = top;
    else if (top + ROW_HEIGHT > ul.scrollTop + ul.clientHeight) ul.scrollTop = top + ROW_HEIGHT - ul.clientHeight;
    follow();
  }, [currentAt]);
  // The list is one Tab stop (the current row, else the first shown), the arrows, Home, End and the page keys move
  // between its rows, as in the label bar: with a Tab stop per row, the text was 30 Tabs away from the filter (every
  // row rendered, 24 at 900 px and the rows around them). A row out of those rendered is focused once it is.
  const focusAt = useRef<number | null>(null);
  const focusRow = (index: number): boolean => {
    const row = list.current?.querySelector<HTMLElement>(`[aria-posinset="${index + 1}"] > button`);
    if (!row) return false;
    row.focus({ preventScroll: true });
    row.scrollIntoView?.({ block: 'nearest' });
    return true;
  };
  useEffect(() => {
    if (focusAt.current !== null && focusRow(focusAt.current)) focusAt.current = null;
  });
  const moveFocus = (e: KeyboardEvent<HTMLUListElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const from = Number((e.target as Element).closest('li')?.getAttribute('aria-posinset')) - 1;
    const page = Math.max(1, Math.floor((list.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const to =
      e.key === 'Home' ? 0 : e.key === 'End' ? documents.length - 1 : e.key in steps ? from + steps[e.key] : NaN;
    if (Number.isNaN(to) || from < 0 || documents.length === 0) return;
    e.preventDefault();
    const index = Math.max(0, Math.min(documents.length - 1, to));
    if (focusRow(index)) return;
    // Not rendered: scrolled to, and focused once its row is.
    focusAt.current = index;
    const ul = list.current;
    if (ul) ul.scrollTop = Math.max(0, index * ROW_HEIGHT - ul.clientHeight / 2);
    follow();
  };
  // (Scrolled into the rows to come, it is room down to the rows here, drawn once they come.)
  const first = Math.min(documents.length, Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN));
  const last = Math.min(documents.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  return (
    <nav className="document-list" aria-label={t('list.documents')}>
      <div className="progress" title={t('list.progress-title')}>
        <div className="progress-text" data-testid="progress">
          {t('list.progress', { done, total })}
        </div>
        <div
          className="progress-bar"
          role="progressbar"
          aria-label={t('list.progress-bar')}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
        >
          <div className="progress-fill" style={{ width: total ? `${(100 * done) / total}%` : '0%' }} />
        </div>
      </div>
      <FilterRow filter={filter} />
      {/* How many match: without it a filter of 904 documents looked the same whether it kept 12 or 900. */}
      {filter.trim() !== '' && documents.length > 0 && (
        <p className="filter-count" role="status" data-testid="filter-count">
          {t('list.matching', { shown: documents.length, total })}
        </p>
      )}
      {/* The rows out of view are room only, so the scroll bar is the whole list's (room inside
          the list: padding on the list itself would make it as tall as all its rows). */}
      <ul ref={list} onScroll={follow} onKeyDown={moveFocus} data-filter={shownFor}>
        {first > 0 && <li className="list-room" aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
        {/* Keyed by place, not by document: a keystroke that changes which documents are shown writes them into the
            rows there (their text, title and class), where rows keyed by id were all unmounted and built again (10,000
            documents: 18 of the 19 rows at `article-01`, each key after it, and each Backspace back). */}
        {documents.slice(first, last).map((d, i) => (
          <DocumentRow
            key={first + i}
            doc={d}
            current={d.id === current}
            tabbable={currentAt >= first && currentAt < last ? first + i === currentAt : i === 0}
            at={first + i + 1}
            of={length}
          />
        ))}
        {last < length && (
          <li className="list-room" aria-hidden="true" style={{ height: (length - last) * ROW_HEIGHT }} />
        )}
        {documents.length === 0 && !filter && <li className="empty-hint">{t('list.empty')}</li>}
        {documents.length === 0 && filter && (
          <li className="empty-hint" role="status" data-testid="filter-count">
            {t('list.no-match', { total, filter: filter.trim() })}{' '}
            <button className="small" onClick={() => setFilter('')}>
              {t('list.clear-filter')}
            </button>
          </li>
        )}
      </ul>
      <SyncStatusLine />
    </nav>
  );
}

/**
 * The filter box, rendered again only when the filter changes: React sets an input's type and name again on each
 * render of it, and any DOM write repaints all the highlighted text (the list's deferred render after a keyboard
 * edit wrote them in a frame of its own, between a delete and the undo after it).
 */
const FilterRow = memo(function FilterRow({ filter }: { filter: string }): ReactElement {
  const t = useTranslator();
  return (
    <div className="filter-row">
      <input
        className="filter"
        type="search"
        placeholder={t('list.filter-placeholder')}
        aria-label={t('list.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        // Enter: the texts searched now, not after typing pauses. Escape clears it (what the empty list says).
        onKeyDown={(e) => {
          if (e.key === 'Enter') void searchTextsNow();
          if (e.key === 'Escape' && filter) {
            e.preventDefault();
            setFilter('');
          }
        }}
      />
      <AssignedToMe filter={filter} />
    </div>
  );
});

/** Teams: the "Assigned to me" toggle, writing `assigned:me` into the filter (shown where there is an assignment). */
function AssignedToMe({ filter }: { filter: string }): ReactElement | null {
  const hasAssignment = useTahrir((s) => !!s.workspace?.assignment);
  const name = useTahrir((s) => annotatorOf(s.annotator, s.workspace));
  const t = useTranslator();
  if (!hasAssignment) return null;
  const on = filter.toLowerCase().split(/\s+/).includes(ASSIGNED_TO_ME);
  return (
    <button
      className={`small assigned-toggle${on ? ' current' : ''}`}
      aria-pressed={on}
      title={t('list.assigned-title', { name })}
      data-testid="assigned-to-me"
      onClick={() => setFilter(toggleAssignedToMe(filter))}
    >
      {t('list.assigned-to-me')}
    </button>
  );
}

const DocumentRow = memo(function DocumentRow({
  doc: d,
  current,
  tabbable,
  at,
  of,
}: {
  doc: DocumentSummary;
  current: boolean;
  /** The list's one Tab stop (the arrows move between the rows). */
  tabbable: boolean;
  /** Its place in the list (from 1), and the list's length: screen readers say "12 of 100,000". */
  at: number;
  of: number;
}): ReactElement {
  const t = useTranslator();
  return (
    <li className="document-row" aria-posinset={at} aria-setsize={of}>
      <button
        className={`document-item${current ? ' current' : ''}${d.problem ? ' has-problem' : ''}`}
        aria-current={current ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => void chooseDocument(d.id)}
        title={d.problem ? sayError(t, d.problem) : d.file}
        data-doc-id={d.id}
      >
        <span
          className={`status-dot status-${d.status}`}
          aria-label={t(STATUS_MESSAGE[d.status])}
          title={t(STATUS_MESSAGE[d.status])}
        />
        <span className="document-name">
          <bdi className="document-title">
            {d.title
              ? titleParts(d.title).map((part, i) =>
                  part.number ? (
                    // One box, shown whole or not at all where the row cuts the title (shared/title-parts.ts).
                    <Fragment key={i}>
                      <span className="title-number">{part.text}</span>
                      {part.mark}
                    </Fragment>
                  ) : (
                    part.text
                  ),
                )
              : d.id}
          </bdi>
          {d.title && <bdi className="document-id">{d.id}</bdi>}
          {d.problem ? (
            // In the interface's direction, not the file name's (dir="auto" made an Arabic sentence that opens with a
            // Latin file name read left to right); the file name and the parser's words are isolated in it.
            <span className="problem">{sayError(t, d.problem)}</span>
          ) : d.pending ? (
            <span className="counts">{t('list.reading')}</span>
          ) : (
            <span className="counts">
              {t('list.counts', { entities: d.entities, quotes: d.quotes, edits: d.edits })}
            </span>
          )}
        </span>
      </button>
    </li>
  );
});
