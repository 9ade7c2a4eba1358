// A checkbox and its words in one label, so a click on the words ticks it too. `children` may hold
// more than the words (a note that follows the choice): all of it is inside the label.
import { memo, type ReactElement, type ReactNode } from 'react';

export function Checkbox(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  children: ReactNode;
}): ReactElement {
  return (
    <label>
      <CheckboxInput checked={props.checked} onChange={props.onChange} testId={props.testId} /> {props.children}
    </label>
  );
}

/**
 * The <input> alone, rendered again only when its own props change: React writes an input's type and name again at
 * every update of it, so words that change beside a checkbox given a stable onChange (a count) leave the input as is.
 */
const CheckboxInput = memo(function CheckboxInput(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}): ReactElement {
  return (
    <input
      type="checkbox"
      checked={props.checked}
      onChange={(e) => props.onChange(e.target.checked)}
      data-testid={props.testId}
    />
  );
});
