// The live region a screen reader speaks from: after each change of the open document, what
// changed ("tagged PERSON جو بايدن", "deleted …", "undone: …"; shared/change-announcement.ts).
// It follows the store directly and writes its one text node itself once the keypress's frame is
// painted, so neither React nor the highlight waits for it: a timer of 0 ran before that frame and
// laid the page out again in it. After a keyboard edit it writes as React's part is rendered, once
// the keys pause (withNextTell): any DOM write repaints all the highlighted text, once.
import { useEffect, useRef, type ReactElement } from 'react';
import { announceChange, type ChangeWay } from '../../shared/change-announcement';
import { t } from '../session/locale';
import type { TahrirState } from '../session/state';
import { store, withNextTell } from '../session/store';

/**
 * Undo steps back (the data left goes first in the future), redo forward (the data comes from the future); anything
 * else is an edit.
 */
function wayOf(s: TahrirState, prev: TahrirState): ChangeWay {
  if (s.future[0] === prev.data && s.past.length === prev.past.length - 1) return 'undo';
  if (prev.future[0] === s.data && s.past[s.past.length - 1] === prev.data) return 'redo';
  return 'edit';
}

export function Announcer(): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let spoken = 0;
    let waiting: (() => void) | undefined;
    const unsubscribe = store().subscribe((s, prev) => {
      // Another document opened (or the same one reloaded): not an edit to tell of.
      if (s.data === prev.data || !s.data || !prev.data || s.doc?.id !== prev.doc?.id || s.doc !== prev.doc) return;
      const [before, after, way] = [prev.data, s.data, wayOf(s, prev)];
      waiting?.();
      waiting = withNextTell(() => {
        waiting = undefined;
        const text = announceChange(before, after, way, t);
        if (!text || !ref.current) return;
        // The same words twice (undo, undo) must be spoken twice: a region only speaks a change.
        ref.current.textContent = ++spoken % 2 ? text : `${text}\u00a0`;
      });
    });
    return () => {
      waiting?.();
      unsubscribe();
    };
  }, []);
  return <div ref={ref} className="visually-hidden" role="status" aria-live="polite" data-testid="announcer" />;
}
