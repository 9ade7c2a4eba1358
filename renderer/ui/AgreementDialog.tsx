// The agreement view (Teams): chosen versions of the workspace (git branches such as
// annotators/<name>, or folders inside it) measured by the back end as `tahrir agree` does, with
// a progress bar; the overall figures, a pairwise heatmap and per-label bars (uPlot, with tables
// of the same numbers), and the documents by disagreement, each one click (or Enter) from curation.
import { useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import type { AgreementRun } from '../../shared/api';
import type { Coefficients } from '../../shared/agreement';
import type { TahrirErrorData } from '../../shared/errors';
import { say, sayError } from '../../shared/i18n/message';
import { agreementBranches, measureAgreement, setAgreementVersions } from '../session/agreement';
import { toErrorData } from '../session/autosave';
import { openCuration } from '../session/curation';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { chartColors, heatmap, labelBars } from './agreement-charts';
import { Dialog } from './Dialog';
import type { DialogProps } from './dialog-registry';

/** Documents listed at once (the rest are counted): a corpus of 10,000 lists its worst first. */
const LISTED = 100;

type Metric = 'f1' | 'kappa';

const mean = (xs: (number | null)[]): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

/** The pairwise values of `metric` as a matrix over the versions. */
function pairMatrix(r: AgreementRun, metric: Metric): (number | null)[][] {
  const n = r.versions.length;
  const m: (number | null)[][] = Array.from({ length: n }, () => Array<number | null>(n).fill(null));
  for (const p of r.pairs) {
    const v = metric === 'f1' ? p.entities.overlap.f1 : p.entities.cohenKappa;
    m[p.a][p.b] = v;
    m[p.b][p.a] = v;
  }
  return m;
}

function Chart({
  draw,
  label,
}: {
  draw: (box: HTMLElement) => Promise<{ destroy(): void }>;
  label: string;
}): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    // Drawn once uPlot is loaded (agreement-charts.ts): a chart that comes after its box went is destroyed at once.
    let gone = false;
    let chart: { destroy(): void } | null = null;
    draw(box.current).then(
      (drawn) => (gone ? drawn.destroy() : (chart = drawn)),
      () => undefined,
    );
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [draw]);
  return <div className="agreement-chart" ref={box} role="img" aria-label={label} />;
}

