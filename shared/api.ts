// The one contract between the UI and the back end. Implemented by the Electron
// preload (`window.tahrir`, `satisfies TahrirApi`) and by the HTTP client used under
// `tahrir serve`. Every method is one operation; arguments and results are plain data.

import type { AgreementReport } from './agreement';
import type { CorpusProgress } from './corpus-progress';
import type { TahrirErrorData } from './errors';
import type { Message } from './i18n/message';
import type { EntitySuggestion, QuoteSuggestion } from './suggestions';
import type { SuggestionChanges } from './suggestion-changes';
import type {
  DocumentMetadata,
  DocumentStatus,
  Edit,
  RejectedSuggestion,
  Sidecar,
  WorkspaceBoilerplateRule,
  WorkspaceConfig,
} from './model';

/** One row of the document list: a document's id, file, status and counts, read without opening it. */
export interface DocumentSummary {
  /** Path relative to the workspace without `.txt`, with `/` separators. */
  id: string;
  /** Path of the text file relative to the workspace. */
  file: string;
  status: DocumentStatus;
  title?: string;
  entities: number;
  quotes: number;
  edits: number;
  /** Set when the text or its sidecar cannot be read; the document still lists. */
  problem?: TahrirErrorData;
  /**
   * Listed before it was read: a large workspace's first answer names every document at once and
   * reads the rest after it (status todo and no counts until then); listing again gives them.
   */
  pending?: true;
}

export interface WorkspaceInfo {
  /** Absolute path (desktop) or the folder name (serve). */
  root: string;
  name: string;
  config: WorkspaceConfig;
  /** Problem reading tahrir.json (defaults are used then). */
  configProblem?: TahrirErrorData;
  documents: DocumentSummary[];
  /**
   * How many documents follow those in `documents`, asked for with listedDocuments: `tahrir serve`'s first answer
   * (startEditor) carries only the list's first screen of rows (100,000 rows were most of that answer's time, on
   * both sides, before the list could paint). Absent when `documents` is the whole list.
   */
  moreDocuments?: number;
  /** Teams: `git config user.name` for the workspace (the editor's default annotator name); absent when none. */
  gitUserName?: string;
  /** Teams: `tahrir-assignment.json`'s documents (id → its annotators), for "assigned to me"; absent when none. */
  assignment?: Record<string, string[]>;
}

/** startEditor's answer: the workspace, and its first document opened (or why it could not be). */
export interface EditorStart {
  workspace: WorkspaceInfo;
  /** null when the workspace has no document. */
  first: { id: string; opened: OpenedDocument } | { id: string; error: TahrirErrorData } | null;
}

/** Why a sync stopped (or could not start); the message says it in git's words too. */
export type SyncProblemReason =
  | 'no-git'
  | 'not-a-repository'
  | 'no-remote'
  | 'no-upstream'
  | 'auth'
  | 'network'
  | 'merge-in-progress'
  | 'local-changes'
  | 'merge-failed'
  | 'push-rejected'
  | 'git-failed';

export interface SyncProblem {
  reason: SyncProblemReason;
  /** One line in English naming what is wrong and what to do, then git's own words. */
  message: string;
  /** Files it concerns (a merge git could not settle, local changes in the way), relative to the workspace. */
  files?: string[];
}

/** The status line: where this clone stands against its upstream, and what is not committed yet. */
export interface SyncStatus {
  /** The branch checked out, its upstream (e.g. `origin/main`); null when none. */
  branch: string | null;
  upstream: string | null;
  /** Commits not pushed yet, commits fetched and not merged yet (as of the last fetch). */
  ahead: number;
  behind: number;
  /** Documents whose sidecars changed since the last sync (not committed). */
  unsynced: number;
  /** Set when there is nothing to show: no git, no repository, no upstream. */
  problem?: SyncProblem;
}

export interface SyncRequest {
  /** Who syncs: named in the commit message, and whose documents assigned to two go to `annotators/<name>`. */
  annotator: string;
  /** Commit changed texts too (never unless asked). */
  texts?: boolean;
}

