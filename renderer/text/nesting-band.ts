// Nested and crossing entities, drawn so each one's extent reads on its own (as brat and INCEpTION
// stack them): every entity that overlaps another gets an underline band of its label's colour in a
// lane of its own below the text; the outermost keeps its fill, the ones in lanes below lose theirs
// (two fills on the same letters blended into a colour no label has). Drawn just after the frame
// that paints a change, never in a keypress's task: after an edit only the lanes and bands of the
// paragraphs it changed (and of the entities running on from them); after an open or a scroll, of
// every entity drawn.
import type { HighlightItem, HighlightLayer } from './highlight-layer';
import type { Band, SpanOverlay } from './span-overlay';

/** Past the frame that paints a keypress (and the next keypress's, when typing fast). */
const NESTED_DELAY_MS = 150;

/** An entity drawn without fill: its band carries its colour (label-styles.ts leaves this name unstyled). */
export const INNER_HIGHLIGHT = 'tahrir-inner';

export interface LanedItem extends HighlightItem {
  /** 0 for the outermost, growing downward. */
  lane: number;
}

/**
 * The entities that overlap another one, each with a lane no entity overlapping it has (sweep by
 * start; ties: the longer one is the outer, so it gets the lower lane). Entities alone are left out.
 */
export function overlapLanes(items: readonly HighlightItem[]): LanedItem[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : 1));
  const active: LanedItem[] = [];
  const overlapping = new Set<LanedItem>();
  const all: LanedItem[] = [];
  for (const item of sorted) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= item.start) active.splice(i, 1);
    const taken = new Set(active.map((a) => a.lane));
    let lane = 0;
    while (taken.has(lane)) lane++;
    const laned: LanedItem = { ...item, lane };
    if (active.length > 0) {
      overlapping.add(laned);
      for (const a of active) overlapping.add(a);
    }
    active.push(laned);
    all.push(laned);
  }
  return all.filter((x) => overlapping.has(x));
}

export class NestingBand {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Cancels the update waiting for the keys to pause (see schedule). */
  private withEdits: (() => void) | null = null;
  /** Entities drawn without fill now, with the highlight name they had (their label's). */
  private readonly unfilled = new Map<string, string>();
  private laned: LanedItem[] = [];
  /** Every drawn entity laned again at the next update (a document opened, paragraphs came into view). */
  private whole = false;
  /** The paragraphs edits changed since the last update. */
  private readonly edited = new Set<number>();

  constructor(
    /** The entities' layer: a lane below the first has its fill taken off there, and given back when alone again. */
    private readonly entities: HighlightLayer,
    private readonly overlay: SpanOverlay | null,
    /** Each label's colour by highlight name (the band's colour). */
    private readonly colorOf: (highlightName: string) => string,
    /**
     * Takes the update when a keyboard edit's other writes wait for the keys to pause (returns its cancel), so the
     * lanes are drawn with them; null: not now (the update waits NESTED_DELAY_MS).
     */
    private readonly afterEdit?: (update: () => void) => (() => void) | null,
  ) {}

  /** Lanes again soon: of these paragraphs only (an edit's), or with none given of every entity drawn. */
  schedule(paragraphs?: Iterable<number>): void {
    if (paragraphs) for (const p of paragraphs) this.edited.add(p);
    else this.whole = true;
    if (this.timer || this.withEdits) return;
    // After a keyboard edit: with the side panel once the keys pause, in one burst of writes (one repaint).
    this.withEdits =
      this.afterEdit?.(() => {
        this.withEdits = null;
        this.update();
      }) ?? null;
    if (this.withEdits) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.update();
    }, NESTED_DELAY_MS);
  }

  /**
   * The lanes of the entities drawn now (only what is drawn: nesting is shown, not stored, and a long document draws a
   * few screens), or of those in the paragraphs edited.
   */
  private update(): void {
    // The layer's names with the fills taken off given back, so a changed entity counts with its label.
    const named = (i: HighlightItem): HighlightItem => {
      const was = this.unfilled.get(i.key);
      return i.name === INNER_HIGHLIGHT && was ? { ...i, name: was } : i;
    };
    const region = this.whole ? null : this.editedRegion();
    this.whole = false;
    this.edited.clear();
    if (region && region.size === 0) return;
    const fresh = overlapLanes((region ? this.entities.drawnIn(region) : this.entities.items(true)).map(named));
    const at = this.entities.paragraphAt;
    const inRegion = (x: LanedItem): boolean => {
      for (let i = at(x.start), last = at(x.end); i <= last; i++) if (region!.has(i)) return true;
      return false;
    };
    const gone = region ? new Set(this.laned.filter(inRegion).map((x) => x.key)) : null;
    this.laned = region ? [...this.laned.filter((x) => !inRegion(x)), ...fresh] : fresh;
    const inner = new Map(this.laned.filter((x) => x.lane > 0).map((x) => [x.key, x]));
    // Every item, drawn or not: one scrolled out of view gets its fill back too (it is laned again when drawn).
    // Looked up one by one: a map of all the layer's items was 50,000 entries made after every edit.
    for (const [key, name] of this.unfilled) {
      if (inner.has(key)) continue;
      const cur = this.entities.item(key);
      this.unfilled.delete(key);
      if (cur) this.entities.put(key, { ...cur, name });
    }
    for (const [key, item] of inner) {
      this.unfilled.set(key, item.name);
      this.entities.put(key, { start: item.start, end: item.end, name: INNER_HIGHLIGHT });
    }
    if (gone) this.overlay?.replaceBands(gone, this.bandsOf(fresh));
    else this.draw();
  }

  /**
   * The paragraphs edited, and those the entities drawn there run on into (the lanes of entities that overlap are
   * worked out together, and two that overlap share a paragraph).
   */
  private editedRegion(): Set<number> {
    const region = new Set(this.edited);
    const at = this.entities.paragraphAt;
    for (let grew = true; grew;) {
      grew = false;
      for (const item of this.entities.drawnIn(region))
        for (let i = at(item.start), last = at(item.end); i <= last; i++)
          if (!region.has(i)) {
            region.add(i);
            grew = true;
          }
    }
    return region;
  }

  private bandsOf(laned: readonly LanedItem[]): Band[] {
    return laned.map((x) => ({ ...x, color: this.colorOf(x.name) }));
  }

  /** The bands, where the text lies now (after a relayout too: a resize, the fonts). */
  draw(): void {
    this.overlay?.drawBands(this.bandsOf(this.laned));
  }

  /** Draw again where paragraphs came into view, left it or were re-rendered. */
  refresh(touches: (start: number, end: number) => boolean): void {
    if (this.laned.some((x) => touches(x.start, x.end))) this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.withEdits?.();
    this.withEdits = null;
    this.overlay?.drawBands([]);
  }
}
