// Highlights through the CSS Custom Highlight API: no element wraps any text. Each
// layer keeps a map key → ranges so a change touches only the spans that changed
// (adding one entity adds one range, whatever the document's size).

export interface HighlightItem {
  /** Stable key within the layer (a span id). */
  key: string;
  /** Highlight name (the `::highlight(name)` style). */
  name: string;
  /** Shown-text code points. */
  start: number;
  end: number;
}

/** Turns a shown-text span into DOM ranges, one per paragraph it crosses (none for paragraphs not rendered). */
export type RangeResolver = (start: number, end: number) => AbstractRange[];

const PRIORITY: Record<string, number> = {
  'tahrir-removed': 0,
  'tahrir-quote': 1,
  'tahrir-quote-indirect': 1,
  'tahrir-quote-unattributed': 1,
  'tahrir-bidi': 2,
  'tahrir-snap-preview': 4,
  'tahrir-search': 5,
  'tahrir-search-current': 6,
  'tahrir-selected': 7,
  'tahrir-flash': 8,
};
const ENTITY_PRIORITY = 3;

/** The page's highlight of this name, made and registered on first use. */
function registeredHighlight(name: string): Highlight {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = PRIORITY[name] ?? ENTITY_PRIORITY;
    CSS.highlights.set(name, h);
  }
  return h;
}

type Drawn = { name: string; start: number; end: number; ranges: AbstractRange[] };

export class HighlightLayer {
  private readonly current = new Map<string, Drawn>();
  /**
   * The page's highlights this layer drew into, by name: a plain Map lookup per span (the registry is the browser's, a
   * call into it each time).
   */
  private readonly highlights = new Map<string, Highlight>();
  /**
   * The items crossing each paragraph: a long document's scroll brings a few paragraphs near the
   * view at a time, and only their items are drawn again (a look at all 50,000 each time dropped frames).
   */
  private readonly byParagraph = new Map<number, Set<string>>();
  /** The keys of the items with Ranges now (near the view on a long document). */
  private readonly drawn = new Set<string>();

  constructor(
    private readonly resolve: RangeResolver,
    /** The paragraph holding a shown position. */
    readonly paragraphAt: (pos: number) => number,
  ) {}

  /** Makes the layer show exactly `items`, touching only what differs from last time. */
  sync(items: Iterable<HighlightItem>): void {
    if (this.current.size === 0) {
      // Drawing from nothing (a document just opened): no comparing, nothing to drop.
      for (const item of items) this.put(item.key, item);
      return;
    }
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.key);
      this.put(item.key, item);
    }
    for (const key of [...this.current.keys()]) if (!seen.has(key)) this.put(key, null);
  }

  /** Show one item (or none, with null) under `key`, leaving the others alone. */
  put(key: string, item: Omit<HighlightItem, 'key'> | null): void {
    const cur = this.current.get(key);
    if (item && cur && cur.name === item.name && cur.start === item.start && cur.end === item.end) return;
    if (cur) {
      this.drop(key, cur);
      this.current.delete(key);
      this.index(key, cur, false);
    }
    if (!item) return;
    const next: Drawn = { name: item.name, start: item.start, end: item.end, ranges: [] };
    this.current.set(key, next);
    this.index(key, next, true);
    this.draw(key, next);
  }

  /** What the layer shows now; with `drawnOnly`, just the items with Ranges (near the view on a long document). */
  items(drawnOnly = false): HighlightItem[] {
    const out: HighlightItem[] = [];
    for (const key of drawnOnly ? this.drawn : this.current.keys()) {
      const c = this.current.get(key)!;
      out.push({ key, name: c.name, start: c.start, end: c.end });
    }
    return out;
  }

  /** The items with Ranges crossing these paragraphs (what an edit there may have changed), each once. */
  drawnIn(paragraphs: Iterable<number>): HighlightItem[] {
    const keys = new Set<string>();
    for (const i of paragraphs) for (const key of this.byParagraph.get(i) ?? []) if (this.drawn.has(key)) keys.add(key);
    return [...keys].map((key) => this.item(key)!);
  }

  /** The item shown under `key`, if any. */
  item(key: string): HighlightItem | undefined {
    const c = this.current.get(key);
    return c && { key, name: c.name, start: c.start, end: c.end };
  }

  /** Forget every range (the paragraphs were re-rendered: old ranges point at gone text nodes). */
  clear(): void {
    for (const [key, cur] of this.current) this.drop(key, cur);
    this.current.clear();
    this.byParagraph.clear();
  }

  /** Draw again the items crossing these paragraphs (they came into view, left it or were re-rendered). */
  refresh(paragraphs: ReadonlySet<number>): void {
    const keys = new Set<string>();
    for (const i of paragraphs) for (const key of this.byParagraph.get(i) ?? []) keys.add(key);
    for (const key of keys) {
      const cur = this.current.get(key)!;
      this.drop(key, cur);
      this.draw(key, cur);
    }
  }

  private index(key: string, item: Drawn, add: boolean): void {
    const last = this.paragraphAt(item.end);
    for (let i = this.paragraphAt(item.start); i <= last; i++) {
      let keys = this.byParagraph.get(i);
      if (add) {
        if (!keys) this.byParagraph.set(i, (keys = new Set()));
        keys.add(key);
      } else if (keys) {
        keys.delete(key);
        if (keys.size === 0) this.byParagraph.delete(i);
      }
    }
  }

  private draw(key: string, item: Drawn): void {
    item.ranges = this.resolve(item.start, item.end);
    if (item.ranges.length === 0) return;
    const h = this.highlightNamed(item.name);
    for (const r of item.ranges) h.add(r);
    this.drawn.add(key);
  }

  private highlightNamed(name: string): Highlight {
    let h = this.highlights.get(name);
    if (!h) this.highlights.set(name, (h = registeredHighlight(name)));
    return h;
  }

  private drop(key: string, cur: Drawn): void {
    this.drawn.delete(key);
    const h = this.highlights.get(cur.name);
    if (h) for (const r of cur.ranges) h.delete(r);
    cur.ranges = [];
  }
}
