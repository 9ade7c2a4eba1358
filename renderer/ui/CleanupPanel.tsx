// The "Cleanup" side panel tab: boilerplate suggestions grouped by rule, each previewed in
// the text (removed text struck through, a replacement underlined), accepted or rejected
// one by one or a whole rule at once, by mouse or keyboard; suggested metadata for the
// document's fields; and hand edits of the clean text.
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { SuggestedEdit } from '../../shared/api';
import type { MessageKey } from '../../shared/i18n/translator';
import { useTranslator } from '../session/locale';
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
  ruleDescription,
  ruleName,
  setCursor,
  suggestionKey,
  suggestionReason,
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
import { RichMessage } from './RichMessage';
import '../styles/cleanup.css';
import { sayError } from '../../shared/i18n/message';

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
      // The text drawn, not only the object: the same text worked out again (its memo holds three) left the preview
      // as it was, a rejected suggestion still struck through and one brought back by undo not drawn.
      if (surface.shown !== shown && surface.shown.text !== shown.text) return;
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

const METADATA_FIELDS: { field: MetadataField; title: MessageKey }[] = [
  { field: 'title', title: 'cleanup.field.title' },
  { field: 'published', title: 'cleanup.field.published' },
  { field: 'sourceName', title: 'cleanup.field.sourceName' },
  { field: 'keywords', title: 'cleanup.field.keywords' },
];

