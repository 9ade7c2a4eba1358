// Work on paragraphs that waits for the view to stop moving: each call while it moves puts it off again,
// and once the view has been still for a while the paragraphs gathered meanwhile are handed over at once,
// in an idle moment.
import { IdleWork } from './idle-work';

export class WhenStill {
  private readonly pending = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly idle = new IdleWork();
  /** Moved since the work last ran (with or without paragraphs: a scroll within the paragraphs near the view). */
  private due = false;

  constructor(
    /** Still: no paragraph came or went for this long. */
    private readonly stillMs: number,
    private readonly work: (paragraphs: ReadonlySet<number>) => void,
  ) {}

  /** These paragraphs came near the view or left it: the work waits until the view is still again. */
  moved(paragraphs: Iterable<number>): void {
    for (const i of paragraphs) this.pending.add(i);
    this.due = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.idle.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.idle.next(
        () => {
          const gathered = new Set(this.pending);
          this.pending.clear();
          this.due = false;
          this.work(gathered);
        },
        () => this.due,
      );
    }, this.stillMs);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.idle.cancel();
    this.pending.clear();
    this.due = false;
  }
}
