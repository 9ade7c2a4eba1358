// The shape of the one store, slice by slice. Slices hold data; the actions that
// change it live at module level (*-actions.ts) so event listeners call them without hooks.
import type {
  AgreementRun,
  TaggerStatus,
  DocumentSummary,
  OpenedDocument,
  SyncReport,
  SyncStatus,
  SyncStep,
  ReanchorReport,
  SuggestedEdit,
  Suggestions,
  WorkspaceInfo,
} from '../../shared/api';
import type { TahrirErrorData } from '../../shared/errors';
import type { MergeResult } from '../../shared/merge-sidecars';
import type { Sidecar } from '../../shared/model';
import type { Difference } from '../../shared/curation';
import type { DocumentData, SpanKind } from '../../shared/document-data';
import type { TextView } from '../../shared/text-view';
import type { SuggestionSources } from '../../shared/annotation-review';
import type { Suggestion } from '../../shared/suggestions';
import type { Locale } from '../../shared/i18n/translator';

export interface WorkspaceSlice {
  workspace: WorkspaceInfo | null;
  documents: DocumentSummary[];
  /** Documents listed after `documents`, not here yet (WorkspaceInfo.moreDocuments): the first screen came first. */
  moreDocuments: number;
  /** Text typed in the document list's filter box. */
  filter: string;
  /**
   * The back end's answer for the filter's words (name, title and text, Arabic-normalized): the
   * ids that hold them all. Until it comes, the list matches names and titles alone.
   */
  textMatches: { words: string; ids: ReadonlySet<string> } | null;
  workspaceError: TahrirErrorData | null;
  /** Teams: the annotator name chosen on this machine; null: the default (git's user.name). */
  annotator: string | null;
}

/** The document open in the editor: its text, the sidecar as opened, what opening it found (from OpenedDocument). */
export interface EditorDocument {
  id: string;
  file: string;
  /** Source text (code points are what offsets count). */
  source: string;
  /** The sidecar as opened: its header (format, source info) is written back unchanged. */
  base: Sidecar;
  /** Set when the sidecar could not be read: nothing is written. */
  readOnly: TahrirErrorData | null;
  reanchored: ReanchorReport | null;
  /** Unsaved changes found in the crash journal, offered for restore. */
  recovered: OpenedDocument['recovered'] | null;
}

export interface DocumentSlice {
  doc: EditorDocument | null;
  /** What the editor changes; undo and autosave follow it. */
  data: DocumentData | null;
  /** Revision of the sidecar on disk, passed back on the next save. */
  revision: string | null;
  /** Id of the document being opened (the list shows it as busy). */
  opening: string | null;
  openError: TahrirErrorData | null;
  /** Teams: the open document is being curated from these versions (opening another document ends it). */
  curation: Curation | null;
}

/** A curation under way (renderer/session/curation.ts): the versions compared and their differences. */
export interface Curation {
  /** The versions holding the document, as named (a git revision or a folder). */
  versions: string[];
  /** Their sidecars, re-anchored onto the open text. */
  sidecars: Sidecar[];
  differences: Difference[];
  /** Versions asked for that hold no sidecar of the document (or one that cannot be read). */
  missing: { name: string; problem?: string }[];
}

export interface HistorySlice {
  past: DocumentData[];
  future: DocumentData[];
  /** Key of the last change, to merge consecutive typing in one field into one step. */
  groupKey: string | null;
}

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export interface SaveSlice {
  save: {
    state: SaveState;
    error: TahrirErrorData | null;
    /** When the next retry after a failed save happens (ms since epoch). */
    retryAt: number | null;
  };
}

export interface SpanRef {
  kind: SpanKind;
  id: string;
}

export type { TextView };

export interface Notice {
  /** 'hint': what a key needs first (a selection); gone in a moment, or at the next command. */
  kind: 'info' | 'error' | 'hint';
  text: string;
  /** Grows with each notice, so the same text twice still shows. */
  seq: number;
}

export interface ExternalChange {
  type: 'sidecar-changed' | 'text-changed' | 'document-removed';
  id: string;
}

/** The choice the external-change dialog shows: the version on disk, the unsaved one here, and the merge of both. */
export interface PendingChange {
  change: ExternalChange;
  theirs: OpenedDocument | null;
  mine: Sidecar | null;
  /** The version both started from (the last one loaded or saved here). */
  base: Sidecar | null;
  merged: MergeResult | null;
  error: string | null;
}

/** A hand replacement being typed: the clean range captured when the field opened (typing moves the DOM selection). */
export interface PendingReplace {
  start: number;
  end: number;
  text: string;
}

export interface UiSlice {
  /** The interface's language (locale.ts): its messages and its direction. */
  locale: Locale;
  view: TextView;
  selected: SpanRef | null;
  /** Side panel tab id ("entities", "quotes", "cleanup"). */
  sideTab: string;
  /** Open dialog kind ("export", "import"...), rendered from the dialog registry. */
  dialog: string | null;
  shortcutsOpen: boolean;
  search: { open: boolean; query: string; current: number };
  flash: (SpanRef & { seq: number }) | null;
  notice: Notice | null;
  external: ExternalChange | null;
  /** The keep mine / take theirs / merge choice waiting in its dialog. */
  externalChoice: PendingChange | null;
  /** The Cleanup tab's replace field, while open. */
  replacing: PendingReplace | null;
  /** Teams: the agreement view's versions and its last measurement (kept while the workspace is open). */
  agreement: { versions: string[]; report: AgreementRun | null };
  /** Teams: the status line and the Sync command (session/sync.ts). */
  sync: SyncState;
}

export interface SyncState {
  /** Where this clone stands (null until asked). */
  status: SyncStatus | null;
  running: boolean;
  /** The running sync's step (from the back end's events), and which push it is on. */
  step: SyncStep | null;
  attempt: number | null;
  /** The last sync's report, for its dialog. */
  report: SyncReport | null;
}

/** The cleanup review's boilerplate suggestions: not document data, refetched per document. */
export interface CleanupState {
  /** The document the suggestions are for. */
  docId: string | null;
  suggestions: SuggestedEdit[];
  metadata: Suggestions['metadata'];
  loading: boolean;
  error: TahrirErrorData | null;
  /** Key (suggestionKey) of the suggestion the keyboard is on. */
  cursor: string | null;
}

export interface CleanupSlice {
  cleanup: CleanupState;
}

/**
 * Entity and quote suggestions of the open document (not document data): refetched per document and as the tagger
 * learns.
 */
export interface ReviewState {
  docId: string | null;
  /** In openSuggestions' order (sortSuggestions), changed in place of each change the back end sends. */
  suggestions: Suggestion[];
  /** The back end's version of `suggestions` (annotationSuggestionChanges), null before the first answer. */
  version: string | null;
  tagger: TaggerStatus | null;
  loading: boolean;
  error: TahrirErrorData | null;
  /** suggestionId of the suggestion the keyboard is on. */
  cursor: string | null;
  /** The sources shown (a setting each, kept in the browser's storage). */
  sources: SuggestionSources;
}

export interface ReviewSlice {
  review: ReviewState;
}

export type TahrirState = WorkspaceSlice &
  DocumentSlice &
  HistorySlice &
  SaveSlice &
  UiSlice &
  CleanupSlice &
  ReviewSlice;