function MetadataSuggestions(): ReactElement | null {
  const t = useTranslator();
  const metadata = useCleanup((s) => s.metadata);
  const document = useTahrir((s) => s.data?.document);
  const readOnly = useTahrir((s) => !!s.doc?.readOnly);
  const rows = METADATA_FIELDS.filter(({ field }) => metadata[field] !== undefined);
  if (rows.length === 0 || !document) return null;
  return (
    <section className="cleanup-metadata" aria-label={t('cleanup.metadata')}>
      <h3>{t('cleanup.document-fields')}</h3>
      <dl>
        {rows.map(({ field, title }) => {
          const value = metadata[field]!;
          const text = Array.isArray(value) ? joinKeywords(value) : value;
          const current = document[field];
          const same = JSON.stringify(current) === JSON.stringify(value);
          return (
            <div key={field} className="metadata-row" data-field={field}>
              <dt>{t(title)}</dt>
              <dd>
                <bdi>{text}</bdi>
              </dd>
              <dd>
                {same ? (
                  <span className="badge">{t('cleanup.filled')}</span>
                ) : (
                  <button
                    className="small"
                    disabled={readOnly}
                    onClick={() => applyMetadata(field)}
                    title={
                      current
                        ? t('cleanup.replaces', { value: Array.isArray(current) ? joinKeywords(current) : current })
                        : undefined
                    }
                  >
                    {current ? t('cleanup.replace-field') : t('cleanup.fill')}
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
  const t = useTranslator();
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
    <section className="hand-edits" aria-label={t('cleanup.hand-edits')}>
      <h3>{t('cleanup.hand-title')}</h3>
      <p className="muted">{t('cleanup.hand-hint')}</p>
      <div className="hand-edit-buttons">
        <button
          className="small"
          onMouseDown={keep}
          onClick={() => deleteSelection('boilerplate')}
          title="Ctrl+Backspace"
        >
          {t('cleanup.delete-boilerplate')}
        </button>
        <button className="small" onMouseDown={keep} onClick={() => startReplace()} title="Ctrl+Shift+E">
          {t('cleanup.replace-start')}
        </button>
        <button
          className="small"
          onMouseDown={keep}
          onClick={() => insertSpace()}
          title={t('cleanup.insert-space-title')}
        >
          {t('cleanup.insert-space')}
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
            <RichMessage
              id="cleanup.replace-with"
              values={{ old: <bdi className="replace-old">{preview(pending.text)}</bdi> }}
            />
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
            {t('cleanup.replace')}
          </button>
          <button type="button" className="small" onClick={() => setPendingReplace(null)}>
            {t('app.cancel')}
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
  const t = useTranslator();
  const key = suggestionKey(s);
  const insertion = s.start === s.end;
  return (
    <li
      className={`cleanup-suggestion${current ? ' current' : ''}`}
      data-key={key}
      data-rule={s.rule}
      aria-current={current ? 'true' : undefined}
      title={suggestionWhy(s, t)}
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
            <span className="insert-mark">＋</span>{' '}
            <RichMessage
              id="cleanup.insert"
              values={{ text: <bdi className="suggestion-new">{visible(s.replacement)}</bdi> }}
            />
          </span>
        ) : s.replacement === '' ? (
          <bdi className="suggestion-removed">{preview(s.text)}</bdi>
        ) : (
          <span>
            <bdi className="suggestion-removed">{preview(s.text)}</bdi> <span className="directional">→</span>{' '}
            <bdi className="suggestion-new">{visible(s.replacement)}</bdi>
          </span>
        )}
        {/* Most suggestions remove boilerplate; the other kinds (normalize, split…) say so. */}
        {s.kind !== 'boilerplate' && (
          <span className="muted suggestion-kind">{t('cleanup.kind', { kind: s.kind })}</span>
        )}
        {/*
          Why: a site's count or what was learned; else the rule's description, which the group's head already shows.
        */}
        {s.reason ? (
          <span className="suggestion-why" data-testid="suggestion-why" dir="auto">
            {suggestionReason(s, t)}
          </span>
        ) : (
          <span className="visually-hidden">{suggestionWhy(s, t)}</span>
        )}
      </button>
      <span className="suggestion-actions">
        <button
          className="small accept"
          disabled={readOnly}
          onClick={() => acceptSuggestions([s])}
          title={t('cleanup.accept-title')}
          aria-label={t('cleanup.accept')}
        >
          ✓
        </button>
        <button
          className="small reject"
          disabled={readOnly}
          onClick={() => rejectSuggestions([s])}
          title={t('cleanup.reject-title')}
          aria-label={t('cleanup.reject')}
        >
          ✕
        </button>
      </span>
    </li>
  );
}

export function CleanupTab(): ReactElement {
  const t = useTranslator();
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
        <span>{loading ? t('cleanup.looking') : t('cleanup.count', { n: open.length })}</span>
        <span className="cleanup-head-actions">
          <button className="small" onClick={() => void loadSuggestions()} title={t('cleanup.refresh-title')}>
            {t('cleanup.refresh')}
          </button>
          <button
            className="small primary"
            disabled={readOnly || open.length === 0}
            onClick={acceptAll}
            data-testid="accept-all"
            title={hiddenText ? t('cleanup.accept-all-title', { hidden: hiddenText }) : undefined}
          >
            {t('cleanup.accept-all')}
          </button>
        </span>
      </div>
      {hiddenText && !confirming && (
        <p className="accept-all-hides" data-testid="accept-all-hides">
          {t('cleanup.accept-all-hides', { hidden: hiddenText })}
        </p>
      )}
      {confirming && (
        <div
          className="banner warn accept-all-confirm"
          role="alertdialog"
          aria-label={t('cleanup.accept-all-question')}
          data-testid="accept-all-confirm"
        >
          <span>{t('cleanup.accept-all-confirm', { n: open.length, hidden: hiddenText })}</span>
          <span className="cleanup-head-actions">
            <button className="small primary" onClick={acceptAll} autoFocus>
              {t('cleanup.accept-all')}
            </button>
            <button className="small" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </span>
        </div>
      )}
      {error && (
        <p className="banner error" role="alert">
          {t('cleanup.unavailable', { message: sayError(t, error) })}
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
        aria-label={t('cleanup.list')}
        onFocus={() => {
          if (!current && keys.length > 0) {
            setCursor(keys[0]);
            scrollToSuggestion(ordered[0]);
          }
        }}
        data-testid="suggestion-list"
      >
        {!loading && open.length === 0 && <p className="empty-hint">{t('cleanup.none-open')}</p>}
        {groups.map((g) => (
          <section key={g.rule} className="suggestion-group" aria-label={ruleName(g.rule, t)} data-rule={g.rule}>
            <h3>
              {/* The rule's name; its id (what tahrir.json and the sidecar's edits say) on hover. */}
              <span className="rule-name" title={g.rule}>
                {ruleName(g.rule, t)}
              </span>{' '}
              <span className="count">{g.items.length}</span>
              <span className="group-actions">
                <button
                  className="small"
                  disabled={readOnly}
                  onClick={() => acceptSuggestions(g.items)}
                  title={t('cleanup.accept-rule-title')}
                >
                  {t('cleanup.accept-rule', { n: g.items.length })}
                </button>
                <button
                  className="small"
                  disabled={readOnly}
                  onClick={() => rejectSuggestions(g.items)}
                  title={t('cleanup.reject-rule-title')}
                >
                  {t('cleanup.reject-rule', { n: g.items.length })}
                </button>
              </span>
            </h3>
            {(g.descriptionMessage || g.description) && (
              <p className="rule-description muted" dir="auto">
                <Described text={ruleDescription(g, t)} />
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
          {t('top.site-templates')}
        </button>{' '}
        <span className="muted">{t('cleanup.site-templates-note')}</span>
      </p>
      <MetadataSuggestions />
      <HandEdits />
    </div>
  );
}
