// The merge conflict queue (Teams): what a git merge of two annotators' sidecars could not settle,
// one conflict at a time with both versions side by side; M / T / B / N (shared/keymap.ts) or the
// buttons take mine, theirs, both or neither. Shown above the text while the sidecar holds any.
import type { ReactElement, ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/translator';
import type { SidecarConflict } from '../../shared/model';
import type { ConflictChoice } from '../../shared/sidecar-conflicts';
import { openConflicts, resolveCurrentConflict } from '../session/conflict-queue';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { RichMessage } from './RichMessage';

const REASON: Record<SidecarConflict['reason'], MessageKey> = {
  'both-changed': 'conflict.both-changed',
  'changed-and-deleted': 'conflict.changed-and-deleted',
  'overlapping-edit': 'conflict.overlapping-edit',
  'field-changed': 'conflict.both-changed',
};

/** One version in words: an entity's label and text, a quote's speaker, an edit's replacement (text isolated). */
function Version({ kind, version }: { kind: SidecarConflict['kind']; version: unknown }): ReactElement {
  const t = useTranslator();
  if (version === undefined) return <>{t('conflict.deleted')}</>;
  if (kind === 'document') return <bdi>{typeof version === 'string' ? version : JSON.stringify(version)}</bdi>;
  const v = version as Record<string, unknown>;
  const where = { start: String(v.start), end: String(v.end), text: <bdi>{String(v.text ?? '')}</bdi> };
  const by =
    typeof v.changedBy === 'string' ? (
      <>
        {' '}
        <RichMessage id="conflict.by" values={{ name: <bdi>{v.changedBy}</bdi> }} />
      </>
    ) : null;
  let said: ReactNode;
  if (kind === 'entity') said = <RichMessage id="conflict.entity" values={{ ...where, label: String(v.label) }} />;
  else if (kind === 'quote')
    said = v.speaker ? (
      <RichMessage id="conflict.quote-speaker" values={{ ...where, speaker: <bdi>{String(v.speaker)}</bdi> }} />
    ) : (
      <RichMessage id="conflict.quote" values={where} />
    );
  else
    said = (
      <RichMessage id="conflict.edit" values={{ ...where, replacement: <bdi>{String(v.replacement ?? '')}</bdi> }} />
    );
  return (
    <>
      {said}
      {by}
    </>
  );
}

const CHOICES: { choice: ConflictChoice; key: string; label: MessageKey }[] = [
  { choice: 'mine', key: 'M', label: 'conflict.take-mine' },
  { choice: 'theirs', key: 'T', label: 'conflict.take-theirs' },
  { choice: 'both', key: 'B', label: 'conflict.both' },
  { choice: 'neither', key: 'N', label: 'conflict.neither' },
];

export function ConflictQueue(): ReactElement | null {
  const t = useTranslator();
  const conflicts = useTahrir(openConflicts);
  const busy = useTahrir((s) => !!s.opening);
  if (conflicts.length === 0) return null;
  const c = conflicts[0];
  const oneValue = c.kind === 'document';
  return (
    <section className="conflict-queue" aria-label={t('conflict.region')} data-testid="conflict-queue">
      <p className="conflict-head">
        <RichMessage
          id="conflict.head"
          values={{ count: <span data-testid="conflict-count">{conflicts.length}</span> }}
        />
      </p>
      <p className="conflict-what" data-testid="conflict-current">
        <RichMessage
          id="conflict.current"
          values={{ kind: t('conflict.kind', { kind: c.kind }), id: <code>{c.id}</code>, reason: t(REASON[c.reason]) }}
        />
      </p>
      <dl className="conflict-versions">
        <dt>{t('conflict.mine')}</dt>
        <dd>
          <Version kind={c.kind} version={c.mine} />
        </dd>
        <dt>{t('conflict.theirs')}</dt>
        <dd>
          <Version kind={c.kind} version={c.theirs} />
        </dd>
        {c.base !== undefined && (
          <>
            <dt>{t('conflict.before')}</dt>
            <dd>
              <Version kind={c.kind} version={c.base} />
            </dd>
          </>
        )}
      </dl>
      <div className="conflict-choices">
        {CHOICES.map(({ choice, key, label }) => (
          <button
            key={choice}
            className="small"
            disabled={busy || (choice === 'both' && oneValue)}
            onClick={() => void resolveCurrentConflict(choice)}
            data-choice={choice}
          >
            {t(label)} <kbd>{key}</kbd>
          </button>
        ))}
      </div>
    </section>
  );
}
