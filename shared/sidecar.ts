// The annotation sidecar (SIDECAR-FORMAT.md): schema, parse → validate → migrate, and the
// stable serializer. Valibot validates without eval, which the Electron CSP forbids.
import * as v from 'valibot';
import { TahrirError } from './errors';
import { message, type Message } from './i18n/catalog-message';
import { jsonValueProblem } from './json-limits';
import { conflictMarkerLine, whereJsonBroke } from './json-where';
import {
  DOCUMENT_STATUSES,
  SIDECAR_CONFLICT_KINDS,
  SIDECAR_CONFLICT_REASONS,
  SIDECAR_FORMAT,
  SIDECAR_VERSION,
} from './model';
import type { Edit, Entity, Quote, RejectedSuggestion, Sidecar } from './model';

/** One thing wrong with a sidecar, e.g. path "entities[3]", message "end 3120 is past the end of the text". */
export interface SidecarProblem {
  path: string;
  message: string;
  /** The common problems (a span past the end, a field missing) as a catalog message, for the editor. */
  said?: Message;
}

/** "is not a valid sidecar (for name): the first problem; and n more", as a catalog message. */
export function invalidSidecarMessage(problems: readonly SidecarProblem[], name?: string): Message {
  const first = problems[0] ?? { path: '', message: '' };
  const values = { where: first.path ? `${first.path}: ` : '', more: Math.max(0, problems.length - 1) };
  return message(
    name === undefined ? 'error.sidecar-invalid' : 'error.sidecar-invalid-for',
    name === undefined ? values : { ...values, name },
    { problem: first.said ?? message('error.raw', { text: first.message }) },
  );
}

const EDIT_KINDS = ['boilerplate', 'join', 'split', 'normalize', 'typo'] as const;
const QUOTE_KINDS = ['direct', 'indirect'] as const;

const offset = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number (a code point offset)'),
  v.minValue(0, 'must not be negative'),
);
const text = v.string('must be a string');
const id = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'));
const optionalText = v.optional(text);
const optionalFlag = v.optional(v.boolean('must be true or false'));

// Loose objects: a v1 file may carry additive optional fields from a newer v1 writer; they are kept, not dropped.
// (end >= start is checked after the shape, in spanOrderProblems.)
function span<T extends v.ObjectEntries>(entries: T) {
  return v.looseObject({ id, start: offset, end: offset, ...entries }, 'must be an object');
}

const EditSchema = span({
  text,
  replacement: text,
  kind: v.picklist(EDIT_KINDS, `must be one of ${EDIT_KINDS.join(', ')}`),
  rule: optionalText,
  orphaned: optionalFlag,
  createdBy: optionalText,
  changedBy: optionalText,
});

const EntitySchema = span({
  label: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
  text,
  link: optionalText,
  attrs: v.optional(v.record(v.string(), v.string('must be a string'), 'must be an object of strings')),
  orphaned: optionalFlag,
  createdBy: optionalText,
  changedBy: optionalText,
});

const QuoteSchema = span({
  text,
  speaker: v.nullable(v.string('must be an entity id or null')),
  kind: v.picklist(QUOTE_KINDS, `must be one of ${QUOTE_KINDS.join(', ')}`),
  speakerName: optionalText,
  orphaned: optionalFlag,
  createdBy: optionalText,
  changedBy: optionalText,
});

const ConflictSchema = v.looseObject(
  {
    kind: v.picklist(SIDECAR_CONFLICT_KINDS, `must be one of ${SIDECAR_CONFLICT_KINDS.join(', ')}`),
    id,
    reason: v.picklist(SIDECAR_CONFLICT_REASONS, `must be one of ${SIDECAR_CONFLICT_REASONS.join(', ')}`),
    base: v.optional(v.unknown()),
    mine: v.optional(v.unknown()),
    theirs: v.optional(v.unknown()),
  },
  'must be an object',
);

const RejectedSchema = v.looseObject({ rule: text, start: offset, end: offset, text }, 'must be an object');

