// The exports running for one workspace: each a job with an id, its progress, summary or failure
// sent as events, cancelled on request or when the workspace closes.
import { randomUUID } from 'node:crypto';
import type { ExportRequest, TahrirEvent } from '../shared/api';
import { isTahrirError } from '../shared/errors';
import { checkExportDestination, runExport } from './export-job';
import { toTahrirError } from './io-error';

/** At most ~20 progress events a second over IPC/SSE (and always the last one). */
const PROGRESS_EVERY_MS = 50;

export class ExportJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly root: string,
    private readonly emit: (event: TahrirEvent) => void,
  ) {}

  /**
   * Starts an export to `request.out` (absolute); a destination that is taken is refused here, to the caller, before
   * any job starts.
   */
  async start(request: ExportRequest): Promise<{ jobId: string }> {
    const { out } = request;
    await checkExportDestination(this.root, request);
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    let last = 0;
    void runExport({
      root: this.root,
      request,
      signal: controller.signal,
      onProgress: (done, total, current) => {
        const now = Date.now();
        if (done !== total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        this.emit({ type: 'export-progress', jobId, done, total, current });
      },
    })
      .then(
        (summary) => this.emit({ type: 'export-finished', jobId, summary }),
        (e: unknown) =>
          this.emit({
            type: 'export-failed',
            jobId,
            error: (isTahrirError(e) ? e : toTahrirError(e, out, 'export')).toData(),
          }),
      )
      .finally(() => this.running.delete(jobId));
    return { jobId };
  }

  /** Cancels a running export (it then fails with code 'cancelled' and leaves nothing behind). */
  cancel(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  cancelAll(): void {
    for (const job of this.running.values()) job.abort();
  }
}
