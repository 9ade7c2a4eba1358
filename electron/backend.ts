// The TahrirApi operations over the Node services, for one workspace. Both hosts forward to it
// from their handler table (host-policy.ts), so every method here has the exact name and
// arguments of TahrirApi (BackendOperations). Every id is confined to the workspace. The work is
// in files of their own: opening (checked-sidecars.ts), saving (incoming-sidecar.ts, the store),
// events and watching (workspace-events.ts), exports (export-jobs.ts), imports (import-job.ts),
// the site templates of suggestions (site-templates.ts).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import type {
  AgreementRun,
  AnnotationSuggestionChanges,
  AnnotationSuggestions,
  CurationOpened,
  CurationVersion,
  DocumentSummary,
  EditorStart,
  ExportRequest,
  ImportReport,
  ImportRequest,
  OpenedDocument,
  SaveResult,
  SiteTemplateLines,
  SuggestDecisions,
  Suggestions,
  SyncReport,
  SyncRequest,
  SyncStatus,
  TahrirEvent,
  WorkspaceInfo,
} from '../shared/api';
import { reanchor } from '../shared/anchoring';
import { suggestEdits } from '../shared/boilerplate/index';
import { stampAuthorship } from '../shared/authorship';
import { codePointLength } from '../shared/code-points';
import { TahrirError, isTahrirError } from '../shared/errors';
import { extractMetadata } from '../shared/metadata';
import type { Sidecar, WorkspaceBoilerplateRule, WorkspaceConfig } from '../shared/model';
import { emptySidecar, serializeSidecar, sortSidecar } from '../shared/sidecar';
import { withStatusChange } from '../shared/status-history';
import { nowStamp } from '../shared/timestamp';
import { cleanAnnotatorName, gitUserName } from './annotator';
import { appDriverCommand, mergeDriverCommand } from './git-setup';
import { readAssignment, syncStatus, syncWorkspace } from './git-sync';
import { CheckedSidecars, ListedSidecars, type CheckedSidecar } from './checked-sidecars';
import { WorkspaceEntitySuggestions, type TaggerServiceOptions } from './entity-tagger-service';
import { DocumentSearch } from './document-search';
import { workspaceProgress } from './workspace-progress';
import type { CorpusProgress } from '../shared/corpus-progress';
import { resolveInside, relativeSegments } from './confine';
import { ExportJobs } from './export-jobs';
import type { BackendOperations } from './host-policy';
import { runImport } from './import-job';
import { checkSidecarToSave, incomingSidecar, isRevision, refuseToReplaceInvalid } from './incoming-sidecar';
import { toTahrirError } from './io-error';
import * as store from './sidecar-store';
import { RecentTexts } from './text-file';
import type { TextFile } from './text-file';
import { WorkspaceSiteTemplates } from './site-templates';
import { documentIdOfSidecar, sidecarFileOf, textFileOf } from '../shared/workspace-layout';
import { firstDocumentOf } from '../shared/first-document';
import { readListCache, writeListCache } from './document-list-cache';
import { FolderIntake, SummaryCache, listDocuments, walkDocuments } from './workspace';
import { addBoilerplateRule, encodingFor, readWorkspaceConfig } from './workspace-config';
import type { LoadedConfig } from './workspace-config';
import { WorkspaceEvents } from './workspace-events';
import { gitBranches, measureAgreement, workspaceVersion } from './agreement-job';
import { parseSidecar } from '../shared/sidecar';

export interface BackendOptions {
  /** Size limit for text files (default 64 MB). */
  maxTextBytes?: number;
  /** How long a listing reads documents before it answers (ms; default LIST_BUDGET_MS). */
  listBudgetMs?: number;
  /**
   * How long after the early listing's answer what it left unread begins to be read when nothing asks first (ms;
   * default REST_AFTER_MS). `tahrir serve` waits longer: its page asks for the whole list once its own is painted,
   * and the server begins the reading then (readRestNow).
   */
  restAfterMs?: number;
  /** Teams: who saves on this machine; each save stamps what it adds or changes with it (createdBy/changedBy). */
  annotator?: string;
  /** The entity tagger's worker (tests; default: the bundle beside the program). */
  tagger?: TaggerServiceOptions;
  /** Sync: the merge driver's command line git-setup writes (default: this program's `tahrir merge-driver`). */
  mergeDriver?: string;
  /** Sync: the git program (tests). */
  git?: string;
}

