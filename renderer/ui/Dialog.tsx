// The frame the dataset and site-template dialogs share: the dimmed overlay (a click on it closes
// the dialog, unless onClose is left out while work runs) and the modal box, named by its heading.
import type { ReactElement, ReactNode } from 'react';

export function Dialog(props: {
  /** Class beside `dialog` (its width and layout). */
  className: string;
  titleId: string;
  title: string;
  testId: string;
  onClose?: () => void;
  children: ReactNode;
}): ReactElement {
  return (
    <div className="overlay" onClick={props.onClose}>
      <div
        className={`dialog ${props.className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.titleId}
        data-testid={props.testId}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id={props.titleId}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
