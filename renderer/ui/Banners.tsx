// Messages above the text: read-only documents, recovered changes, re-anchoring,
// changes on disk, a stale or refused save, and short notices.
import { useEffect, type ReactElement } from 'react';
import { keepMineOverDisk } from '../session/autosave';
import { discardRecovered, reloadDocument, restoreRecovered } from '../session/document-actions';
import { useTranslator } from '../session/locale';
import { store, useTahrir } from '../session/store';
import { RichMessage } from './RichMessage';
import { clearNotice } from '../session/ui-actions';
import { sayError, sayProblem } from '../../shared/i18n/message';

export function Banners(): ReactElement {
  const doc = useTahrir((s) => s.doc);
  const openError = useTahrir((s) => s.openError);
  const external = useTahrir((s) => s.external);
  const stale = useTahrir((s) => s.save.state === 'error' && s.save.error?.code === 'stale-revision');
  // A sidecar the back end refused (a label tahrir.json does not define, …): waiting will not fix it, the editor must.
  // Said by its catalog key (sayError), in the interface's language; the English message only when it has none.
  const refused = useTahrir((s) =>
    s.save.state === 'error' && s.save.error?.code === 'invalid-argument' ? s.save.error : null,
  );
  const t = useTranslator();
  return (
    <div className="banners">
      {openError && (
        <div className="banner error" role="alert">
          <RichMessage
            id="banner.open-error"
            values={{ file: openError.file ?? t('banner.this-document'), message: sayError(t, openError) }}
          />
        </div>
      )}
      {doc?.readOnly && !doc.base.conflicts?.length && (
        <div className="banner error" role="alert" data-testid="read-only-banner">
          <RichMessage
            id="banner.read-only"
            values={{
              file: doc.readOnly.file ? <code key="file">{doc.readOnly.file}</code> : '',
              // The banner names the file: the problem alone follows it (sayError would name it again).
              message: sayProblem(t, doc.readOnly),
            }}
          />
        </div>
      )}
      {doc?.recovered && (
        <div className="banner warn" role="alert">
          {t('banner.recovered', { when: new Date(doc.recovered.savedAt).toLocaleString(t.locale) })}
          <button className="small primary" onClick={restoreRecovered}>
            {t('banner.restore')}
          </button>
          <button className="small" onClick={() => void discardRecovered()}>
            {t('banner.discard')}
          </button>
        </div>
      )}
      {doc?.reanchored && (doc.reanchored.moved.length > 0 || doc.reanchored.orphaned.length > 0) && (
        <div className="banner warn">
          {t('banner.reanchored', { moved: doc.reanchored.moved.length, orphaned: doc.reanchored.orphaned.length })}
        </div>
      )}
      {external && (
        <div className="banner warn" role="alert">
          {external.type === 'document-removed'
            ? t('banner.removed')
            : external.type === 'text-changed'
              ? t('banner.text-changed')
              : t('banner.sidecar-changed')}
          {external.type !== 'document-removed' && (
            <>
              <button
                className="small"
                onClick={() => void keepMineOverDisk().then(() => store().setState({ external: null }))}
              >
                {t('banner.keep-mine')}
              </button>
              <button className="small" onClick={() => void reloadDocument()}>
                {t('banner.reload')}
              </button>
            </>
          )}
        </div>
      )}
      {stale && !external && (
        <div className="banner error" role="alert">
          {t('banner.stale')}
          <button className="small primary" onClick={() => void keepMineOverDisk()}>
            {t('banner.keep-mine')}
          </button>
          <button className="small" onClick={() => void reloadDocument()}>
            {t('banner.reload-drop-mine')}
          </button>
        </div>
      )}
      {refused && (
        <div className="banner error" role="alert" data-testid="save-refused-banner">
          <RichMessage id="banner.refused" values={{ message: sayError(t, refused) }} />
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
  const t = useTranslator();
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(clearNotice, notice.kind === 'hint' ? HINT_MS : 3500);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`toast ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
      <button className="small" aria-label={t('banner.dismiss')} onClick={clearNotice}>
        ×
      </button>
    </div>
  );
}
