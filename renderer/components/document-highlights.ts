// Keeps the document's highlights in step with the store: entities by label, quotes,
// the selected span, search results, flashes, bidi controls and (source view) removed
// text. Subscribes to the store directly, so a keypress's highlight is added in the
// same task as the keypress and painted in the next frame.
import type { Entity, Quote } from '../../shared/model';
import { sortedSpans, spanChanges } from '../../shared/document-data';
import { session } from '../store/session';
import type { SpanRef, TahrirState } from '../store/state';
import type { StoreApi } from 'zustand/vanilla';
import { shownSpanOf, shownText, type ShownText } from '../../shared/text-view';
import { searchMatches } from '../store/ui-actions';
import { shownToRanges, type ParagraphElements } from './dom-offsets';
import { HighlightLayer, type HighlightItem } from './highlight-layer';
import { labelHighlightName } from './label-styles';
import { paragraphElementAt } from './text-surface';

type Span = Entity | Quote;

/** A long document's first paint draws the entities in this much of its top (a few screens); the rest follow when idle. */
const FIRST_DRAWN_CHARS = 20_000;
/** Entities drawn per idle moment at least (more while the moment lasts). */
const IDLE_SLICE = 200;

/** Past this many characters, only paragraphs near the view get Ranges (a news article is far shorter). */
const LONG_DOCUMENT_CHARS = 50_000;

function isLongDocument(shown: ShownText): boolean {
  return shown.text.length > LONG_DOCUMENT_CHARS;
}

export interface ShownSpan {
  ref: SpanRef;
  start: number;
  end: number;
}

const FLASH_MS = 1200;
/** Past the frame that paints a keypress (and the next keypress's, when typing fast). */
const NESTED_DELAY_MS = 150;

/** Entities lying inside another one (sweep by start; ties: the longer one is the outer). */
function nestedItems(items: readonly HighlightItem[]): HighlightItem[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: HighlightItem[] = [];
  let reach = -1;
  for (const item of sorted) {
    if (item.end <= reach) out.push({ ...item, name: 'tahrir-nested' });
    reach = Math.max(reach, item.end);
  }
  return out;
}

export class DocumentHighlights {
  private readonly entities: HighlightLayer;
  private readonly quotes: HighlightLayer;
  private readonly selected: HighlightLayer;
  private readonly search: HighlightLayer;
  private readonly flash: HighlightLayer;
  private readonly marks: HighlightLayer;
  /** Entities inside another entity get a darker band, so nesting stays visible. */
  private readonly nested: HighlightLayer;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: () => void;
  /** The session's store the highlights follow. */
  private readonly store: StoreApi<TahrirState> = session().store;

  /**
   * Paragraphs near the view (one screen above and below): the only ones given Ranges.
   * A long document has thousands of paragraphs and spans; the browser then repaints and
   * re-checks only the few hundred Ranges it can show, on open and on every keypress.
   * Null for documents of ordinary length (or without IntersectionObserver): every paragraph.
   */
  private readonly near: Set<number> | null;
  private readonly observer: IntersectionObserver | null;
  /** The blocks of paragraphs watched (DocumentView renders paragraphs in blocks), with their paragraphs [first, end). */
  private readonly observed = new Map<Element, { first: number; end: number }>();

