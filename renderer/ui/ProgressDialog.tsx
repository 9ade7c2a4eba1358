// The corpus's progress: documents per status over time, entities per label, documents per
// annotator, as SVG charts (shared/progress-charts.ts draws them; `tahrir stats --html` writes
// the same). Attributes only, no inline style or script: the strict CSP holds.
import { createElement, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import type { CorpusProgress } from '../../shared/corpus-progress';
import type { TahrirErrorData } from '../../shared/errors';
import {
  annotatorsChart,
  chartWords,
  entitiesChart,
  statusOverTimeChart,
  type SvgNode,
} from '../../shared/progress-charts';
import { toErrorData } from '../session/autosave';
import { loadCorpusProgress } from '../session/corpus-progress';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import type { DialogProps } from './dialog-registry';
import { sayError } from '../../shared/i18n/message';

export const PROGRESS_DIALOG = 'progress';

/** React's spelling of an attribute: aria-* and data-* hyphenated, the rest camelCase as the tree has them. */
const reactName = (name: string): string =>
  /^(aria|data)[A-Z]/.test(name) ? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : name;

function Svg({ node }: { node: SvgNode }): ReactElement {
  return render(node, 0) as ReactElement;
}

function render(node: SvgNode | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const props: Record<string, string | number> = { key };
  for (const [k, v] of Object.entries(node.attrs)) props[reactName(k)] = v;
  return createElement(node.tag, props, ...(node.children ?? []).map((c, i) => render(c, i)));
}

export function ProgressDialog({ onClose }: DialogProps): ReactElement {
  const t = useTranslator();
  const words = chartWords(t);
  const [progress, setProgress] = useState<CorpusProgress | null>(null);
  const [error, setError] = useState<TahrirErrorData | null>(null);
  const labels = useTahrir((s) => s.workspace?.config.labels);
  useEffect(() => {
    let live = true;
    loadCorpusProgress().then(
      (p) => live && setProgress(p),
      (e: unknown) => live && setError(toErrorData(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  const colors = Object.fromEntries((labels ?? []).map((l) => [l.name, l.color ?? '#9aa6b8']));
  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="dialog progress-view"
        role="dialog"
        aria-modal="true"
        aria-labelledby="progress-title"
        data-testid="progress-view"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="progress-title">{t('progress.title')}</h2>
        {error && (
          <p className="banner error" role="alert">
            {sayError(t, error)}
          </p>
        )}
        {!progress && !error && <p className="muted">{t('progress.counting')}</p>}
        {progress && (
          <>
            <section aria-labelledby="progress-status">
              <h3 id="progress-status">{t('progress.status-over-time')}</h3>
              <p className="muted">{t('progress.status-note', { n: progress.documents })}</p>
              <Svg node={statusOverTimeChart(progress, words)} />
            </section>
            <section aria-labelledby="progress-labels">
              <h3 id="progress-labels">{t('progress.labels')}</h3>
              <Svg node={entitiesChart(progress, colors, words)} />
            </section>
            <section aria-labelledby="progress-annotators">
              <h3 id="progress-annotators">{t('progress.annotators')}</h3>
              <Svg node={annotatorsChart(progress, words)} />
            </section>
          </>
        )}
        <div className="dialog-buttons">
          <button className="primary" onClick={onClose} autoFocus>
            {t('app.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
