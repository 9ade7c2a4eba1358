// The argument shapes of every TahrirApi operation, checked by both hosts (IPC handlers and
// `tahrir serve`) before anything reaches the back end: a compromised or buggy renderer can send
// anything. Sidecars are only checked to be objects (or JSON text) here; Backend parses and validates them in full.
import * as v from 'valibot';
import { API_METHODS, EXPORT_FORMATS, IMPORT_FORMATS } from './api';
import type { ApiMethod, TahrirApi } from './api';
import { TahrirError } from './errors';
import { jsonValueProblem } from './json-limits';
import { DOCUMENT_STATUSES } from './model';
import { isWebLink } from './web-link';

const MAX_NAME = 4096;
/** A document id is a path inside the workspace, of a text file and its sidecar beside it. */
const MAX_DOCUMENT_ID = 1024;

/** A document id, job id or path: a non-empty string without NUL (NUL cuts paths short in C APIs). */
const name = (what: string) =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.minLength(1, `${what} must not be empty`),
    v.maxLength(MAX_NAME, `${what} is too long`),
    v.check((s) => !s.includes('\0'), `${what} must not contain NUL`),
  );

/**
 * A document id: a name, and short enough to be a path on any disk (longer ones are refused as such, not as a disk
 * error).
 */
const documentId = v.pipe(
  name('id'),
  v.maxLength(MAX_DOCUMENT_ID, `id is too long (at most ${MAX_DOCUMENT_ID} characters)`),
);

/** The document last opened per workspace root, as the page remembers them (a few). */
const lastDocuments = v.pipe(
  v.record(name('a workspace root'), documentId, 'lastDocuments must be an object of workspace root → document id'),
  v.check((o) => Object.keys(o).length <= 256, 'lastDocuments names too many workspaces (at most 256)'),
);

const revision = v.nullable(
  // (nullable's second argument is a default value, not a message)
  v.pipe(v.string('baseRevision must be a string or null'), v.maxLength(256, 'baseRevision is too long')),
);
/** The version of a document's suggestions the editor has (null: none). */
const suggestionsVersion = v.nullable(
  v.pipe(v.string('since must be a string or null'), v.maxLength(256, 'since is too long')),
);
/** The largest sidecar given as JSON text (`tahrir serve` has the same limit on a request body). */
export const MAX_SIDECAR_TEXT = 64 * 1024 * 1024;
const sidecar = v.union(
  [v.looseObject({}), v.pipe(v.string(), v.maxLength(MAX_SIDECAR_TEXT, 'the sidecar text is too long'))],
  'sidecar must be an object or its JSON text',
);
const exportFormat = v.picklist(EXPORT_FORMATS, `format must be one of ${EXPORT_FORMATS.join(', ')}`);
const importFormat = v.picklist(IMPORT_FORMATS, `format must be one of ${IMPORT_FORMATS.join(', ')}`);

const exportRequest = v.strictObject(
  {
    format: exportFormat,
    out: name('out'),
    status: v.optional(v.picklist(DOCUMENT_STATUSES, `status must be one of ${DOCUMENT_STATUSES.join(', ')}`)),
    split: v.optional(
      v.pipe(
        v.array(v.pipe(v.number('split parts must be numbers'), v.minValue(0, 'split parts must not be negative'))),
        v.minLength(1, 'split must have at least one part'),
        v.maxLength(10, 'split has too many parts'),
      ),
    ),
    seed: v.optional(v.pipe(v.number('seed must be a number'), v.safeInteger('seed must be a whole number'))),
    replace: v.optional(v.boolean('replace must be true or false')),
    skipUntouched: v.optional(v.boolean('skipUntouched must be true or false')),
  },
  'the export request must be an object with format and out (and optionally status, skipUntouched, split, seed, replace)',
);

const importRequest = v.strictObject(
  { format: importFormat, from: name('from') },
  'the import request must be an object with format and from',
);

const externalUrl = v.pipe(
  v.string('url must be a string'),
  v.maxLength(8192, 'url is too long'),
  v.check(isWebLink, 'only http and https links open outside the app'),
);

const rejectedSuggestion = v.strictObject(
  {
    rule: v.pipe(v.string('rule must be a string'), v.maxLength(MAX_NAME, 'rule is too long')),
    start: v.pipe(
      v.number('start must be a number'),
      v.safeInteger('start must be a whole number'),
      v.minValue(0, 'start must not be negative'),
    ),
    end: v.pipe(
      v.number('end must be a number'),
      v.safeInteger('end must be a whole number'),
      v.minValue(0, 'end must not be negative'),
    ),
    text: v.string('text must be a string'),
  },
  'a rejected suggestion must be an object with rule, start, end and text',
);
const suggestDecisions = v.strictObject(
  { rejected: v.array(rejectedSuggestion, 'rejected must be a list') },
  'decisions must be an object with rejected',
);

