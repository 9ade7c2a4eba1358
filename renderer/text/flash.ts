// A span chosen in the side panel flashes for a moment where it is in the text.
import { TimedLayer } from './timed-layer';

const FLASH_MS = 1200;

export class Flash extends TimedLayer {
  show(range: { start: number; end: number }): void {
    this.layer.sync([{ key: 'flash', name: 'tahrir-flash', ...range }]);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.layer.sync([]), FLASH_MS);
  }
}
