// The positioned layer over the text for what a CSS highlight cannot draw: the lanes of nested and
// crossing entities (bands below the text), the box around a span's extent on hover, the arcs from
// quotes to their speakers, and the hover's tip. One absolutely positioned layer beside the text
// (never in it: the text's DOM stays one text node a paragraph), drawn only for the few spans
// concerned, and drawn again when the text's layout changes (a resize, the fonts arriving).
import type { RangeResolver } from './highlight-layer';

const SVG = 'http://www.w3.org/2000/svg';
/** Band thickness and the step between lanes, in px. */
const BAND = 3;
const LANE_STEP = 4;

export interface Band {
  key: string;
  start: number;
  end: number;
  lane: number;
  color: string;
}

export interface Box {
  start: number;
  end: number;
  /** A class on the box: 'hover' (the span under the pointer), 'speaker', 'spoken'. */
  kind: string;
  color?: string;
}

export interface Arc {
  /** The quote, and its speaker: shown-text spans. */
  from: { start: number; end: number };
  to: { start: number; end: number };
}

/** One line of the hover's tip: what the span is, its text, then its offsets (and a quote's speaker). */
export interface TipLine {
  head: string;
  text: string;
  tail: string;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export class SpanOverlay {
  readonly element: HTMLDivElement;
  private readonly bands: HTMLDivElement;
  private readonly boxes: HTMLDivElement;
  private readonly arcs: SVGSVGElement;
  private readonly tip: HTMLDivElement;
  private readonly resize: ResizeObserver | null;
  private drawn: { bands: Band[]; boxes: Box[]; arcs: Arc[] } = { bands: [], boxes: [], arcs: [] };
  /**
   * What the boxes, arcs and tip show now, in words: drawn again only when that changes. With highlights registered,
   * any change of the page's DOM (a box put back as it was, `hidden` set again) makes the browser repaint all the
   * highlighted text (~20-70 ms on a long document): after each edit, in the frame a next key waits for.
   */
  private shown = { boxes: '', arcs: '', tip: '' };

  constructor(
    private readonly host: HTMLElement,
    private readonly resolve: RangeResolver,
    watched: Element | null,
  ) {
    const doc = host.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'span-overlay';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.dataset.testid = 'span-overlay';
    this.bands = doc.createElement('div');
    this.boxes = doc.createElement('div');
    this.arcs = doc.createElementNS(SVG, 'svg');
    this.arcs.classList.add('speaker-arcs');
    this.tip = doc.createElement('div');
    this.tip.className = 'span-tip';
    this.tip.hidden = true;
    this.element.append(this.bands, this.boxes, this.arcs, this.tip);
    host.append(this.element);
    this.resize = typeof ResizeObserver === 'undefined' || !watched ? null : new ResizeObserver(() => this.redraw());
    if (watched) this.resize?.observe(watched);
    // Fonts that finish loading later move the text: drawn again then. Not `fonts.ready`: reading it cost 20–30 ms
    // of the first paint's task on a long document (the layer is made as its text is first shown).
    doc.fonts?.addEventListener('loadingdone', this.fontsLoaded);
  }

  private readonly fontsLoaded = () => this.redraw();

  /** The span's boxes, one per line (and per direction run), in the layer's coordinates. */
  rectsOf(start: number, end: number): Rect[] {
    const origin = this.element.getBoundingClientRect();
    const out: Rect[] = [];
    for (const r of this.resolve(start, end)) {
      const range = this.host.ownerDocument.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue; // a paragraph re-rendered since: drawn again with it
      }
      for (const box of range.getClientRects()) {
        if (box.width < 0.5) continue;
        const rect = {
          left: box.left - origin.left,
          top: box.top - origin.top,
          right: box.right - origin.left,
          bottom: box.bottom - origin.top,
        };
        // A range holding a whole <bdi> lists it and its text: one box each place.
        if (!out.some((o) => Math.abs(o.left - rect.left) < 1 && Math.abs(o.top - rect.top) < 1)) out.push(rect);
      }
    }
    return out;
  }

  drawBands(bands: Band[]): void {
    this.drawn.bands = bands;
    this.bands.replaceChildren(...this.bandElements(bands));
  }

  /** The bands keyed `gone` taken away and `bands` drawn: an edit measures only its own paragraphs' bands. */
  replaceBands(gone: ReadonlySet<string>, bands: Band[]): void {
    this.drawn.bands = [...this.drawn.bands.filter((b) => !gone.has(b.key)), ...bands];
    for (const el of [...this.bands.children]) if (gone.has((el as HTMLElement).dataset.key ?? '')) el.remove();
    this.bands.append(...this.bandElements(bands));
  }

  private bandElements(bands: Band[]): HTMLElement[] {
    const doc = this.host.ownerDocument;
    const out: HTMLElement[] = [];
    for (const band of bands) {
      for (const r of this.rectsOf(band.start, band.end)) {
        const el = doc.createElement('div');
        el.className = 'span-band';
        el.dataset.key = band.key;
        el.dataset.lane = String(band.lane);
        place(el, r.left, r.bottom + 1 + band.lane * LANE_STEP, r.right - r.left, BAND);
        el.style.backgroundColor = band.color;
        out.push(el);
      }
    }
    return out;
  }

  drawBoxes(boxes: Box[]): void {
    this.writeBoxes(this.placeBoxes(boxes));
  }