/**
 * The merge driver's command line for a clone the app syncs: `tahrir merge-driver` of the CLI
 * bundled beside this program (under Electron, its binary run as Node).
 */
export function defaultMergeDriver(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const script = here.endsWith('dist') ? resolve(here, 'cli.cjs') : resolve(here, '..', 'dist', 'cli.cjs');
  // Packaged: no script beside the app, and its binary cannot run as Node; it is its own driver.
  if (process.versions.electron && !existsSync(script)) return appDriverCommand(process.execPath);
  const command = mergeDriverCommand(process.execPath, script);
  return process.versions.electron ? `ELECTRON_RUN_AS_NODE=1 ${command}` : command;
}

/**
 * How long a listing reads documents before it answers (ms): 100,000 short articles take 10–20 s
 * to read, and the list should be up in 2 s; the rest are listed `pending` and read after.
 */
const LIST_BUDGET_MS = 700;

/**
 * How long a listing begun before anyone asked (listEarly) may wait to be the first answer (ms): past
 * that the first listing reads the folder again.
 */
const EARLY_LIST_FRESH_MS = 10_000;

/**
 * How long after the early listing's answer what it left unread begins to be read when no listing asks first (ms):
 * the page asks for the next listing as soon as it has the list.
 */
const REST_AFTER_MS = 1000;

/** How many documents' last openDocument answers are kept (lastOpened): as many as their checked sidecars. */
const LAST_OPENED_KEPT = 4;

export class Backend implements BackendOperations {
  /** Absolute path of the workspace folder. */
  readonly root: string;
  private loaded: LoadedConfig;
  private readonly options: BackendOptions;
  private readonly summaries = new SummaryCache();
  /** The documents a pending listing left unread, being read. */
  private reading: Promise<unknown> | null = null;
  /** The last listing answered, searched while the documents it could not read are read. */
  private listed: DocumentSummary[] | null = null;
  /**
   * The watch's count of changes (WorkspaceEvents.changesSeen) when the last listing began its walk, when that
   * listing read every document; null otherwise. The same count now: nothing changed on disk since, and a search
   * takes that listing as it is instead of walking and stat-ing every document again (10,000 documents: ~150 ms of
   * the server's CPU per search, at every pause in typing).
   */
  private listedAtChanges: number | null = null;
  /** The early listing's reading of what it left unread, put off until its answer is on its way (readRestSoon). */
  private restSoon: (() => void) | null = null;
  /** Reading the list an earlier run kept, once. */
  private keptList: Promise<void> | null = null;
  /** Writing the list for the next run. */
  private keeping: Promise<void> | null = null;
  /** Set by close(): a reading still under way keeps no list (the folder may be gone, or being removed). */
  private closed = false;
  /** The large sidecars a listing read, for the open that follows it (parsed once, not twice, on the way to it). */
  private readonly listedSidecars = new ListedSidecars();
  private readonly checkedSidecars = new CheckedSidecars(this.listedSidecars);
  /** The texts of the documents opened (and saved) last, kept by their bytes (RecentTexts). */
  private readonly recentTexts = new RecentTexts(LAST_OPENED_KEPT);
  /**
   * The last answer of openDocument per document (a few) and what it was made of. While those stay (the same text,
   * the same checked sidecar, no recovery journal) the same answer object is given again, so `tahrir serve` sends
   * the bytes it encoded for it before (a long document's answer: 2.5 MB to stringify and encode with 10,000
   * entities, 6 MB with 50,000, 40-160 ms of the server's CPU on each open).
   */
  private readonly lastOpened = new Map<
    string,
    { sha256: string; checked: CheckedSidecar; annotator: string | undefined; opened: OpenedDocument }
  >();
  private readonly events: WorkspaceEvents;
  private readonly exports: ExportJobs;
  private readonly siteTemplates: WorkspaceSiteTemplates;
  /** Entity and quote suggestions; the tagger trains in a worker as the editor saves. */
  readonly entitySuggestions: WorkspaceEntitySuggestions;
  private readonly search: DocumentSearch;
  private gitName: Promise<string | undefined> | null = null;
  private lastWalkRead = 0;
  /** The listing listEarly began, until the first listing takes it (or finds it stale). */
  private early: {
    started: number;
    config: string;
    /** `readRest`: reads the documents the listing left unread (once it is taken). */
    listing: Promise<{ changes: number | null; documents: DocumentSummary[]; readRest?: () => void }>;
  } | null = null;

