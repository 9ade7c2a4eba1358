// The first screen of the document, painted by early.js from the startEditor answer before app.js has run: its
// text and highlights, in the app's own classes and colours, in a frame of the app's bars (the label bar whole,
// the others as empty bars of their fixed heights), laid over the page. The app takes over in the task that
// renders its text (endEarlyPaint): the overlay leaves in that task, so no frame shows neither, and the text
// stands where the early paint put it (test/e2e/early-paint.test.ts checks the first line's place).
import type { EditorStart, OpenedDocument, WorkspaceInfo } from '../../shared/api';
import { chooseLocale, directionOf, isLocale, type Locale } from '../../shared/i18n/translator';
import type { Edit, Entity, Quote } from '../../shared/model';
import { firstScreenCut } from '../../shared/first-screen';
import { lineLengths, type FirstScreenDocument } from '../../shared/start-answer-wire';
import { latinRuns, paragraphDirection } from '../../shared/text-direction';
import { paragraphClass, shownSpanOf, shownText, type Paragraph, type ShownText } from '../../shared/text-view';
import { shownToRanges, type ParagraphElements } from './dom-offsets';
import { labelClass, labelHighlightName, labelStyleRules } from './label-rules';
import { estimatedLines, firstScreenCount, paragraphBlocks } from './paragraph-batches';
import { quoteHighlightName } from './speaker-links';
import { earlyPanel, entityListOf } from './early-panel';

/** What the early paint left on the page, for the app to take away. */
export interface EarlyPaint {
  overlay: HTMLElement;
  sheet: CSSStyleSheet;
  highlights: string[];
  /** performance.now() when it was put on the page. */
  at: number;
  /** Its frame has begun (a requestAnimationFrame ran since it was put on the page): a later task sees it drawn. */
  framed: boolean;
  /**
   * The side panel's entity list drawn in the frame after it (early-panel.ts), or null: it stays, alone, after the
   * text leaves
   * (endEarlyText), until the app's list is rendered in its place (endEarlyPanel).
   */
  panel: HTMLElement | null;
  /** Where the panel stands on the page (read in the early frame), for it to stay there alone. */
  panelBox: DOMRect | null;
  /** The app's list was rendered before its text: the panel leaves with the text. */
  listRendered: boolean;
}

declare global {
  interface Window {
    __tahrirEarlyPaint?: EarlyPaint | null;
  }
}

/** The paragraphs' gap in em (paragraph-batches.ts), for the room below the first screen. */
const PARAGRAPH_GAP_EM = 0.9;

