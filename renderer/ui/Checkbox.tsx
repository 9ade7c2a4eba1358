// A checkbox and its words in one label, so a click on the words ticks it too. `children` may hold
// more than the words (a note that follows the choice): all of it is inside the label.
import type { ReactElement, ReactNode } from 'react';

export function Checkbox(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  children: ReactNode;
}): ReactElement {
  return (
    <label>
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        data-testid={props.testId}
      />{' '}
      {props.children}
    </label>
  );
}