export function AgreementDialog({ onClose }: DialogProps): ReactElement {
  const t = useTranslator();
  const versions = useTahrir((s) => s.agreement.versions);
  const report = useTahrir((s) => s.agreement.report);
  const [branches, setBranches] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<TahrirErrorData | null>(null);
  const [metric, setMetric] = useState<Metric>('f1');
  const listId = useId();

  useEffect(() => {
    let live = true;
    agreementBranches().then(
      (b) => {
        if (!live) return;
        setBranches(b);
        const annotators = b.filter((x) => /(^|\/)annotators\//.test(x));
        if (versions.length === 0 && annotators.length >= 2) setAgreementVersions(annotators);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Once, when the view opens.
  }, []);

  const add = (name: string) => {
    const v = name.trim();
    if (v && !versions.includes(v)) setAgreementVersions([...versions, v]);
    setTyped('');
  };

  const run = async () => {
    if (versions.length < 2) {
      setError({ code: 'invalid-argument', message: t('agreement.need-two') });
      return;
    }
    setError(null);
    setRunning({ done: 0, total: 0 });
    try {
      await measureAgreement((done, total) => setRunning({ done, total }));
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setRunning(null);
    }
  };

  // (A κ of -0.001 reads 0.00, not -0.00.)
  const num = (x: number | null) => (x === null ? t('agreement.na') : (Math.abs(x) < 0.005 ? 0 : x).toFixed(2));

  return (
    <Dialog
      className="agreement-view"
      title={t('agreement.title')}
      testId="agreement-view"
      onClose={running ? undefined : onClose}
    >
      <section aria-labelledby="agreement-versions">
        <h3 id="agreement-versions">{t('agreement.versions')}</h3>
        <p className="muted">{t('agreement.versions-help')}</p>
        <ul className="agreement-chosen" data-testid="agreement-versions">
          {versions.map((v) => (
            <li key={v} className="chip">
              <bdi dir="ltr">{v}</bdi>
              <button
                className="icon small"
                aria-label={t('agreement.remove-version', { name: v })}
                title={t('agreement.remove-version', { name: v })}
                disabled={!!running}
                onClick={() => setAgreementVersions(versions.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="agreement-add"
          onSubmit={(e) => {
            e.preventDefault();
            add(typed);
          }}
        >
          <input
            dir="auto"
            list={listId}
            value={typed}
            placeholder={t('agreement.version-placeholder')}
            aria-label={t('agreement.versions')}
            data-testid="agreement-version-input"
            onChange={(e) => setTyped(e.target.value)}
          />
          <datalist id={listId}>
            {branches
              .filter((b) => !versions.includes(b))
              .map((b) => (
                <option key={b} value={b} />
              ))}
          </datalist>
          <button type="submit" className="small" disabled={!typed.trim() || !!running}>
            {t('agreement.add-version')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!!running || versions.length < 2}
            onClick={() => void run()}
            // Opened by its key: Enter measures, Tab reaches the versions and the documents.
            autoFocus
            data-testid="agreement-measure"
          >
            {t('agreement.measure')}
          </button>
        </form>
        {running && (
          <div className="agreement-progress" data-testid="agreement-progress">
            <progress
              aria-label={t('agreement.progress')}
              max={running.total || 1}
              value={running.total ? running.done : undefined}
            />
            <span className="muted">
              {running.total
                ? t('agreement.running', { done: running.done, total: running.total })
                : t('agreement.reading')}
            </span>
          </div>
        )}
        {error && (
          <p className="banner error" role="alert">
            {sayError(t, error)}
          </p>
        )}
      </section>
      {report && <Report report={report} metric={metric} setMetric={setMetric} num={num} onClose={onClose} />}
    </Dialog>
  );
}

function Report(props: {
  report: AgreementRun;
  metric: Metric;
  setMetric: (m: Metric) => void;
  num: (x: number | null) => string;
  onClose: () => void;
}): ReactElement {
  const { report: r, metric, setMetric, num, onClose } = props;
  const t = useTranslator();
  const names = r.versions;
  const labels = Object.keys(r.byLabel);
  const labelF1 = labels.map((l) => mean(r.pairs.map((p) => p.entities.byLabel[l]?.overlap.f1 ?? null)));
  const metricName = metric === 'f1' ? t('agreement.metric-f1') : t('agreement.metric-kappa');
  const drawHeatmap = useMemo(
    () => (box: HTMLElement) => heatmap(box, names, pairMatrix(r, metric), chartColors(box), (x) => num(x)),
    [r, metric, names, num],
  );
  const fleiss = t('agreement.fleiss');
  const meanF1 = t('agreement.label-f1');
  const drawBars = useMemo(
    () => (box: HTMLElement) =>
      labelBars(
        box,
        labels,
        labels.map((l) => r.byLabel[l].fleissKappa),
        labelF1,
        chartColors(box),
        [fleiss, meanF1],
      ),
    [r, fleiss, meanF1],
  );
  const row = (what: string, c: Coefficients) => (
    <tr>
      <th scope="row">{what}</th>
      <td>{num(c.fleissKappa)}</td>
      <td>{num(c.krippendorffAlpha)}</td>
      <td>{num(c.meanCohenKappa)}</td>
      <td>{c.items}</td>
    </tr>
  );
  const listed = r.documentsByDisagreement.slice(0, LISTED);
  return (
    <div className="agreement-report" data-testid="agreement-report">
      <p data-testid="agreement-summary">{t('agreement.summary', { n: r.documents, missing: r.notInEveryVersion })}</p>
      <section aria-labelledby="agreement-overall">
        <h3 id="agreement-overall">{t('agreement.overall')}</h3>
        <table className="agreement-table">
          <thead>
            <tr>
              <th scope="col">{t('agreement.what')}</th>
              <th scope="col">{t('agreement.fleiss')}</th>
              <th scope="col">{t('agreement.alpha')}</th>
              <th scope="col">{t('agreement.mean-cohen')}</th>
              <th scope="col">{t('agreement.items')}</th>
            </tr>
          </thead>
          <tbody>
            {row(t('agreement.entities-tokens'), r.tokens)}
            {row(t('agreement.cleanup-chars'), r.cleanup)}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="agreement-pairs">
        <h3 id="agreement-pairs">{t('agreement.heatmap')}</h3>
        <div className="segmented" role="radiogroup" aria-label={t('agreement.metric')}>
          {(['f1', 'kappa'] as const).map((m) => (
            <button
              key={m}
              role="radio"
              aria-checked={metric === m}
              className={metric === m ? 'current' : undefined}
              onClick={() => setMetric(m)}
            >
              {m === 'f1' ? t('agreement.metric-f1') : t('agreement.metric-kappa')}
            </button>
          ))}
        </div>
        <Chart draw={drawHeatmap} label={t('agreement.chart-heatmap', { metric: metricName })} />
        <table className="agreement-table" data-testid="agreement-pairs">
          <thead>
            <tr>
              <th scope="col">{t('agreement.pair')}</th>
              <th scope="col">{t('agreement.f1-exact')}</th>
              <th scope="col">{t('agreement.f1-overlap')}</th>
              <th scope="col">{t('agreement.cohen')}</th>
              <th scope="col">{t('agreement.quote-f1')}</th>
              <th scope="col">{t('agreement.speaker')}</th>
              <th scope="col">{t('agreement.cleanup')}</th>
            </tr>
          </thead>
          <tbody>
            {r.pairs.map((p) => (
              <tr key={`${p.a}-${p.b}`}>
                <th scope="row">
                  <bdi dir="ltr">{names[p.a]}</bdi> ~ <bdi dir="ltr">{names[p.b]}</bdi>
                </th>
                <td>{num(p.entities.exact.f1)}</td>
                <td>{num(p.entities.overlap.f1)}</td>
                <td>{num(p.entities.cohenKappa)}</td>
                <td>{num(p.quotes.overlap.f1)}</td>
                <td>{num(p.quotes.speakerAgreement)}</td>
                <td>{num(p.cleanup.cohenKappa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {labels.length > 0 && (
        <section aria-labelledby="agreement-labels">
          <h3 id="agreement-labels">{t('agreement.labels')}</h3>
          <Chart draw={drawBars} label={t('agreement.chart-labels')} />
          <table className="agreement-table">
            <thead>
              <tr>
                <th scope="col">{t('agreement.label')}</th>
                <th scope="col">{t('agreement.fleiss')}</th>
                <th scope="col">{t('agreement.alpha')}</th>
                <th scope="col">{t('agreement.label-f1')}</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((l, i) => (
                <tr key={l}>
                  <th scope="row">{l}</th>
                  <td>{num(r.byLabel[l].fleissKappa)}</td>
                  <td>{num(r.byLabel[l].krippendorffAlpha)}</td>
                  <td>{num(labelF1[i])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="agreement-documents">
        <h3 id="agreement-documents">{t('agreement.documents')}</h3>
        <p className="muted">{t('agreement.documents-help')}</p>
        <ol className="agreement-documents" data-testid="agreement-documents">
          {listed.map((d) => (
            <li key={d.id}>
              <button
                className="agreement-document"
                aria-label={t('agreement.curate', { id: d.id })}
                onClick={() => {
                  onClose();
                  void openCuration(d.id, r.versions);
                }}
              >
                <span className="agreement-score">{d.disagreement.toFixed(2)}</span>
                <bdi className="agreement-doc-id">{d.id}</bdi>
                <span className="muted">
                  {t('agreement.doc-counts', { entities: d.entities.join(' / '), quotes: d.quotes.join(' / ') })}
                </span>
              </button>
            </li>
          ))}
        </ol>
        {r.documentsByDisagreement.length > LISTED && (
          <p className="muted">{t('agreement.more', { n: r.documentsByDisagreement.length - LISTED })}</p>
        )}
        {r.skipped.map((s) => (
          <p key={s.file} className="banner error">
            {t('agreement.skipped', { file: s.file, reason: s.reasonMessage ? say(t, s.reasonMessage) : s.reason })}
          </p>
        ))}
      </section>
    </div>
  );
}
