// The TahrirApi operations over the Node services, for one workspace. Both hosts wrap it
// (IPC in ipc.ts, HTTP in serve.ts) and forward calls by name, so every method here has the
// exact name and arguments of TahrirApi. Every id is confined to the workspace.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { DocumentSummary, OpenedDocument, SaveResult, SiteTemplateLines, SuggestDecisions, Suggestions, TahrirApi, TahrirEvent, WorkspaceInfo } from '../shared/api';
import { suggestEdits } from '../shared/boilerplate/index';
import { extractMetadata } from '../shared/metadata';
import { TahrirError, isTahrirError } from '../shared/errors';
import type { Sidecar, WorkspaceBoilerplateRule, WorkspaceConfig } from '../shared/model';
import { reanchor, spansHoldTheirText } from '../shared/anchoring';
import { codePointLength } from '../shared/code-points';
import { jsonValueProblem } from '../shared/json-limits';
import { checkSidecarAgainstSource, checkSidecarStructure } from '../shared/sidecar-check';
import { describeProblems, emptySidecar, migrateSidecar, serializeSidecar, sortSidecar } from '../shared/sidecar';
import { resolveInside, relativeSegments } from './confine';
import { toTahrirError } from './io-error';
import * as store from './sidecar-store';
import { readTextFile } from './text-file';
import type { TextFile } from './text-file';
import { SiteTemplateService } from './site-template-service';
import { WorkspaceWatcher } from './watcher';
import { addBoilerplateRule, readWorkspaceConfig } from './workspace-config';
import type { LoadedConfig } from './workspace-config';
import { SummaryCache, listDocuments, sidecarFileOf, textFileOf } from './workspace';
import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { ExportRequest, ImportReport, ImportRequest } from '../shared/api';
import { checkExportDestination, runExport } from './export-job';
import { runImport } from './import-job';
import { encodingFor } from './workspace-config';

/** The TahrirApi operations the Backend answers; the hosts answer the rest (dialogs, links, …). */
export type BackendOperations = Pick<
  TahrirApi,
  'getWorkspace' | 'listDocuments' | 'openDocument' | 'saveSidecar' | 'writeRecovery' | 'discardRecovery' | 'suggest' | 'siteTemplateLines' | 'addBoilerplateRule'
>;

export interface BackendOptions {
  /** Size limit for text files (default 64 MB). */
  maxTextBytes?: number;
}

/** ISO time to the second, as in the format's example ("2026-11-28T10:00:00Z"). */
function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How many documents' checked sidecars the Backend keeps (see checkedSidecar). */
const CHECKED_SIDECARS_KEPT = 4;

/** A document's sidecar as read and checked: null when there is none or it could not be read. */
interface CheckedSidecar {
  sidecar: Sidecar | null;
  revision: string | null;
  reanchored?: OpenedDocument['reanchored'];
  readOnly?: OpenedDocument['readOnly'];
}

function isRevision(x: unknown): x is string | null {
  return x === null || (typeof x === 'string' && /^[0-9a-f]{64}$/.test(x));
}

/** What the editor can do about a label tahrir.json does not define (and why tahrir.json is not in use, if it is not). */
function labelHint(problems: readonly { path: string }[], loaded: LoadedConfig): string {
  if (!problems.some((p) => /^entities\[\d+\]\.label$/.test(p.path))) return '';
  const unused = loaded.problem ? `; tahrir.json cannot be used (${loaded.problem.message}), so the default labels apply` : '';
  return `${unused}. Add the label to tahrir.json or give the entity one of its labels`;
}

export class Backend implements BackendOperations {
  /** Absolute path of the workspace folder. */
  readonly root: string;
  private loaded: LoadedConfig;
  private readonly options: BackendOptions;
  private readonly summaries = new SummaryCache();
  private watcher: WorkspaceWatcher | null = null;
  private readonly listeners = new Set<(event: TahrirEvent) => void>();
  /** The workspace's site templates, counted in the background from the first suggestion on. */
  private siteTemplates: SiteTemplateService | null = null;
  private siteTemplatesReady = false;
  /** Settles once the site templates are counted (or could not be). */
  private siteTemplatesOpened: Promise<void> | null = null;
  private learnTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(root: string, loaded: LoadedConfig, options: BackendOptions) {
    this.root = root;
    this.loaded = loaded;
    this.options = options;
  }

