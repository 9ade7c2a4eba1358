// The annotator's name in the top bar (Teams): who this machine's saves are stamped with.
// A click edits it in place; Enter keeps it (remembered on this machine), Escape leaves it.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { setAnnotator } from '../session/annotator-name';
import { useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';

export function AnnotatorName(): ReactElement {
  const t = useTranslator();
  const chosen = useTahrir((s) => s.annotator);
  const gitName = useTahrir((s) => s.workspace?.gitUserName);
  const configName = useTahrir((s) => s.workspace?.config.annotator);
  const [editing, setEditing] = useState<string | null>(null);
  const fallback = gitName ?? configName ?? '';
  const name = chosen ?? fallback;
  // Enter and Escape give the focus back to the button (the input gone, it was on the page's body), and Escape keeps
  // the name as it was (the input's blur as it went saved what was typed).
  const button = useRef<HTMLButtonElement>(null);
  const leaving = useRef(false);
  useEffect(() => {
    if (editing !== null || !leaving.current) return;
    leaving.current = false;
    button.current?.focus();
  }, [editing]);
  if (editing !== null) {
    return (
      <input
        className="annotator-input"
        aria-label={t('annotator.input')}
        data-testid="annotator-input"
        value={editing}
        placeholder={fallback || t('annotator.placeholder')}
        autoFocus
        dir="auto"
        onChange={(e) => setEditing(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') {
            // No keypress after it: the Enter's would click the button the focus goes back to, editing again.
            e.preventDefault();
            if (e.key === 'Enter') setAnnotator(editing);
            leaving.current = true;
            setEditing(null);
          }
          e.stopPropagation();
        }}
        onBlur={() => {
          if (leaving.current) return;
          setAnnotator(editing);
          setEditing(null);
        }}
      />
    );
  }
  return (
    <button
      ref={button}
      className="small annotator"
      data-testid="annotator"
      onClick={() => setEditing(name)}
      title={
        name ? t(chosen === null ? 'annotator.title-git' : 'annotator.title', { name }) : t('annotator.title-none')
      }
    >
      <span className="annotator-label">{t('annotator.label')} </span>
      <bdi>{name || t('annotator.set')}</bdi>
    </button>
  );
}
