// A span chosen in the side panel flashes for a moment where it is in the text.
import type { HighlightLayer } from './highlight-layer';

const FLASH_MS = 1200;

export class Flash {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly layer: HighlightLayer) {}

  show(range: { start: number; end: number }): void {
    this.layer.sync([{ key: 'flash', name: 'tahrir-flash', ...range }]);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.layer.sync([]), FLASH_MS);
  }

  /** Draw again where paragraphs came into view, left it or were re-rendered. */
  refresh(paragraphs: ReadonlySet<number>): void {
    this.layer.refresh(paragraphs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.layer.clear();
  }
}