export const SidecarSchema = v.looseObject(
  {
    format: v.literal(SIDECAR_FORMAT, `must be "${SIDECAR_FORMAT}"`),
    version: v.literal(SIDECAR_VERSION, `must be ${SIDECAR_VERSION}`),
    source: v.looseObject(
      {
        file: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
        sha256: v.pipe(v.string('must be a string'), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')),
        length: offset,
      },
      'must be an object',
    ),
    document: v.looseObject(
      {
        status: v.picklist(DOCUMENT_STATUSES, `must be one of ${DOCUMENT_STATUSES.join(', ')}`),
        title: optionalText,
        published: optionalText,
        sourceName: optionalText,
        keywords: v.optional(v.array(text, 'must be a list of strings')),
        note: optionalText,
        curatedFrom: v.optional(
          v.looseObject(
            {
              versions: v.array(text, 'must be a list of strings'),
              decisions: v.record(v.string(), text, 'must be an object of strings'),
            },
            'must be an object',
          ),
        ),
      },
      'must be an object',
    ),
    edits: v.array(EditSchema, 'must be a list'),
    entities: v.array(EntitySchema, 'must be a list'),
    quotes: v.array(QuoteSchema, 'must be a list'),
    rejected: v.optional(v.array(RejectedSchema, 'must be a list')),
    updatedAt: optionalText,
    annotator: optionalText,
    statusHistory: v.optional(
      v.array(
        v.looseObject(
          {
            status: v.picklist(DOCUMENT_STATUSES, `must be one of ${DOCUMENT_STATUSES.join(', ')}`),
            at: text,
          },
          'must be an object',
        ),
        'must be a list',
      ),
    ),
    conflicts: v.optional(v.array(ConflictSchema, 'must be a list')),
  },
  'must be an object',
);

function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The schema's own words (above) as catalog messages, for the editor in its language. */
const SCHEMA_WORDS: Readonly<Record<string, Message>> = {
  'must be a number': message('problem.not-number'),
  'must be a whole number (a code point offset)': message('problem.not-whole'),
  'must not be negative': message('problem.negative'),
  'must be a string': message('problem.not-string'),
  'must not be empty': message('problem.empty'),
  'must be true or false': message('problem.not-flag'),
  'must be an object': message('problem.not-object'),
  'must be an entity id or null': message('problem.not-speaker'),
  'must be 64 lowercase hex digits': message('problem.not-sha256'),
  'must be a list of strings': message('problem.not-string-list'),
  'must be an object of strings': message('problem.not-string-object'),
  'must be a list': message('problem.not-list'),
};

function schemaWords(words: string): Message | undefined {
  const known = SCHEMA_WORDS[words];
  if (known) return known;
  const oneOf = /^must be one of (.+)$/.exec(words);
  if (oneOf) return message('problem.one-of', { values: oneOf[1] });
  const exactly = /^must be (.+)$/.exec(words); // the format's name, the version
  return exactly ? message('problem.must-be', { value: exactly[1] }) : undefined;
}

function problemsOf(issues: readonly v.BaseIssue<unknown>[]): SidecarProblem[] {
  return issues.map((issue) => {
    const path = issuePath(issue);
    // A missing required field arrives as "received undefined": say it plainly.
    const missing = issue.received === 'undefined' && issue.kind === 'schema';
    if (missing) return { path, message: 'is missing', said: message('problem.missing') };
    const said = schemaWords(issue.message);
    return said ? { path, message: issue.message, said } : { path, message: issue.message };
  });
}

/** "entities[3].end: must be a number; source: is missing" — for one-line messages. */
export function describeProblems(problems: readonly SidecarProblem[], max = 5): string {
  const shown = problems.slice(0, max).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const more = problems.length > max ? `; and ${problems.length - max} more` : '';
  return shown.join('; ') + more;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Validates parsed JSON and brings it to the current version. Refuses a newer version
 * rather than guessing, so an older Tahrir never rewrites (and loses) what it cannot read.
 */
export function migrateSidecar(data: unknown, file?: string): Sidecar {
  if (!isRecord(data)) {
    throw new TahrirError(
      'broken-sidecar',
      'is not a Tahrir sidecar (expected a JSON object)',
      file,
      [{ path: '', message: 'expected a JSON object' }],
      message('error.sidecar-not-object'),
    );
  }
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SIDECAR_VERSION) {
    throw new TahrirError(
      'newer-version',
      `made by a newer Tahrir (version ${version}); this one reads version ${SIDECAR_VERSION}. Update Tahrir to open it.`,
      file,
      { version, supported: SIDECAR_VERSION },
      message('error.sidecar-newer', { version: String(version), supported: String(SIDECAR_VERSION) }),
    );
  }
  // A sidecar plain throughout (nearly every file) is checked by hand alone (see plainSidecar); otherwise the span
  // lists are checked by hand where every item is plain (see plainLists) and valibot checks the rest.
  const plain = plainSidecar(data);
  if (plain) return withSpansInOrder(plain, file);
  const lists = plainLists(data);
  const rest = lists ? { ...data, edits: [], entities: [], quotes: [] } : data;
  // Before valibot, which recurses (as does JSON.stringify on every save): a field nested thousands deep overflows the
  // stack.
  const deep = jsonValueProblem(rest, { strings: false });
  if (deep)
    throw new TahrirError(
      'broken-sidecar',
      `is not a valid sidecar: ${deep.path}: ${deep.message}`,
      file,
      [deep],
      invalidSidecarMessage([deep]),
    );
  // Version 1 is the only version so far: nothing to migrate, only to validate.
  const result = v.safeParse(SidecarSchema, rest);
  if (!result.success) {
    const problems = problemsOf(result.issues);
    throw new TahrirError(
      'broken-sidecar',
      `is not a valid sidecar: ${describeProblems(problems)}`,
      file,
      problems,
      invalidSidecarMessage(problems),
    );
  }
  return withSpansInOrder((lists ? { ...result.output, ...lists } : result.output) as Sidecar, file);
}

/** The sidecar, or a TahrirError naming each span that ends before it starts (checked after the shape). */
function withSpansInOrder(sidecar: Sidecar, file: string | undefined): Sidecar {
  const order = spanOrderProblems(sidecar);
  if (order.length > 0) {
    throw new TahrirError(
      'broken-sidecar',
      `is not a valid sidecar: ${describeProblems(order)}`,
      file,
      order,
      invalidSidecarMessage(order),
    );
  }
  return sidecar;
}

// ---- the span lists, checked by hand ----
// Valibot checks an item in ~1 µs and copies it: 30,000 items are ~25 ms of the merge driver's 10,000-entity merge
// (three versions), and more in a cold process. An item with only the known fields, each of the schema's type, is what
// the schema accepts; any other item (an unknown field, a wrong type) sends its whole list to valibot, which accepts
// it or says what is wrong exactly as before. A property test holds the two to the same answers.

const isOffset = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isId = (x: unknown) => typeof x === 'string' && x.length > 0;
const isOptionalText = (x: unknown) => x === undefined || typeof x === 'string';
const isOptionalFlag = (x: unknown) => x === undefined || typeof x === 'boolean';

function onlyKeys(x: Record<string, unknown>, known: ReadonlySet<string>): boolean {
  for (const k in x) if (!known.has(k)) return false;
  return true;
}

function isStringRecord(x: unknown): boolean {
  if (!isRecord(x)) return false;
  for (const k in x) if (typeof x[k] !== 'string') return false;
  return true;
}

const SPAN_FIELDS = ['id', 'start', 'end', 'text', 'orphaned', 'createdBy', 'changedBy'];
const EDIT_FIELDS = new Set([...SPAN_FIELDS, 'replacement', 'kind', 'rule']);
const ENTITY_FIELDS = new Set([...SPAN_FIELDS, 'label', 'link', 'attrs']);
const QUOTE_FIELDS = new Set([...SPAN_FIELDS, 'speaker', 'kind', 'speakerName']);

function plainSpan(x: Record<string, unknown>): boolean {
  return (
    isId(x.id) &&
    isOffset(x.start) &&
    isOffset(x.end) &&
    typeof x.text === 'string' &&
    isOptionalFlag(x.orphaned) &&
    isOptionalText(x.createdBy) &&
    isOptionalText(x.changedBy)
  );
}

function plainEdit(x: unknown): boolean {
  return (
    isRecord(x) &&
    onlyKeys(x, EDIT_FIELDS) &&
    plainSpan(x) &&
    typeof x.replacement === 'string' &&
    (EDIT_KINDS as readonly unknown[]).includes(x.kind) &&
    isOptionalText(x.rule)
  );
}

function plainEntity(x: unknown): boolean {
  return (
    isRecord(x) &&
    onlyKeys(x, ENTITY_FIELDS) &&
    plainSpan(x) &&
    isId(x.label) &&
    isOptionalText(x.link) &&
    (x.attrs === undefined || isStringRecord(x.attrs))
  );
}

function plainQuote(x: unknown): boolean {
  return (
    isRecord(x) &&
    onlyKeys(x, QUOTE_FIELDS) &&
    plainSpan(x) &&
    (x.speaker === null || typeof x.speaker === 'string') &&
    (QUOTE_KINDS as readonly unknown[]).includes(x.kind) &&
    isOptionalText(x.speakerName)
  );
}

/** The edits, entities and quotes (copies of the lists) when every item of each is plain; else null. */
export function plainLists(data: Record<string, unknown>): Pick<Sidecar, 'edits' | 'entities' | 'quotes'> | null {
  const { edits, entities, quotes } = data;
  if (!Array.isArray(edits) || !Array.isArray(entities) || !Array.isArray(quotes)) return null;
  if (!edits.every(plainEdit) || !entities.every(plainEntity) || !quotes.every(plainQuote)) return null;
  return { edits: edits.slice() as Edit[], entities: entities.slice() as Entity[], quotes: quotes.slice() as Quote[] };
}

// ---- the whole sidecar, checked by hand ----
// Valibot's check of the rest (the source, the document…) and the nesting check before it were most of reading a short
// article's sidecar after JSON.parse, and their copies a tenth of what an export allocated. A sidecar with only the
// known fields, each of the schema's type, its lists plain and no conflicts (whose versions may hold anything), is
// what the schema accepts, and nests no deeper than the format; anything else takes the path above, which accepts it
// or says what is wrong exactly as before. A property test holds the two to the same answers.

const SIDECAR_SHA256 = /^[0-9a-f]{64}$/;
const TOP_FIELDS = new Set([
  'format',
  'version',
  'source',
  'document',
  'edits',
  'entities',
  'quotes',
  'rejected',
  'updatedAt',
  'annotator',
  'statusHistory',
]);
const SOURCE_FIELDS = new Set(['file', 'sha256', 'length']);
const DOCUMENT_FIELDS = new Set(['status', 'title', 'published', 'sourceName', 'keywords', 'note']);
const REJECTED_FIELDS = new Set(['rule', 'start', 'end', 'text']);
const STATUS_CHANGE_FIELDS = new Set(['status', 'at']);

const isStatus = (x: unknown) => (DOCUMENT_STATUSES as readonly unknown[]).includes(x);
const isTextList = (x: unknown) => Array.isArray(x) && x.every((t) => typeof t === 'string');

function plainSource(x: unknown): boolean {
  return (
    isRecord(x) &&
    onlyKeys(x, SOURCE_FIELDS) &&
    isId(x.file) &&
    typeof x.sha256 === 'string' &&
    SIDECAR_SHA256.test(x.sha256) &&
    isOffset(x.length)
  );
}

function plainDocument(x: unknown): boolean {
  return (
    isRecord(x) &&
    onlyKeys(x, DOCUMENT_FIELDS) &&
    isStatus(x.status) &&
    isOptionalText(x.title) &&
    isOptionalText(x.published) &&
    isOptionalText(x.sourceName) &&
    (x.keywords === undefined || isTextList(x.keywords)) &&
    isOptionalText(x.note)
  );
}

function plainRejected(x: unknown): boolean {
  return (
    isRecord(x) &&
    onlyKeys(x, REJECTED_FIELDS) &&
    typeof x.rule === 'string' &&
    isOffset(x.start) &&
    isOffset(x.end) &&
    typeof x.text === 'string'
  );
}

function plainStatusChange(x: unknown): boolean {
  return isRecord(x) && onlyKeys(x, STATUS_CHANGE_FIELDS) && isStatus(x.status) && typeof x.at === 'string';
}

/**
 * The sidecar (a copy of each object and list the schema would copy, the spans themselves shared as plainLists
 * shares them) when it is plain throughout; else null. Spans ending before they start are not looked at here.
 */
export function plainSidecar(data: Record<string, unknown>): Sidecar | null {
  if (
    !onlyKeys(data, TOP_FIELDS) ||
    data.format !== SIDECAR_FORMAT ||
    data.version !== SIDECAR_VERSION ||
    !plainSource(data.source) ||
    !plainDocument(data.document) ||
    (data.rejected !== undefined && !(Array.isArray(data.rejected) && data.rejected.every(plainRejected))) ||
    !isOptionalText(data.updatedAt) ||
    !isOptionalText(data.annotator) ||
    (data.statusHistory !== undefined &&
      !(Array.isArray(data.statusHistory) && data.statusHistory.every(plainStatusChange)))
  )
    return null;
  const lists = plainLists(data);
  if (!lists) return null;
  const document = data.document as Sidecar['document'];
  const sidecar = {
    ...data,
    source: { ...(data.source as Sidecar['source']) },
    document: document.keywords ? { ...document, keywords: document.keywords.slice() } : { ...document },
    ...lists,
  } as Sidecar;
  if (sidecar.rejected) sidecar.rejected = sidecar.rejected.map((r) => ({ ...r }));
  if (sidecar.statusHistory) sidecar.statusHistory = sidecar.statusHistory.map((c) => ({ ...c }));
  return sidecar;
}

function spanOrderProblems(s: Sidecar): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  const lists: [string, readonly { start: number; end: number }[]][] = [
    ['edits', s.edits],
    ['entities', s.entities],
    ['quotes', s.quotes],
    ['rejected', s.rejected ?? []],
  ];
  for (const [name, list] of lists) {
    list.forEach((x, i) => {
      if (x.end < x.start)
        problems.push({
          path: `${name}[${i}]`,
          message: `end ${x.end} is before start ${x.start}`,
          said: message('problem.end-before-start', { start: String(x.start), end: String(x.end) }),
        });
    });
  }
  return problems;
}

