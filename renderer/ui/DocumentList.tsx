// The workspace's documents: status, counts, problems; a filter and the progress summary.
import { memo, useDeferredValue, useEffect, useRef, useState, type ReactElement } from 'react';
import type { DocumentSummary } from '../../shared/api';
import type { MessageKey } from '../../shared/i18n/translator';
import type { DocumentStatus } from '../../shared/model';
import { openDocument, progress, setFilter, visibleDocuments } from '../session/document-actions';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { useShallow } from 'zustand/shallow';

export const STATUS_MESSAGE: Readonly<Record<DocumentStatus, MessageKey>> = {
  todo: 'status.todo',
  in_progress: 'status.in_progress',
  done: 'status.done',
};

/**
 * Rows rendered at first, and added each time the end of the list comes near the view: a
 * workspace of 10,000 articles renders what can be seen, not 10,000 rows on every filter keystroke.
 */
export const LIST_PAGE = 200;

export function DocumentList(): ReactElement {
  // Counts follow after the keypress's frame (see SidePanel).
  const documents = useDeferredValue(useTahrir(visibleDocuments));
  const filter = useTahrir((s) => s.filter);
  const current = useTahrir((s) => s.opening ?? s.doc?.id ?? s.openError?.file ?? null);
  const { done, total } = useDeferredValue(useTahrir(useShallow(progress)));
  const [rows, setRows] = useState(LIST_PAGE);
  const t = useTranslator();
  const list = useRef<HTMLUListElement>(null);
  // A new filter starts from the top of its matches.
  useEffect(() => {
    setRows(LIST_PAGE);
    list.current?.scrollTo?.(0, 0);
  }, [filter]);
  // The current document is always among the rows rendered.
  const currentAt = current === null ? -1 : documents.findIndex((d) => d.id === current);
  const shown = Math.min(documents.length, Math.max(rows, currentAt + 1));
  const more = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const sentinel = more.current;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setRows((n) => Math.max(n, shown) + LIST_PAGE);
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [shown, documents.length]);
  return (
    <nav className="document-list" aria-label={t('list.documents')}>
      <div className="progress" title={t('list.progress-title')}>
        <div className="progress-text" data-testid="progress">
          {t('list.progress', { done, total })}
        </div>
        <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
          <div className="progress-fill" style={{ width: total ? `${(100 * done) / total}%` : '0%' }} />
        </div>
      </div>
      <input
        className="filter"
        type="search"
        placeholder={t('list.filter-placeholder')}
        aria-label={t('list.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul ref={list}>
        {documents.slice(0, shown).map((d) => (
          <DocumentRow key={d.id} doc={d} current={d.id === current} />
        ))}
        {shown < documents.length && (
          <li ref={more} className="more-documents muted">
            <button className="small" onClick={() => setRows(shown + LIST_PAGE)}>
              {t('list.more', { n: documents.length - shown })}
            </button>
          </li>
        )}
        {documents.length === 0 && <li className="empty-hint">{filter ? t('list.no-match') : t('list.empty')}</li>}
      </ul>
    </nav>
  );
}

const DocumentRow = memo(function DocumentRow({
  doc: d,
  current,
}: {
  doc: DocumentSummary;
  current: boolean;
}): ReactElement {
  const t = useTranslator();
  return (
    <li>
      <button
        className={`document-item${current ? ' current' : ''}${d.problem ? ' has-problem' : ''}`}
        aria-current={current ? 'true' : undefined}
        onClick={() => void openDocument(d.id)}
        title={d.problem ? `${d.problem.message}` : d.file}
        data-doc-id={d.id}
      >
        <span
          className={`status-dot status-${d.status}`}
          aria-label={t(STATUS_MESSAGE[d.status])}
          title={t(STATUS_MESSAGE[d.status])}
        />
        <span className="document-name">
          <bdi className="document-title">{d.title || d.id}</bdi>
          {d.title && <span className="document-id">{d.id}</span>}
          {d.problem ? (
            <span className="problem">{d.problem.message}</span>
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
