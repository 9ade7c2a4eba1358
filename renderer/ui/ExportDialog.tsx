// File → Export… (also Ctrl+E): format, status filter, split with seed, destination
// from the system dialog (or a default inside the workspace under serve), then the
// job's progress from export-progress events, the summary at the end, and Cancel. An earlier
// export at the destination is replaced only once the editor says so; anything else there is
// never written over (the back end refuses it, and the dialog says why).
import { useEffect, useRef, useState, type ReactElement } from 'react';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportRequest,
  type ExportSummary,
  type TahrirEvent,
} from '../../shared/api';
import type { TahrirErrorData } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n/translator';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../shared/model';
import { getApi } from '../session/api-connection';
import { saveNow, toErrorData } from '../session/autosave';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { Checkbox } from './Checkbox';
import { Dialog } from './Dialog';
import type { DialogProps } from './dialog-registry';
import { STATUS_MESSAGE } from './DocumentList';
import { DatasetSummaryTable, NameList } from './dataset-summary';
import { RichMessage } from './RichMessage';
import '../styles/cleanup.css';
import { sayError } from '../../shared/i18n/message';

export const FORMAT_TEXT: Record<ExportFormat, MessageKey> = {
  jsonl: 'export.format.jsonl',
  conll: 'export.format.conll',
  hf: 'export.format.hf',
  brat: 'export.format.brat',
  w3c: 'export.format.w3c',
  labelstudio: 'export.format.labelstudio',
};

type Phase =
  | { kind: 'setup' }
  | { kind: 'running'; jobId: string | null; done: number; total: number; current?: string }
  | { kind: 'finished'; summary: ExportSummary }
  | { kind: 'failed'; error: TahrirErrorData }
  /** An earlier export is at `out`: replace it, or choose another destination. */
  | { kind: 'replace?'; out: string };

/** The refusal of a destination that holds an earlier export (replacing it may be confirmed). */
function isEarlierExport(e: unknown): boolean {
  const error = e as { code?: unknown; detail?: { earlierExport?: unknown } } | null;
  return error?.code === 'exists' && error.detail?.earlierExport === true;
}

type ExportEvent = Extract<TahrirEvent, { jobId: string }>;

/**
 * Under `tahrir serve` the export is on the server's disk, out of the browser's reach: each output
 * is also handed to the browser as a download (a folder as a tar archive). The desktop has no
 * downloadExport: its exports are on the user's disk already.
 */
async function downloadOutputs(outputs: readonly string[]): Promise<string[]> {
  const download = getApi().downloadExport;
  if (!download) return [];
  const names: string[] = [];
  for (const path of outputs) {
    const { name, data } = await download(path);
    const url = URL.createObjectURL(data);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    names.push(name);
  }
  return names;
}

function DownloadNote({ outputs }: { outputs: readonly string[] }): ReactElement | null {
  const t = useTranslator();
  const [state, setState] = useState<{ names: string[] } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    downloadOutputs(outputs).then(
      (names) => live && setState({ names }),
      (e: unknown) => live && setState({ error: toErrorData(e).message }),
    );
    return () => {
      live = false;
    };
  }, [outputs]);
  if (!state || ('names' in state && state.names.length === 0)) return null;
  if ('error' in state)
    return (
      <p className="banner error" role="alert">
        {t('export.download-failed', { message: state.error })}
      </p>
    );
  return (
    <p className="muted" data-testid="export-downloaded">
      <RichMessage id="export.downloaded" values={{ list: <NameList names={state.names} /> }} />
    </p>
  );
}

function isExportEvent(e: TahrirEvent): e is ExportEvent {
  return e.type === 'export-progress' || e.type === 'export-finished' || e.type === 'export-failed';
}