/**
 * Why JSON.parse refused `json`, said where a hand edit broke it: the parser names a UTF-16 position (V8: "… in
 * JSON at position 358"), which no editor shows, so the line and column (in code points) go with it; "it may be
 * truncated" only when the parser ran off the end, as a cut file makes it.
 */
function notJson(json: string, why: string, file: string | undefined): TahrirError {
  const where = whereJsonBroke(json, why);
  if ('atEnd' in where) {
    return new TahrirError(
      'broken-sidecar',
      `is not valid JSON (${why}); it may be truncated`,
      file,
      [{ path: '', message: why }],
      // The parser's own words (where the JSON broke) stay as they are, inside the translated sentence.
      message('error.sidecar-not-json', { why }),
    );
  }
  const { line, column } = where;
  return new TahrirError(
    'broken-sidecar',
    `is not valid JSON at line ${line}, column ${column} (${why})`,
    file,
    [{ path: '', message: why }],
    message('error.sidecar-not-json-at', { line: String(line), column: String(column), why }),
  );
}

/**
 * A sidecar git merged as text: a clone without Tahrir's merge driver (`tahrir git-setup` is per clone, only
 * `.gitattributes` travels) gets `<<<<<<<` lines where two annotators changed the same lines. Said as such, with
 * the way back: the driver set up, `git checkout -m` merges the file again by id while the merge is unfinished.
 */
