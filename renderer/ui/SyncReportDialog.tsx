// The report of the last sync (Teams): what was committed and sent, what came in from whom, the
// documents left with conflicts (one click opens each as the conflict queue), and any problem
// in plain words with git's own below it.
import type { ReactElement } from 'react';
import type { MessageKey } from '../../shared/i18n/translator';
import { openDocument } from '../session/document-actions';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { Dialog } from './Dialog';
import type { DialogProps } from './dialog-registry';

export function SyncReportDialog({ onClose }: DialogProps): ReactElement | null {
  const report = useTahrir((s) => s.sync.report);
  const locale = useTahrir((s) => s.locale);
  const t = useTranslator();
  if (!report) return null;
  const list = (items: string[]) => new Intl.ListFormat(locale).format(items);
  const upstream = report.status.upstream ?? '';
  return (
    <Dialog className="sync-report" title={t('sync.report-title')} testId="sync-report" onClose={onClose}>
      {report.problem && (
        <div className="banner error" role="alert" data-testid="sync-problem" data-reason={report.problem.reason}>
          <strong>{t(`sync.problem.${report.problem.reason}` as MessageKey)}</strong>
          <p className="sync-git-words" dir="ltr">
            {report.problem.message}
          </p>
        </div>
      )}
      {report.setUp.length > 0 && (
        <div>
          <p>{t('sync.set-up')}</p>
          <ul className="sync-git-words" dir="ltr">
            {report.setUp.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <p data-testid="sync-committed">
        {report.committed.length > 0 ? (
          <>
            {t('sync.committed', { n: report.committed.length })} <bdi>{list(report.committed)}</bdi>
          </>
        ) : (
          t('sync.nothing-committed')
        )}
      </p>
      {report.pushed && (
        <p data-testid="sync-pushed">
          {report.retries > 0 ? t('sync.retries', { n: report.retries }) : t('sync.pushed', { upstream })}
        </p>
      )}
      {report.ownBranch && (
        <p>{t('sync.own-branch', { n: report.ownBranch.documents.length, branch: report.ownBranch.branch })}</p>
      )}
      <h3>{t('sync.incoming-title')}</h3>
      {report.incoming.length > 0 ? (
        <ul data-testid="sync-incoming">
          {report.incoming.map((d) => (
            <li key={d.id}>
              <bdi>{d.id}</bdi>
              {t('sync.incoming-by', { who: list(d.by) })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('sync.nothing-incoming')}</p>
      )}
      {report.conflicts.length > 0 && (
        <div className="sync-conflicts" data-testid="sync-conflicts">
          <h3>{t('sync.conflicts-title', { n: report.conflicts.length })}</h3>
          <p>{t('sync.not-pushed-conflicts')}</p>
          <ul>
            {report.conflicts.map((id) => (
              <li key={id}>
                <bdi>{id}</bdi>{' '}
                <button
                  className="small"
                  onClick={() => {
                    onClose();
                    void openDocument(id);
                  }}
                >
                  {t('sync.open')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.textsLeft.length > 0 && (
        <p className="muted">{t('sync.texts-left', { files: list(report.textsLeft) })}</p>
      )}
      <div className="dialog-actions">
        <button onClick={onClose} autoFocus data-testid="sync-report-close">
          {t('app.close')}
        </button>
      </div>
    </Dialog>
  );
}