  private constructor(root: string, loaded: LoadedConfig, options: BackendOptions) {
    this.root = root;
    this.loaded = loaded;
    this.options = options;
    this.events = new WorkspaceEvents(root, (event) => {
      this.siteTemplates.noteChange(event);
      this.entitySuggestions.noteChange(event);
    });
    this.exports = new ExportJobs(root, (event) => this.events.emit(event));
    this.siteTemplates = new WorkspaceSiteTemplates(root, () => this.config);
    this.entitySuggestions = new WorkspaceEntitySuggestions(root, () => this.config, options.tagger);
    this.search = new DocumentSearch(
      root,
      () => this.config,
      options.maxTextBytes,
      () => this.events.changesSeen(),
    );
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
    if (!isFolder)
      throw new TahrirError('not-found', `the workspace folder ${abs} does not exist or is not a folder`, undefined, {
        path: abs,
      });
    return new Backend(abs, await readWorkspaceConfig(abs), options);
  }

  /**
   * A host's workspace (the desktop app's at start, `tahrir serve`'s): opened with its first listing
   * begun at once (listEarly), so the folder is walked while the window or the page loads.
   */
  static async openListing(root: string, options: BackendOptions = {}): Promise<Backend> {
    const backend = await Backend.open(root, options);
    backend.listEarly();
    return backend;
  }

  /** The folders the last listing's walk read itself (the early listing takes the watch's). */
  get foldersReadByLastWalk(): number {
    return this.lastWalkRead;
  }

  /** The documents of the listing begun by listEarly, once read (null when none was begun, or it failed). */
  earlyListing(): Promise<DocumentSummary[] | null> {
    return this.early
      ? this.early.listing.then(
          (got) => got.documents,
          () => null,
        )
      : Promise.resolve(null);
  }

  /** Is a listing begun by listEarly waiting for the first listDocuments to take it? */
  get listingEarly(): boolean {
    return this.early !== null;
  }

  get config(): WorkspaceConfig {
    return this.loaded.config;
  }

  /** Re-reads tahrir.json (it may have changed on disk). */
  async reloadConfig(): Promise<LoadedConfig> {
    this.loaded = await readWorkspaceConfig(this.root);
    return this.loaded;
  }

  async getWorkspace(): Promise<WorkspaceInfo> {
    const loaded = await this.reloadConfig();
    // git's user name (a `git config` process) and the assignment are asked while the list is
    // read, not after it: one after the other, the git process alone put 0.2–0.5 s on a loaded
    // machine between 100,000 documents listed and the answer.
    const gitName = this.gitUserName();
    const assigned = readAssignment(this.root);
    gitName.catch(() => undefined);
    assigned.catch(() => undefined);
    const listing = await this.takeListing();
    const info: WorkspaceInfo = {
      root: this.root,
      name: basename(this.root),
      config: loaded.config,
      documents: listing.documents,
    };
    if (loaded.problem) info.configProblem = loaded.problem;
    try {
      const name = await gitName;
      if (name) info.gitUserName = name;
      const assignment = await assigned;
      if (assignment) info.assignment = assignment.documents;
    } finally {
      listing.readRestSoon();
    }
    return info;
  }

  /**
   * The documents, answered within LIST_BUDGET_MS of reading: those not read by then are listed
   * `pending` and read after the answer; a listing asked for meanwhile waits for that reading, so
   * the one after a pending answer has them all.
   */
  async listDocuments(): Promise<DocumentSummary[]> {
    const listing = await this.takeListing();
    listing.readRestSoon();
    return listing.documents;
  }

  /** The listing last answered, whole (see TahrirApi.listedDocuments); a listing when there was none. */
  async listedDocuments(): Promise<DocumentSummary[]> {
    return this.listed ?? this.listDocuments();
  }

