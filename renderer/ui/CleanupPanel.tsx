// The "Cleanup" side panel tab: boilerplate suggestions grouped by rule, each previewed in
// the text (removed text struck through, a replacement underlined), accepted or rejected
// one by one or a whole rule at once, by mouse or keyboard; suggested metadata for the
// document's fields; and hand edits of the clean text.
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { SuggestedEdit } from '../../shared/api';
import { useTahrir } from '../session/store';
import {
  acceptSuggestions,
  applyMetadata,
  groupByRule,
  hiddenByAccepting,
  hiddenWords,
  loadSuggestions,
  openSuggestions,
  rejectSuggestions,
  setCursor,
  suggestionKey,
  suggestionWhy,
  useCleanup,
  type MetadataField,
} from '../session/cleanup-suggestions';
import { openDialog } from '../session/ui-actions';
import { shownText } from '../../shared/text-view';
import { joinKeywords } from '../../shared/keyword-list';
import {
  deleteSelection,
  finishReplace,
  insertSpace,
  scrollToSuggestion,
  setPendingReplace,
  startReplace,
  SUGGESTION_LIST_ID,
} from '../text/cleanup-commands';
import type { HighlightItem } from '../text/highlight-layer';
import { textSurface } from '../text/text-surface';
import { CORPUS_CLEANUP_DIALOG } from './CorpusCleanupDialog';
import '../styles/cleanup.css';

const PREVIEW_LAYER = 'cleanup';
const PREVIEW_CHARS = 90;

function preview(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ⏎ ');
  const cps = Array.from(flat);
  return cps.length > PREVIEW_CHARS ? `${cps.slice(0, PREVIEW_CHARS).join('')}…` : flat;
}

function visible(s: string): string {
  return s.replace(/ /g, '␣').replace(/\n/g, '⏎');
}

/**
 * Draws the open suggestions into the text: removals struck through, replacements underlined, the current one outlined.
 */
function usePreview(open: readonly SuggestedEdit[], cursor: string | null): void {
  const doc = useTahrir((s) => s.doc);
  const edits = useTahrir((s) => s.data?.edits);
  const view = useTahrir((s) => s.view);
  useEffect(() => {
    const draw = (): void => {
      const surface = textSurface();
      if (!surface || !doc || !edits) return;
      const shown = shownText(doc.source, edits, view);
      if (surface.shown !== shown) return;
      const items: HighlightItem[] = [];
      for (const s of open) {
        const key = suggestionKey(s);
        const r = shown.toShown(s.start, s.end);
        if (!r || r.end <= r.start) continue;
        const name =
          key === cursor
            ? 'tahrir-preview-current'
            : s.replacement === ''
              ? 'tahrir-preview-removed'
              : 'tahrir-preview-replaced';
        items.push({ key, name, start: r.start, end: r.end });
      }
      surface.highlights.setExtraHighlights(PREVIEW_LAYER, items);
    };
    draw();
    // The document view rebuilds its highlights when the text changes: draw again after it.
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [open, cursor, doc, edits, view]);
  useEffect(() => () => textSurface()?.highlights.setExtraHighlights(PREVIEW_LAYER, []), []);
}

/**
 * Words about a rule (an English sentence quoting Arabic lines): each quotation isolated, so an
 * Arabic example keeps its own direction and its brackets and ellipses stay where they belong.
 */
function Described({ text }: { text: string }): ReactElement {
  const parts = text.split(/"([^"]*)"|“([^”]*)”/);
  // split with two groups: text, "…" inside, “…” inside, text, …
  const out: (string | ReactElement)[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    out.push(parts[i]);
    const quoted = parts[i + 1] ?? parts[i + 2];
    if (quoted !== undefined) out.push('“', <bdi key={i}>{quoted}</bdi>, '”');
  }
  return <>{out}</>;
}

const METADATA_FIELDS: { field: MetadataField; title: string }[] = [
  { field: 'title', title: 'Title' },
  { field: 'published', title: 'Published' },
  { field: 'sourceName', title: 'Source' },
  { field: 'keywords', title: 'Keywords' },
];

