// The label bar above the text (as Label Studio and doccano have it): every label with its colour
// and key, always in view. A click does what the label's digit does: tags the selection, or
// relabels the selected entity. One Tab stop (a toolbar: the arrows move between labels), and a
// mouse press leaves the focus and the selection in the text.
import { useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslator } from '../session/locale';
import { selectLabels, useTahrir } from '../session/store';
import { labelClass } from '../text/label-styles';
import { tagWithLabel } from '../text/keyboard';

export function LabelBar(): ReactElement | null {
  const t = useTranslator();
  const labels = useTahrir(selectLabels);
  const hasDoc = useTahrir((s) => !!s.doc);
  const readOnly = useTahrir((s) => !!s.doc?.readOnly);
  const current = useTahrir((s) =>
    s.selected?.kind === 'entity' ? (s.data?.entities[s.selected.id]?.label ?? null) : null,
  );
  // Roving tabindex: the bar is one stop in the Tab order, on the label last used.
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  if (!hasDoc || labels.length === 0) return null;
  const focusAt = (i: number): void => {
    const n = (i + labels.length) % labels.length;
    setActive(n);
    buttons.current[n]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    // A toolbar's keys, as the bar reads: in the Arabic (mirrored) interface the next label is to the left.
    const forward = t.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const step = e.key === forward || e.key === 'ArrowDown' ? 1 : /^Arrow(Left|Right|Up)$/.test(e.key) ? -1 : 0;
    if (step) focusAt(active + step);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(labels.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="label-bar"
      role="toolbar"
      aria-label={t('labelbar.label')}
      aria-orientation="horizontal"
      data-testid="label-bar"
      onKeyDown={onKeyDown}
    >
      {labels.map((label, i) => (
        <button
          key={label.name}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          className={`label-bar-button ${labelClass(i)}${current === label.name ? ' current' : ''}`}
          tabIndex={i === (active < labels.length ? active : 0) ? 0 : -1}
          aria-pressed={current === label.name}
          aria-keyshortcuts={label.hotkey}
          disabled={readOnly}
          title={
            label.hotkey
              ? t('labelbar.title-key', { label: label.name, key: label.hotkey })
              : t('labelbar.title', { label: label.name })
          }
          data-label={label.name}
          // The press must not take the focus or the selection from the text: the click tags that selection.
          onMouseDown={(e) => e.preventDefault()}
          onFocus={() => setActive(i)}
          onClick={() => {
            setActive(i);
            tagWithLabel(label, false);
          }}
        >
          <span className="label-swatch" aria-hidden="true" />
          <span className="label-bar-name">{label.name}</span>
          {label.hotkey && <kbd aria-hidden="true">{label.hotkey}</kbd>}
        </button>
      ))}
    </div>
  );
}