/** A workspace rule as tahrir.json holds it (workspaceRule in the back end checks that the pattern compiles). */
const boilerplateRule = v.strictObject(
  {
    id: name('id'),
    pattern: v.pipe(
      v.string('pattern must be a string'),
      v.minLength(1, 'pattern must not be empty'),
      v.maxLength(MAX_NAME, 'pattern is too long'),
    ),
    flags: v.optional(
      v.pipe(v.string('flags must be a string'), v.regex(/^[gimsuy]*$/, 'flags may only be g, i, m, s, u, y')),
    ),
    kind: v.optional(
      v.picklist(
        ['boilerplate', 'join', 'split', 'normalize', 'typo'],
        'kind must be boilerplate, join, split, normalize or typo',
      ),
    ),
    replacement: v.optional(
      v.pipe(v.string('replacement must be a string'), v.maxLength(MAX_NAME, 'replacement is too long')),
    ),
    description: v.optional(
      v.pipe(v.string('description must be a string'), v.maxLength(MAX_NAME, 'description is too long')),
    ),
  },
  'the rule must be an object with id and pattern (and optionally flags, kind, replacement, description)',
);

/** Versions to compare: git revisions or folders, two to nine, none read as an option by git. */
const versionList = v.pipe(
  v.array(
    v.pipe(
      name('version'),
      v.maxLength(256, 'a version name is too long'),
      v.check((s) => !s.startsWith('-'), 'a version must not start with -'),
    ),
    'versions must be a list',
  ),
  v.minLength(2, 'agreement needs at least two versions'),
  v.maxLength(9, 'at most nine versions'),
);

const annotator = v.pipe(v.string('annotator must be a string'), v.maxLength(256, 'annotator is too long'));
const syncRequest = v.strictObject(
  { annotator, texts: v.optional(v.boolean('texts must be true or false')) },
  'the sync request must be an object with annotator (and optionally texts)',
);

const searchWords = v.pipe(
  v.array(
    v.pipe(v.string('each word must be a string'), v.maxLength(MAX_NAME, 'a word is too long')),
    'words must be a list',
  ),
  v.maxLength(64, 'too many words (at most 64)'),
);

const none = v.strictTuple([], 'takes no arguments');
const one = <T extends v.GenericSchema>(schema: T) => v.strictTuple([schema], 'takes one argument');

export const API_ARGUMENTS = {
  getWorkspace: none,
  startEditor: one(lastDocuments),
  openWorkspace: one(name('path')),
  chooseWorkspace: none,
  recentWorkspaces: none,
  listDocuments: none,
  listedDocuments: none,
  corpusProgress: none,
  searchDocuments: v.union(
    [one(searchWords), v.strictTuple([searchWords, name('searcher')])],
    'takes words (and optionally the searcher)',
  ),
  openDocument: one(documentId),
  saveSidecar: v.strictTuple([documentId, sidecar, revision], 'takes id, sidecar and baseRevision'),
  writeRecovery: v.strictTuple([documentId, sidecar], 'takes id and sidecar'),
  discardRecovery: one(documentId),
  suggest: v.union(
    [one(documentId), v.strictTuple([documentId, suggestDecisions])],
    'takes id (and optionally the decisions)',
  ),
  suggestAnnotations: one(documentId),
  annotationSuggestionChanges: v.strictTuple([documentId, suggestionsVersion], 'takes id and since'),
  siteTemplateLines: none,
  addBoilerplateRule: one(boilerplateRule),
  agreementVersions: none,
  measureAgreement: one(versionList),
  openCuration: v.strictTuple([documentId, versionList], 'takes id and versions'),
  chooseExportDestination: one(exportFormat),
  startExport: one(exportRequest),
  cancelExport: one(name('jobId')),
  chooseImportSource: one(importFormat),
  importAnnotations: one(importRequest),
  cancelImport: none,
  openExternal: one(externalUrl),
  sync: one(syncRequest),
  syncStatus: one(annotator),
} satisfies Record<ApiMethod, v.GenericSchema>;

export function isApiMethod(method: string): method is ApiMethod {
  return (API_METHODS as readonly string[]).includes(method);
}

/**
 * The arguments of `method`, checked; anything else is a TahrirError('invalid-argument') naming the
 * problem. (A sidecar is only checked to be an object or text here: Backend checks it in full.)
 */
export function parseApiArguments<M extends ApiMethod>(method: M, args: unknown): Parameters<TahrirApi[M]> {
  // First, without recursion: what would overflow valibot's (and JSON.stringify's) stack, or is no text.
  const problem = jsonValueProblem(args);
  if (problem) {
    throw new TahrirError(
      'invalid-argument',
      `${method}: ${problem.path ? `argument ${problem.path}` : 'the arguments'} ${problem.message}`,
      undefined,
      {
        method,
        issues: [{ path: problem.path, message: problem.message }],
      },
    );
  }
  const result = v.safeParse(API_ARGUMENTS[method], args);
  if (result.success) return result.output as Parameters<TahrirApi[M]>;
  const issue = result.issues[0];
  const where = v.getDotPath(issue);
  throw new TahrirError(
    'invalid-argument',
    `${method}: ${issue.message}${where ? ` (argument ${where})` : ''}`,
    undefined,
    { method, issues: result.issues.slice(0, 5).map((i) => ({ path: v.getDotPath(i), message: i.message })) },
  );
}
