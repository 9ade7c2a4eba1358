// The annotator's name in the top bar (Teams): who this machine's saves are stamped with.
// A click edits it in place; Enter keeps it (remembered on this machine), Escape leaves it.
import { useState, type ReactElement } from 'react';
import { setAnnotator } from '../session/annotator-name';
import { useTahrir } from '../session/store';

export function AnnotatorName(): ReactElement {
  const chosen = useTahrir((s) => s.annotator);
  const gitName = useTahrir((s) => s.workspace?.gitUserName);
  const configName = useTahrir((s) => s.workspace?.config.annotator);
  const [editing, setEditing] = useState<string | null>(null);
  const fallback = gitName ?? configName ?? '';
  const name = chosen ?? fallback;
  if (editing !== null) {
    return (
      <input
        className="annotator-input"
        aria-label="Annotator name (empty: git's user.name)"
        data-testid="annotator-input"
        value={editing}
        placeholder={fallback || 'Your name'}
        autoFocus
        dir="auto"
        onChange={(e) => setEditing(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            setAnnotator(editing);
            setEditing(null);
          } else if (e.key === 'Escape') setEditing(null);
          e.stopPropagation();
        }}
        onBlur={() => {
          setAnnotator(editing);
          setEditing(null);
        }}
      />
    );
  }
  return (
    <button
      className="small annotator"
      data-testid="annotator"
      onClick={() => setEditing(name)}
      title={
        name
          ? `Your edits are saved as ${name}${chosen === null ? " (git's user.name)" : ''}; click to change`
          : 'No annotator name: your edits are saved unsigned; click to set one'
      }
    >
      <span className="annotator-label">Annotator </span>
      <bdi>{name || 'Set your name'}</bdi>
    </button>
  );
}
