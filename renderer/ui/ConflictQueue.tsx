// The merge conflict queue (Teams): what a git merge of two annotators' sidecars could not settle,
// one conflict at a time with both versions side by side; M / T / B / N (shared/keymap.ts) or the
// buttons take mine, theirs, both or neither. Shown above the text while the sidecar holds any.
import type { ReactElement } from 'react';
import type { SidecarConflict } from '../../shared/model';
import type { ConflictChoice } from '../../shared/sidecar-conflicts';
import { openConflicts, resolveCurrentConflict } from '../session/conflict-queue';
import { useTahrir } from '../session/store';

const REASON: Record<SidecarConflict['reason'], string> = {
  'both-changed': 'both annotators changed it',
  'changed-and-deleted': 'changed on one side, deleted on the other',
  'overlapping-edit': 'the two cleanup edits overlap',
  'field-changed': 'both annotators changed it',
};

/** One version in words: an entity's label and text, a quote's speaker, an edit's replacement (text isolated). */
function Version({ kind, version }: { kind: SidecarConflict['kind']; version: unknown }): ReactElement {
  if (version === undefined) return <>deleted</>;
  if (kind === 'document') return <bdi>{typeof version === 'string' ? version : JSON.stringify(version)}</bdi>;
  const v = version as Record<string, unknown>;
  const where = ` ${String(v.start)}–${String(v.end)}`;
  const by = typeof v.changedBy === 'string' ? <> ({<bdi>{v.changedBy}</bdi>})</> : null;
  const text = (
    <>
      “<bdi>{String(v.text ?? '')}</bdi>”
    </>
  );
  if (kind === 'entity')
    return (
      <>
        {String(v.label)} {text}
        {where}
        {by}
      </>
    );
  if (kind === 'quote')
    return (
      <>
        {text}
        {where}
        {v.speaker ? `, speaker ${String(v.speaker)}` : ', no speaker'}
        {by}
      </>
    );
  return (
    <>
      {text} → “<bdi>{String(v.replacement ?? '')}</bdi>”{where}
      {by}
    </>
  );
}

const CHOICES: { choice: ConflictChoice; key: string; label: string }[] = [
  { choice: 'mine', key: 'M', label: 'Take mine' },
  { choice: 'theirs', key: 'T', label: 'Take theirs' },
  { choice: 'both', key: 'B', label: 'Both' },
  { choice: 'neither', key: 'N', label: 'Neither' },
];

export function ConflictQueue(): ReactElement | null {
  const conflicts = useTahrir(openConflicts);
  const busy = useTahrir((s) => !!s.opening);
  if (conflicts.length === 0) return null;
  const c = conflicts[0];
  const oneValue = c.kind === 'document';
  return (
    <section className="conflict-queue" aria-label="Merge conflicts" data-testid="conflict-queue">
      <p className="conflict-head">
        <strong>Merge conflicts:</strong> <span data-testid="conflict-count">{conflicts.length}</span> left. This
        document stays read-only until they are settled.
      </p>
      <p className="conflict-what" data-testid="conflict-current">
        {c.kind} <code>{c.id}</code>: {REASON[c.reason]}
      </p>
      <dl className="conflict-versions">
        <dt>Mine</dt>
        <dd>
          <Version kind={c.kind} version={c.mine} />
        </dd>
        <dt>Theirs</dt>
        <dd>
          <Version kind={c.kind} version={c.theirs} />
        </dd>
        {c.base !== undefined && (
          <>
            <dt>Before</dt>
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
            {label} <kbd>{key}</kbd>
          </button>
        ))}
      </div>
    </section>
  );
}
