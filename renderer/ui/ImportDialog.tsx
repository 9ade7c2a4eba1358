// File → Import…: pre-annotations from brat, JSONL, CoNLL or Label Studio merged into
// the sidecars (identical spans not duplicated, conflicts reported, nothing overwritten),
// then the report; the document list refreshes after.
import { useState, type ReactElement } from 'react';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport } from '../../shared/api';
import type { TahrirErrorData } from '../../shared/errors';
import { say, sayError } from '../../shared/i18n/message';
import type { MessageKey } from '../../shared/i18n/translator';
import { getApi } from '../session/api-connection';
import { saveNow, toErrorData } from '../session/autosave';
import { refreshDocuments } from '../session/document-actions';
import { useTranslator } from '../session/locale';
import { Dialog } from './Dialog';
import type { DialogProps } from './dialog-registry';
import { RichMessage } from './RichMessage';
import '../styles/cleanup.css';

const FORMAT_TEXT: Record<ImportFormat, MessageKey> = {
  brat: 'import.format.brat',
  jsonl: 'import.format.jsonl',
  conll: 'import.format.conll',
  labelstudio: 'import.format.labelstudio',
};

export function ImportDialog({ onClose }: DialogProps): ReactElement {
  const t = useTranslator();
  const [format, setFormat] = useState<ImportFormat>('jsonl');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<TahrirErrorData | null>(null);
  const [noDialog, setNoDialog] = useState(false);
  // Items of the source read of all (import-progress events), while it runs: a 5,424-line JSONL took 7.9 s here.
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const choose = async (): Promise<void> => {
    try {
      const from = await getApi().chooseImportSource(format);
      if (from) setSource(from);
      // No system dialog here (tahrir serve): the path is typed, relative to the workspace.
      else setNoDialog(true);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setReport(null);
    setProgress(null);
    const off = getApi().onEvent((e) => {
      if (e.type === 'import-progress') setProgress({ done: e.done, total: e.total });
    });
    try {
      await saveNow().catch(() => false);
      setReport(await getApi().importAnnotations({ format, from: source.trim() }));
      await refreshDocuments();
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      off();
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <Dialog
      className="dataset-dialog"
      title={t('import.title')}
      testId="import-dialog"
      onClose={busy ? undefined : onClose}
    >
      <fieldset disabled={busy} style={{ border: 'none', padding: 0, margin: 0 }}>
        <label className="field-row">
          <span>{t('app.format')}</span>
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as ImportFormat)}
            data-testid="import-format"
            autoFocus
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_TEXT[f])}
              </option>
            ))}
          </select>
        </label>
        <div className="field-row">
          <span>{t('import.source')}</span>
          <span className="destination">
            <input
              type="text"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              placeholder={t('import.source-placeholder')}
              aria-label={t('import.source-label')}
              data-testid="import-source"
              dir="auto"
            />
            <button type="button" className="small" onClick={() => void choose()}>
              {t('app.choose')}
            </button>
          </span>
        </div>
        {noDialog && <p className="muted">{t('import.no-dialog')}</p>}
      </fieldset>
      <p className="muted">{t('import.note')}</p>
      {error && (
        <p className="banner error" role="alert" data-testid="import-error">
          {error.file
            ? t('import.failed-file', { message: sayError(t, error), file: error.file })
            : t('import.failed', { message: sayError(t, error) })}
        </p>
      )}
      {busy && (
        <div className="export-progress" data-testid="import-progress">
          <progress max={progress?.total || 1} value={progress?.total ? progress.done : undefined} />
          <div className="current-file">
            {progress?.total
              ? t('import.progress', { done: progress.done, total: progress.total })
              : t('import.importing')}
          </div>
        </div>
      )}
      {report && (
        <div className="dataset-summary" data-testid="import-report">
          <h3>
            {t('import.report', { documents: report.documents, added: report.added, duplicates: report.duplicates })}
          </h3>
          {report.cancelled && <p data-testid="import-cancelled">{t('import.cancelled')}</p>}
          {report.conflicts.length > 0 && (
            <>
              <h3>{t('import.conflicts', { n: report.conflicts.length })}</h3>
              <ul>
                {report.conflicts.map((c, i) => (
                  <li key={i}>
                    <RichMessage
                      id="app.in-file"
                      values={{ file: c.file, message: c.said ? say(t, c.said) : c.message }}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.skipped.length > 0 && (
            <>
              <h3>{t('import.skipped', { n: report.skipped.length })}</h3>
              <ul>
                {report.skipped.map((s, i) => (
                  <li key={i}>
                    <RichMessage
                      id="app.in-file"
                      values={{
                        file: s.file,
                        message: s.reasonMessage ? say(t, s.reasonMessage) : s.reason,
                      }}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="dialog-actions">
        {/* While it runs, Cancel stops the import between two documents (what it merged stays, and is reported). */}
        <button
          onClick={busy ? () => void getApi().cancelImport() : onClose}
          data-testid={busy ? 'import-cancel' : undefined}
        >
          {report ? t('app.close') : t('app.cancel')}
        </button>
        <button
          className="primary"
          disabled={busy || !source.trim()}
          onClick={() => void run()}
          data-testid="import-start"
        >
          {busy ? t('import.importing') : t('import.import')}
        </button>
      </div>
    </Dialog>
  );
}
