// The corpus cleanup view: for the open workspace, each site's template lines (the lines most of
// its articles share) with their counts and an example; "Remove everywhere" turns one into a
// workspace rule in tahrir.json, so it becomes a suggestion in every document.
import { useEffect, useState, type ReactElement } from 'react';
import type { SiteTemplateLines } from '../../shared/api';
import { siteOf } from '../../shared/boilerplate/site-of';
import { removedEverywhere } from '../../shared/boilerplate/template-line-rule';
import type { TahrirErrorData } from '../../shared/errors';
import { toErrorData } from '../session/autosave';
import { removeEverywhere, siteTemplateLines } from '../session/corpus-cleanup';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { Dialog } from './Dialog';
import type { DialogProps } from './dialog-registry';
import { RichMessage } from './RichMessage';
import '../styles/cleanup.css';
import { sayError } from '../../shared/i18n/message';

export const CORPUS_CLEANUP_DIALOG = 'corpus-cleanup';

export function CorpusCleanupDialog({ onClose }: DialogProps): ReactElement {
  const t = useTranslator();
  const [sites, setSites] = useState<SiteTemplateLines[] | null>(null);
  const [site, setSite] = useState<string | null>(null);
  const [error, setError] = useState<TahrirErrorData | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const rules = useTahrir((s) => s.workspace?.config.boilerplateRules);
  const ownSite = useTahrir((s) =>
    s.doc && s.workspace ? siteOf(`${s.doc.id}.txt`, s.workspace.config.sites, s.workspace.name) : undefined,
  );

  useEffect(() => {
    let live = true;
    siteTemplateLines().then(
      (found) => {
        if (!live) return;
        setSites(found);
        // The open document's site first, else the one with the most articles.
        const own = found.find((x) => x.site === ownSite);
        setSite((s) => s ?? own?.site ?? [...found].sort((a, b) => b.documents - a.documents)[0]?.site ?? null);
      },
      (e: unknown) => live && setError(toErrorData(e)),
    );
    return () => {
      live = false;
    };
  }, [ownSite]);

  const shown = sites?.find((s) => s.site === site);
  const remove = async (example: string): Promise<void> => {
    if (!shown) return;
    setBusy(example);
    setError(null);
    try {
      await removeEverywhere(example, shown.site);
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog
      className="corpus-cleanup"
      titleId="corpus-cleanup-title"
      title={t('corpus.title')}
      testId="corpus-cleanup"
      onClose={onClose}
    >
      <p className="muted">{t('corpus.intro')}</p>
      {error && (
        <p className="banner error" role="alert">
          {sayError(t, error)}
        </p>
      )}
      {!sites && !error && <p className="muted">{t('corpus.counting')}</p>}
      {sites && sites.length === 0 && <p className="empty-hint">{t('corpus.none')}</p>}
      {sites && sites.length > 1 && (
        <div className="segmented site-choice" role="radiogroup" aria-label={t('corpus.site')}>
          {sites.map((s) => (
            <button
              key={s.site}
              role="radio"
              aria-checked={s.site === site}
              className={s.site === site ? 'current' : undefined}
              onClick={() => setSite(s.site)}
            >
              <bdi>{s.site}</bdi> <span className="count">{s.documents}</span>
            </button>
          ))}
        </div>
      )}
      {shown && (
        <table className="template-lines" data-site={shown.site}>
          <caption className="muted">
            <RichMessage id="corpus.caption" values={{ site: <bdi>{shown.site}</bdi>, n: shown.documents }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('corpus.articles')}</th>
              <th scope="col">{t('corpus.line')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('corpus.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.lines.map((l) => {
              const removed = removedEverywhere(l.example, rules);
              return (
                <tr key={l.example} className="template-line" data-removed={removed || undefined}>
                  <td
                    className="template-count"
                    title={t('corpus.count-title', { count: l.count, total: shown.documents, site: shown.site })}
                  >
                    {l.count} / {shown.documents}
                  </td>
                  <td className="template-example" dir="auto">
                    {l.example}
                  </td>
                  <td>
                    {removed ? (
                      <span className="badge">{t('corpus.removed')}</span>
                    ) : (
                      <button className="small" disabled={busy !== null} onClick={() => void remove(l.example)}>
                        {busy === l.example ? t('corpus.adding') : t('corpus.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="dialog-buttons">
        <button className="primary" onClick={onClose} autoFocus>
          {t('app.close')}
        </button>
      </div>
    </Dialog>
  );
}