  /** Opens the folder `root` as a workspace ('not-found' when it is not a folder). */
  static async open(root: string, options: BackendOptions = {}): Promise<Backend> {
    const abs = resolve(root);
    let isFolder = false;
    try {
      isFolder = (await stat(abs)).isDirectory();
    } catch (e) {
      const err = toTahrirError(e, abs);
      if (err.code !== 'not-found') throw err;
    }
    if (!isFolder) throw new TahrirError('not-found', `the workspace folder ${abs} does not exist or is not a folder`, undefined, { path: abs });
    return new Backend(abs, await readWorkspaceConfig(abs), options);
  }

  get config(): WorkspaceConfig {
    return this.loaded.config;
  }

  /**
   * Sidecars read, checked against their text and re-anchored, by document: opening again
   * a document whose sidecar and text have the same bytes reuses the work (the workspace
   * listing and the open, switching back and forth). Keyed by content (sha256), never by time.
   */
  private readonly checkedSidecars = new Map<string, { key: string; result: CheckedSidecar }>();

  private async checkedSidecar(id: string, sidecarPath: string, sidecarFile: string, text: TextFile, name: string, length: number): Promise<CheckedSidecar> {
    const revision = await store.readRevision(sidecarPath, sidecarFile).catch(() => null);
    const key = `${revision}:${text.sha256}:${name}`;
    const hit = this.checkedSidecars.get(id);
    if (revision && hit?.key === key) return hit.result;
    const result = await this.checkSidecar(sidecarPath, sidecarFile, text, name, length);
    if (result.revision) {
      this.checkedSidecars.delete(id);
      this.checkedSidecars.set(id, { key: `${result.revision}:${text.sha256}:${name}`, result });
      // A few documents are enough to make switching back and forth instant; each holds a parsed sidecar.
      if (this.checkedSidecars.size > CHECKED_SIDECARS_KEPT) this.checkedSidecars.delete(this.checkedSidecars.keys().next().value!);
    }
    return result;
  }

  private async checkSidecar(sidecarPath: string, sidecarFile: string, text: TextFile, name: string, length: number): Promise<CheckedSidecar> {
    let stored: store.StoredSidecar | null = null;
    try {
      stored = await store.readSidecar(sidecarPath, sidecarFile);
    } catch (e) {
      // Broken or newer: shown read-only with the error; the file is left exactly as it is.
      return { sidecar: null, revision: await store.readRevision(sidecarPath, sidecarFile).catch(() => null), readOnly: toTahrirError(e, sidecarFile).toData() };
    }
    if (!stored) return { sidecar: null, revision: null };
    const result: CheckedSidecar = { sidecar: stored.sidecar, revision: stored.revision };
    let sidecar = stored.sidecar;
    const problems = checkSidecarStructure(sidecar);
    if (sidecar.source.file !== name) {
      problems.unshift({ path: 'source.file', message: `names ${JSON.stringify(sidecar.source.file)}, not the text file beside it (${JSON.stringify(name)})` });
    }
    if (problems.length === 0 && (sidecar.source.sha256 !== text.sha256 || !spansHoldTheirText(text.text, sidecar))) {
      // The text changed on disk since the sidecar was written, or a span's offsets do not hold
      // its text: re-anchor by the text (nothing is written until the editor saves).
      const anchored = reanchor(text.text, sidecar);
      sidecar = { ...anchored.sidecar, source: { file: name, sha256: text.sha256, length } };
      result.reanchored = anchored.report;
    }
    if (problems.length === 0) problems.push(...checkSidecarAgainstSource(sidecar, text.text, name));
    result.sidecar = sidecar;
    if (problems.length > 0) {
      result.readOnly = new TahrirError('broken-sidecar', `is not a valid sidecar for ${name}: ${describeProblems(problems)}`, sidecarFile, problems).toData();
    }
    return result;
  }

  /** Re-reads tahrir.json (it may have changed on disk). */
  async reloadConfig(): Promise<LoadedConfig> {
    this.loaded = await readWorkspaceConfig(this.root);
    return this.loaded;
  }

  async getWorkspace(): Promise<WorkspaceInfo> {
    const loaded = await this.reloadConfig();
    const info: WorkspaceInfo = {
      root: this.root,
      name: basename(this.root),
      config: loaded.config,
      documents: await this.listDocuments(),
    };
    if (loaded.problem) info.configProblem = loaded.problem;
    return info;
  }

  listDocuments(): Promise<DocumentSummary[]> {
    return listDocuments(this.root, this.config, { cache: this.summaries, maxTextBytes: this.options.maxTextBytes });
  }