function conflictMarkers(line: number, file: string | undefined): TahrirError {
  const name = file ?? 'FILE';
  return new TahrirError(
    'broken-sidecar',
    `holds git's conflict markers (line ${line}): git merged it as text, without Tahrir's merge driver; ` +
      `before the merge is committed, \`tahrir git-setup .\` then \`git checkout -m -- ${name}\` in the workspace ` +
      'merge it again by id',
    file,
    [{ path: '', message: `conflict marker at line ${line}` }],
    message('error.sidecar-conflict-markers', { line: String(line), file: name }),
  );
}

/** JSON text → a valid current-version sidecar, or a TahrirError naming the file and the problem. */
export function parseSidecar(json: string, file?: string): Sidecar {
  let data: unknown;
  // A BOM is not valid JSON but some editors add one; it changes nothing else.
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (text.trim() === '') {
      const detail = [{ path: '', message: why }];
      throw new TahrirError('broken-sidecar', 'is empty (not JSON)', file, detail, message('error.sidecar-empty'));
    }
    const markers = conflictMarkerLine(text);
    if (markers) throw conflictMarkers(markers, file);
    throw notJson(text, why, file);
  }
  return migrateSidecar(data, file);
}

/** A fresh sidecar for a text that has none yet. */
export function emptySidecar(file: string, sha256: string, length: number): Sidecar {
  return {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    source: { file, sha256, length },
    document: { status: 'todo' },
    edits: [],
    entities: [],
    quotes: [],
  };
}

