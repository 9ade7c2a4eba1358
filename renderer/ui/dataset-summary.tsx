// What an export wrote and what it left out (and why): shown at the end of Export….
import { Fragment, type ReactElement, type ReactNode } from 'react';
import type { ExportSummary } from '../../shared/api';
import { leftOutMessage } from '../../shared/export/export-record';
import { say, type Message } from '../../shared/i18n/message';
import type { Translator } from '../../shared/i18n/translator';
import { useTranslator } from '../session/locale';
import { RichMessage } from './RichMessage';

/** Names, each isolated, joined with the language's comma; past `most`, "and N more". */
export function NameList({ names, most = Infinity }: { names: readonly string[]; most?: number }): ReactElement {
  const t = useTranslator();
  return <>{nameList(t, names, most)}</>;
}

function nameList(t: Translator, names: readonly string[], most: number): ReactNode {
  const shown = names.slice(0, most).map((name, i) => (
    <Fragment key={name}>
      {i > 0 && t('app.list-separator')}
      <bdi>{name}</bdi>
    </Fragment>
  ));
  // The list in the interface's direction: its names are isolated, so the isolate around it finds no letter of its
  // own and would lay it out left to right (the first name at the end of an Arabic line).
  const list = <span dir={t.dir}>{shown}</span>;
  return names.length > most ? <RichMessage id="app.and-more" values={{ list, n: names.length - most }} /> : list;
}

/**
 * The summary's words in the interface's language: a reason by its message; one this version has no message for
 * (a summary written by another version) as it stands.
 */
function inWords(t: Translator, words: string, message: Message | undefined): string {
  return message ? say(t, message) : words;
}

export function DatasetSummaryTable({ summary }: { summary: ExportSummary }): ReactElement {
  const t = useTranslator();
  const labels = Object.entries(summary.spansByLabel).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const leftOut = Object.entries(summary.leftOut).filter(([, n]) => n > 0);
  const spans = labels.reduce((n, [, k]) => n + k, 0);
  return (
    <div className="dataset-summary" data-testid="export-summary">
      <h3>{t('summary.exported', { documents: summary.documents, spans, quotes: summary.quotes })}</h3>
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
          <RichMessage
            id="summary.untouched"
            values={{ n: summary.untouched.length, list: nameList(t, summary.untouched, 5) }}
          />
        </p>
      )}
      <h3>{t('summary.left-out')}</h3>
      {leftOut.length === 0 ? (
        <p className="muted">{t('summary.none-left-out')}</p>
      ) : (
        <table data-testid="export-left-out">
          <tbody>
            {leftOut.map(([reason, n]) => (
              <tr key={reason} data-reason={reason}>
                <th>{inWords(t, reason, leftOutMessage(reason))}</th>
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
              <RichMessage
                id="summary.left-out-span"
                values={{
                  document: s.document,
                  label: s.label ?? t('summary.quote'),
                  text: <bdi>{s.text}</bdi>,
                  reason: inWords(t, s.reason, leftOutMessage(s.reason)),
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {summary.reanchored.length > 0 && (
        <>
          <h3>{t('summary.reanchored')}</h3>
          <ul data-testid="export-reanchored">
            {summary.reanchored.map((r) => (
              <li key={`${r.file}\u0000${r.id}`}>
                <RichMessage id="app.in-file" values={{ file: r.file, message: inWords(t, r.message, r.said) }} />
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.skipped.length > 0 && (
        <>
          <h3>{t('summary.skipped')}</h3>
          <ul data-testid="export-skipped">
            {summary.skipped.map((s) => (
              <li key={s.file}>
                <RichMessage
                  id="app.in-file"
                  values={{ file: s.file, message: inWords(t, s.reason, s.reasonMessage) }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('summary.written')}</h3>
      <ul data-testid="export-outputs">
        {summary.outputs.map((o) => (
          <li key={o}>
            {/* A path reads left to right in either language (its leading "/" at its start). */}
            <code dir="ltr">{o}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