  /** The id in its one spelling (`a/./b` and `a\\b` → `a/b`), refused if it leaves the workspace. */
  private checkId(id: unknown): string {
    if (typeof id !== 'string') throw new TahrirError('invalid-argument', 'a document id must be a string');
    return relativeSegments(id).join('/');
  }

  private async readText(id: string): Promise<{ file: string; path: string; text: TextFile }> {
    const file = textFileOf(id);
    const path = await resolveInside(this.root, file);
    const text = await readTextFile(path, encodingFor(this.config, file), { file, maxBytes: this.options.maxTextBytes });
    return { file, path, text };
  }

  async openDocument(id: string): Promise<OpenedDocument> {
    id = this.checkId(id);
    const { file, text } = await this.readText(id);
    const name = basename(file);
    const sidecarFile = sidecarFileOf(id);
    const sidecarPath = await resolveInside(this.root, sidecarFile);
    const length = codePointLength(text.text);
    const opened: OpenedDocument = { id, file, text: text.text, sidecar: emptySidecar(name, text.sha256, length), revision: null };
    this.watcher?.noteContent(file, text.sha256);

    const checked = await this.checkedSidecar(id, sidecarPath, sidecarFile, text, name, length);
    if (checked.sidecar) opened.sidecar = checked.sidecar;
    else if (this.config.annotator) opened.sidecar.annotator = this.config.annotator;
    opened.revision = checked.revision;
    if (checked.sidecar && checked.revision) this.watcher?.noteContent(sidecarFile, checked.revision);
    if (checked.reanchored) opened.reanchored = checked.reanchored;
    if (checked.readOnly) opened.readOnly = checked.readOnly;

    const journal = await store.readRecovery(this.root, id).catch(() => null);
    if (journal) {
      const sidecarTime = await store.modifiedAt(sidecarPath).catch(() => null);
      const newer = sidecarTime === null || Date.parse(journal.savedAt) > sidecarTime;
      if (newer && serializeSidecar(journal.sidecar) !== serializeSidecar(opened.sidecar)) {
        opened.recovered = { sidecar: journal.sidecar, savedAt: journal.savedAt };
      }
    }
    return opened;
  }

  /** A sidecar sent to be written, as an object or as its JSON text, parsed, migrated and sorted; refused naming `file`. */
  private validIncoming(sidecar: unknown, file: string): Sidecar {
    if (typeof sidecar === 'string') {
      try {
        sidecar = JSON.parse(sidecar) as unknown;
      } catch (e) {
        throw new TahrirError('invalid-argument', `the sidecar to save is not valid JSON: ${(e as Error).message}`, file);
      }
      // An object was checked with the other arguments (shared/api-arguments.ts); its text only now.
      const problem = jsonValueProblem(sidecar);
      if (problem) throw new TahrirError('invalid-argument', `the sidecar to save is not valid: ${problem.path}: ${problem.message}`, file, [problem]);
    }
    try {
      return sortSidecar(migrateSidecar(sidecar, file));
    } catch (e) {
      const data = isTahrirError(e) ? e : null;
      throw new TahrirError('invalid-argument', `the sidecar to save is not valid: ${data ? data.message : String(e)}`, file, data?.detail);
    }
  }

  async saveSidecar(id: string, sidecar: Sidecar | string, baseRevision: string | null): Promise<SaveResult> {
    id = this.checkId(id);
    const sidecarFile = sidecarFileOf(id);
    if (!isRevision(baseRevision)) throw new TahrirError('invalid-argument', 'baseRevision must be null or a sha256 hex string', sidecarFile);
    let incoming = this.validIncoming(sidecar, sidecarFile);
    // tahrir.json as it is now: a label is judged as `tahrir validate` would judge it.
    const loaded = await this.reloadConfig();
    const { file, text } = await this.readText(id);
    const name = basename(file);
    const length = codePointLength(text.text);
    if (incoming.source.sha256 !== text.sha256) {
      // The text changed on disk after the document was opened: re-anchor rather than lose the work.
      incoming = sortSidecar(reanchor(text.text, incoming).sidecar);
    }
    incoming = { ...incoming, source: { file: name, sha256: text.sha256, length }, updatedAt: nowIso() };
    if (!incoming.annotator && this.config.annotator) incoming.annotator = this.config.annotator;
    const problems = checkSidecarAgainstSource(incoming, text.text, name, { labels: loaded.config.labels.map((l) => l.name) });
    if (problems.length > 0) {
      throw new TahrirError('invalid-argument', `not saved: the sidecar is not valid for ${name}: ${describeProblems(problems)}${labelHint(problems, loaded)}`, sidecarFile, problems);
    }
    const path = await resolveInside(this.root, sidecarFile);
    await this.refuseToReplaceInvalid(path, sidecarFile, text, name);
    // The journal entry goes with the save, under the same lock: one written after it (another process's) stays.
    const revision = await store.writeSidecarAtomic(path, incoming, baseRevision, sidecarFile, { journal: { root: this.root, id } });
    this.watcher?.noteContent(sidecarFile, revision);
    this.learnSoon();
    return { revision };
  }