/** The interface's language as the app chooses it (session/locale.ts: the one remembered, else the system's). */
function earlyLocale(): Locale {
  try {
    const chosen = localStorage.getItem('tahrir.locale');
    if (isLocale(chosen)) return chosen;
  } catch {
    // storage unavailable: the system's language it is
  }
  return chooseLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/**
 * The shown (clean) text of the source's first screen (shared/first-screen.ts): the start of the document's shown
 * text, as long as no edit crosses the cut. Null when one does (the early paint then leaves it to the app).
 */
export function firstScreenText(
  source: string,
  edits: readonly Edit[],
): { shown: ShownText; units: number; codePoints: number } | null {
  const { units, codePoints } = firstScreenCut(source);
  const prefix = source.slice(0, units);
  const inPrefix: Record<string, Edit> = {};
  for (const edit of edits) {
    if (edit.orphaned || edit.start >= codePoints) continue;
    if (edit.end > codePoints) return null;
    inPrefix[edit.id] = edit;
  }
  return { shown: shownText(prefix, inPrefix, 'clean'), units, codePoints };
}

function paragraphElement(paragraphs: readonly Paragraph[], index: number): HTMLElement {
  const para = paragraphs[index];
  const p = document.createElement('p');
  p.dataset.para = String(para.index);
  const dir = paragraphDirection(para.text);
  p.dir = dir ?? 'auto';
  p.className = paragraphClass(paragraphs, index);
  // As DocumentView's ParagraphBlock: left-to-right runs of a right-to-left paragraph isolated.
  const pieces = dir === 'rtl' && para.display !== '' ? latinRuns(para.display) : null;
  if (para.display === '') p.append(document.createElement('br'));
  else if (pieces && pieces.length > 1)
    for (const piece of pieces) {
      if (!piece.isolate) p.append(piece.text);
      else {
        const bdi = document.createElement('bdi');
        bdi.dir = 'ltr';
        bdi.textContent = piece.text;
        p.append(bdi);
      }
    }
  else p.append(para.display);
  return p;
}

/** Room for the lines after the prefix (their lengths), about as DocumentView keeps it (the scroll bar's length). */
function restEm(lengths: readonly number[]): number {
  let em = 0;
  for (const length of lengths) em += estimatedLines(length) * 2 + PARAGRAPH_GAP_EM;
  return em;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}

/** The bars above the text, each of the height the app gives it in its first frame. */
function bars(workspace: WorkspaceInfo, opened: OpenedDocument): HTMLElement[] {
  // The top bar and the suggestion bar have fixed heights (app.css, suggestions.css): empty, they are as tall.
  const top = element('header', 'top-bar');
  const brand = element('div', 'brand');
  brand.append(element('span', 'brand-name'), ' ', element('span', 'brand-ar'));
  (brand.firstChild as HTMLElement).textContent = 'Tahrir';
  (brand.lastChild as HTMLElement).textContent = 'تحرير';
  top.append(brand);
  const review = element('section', 'review-bar');
  review.append(element('div', 'review-row'), element('div', 'review-row review-hint'));
  // The label bar wraps its buttons: drawn whole, as LabelBar draws them.
  const labels = workspace.config.labels;
  const out: HTMLElement[] = [top];
  const pane: HTMLElement[] = [];
  if (labels.length > 0) {
    const bar = element('div', 'label-bar');
    labels.forEach((label, i) => {
      const button = element('button', `label-bar-button ${labelClass(i)}`);
      button.type = 'button';
      button.disabled = !!opened.readOnly;
      const name = element('span', 'label-bar-name');
      name.textContent = label.name;
      button.append(element('span', 'label-swatch'), name);
      if (label.hotkey) {
        const key = document.createElement('kbd');
        key.textContent = label.hotkey;
        button.append(key);
      }
      bar.append(button);
    });
    pane.push(bar);
  }
  pane.push(review);
  return [...out, ...pane];
}

/**
 * Paints the first screen of `start`'s document; null (nothing painted) when the app's first frame would show more
 * above the text than the early paint knows how to draw (a banner: recovered, re-anchored, read-only) or an edit
 * crosses the first screen's cut.
 */
export function paintEarly(start: EditorStart): EarlyPaint | null {
  const first = start.first;
  if (!first || !('opened' in first)) return null;
  const opened = first.opened;
  const { workspace } = start;
  if (opened.recovered || opened.reanchored || opened.readOnly || workspace.configProblem) return null;
  const screen = firstScreenText(opened.text, opened.sidecar.edits);
  if (!screen || screen.shown.paragraphs.length === 0) return null;
  const { shown, units, codePoints } = screen;

  const locale = earlyLocale();
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);

  const count = firstScreenCount(shown.paragraphs);
  const elements: ParagraphElements = new Map();
  const text = element('div', 'document-text view-clean');
  for (const block of paragraphBlocks(shown.paragraphs)) {
    if (block.first >= count) break;
    const div = element('div', 'para-block');
    div.style.containIntrinsicBlockSize = `auto ${block.estimateEm}em`;
    for (let i = block.first; i < Math.min(block.end, count); i++) {
      const p = paragraphElement(shown.paragraphs, i);
      elements.set(i, p);
      div.append(p);
    }
    text.append(div);
  }
  const rest = element('div', 'paragraphs-to-come');
  // Under `tahrir serve` the text after the first screen is still on its way: its lines' lengths came first.
  const restLines = (opened as FirstScreenDocument).restLineLengths ?? lineLengths(opened.text, units + 1);
  rest.style.height = `${restEm(restLines)}em`;
  text.append(rest);
  const scroll = element('div', 'document-scroll');
  scroll.append(text);

  const pane = element('main', 'document-pane');
  const [top, ...above] = bars(workspace, opened);
  pane.append(...above, scroll);
  const app = element('div', 'app');
  const labelNames = workspace.config.labels.map((l) => l.name);
  const panelPlace = element('aside', 'side-panel');
  app.append(top, element('nav', 'document-list'), pane, panelPlace);
  const overlay = element('div', 'early-paint');
  // A picture until the app is here: no focus, clicks or selection in it (they reach the app's page below).
  overlay.inert = true;
  overlay.append(app);

  const sheet = new CSSStyleSheet();
  sheet.replaceSync(labelStyleRules(workspace.config.labels));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const labelIndex = new Map(workspace.config.labels.map((l, i) => [l.name, i]));
  const byName = new Map<string, Highlight>();
  const draw = (name: string, span: Entity | Quote): void => {
    const at = shownSpanOf(shown, span.end > codePoints ? { ...span, end: codePoints } : span);
    if (!at || shown.paragraphAt(at.start) >= count) return;
    let highlight = byName.get(name);
    if (!highlight) byName.set(name, (highlight = new Highlight()));
    for (const range of shownToRanges(at.start, at.end, shown, elements)) highlight.add(range);
  };
  for (const entity of opened.sidecar.entities)
    if (entity.start < codePoints) draw(labelHighlightName(labelIndex.get(entity.label) ?? -1), entity);
  for (const quote of opened.sidecar.quotes) if (quote.start < codePoints) draw(quoteHighlightName(quote), quote);
  document.body.append(overlay);
  for (const [name, highlight] of byName) CSS.highlights.set(name, highlight);
  const early: EarlyPaint = {
    overlay,
    sheet,
    highlights: [...byName.keys()],
    at: performance.now(),
    framed: false,
    panel: null,
    panelBox: null,
    listRendered: false,
  };
  requestAnimationFrame(() => {
    early.framed = true;
    // The side panel's list comes in the frame after the text's (panel2): laid out with it, its rows held the first
    // frame back (its layout 13-15 -> 40-44 ms of CPU at 10k with 50 rows, 22-27 with a screenful). Put on the page
    // in the task after the first frame, before the app's open (earlyPaintShown waits for the same frame, asked
    // later); when the app's text comes first, the app's own list is the one shown.
    setTimeout(() => {
      if (window.__tahrirEarlyPaint !== early || !overlay.isConnected || early.listRendered) return;
      const list = entityListOf(opened, labelNames);
      if (!list || list.groups.length === 0) return;
      const panel = earlyPanel(list, labelNames, locale, innerHeight);
      panelPlace.replaceWith(panel);
      early.panel = panel;
      requestAnimationFrame(() => {
        // The frame's layout, done here rather than after it: read once the app's render has made it stale, it was
        // laid out again in that task.
        if (early.panel === panel && panel.isConnected) early.panelBox = panel.getBoundingClientRect();
      });
    }, 0);
  });
  return (window.__tahrirEarlyPaint = early);
}

