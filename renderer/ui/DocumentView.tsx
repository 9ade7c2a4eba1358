// The document's text: one block per paragraph (its direction by most of its strong characters, one text node each),
// spans
// drawn by DocumentHighlights. The text is focusable and selectable by mouse and
// keyboard (Shift+arrows) but never edited: it is contenteditable (plaintext-only) only for the caret.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { t as translate, useTranslator } from '../session/locale';
import { paintFirst, store, useTahrir } from '../session/store';
import { paragraphClass, shownText, type Paragraph } from '../../shared/text-view';
import { latinRuns, paragraphDirection } from '../../shared/text-direction';
import { selectSpan } from '../session/ui-actions';
import { DocumentHighlights } from '../text/document-highlights';
import { endEarlyText } from '../text/early-paint';
import { domPointToShown, type ParagraphElements } from '../text/dom-offsets';
import { caretFromFocus, caretPlacedByUser, setTextSurface, textSurface } from '../text/text-surface';
import { LayoutAhead } from '../text/layout-ahead';
import { firstScreenCount, nextBatchCount, paragraphBlocks, paragraphsEm } from '../text/paragraph-batches';

const BIDI_NAMES: Record<string, string> = {
  '\u202A': 'U+202A LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'U+202B RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'U+202C POP DIRECTIONAL FORMATTING',
  '\u202D': 'U+202D LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'U+202E RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'U+2066 LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'U+2067 RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'U+2068 FIRST STRONG ISOLATE',
  '\u2069': 'U+2069 POP DIRECTIONAL ISOLATE',
};

function bidiTitle(p: Paragraph): string | undefined {
  if (p.bidi.length === 0) return undefined;
  const names = new Set(
    Array.from(p.text)
      .filter((ch) => BIDI_NAMES[ch])
      .map((ch) => BIDI_NAMES[ch]),
  );
  // A title, read on hover: written in the language of the moment (a paragraph does not re-render for a switch).
  return translate('text.bidi-title', { names: [...names].join(', ') });
}

const ParagraphBlock = memo(function ParagraphBlock({
  para,
  className,
  elements,
}: {
  para: Paragraph;
  /** paragraphClass: a blank line's room depends on the line before it. */
  className: string;
  elements: ParagraphElements;
}): ReactElement {
  const register = useCallback(
    (el: HTMLParagraphElement | null) => {
      if (!el) return;
      elements.set(para.index, el);
      // Mounted after the highlights were drawn (not on first render): draw this paragraph's part.
      const surface = textSurface();
      if (surface && surface.shown.paragraphs[para.index] === para) surface.highlights.paragraphMounted(para.index);
      return () => {
        if (elements.get(para.index) === el) elements.delete(para.index);
      };
    },
    [para, elements],
  );
  const dir = paragraphDirection(para.text);
  // In a right-to-left paragraph a left-to-right run the bidi algorithm would lay out wrong (a bracket, a
  // figure beside it) is isolated (<bdi>), so its punctuation and figures stay with it; the others need no
  // element (latinRuns). The text nodes hold the paragraph's text in order (renderer/text/dom-offsets.ts).
  const pieces = dir === 'rtl' && para.display !== '' ? latinRuns(para.display) : null;
  const content =
    para.display === '' ? (
      <br />
    ) : pieces && pieces.length > 1 ? (
      pieces.map((piece, i) =>
        piece.isolate ? (
          <bdi key={i} dir="ltr">
            {piece.text}
          </bdi>
        ) : (
          piece.text
        ),
      )
    ) : (
      para.display
    );
  return (
    <p
      data-para={para.index}
      // Not dir="auto", which goes by the first strong character: an Arabic paragraph opening with an English
      // attribution ran left to right.
      dir={dir ?? 'auto'}
      ref={register}
      className={className}
      title={bidiTitle(para)}
    >
      {content}
    </p>
  );
});

/**
 * The paragraphs, rendered a screenful first and the rest in batches while the browser is
 * idle: a long document paints what is in view at once, and is all in the DOM (selection,
 * find, keyboard) a moment later. `reveal` renders up to a paragraph at once (search, scrolling
 * to a span). They sit in blocks of a few thousand characters: a block out of view is not laid
 * out (content-visibility), and until it first is, it keeps the room its length suggests.
 */