  constructor(
    private readonly shown: ShownText,
    private readonly elements: ParagraphElements,
    scrollRoot: Element | null = null,
  ) {
    const hasObserver = typeof IntersectionObserver !== 'undefined' && isLongDocument(shown);
    this.near = hasObserver ? new Set() : null;
    this.observer = hasObserver ? new IntersectionObserver((entries) => this.nearChanged(entries), { root: scrollRoot, rootMargin: '100% 0px' }) : null;
    const resolve = (start: number, end: number): AbstractRange[] => shownToRanges(start, end, shown, elements, this.near ?? undefined);
    this.entities = new HighlightLayer(resolve);
    this.quotes = new HighlightLayer(resolve);
    this.selected = new HighlightLayer(resolve);
    this.search = new HighlightLayer(resolve);
    this.flash = new HighlightLayer(resolve);
    this.marks = new HighlightLayer(resolve);
    this.nested = new HighlightLayer(resolve);
    this.resolve = resolve;
    for (const [index, el] of elements) this.observe(index, el);
    this.seedNear(scrollRoot);
    this.syncMarks();
    this.sync(this.store.getState());
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (!this.isCurrent(s)) return; // the view re-renders and builds a new instance
      if (s.data !== prev.data || s.workspace !== prev.workspace) {
        if (s.data?.entities !== prev.data?.entities || s.workspace !== prev.workspace) this.syncEntities(s, prev);
        if (s.data?.quotes !== prev.data?.quotes) this.syncQuotes(s);
      }
      if (s.data !== prev.data || s.selected !== prev.selected) this.syncSelected(s);
      if (s.search !== prev.search || s.data !== prev.data) this.syncSearch(s);
      if (s.flash !== prev.flash && s.flash) this.showFlash(s.flash);
    });
  }

  private readonly resolve: (start: number, end: number) => AbstractRange[];

  private layers(): HighlightLayer[] {
    return [this.entities, this.quotes, this.selected, this.search, this.flash, this.marks, this.nested, ...this.extra.values()];
  }

  /** Watches the block holding paragraph `index` (once per block). */
  private observe(index: number, el: Element): void {
    if (!this.observer) return;
    const block = el.parentElement;
    // Not in a block of paragraphs: the paragraph is watched alone.
    const inBlock = block?.dataset.first !== undefined && block.dataset.end !== undefined;
    const target = inBlock ? block! : el;
    if (this.observed.has(target)) return;
    this.observed.set(target, inBlock ? { first: Number(block!.dataset.first), end: Number(block!.dataset.end) } : { first: index, end: index + 1 });
    this.observer.observe(target);
  }

  /**
   * The observer first reports after a frame has been drawn: without this, a long document's first
   * frame would show no highlight. The blocks within a screen of the view now are taken as near at
   * once (one layout, which that frame needs anyway); the observer's first report corrects it.
   */
  private seedNear(scrollRoot: Element | null): void {
    if (!this.near) return;
    const view = (scrollRoot ?? document.documentElement).getBoundingClientRect();
    for (const [target, block] of this.observed) {
      const box = target.getBoundingClientRect();
      if (box.bottom < view.top - view.height || box.top > view.bottom + view.height) continue;
      for (let index = block.first; index < block.end; index++) this.near.add(index);
    }
  }

  /** Blocks of paragraphs came near the view or left it: draw or drop the Ranges of the spans crossing them. */
  private nearChanged(entries: IntersectionObserverEntry[]): void {
    if (!this.near) return;
    const changed = new Set<number>();
    for (const entry of entries) {
      const block = this.observed.get(entry.target);
      if (!block) continue;
      for (let index = block.first; index < block.end; index++) {
        if (entry.isIntersecting === this.near.has(index)) continue;
        if (entry.isIntersecting) this.near.add(index);
        else this.near.delete(index);
        changed.add(index);
      }
    }
    this.redraw(changed);
    if (changed.size > 0) this.scheduleNested();
  }

  /** Resolve again the items crossing these paragraphs. */
  private redraw(paragraphs: ReadonlySet<number>): void {
    if (paragraphs.size === 0) return;
    // Most items lie far from the paragraphs that changed: ruled out by two comparisons.
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of paragraphs) {
      const p = this.shown.paragraphs[i];
      if (!p) continue;
      lo = Math.min(lo, p.start);
      hi = Math.max(hi, p.end);
    }
    const touches = (start: number, end: number): boolean => {
      if (end < lo || start > hi) return false;
      const last = this.shown.paragraphAt(end);
      for (let i = this.shown.paragraphAt(start); i <= last; i++) if (paragraphs.has(i)) return true;
      return false;
    };
    for (const layer of this.layers()) layer.refresh(touches);
  }

  private readonly extra = new Map<string, HighlightLayer>();

  /**
   * Extension point for other panels (e.g. cleanup suggestions previewed struck through as
   * 'tahrir-preview-removed'): a named layer of shown-text items, kept until replaced.
   */
  setExtraHighlights(layer: string, items: HighlightItem[]): void {
    let target = this.extra.get(layer);
    if (!target) this.extra.set(layer, (target = new HighlightLayer(this.resolve)));
    target.sync(items);
  }

  /** A paragraph was mounted after the highlights were drawn (rendered in a later batch, or again). */
  paragraphMounted(index: number): void {
    const el = this.elements.get(index);
    if (!this.shown.paragraphs[index] || !el) return;
    // Rendered late in a block already near the view, or rendered again (old Ranges point at gone text).
    if (this.near?.has(index)) this.redraw(new Set([index]));
    this.observe(index, el);
  }

  dispose(): void {
    if (this.idleHandle !== null) (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout)(this.idleHandle);
    this.observer?.disconnect();
    for (const layer of this.extra.values()) layer.clear();
    this.unsubscribe();
    if (this.flashTimer) clearTimeout(this.flashTimer);
    if (this.nestedTimer) clearTimeout(this.nestedTimer);
    for (const layer of [this.entities, this.quotes, this.selected, this.search, this.flash, this.marks, this.nested]) layer.clear();
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
      // A keypress changes one entity: touch only what changed (known without scanning every entity).
      const { put, removed } = spanChanges(before, next);
      for (const e of put as Entity[]) this.entities.put(e.id, item(e));
      for (const id of removed) this.entities.put(id, null);
    } else if (this.near !== null && !prev && !this.allEntitiesDrawn) {
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
    this.scheduleNested();
  }

  private idleHandle: number | null = null;
  /** False while a long document's entities below its top wait for idle moments. */
  private allEntitiesDrawn = false;

  /**
   * Puts `sorted[from…]`, as many per idle moment as fit in it, so no task after the first paint
   * is long (10,000 entities in one go took ~150 ms). A keypress meanwhile puts what it changed
   * itself: an entity no longer in the record as listed here is skipped.
   */
  private drawRestWhenIdle(sorted: readonly Entity[], from: number): void {
    let i = from;
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
      if (i < sorted.length) this.whenIdle(slice);
      else {
        this.allEntitiesDrawn = true;
        this.scheduleNested();
      }
    };
    if (i < sorted.length) this.whenIdle(slice);
    else this.allEntitiesDrawn = true;
  }

  private whenIdle(work: (deadline: IdleDeadline | null) => void): void {
    const run = (deadline?: IdleDeadline) => {
      this.idleHandle = null;
      if (this.isCurrent(this.store.getState())) work(deadline ?? null);
    };
    this.idleHandle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 300 }) : (setTimeout(run, 50) as unknown as number);
  }

  private nestedTimer: ReturnType<typeof setTimeout> | null = null;

  /** The nesting band follows just after the frame that paints the change (it looks at every entity). */
  private scheduleNested(): void {
    if (this.nestedTimer) return;
    this.nestedTimer = setTimeout(() => {
      this.nestedTimer = null;
      // Only what is drawn: nesting is shown, not stored, and a long document draws a few screens.
      this.nested.sync(nestedItems(this.entities.items(true)));
    }, NESTED_DELAY_MS);
  }

  private syncQuotes(s: TahrirState): void {
    const items: HighlightItem[] = [];
    for (const q of Object.values(s.data?.quotes ?? {})) {
      const r = this.shownSpan(q);
      if (r) items.push({ key: q.id, name: q.kind === 'indirect' ? 'tahrir-quote-indirect' : 'tahrir-quote', ...r });
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
    this.selected.sync(r && s.selected ? [{ key: `${s.selected.kind}:${s.selected.id}`, name: 'tahrir-selected', ...r }] : []);
  }

  private syncSearch(s: TahrirState): void {
    const matches = s.search.open ? searchMatches() : [];
    this.search.sync(
      matches.map((m, i) => ({ key: String(i), name: i === s.search.current ? 'tahrir-search-current' : 'tahrir-search', ...m })),
    );
    const current = matches[s.search.current];
    if (current) this.scrollTo(current.start);
  }

  /** Bidi controls always; removed text when the source is shown. */
  private syncMarks(): void {
    const items: HighlightItem[] = [];
    for (const p of this.shown.paragraphs) {
      for (const at of p.bidi) items.push({ key: `bidi:${p.start + at}`, name: 'tahrir-bidi', start: p.start + at, end: p.start + at + 1 });
    }
    const s = this.store.getState();
    if (this.shown.view === 'source' && s.data) {
      for (const e of Object.values(s.data.edits)) if (e.end > e.start) items.push({ key: `edit:${e.id}`, name: 'tahrir-removed', start: e.start, end: e.end });
    }
    this.marks.sync(items);
  }

  private showFlash(ref: SpanRef): void {
    const span = this.spanOf(this.store.getState(), ref);
    const r = span ? this.shownSpan(span) : null;
    if (!r) return;
    this.scrollTo(r.start);
    this.flash.sync([{ key: 'flash', name: 'tahrir-flash', ...r }]);
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.flash.sync([]), FLASH_MS);
  }

  private scrollTo(pos: number): void {
    const el = paragraphElementAt(pos);
    if (!el) return;
    const box = el.getBoundingClientRect();
    const pane = el.closest('.document-scroll')?.getBoundingClientRect();
    if (pane && box.top >= pane.top && box.bottom <= pane.bottom) return;
    el.scrollIntoView({ block: 'center' });
  }

  /** Spans under a shown position, innermost first (a click selects the first; clicking again cycles). */
  spansAt(pos: number): ShownSpan[] {
    const s = this.store.getState();
    if (!s.data) return [];
    const out: ShownSpan[] = [];
    const consider = (kind: 'entity' | 'quote', span: Span): void => {
      const r = this.shownSpan(span);
      if (r && r.start <= pos && pos <= r.end) out.push({ ref: { kind, id: span.id }, ...r });
    };
    for (const e of Object.values(s.data.entities)) consider('entity', e);
    for (const q of Object.values(s.data.quotes)) consider('quote', q);
    // Strictly inside before touching at an edge; then the shortest.
    const edge = (x: ShownSpan): number => (x.start <= pos && pos < x.end ? 0 : 1);
    return out.sort((a, b) => edge(a) - edge(b) || a.end - a.start - (b.end - b.start));
  }
}
