// Parts of the screen that may show a change one paint late (the side panel's lists, counts).
// A keypress's own frame then holds only its urgent part, the highlight; the lists follow
// once that frame is painted, all in one transition render.
//
// React's useDeferredValue renders the late part right after the keypress's task, before
// the browser's next frame: on a long document that render (thousands of spans grouped
// by label) ran between the keypress and the paint of its highlight.
import { startTransition, useEffect, useRef, useState } from 'react';
import { afterNextPaint, rightAfterNextPaint, usePainted } from '../session/store';

/**
 * `value` as of the last paint: a change shows in a transition render after the frame that
 * painted it elsewhere. Starts as `initial` (pass `value` itself to start up to date). A render
 * React was told of only after the keypress's highlight was painted (isPainted) shows `value`
 * at once: waiting for yet another paint put the side panel ~100 ms behind the last edit.
 */
export function useAfterPaint<T, I = T>(value: T, initial: I): T | I {
  // What was last shown, kept in a ref: a render that showed `value` at once (painted) is remembered without another
  // render. As state (before), each keyboard edit's side panel rendered again in a task right after its second frame,
  // showing nothing new, just where the next key comes (36-47 ms tasks at load 25, in the keys bench's trace).
  const shown = useRef<{ value: T | I; first?: true }>({ value: initial, first: true });
  const [, showNow] = useState(0);
  const painted = usePainted();
  useEffect(() => {
    if (Object.is(shown.current.value, value)) return;
    // Shown already (below): remembered, so a later change waiting for its paint does not step back to an older value.
    if (painted) {
      shown.current = { value };
      return;
    }
    const show = () => {
      shown.current = { value };
      showNow((n) => n + 1);
    };
    // Nothing shown yet (a document just opened): in the frame after the first paint, all the lists in one render, not
    // after an idle wait and a transition render spread over several frames (the list came ~0.3 s late).
    if (shown.current.first || shown.current.value == null) return rightAfterNextPaint(show);
    return afterNextPaint(() => startTransition(show));
  }, [value, painted]);
  return painted ? value : shown.current.value;
}
