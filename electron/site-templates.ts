// A workspace's site templates for the editor's suggestions: counted in the background from the
// first suggestion on (a 10,000-article workspace takes seconds to count the first time, then
// reads its cache), and learned again from the saved sidecars once saves pause.
import type { SiteTemplateLines, TahrirEvent } from '../shared/api';
import type { SiteTemplate } from '../shared/boilerplate/index';
import type { WorkspaceConfig } from '../shared/model';
import { textFileOf } from '../shared/workspace-layout';
import { TahrirError } from '../shared/errors';
import { SiteTemplateService } from './site-template-service';

/** How long saves must pause before the site's model is learned again. */
const LEARN_AFTER_MS = 500;

export class WorkspaceSiteTemplates {
  private service: SiteTemplateService | null = null;
  private ready = false;
  private learnTimer: ReturnType<typeof setTimeout> | null = null;
  /** Settles once the templates are counted (or could not be). */
  private opened: Promise<void> | null = null;

  constructor(
    private readonly root: string,
    private readonly config: () => WorkspaceConfig,
  ) {}

  /**
   * The template of the site of text file `file` (workspace path), its own counts brought up to
   * date first (its text may have changed since they were taken); undefined until counted.
   */
  async templateFor(file: string): Promise<SiteTemplate | undefined> {
    const service = this.readyService();
    if (!service) return undefined;
    await service.updateDocument(file).catch(() => false);
    return service.templateFor(file);
  }

  /**
   * Every site's recurring lines (the `limit` most frequent), for the corpus cleanup view: counted first if need be.
   */
  async lines(limit = 50): Promise<SiteTemplateLines[]> {
    this.readyService();
    await this.opened;
    const service = this.readyService();
    if (!service)
      throw new TahrirError('io', 'the site templates could not be counted', '.tahrir/template-counts.json');
    return service
      .summaries(limit)
      .filter((s) => s.documents > 0)
      .map((s) => ({
        site: s.site,
        documents: s.documents,
        lines: s.templateLines.map(({ count, example }) => ({ count, example })),
      }));
  }

  /** What a saved sidecar teaches is used at once: the site's model is learned again once saves pause. */
  learnSoon(): void {
    if (!this.ready || !this.service) return;
    const service = this.service;
    if (this.learnTimer) clearTimeout(this.learnTimer);
    this.learnTimer = setTimeout(() => {
      this.learnTimer = null;
      service.learn().catch(() => undefined);
    }, LEARN_AFTER_MS);
  }

  /** Keeps the templates up to date with what changed on disk (another program, a git pull). */
  noteChange(event: TahrirEvent): void {
    const service = this.ready ? this.service : null;
    if (!service) return;
    if (event.type === 'text-changed' || event.type === 'document-removed')
      void service.updateDocument(textFileOf(event.id)).catch(() => false);
    else if (event.type === 'documents-changed') void service.refresh().catch(() => undefined);
    else if (event.type === 'sidecar-changed') this.learnSoon();
  }

  /** Stops counting and writing (closing the workspace). */
  stop(): void {
    if (this.learnTimer) clearTimeout(this.learnTimer);
    this.service?.stop();
  }

  /** Resolves once no cache write is under way (after stop(): nothing more lands in the workspace). */
  async settled(): Promise<void> {
    await this.service?.settled();
  }

  private readyService(): SiteTemplateService | null {
    if (!this.service) {
      const service = new SiteTemplateService(this.root, this.config());
      this.service = service;
      this.opened = service.open().then(
        () => void (this.ready = !service.stopped),
        () => undefined, // a workspace whose templates cannot be counted still gets the other suggestions
      );
    }
    return this.ready ? this.service : null;
  }
}