  /**
   * The marks of the spans in focus: the hover's tip, the boxes and the arcs, all measured before any is written (a
   * measure after a write laid the page out again, in the frame an edit's side panel is written in).
   */
  drawMarks(tip: { lines: TipLine[]; clientX: number; clientY: number } | null, boxes: Box[], arcs: Arc[]): void {
    const origin = tip && tip.lines.length > 0 ? this.element.getBoundingClientRect() : null;
    const placed = this.placeBoxes(boxes);
    const lines = this.arcLines(arcs);
    this.writeTip(
      tip?.lines ?? null,
      origin && tip ? { left: tip.clientX - origin.left, top: tip.clientY - origin.top } : null,
    );
    this.writeBoxes(placed);
    this.writeArcs(lines);
  }

  private placeBoxes(boxes: Box[]): { boxes: Box[]; placed: { box: Box; r: Rect }[] } {
    const placed: { box: Box; r: Rect }[] = [];
    for (const box of boxes) for (const r of this.rectsOf(box.start, box.end)) placed.push({ box, r });
    return { boxes, placed };
  }

  private writeBoxes({ boxes, placed }: { boxes: Box[]; placed: { box: Box; r: Rect }[] }): void {
    this.drawn.boxes = boxes;
    const said = placed.map(({ box, r }) => `${box.kind} ${box.color ?? ''} ${r.left} ${r.top} ${r.right} ${r.bottom}`);
    if (!this.changed('boxes', said.join('\n'))) return;
    const doc = this.host.ownerDocument;
    this.boxes.replaceChildren(
      ...placed.map(({ box, r }) => {
        const el = doc.createElement('div');
        el.className = `span-box ${box.kind}`;
        place(el, r.left - 1, r.top, r.right - r.left + 2, r.bottom - r.top);
        if (box.color) el.style.borderColor = box.color;
        return el;
      }),
    );
  }

  /** Whether `what` shows something else than `said` now (then taken as shown). */
  private changed(what: keyof SpanOverlay['shown'], said: string): boolean {
    if (this.shown[what] === said) return false;
    this.shown[what] = said;
    return true;
  }

  /** Arcs above the text from each quote to its speaker (as brat draws a relation), an arrowhead at the speaker. */
  drawArcs(arcs: Arc[]): void {
    this.writeArcs(this.arcLines(arcs));
  }

  private arcLines(arcs: Arc[]): { arcs: Arc[]; lines: [string, string][] } {
    const lines: [string, string][] = [];
    for (const arc of arcs) {
      const to = this.rectsOf(arc.to.start, arc.to.end)[0];
      const quoteRects = this.rectsOf(arc.from.start, arc.from.end);
      if (!to || quoteRects.length === 0) continue;
      // The quote's line nearest the speaker.
      const from = quoteRects.reduce((best, r) => (Math.abs(r.top - to.top) < Math.abs(best.top - to.top) ? r : best));
      const x1 = (from.left + from.right) / 2;
      const y1 = from.top + 4;
      const x2 = (to.left + to.right) / 2;
      const y2 = to.top + 4;
      const lift = Math.min(60, 18 + Math.abs(x2 - x1) * 0.08);
      const top = Math.min(y1, y2) - lift;
      lines.push(
        [`M ${x1} ${y1} C ${x1} ${top}, ${x2} ${top}, ${x2} ${y2}`, 'speaker-arc'],
        [`M ${x2 - 4} ${y2 - 7} L ${x2} ${y2} L ${x2 + 4} ${y2 - 7}`, 'speaker-arc head'],
      );
    }
    return { arcs, lines };
  }

  private writeArcs({ arcs, lines }: { arcs: Arc[]; lines: [string, string][] }): void {
    this.drawn.arcs = arcs;
    if (!this.changed('arcs', lines.map(([d, cls]) => `${cls} ${d}`).join('\n'))) return;
    this.arcs.replaceChildren(
      ...lines.map(([d, cls]) => {
        const path = this.host.ownerDocument.createElementNS(SVG, 'path');
        path.setAttribute('d', d);
        path.setAttribute('class', cls);
        return path;
      }),
    );
  }

  /**
   * The tip by the pointer (`at`: in the layer's coordinates), a line per span under it; null hides it. Each line
   * runs left to right as the interface does, the span's own text isolated in it (Arabic stays in
   * order, and the offsets after it are not reordered around it).
   */
  private writeTip(lines: TipLine[] | null, at: { left: number; top: number } | null): void {
    if (!lines || lines.length === 0 || !at) {
      if (this.changed('tip', '')) this.tip.hidden = true;
      return;
    }
    const doc = this.host.ownerDocument;
    const left = at.left + 12;
    const top = at.top + 22;
    const said = lines.map((line) => `${line.head}\t${line.text}\t${line.tail}`).join('\n');
    if (!this.changed('tip', `${left} ${top}\n${said}`)) return;
    this.tip.replaceChildren(
      ...lines.map((line) => {
        const el = doc.createElement('div');
        el.dir = 'ltr';
        const text = doc.createElement('bdi');
        text.textContent = line.text;
        el.append(`${line.head} · `, text, ` · ${line.tail}`);
        return el;
      }),
    );
    this.tip.hidden = false;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
  }

  /** The layout changed: everything where the text lies now. */
  redraw(): void {
    const { bands, boxes, arcs } = this.drawn;
    this.drawBands(bands);
    this.drawBoxes(boxes);
    this.drawArcs(arcs);
  }

  dispose(): void {
    this.resize?.disconnect();
    this.host.ownerDocument.fonts?.removeEventListener('loadingdone', this.fontsLoaded);
    this.element.remove();
  }
}

function place(el: HTMLElement, left: number, top: number, width: number, height: number): void {
  // Through the CSSOM (the CSP forbids style attributes, not style properties).
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
}
