// Keeps the document's highlights in step with the store: entities by label, quotes,
// the selected span, search results, flashes, bidi controls and (source view) removed
// text. Subscribes to the store directly, so a keypress's highlight is added in the
// same task as the keypress and painted in the next frame. What is near the view
// (near-view.ts), the nesting band, the flash, scrolling and hit-testing have files of their own.
import type { StoreApi } from 'zustand/vanilla';
import { sortedSpans, spanChanges } from '../../shared/document-data';
import type { Entity, Quote } from '../../shared/model';
import { shownSpanOf, shownText, type ShownText } from '../../shared/text-view';
import { session } from '../session/session';
import type { SpanRef, TahrirState } from '../session/state';
import { isBehind, withNextTell } from '../session/store';
import { searchMatches } from '../session/ui-actions';
import { shownToRanges, type ParagraphElements } from './dom-offsets';
import { Flash } from './flash';
import { HighlightLayer, type HighlightItem } from './highlight-layer';
import { spansAt, type ShownSpan } from './hit-test';
import { IdleWork } from './idle-work';
import { labelBandColor, labelHighlightName } from './label-styles';
import { NearView, ParagraphsInView } from './near-view';
import { NestingBand } from './nesting-band';
import { listenForScrollStart } from './scroll-start';
import { scrollToShown } from './scrolling';
import { SnapPreview } from './snap-preview';
import { SpanHover } from './span-hover';
import { SpanOverlay, type Box, type TipLine } from './span-overlay';
import { SpansNearView, type ItemOf, type SourceSpan, type SpanList } from './spans-near-view';
import { WhenStill } from './when-still';
import { quoteHighlightName, speakerLinks } from './speaker-links';

export type { ShownSpan } from './hit-test';

type Span = Entity | Quote;

/**
 * A long document's first paint draws the entities in this much of its top (a few screens); the rest follow when idle.
 */
const FIRST_DRAWN_CHARS = 20_000;
/** The view is taken as still this long after paragraphs last came near it or left (a scroll paused). */
const VIEW_STILL_MS = 150;
/**
 * A long document's many-span layers (the suggestions) are drawn in the paragraphs in view and this much of the view's
 * height above and below it, not in all those near it: every repaint (after any DOM write) paints the highlighted text
 * of a screen above and below the view too. In a trace of the keys bench, 381 of the 587 Ranges were suggestions out
 * of view, and a repaint took 4.4-4.8 ms without them against 8.3-9.4 ms with. None: a quarter screen (0.25) left 105
 * Ranges at the top of the 50,000-entity article where the view has 60; with the view's alone (and the side panel
 * painted apart) a delete's first frame painted 2.8 ms against 4.4 (p50, keys bench traces). A scroll gives the
 * entities near the view their Ranges back at once (untrim), before it shows them.
 */
const SPANS_VIEW_MARGIN = 0;
/** Entities drawn per idle moment at least (more while the moment lasts). */
const IDLE_SLICE = 200;