export interface SyncReport {
  /** The documents committed (ids), and the commit's message; empty when nothing had changed. */
  committed: string[];
  message?: string;
  /** What `tahrir git-setup` changed first (the merge driver was not configured in this clone). */
  setUp: string[];
  /** Documents others changed that came in with the pull, each with who changed them. */
  incoming: { id: string; by: string[] }[];
  /** Documents the merge left structured conflicts in: to settle in the conflict queue, then sync again. */
  conflicts: string[];
  /** Pushed to the upstream (false: nothing to push, or stopped before). */
  pushed: boolean;
  /** Pushes refused because the remote had moved on, each followed by another pull. */
  retries: number;
  /** Documents assigned to two (this annotator and another) pushed to the annotator's own branch. */
  ownBranch?: { branch: string; documents: string[]; pushed: boolean };
  /** Texts changed and not committed (a sync commits texts only when asked). */
  textsLeft: string[];
  /** Where things stand after. */
  status: SyncStatus;
  problem?: SyncProblem;
}

/** The steps of a sync, sent as events while it runs (the status line shows them). */
export type SyncStep = 'saving' | 'committing' | 'pulling' | 'pushing' | 'own-branch';

/** What moved or was orphaned when the source text changed on disk. */
export interface ReanchorReport {
  moved: { kind: 'edit' | 'entity' | 'quote'; id: string; from: number; to: number; how: 'nearest' | 'fuzzy' }[];
  orphaned: { kind: 'edit' | 'entity' | 'quote'; id: string; text: string }[];
}

/** The back end's answer to openDocument: the text, the sidecar and its revision, and what it found on the way. */
export interface OpenedDocument {
  id: string;
  file: string;
  /** Decoded source text (BOM removed, nothing else changed). */
  text: string;
  /** The sidecar (a fresh empty one when none exists yet), re-anchored if the text changed. */
  sidecar: Sidecar;
  /** Revision of the sidecar on disk (sha256 of its bytes), null when there is none. Pass back on save. */
  revision: string | null;
  /** Set when the sidecar could not be read: the document opens read-only and nothing is written. */
  readOnly?: TahrirErrorData;
  /** Set when the text changed on disk since the sidecar was written. */
  reanchored?: ReanchorReport;
  /** Unsaved changes recovered from the journal after a crash, newer than the sidecar on disk. */
  recovered?: { sidecar: Sidecar; savedAt: string };
}

export interface SaveResult {
  revision: string;
}

/** A proposed boilerplate or normalization edit (source coordinates). */
export type SuggestedEdit = Omit<Edit, 'id' | 'rule'> & {
  rule: string;
  /** The rule's description, in English (a workspace rule's: its own words). */
  description?: string;
  /** The description as a catalog message, for a built-in rule: the editor shows it in its language. */
  descriptionMessage?: Message;
  /** Why this document got it, in English, e.g. "appears in 87 of 100 spa articles", "like 12 lines you removed". */
  reason?: string;
  /** The reason as a catalog message, for the editor's language. */
  reasonMessage?: Message;
};

/** What the editor decided on a document so far, saved or not (suggest leaves these out). */
export interface SuggestDecisions {
  rejected: RejectedSuggestion[];
}

/** A site's recurring lines, for the corpus cleanup view. */
export interface SiteTemplateLines {
  site: string;
  /** Articles of the site counted. */
  documents: number;
  /**
   * Most frequent first: articles holding the line (digits masked, letter variants folded) and one of them as it reads.
   */
  lines: { count: number; example: string }[];
}

export interface Suggestions {
  edits: SuggestedEdit[];
  metadata: Partial<Omit<DocumentMetadata, 'status' | 'note'>>;
}

/** The workspace's tagger: learning in the background from the annotated documents. */
export interface TaggerStatus {
  /**
   * 'reading': the workspace's sidecars are being read; 'training': a model is being learned (in a
   * worker); 'ready': suggesting; 'untrained': nothing annotated to learn from yet; 'unavailable':
   * it cannot run here (`problem` says why), the other sources still suggest.
   */
  state: 'reading' | 'training' | 'ready' | 'untrained' | 'unavailable';
  /** Documents and sentences the model in use learned from. */
  documents: number;
  sentences: number;
  /** When the model in use was trained (ISO). */
  trainedAt?: string;
  problem?: string;
  /** The problem as a catalog message, for the editor's language. */
  problemMessage?: Message;
}

/** Entity and quote suggestions for one document (source code points), and how the tagger is doing. */
export interface AnnotationSuggestions {
  entities: EntitySuggestion[];
  quotes: QuoteSuggestion[];
  tagger: TaggerStatus;
}

