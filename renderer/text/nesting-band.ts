// Entities inside another entity get a darker band, so nesting stays visible. Drawn just after
// the frame that paints a change (it looks at every entity drawn), never in a keypress's task.
import type { HighlightItem, HighlightLayer } from './highlight-layer';
import { TimedLayer } from './timed-layer';

/** Past the frame that paints a keypress (and the next keypress's, when typing fast). */
const NESTED_DELAY_MS = 150;

/** Entities lying inside another one (sweep by start; ties: the longer one is the outer). */
export function nestedItems(items: readonly HighlightItem[]): HighlightItem[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: HighlightItem[] = [];
  let reach = -1;
  for (const item of sorted) {
    if (item.end <= reach) out.push({ ...item, name: 'tahrir-nested' });
    reach = Math.max(reach, item.end);
  }
  return out;
}

export class NestingBand extends TimedLayer {
  constructor(
    layer: HighlightLayer,
    /**
     * The entity highlights drawn now (only what is drawn: nesting is shown, not stored, and a long document draws a
     * few screens).
     */
    private readonly drawn: () => HighlightItem[],
  ) {
    super(layer);
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.layer.sync(nestedItems(this.drawn()));
    }, NESTED_DELAY_MS);
  }
}
