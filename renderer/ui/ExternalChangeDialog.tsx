// The choice when the open document changed on disk while it has unsaved changes here:
// keep mine / take theirs / merge by id (with what the merge keeps and where it conflicts);
// or, when its text file was removed, keep a recovery copy of the annotations.
import type { ReactElement } from 'react';
import type { MergeConflict } from '../../shared/merge-sidecars';
import type { Sidecar } from '../../shared/model';
import { decideLater, keepMine, keepRecoveryCopy, mergeBoth, takeTheirs } from '../session/external-change';
import { useTahrir } from '../session/store';
import type { DialogProps } from './dialog-registry';

// Set through the CSSOM (allowed by the CSP), not as a style attribute.
const BUTTON_ROW = { display: 'flex', flexWrap: 'wrap', gap: '8px', marginTop: '14px' } as const;

function counts(s: Sidecar | null | undefined): string {
  if (!s) return '—';
  return `${s.entities.length} entities, ${s.quotes.length} quotes, ${s.edits.length} edits`;
}

const KIND_WORD: Record<MergeConflict['kind'], string> = {
  edit: 'Edit',
  entity: 'Entity',
  quote: 'Quote',
  document: 'Field',
  source: 'Source',
};
const REASON: Record<MergeConflict['reason'], string> = {
  'both-changed': 'changed here and on disk',
  'changed-and-deleted': 'changed on one side, deleted on the other',
  'overlapping-edit': 'overlaps an edit from the other side',
  'speaker-kept': 'deleted on one side but still a quote’s speaker',
  'field-changed': 'changed here and on disk',
};

function spanText(x: unknown): string {
  if (x && typeof x === 'object' && 'text' in x && typeof (x as { text: unknown }).text === 'string') {
    const t = Array.from((x as { text: string }).text);
    return t.length > 40 ? `${t.slice(0, 40).join('')}…` : t.join('');
  }
  return x === undefined ? '' : JSON.stringify(x).slice(0, 60);
}

export function ExternalChangeDialog({ onClose }: DialogProps): ReactElement {
  const pending = useTahrir((s) => s.externalChoice);
  if (!pending) {
    return (
      <div className="overlay" onClick={onClose}>
        <div className="dialog" role="dialog" aria-modal="true" onClick={(e) => e.stopPropagation()}>
          <p>Nothing changed on disk.</p>
          <button onClick={onClose}>Close</button>
        </div>
      </div>
    );
  }
  const { change, theirs, mine, merged, error } = pending;
  const file = change.type === 'document-removed' ? `${change.id}.txt` : `${change.id}.annotations.json`;
  return (
    <div className="overlay">
      <div
        className="dialog external-change"
        role="dialog"
        aria-modal="true"
        aria-labelledby="external-change-title"
        data-testid="external-change-dialog"
      >
        {change.type === 'document-removed' ? (
          <>
            <h2 id="external-change-title">The text file was removed</h2>
            <p>
              <bdi>
                <code>{file}</code>
              </bdi>{' '}
              was deleted or moved on disk. Its sidecar is not touched, and your annotations stay open here (
              {counts(mine)}). A recovery copy keeps them for when the text is back.
            </p>
            <div className="dialog-buttons" style={BUTTON_ROW}>
              <button className="primary" onClick={() => void keepRecoveryCopy()} data-testid="keep-recovery-copy">
                Keep a recovery copy
              </button>
              <button onClick={decideLater}>Close</button>
            </div>
          </>
        ) : (
          <>
            <h2 id="external-change-title">The annotations changed on disk</h2>
            <p>
              <bdi>
                <code>{file}</code>
              </bdi>{' '}
              was changed by another program while you have unsaved changes. Nothing has been overwritten.
            </p>
            <table className="external-change-sides">
              <tbody>
                <tr>
                  <th scope="row">Yours (unsaved)</th>
                  <td>{counts(mine)}</td>
                </tr>
                <tr>
                  <th scope="row">On disk</th>
                  <td>{theirs?.readOnly ? `cannot be read: ${theirs.readOnly.message}` : counts(theirs?.sidecar)}</td>
                </tr>
                {merged && (
                  <tr>
                    <th scope="row">Merged by id</th>
                    <td data-testid="merge-preview">
                      {counts(merged.sidecar)}
                      {merged.conflicts.length > 0
                        ? `; ${merged.conflicts.length} conflict(s), yours kept`
                        : '; no conflicts'}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            {error && (
              <p className="error-text" role="alert" style={{ color: 'var(--error, #b00020)' }}>
                {error}
              </p>
            )}
            {merged && merged.conflicts.length > 0 && (
              <details>
                <summary>Conflicts</summary>
                <ul className="merge-conflicts">
                  {merged.conflicts.slice(0, 50).map((c, i) => (
                    <li key={i}>
                      {KIND_WORD[c.kind]} <code>{c.id}</code> {REASON[c.reason]}: kept{' '}
                      {c.kept === 'mine' ? 'yours' : 'the one on disk'}
                      {spanText(c.mine ?? c.theirs) && (
                        <>
                          {' '}
                          (<bdi>{spanText(c.mine ?? c.theirs)}</bdi>)
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <div className="dialog-buttons" style={BUTTON_ROW}>
              <button
                className="primary"
                disabled={!merged}
                onClick={() => void mergeBoth()}
                data-testid="merge-both"
                title="Keep additions from both sides; where both changed one item, yours wins"
              >
                Merge both
              </button>
              <button
                onClick={() => void keepMine()}
                disabled={!theirs}
                data-testid="keep-mine"
                title="Write your version over the one on disk"
              >
                Keep mine
              </button>
              <button
                onClick={() => void takeTheirs()}
                disabled={!theirs || !!theirs.readOnly}
                data-testid="take-theirs"
                title="Drop your unsaved changes and show the version on disk"
              >
                Take theirs
              </button>
              <button onClick={decideLater}>Decide later</button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