  /**
   * A sidecar on disk that does not fit its text (written for this very text, yet with bad
   * offsets or anchors, or naming another file) is never overwritten: the editor opened it
   * read-only and must fix or remove it first. One written for an older text is fine to
   * replace: that is what saving a re-anchored document does. (Unparseable files are
   * refused by the store itself.)
   */
  private async refuseToReplaceInvalid(path: string, sidecarFile: string, text: TextFile, name: string): Promise<void> {
    let existing: store.StoredSidecar | null;
    try {
      existing = await store.readSidecar(path, sidecarFile);
    } catch {
      return; // the store refuses it with the reason
    }
    if (!existing) return;
    const problems =
      existing.sidecar.source.sha256 === text.sha256 || existing.sidecar.source.file !== name
        ? checkSidecarAgainstSource(existing.sidecar, text.text, name)
        : [];
    if (problems.length > 0) {
      throw new TahrirError('broken-sidecar', `is not valid for ${name}, so it is not overwritten (fix or remove it first): ${describeProblems(problems)}`, sidecarFile, problems);
    }
  }

  async writeRecovery(id: string, sidecar: Sidecar | string): Promise<void> {
    id = this.checkId(id);
    await resolveInside(this.root, textFileOf(id));
    await store.writeRecovery(this.root, id, this.validIncoming(sidecar, sidecarFileOf(id)));
  }

  async discardRecovery(id: string): Promise<void> {
    id = this.checkId(id);
    await store.discardRecovery(this.root, id);
  }

  /**
   * Boilerplate suggestions and metadata, minus the workspace's disabled rules, the rejected ones
   * (the editor's `decisions` when given, else the sidecar's) and what the edits already cover.
   */
  async suggest(id: string, decisions?: SuggestDecisions): Promise<Suggestions> {
    id = this.checkId(id);
    const { text } = await this.readText(id);
    const sidecarFile = sidecarFileOf(id);
    // An unreadable sidecar only means nothing is known to be rejected or edited yet.
    const stored = await store.readSidecar(await resolveInside(this.root, sidecarFile), sidecarFile).catch(() => null);
    // Rejections match by rule and text, so they hold even after the text changed; edit offsets only while it has not.
    const current = stored && stored.sidecar.source.sha256 === text.sha256 ? stored.sidecar : null;
    const templates = this.readySiteTemplates();
    // The document's own counts first: its text may have changed since they were taken.
    if (templates) await templates.updateDocument(textFileOf(id)).catch(() => false);
    const edits = suggestEdits(text.text, {
      site: templates?.templateFor(textFileOf(id)),
      disabledRules: this.config.disabledRules,
      workspaceRules: this.config.boilerplateRules,
      rejected: decisions ? decisions.rejected : stored?.sidecar.rejected,
      existing: current?.edits,
    });
    return { edits, metadata: extractMetadata(text.text) };
  }

  /**
   * The site templates once counted; null until then (the first suggestions go without them: a
   * 10,000-article workspace takes seconds to count the first time, then reads its cache).
   */
  private readySiteTemplates(): SiteTemplateService | null {
    if (!this.siteTemplates) {
      const service = new SiteTemplateService(this.root, this.config);
      this.siteTemplates = service;
      this.siteTemplatesOpened = service.open().then(
        () => void (this.siteTemplatesReady = !service.stopped),
        () => undefined, // a workspace whose templates cannot be counted still gets the other suggestions
      );
    }
    return this.siteTemplatesReady ? this.siteTemplates : null;
  }