/**
 * The early paint leaves, all of it, in this task. Its highlights go too (the app's layers find a highlight by its name
 * and would keep the early Ranges). Does nothing when there is none.
 */
export function endEarlyPaint(): void {
  const early = window.__tahrirEarlyPaint;
  if (!early) return;
  endEarlyText();
  endEarlyPanel();
}

/**
 * The app's text is rendered: the early paint's text leaves, in the same task (no frame between). Its side panel, if
 * it drew one, stays where it stood, alone over the app's, until the app's list is rendered (endEarlyPanel): the
 * app's list follows its text by a frame or two (SidePanel.tsx), and no frame should show the panel empty between.
 */
export function endEarlyText(): void {
  const early = window.__tahrirEarlyPaint;
  if (!early || !early.overlay.isConnected) return;
  for (const name of early.highlights) CSS.highlights.delete(name);
  early.highlights = [];
  const box = early.panelBox;
  if (early.panel && box && !early.listRendered) {
    const alone = document.createElement('div');
    alone.className = 'early-panel';
    alone.inert = true;
    Object.assign(alone.style, {
      top: `${box.top}px`,
      left: `${box.left}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
    alone.append(early.panel);
    document.body.append(alone);
  } else early.panel = null;
  early.overlay.remove();
  performance.mark('tahrir:early-paint-ended');
  if (!early.panel) endEarlyPanel();
}

/** The app's entity list is rendered (or the app shows no list): the early paint's panel leaves in this task. */
export function endEarlyPanel(): void {
  const early = window.__tahrirEarlyPaint;
  if (!early) return;
  if (early.overlay.isConnected) {
    early.listRendered = true;
    return;
  }
  window.__tahrirEarlyPaint = null;
  early.panel?.parentElement?.remove();
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== early.sheet);
}

/**
 * Resolves once the early paint's frame is drawn: at once when there is none, or when its frame is already drawn (the
 * answer came before app.js ran: the app's open then goes on in the same task, before React's first render, which
 * renders the document in its first pass). Otherwise the app's open (the store, React's render: one long task) would
 * run right after the paint, before any frame, and show its own text first.
 */
export function earlyPaintShown(): Promise<void> {
  const early = window.__tahrirEarlyPaint;
  if (!early || early.framed) return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