function Paragraphs({
  paragraphs,
  elements,
  revealRef,
}: {
  paragraphs: Paragraph[];
  elements: ParagraphElements;
  revealRef: React.RefObject<((index: number) => void) | null>;
}): ReactElement {
  const [count, setCount] = useState(() => firstScreenCount(paragraphs));
  const blocks = useMemo(() => paragraphBlocks(paragraphs), [paragraphs]);
  useEffect(() => {
    if (count >= paragraphs.length) return;
    const more = () => setCount((n) => nextBatchCount(paragraphs, n));
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(more, { timeout: 500 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(more, 16);
    return () => clearTimeout(timer);
  }, [count, paragraphs]);
  revealRef.current = (index: number) => {
    if (index < count) return;
    flushSync(() => setCount((n) => Math.max(n, Math.min(paragraphs.length, index + 1))));
  };
  const shownBlocks = blocks.filter((b) => b.first < count);
  return (
    <>
      {shownBlocks.map((b) => (
        <div
          key={b.first}
          className="para-block"
          data-first={b.first}
          data-end={b.end}
          style={{ containIntrinsicBlockSize: `auto ${b.estimateEm}em` }}
        >
          {paragraphs.slice(b.first, Math.min(b.end, count)).map((p) => (
            <ParagraphBlock
              key={p.index}
              para={p}
              className={paragraphClass(paragraphs, p.index)}
              elements={elements}
            />
          ))}
        </div>
      ))}
      {count < paragraphs.length && (
        <div
          className="paragraphs-to-come"
          aria-hidden="true"
          contentEditable={false}
          style={{ height: `${paragraphsEm(paragraphs, count, paragraphs.length)}em` }}
        />
      )}
    </>
  );
}

/**
 * Keys that would change the text in a contenteditable: the text is never edited here. Tab is not
 * one: in a contenteditable it moves the focus on, and the text must let it go (WCAG 2.1.2).
 */
function isEditingKey(e: React.KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey) return ['x', 'v', 'X', 'V'].includes(e.key);
  return e.key.length === 1 || e.key === 'Enter' || e.key === 'Backspace' || e.key === 'Delete';
}

/** Keys that move the caret where the user sees it. */
const CARET_KEYS: ReadonlySet<string> = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

export function DocumentView(): ReactElement | null {
  const doc = useTahrir((s) => s.doc);
  const edits = useTahrir((s) => s.data?.edits);
  const view = useTahrir((s) => s.view);
  const t = useTranslator();
  const rootRef = useRef<HTMLDivElement>(null);
  const elementsRef = useRef<ParagraphElements>(new Map());
  const highlightsRef = useRef<DocumentHighlights | null>(null);
  const lastClick = useRef<{ pos: number; id: string } | null>(null);
  const [epoch, setEpoch] = useState(0);
  const revealRef = useRef<((index: number) => void) | null>(null);
  const shown = doc && edits ? shownText(doc.source, edits, view) : null;

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!shown || !root) return;
    performance.mark('tahrir:document-rendered');
    // The text is in the page now: the early paint of the first screen (early.js) leaves in this task (its side panel
    // when the app's list is rendered: SidePanel.tsx).
    endEarlyText();
    const highlights = new DocumentHighlights(shown, elementsRef.current, root.parentElement, root);
    performance.mark('tahrir:highlights-ready');
    highlightsRef.current = highlights;
    setTextSurface({
      root,
      shown,
      elements: elementsRef.current,
      highlights,
      reveal: (index) => revealRef.current?.(index),
    });
    return () => {
      highlights.dispose();
      highlightsRef.current = null;
      setTextSurface(null);
    };
  }, [shown, epoch]);

  useEffect(() => {
    const root = rootRef.current;
    if (!shown || !root) return;
    const ahead = new LayoutAhead(root);
    return () => ahead.dispose();
  }, [shown, epoch]);

  const onClick = useCallback(() => {
    const root = rootRef.current;
    const highlights = highlightsRef.current;
    const sel = document.getSelection();
    if (!root || !shown || !highlights || !sel || !sel.isCollapsed || !sel.anchorNode) return;
    const pos = domPointToShown(sel.anchorNode, sel.anchorOffset, root, shown);
    if (pos === null) return;
    const under = highlights.spansAt(pos);
    if (under.length === 0) {
      selectSpan(null);
      lastClick.current = null;
      return;
    }
    // Clicking again at the same place cycles through nested spans.
    const selected = store().getState().selected;
    const i = selected ? under.findIndex((u) => u.ref.kind === selected.kind && u.ref.id === selected.id) : -1;
    const again = lastClick.current && Math.abs(lastClick.current.pos - pos) <= 1 && i >= 0;
    const pick = again ? under[(i + 1) % under.length] : under[0];
    lastClick.current = { pos, id: pick.ref.id };
    // As a keyboard edit: the selection's highlight in this frame, the inspector and the marks once the keys and
    // clicks pause (each a repaint of all the highlighted text, which a Delete pressed right after waited behind).
    paintFirst(() => selectSpan(pick.ref));
  }, [shown]);

  const onKeyDown = useCallback((e: React.KeyboardEvent) => {
    if (isEditingKey(e)) e.preventDefault();
    else if (CARET_KEYS.has(e.key)) caretPlacedByUser();
  }, []);

  if (!doc || !shown) return null;
  const block = (e: React.SyntheticEvent): void => e.preventDefault();
  return (
    <div className="document-scroll">
      <div
        ref={rootRef}
        className={`document-text view-${view}`}
        // plaintext-only, not true: React measures the selection inside a focused contenteditable="true"
        // before every commit by walking all of its text (a 1 MB document: ~10 ms on each keypress).
        contentEditable="plaintext-only"
        suppressContentEditableWarning
        spellCheck={false}
        inputMode="none"
        // Focusable as a contenteditable already; said outright so checkers (axe) see its scroll container is
        // reachable.
        tabIndex={0}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={t(view === 'clean' ? 'text.label-clean' : 'text.label-source', { id: doc.id })}
        data-testid="document-text"
        onKeyDown={onKeyDown}
        onBeforeInput={block}
        onPaste={block}
        onCut={block}
        onDrop={block}
        onDragStart={block}
        onCompositionEnd={() => setEpoch((n) => n + 1)}
        onClick={onClick}
        // Focus comes before the mouse's button is up: a click marks its caret placed after this.
        onFocus={caretFromFocus}
        onMouseUp={caretPlacedByUser}
        key={`${doc.id}:${view}:${epoch}`}
      >
        <Paragraphs paragraphs={shown.paragraphs} elements={elementsRef.current} revealRef={revealRef} />
      </div>
    </div>
  );
}