  /**
   * A listing (listDocuments'), and `readRestSoon`: the early listing's unread documents read once the answer made
   * of it is encoded and on its way, when the next listing or search asks (the page's, once it has the list), or
   * REST_AFTER_MS after. Begun at once, reading the kept list (17 MB for 100,000 documents) took the CPU from that
   * answer's encoding ("open again" answered ~1 s later), and reading the documents took it from the page parsing
   * the answer and drawing its list.
   */
  private async takeListing(): Promise<{ documents: DocumentSummary[]; readRestSoon: () => void }> {
    const early = this.early;
    if (early) {
      this.early = null;
      const got = await early.listing.catch(() => null);
      // Believed only when the watch, in place before its walk, has seen no change since, and the
      // settings (an encoding) are the ones it was read with.
      if (
        got &&
        got.changes !== null &&
        got.changes === this.events.changesSeen() &&
        performance.now() - early.started < EARLY_LIST_FRESH_MS &&
        JSON.stringify(this.config) === early.config
      ) {
        // Its unread documents are read from then on, not while the page was loading.
        const readRest = got.readRest;
        return {
          documents: got.documents,
          readRestSoon: () => {
            if (!readRest) return;
            this.restSoon = readRest; // a listing asked for before then begins it (and waits for it)
            setTimeout(() => this.readRestNow(), this.options.restAfterMs ?? REST_AFTER_MS).unref();
          },
        };
      }
    }
    return { documents: await this.listNow(), readRestSoon: () => undefined };
  }

  /** Begins the reading readRestSoon put off, if it has not begun yet. */
  readRestNow(): void {
    const read = this.restSoon;
    this.restSoon = null;
    read?.();
  }

  /**
   * Begins the first listing now, before the page asks for it (`tahrir serve`: 100,000 documents
   * take seconds to walk, and the page as long to load): the watch starts first, and the first
   * listDocuments answers with this listing when no change was seen on disk since its walk began.
   */
  listEarly(): void {
    if (this.early || this.closed) return;
    // Watching from now on (the page's own listener would start it a moment later); the watch's
    // walk reads every folder once its watch is in place, and the listing walks those entries
    // instead of reading the folders again (100,000 documents: 0.4–0.6 s on a loaded machine).
    // The listing's budget counts from now: the watch's walk is this listing's walk (100,000 documents:
    // 1–2 s on a loaded machine), and reading a few hundred documents more after it only made the answer later.
    const started = performance.now();
    const intake = new FolderIntake();
    const { handing } = this.events.listenReading(
      () => undefined,
      (rel, entries) => intake.take(rel, entries),
    );
    // getWorkspace's other question, a git process (0.1–0.3 s on a loaded machine), asked now too.
    this.gitUserName().catch(() => undefined);
    const listing = this.events.watching().then(async () => {
      // Any change since the watch began, when its walk's entries are listed.
      const changes = handing ? 0 : this.events.changesSeen();
      let readRest: (() => void) | undefined;
      const documents = await this.listNow((read) => (readRest = read), handing ? intake : undefined, started);
      return { changes, documents, readRest };
    });
    listing.catch(() => undefined);
    this.early = { started, config: JSON.stringify(this.config), listing };
  }