function MetadataSuggestions(): ReactElement | null {
  const metadata = useCleanup((s) => s.metadata);
  const document = useTahrir((s) => s.data?.document);
  const readOnly = useTahrir((s) => !!s.doc?.readOnly);
  const rows = METADATA_FIELDS.filter(({ field }) => metadata[field] !== undefined);
  if (rows.length === 0 || !document) return null;
  return (
    <section className="cleanup-metadata" aria-label="Suggested metadata">
      <h3>Document fields</h3>
      <dl>
        {rows.map(({ field, title }) => {
          const value = metadata[field]!;
          const text = Array.isArray(value) ? joinKeywords(value) : value;
          const current = document[field];
          const same = JSON.stringify(current) === JSON.stringify(value);
          return (
            <div key={field} className="metadata-row" data-field={field}>
              <dt>{title}</dt>
              <dd>
                <bdi>{text}</bdi>
              </dd>
              <dd>
                {same ? (
                  <span className="badge">filled</span>
                ) : (
                  <button
                    className="small"
                    disabled={readOnly}
                    onClick={() => applyMetadata(field)}
                    title={current ? `Replaces: ${Array.isArray(current) ? current.join(', ') : current}` : undefined}
                  >
                    {current ? 'Replace' : 'Fill'}
                  </button>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function HandEdits(): ReactElement {
  const pending = useTahrir((s) => s.replacing);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (pending) {
      setValue(pending.text);
      requestAnimationFrame(() => input.current?.select());
    }
  }, [pending]);
  // Buttons keep the text selection: mousedown would move it otherwise.
  const keep = (e: React.MouseEvent): void => e.preventDefault();
  return (
    <section className="hand-edits" aria-label="Edit the clean text by hand">
      <h3>Edit by hand</h3>
      <p className="muted">Select text in the clean text, then:</p>
      <div className="hand-edit-buttons">
        <button
          className="small"
          onMouseDown={keep}
          onClick={() => deleteSelection('boilerplate')}
          title="Ctrl+Backspace"
        >
          Delete as boilerplate
        </button>
        <button className="small" onMouseDown={keep} onClick={() => startReplace()} title="Ctrl+Shift+E">
          Replace…
        </button>
        <button
          className="small"
          onMouseDown={keep}
          onClick={() => insertSpace()}
          title="Ctrl+Shift+Space: at the caret"
        >
          Insert space
        </button>
      </div>
      {pending && (
        <form
          className="replace-form"
          onSubmit={(e) => {
            e.preventDefault();
            finishReplace(value);
          }}
        >
          <label>
            Replace <bdi className="replace-old">{preview(pending.text)}</bdi> with
            <input
              ref={input}
              id="cleanup-replace-input"
              dir="auto"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setPendingReplace(null);
                }
              }}
            />
          </label>
          <button type="submit" className="small primary">
            Replace
          </button>
          <button type="button" className="small" onClick={() => setPendingReplace(null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}

function SuggestionItem({
  s,
  current,
  readOnly,
}: {
  s: SuggestedEdit;
  current: boolean;
  readOnly: boolean;
}): ReactElement {
  const key = suggestionKey(s);
  const insertion = s.start === s.end;
  return (
    <li
      className={`cleanup-suggestion${current ? ' current' : ''}`}
      data-key={key}
      data-rule={s.rule}
      aria-current={current ? 'true' : undefined}
      title={suggestionWhy(s)}
    >
      <button
        className="suggestion-text"
        tabIndex={-1}
        onClick={() => {
          setCursor(key);
          scrollToSuggestion(s);
        }}
      >
        {insertion ? (
          <span className="suggestion-insert">
            <span className="insert-mark">＋</span> insert{' '}
            <bdi className="suggestion-new">{visible(s.replacement)}</bdi>
          </span>
        ) : s.replacement === '' ? (
          <bdi className="suggestion-removed">{preview(s.text)}</bdi>
        ) : (
          <span>
            <bdi className="suggestion-removed">{preview(s.text)}</bdi> →{' '}
            <bdi className="suggestion-new">{visible(s.replacement)}</bdi>
          </span>
        )}
        {/* Most suggestions remove boilerplate; the other kinds (normalize, split…) say so. */}
        {s.kind !== 'boilerplate' && <span className="muted suggestion-kind">{s.kind}</span>}
        {/*
          Why: a site's count or what was learned; else the rule's description, which the group's head already shows.
        */}
        {s.reason ? (
          <span className="suggestion-why" data-testid="suggestion-why">
            {s.reason}
          </span>
        ) : (
          <span className="visually-hidden">{suggestionWhy(s)}</span>
        )}
      </button>
      <span className="suggestion-actions">
        <button
          className="small accept"
          disabled={readOnly}
          onClick={() => acceptSuggestions([s])}
          title="Accept (A)"
          aria-label="Accept"
        >
          ✓
        </button>
        <button
          className="small reject"
          disabled={readOnly}
          onClick={() => rejectSuggestions([s])}
          title="Reject (R)"
          aria-label="Reject"
        >
          ✕
        </button>
      </span>
    </li>
  );
}

export function CleanupTab(): ReactElement {
  const docId = useTahrir((s) => s.doc?.id ?? null);
  const readOnly = useTahrir((s) => !!s.doc?.readOnly);
  const data = useTahrir((s) => s.data);
  const suggestions = useCleanup((s) => s.suggestions);
  const loadedFor = useCleanup((s) => s.docId);
  const loading = useCleanup((s) => s.loading);
  const error = useCleanup((s) => s.error);
  const cursor = useCleanup((s) => s.cursor);

  useEffect(() => {
    if (docId && loadedFor !== docId) void loadSuggestions();
  }, [docId, loadedFor]);

  const open = useMemo(() => openSuggestions(suggestions, data), [suggestions, data]);
  const groups = useMemo(() => groupByRule(open), [open]);
  const ordered = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const keys = useMemo(() => ordered.map(suggestionKey), [ordered]);
  const currentIndex = cursor ? keys.indexOf(cursor) : -1;
  const current = currentIndex >= 0 ? ordered[currentIndex] : undefined;
  usePreview(open, current ? cursor : null);

  // The cursor stays on the same place in the list when its suggestion goes (accepted or rejected).
  const lastIndex = useRef(-1);
  useEffect(() => {
    if (currentIndex >= 0) lastIndex.current = currentIndex;
    else if (cursor && keys.length > 0 && lastIndex.current >= 0)
      setCursor(keys[Math.min(lastIndex.current, keys.length - 1)]);
  }, [currentIndex, cursor, keys]);

  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!cursor) return;
    listRef.current?.querySelector(`[data-key="${CSS.escape(cursor)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  // Before accepting them all: how many entities and quotes they would hide from the clean text.
  const source = useTahrir((s) => s.doc?.source);
  const hiddenByAll = useMemo(
    () =>
      source !== undefined && data && open.length > 0
        ? hiddenByAccepting(source, data, open)
        : { entities: 0, quotes: 0 },
    [source, data, open],
  );
  const hiddenText = hiddenWords(hiddenByAll);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setConfirming(false), [docId, open.length]);
  const acceptAll = (): void => {
    if (hiddenText && !confirming) setConfirming(true);
    else {
      setConfirming(false);
      acceptSuggestions(open);
    }
  };

  return (
    <div className="cleanup-panel" data-testid="cleanup-panel">
      <div className="cleanup-head">
        <span>{loading ? 'Looking for boilerplate…' : `${open.length} suggestion${open.length === 1 ? '' : 's'}`}</span>
        <span className="cleanup-head-actions">
          <button
            className="small"
            onClick={() => void loadSuggestions()}
            title="Ask again (after changing tahrir.json rules)"
          >
            Refresh
          </button>
          <button
            className="small primary"
            disabled={readOnly || open.length === 0}
            onClick={acceptAll}
            data-testid="accept-all"
            title={hiddenText ? `Accepting all hides ${hiddenText} from the clean text` : undefined}
          >
            Accept all
          </button>
        </span>
      </div>
      {hiddenText && !confirming && (
        <p className="accept-all-hides" data-testid="accept-all-hides">
          Accepting all hides {hiddenText} from the clean text.
        </p>
      )}
      {confirming && (
        <div
          className="banner warn accept-all-confirm"
          role="alertdialog"
          aria-label="Accept all?"
          data-testid="accept-all-confirm"
        >
          <span>
            Accepting all {open.length} suggestions hides {hiddenText} from the clean text (Ctrl+Z brings them back).
          </span>
          <span className="cleanup-head-actions">
            <button className="small primary" onClick={acceptAll} autoFocus>
              Accept all
            </button>
            <button className="small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        </div>
      )}
      {error && (
        <p className="banner error" role="alert">
          Suggestions unavailable: {error.message}
        </p>
      )}
      <div
        className="suggestion-groups"
        ref={listRef}
        id={SUGGESTION_LIST_ID}
        tabIndex={0}
        // A group, not a listbox: its suggestions hold their own buttons (accept, reject), which a listbox's options
        // may not.
        role="group"
        aria-label={
          'Cleanup suggestions (J/K to move, A accept, R reject, Shift for the whole rule, ' +
          'N next document with suggestions)'
        }
        onFocus={() => {
          if (!current && keys.length > 0) {
            setCursor(keys[0]);
            scrollToSuggestion(ordered[0]);
          }
        }}
        data-testid="suggestion-list"
      >
        {!loading && open.length === 0 && (
          <p className="empty-hint">No boilerplate suggestions open for this document.</p>
        )}
        {groups.map((g) => (
          <section key={g.rule} className="suggestion-group" aria-label={g.rule} data-rule={g.rule}>
            <h3>
              <span className="rule-id">{g.rule}</span> <span className="count">{g.items.length}</span>
              <span className="group-actions">
                <button
                  className="small"
                  disabled={readOnly}
                  onClick={() => acceptSuggestions(g.items)}
                  title="Accept all of this rule (Shift+A)"
                >
                  Accept {g.items.length > 1 ? 'all' : ''}
                </button>
                <button
                  className="small"
                  disabled={readOnly}
                  onClick={() => rejectSuggestions(g.items)}
                  title="Reject all of this rule (Shift+R)"
                >
                  Reject {g.items.length > 1 ? 'all' : ''}
                </button>
              </span>
            </h3>
            {g.description && (
              <p className="rule-description muted">
                <Described text={g.description} />
              </p>
            )}
            <ul>
              {g.items.map((s) => (
                <SuggestionItem
                  key={suggestionKey(s)}
                  s={s}
                  current={suggestionKey(s) === cursor}
                  readOnly={readOnly}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="corpus-cleanup-link">
        <button className="small" onClick={() => openDialog(CORPUS_CLEANUP_DIALOG)} data-testid="open-corpus-cleanup">
          Site templates…
        </button>{' '}
        <span className="muted">lines the site’s articles share, to remove everywhere</span>
      </p>
      <MetadataSuggestions />
      <HandEdits />
    </div>
  );
}
