// The frame every dialog opened from the dialog registry shares: the dimmed overlay (a click on it
// closes the dialog, unless onClose is left out while work runs) and the modal box, named by its
// heading (the heading's id is React's own, so no two dialogs can share one).
import { useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import type { TahrirErrorData } from '../../shared/errors';
import { useTranslator } from '../session/locale';
import { sayError } from '../../shared/i18n/message';

export function Dialog(props: {
  /** Class beside `dialog` (its width and layout). */
  className: string;
  title: string;
  testId: string;
  onClose?: () => void;
  children: ReactNode;
}): ReactElement {
  const titleId = useId();
  // Where the focus was when it opened (read at its first render, before a control in it takes the focus): it goes
  // back there when the dialog closes, as the shortcut sheet's does. Closed by Escape, the export dialog left the
  // focus on the page's body: the next Tab started over from the top bar.
  const [returnTo] = useState(() => document.activeElement);
  // After the key that closed it: Enter's keypress would otherwise click the button the focus went back to.
  useEffect(() => () => void setTimeout(() => giveFocusBack(returnTo)), [returnTo]);
  return (
    <div className="overlay" onClick={props.onClose}>
      <div
        className={`dialog ${props.className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}

/** Things the focus can be given to. */
const FOCUSABLE = ':is(button, summary, select, input, textarea, a[href], [tabindex]):not([tabindex="-1"], :disabled)';

/**
 * The focus back to `el` where nothing else took it (it is on the body); `el` hidden since (a button of the closed
 * Workspace menu), to the first control shown near it (the menu's own button).
 */
export function giveFocusBack(el: Element | null): void {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  const shown = (e: Element) => e.isConnected && e.getClientRects().length > 0;
  if (el instanceof HTMLElement && shown(el)) {
    el.focus({ preventScroll: true });
    return;
  }
  for (let at: Element | null = el; at && at !== document.body; at = at.parentElement) {
    const target = at.matches(FOCUSABLE) && shown(at) ? at : [...at.querySelectorAll(FOCUSABLE)].find(shown);
    if (target instanceof HTMLElement) {
      target.focus({ preventScroll: true });
      return;
    }
  }
}

/** What went wrong, in the dialog: the back end's message in the interface's language, with the file it names. */
export function DialogError({ error }: { error: TahrirErrorData }): ReactElement {
  const t = useTranslator();
  return (
    <p className="banner error" role="alert">
      {sayError(t, error)}
    </p>
  );
}

/** The one button of a dialog that only shows something: Close, with the focus (Enter closes it). */
export function CloseButton({ onClose }: { onClose: () => void }): ReactElement {
  const t = useTranslator();
  return (
    <div className="dialog-buttons">
      <button className="primary" onClick={onClose} autoFocus>
        {t('app.close')}
      </button>
    </div>
  );
}