export function ExportDialog({ onClose }: DialogProps): ReactElement {
  const t = useTranslator();
  const defaults = useTahrir((s) => s.workspace?.config.exportDefaults);
  const [format, setFormat] = useState<ExportFormat>(
    EXPORT_FORMATS.includes(defaults?.format as ExportFormat) ? (defaults!.format as ExportFormat) : 'jsonl',
  );
  const [status, setStatus] = useState<DocumentStatus | ''>(defaults?.status ?? '');
  // Untouched documents (to do, nothing annotated) would be examples that name nothing: left out unless asked for.
  const [includeUntouched, setIncludeUntouched] = useState(false);
  const [splitOn, setSplitOn] = useState(!!defaults?.split);
  const [split, setSplit] = useState<number[]>(defaults?.split ?? [80, 10, 10]);
  const [seed, setSeed] = useState(defaults?.seed ?? 42);
  const [destination, setDestination] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const jobRef = useRef<string | null>(null);
  // Events may arrive before startExport answers with the job id: keep them until then.
  const early = useRef<ExportEvent[]>([]);

  useEffect(() => {
    const apply = (e: ExportEvent): void => {
      if (e.type === 'export-progress')
        setPhase((p) => (p.kind === 'running' ? { ...p, done: e.done, total: e.total, current: e.current } : p));
      else if (e.type === 'export-finished') {
        setPhase({ kind: 'finished', summary: e.summary });
        // "Export again" asks for a destination again instead of overwriting this one.
        setDestination(null);
      } else setPhase({ kind: 'failed', error: e.error });
    };
    const off = getApi().onEvent((e) => {
      if (!isExportEvent(e)) return;
      if (jobRef.current === null) early.current.push(e);
      else if (e.jobId === jobRef.current) apply(e);
    });
    applyEarly.current = (jobId: string) => {
      for (const e of early.current.splice(0)) if (e.jobId === jobId) apply(e);
    };
    return off;
  }, []);
  const applyEarly = useRef<(jobId: string) => void>(() => undefined);

  const choose = async (): Promise<string | null> => {
    try {
      const out = await getApi().chooseExportDestination(format);
      if (out) setDestination(out);
      return out;
    } catch (e) {
      setPhase({ kind: 'failed', error: toErrorData(e) });
      return null;
    }
  };

  const splitValid =
    !splitOn || (split.length === 3 && split.every((n) => Number.isFinite(n) && n >= 0) && split.some((n) => n > 0));

  /** `confirmed`: the destination the editor agreed to replace (the earlier export there). */
  const start = async (confirmed?: string): Promise<void> => {
    const out = confirmed ?? destination ?? (await choose());
    if (!out) return;
    // What the editor has not saved yet is part of what they expect to export.
    await saveNow().catch(() => false);
    const request: ExportRequest = { format, out };
    if (confirmed !== undefined) request.replace = true;
    if (status) request.status = status;
    if (!includeUntouched) request.skipUntouched = true;
    if (splitOn) {
      request.split = split;
      request.seed = seed;
    }
    jobRef.current = null;
    early.current = [];
    setPhase({ kind: 'running', jobId: null, done: 0, total: 0 });
    try {
      const { jobId } = await getApi().startExport(request);
      jobRef.current = jobId;
      setPhase((p) => (p.kind === 'running' ? { ...p, jobId } : p));
      applyEarly.current(jobId);
    } catch (e) {
      setPhase(isEarlierExport(e) ? { kind: 'replace?', out } : { kind: 'failed', error: toErrorData(e) });
    }
  };

  const chooseAnother = async (): Promise<void> => {
    setDestination(null);
    setPhase({ kind: 'setup' });
    await choose();
  };

  const cancel = async (): Promise<void> => {
    const jobId = jobRef.current;
    if (jobId)
      await getApi()
        .cancelExport(jobId)
        .catch(() => undefined);
  };

  const running = phase.kind === 'running';
  // Closed while running (Escape, the menu): the job must not go on unseen.
  const runningRef = useRef(false);
  runningRef.current = running;
  useEffect(
    () => () => {
      if (runningRef.current && jobRef.current)
        void getApi()
          .cancelExport(jobRef.current)
          .catch(() => undefined);
    },
    [],
  );
  const close = (): void => {
    if (running) void cancel();
    onClose();
  };

  return (
    <Dialog
      className="dataset-dialog"
      title={t('export.title')}
      testId="export-dialog"
      onClose={running ? undefined : close}
    >
      <fieldset disabled={running || phase.kind === 'replace?'} style={{ border: 'none', padding: 0, margin: 0 }}>
        <label className="field-row">
          <span>{t('app.format')}</span>
          <select
            value={format}
            data-testid="export-format"
            onChange={(e) => {
              setFormat(e.target.value as ExportFormat);
              setDestination(null);
            }}
            autoFocus
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_TEXT[f])}
              </option>
            ))}
          </select>
        </label>
        <label className="field-row">
          <span>{t('export.documents')}</span>
          <select
            value={status}
            data-testid="export-status"
            onChange={(e) => setStatus(e.target.value as DocumentStatus | '')}
          >
            <option value="">{t('export.all-documents')}</option>
            {DOCUMENT_STATUSES.map((st) => (
              <option key={st} value={st}>
                {t('export.only-status', { status: t(STATUS_MESSAGE[st]) })}
              </option>
            ))}
          </select>
        </label>
        <div className="field-row">
          <span />
          <Checkbox checked={includeUntouched} onChange={setIncludeUntouched} testId="export-include-untouched">
            {t('export.include-untouched')}
            <span className="muted" data-testid="export-untouched-note">
              {' '}
              {includeUntouched ? t('export.untouched-included') : t('export.untouched-left-out')}
            </span>
          </Checkbox>
        </div>
        <div className="field-row">
          <span>{t('export.split')}</span>
          <span className="split-inputs">
            <Checkbox checked={splitOn} onChange={setSplitOn} testId="export-split-on">
              {t('export.split-names')}
            </Checkbox>
            {splitOn && (
              <>
                {['train', 'dev', 'test'].map((name, i) => (
                  <input
                    key={name}
                    type="number"
                    min={0}
                    aria-label={t('export.share', { name })}
                    value={split[i] ?? 0}
                    onChange={(e) => setSplit((s) => s.map((v, k) => (k === i ? Number(e.target.value) : v)))}
                  />
                ))}
                <label>
                  {t('export.seed')}{' '}
                  <input
                    type="number"
                    value={seed}
                    onChange={(e) => setSeed(Number(e.target.value))}
                    aria-label={t('export.seed-label')}
                    data-testid="export-seed"
                  />
                </label>
              </>
            )}
          </span>
        </div>
        <div className="field-row">
          <span>{t('export.destination')}</span>
          <span className="destination">
            {destination ? (
              <code data-testid="export-destination">{destination}</code>
            ) : (
              <span className="muted">{t('export.not-chosen')}</span>
            )}
            <button type="button" className="small" onClick={() => void choose()} data-testid="export-choose">
              {t('app.choose')}
            </button>
          </span>
        </div>
      </fieldset>

      {phase.kind === 'running' && (
        <div className="export-progress" data-testid="export-progress">
          <progress max={phase.total || 1} value={phase.total ? phase.done : undefined} />
          <div className="current-file">
            {phase.total ? t('export.progress', { done: phase.done, total: phase.total }) : t('export.starting')}
            {phase.current && (
              <>
                {' '}
                · <bdi>{phase.current}</bdi>
              </>
            )}
          </div>
        </div>
      )}
      {phase.kind === 'failed' && (
        <p className="banner error" role="alert" data-testid="export-error">
          {phase.error.code === 'cancelled'
            ? t('export.cancelled')
            : phase.error.file
              ? t('export.failed-file', { message: sayError(t, phase.error), file: phase.error.file })
              : t('export.failed', { message: sayError(t, phase.error) })}
        </p>
      )}
      {phase.kind === 'finished' && <DatasetSummaryTable summary={phase.summary} />}
      {phase.kind === 'finished' && <DownloadNote outputs={phase.summary.outputs} />}
      {phase.kind === 'replace?' && (
        <p className="banner warn" role="alert" data-testid="export-replace-question">
          <span>
            <RichMessage id="export.replace-question" values={{ out: phase.out }} />
          </span>
        </p>
      )}

      <div className="dialog-actions">
        {phase.kind === 'replace?' ? (
          <>
            <button onClick={() => void chooseAnother()} data-testid="export-choose-another">
              {t('export.choose-another')}
            </button>
            <button className="primary" onClick={() => void start(phase.out)} data-testid="export-replace">
              {t('export.replace')}
            </button>
          </>
        ) : running ? (
          <button onClick={() => void cancel()} data-testid="export-cancel" disabled={!phase.jobId}>
            {t('app.cancel')}
          </button>
        ) : (
          <>
            <button onClick={close}>{phase.kind === 'finished' ? t('app.close') : t('app.cancel')}</button>
            <button className="primary" disabled={!splitValid} onClick={() => void start()} data-testid="export-start">
              {phase.kind === 'finished' ? t('export.again') : t('export.export')}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