  /**
   * A listing, the rest read after it when it left documents unread; `later`: handed the reading
   * to start it when it will (the early listing's, once the page has its answer); `started`: when its
   * budget began (the early listing's: before the watch's walk), else when its own walk began.
   */
  private async listNow(
    later?: (read: () => void) => void,
    intake?: FolderIntake,
    started?: number,
  ): Promise<DocumentSummary[]> {
    this.readRestNow();
    if (this.reading) await this.reading.catch(() => undefined);
    const changes = this.events.changesSeen();
    const walk = await walkDocuments(this.root, intake);
    this.lastWalkRead = walk.foldersRead;
    const options = {
      cache: this.summaries,
      sidecars: this.listedSidecars,
      maxTextBytes: this.options.maxTextBytes,
      walk,
    };
    let unread = 0;
    const listed = await listDocuments(this.root, this.config, {
      ...options,
      walk: started === undefined ? walk : { ...walk, started: Math.min(started, walk.started) },
      budgetMs: this.options.listBudgetMs ?? LIST_BUDGET_MS,
      onBudgetSpent: (n) => (unread = n),
    });
    this.listed = listed;
    this.listedAtChanges = unread === 0 ? changes : null;
    if (unread === 0) this.keepList();
    // Read (or check, when listed as last read) the rest, so the next listing has them.
    const read = () => {
      if (this.reading || unread === 0 || this.closed) return;
      // The kept list is read for this reading only: parsing 100,000 rows before the first answer
      // (1–2 s, and an answer of 11 MB with their titles) made that answer later, not sooner.
      const reading = (this.keptList ??= this.readKeptList())
        .then(() => listDocuments(this.root, this.config, options))
        .then(() => this.keepList())
        .finally(() => {
          if (this.reading === reading) this.reading = null;
        });
      this.reading = reading;
      reading.catch(() => undefined); // the next listing meets the error itself
    };
    if (later) later(read);
    else read();
    return listed;
  }

  /** The list an earlier run kept (.tahrir/document-list.json): each row checked by stat before it is believed. */
  private async readKeptList(): Promise<void> {
    const kept = await readListCache(this.root, textFileOf);
    if (!kept) {
      this.summaries.changed = true; // none, or broken: written (again) after the first full listing
      return;
    }
    for (const [id, entry] of kept) if (!this.summaries.entries.has(id)) this.summaries.entries.set(id, entry);
  }

  /** After a full listing: the summaries kept on disk if they changed (in the background; failing costs time only). */
  private keepList(): void {
    if (!this.summaries.changed || this.keeping || this.closed) return;
    this.summaries.changed = false;
    this.keeping = writeListCache(this.root, this.summaries)
      .catch(() => {
        this.summaries.changed = true;
      })
      .finally(() => (this.keeping = null));
  }

  /** The progress view's numbers, over every sidecar of the workspace. */
  corpusProgress(): Promise<CorpusProgress> {
    return workspaceProgress(
      this.root,
      this.config.labels.map((l) => l.name),
    );
  }

  /** The filter's words over every document's name, title and text (Arabic-normalized). */
  async searchDocuments(words: string[], searcher?: string): Promise<string[]> {
    // The same searcher's later search cancels this one, even while it waits for the list.
    const search = this.search.begin(searcher);
    // While the rest of a large workspace is read (100,000 documents: most of a minute), the
    // documents as last listed: every one is named, and its text searched all the same.
    this.readRestNow();
    const documents =
      (this.reading || this.listedUnchanged()) && this.listed ? this.listed : await this.listDocuments();
    return this.search.search(documents, words, search);
  }

  /** Is the last listing whole, and has the watch seen no change on disk since its walk began? */
  private listedUnchanged(): boolean {
    const changes = this.events.changesSeen();
    return changes !== null && changes === this.listedAtChanges && !this.early;
  }

  /** git's user.name for the workspace, asked once: the editor's default annotator name. */
  private gitUserName(): Promise<string | undefined> {
    this.gitName ??= gitUserName(this.root);
    return this.gitName;
  }

  /** The id in its one spelling (`a/./b` and `a\\b` → `a/b`), refused if it leaves the workspace. */
  private checkId(id: unknown): string {
    if (typeof id !== 'string') throw new TahrirError('invalid-argument', 'a document id must be a string');
    return relativeSegments(id).join('/');
  }

  private async readText(id: string): Promise<{ file: string; path: string; text: TextFile }> {
    const file = textFileOf(id);
    const path = await resolveInside(this.root, file);
    const text = await this.recentTexts.read(path, encodingFor(this.config, file), {
      file,
      maxBytes: this.options.maxTextBytes,
    });
    return { file, path, text };
  }

  /** The workspace and the document the editor opens first, in one answer (one round trip before the first paint). */
  async startEditor(lastDocuments: Record<string, string>): Promise<EditorStart> {
    const workspace = await this.getWorkspace();
    const id = firstDocumentOf(
      workspace.documents,
      Object.hasOwn(lastDocuments, workspace.root) ? lastDocuments[workspace.root] : null,
    );
    if (id === null) return { workspace, first: null };
    try {
      return { workspace, first: { id, opened: await this.openDocument(id) } };
    } catch (e) {
      // The workspace is still shown: the editor reports the document's problem as it would on opening it.
      if (isTahrirError(e)) return { workspace, first: { id, error: e.toData() } };
      throw e;
    }
  }

