// File → Import…: pre-annotations from brat, JSONL, CoNLL or Label Studio merged into
// the sidecars (identical spans not duplicated, conflicts reported, nothing overwritten),
// then the report; the document list refreshes after.
import { useState, type ReactElement } from 'react';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport } from '../../shared/api';
import type { TahrirErrorData } from '../../shared/errors';
import { getApi } from '../session/api-connection';
import { saveNow, toErrorData } from '../session/autosave';
import { refreshDocuments } from '../session/document-actions';
import { Dialog } from './Dialog';
import type { DialogProps } from './dialog-registry';
import '../styles/cleanup.css';

const FORMAT_TEXT: Record<ImportFormat, string> = {
  brat: 'brat standoff (folder of .txt + .ann)',
  jsonl: 'JSONL spans',
  conll: 'CoNLL (IOB tags, with its text)',
  labelstudio: 'Label Studio export (JSON)',
};

export function ImportDialog({ onClose }: DialogProps): ReactElement {
  const [format, setFormat] = useState<ImportFormat>('jsonl');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<TahrirErrorData | null>(null);
  const [noDialog, setNoDialog] = useState(false);

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
    try {
      await saveNow().catch(() => false);
      setReport(await getApi().importAnnotations({ format, from: source.trim() }));
      await refreshDocuments();
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      className="dataset-dialog"
      titleId="import-title"
      title="Import pre-annotations"
      testId="import-dialog"
      onClose={busy ? undefined : onClose}
    >
      <fieldset disabled={busy} style={{ border: 'none', padding: 0, margin: 0 }}>
        <label className="field-row">
          <span>Format</span>
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as ImportFormat)}
            data-testid="import-format"
            autoFocus
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_TEXT[f]}
              </option>
            ))}
          </select>
        </label>
        <div className="field-row">
          <span>Source</span>
          <span className="destination">
            <input
              type="text"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              placeholder="path to the file or folder"
              aria-label="Import source"
              data-testid="import-source"
              dir="auto"
            />
            <button type="button" className="small" onClick={() => void choose()}>
              Choose…
            </button>
          </span>
        </div>
        {noDialog && <p className="muted">No file dialog in the browser: type a path inside the workspace.</p>}
      </fieldset>
      <p className="muted">
        Identical spans are not added twice; spans that conflict with yours are reported and left for you.
      </p>
      {error && (
        <p className="banner error" role="alert" data-testid="import-error">
          Import failed: {error.message}
          {error.file ? ` (${error.file})` : ''}
        </p>
      )}
      {report && (
        <div className="dataset-summary" data-testid="import-report">
          <h3>
            {report.documents} document{report.documents === 1 ? '' : 's'}: {report.added} span
            {report.added === 1 ? '' : 's'} added, {report.duplicates} already there
          </h3>
          {report.conflicts.length > 0 && (
            <>
              <h3>Conflicts ({report.conflicts.length}), not imported</h3>
              <ul>
                {report.conflicts.map((c, i) => (
                  <li key={i}>
                    <bdi>{c.file}</bdi>: {c.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.skipped.length > 0 && (
            <>
              <h3>Skipped ({report.skipped.length})</h3>
              <ul>
                {report.skipped.map((s, i) => (
                  <li key={i}>
                    <bdi>{s.file}</bdi>: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button onClick={onClose} disabled={busy}>
          {report ? 'Close' : 'Cancel'}
        </button>
        <button
          className="primary"
          disabled={busy || !source.trim()}
          onClick={() => void run()}
          data-testid="import-start"
        >
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </Dialog>
  );
}
