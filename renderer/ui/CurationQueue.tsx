// Curation (Teams), above the text while a document is curated from two or more versions: the
// difference the keys settle next, each version's side of it, and the buttons of the conflict
// queue's keys (M / T or the version's digit, B, N); the differences left listed below, each
// one click from its place in the text (where every difference is underlined). Undo takes back a take.
import { useEffect, useMemo, type ReactElement } from 'react';
import type { Difference, Variant } from '../../shared/curation';
import { bothRefused } from '../../shared/curation';
import type { Edit, Entity, Quote, Sidecar } from '../../shared/model';
import { curationLeft, takeCurrent, takeVersion } from '../session/curation';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { clearDifferences, drawDifferences, showDifference } from '../text/curation-highlights';

/** The list below the current difference shows this many (the text underlines them all). */
const LISTED = 50;

function Item({ d, v, sidecars }: { d: Difference; v: Variant; sidecars: readonly Sidecar[] }): ReactElement {
  const t = useTranslator();
  const where = ` ${v.item.start}–${v.item.end}`;
  const text = (
    <>
      “<bdi>{v.item.text}</bdi>”
    </>
  );
  if (d.span === 'entity')
    return (
      <>
        {(v.item as Entity).label} {text}
        {where}
      </>
    );
  if (d.span === 'quote') {
    const q = v.item as Quote;
    const speaker = q.speaker ? sidecars[v.holders[0]].entities.find((e) => e.id === q.speaker)?.text : q.speakerName;
    return (
      <>
        {text}
        {where} · {speaker ? t('curation.speaker', { name: speaker }) : t('curation.no-speaker')} · {q.kind}
      </>
    );
  }
  return (
    <>
      {text} → “<bdi>{(v.item as Edit).replacement}</bdi>”{where}
    </>
  );
}

export function CurationQueue(): ReactElement | null {
  const t = useTranslator();
  const curation = useTahrir((s) => s.curation);
  const data = useTahrir((s) => s.data);
  const view = useTahrir((s) => s.view);
  const readOnly = useTahrir((s) => !!s.doc?.readOnly);
  const left = useMemo(() => curationLeft({ curation, data }), [curation, data]);

  useEffect(() => {
    drawDifferences(left);
  }, [left, view]);
  useEffect(() => () => clearDifferences(), []);

  if (!curation) return null;
  const names = curation.versions;
  const list = names.join(', ');
  const d = left[0];
  const keyOf = (i: number) => (i === 0 ? 'M' : i === 1 ? 'T' : String(i + 1));
  return (
    <section className="curation-queue" aria-label={t('curation.title')} data-testid="curation-queue">
      <p className="conflict-head">
        <strong>{t('curation.title')}:</strong>{' '}
        <span data-testid="curation-count">
          {d ? t('curation.head', { n: left.length, versions: list }) : t('curation.all-settled', { versions: list })}
        </span>
      </p>
      {curation.missing.map((m) => (
        <p key={m.name} className="muted">
          {t('curation.missing', { name: m.name })}
          {m.problem ? ` (${m.problem})` : ''}
        </p>
      ))}
      {d && (
        <>
          <p className="conflict-what" data-testid="curation-current">
            {t(`curation.span.${d.span}`)}:{' '}
            {d.kind === 'only-in'
              ? t('curation.kind.only-in', { versions: d.variants[0].holders.map((h) => names[h]).join(', ') })
              : t(`curation.kind.${d.kind}`)}
          </p>
          <dl className="conflict-versions">
            {names.map((name, i) => {
              const sides = d.variants.filter((v) => v.holders.includes(i));
              return (
                <div key={name} className="curation-side">
                  <dt>
                    <bdi dir="ltr">{name}</bdi>
                  </dt>
                  <dd>
                    {sides.length === 0
                      ? t('curation.nothing')
                      : sides.map((v, k) => (
                          <span key={k} className="curation-item">
                            <Item d={d} v={v} sidecars={curation.sidecars} />
                          </span>
                        ))}
                  </dd>
                </div>
              );
            })}
          </dl>
          <div className="conflict-choices">
            {names.map((name, i) => (
              <button
                key={name}
                className="small"
                disabled={readOnly}
                onClick={() => takeVersion(i)}
                data-choice={`version-${i}`}
              >
                {t('curation.take', { name })} <kbd>{keyOf(i)}</kbd>
              </button>
            ))}
            <button
              className="small"
              disabled={readOnly || bothRefused(d) !== null}
              onClick={() => takeCurrent('both')}
              data-choice="both"
            >
              {t('curation.both')} <kbd>B</kbd>
            </button>
            <button className="small" disabled={readOnly} onClick={() => takeCurrent('neither')} data-choice="neither">
              {t('curation.neither')} <kbd>N</kbd>
            </button>
          </div>
          <p className="muted">{t('curation.keys')}</p>
          {left.length > 1 && (
            <details className="curation-list">
              <summary>{t('curation.list')}</summary>
              <ol>
                {left.slice(0, LISTED).map((x) => (
                  <li key={x.key}>
                    <button className="link" onClick={() => showDifference(x)}>
                      {t(`curation.span.${x.span}`)} {x.start}–{x.end}:{' '}
                      {x.kind === 'only-in'
                        ? t('curation.kind.only-in', {
                            versions: x.variants[0].holders.map((h) => names[h]).join(', '),
                          })
                        : t(`curation.kind.${x.kind}`)}
                    </button>
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}