  async openDocument(id: string): Promise<OpenedDocument> {
    id = this.checkId(id);
    const { file, text } = await this.readText(id);
    const name = basename(file);
    const sidecarFile = sidecarFileOf(id);
    const sidecarPath = await resolveInside(this.root, sidecarFile);
    const length = codePointLength(text.text);
    const opened: OpenedDocument = {
      id,
      file,
      text: text.text,
      sidecar: emptySidecar(name, text.sha256, length),
      revision: null,
    };
    this.events.noteContent(file, text.sha256);

    const checked = await this.checkedSidecars.get({ id, path: sidecarPath, file: sidecarFile, text, name, length });
    if (checked.sidecar) opened.sidecar = checked.sidecar;
    else if (this.config.annotator) opened.sidecar.annotator = this.config.annotator;
    opened.revision = checked.revision;
    if (checked.sidecar && checked.revision) this.events.noteContent(sidecarFile, checked.revision);
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
    return this.sameAsLastOpened(id, text.sha256, checked, opened);
  }

  /** `opened`, or the last answer for `id` when it was made of the same text and checked sidecar (see lastOpened). */
  private sameAsLastOpened(
    id: string,
    sha256: string,
    checked: CheckedSidecar,
    opened: OpenedDocument,
  ): OpenedDocument {
    const annotator = this.config.annotator;
    const last = this.lastOpened.get(id);
    this.lastOpened.delete(id);
    if (opened.recovered || !checked.revision) return opened;
    const same = last && last.sha256 === sha256 && last.checked === checked && last.annotator === annotator;
    const answer = same ? last.opened : opened;
    this.lastOpened.set(id, { sha256, checked, annotator, opened: answer });
    if (this.lastOpened.size > LAST_OPENED_KEPT) this.lastOpened.delete(this.lastOpened.keys().next().value!);
    return answer;
  }

  async saveSidecar(id: string, sidecar: Sidecar | string, baseRevision: string | null): Promise<SaveResult> {
    id = this.checkId(id);
    const sidecarFile = sidecarFileOf(id);
    if (!isRevision(baseRevision))
      throw new TahrirError('invalid-argument', 'baseRevision must be null or a sha256 hex string', sidecarFile);
    let incoming = incomingSidecar(sidecar, sidecarFile);
    // tahrir.json as it is now: a label is judged as `tahrir validate` would judge it.
    const loaded = await this.reloadConfig();
    const { file, text } = await this.readText(id);
    const name = basename(file);
    const length = codePointLength(text.text);
    if (incoming.source.sha256 !== text.sha256) {
      // The text changed on disk after the document was opened: re-anchor rather than lose the work.
      incoming = sortSidecar(reanchor(text.text, incoming).sidecar);
    }
    incoming = { ...incoming, source: { file: name, sha256: text.sha256, length }, updatedAt: nowStamp() };
    if (!incoming.annotator && this.config.annotator) incoming.annotator = this.config.annotator;
    checkSidecarToSave(incoming, text, name, sidecarFile, loaded);
    const path = await resolveInside(this.root, sidecarFile);
    // Read once for both the check and the comparison below (50,000 entities: a 4 MB file parsed ~50-200 ms).
    const onDisk = await refuseToReplaceInvalid(path, sidecarFile, text, name);
    // Who saves: the host's fixed name (`--annotator`), else the writer the editor names in the sidecar's
    // `annotator` (its setting, git's user.name by default; the page sends none when it has no name, so the file's
    // last writer is never claimed); none: nothing is stamped. Without it the app stamped nothing, and a merge's
    // conflict queue named the wrong annotator: an entity one editor relabelled kept the other's `changedBy`.
    // A save of what the file holds stamps nothing new (unchanged items keep their names): the same bytes.
    const who = this.options.annotator ?? cleanAnnotatorName(incoming.annotator);
    // Compared with the file it replaces (a stale base is refused below, so this is the base).
    const previous = onDisk?.sidecar ?? null;
    // A change of status is dated (statusHistory): the progress view charts documents per status over time.
    incoming = withStatusChange(previous, incoming, incoming.updatedAt!);
    if (who) incoming = { ...stampAuthorship(previous, incoming, who), annotator: who };
    // The journal entry goes with the save, under the same lock: one written after it (another process's) stays.
    // Ours from before the rename: its event can be handled before this await resumes (a loaded machine).
    let writing: string | null = null;
    let revision: string;
    try {
      revision = await store.writeSidecarAtomic(path, incoming, baseRevision, sidecarFile, {
        journal: { root: this.root, id },
        beforeWrite: (sha) => {
          writing = sha;
          this.events.beginWriting(sidecarFile, sha);
        },
      });
    } finally {
      if (writing) this.events.endWriting(sidecarFile, writing);
    }
    this.events.noteContent(sidecarFile, revision);
    this.siteTemplates.learnSoon();
    this.entitySuggestions.noteSaved(id, incoming, revision);
    return { revision };
  }