// ---- stable output ----

type Span = { start: number; end: number; id?: string };

/** Order of spans in the file: (start, end, id), id by code units so it never depends on locale. */
export function compareSpans(a: Span, b: Span): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  const ai = a.id ?? '';
  const bi = b.id ?? '';
  return ai < bi ? -1 : ai > bi ? 1 : 0;
}

function rejectedOrder(a: RejectedSuggestion, b: RejectedSuggestion): number {
  return compareSpans(a, b) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Whether `ordered` would give an object that writes the same JSON as `obj` itself: its keys the known ones in their
 * order, then unknown ones, and none undefined. An item parsed from a canonical file, or made in the editor, already
 * is: taken as it is, not copied (copying every entity was a sixth of the merge driver's work on 10,000 entities).
 */
function inOrder(obj: Record<string, unknown>, keys: readonly string[]): boolean {
  let known = -1;
  let unknownSeen = false;
  for (const k in obj) {
    // An own "__proto__" (JSON.parse makes one) is one the copy would not write as a key.
    if (!Object.hasOwn(obj, k) || obj[k] === undefined || k === '__proto__') return false;
    const at = keys.indexOf(k);
    if (at < 0) unknownSeen = true;
    else if (unknownSeen || at < known) return false;
    else known = at;
  }
  return true;
}

/** An item as `ordered` writes it: itself when it already is in that order (never changed by the caller). */
function asWritten(obj: object, keys: readonly string[]): object {
  return inOrder(obj as Record<string, unknown>, keys) ? obj : ordered(obj, keys);
}

/** Known keys in the order of SIDECAR-FORMAT.md, then any unknown (additive) keys in their own order. */
function ordered(obj: object, keys: readonly string[]): Record<string, unknown> {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out;
}

const TOP_KEYS = [
  'format',
  'version',
  'source',
  'document',
  'edits',
  'entities',
  'quotes',
  'rejected',
  'updatedAt',
  'annotator',
  'statusHistory',
  'conflicts',
];
const SOURCE_KEYS = ['file', 'sha256', 'length'];
const DOCUMENT_KEYS = ['status', 'title', 'published', 'sourceName', 'keywords', 'note', 'curatedFrom'];
const EDIT_KEYS = ['id', 'start', 'end', 'text', 'replacement', 'kind', 'rule', 'orphaned', 'createdBy', 'changedBy'];
const ENTITY_KEYS = ['id', 'start', 'end', 'label', 'text', 'link', 'attrs', 'orphaned', 'createdBy', 'changedBy'];
const QUOTE_KEYS = [
  'id',
  'start',
  'end',
  'text',
  'speaker',
  'kind',
  'speakerName',
  'orphaned',
  'createdBy',
  'changedBy',
];
const REJECTED_KEYS = ['rule', 'start', 'end', 'text'];
const STATUS_KEYS = ['status', 'at'];

function orderedEntity(e: Entity): object {
  if (!e.attrs) return asWritten(e, ENTITY_KEYS);
  const out = ordered(e, ENTITY_KEYS);
  if (e.attrs) {
    // Sorted attribute keys: the same attributes always serialize the same way.
    out.attrs = Object.fromEntries(Object.entries(e.attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return out;
}

/** The same sidecar with arrays in file order (start, end, id). Does not mutate its argument. */
export function sortSidecar(sidecar: Sidecar): Sidecar {
  const out: Sidecar = {
    ...sidecar,
    edits: [...sidecar.edits].sort(compareSpans),
    entities: [...sidecar.entities].sort(compareSpans),
    quotes: [...sidecar.quotes].sort(compareSpans),
  };
  if (sidecar.rejected) out.rejected = [...sidecar.rejected].sort(rejectedOrder);
  return out;
}

/**
 * Stable, git-friendly JSON: key order of SIDECAR-FORMAT.md, arrays sorted by (start, end, id),
 * 2-space indent, trailing newline. Serializing a parsed canonical file gives the same bytes.
 */
export function serializeSidecar(sidecar: Sidecar): string {
  return JSON.stringify(orderedSidecar(sidecar), null, 2) + '\n';
}

/**
 * The sidecar as the file writes it (keys in SIDECAR-FORMAT.md's order, arrays sorted), as an object: for JSON that
 * holds a sidecar inside it (the recovery journal's entry), stringified once with the rest rather than serialized,
 * parsed and serialized again (50,000 entities: ~1 s of the server's thread per journal entry on a loaded machine).
 */
export function orderedSidecar(sidecar: Sidecar): Record<string, unknown> {
  const s = sortSidecar(sidecar);
  const top = ordered(s, TOP_KEYS);
  top.source = ordered(s.source, SOURCE_KEYS);
  top.document = ordered(s.document, DOCUMENT_KEYS);
  top.edits = s.edits.map((e: Edit) => asWritten(e, EDIT_KEYS));
  top.entities = s.entities.map(orderedEntity);
  top.quotes = s.quotes.map((q: Quote) => asWritten(q, QUOTE_KEYS));
  if (s.rejected) top.rejected = s.rejected.map((r) => asWritten(r, REJECTED_KEYS));
  if (s.statusHistory) top.statusHistory = s.statusHistory.map((h) => asWritten(h, STATUS_KEYS));
  return top;
}
