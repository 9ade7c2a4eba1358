// Messages above the text: read-only documents, recovered changes, re-anchoring,
// changes on disk, a stale or refused save, and short notices.
import { useEffect, type ReactElement } from 'react';
import { keepMineOverDisk } from '../session/autosave';
import { discardRecovered, reloadDocument, restoreRecovered } from '../session/document-actions';
import { store, useTahrir } from '../session/store';
import { clearNotice } from '../session/ui-actions';

export function Banners(): ReactElement {
  const doc = useTahrir((s) => s.doc);
  const openError = useTahrir((s) => s.openError);
  const external = useTahrir((s) => s.external);
  const stale = useTahrir((s) => s.save.state === 'error' && s.save.error?.code === 'stale-revision');
  // A sidecar the back end refused (a label tahrir.json does not define, …): waiting will not fix it, the editor must.
  const refused = useTahrir((s) =>
    s.save.state === 'error' && s.save.error?.code === 'invalid-argument' ? s.save.error.message : null,
  );
  return (
    <div className="banners">
      {openError && (
        <div className="banner error" role="alert">
          <strong>Cannot open {openError.file ?? 'this document'}:</strong> {openError.message}
        </div>
      )}
      {doc?.readOnly && !doc.base.conflicts?.length && (
        <div className="banner error" role="alert" data-testid="read-only-banner">
          <strong>Read-only.</strong> The sidecar {doc.readOnly.file ? <code>{doc.readOnly.file}</code> : null} cannot
          be read: {doc.readOnly.message}. Nothing will be written until it is fixed.
        </div>
      )}
      {doc?.recovered && (
        <div className="banner warn" role="alert">
          Unsaved changes from {new Date(doc.recovered.savedAt).toLocaleString()} were found (the app closed before
          saving them).
          <button className="small primary" onClick={restoreRecovered}>
            Restore them
          </button>
          <button className="small" onClick={() => void discardRecovered()}>
            Discard
          </button>
        </div>
      )}
      {doc?.reanchored && (doc.reanchored.moved.length > 0 || doc.reanchored.orphaned.length > 0) && (
        <div className="banner warn">
          Spans were not where their text is (the text changed on disk, or their offsets were wrong):{' '}
          {doc.reanchored.moved.length} span(s) moved to where their text is now
          {doc.reanchored.orphaned.length > 0 && (
            <>, {doc.reanchored.orphaned.length} could not be found (marked orphaned, kept)</>
          )}
          .
        </div>
      )}
      {external && (
        <div className="banner warn" role="alert">
          {external.type === 'document-removed'
            ? 'This document’s text file was removed from disk.'
            : external.type === 'text-changed'
              ? 'The text changed on disk while you had unsaved changes.'
              : 'The sidecar changed on disk while you had unsaved changes.'}
          {external.type !== 'document-removed' && (
            <>
              <button
                className="small"
                onClick={() => void keepMineOverDisk().then(() => store().setState({ external: null }))}
              >
                Keep mine
              </button>
              <button className="small" onClick={() => void reloadDocument()}>
                Reload from disk
              </button>
            </>
          )}
        </div>
      )}
      {stale && !external && (
        <div className="banner error" role="alert">
          Not saved: the sidecar changed on disk since this document was opened. Your changes are kept here.
          <button className="small primary" onClick={() => void keepMineOverDisk()}>
            Keep mine
          </button>
          <button className="small" onClick={() => void reloadDocument()}>
            Reload from disk (drop mine)
          </button>
        </div>
      )}
      {refused && (
        <div className="banner error" role="alert" data-testid="save-refused-banner">
          <strong>Not saved:</strong> {refused}. Your changes are kept here and in the recovery journal, and are saved
          once this is fixed.
        </div>
      )}
      <NoticeToast />
    </div>
  );
}

/** A hint says what a key needs; it goes before it gets in the way of the next one. */
const HINT_MS = 2000;

function NoticeToast(): ReactElement | null {
  const notice = useTahrir((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const t = setTimeout(clearNotice, notice.kind === 'hint' ? HINT_MS : 3500);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`toast ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
      <button className="small" aria-label="Dismiss" onClick={clearNotice}>
        ×
      </button>
    </div>
  );
}