/**
 * A document's suggestions as changes since the version the editor has (annotationSuggestionChanges): on a long
 * document the whole answer is ~100,000 suggestions, of which an edit or a training changes a few.
 */
export interface AnnotationSuggestionChanges {
  /** The version this answer brings the editor to: the `since` of its next question. */
  version: string;
  tagger: TaggerStatus;
  /** The whole answer, when the version asked about is not the back end's last for this document (or none was). */
  all?: { entities: EntitySuggestion[]; quotes: QuoteSuggestion[] };
  /** Otherwise what came and went since it (both empty: unchanged). */
  changes?: SuggestionChanges;
}

export type ExportFormat = 'jsonl' | 'conll' | 'hf' | 'brat' | 'w3c' | 'labelstudio';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'conll', 'hf', 'brat', 'w3c', 'labelstudio'];
export type ImportFormat = 'brat' | 'jsonl' | 'conll' | 'labelstudio';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['brat', 'jsonl', 'conll', 'labelstudio'];

export interface ExportRequest {
  format: ExportFormat;
  /** Output path (file or folder, by format). */
  out: string;
  status?: DocumentStatus;
  /**
   * Leave out untouched documents (status to do, nothing annotated or edited): not examples with
   * no entities. The dialog sets it unless asked to include them; the CLI exports every document.
   */
  skipUntouched?: boolean;
  /** e.g. [80, 10, 10] for train/dev/test. */
  split?: number[];
  seed?: number;
  /**
   * Replace an earlier export of ours at `out` (confirmed by the user). Without it such an export
   * is refused with code 'exists' and `detail.earlierExport: true`; anything else that is there
   * (a document, a sidecar, a file or folder no export wrote) is refused whatever this says.
   */
  replace?: boolean;
}

export interface ExportSummary {
  documents: number;
  spansByLabel: Record<string, number>;
  quotes: number;
  /**
   * Spans left out, by reason (e.g. "inside removed text", "overlap (conll)", "orphaned"); not counted in spansByLabel
   * or quotes. The reasons are machine-readable; the editor says them by their messages (LEFT_OUT_MESSAGES).
   */
  leftOut: Record<string, number>;
  /** Documents left out as untouched (skipUntouched), by id. */
  untouched: string[];
  /** Each span left out, named: its document, label (null: a quote), text and reason. */
  leftOutSpans: { document: string; label: string | null; text: string; reason: string }[];
  /** Documents not exported: why in English (`reason`, the CLI's) and as a message for the editor's language. */
  skipped: { file: string; reason: string; reasonMessage?: Message }[];
  /**
   * Spans whose offsets did not hold their `text` (the text changed, or the offsets are wrong),
   * by sidecar: re-anchored by their text (exact, nearest, fuzzy) or left out as orphaned. Never cut to fit.
   */
  reanchored: { file: string; kind: 'edit' | 'entity' | 'quote'; id: string; message: string; said?: Message }[];
  outputs: string[];
}

export interface ImportRequest {
  format: ImportFormat;
  from: string;
}

export interface ImportReport {
  documents: number;
  added: number;
  duplicates: number;
  /** `message` and `reason` in English (the CLI's words); `said` and `reasonMessage` for the editor's language. */
  conflicts: { file: string; message: string; said?: Message }[];
  skipped: { file: string; reason: string; reasonMessage?: Message }[];
  /** Cancelled: the documents counted here were merged, the rest of the source was not read. */
  cancelled?: boolean;
}

/** Agreement between versions of the workspace (`tahrir agree`, the agreement view). */
export interface AgreementRun extends AgreementReport {
  /** Documents with a sidecar in some versions only (not compared). */
  notInEveryVersion: number;
  /** Documents left out, and why (a sidecar that does not parse, a text that cannot be read); why as a message too. */
  skipped: { file: string; reason: string; reasonMessage?: Message }[];
}

/** One version of a document in curation: its sidecar, re-anchored onto the text; null when it has none. */
export interface CurationVersion {
  /** As named: a git revision (`annotators/ali`) or a folder inside the workspace. */
  name: string;
  sidecar: Sidecar | null;
  /** Why the sidecar could not be read (it counts as absent then). */
  problem?: string;
}

/** A document opened for curation: the main copy as openDocument gives it, and each version's sidecar. */
export interface CurationOpened extends OpenedDocument {
  versions: CurationVersion[];
}