export class DocumentHighlights {
  private readonly entities: HighlightLayer;
  private readonly quotes: HighlightLayer;
  private readonly selected: HighlightLayer;
  private readonly search: HighlightLayer;
  private readonly marks: HighlightLayer;
  private readonly flash: Flash;
  /** Nested and crossing entities: a band each, in lanes below the text. */
  private readonly nesting: NestingBand;
  /** Bands, hover boxes, quote → speaker arcs: the positioned layer beside the text. */
  private readonly overlay: SpanOverlay | null;
  private readonly hover: SpanHover | null;
  private readonly snap: SnapPreview | null;
  /** The spans under the pointer now, innermost first. */
  private hovered: ShownSpan[] = [];
  /** Where the pointer was when they were found (client coordinates): the tip's place. */
  private pointer = { x: 0, y: 0 };
  private readonly unsubscribe: () => void;
  /** The session's store the highlights follow. */
  private readonly store: StoreApi<TahrirState> = session().store;
  /** Paragraphs near the view, on a long document: the only ones given Ranges (null: every paragraph). */
  private readonly near: NearView | null;
  /** Of those, the ones in the view or within SPANS_VIEW_MARGIN of it (see paragraphsInView). */
  private readonly inView: ParagraphsInView | null;
  private readonly resolve: (start: number, end: number) => AbstractRange[];
  private readonly extra = new Map<string, HighlightLayer>();
  /** Named layers of many spans (suggestions), items only near the view: see showSpansNearView. */
  private readonly nearSpans = new Map<string, SpansNearView<SourceSpan>>();
  /**
   * Those layers follow the view once it stops: a long document's suggestions (a dotted line under nearly every word)
   * drawn and dropped in each frame of a scroll were ~100 highlight changes a frame, each making the browser check
   * and repaint every highlight again (~6 ms of the page's thread a frame, and dropped frames).
   */
  private readonly nearSpansWhenStill = new WhenStill(VIEW_STILL_MS, (paragraphs) =>
    this.nearSpansFollowView(paragraphs),
  );
  private readonly idle = new IdleWork();
  /** The many-span layers follow a scroll within the paragraphs near the view too, once it stops. */
  private readonly scrolled = (): void => {
    if (this.nearSpans.size > 0) this.nearSpansWhenStill.moved([]);
    this.untrim();
  };
  /**
   * The view is still: only the paragraphs in it (or within SPANS_VIEW_MARGIN) have Ranges, not all of those near it
   * (see trim). The input that starts a scroll gives the others theirs back before the browser scrolls
   * (scroll-start.ts), and so does each scroll event; alone, that event came too late for a scroll's first frame: a
   * scroll made in a frame's own callback (the bench's, the e2e test's) is painted before its event comes (measured),
   * and one the browser makes on its own thread (a scroll bar dragged, a finger) shows what the page painted last.
   */
  private trimmed = false;
  private readonly trimWhenStill = new WhenStill(VIEW_STILL_MS, () => this.trim());
  /** A press that may start a scroll is down (on a scroll bar, a finger): no trim until it ends. */
  private pressed = false;
  private readonly stopHearingScrollStart: (() => void) | null;
  /** False while a long document's entities below its top wait for idle moments. */
  private allEntitiesDrawn = false;
  /** Cancels the overlay's marks waiting for the next paint (see speakerMarksAfterPaint). */
  private marksWaiting: (() => void) | null = null;

