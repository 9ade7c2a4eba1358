// The frame every dialog opened from the dialog registry shares: the dimmed overlay (a click on it
// closes the dialog, unless onClose is left out while work runs) and the modal box, named by its
// heading (the heading's id is React's own, so no two dialogs can share one).
import { useId, type ReactElement, type ReactNode } from 'react';
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
