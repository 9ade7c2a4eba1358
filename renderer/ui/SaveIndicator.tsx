// Saved / saving / unsaved / error, always visible; an error says what failed and when it retries.
import { useEffect, useState, type ReactElement } from 'react';
import { saveNow } from '../session/autosave';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { sayError } from '../../shared/i18n/message';

export function SaveIndicator(): ReactElement | null {
  const save = useTahrir((s) => s.save);
  const readOnly = useTahrir((s) => !!s.doc?.readOnly);
  const hasDoc = useTahrir((s) => !!s.doc);
  const [, tick] = useState(0);
  const t = useTranslator();
  useEffect(() => {
    if (!save.retryAt) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [save.retryAt]);
  if (!hasDoc) return null;
  if (readOnly) return <span className="save-state read-only">{t('save.read-only')}</span>;
  const text =
    save.state === 'saved'
      ? t('save.saved')
      : save.state === 'saving'
        ? t('save.saving')
        : save.state === 'dirty'
          ? t('save.dirty')
          : t('save.error');
  const retryIn = save.retryAt ? Math.max(0, Math.ceil((save.retryAt - Date.now()) / 1000)) : null;
  return (
    <span
      className={`save-state state-${save.state}`}
      role="status"
      aria-live="polite"
      data-testid="save-state"
      data-state={save.state}
    >
      {/* First, where it stays put: the countdown after it changes its width every second (a click aimed at a
          button after it landed beside it). */}
      {save.state === 'error' && save.error && (
        <button className="small" onClick={() => void saveNow()}>
          {t('save.retry')}
        </button>
      )}
      <span className="save-dot" />
      {text}
      {save.state === 'error' && save.error && (
        <span className="save-error" title={sayError(t, save.error)}>
          {retryIn !== null
            ? t('save.error-retrying', { message: sayError(t, save.error), seconds: retryIn })
            : t('save.error-message', { message: sayError(t, save.error) })}
        </span>
      )}
    </span>
  );
}
