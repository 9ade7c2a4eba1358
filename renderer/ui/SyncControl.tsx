// Sync (Teams): the Sync button in the top bar, and the status line at the foot of the document
// list (ahead/behind the team's branch and documents not synced yet, or the running sync's step).
import type { ReactElement } from 'react';
import type { MessageKey } from '../../shared/i18n/translator';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { runSync } from '../session/sync';

export function SyncButton(): ReactElement {
  const running = useTahrir((s) => s.sync.running);
  const t = useTranslator();
  return (
    <button
      className="small sync-button"
      onClick={() => void runSync()}
      disabled={running}
      aria-busy={running}
      title={t('top.sync-title')}
      data-testid="sync"
    >
      {running && <span className="sync-spinner" aria-hidden="true" />}
      {t('top.sync')}
    </button>
  );
}

export function SyncStatusLine(): ReactElement | null {
  const sync = useTahrir((s) => s.sync);
  const t = useTranslator();
  const { status } = sync;
  let line = '';
  let title = '';
  if (sync.running) {
    const attempt = sync.attempt && sync.attempt > 1 ? ` ${t('sync.step.attempt', { n: sync.attempt })}` : '';
    line = `${t(`sync.step.${sync.step ?? 'saving'}` as MessageKey)}${attempt}`;
  } else if (status?.problem) {
    line = t(status.problem.reason === 'no-git' ? 'sync.status.no-git' : 'sync.status.no-repository');
    title = status.problem.message;
  } else if (status) {
    line = t('sync.status', { ahead: status.ahead, behind: status.behind, unsynced: status.unsynced });
    title = t('sync.status-title', {
      ahead: status.ahead,
      behind: status.behind,
      unsynced: status.unsynced,
      upstream: status.upstream ?? '',
    });
  }
  if (!line) return null;
  return (
    <div
      className={`sync-status${status && status.unsynced > 0 && !sync.running ? ' has-unsynced' : ''}`}
      role="status"
      aria-live="polite"
      title={title}
      data-testid="sync-status"
    >
      {sync.running && <span className="sync-spinner" aria-hidden="true" />}
      <bdi>{line}</bdi>
    </div>
  );
}