  constructor(
    private readonly shown: ShownText,
    private readonly elements: ParagraphElements,
    private readonly scrollRoot: Element | null = null,
    textRoot: HTMLElement | null = null,
  ) {
    this.near = NearView.of(shown, scrollRoot, (changed) => {
      this.watchInView(changed);
      this.redraw(changed);
      if (changed.size > 0) this.nesting.schedule();
    });
    // The many-span layers follow the paragraphs in view once it stops, as they follow those near it.
    this.inView =
      this.near && scrollRoot
        ? new ParagraphsInView(scrollRoot, SPANS_VIEW_MARGIN, (changed) => {
            if (this.nearSpans.size > 0) this.nearSpansWhenStill.moved(changed);
            // Trimmed, the paragraphs that came into the view (or left it) are drawn (or dropped) again.
            if (this.trimmed) this.refreshLayers(changed);
          })
        : null;
    const near = this.near?.paragraphs;
    const inView = this.inView?.paragraphs;
    // Near the view, and in it (or its margin) while the view is still and trimmed.
    const drawn = near && { has: (i: number) => near.has(i) && (!this.trimmed || !inView || inView.has(i)) };
    const resolve = (start: number, end: number): AbstractRange[] => shownToRanges(start, end, shown, elements, drawn);
    this.resolve = resolve;
    const paragraphAt = (pos: number): number => shown.paragraphAt(pos);
    this.entities = new HighlightLayer(resolve, paragraphAt);
    this.quotes = new HighlightLayer(resolve, paragraphAt);
    this.selected = new HighlightLayer(resolve, paragraphAt);
    this.search = new HighlightLayer(resolve, paragraphAt);
    this.flash = new Flash(new HighlightLayer(resolve, paragraphAt));
    this.marks = new HighlightLayer(resolve, paragraphAt);
    this.overlay = scrollRoot instanceof HTMLElement ? new SpanOverlay(scrollRoot, resolve, textRoot) : null;
    this.nesting = new NestingBand(
      this.entities,
      this.overlay,
      (name) => this.colorOf(name),
      (update) => (isBehind() ? withNextTell(update) : null),
    );
    this.hover = textRoot
      ? new SpanHover(
          textRoot,
          shown,
          (pos) => this.spansAt(pos),
          (spans, x, y) => this.hoverChanged(spans, x, y),
        )
      : null;
    this.snap = textRoot ? new SnapPreview(textRoot, shown, new HighlightLayer(resolve, paragraphAt)) : null;
    if (this.near) for (const [index, el] of elements) this.near.observe(index, el);
    this.near?.seed(scrollRoot);
    if (this.near) this.watchInView(this.near.paragraphs);
    if (this.near) scrollRoot?.addEventListener('scroll', this.scrolled, { passive: true });
    if (this.near && this.inView) this.trimWhenStill.moved([]);
    this.stopHearingScrollStart =
      this.near && this.inView && scrollRoot instanceof HTMLElement
        ? listenForScrollStart(
            scrollRoot,
            (held) => {
              this.pressed ||= held;
              this.untrim();
            },
            () => {
              this.pressed = false;
              this.trimWhenStill.moved([]);
            },
          )
        : null;
    this.syncMarks();
    this.sync(this.store.getState());
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (!this.isCurrent(s)) return; // the view re-renders and builds a new instance
      if (s.data !== prev.data || s.workspace !== prev.workspace) {
        if (s.data?.entities !== prev.data?.entities || s.workspace !== prev.workspace) this.syncEntities(s, prev);
        if (s.data?.quotes !== prev.data?.quotes) this.syncQuotes(s);
      }
      if (s.data !== prev.data || s.selected !== prev.selected) {
        this.syncSelected(s);
        this.speakerMarksAfterPaint();
      }
      if (s.search !== prev.search || s.data !== prev.data) this.syncSearch(s);
      if (s.flash !== prev.flash && s.flash) this.showFlash(s.flash);
    });
  }

  /** The layers whose Ranges follow the paragraphs (the flash and the nesting band are redrawn with them too). */
  private layers(): HighlightLayer[] {
    return [this.entities, this.quotes, this.selected, this.search, this.marks, ...this.extra.values()];
  }

  /** Resolve again the items crossing these paragraphs (each layer knows its items by paragraph). */
  private redraw(paragraphs: ReadonlySet<number>): void {
    if (paragraphs.size === 0) return;
    this.refreshLayers(paragraphs);
    if (this.nearSpans.size > 0) {
      // What left the view goes at once (it is out of sight); only what came near waits for the view to stop. The
      // browser goes over every registered Range of every highlight each time one changes (each frame of a scroll):
      // a screen's suggestions left behind at the top cost the whole scroll through a long document (~3× the
      // paint time of a frame, in a trace).
      const left = new Set<number>();
      if (this.near) for (const i of paragraphs) if (!this.near.has(i)) left.add(i);
      if (left.size > 0) for (const spans of this.nearSpans.values()) spans.layer.refresh(left);
      this.nearSpansWhenStill.moved(paragraphs);
    }
  }

  /** The layers' items crossing these paragraphs drawn again (the flash and the nesting band's lanes with them). */
  private refreshLayers(paragraphs: ReadonlySet<number>): void {
    if (paragraphs.size === 0) return;
    for (const layer of this.layers()) layer.refresh(paragraphs);
    this.flash.refresh(paragraphs);
    this.nesting.refresh((start, end) => {
      const last = this.shown.paragraphAt(end);
      for (let i = this.shown.paragraphAt(start); i <= last; i++) if (paragraphs.has(i)) return true;
      return false;
    });
  }

  /** The paragraphs near the view but not in it (nor within its margin): what a still view leaves without Ranges. */
  private nearOutOfView(): Set<number> {
    const out = new Set<number>();
    const inView = this.inView?.paragraphs;
    if (this.near && inView) for (const i of this.near.paragraphs) if (!inView.has(i)) out.add(i);
    return out;
  }

  /**
   * The view is still: the Ranges of the paragraphs near it but out of it go. Any DOM write after an edit repaints all
   * the highlighted text that has Ranges, in view or not: at 50,000 entities the top of the document had 243 Ranges,
   * 70 of them in the view or its margin, and a DOM write's Paint took 14.4 ms with all of them, 5.5-6.1 ms with those
   * 70 (load 7-8).
   */
  private trim(): void {
    if (this.trimmed || this.pressed || !this.near || !this.inView) return;
    this.trimmed = true;
    this.refreshLayers(this.nearOutOfView());
  }

  /** The view moves: every paragraph near it has its Ranges again, before the scroll brings them into view. */
  private untrim(): void {
    if (!this.near || !this.inView) return;
    if (this.trimmed) {
      this.trimmed = false;
      this.refreshLayers(this.nearOutOfView());
    }
    this.trimWhenStill.moved([]);
  }

  /**
   * Extension point for other panels (e.g. cleanup suggestions previewed struck through as
   * 'tahrir-preview-removed'): a named layer of shown-text items, kept until replaced.
   */
  setExtraHighlights(layer: string, items: HighlightItem[]): void {
    let target = this.extra.get(layer);
    if (!target)
      this.extra.set(layer, (target = new HighlightLayer(this.resolve, (pos) => this.shown.paragraphAt(pos))));
    target.sync(items);
  }

  /** The items of the many-span layers crossing these paragraphs drawn again, the near paragraphs' spans made items. */
  private nearSpansFollowView(paragraphs: ReadonlySet<number>): void {
    for (const spans of this.nearSpans.values()) {
      spans.layer.refresh(paragraphs);
      spans.update();
    }
  }

  /**
   * A named layer of many source spans, by start (a long document's suggestions, up to 100,000): only those in the
   * paragraphs near the view are drawn, found by binary search, as the list changes and the view moves. `longest`:
   * the length of the longest span, or more.
   */
  showSpansNearView<T extends SourceSpan>(layer: string, spans: SpanList<T>, itemOf: ItemOf<T>, longest: number): void {
    let target = this.nearSpans.get(layer) as SpansNearView<T> | undefined;
    if (!target) {
      const highlights = new HighlightLayer(this.resolve, (pos) => this.shown.paragraphAt(pos));
      target = new SpansNearView<T>(this.shown, highlights, () => this.paragraphsInView());
      this.nearSpans.set(layer, target as unknown as SpansNearView<SourceSpan>);
    }
    target.show(spans, itemOf, longest);
  }

  /**
   * The paragraphs near the view that are in it, or within SPANS_VIEW_MARGIN of it (null: every paragraph, a document
   * of ordinary length), as the IntersectionObserver last said: never read from the layout, which an edit's task has
   * just changed (reading it there laid the page out again).
   */
  private paragraphsInView(): ReadonlySet<number> | null {
    const near = this.near?.paragraphs;
    if (!near || !this.inView) return near ?? null;
    return this.inView.paragraphs;
  }

  /** The paragraphs near the view watched for being in it, the others no longer. */
  private watchInView(paragraphs: Iterable<number>): void {
    if (!this.inView || !this.near) return;
    for (const i of paragraphs) {
      const el = this.elements.get(i);
      if (this.near.has(i) && el) this.inView.watch(i, el);
      else if (!this.near.has(i)) this.inView.unwatch(i);
    }
  }

  /** A paragraph was mounted after the highlights were drawn (rendered in a later batch, or again). */
  paragraphMounted(index: number): void {
    const el = this.elements.get(index);
    if (!this.shown.paragraphs[index] || !el) return;
    // Rendered late in a block already near the view, or rendered again (old Ranges point at gone text).
    if (this.near?.has(index)) this.redraw(new Set([index]));
    this.near?.observe(index, el);
    this.watchInView([index]);
  }

  dispose(): void {
    this.idle.cancel();
    this.nearSpansWhenStill.cancel();
    this.trimWhenStill.cancel();
    this.marksWaiting?.();
    this.near?.dispose();
    this.inView?.dispose();
    this.scrollRoot?.removeEventListener('scroll', this.scrolled);
    this.stopHearingScrollStart?.();
    for (const layer of this.extra.values()) layer.clear();
    for (const spans of this.nearSpans.values()) spans.layer.clear();
    this.unsubscribe();
    this.flash.dispose();
    this.nesting.dispose();
    this.hover?.dispose();
    this.snap?.dispose();
    this.overlay?.dispose();
    for (const layer of [this.entities, this.quotes, this.selected, this.search, this.marks]) layer.clear();
  }

  private isCurrent(s: TahrirState): boolean {
    return !!s.doc && !!s.data && shownText(s.doc.source, s.data.edits, s.view) === this.shown;
  }

  private sync(s: TahrirState): void {
    if (!this.isCurrent(s)) return;
    this.syncEntities(s);
    this.syncQuotes(s);
    this.syncSelected(s);
    this.syncSearch(s);
    this.syncSpeakerMarks(s);
  }

  /** Where a span shows (cached per span object: spans are immutable). */
  shownSpan(span: Span): { start: number; end: number } | null {
    return shownSpanOf(this.shown, span);
  }

  /** An entity's highlight item (null when it does not show: inside removed text, or orphaned). */
  private entityItem(s: TahrirState): (e: Entity) => HighlightItem | null {
    const labels = s.workspace?.config.labels ?? [];
    const index = new Map(labels.map((l, i) => [l.name, i]));
    return (e) => {
      const r = this.shownSpan(e);
      return r ? { key: e.id, name: labelHighlightName(index.get(e.label) ?? -1), ...r } : null;
    };
  }

  private syncEntities(s: TahrirState, prev?: TahrirState): void {
    const item = this.entityItem(s);
    const next = s.data?.entities ?? {};
    const before = prev?.data?.entities;
    if (before && prev?.workspace === s.workspace) {
      // A keypress changes one entity: touch only what changed (known without scanning every entity),
      // and lane again only the paragraphs it was and is in.
      const { put, removed } = spanChanges(before, next);
      const paragraphs = new Set<number>();
      const touched = (id: string) => {
        const was = this.entities.item(id);
        if (was)
          for (let i = this.shown.paragraphAt(was.start); i <= this.shown.paragraphAt(was.end); i++) paragraphs.add(i);
      };
      for (const e of put as Entity[]) {
        touched(e.id);
        this.entities.put(e.id, item(e));
        touched(e.id);
      }
      for (const id of removed) {
        touched(id);
        this.entities.put(id, null);
      }
      this.nesting.schedule(paragraphs);
      return;
    }
    if (this.near !== null && !prev && !this.allEntitiesDrawn) {
      // A long document opening: the entities at its top first (what the first paint can show),
      // the rest a slice at a time while the page is idle.
      const sorted = sortedSpans(next);
      const sourceLimit = this.shown.toSource(Math.min(this.shown.text.length, FIRST_DRAWN_CHARS), 'end');
      const items: HighlightItem[] = [];
      let i = 0;
      for (; i < sorted.length && sorted[i].start <= sourceLimit; i++) {
        const it = item(sorted[i]);
        if (it) items.push(it);
      }
      this.entities.sync(items);
      this.drawRestWhenIdle(sorted, i);
    } else {
      const items: HighlightItem[] = [];
      for (const e of Object.values(next)) {
        const it = item(e);
        if (it) items.push(it);
      }
      this.entities.sync(items);
      this.allEntitiesDrawn = true;
    }
    this.nesting.schedule();
  }

  /**
   * Puts `sorted[from…]`, as many per idle moment as fit in it, so no task after the first paint
   * is long (10,000 entities in one go took ~150 ms). A keypress meanwhile puts what it changed
   * itself: an entity no longer in the record as listed here is skipped.
   */
  private drawRestWhenIdle(sorted: readonly Entity[], from: number): void {
    let i = from;
    const stillWanted = () => this.isCurrent(this.store.getState());
    const slice = (deadline: IdleDeadline | null) => {
      const s = this.store.getState();
      const current = s.data?.entities ?? {};
      const item = this.entityItem(s);
      const stop = deadline ? () => deadline.timeRemaining() < 2 : () => false;
      const end = Math.min(sorted.length, i + (deadline ? sorted.length : IDLE_SLICE));
      for (let n = 0; i < end && (n < IDLE_SLICE || !stop()); i++, n++) {
        const e = sorted[i];
        if (current[e.id] === e) this.entities.put(e.id, item(e));
      }
      if (i < sorted.length) this.idle.next(slice, stillWanted);
      else {
        this.allEntitiesDrawn = true;
        this.nesting.schedule();
      }
    };
    if (i < sorted.length) this.idle.next(slice, stillWanted);
    else this.allEntitiesDrawn = true;
  }

  private syncQuotes(s: TahrirState): void {
    const items: HighlightItem[] = [];
    for (const q of Object.values(s.data?.quotes ?? {})) {
      const r = this.shownSpan(q);
      if (r) items.push({ key: q.id, name: quoteHighlightName(q), ...r });
    }
    this.quotes.sync(items);
  }

  private spanOf(s: TahrirState, ref: SpanRef): Span | undefined {
    if (!s.data) return undefined;
    return ref.kind === 'entity' ? s.data.entities[ref.id] : ref.kind === 'quote' ? s.data.quotes[ref.id] : undefined;
  }

  private syncSelected(s: TahrirState): void {
    const span = s.selected ? this.spanOf(s, s.selected) : undefined;
    const r = span ? this.shownSpan(span) : null;
    this.selected.sync(
      r && s.selected ? [{ key: `${s.selected.kind}:${s.selected.id}`, name: 'tahrir-selected', ...r }] : [],
    );
  }

  private syncSearch(s: TahrirState): void {
    const matches = s.search.open ? searchMatches() : [];
    this.search.sync(
      matches.map((m, i) => ({
        key: String(i),
        name: i === s.search.current ? 'tahrir-search-current' : 'tahrir-search',
        ...m,
      })),
    );
    const current = matches[s.search.current];
    if (current) scrollToShown(current.start);
  }

  /** Bidi controls always; removed text when the source is shown. */
  private syncMarks(): void {
    const items: HighlightItem[] = [];
    for (const p of this.shown.paragraphs) {
      for (const at of p.bidi)
        items.push({ key: `bidi:${p.start + at}`, name: 'tahrir-bidi', start: p.start + at, end: p.start + at + 1 });
    }
    const s = this.store.getState();
    if (this.shown.view === 'source' && s.data) {
      for (const e of Object.values(s.data.edits))
        if (e.end > e.start) items.push({ key: `edit:${e.id}`, name: 'tahrir-removed', start: e.start, end: e.end });
    }
    this.marks.sync(items);
  }

  private showFlash(ref: SpanRef): void {
    const span = this.spanOf(this.store.getState(), ref);
    const r = span ? this.shownSpan(span) : null;
    if (!r) return;
    scrollToShown(r.start);
    this.flash.show(r);
  }

  /** A label's colour by its highlight name (a band's colour). */
  private colorOf(highlightName: string): string {
    const labels = this.store.getState().workspace?.config.labels ?? [];
    const i = Number(/^tahrir-label-(\d+)$/.exec(highlightName)?.[1] ?? -1);
    return labelBandColor(labels[i] ? i : -1);
  }

  /** The pointer moved onto other spans: the innermost's extent boxed, the tip listing them all, its speaker marked. */
  private hoverChanged(spans: ShownSpan[], clientX: number, clientY: number): void {
    this.hovered = spans;
    this.pointer = { x: clientX, y: clientY };
    this.syncSpeakerMarks(this.store.getState());
  }

  /** One line of the hover's tip: what the span is, its text, its source offsets. */
  private describe(s: TahrirState, h: ShownSpan): TipLine {
    const span = this.spanOf(s, h.ref);
    if (!span) return { head: '', text: '', tail: '' };
    const text = Array.from(span.text);
    const shortText = text.length > 48 ? `${text.slice(0, 47).join('')}…` : span.text;
    const where = `${span.start}–${span.end}`;
    if (h.ref.kind === 'entity') return { head: (span as Entity).label, text: shortText, tail: where };
    const q = span as Quote;
    const speaker = q.speaker ? s.data?.entities[q.speaker]?.text : q.speakerName;
    return { head: 'QUOTE', text: shortText, tail: `${where} · ${speaker ? `speaker: ${speaker}` : 'no speaker yet'}` };
  }

  /**
   * The spans in focus (selected, or under the pointer) and their relations: the hovered span's
   * extent boxed; a quote's speaker, or an entity's quotes, boxed and joined by an arc.
   */
  private syncSpeakerMarks(s: TahrirState): void {
    if (!this.overlay || !s.data) return;
    // The tip again too: what it says may have changed under the pointer (a speaker chosen, a relabel).
    const lines = this.hovered.filter((h) => this.spanOf(s, h.ref)).map((h) => this.describe(s, h));
    const boxes: Box[] = [];
    const inner = this.hovered[0];
    if (inner) {
      const span = this.spanOf(s, inner.ref);
      const color =
        inner.ref.kind === 'entity' && span ? this.colorOf(this.entityItem(s)(span as Entity)?.name ?? '') : undefined;
      boxes.push({ start: inner.start, end: inner.end, kind: 'hover', color });
    }
    const links = speakerLinks(s.data, [s.selected, inner?.ref]);
    const arcs = [];
    for (const link of links) {
      const quote = this.shownSpan(link.quote);
      const speaker = this.shownSpan(link.speaker);
      if (!quote || !speaker) continue;
      boxes.push({ ...speaker, kind: 'speaker' }, { ...quote, kind: 'spoken' });
      arcs.push({ from: quote, to: speaker });
    }
    const tip = lines.length ? { lines, clientX: this.pointer.x, clientY: this.pointer.y } : null;
    this.overlay.drawMarks(tip, boxes, arcs);
  }

  /**
   * The marks again once the change is painted: they measure the text's layout (a forced layout of a
   * long document, ~10-90 ms at 50,000 entities), so not in a keypress's task; a delete and the
   * selection it clears are drawn once. After a keyboard edit, with the side panel once the keys pause
   * (withNextTell): any DOM write repaints all the highlighted text, so one burst of writes, not two.
   */
  private speakerMarksAfterPaint(): void {
    if (this.marksWaiting) return;
    // Measured first of what is written then: the text's layout is still the one the key's first frame laid out.
    this.marksWaiting = withNextTell(() => {
      this.marksWaiting = null;
      this.syncSpeakerMarks(this.store.getState());
    }, true);
  }

  /** Spans under a shown position, innermost first (a click selects the first; clicking again cycles). */
  spansAt(pos: number): ShownSpan[] {
    const data = this.store.getState().data;
    return data ? spansAt(data, this.shown, pos) : [];
  }
}
