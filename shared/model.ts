// The document model: what a sidecar holds, in the users' words.
// Every `start`/`end` is a Unicode code point offset into the *source* text, half-open.

export type DocumentStatus = 'todo' | 'in_progress' | 'done';
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['todo', 'in_progress', 'done'];

export type EditKind = 'boilerplate' | 'join' | 'split' | 'normalize' | 'typo';
export type QuoteKind = 'direct' | 'indirect';

/** A correction of the source text, stored (never applied to the file). */
export interface Edit {
  id: string;
  start: number;
  end: number;
  /** Exact source substring [start, end): the anchor. */
  text: string;
  /** New text; '' deletes, start === end inserts. */
  replacement: string;
  kind: EditKind;
  /** The detector that proposed it; absent for hand edits. */
  rule?: string;
  orphaned?: boolean;
  /** Teams: the annotator who made it, and who last changed it (absent when not known). */
  createdBy?: string;
  changedBy?: string;
}

export interface Entity {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  /** Knowledge-base id or canonical name. */
  link?: string;
  attrs?: Record<string, string>;
  orphaned?: boolean;
  createdBy?: string;
  changedBy?: string;
}

export interface Quote {
  id: string;
  start: number;
  end: number;
  text: string;
  /** An entity id, or null. */
  speaker: string | null;
  kind: QuoteKind;
  /** The speaker's name when no entity exists for them. */
  speakerName?: string;
  orphaned?: boolean;
  createdBy?: string;
  changedBy?: string;
}

/** A boilerplate suggestion the editor rejected; not proposed again for this document. */
export interface RejectedSuggestion {
  rule: string;
  start: number;
  end: number;
  text: string;
}

/** A sidecar's `document` block: the document's status and its metadata (title, date, source…). */
export interface DocumentMetadata {
  status: DocumentStatus;
  title?: string;
  /** ISO date (YYYY-MM-DD) or date-time. */
  published?: string;
  sourceName?: string;
  keywords?: string[];
  note?: string;
  /** Teams: the document was curated from these versions (shared/curation.ts); absent otherwise. */
  curatedFrom?: CurationRecord;
}

/** A curation's provenance: the versions compared and each difference's decision (by the difference's key). */
export interface CurationRecord {
  /** Git revisions or folders, as they were named (`annotators/ali`). */
  versions: string[];
  /** Difference key (`entity 12-20`) → the version taken, `both` or `neither`. */
  decisions: Record<string, string>;
}

export interface SourceInfo {
  /** File name of the text, relative to the sidecar's folder. */
  file: string;
  /** sha256 hex of the text file's raw bytes. */
  sha256: string;
  /** Code points of the source text. */
  length: number;
}

export const SIDECAR_FORMAT = 'tahrir-annotations';
export const SIDECAR_VERSION = 1;

/** A document's status from a time on (a sidecar's statusHistory). */
export interface StatusChange {
  status: DocumentStatus;
  at: string;
}

export interface Sidecar {
  format: typeof SIDECAR_FORMAT;
  version: typeof SIDECAR_VERSION;
  source: SourceInfo;
  document: DocumentMetadata;
  edits: Edit[];
  entities: Entity[];
  quotes: Quote[];
  /** Additive optional field (format v1): suggestions rejected by the editor. */
  rejected?: RejectedSuggestion[];
  updatedAt?: string;
  annotator?: string;
  /**
   * Additive optional field: each change of `document.status`, oldest first, with the time of the save
   * that made it (the progress view's documents per status over time). Absent in older files.
   */
  statusHistory?: StatusChange[];
  /** Teams: what a merge of two annotators' versions could not settle; absent when there is nothing to resolve. */
  conflicts?: SidecarConflict[];
}

export type SidecarConflictKind = 'edit' | 'entity' | 'quote' | 'document';
export type SidecarConflictReason = 'both-changed' | 'changed-and-deleted' | 'overlapping-edit' | 'field-changed';
export const SIDECAR_CONFLICT_KINDS: readonly SidecarConflictKind[] = ['edit', 'entity', 'quote', 'document'];
export const SIDECAR_CONFLICT_REASONS: readonly SidecarConflictReason[] = [
  'both-changed',
  'changed-and-deleted',
  'overlapping-edit',
  'field-changed',
];

/** One item two annotators' changes could not settle, with every version of it (absent: deleted, or not known). */
export interface SidecarConflict {
  kind: SidecarConflictKind;
  /** The item's id, or the document field's name (`status`, `source`, …). */
  id: string;
  reason: SidecarConflictReason;
  base?: unknown;
  mine?: unknown;
  theirs?: unknown;
}

export interface LabelConfig {
  name: string;
  /** A single key, e.g. "1". */
  hotkey?: string;
  /** CSS color. */
  color?: string;
  /** May its entities cross another entity (overlap without nesting)? Default true (shared/span-policy.ts). */
  allowCrossing?: boolean;
  /** May its entities run across a paragraph break? Default false. */
  allowAcrossParagraphs?: boolean;
}

/** `tahrir.json` at the workspace root. Absent file = defaults. */
export interface WorkspaceConfig {
  labels: LabelConfig[];
  /**
   * Per-file text encodings other than UTF-8, keyed by path relative to the workspace, e.g. {"old/a.txt":
   * "windows-1256"}.
   */
  encodings?: Record<string, string>;
  /** Boilerplate rule ids switched off for this workspace. */
  disabledRules?: string[];
  /** The workspace's own boilerplate rules: a regular expression and the kind of edit each match becomes. */
  boilerplateRules?: WorkspaceBoilerplateRule[];
  /**
   * Glob → site, for the template counts (default: a document's site is its folder), e.g. {"archive/wam-*.txt": "wam"}.
   */
  sites?: Record<string, string>;
  annotator?: string;
  exportDefaults?: { format?: string; status?: DocumentStatus; split?: number[]; seed?: number };
}

export interface WorkspaceBoilerplateRule {
  id: string;
  /** JavaScript regular expression source, e.g. "^شارك عبر.*$" */
  pattern: string;
  /** RegExp flags ("m", "i"); "g" and "u" are always on. */
  flags?: string;
  /** Default 'boilerplate' (removal). */
  kind?: EditKind;
  /** Replacement for each match; '' by default. */
  replacement?: string;
  description?: string;
}

export const DEFAULT_LABELS: readonly LabelConfig[] = [
  { name: 'PERSON', hotkey: '1', color: '#ce8108' },
  { name: 'ORG', hotkey: '2', color: '#2ea5aa' },
  { name: 'GPE', hotkey: '3', color: '#7f9c52' },
  { name: 'LOC', hotkey: '4', color: '#a29083' },
  { name: 'DATE', hotkey: '5', color: '#f2b808' },
  { name: 'EVENT', hotkey: '6', color: '#15dbbd' },
  { name: 'MISC', hotkey: '7', color: '#b4c960' },
];

export const DEFAULT_CONFIG: WorkspaceConfig = { labels: [...DEFAULT_LABELS] };