export type TahrirEvent =
  | { type: 'documents-changed' }
  | { type: 'sidecar-changed'; id: string }
  | { type: 'text-changed'; id: string }
  | { type: 'document-removed'; id: string }
  | { type: 'export-progress'; jobId: string; done: number; total: number; current?: string }
  | { type: 'export-finished'; jobId: string; summary: ExportSummary }
  | { type: 'export-failed'; jobId: string; error: TahrirErrorData }
  /** An import (importAnnotations) going on: items of its source done (JSONL lines, tasks, .ann files) of all. */
  | { type: 'import-progress'; done: number; total: number }
  /** A measurement of agreement (measureAgreement) going on: documents compared so far of all. */
  | { type: 'agreement-progress'; done: number; total: number }
  | { type: 'menu'; command: MenuCommand }
  | { type: 'sync-progress'; step: SyncStep; attempt?: number }
  /**
   * Desktop only (File → Open Folder… / Open Recent, a second launch with a folder): flush unsaved work, then call
   * `openWorkspace(path)`.
   */
  | { type: 'open-workspace'; path: string };

/** Commands the desktop menu sends to the UI. */
export type MenuCommand =
  | 'undo'
  | 'redo'
  | 'find'
  | 'export'
  | 'import'
  | 'done-and-next'
  | 'next-document'
  | 'previous-document'
  | 'shortcuts'
  | 'toggle-clean-text'
  | 'agreement'
  | 'sync';

export interface TahrirApi {
  /** The open workspace (desktop: the last opened, or `seeds/`; serve: its folder). */
  getWorkspace(): Promise<WorkspaceInfo>;
  /**
   * The editor's start in one round trip: the workspace and the document it opens first (`lastDocuments`: the
   * document last opened per workspace root, as this page remembers them; shared/first-document.ts).
   */
  startEditor(lastDocuments: Record<string, string>): Promise<EditorStart>;
  /** Open another folder by path (desktop only; serve refuses). */
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  /** System folder dialog, then open; null when cancelled or unavailable. */
  chooseWorkspace(): Promise<WorkspaceInfo | null>;
  recentWorkspaces(): Promise<string[]>;

  listDocuments(): Promise<DocumentSummary[]>;
  /**
   * The listing last answered, whole, without listing again (the rest of a first answer that carried its first
   * screen: WorkspaceInfo.moreDocuments). Its unread documents are `pending`, as listDocuments would answer them.
   */
  listedDocuments(): Promise<DocumentSummary[]>;
  /**
   * The document list's filter: the ids, in the list's order, of the documents holding every word in their name,
   * title and text, Arabic-normalized (shared/document-filter.ts), whose name and title alone do not hold them all
   * (the page finds those itself: `article-0` in a corpus named so was 100,000 ids to send, parse and look up, in
   * the keystrokes typed after it). `searcher` names who asks (a window): its later search cancels this one
   * ('cancelled'); another window's does not.
   */
  searchDocuments(words: string[], searcher?: string): Promise<string[]>;
  /** The progress view: documents per status over time, entities per label, documents per annotator. */
  corpusProgress(): Promise<CorpusProgress>;
  openDocument(id: string): Promise<OpenedDocument>;
  /**
   * Atomic save; rejects with code 'stale-revision' when the sidecar on disk is not `baseRevision`.
   * The sidecar may come as its JSON text: the renderer builds that text off its main thread, and a
   * string crosses the bridge far cheaper than an object of 10,000 spans.
   */
  saveSidecar(id: string, sidecar: Sidecar | string, baseRevision: string | null): Promise<SaveResult>;
  /** Crash journal: unsaved changes, written often, cleared after a successful save. The sidecar as for saveSidecar. */
  writeRecovery(id: string, sidecar: Sidecar | string): Promise<void>;
  discardRecovery(id: string): Promise<void>;