  async writeRecovery(id: string, sidecar: Sidecar | string): Promise<void> {
    id = this.checkId(id);
    await resolveInside(this.root, textFileOf(id));
    await store.writeRecovery(this.root, id, incomingSidecar(sidecar, sidecarFileOf(id)));
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
    const edits = suggestEdits(text.text, {
      site: await this.siteTemplates.templateFor(textFileOf(id)),
      disabledRules: this.config.disabledRules,
      workspaceRules: this.config.boilerplateRules,
      rejected: decisions ? decisions.rejected : stored?.sidecar.rejected,
      existing: current?.edits,
    });
    return { edits, metadata: extractMetadata(text.text) };
  }

  /** Entity suggestions (the workspace's entities, its tagger) and quote candidates for a document. */
  async suggestAnnotations(id: string): Promise<AnnotationSuggestions> {
    id = this.checkId(id);
    const { text } = await this.readText(id);
    return this.entitySuggestions.suggest(id, text.text);
  }

  /** The same as changes since the editor's version `since` (the whole answer when that is not the last one). */
  async annotationSuggestionChanges(id: string, since: string | null): Promise<AnnotationSuggestionChanges> {
    id = this.checkId(id);
    const { text } = await this.readText(id);
    return this.entitySuggestions.changesSince(id, text.text, since);
  }

  /** Every site's recurring lines (the 50 most frequent), for the corpus cleanup view. */
  siteTemplateLines(): Promise<SiteTemplateLines[]> {
    return this.siteTemplates.lines(50);
  }

  /** "Remove everywhere": the rule goes into tahrir.json; the workspace as it is then. */
  async addBoilerplateRule(rule: WorkspaceBoilerplateRule): Promise<WorkspaceInfo> {
    await addBoilerplateRule(this.root, rule);
    return this.getWorkspace();
  }

  /** External changes and export progress as TahrirEvents; our own saves stay silent. */
  onEvent(listener: (event: TahrirEvent) => void): () => void {
    return this.events.listen(listener);
  }

  /** Resolves once the watch onEvent started is in place (a test waits for it instead of sleeping). */
  watching(): Promise<void> {
    return this.events.watching();
  }

  /**
   * Starts an export; progress, the summary or the failure arrive as events. A relative `out` is inside the workspace.
   */
  async agreementVersions(): Promise<string[]> {
    return gitBranches(this.root);
  }

  async measureAgreement(versions: string[]): Promise<AgreementRun> {
    const sources = [];
    for (const spec of versions) sources.push(await workspaceVersion(this.root, spec));
    return measureAgreement(this.root, sources, (done, total) =>
      this.events.emit({ type: 'agreement-progress', done, total }),
    );
  }

