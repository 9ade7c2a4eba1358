// Ctrl+F: find in the document, Arabic-normalized (أ/إ/آ/ا, ى/ي, ة/ه, diacritics…).
import type { ReactElement } from 'react';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { closeSearch, searchMatches, setSearchQuery, stepSearch } from '../session/ui-actions';
import { focusText } from '../text/text-surface';

export function SearchBar(): ReactElement | null {
  const search = useTahrir((s) => s.search);
  const t = useTranslator();
  // Recomputed on render; memoized in the store by (text, query).
  useTahrir((s) => s.data?.edits);
  if (!search.open) return null;
  const n = searchMatches().length;
  return (
    <div className="search-bar" role="search">
      <input
        id="search-input"
        type="search"
        dir="auto"
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        value={search.query}
        autoFocus
        onChange={(e) => setSearchQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            stepSearch(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="search-count" aria-live="polite">
        {search.query.trim() ? (n ? t('search.count', { current: search.current + 1, n }) : t('search.none')) : ''}
      </span>
      <button className="small" onClick={() => stepSearch(-1)} title="Shift+Enter" aria-label={t('search.previous')}>
        ↑
      </button>
      <button className="small" onClick={() => stepSearch(1)} title="Enter" aria-label={t('search.next')}>
        ↓
      </button>
      <button
        className="small"
        onClick={() => {
          closeSearch();
          focusText();
        }}
        title="Escape"
        aria-label={t('search.close')}
      >
        ×
      </button>
    </div>
  );
}