  /**
   * Boilerplate and normalization suggestions; `decisions` (the editor's, saved or not) replace the sidecar's on disk.
   */
  suggest(id: string, decisions?: SuggestDecisions): Promise<Suggestions>;
  /**
   * Entity suggestions (the workspace's own entities found in this document, and the tagger
   * trained on its annotated documents) and quote candidates with their speakers. The editor
   * leaves out what it rejected or already has.
   */
  suggestAnnotations(id: string): Promise<AnnotationSuggestions>;
  /**
   * The same suggestions as changes since version `since` of this document's (null: none yet): the whole answer
   * only when that version is not the last one the back end gave for it.
   */
  annotationSuggestionChanges(id: string, since: string | null): Promise<AnnotationSuggestionChanges>;
  /** Every site's recurring lines with their counts and an example (counted first if need be). */
  siteTemplateLines(): Promise<SiteTemplateLines[]>;
  /**
   * Adds a rule to tahrir.json's `boilerplateRules` (the rest of the file kept): from now on a
   * suggestion in every document. The workspace as it is then.
   */
  addBoilerplateRule(rule: WorkspaceBoilerplateRule): Promise<WorkspaceInfo>;

  /** Teams: the git branches of the workspace's repository (local and remote), to compare; none outside git. */
  agreementVersions(): Promise<string[]>;
  /**
   * Agreement between versions of the workspace (git revisions, or folders inside it), as `tahrir agree`
   * measures it; 'agreement-progress' events while it runs.
   */
  measureAgreement(versions: string[]): Promise<AgreementRun>;
  /** A document and each version's sidecar of it, for curation (the result is saved with saveSidecar). */
  openCuration(id: string, versions: string[]): Promise<CurationOpened>;

  /** Output destination with the system dialog (desktop) or a default inside the workspace (serve). */
  chooseExportDestination(format: ExportFormat): Promise<string | null>;
  /**
   * Starts an export job; progress and the summary arrive as events. Rejects at once with code
   * 'exists' when the destination is taken (see ExportRequest.replace).
   */
  startExport(request: ExportRequest): Promise<{ jobId: string }>;
  /**
   * An export's output (a path of ExportSummary.outputs) as the browser downloads it: a file as it
   * is, a folder as a tar archive. Only under `tahrir serve`, whose disk the browser cannot reach;
   * the desktop app has none (its exports are on the user's own disk).
   */
  downloadExport?(path: string): Promise<{ name: string; data: Blob }>;
  cancelExport(jobId: string): Promise<void>;

  chooseImportSource(format: ImportFormat): Promise<string | null>;
  /** Progress arrives as import-progress events; cancelImport stops it, and it answers with what it merged. */
  importAnnotations(request: ImportRequest): Promise<ImportReport>;
  cancelImport(): Promise<void>;

  /** Open an http(s) link the user clicked in the system browser. */
  openExternal(url: string): Promise<void>;

  /**
   * Teams: commits the changed sidecars (and the workspace's shared files), pulls (merging through
   * the merge driver, set up first if need be), pushes (again after a pull when refused), and says
   * what came in and what conflicts. Git's problems come back in the report, not thrown.
   */
  sync(request: SyncRequest): Promise<SyncReport>;
  /** The status line: ahead/behind of the upstream and the unsynced documents of `annotator`. */
  syncStatus(annotator: string): Promise<SyncStatus>;

  /** External changes, export progress, menu commands. Returns an unsubscribe function. */
  onEvent(listener: (event: TahrirEvent) => void): () => void;
}

/** Method names, for the IPC and HTTP routers (one channel per operation). */
export const API_METHODS = [
  'getWorkspace',
  'startEditor',
  'openWorkspace',
  'chooseWorkspace',
  'recentWorkspaces',
  'listDocuments',
  'listedDocuments',
  'searchDocuments',
  'corpusProgress',
  'openDocument',
  'saveSidecar',
  'writeRecovery',
  'discardRecovery',
  'suggest',
  'suggestAnnotations',
  'annotationSuggestionChanges',
  'siteTemplateLines',
  'addBoilerplateRule',
  'agreementVersions',
  'measureAgreement',
  'openCuration',
  'chooseExportDestination',
  'startExport',
  'cancelExport',
  'chooseImportSource',
  'importAnnotations',
  'cancelImport',
  'openExternal',
  'sync',
  'syncStatus',
] as const satisfies readonly Exclude<keyof TahrirApi, 'onEvent'>[];
export type ApiMethod = (typeof API_METHODS)[number];

/**
 * Every operation a host answers, as one table: each host builds it with `satisfies`, so an
 * operation missing from it, or taking or giving other types than TahrirApi says, fails the type
 * check (test/electron/api-handlers-types.test.ts) instead of answering "not available" at run time.
 */
export type ApiHandlers = { [M in ApiMethod]: (...args: Parameters<TahrirApi[M]>) => ReturnType<TahrirApi[M]> };
