// The choice when the open document changed on disk while it has unsaved changes here:
// keep mine / take theirs / merge by id (with what the merge keeps and where it conflicts);
// or, when its text file was removed, keep a recovery copy of the annotations.
import type { ReactElement } from 'react';
import type { MessageKey, Translator } from '../../shared/i18n/translator';
import type { MergeConflict } from '../../shared/merge-sidecars';
import type { Sidecar } from '../../shared/model';
import { decideLater, keepMine, keepRecoveryCopy, mergeBoth, takeTheirs } from '../session/external-change';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import type { DialogProps } from './dialog-registry';
import { RichMessage } from './RichMessage';
import { sayError } from '../../shared/i18n/message';

// Set through the CSSOM (allowed by the CSP), not as a style attribute.
const BUTTON_ROW = { display: 'flex', flexWrap: 'wrap', gap: '8px', marginBlockStart: '14px' } as const;

function counts(t: Translator, s: Sidecar | null | undefined): string {
  if (!s) return '—';
  return t('external.counts', { entities: s.entities.length, quotes: s.quotes.length, edits: s.edits.length });
}

const REASON: Record<MergeConflict['reason'], MessageKey> = {
  'both-changed': 'external.both-changed',
  'changed-and-deleted': 'external.changed-and-deleted',
  'overlapping-edit': 'external.overlapping-edit',
  'speaker-kept': 'external.speaker-kept',
  'field-changed': 'external.both-changed',
};

function spanText(x: unknown): string {
  if (x && typeof x === 'object' && 'text' in x && typeof (x as { text: unknown }).text === 'string') {
    const t = Array.from((x as { text: string }).text);
    return t.length > 40 ? `${t.slice(0, 40).join('')}…` : t.join('');
  }
  return x === undefined ? '' : JSON.stringify(x).slice(0, 60);
}

export function ExternalChangeDialog({ onClose }: DialogProps): ReactElement {
  const t = useTranslator();
  const pending = useTahrir((s) => s.externalChoice);
  if (!pending) {
    return (
      <div className="overlay" onClick={onClose}>
        <div className="dialog" role="dialog" aria-modal="true" onClick={(e) => e.stopPropagation()}>
          <p>{t('external.nothing')}</p>
          <button onClick={onClose}>{t('app.close')}</button>
        </div>
      </div>
    );
  }
  const { change, theirs, mine, merged, error } = pending;
  const file = change.type === 'document-removed' ? `${change.id}.txt` : `${change.id}.annotations.json`;
  const fileName = (
    <bdi>
      <code>{file}</code>
    </bdi>
  );
  return (
    <div className="overlay">
      <div
        className="dialog external-change"
        role="dialog"
        aria-modal="true"
        aria-labelledby="external-change-title"
        data-testid="external-change-dialog"
      >
        {change.type === 'document-removed' ? (
          <>
            <h2 id="external-change-title">{t('external.removed-title')}</h2>
            <p>
              <RichMessage id="external.removed" values={{ file: fileName, counts: counts(t, mine) }} />
            </p>
            <div className="dialog-buttons" style={BUTTON_ROW}>
              <button className="primary" onClick={() => void keepRecoveryCopy()} data-testid="keep-recovery-copy">
                {t('external.keep-recovery')}
              </button>
              <button onClick={decideLater}>{t('app.close')}</button>
            </div>
          </>
        ) : (
          <>
            <h2 id="external-change-title">{t('external.changed-title')}</h2>
            <p>
              <RichMessage id="external.changed" values={{ file: fileName }} />
            </p>
            <table className="external-change-sides">
              <tbody>
                <tr>
                  <th scope="row">{t('external.yours')}</th>
                  <td>{counts(t, mine)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('external.on-disk')}</th>
                  <td>
                    {theirs?.readOnly
                      ? t('external.unreadable', { message: sayError(t, theirs.readOnly) })
                      : counts(t, theirs?.sidecar)}
                  </td>
                </tr>
                {merged && (
                  <tr>
                    <th scope="row">{t('external.merged')}</th>
                    <td data-testid="merge-preview">
                      {t('external.merge-preview', { counts: counts(t, merged.sidecar), n: merged.conflicts.length })}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            {error && (
              <p className="error-text" role="alert">
                {error}
              </p>
            )}
            {merged && merged.conflicts.length > 0 && (
              <details>
                <summary>{t('external.conflicts')}</summary>
                <ul className="merge-conflicts">
                  {merged.conflicts.slice(0, 50).map((c, i) => (
                    <li key={i}>
                      <RichMessage
                        id={spanText(c.mine ?? c.theirs) ? 'external.conflict-text' : 'external.conflict'}
                        values={{
                          kind: t('external.kind', { kind: c.kind }),
                          id: <code>{c.id}</code>,
                          reason: t(REASON[c.reason]),
                          kept: c.kept === 'mine' ? 'mine' : 'theirs',
                          text: <bdi>{spanText(c.mine ?? c.theirs)}</bdi>,
                        }}
                      />
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <div className="dialog-buttons" style={BUTTON_ROW}>
              <button
                className="primary"
                disabled={!merged}
                onClick={() => void mergeBoth()}
                data-testid="merge-both"
                title={t('external.merge-both-title')}
              >
                {t('external.merge-both')}
              </button>
              <button
                onClick={() => void keepMine()}
                disabled={!theirs}
                data-testid="keep-mine"
                title={t('external.keep-mine-title')}
              >
                {t('banner.keep-mine')}
              </button>
              <button
                onClick={() => void takeTheirs()}
                disabled={!theirs || !!theirs.readOnly}
                data-testid="take-theirs"
                title={t('external.take-theirs-title')}
              >
                {t('external.take-theirs')}
              </button>
              <button onClick={decideLater}>{t('external.later')}</button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