  /** The document as openDocument opens it, and each version's sidecar re-anchored onto its text. */
  async openCuration(id: string, versions: string[]): Promise<CurationOpened> {
    const opened = await this.openDocument(id);
    const sidecarFile = sidecarFileOf(this.checkId(id));
    const out: CurationVersion[] = [];
    for (const spec of versions) {
      const source = await workspaceVersion(this.root, spec);
      const bytes = await source.sidecar(sidecarFile);
      if (!bytes) {
        out.push({ name: spec, sidecar: null });
        continue;
      }
      try {
        const sidecar = parseSidecar(bytes.toString('utf8'), `${spec}: ${sidecarFile}`);
        const sameText = sidecar.source.sha256 === opened.sidecar.source.sha256;
        out.push({ name: spec, sidecar: sameText ? sidecar : reanchor(opened.text, sidecar).sidecar });
      } catch (e) {
        out.push({ name: spec, sidecar: null, problem: e instanceof Error ? e.message : String(e) });
      }
    }
    return { ...opened, versions: out };
  }

  async startExport(request: ExportRequest): Promise<{ jobId: string }> {
    const out = isAbsolute(request.out) ? request.out : await resolveInside(this.root, request.out);
    return this.exports.start({ ...request, out });
  }

  async cancelExport(jobId: string): Promise<void> {
    this.exports.cancel(jobId);
  }

  /**
   * Merges pre-annotations into the sidecars: identical spans not duplicated, conflicts reported, nothing overwritten.
   */
  async importAnnotations(request: ImportRequest): Promise<ImportReport> {
    const controller = new AbortController();
    this.imports.add(controller);
    let last = 0;
    const written = new Set<string>();
    try {
      return await runImport({
        root: this.root,
        request,
        signal: controller.signal,
        // Its writes are the Backend's own, as a save's are: the page is told once the import is over (below). Told by
        // the watcher as it went, a batch at a time, the page listed the 5,424 documents again at each (370 ms of the
        // server's CPU, its event loop held), and the import merged 40 documents in 10 s where the command line
        // merges 5,217 in 19 s of CPU.
        onWrite: (file, sha) => {
          this.events.beginWriting(file, sha);
          return (ok) => {
            this.events.endWriting(file, sha);
            if (!ok) return;
            this.events.noteContent(file, sha);
            written.add(file);
          };
        },
        // As an export's: at most ~20 a second over IPC/SSE.
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - last < 50) return;
          last = now;
          this.events.emit({ type: 'import-progress', done, total });
        },
      });
    } finally {
      this.imports.delete(controller);
      // The open document reloads if the import changed it (as after any change on disk), the list is asked once,
      // the tagger and the site templates read the workspace again.
      if (written.size > 0) {
        const listChanged: TahrirEvent = { type: 'documents-changed' };
        this.siteTemplates.noteChange(listChanged);
        this.entitySuggestions.noteChange(listChanged);
        for (const file of written) this.events.emit({ type: 'sidecar-changed', id: documentIdOfSidecar(file) });
        this.events.emit(listChanged);
      }
    }
  }

  /** Stops the running imports between two documents; each answers with the report of what it merged. */
  async cancelImport(): Promise<void> {
    for (const controller of this.imports) controller.abort();
  }

  private readonly imports = new Set<AbortController>();

  /** One sync at a time: a second press while one runs waits for it and gets its report. */
  private syncing: Promise<SyncReport> | null = null;

  /** Teams: commit the changed sidecars, pull through the merge driver, push (electron/git-sync.ts). */
  sync(request: SyncRequest): Promise<SyncReport> {
    this.syncing ??= syncWorkspace(this.root, request, {
      mergeDriver: this.options.mergeDriver ?? defaultMergeDriver(),
      git: this.options.git,
      onStep: (step, attempt) =>
        this.events.emit(
          attempt === undefined ? { type: 'sync-progress', step } : { type: 'sync-progress', step, attempt },
        ),
    }).finally(() => (this.syncing = null));
    return this.syncing;
  }

  /** The status line: ahead/behind the upstream, unsynced documents. */
  syncStatus(annotator: string): Promise<SyncStatus> {
    return syncStatus(this.root, annotator, this.options.git);
  }

  /** Stops everything; once it resolves, nothing of the Backend's writes into the workspace any more. */
  async close(): Promise<void> {
    this.closed = true;
    this.exports.cancelAll();
    this.siteTemplates.stop();
    this.entitySuggestions.stop();
    this.events.close();
    await Promise.allSettled([this.keeping, this.siteTemplates.settled(), this.entitySuggestions.writesSettled()]);
  }
}
