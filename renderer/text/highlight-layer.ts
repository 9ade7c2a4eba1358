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

export class HighlightLayer {
  private readonly current = new Map<string, { name: string; start: number; end: number; ranges: AbstractRange[] }>();
  /** The page's highlights this layer drew into, by name: a plain Map lookup per span (the registry is the browser's, a call into it each time). */
  private readonly highlights = new Map<string, Highlight>();

  constructor(private readonly resolve: RangeResolver) {}

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
      const cur = this.current.get(item.key);
      if (cur && cur.name === item.name && cur.start === item.start && cur.end === item.end) continue;
      if (cur) this.drop(cur);
      const ranges = this.resolve(item.start, item.end);
      const h = this.highlightNamed(item.name);
      for (const r of ranges) h.add(r);
      this.current.set(item.key, { name: item.name, start: item.start, end: item.end, ranges });
    }
    for (const [key, cur] of this.current) {
      if (seen.has(key)) continue;
      this.drop(cur);
      this.current.delete(key);
    }
  }

  /** Show one item (or none, with null) under `key`, leaving the others alone. */
  put(key: string, item: Omit<HighlightItem, 'key'> | null): void {
    const cur = this.current.get(key);
    if (item && cur && cur.name === item.name && cur.start === item.start && cur.end === item.end) return;
    if (cur) {
      this.drop(cur);
      this.current.delete(key);
    }
    if (!item) return;
    const ranges = this.resolve(item.start, item.end);
    const h = this.highlightNamed(item.name);
    for (const r of ranges) h.add(r);
    this.current.set(key, { name: item.name, start: item.start, end: item.end, ranges });
  }

  /** What the layer shows now; with `drawnOnly`, just the items with Ranges (near the view on a long document). */
  items(drawnOnly = false): HighlightItem[] {
    const out: HighlightItem[] = [];
    for (const [key, c] of this.current)
      if (!drawnOnly || c.ranges.length > 0) out.push({ key, name: c.name, start: c.start, end: c.end });
    return out;
  }

  /** Forget every range (the paragraphs were re-rendered: old ranges point at gone text nodes). */
  clear(): void {
    for (const cur of this.current.values()) this.drop(cur);
    this.current.clear();
  }

  /** Draw again the items `touches` picks (paragraphs they cross came into view, left it or were re-rendered). */
  refresh(touches: (start: number, end: number) => boolean): void {
    for (const cur of this.current.values()) {
      if (!touches(cur.start, cur.end)) continue;
      this.drop(cur);
      cur.ranges = this.resolve(cur.start, cur.end);
      const h = this.highlightNamed(cur.name);
      for (const r of cur.ranges) h.add(r);
    }
  }

  private highlightNamed(name: string): Highlight {
    let h = this.highlights.get(name);
    if (!h) this.highlights.set(name, (h = registeredHighlight(name)));
    return h;
  }

  private drop(cur: { name: string; ranges: AbstractRange[] }): void {
    const h = this.highlights.get(cur.name);
    if (h) for (const r of cur.ranges) h.delete(r);
  }
}
