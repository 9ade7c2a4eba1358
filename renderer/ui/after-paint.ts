// Parts of the screen that may show a change one paint late (the side panel's lists, counts).
// A keypress's own frame then holds only its urgent part, the highlight; the lists follow
// once that frame is painted, all in one transition render.
//
// React's useDeferredValue renders the late part right after the keypress's task, before
// the browser's next frame: on a long document that render (thousands of spans grouped
// by label) ran between the keypress and the paint of its highlight.
import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from '../session/store';

/**
 * `value` as of the last paint: a change shows in a transition render after the frame that
 * painted it elsewhere. Starts as `initial` (pass `value` itself to start up to date).
 */
export function useAfterPaint<T, I = T>(value: T, initial: I): T | I {
  const [shown, setShown] = useState<{ value: T | I }>({ value: initial });
  useEffect(() => {
    if (Object.is(shown.value, value)) return;
    return afterNextPaint(() => startTransition(() => setShown({ value })));
  }, [value, shown]);
  return shown.value;
}
