// What an export wrote and what it left out (and why): shown at the end of Export….
import type { ReactElement } from 'react';
import type { ExportSummary } from '../../shared/api';

export function DatasetSummaryTable({ summary }: { summary: ExportSummary }): ReactElement {
  const labels = Object.entries(summary.spansByLabel).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const leftOut = Object.entries(summary.leftOut).filter(([, n]) => n > 0);
  const spans = labels.reduce((n, [, k]) => n + k, 0);
  return (
    <div className="dataset-summary" data-testid="export-summary">
      <h3>
        Exported {summary.documents} document{summary.documents === 1 ? '' : 's'}: {spans} span{spans === 1 ? '' : 's'},{' '}
        {summary.quotes} quote{summary.quotes === 1 ? '' : 's'}
      </h3>
      {labels.length > 0 && (
        <table>
          <tbody>
            {labels.map(([label, n]) => (
              <tr key={label} data-label={label}>
                <th>{label}</th>
                <td className="num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.untouched.length > 0 && (
        <p data-testid="export-untouched">
          Left out {summary.untouched.length} untouched document{summary.untouched.length === 1 ? '' : 's'} (to do,
          nothing annotated):{' '}
          {summary.untouched.slice(0, 5).map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <bdi>{id}</bdi>
            </span>
          ))}
          {summary.untouched.length > 5 && ` and ${summary.untouched.length - 5} more`}.
        </p>
      )}
      <h3>Left out</h3>
      {leftOut.length === 0 ? (
        <p className="muted">No span was left out.</p>
      ) : (
        <table data-testid="export-left-out">
          <tbody>
            {leftOut.map(([reason, n]) => (
              <tr key={reason}>
                <th>{reason}</th>
                <td className="num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.leftOutSpans.length > 0 && (
        <ul className="left-out-spans" data-testid="export-left-out-spans">
          {summary.leftOutSpans.map((s, i) => (
            <li key={i}>
              <bdi>{s.document}</bdi>: {s.label ?? 'quote'} “<bdi>{s.text}</bdi>” ({s.reason})
            </li>
          ))}
        </ul>
      )}
      {summary.reanchored.length > 0 && (
        <>
          <h3>Spans not where their text is</h3>
          <ul data-testid="export-reanchored">
            {summary.reanchored.map((r) => (
              <li key={`${r.file}\u0000${r.id}`}>
                <bdi>{r.file}</bdi>: <bdi>{r.message}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.skipped.length > 0 && (
        <>
          <h3>Documents skipped</h3>
          <ul data-testid="export-skipped">
            {summary.skipped.map((s) => (
              <li key={s.file}>
                <bdi>{s.file}</bdi>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Written</h3>
      <ul data-testid="export-outputs">
        {summary.outputs.map((o) => (
          <li key={o}>
            <code>{o}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