  /** Every site's recurring lines (the 50 most frequent), for the corpus cleanup view; counted first if need be. */
  async siteTemplateLines(): Promise<SiteTemplateLines[]> {
    this.readySiteTemplates();
    await this.siteTemplatesOpened;
    const service = this.readySiteTemplates();
    if (!service) throw new TahrirError('io', 'the site templates could not be counted', '.tahrir/template-counts.json');
    return service
      .summaries(50)
      .filter((s) => s.documents > 0)
      .map((s) => ({ site: s.site, documents: s.documents, lines: s.templateLines.map(({ count, example }) => ({ count, example })) }));
  }

  /** "Remove everywhere": the rule goes into tahrir.json; the workspace as it is then. */
  async addBoilerplateRule(rule: WorkspaceBoilerplateRule): Promise<WorkspaceInfo> {
    await addBoilerplateRule(this.root, rule);
    return this.getWorkspace();
  }

  /** Keeps the site templates up to date with what changed on disk (another program, a git pull). */
  private noteForSiteTemplates(event: TahrirEvent): void {
    const templates = this.siteTemplatesReady ? this.siteTemplates : null;
    if (!templates) return;
    if (event.type === 'text-changed' || event.type === 'document-removed') void templates.updateDocument(textFileOf(event.id)).catch(() => false);
    else if (event.type === 'documents-changed') void templates.refresh().catch(() => undefined);
    else if (event.type === 'sidecar-changed') this.learnSoon();
  }

  /** What a saved sidecar teaches is used at once: the site's model is learned again once saves pause. */
  private learnSoon(): void {
    if (!this.siteTemplatesReady || !this.siteTemplates) return;
    const service = this.siteTemplates;
    if (this.learnTimer) clearTimeout(this.learnTimer);
    this.learnTimer = setTimeout(() => {
      this.learnTimer = null;
      service.learn().catch(() => undefined);
    }, 500);
  }

  /**
   * External changes (another program, a git pull) as TahrirEvents; our own saves stay silent.
   * The watch starts with the first listener and stops with the last.
   */
  onEvent(listener: (event: TahrirEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.watcher) {
      // Node 20's recursive watch on Linux stops seeing a file once it was replaced by a rename
      // (as every atomic save does): per-folder watching sees every change there.
      const watcher = new WorkspaceWatcher(
        this.root,
        (event) => {
          this.noteForSiteTemplates(event);
          for (const l of [...this.listeners]) l(event);
        },
        { perFolder: process.platform === 'linux' },
      );
      this.watcher = watcher;
      void watcher.start().catch(() => undefined);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  private readonly exportJobs = new Map<string, AbortController>();

  private emit(event: TahrirEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  /** Starts an export; progress, the summary or the failure arrive as events. A relative `out` is inside the workspace. */
  async startExport(request: ExportRequest): Promise<{ jobId: string }> {
    const out = isAbsolute(request.out) ? request.out : await resolveInside(this.root, request.out);
    // A destination that is taken is refused here, to the caller, before any job starts.
    await checkExportDestination(this.root, { ...request, out });
    const jobId = randomUUID();
    const controller = new AbortController();
    this.exportJobs.set(jobId, controller);
    let last = 0;
    void runExport({
      root: this.root,
      request: { ...request, out },
      signal: controller.signal,
      onProgress: (done, total, current) => {
        // At most ~20 progress events a second over IPC/SSE, and always the last one.
        const now = Date.now();
        if (done !== total && now - last < 50) return;
        last = now;
        this.emit({ type: 'export-progress', jobId, done, total, current });
      },
    })
      .then(
        (summary) => this.emit({ type: 'export-finished', jobId, summary }),
        (e: unknown) => this.emit({ type: 'export-failed', jobId, error: (isTahrirError(e) ? e : toTahrirError(e, out, 'export')).toData() }),
      )
      .finally(() => this.exportJobs.delete(jobId));
    return { jobId };
  }

  /** Cancels a running export (it then fails with code 'cancelled' and leaves nothing behind). */
  async cancelExport(jobId: string): Promise<void> {
    this.exportJobs.get(jobId)?.abort();
  }

  /** Merges pre-annotations into the sidecars: identical spans not duplicated, conflicts reported, nothing overwritten. */
  async importAnnotations(request: ImportRequest): Promise<ImportReport> {
    return runImport({ root: this.root, request });
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  async close(): Promise<void> {
    for (const job of this.exportJobs.values()) job.abort();
    if (this.learnTimer) clearTimeout(this.learnTimer);
    this.siteTemplates?.stop();
    this.listeners.clear();
    this.stopWatching();
  }
}
