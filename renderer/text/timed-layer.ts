// A highlight layer drawn or cleared after a delay (the flash, the nesting band): one timer,
// redrawn where paragraphs change, and both gone when the document closes.
import type { HighlightLayer } from './highlight-layer';

export abstract class TimedLayer {
  protected timer: ReturnType<typeof setTimeout> | null = null;

  constructor(protected readonly layer: HighlightLayer) {}

  /** Draw again where paragraphs came into view, left it or were re-rendered. */
  refresh(touches: (start: number, end: number) => boolean): void {
    this.layer.refresh(touches);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.layer.clear();
  }
}
