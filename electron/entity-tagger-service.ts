// A workspace's entity and quote suggestions for the editor: the entities tagged anywhere in the
// workspace (read once from the sidecars, then followed save by save and change by change), a
// tagger trained on its annotated documents, and quote candidates. Training runs in a worker
// thread (entity-tagger-worker.ts), started again once saves pause, so it never holds up the
// answers to the editor; the model is kept in `.tahrir/entity-tagger.json` (git-ignored,
// rebuilt when missing or out of date: it names what it learned from).
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnnotationSuggestionChanges, AnnotationSuggestions, TahrirEvent, TaggerStatus } from '../shared/api';
import { diffSuggestions } from '../shared/suggestion-changes';
import type { DocumentStatus, Entity, RejectedSuggestion, Sidecar, WorkspaceConfig } from '../shared/model';
import { documentSuggestions, loadTagger } from '../shared/ner/document-entities';
import type { Gazetteer } from '../shared/ner/gazetteer';
import { isTaggerModel, type Tagger, type TaggerModel } from '../shared/ner/tagger';
import type { WorkspaceName } from '../shared/ner/workspace-matcher';
import { teachesTagger, type WorkspaceDocument } from '../shared/ner/workspace-training';
import { documentIdOfSidecar, sidecarFileOf, TAHRIR_DIR, textFileOf } from '../shared/workspace-layout';
import { createHash, randomUUID } from 'node:crypto';
import type { SuggestJob, SuggestResult, TrainJob, TrainResult } from './entity-tagger-protocol';
import { toTahrirError } from './io-error';
import { isTahrirError, TahrirError } from '../shared/errors';
import { errorMessage, inEnglish, message, type Message } from '../shared/i18n/message';
import { readSidecar, writeFileAtomic } from './sidecar-store';
import { readTextFile } from './text-file';
import { findFiles } from './workspace';
import { encodingFor } from './workspace-config';

export const TAGGER_MODEL_FILE = 'entity-tagger.json';
/** The word profiles of the workspace's texts (shared/ner/word-profile.ts), kept: a training need not read them all. */
export const WORD_PROFILES_FILE = 'word-profiles.json';
const PROFILES_FORMAT = 'tahrir-word-profiles';
/** Bumped when the profiles say more of a word: older ones are built again (2: its word cluster). */
const PROFILES_VERSION = 2;
/**
 * The texts the word profiles come from, at most (in path order): enough for a word's company, and a bound on the
 * reading in a workspace of 100,000 documents (NewsFANE's held-out F1 rose with 904 news texts).
 */
export const MAX_PROFILE_TEXTS = 5000;
type FailedJob = { ok: false; message: string };
type Found = Omit<AnnotationSuggestions, 'tagger'>;
const MODEL_FORMAT = 'tahrir-entity-tagger';
/**
 * Bumped when what the tagger learns from changes: an older model is trained again (2: word profiles, 3: clusters,
 * 4: the words beside a word's other occurrences, shared/ner/features.ts contextsElsewhere; 5: whether an Arabic
 * lexicon knows the word, shared/ner/ordinary-words.ts).
 */
const MODEL_VERSION = 5;
/** The documents whose last answer is kept (to answer with changes since it): the ones open in the editor. */
const VERSIONS_KEPT = 4;
/** How long saves must pause before the tagger trains again. */
const TRAIN_AFTER_MS = 1000;

/** The model file: what it learned from (its fingerprint), and the model. */
interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  fingerprint: string;
  trainedAt: string;
  documents: number;
  sentences: number;
  model: TaggerModel;
  names: [string, string][];
}

/** What the model file says of its training. */
type ModelAbout = Omit<ModelFile, 'format' | 'version' | 'model' | 'names'>;

/** The word profiles' cache file: the texts they came from (their fingerprint), and the profiles. */
interface ProfilesFile {
  format: typeof PROFILES_FORMAT;
  version: typeof PROFILES_VERSION;
  fingerprint: string;
  texts: number;
  profiles: [string, string][];
}

/** What a document's sidecar gives the suggestions. */
interface IndexedDocument {
  status: DocumentStatus;
  entities: Pick<Entity, 'start' | 'end' | 'label' | 'text' | 'orphaned'>[];
  rejected: RejectedSuggestion[];
  /** What the sidecar held when read (changes with every save). */
  revision: string;
}

/**
 * The worker's bundle: beside the running program (dist/*.cjs), or dist/ from the sources; TAHRIR_TAGGER_WORKER names
 * another.
 */
export function findTaggerWorker(): string | null {
  const candidates = [
    process.env.TAHRIR_TAGGER_WORKER ?? '',
    typeof __dirname === 'string' ? join(__dirname, 'entity-tagger-worker.cjs') : '',
    typeof __dirname === 'string' ? join(__dirname, '..', 'dist', 'entity-tagger-worker.cjs') : '',
  ].filter(Boolean);
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** Runs one training in a worker thread; the worker ends with it. */
export function trainInWorker(workerFile: string, job: TrainJob): { result: Promise<TrainResult>; stop(): void } {
  return inWorker<TrainResult>(workerFile, job);
}

/** The trained tagger as the worker that suggests gets it (SuggestJob), with the version that names it. */
export interface TaggerForWorker {
  version: number;
  /** The TaggerModel as JSON: passed between threads and written to the cache as it is, parsed only where used. */
  modelJson: string;
  names: [string, string][];
}

/**
 * The worker thread that works out suggestions, kept from one document (and save) to the next with the tagger it
 * loaded: a new worker per request, the model copied to it and loaded there, cost ~1 s of CPU each time (NewsFANE's
 * model), beside the editor on two cores. Jobs are answered in the order sent; the model goes with the first job after
 * it changed. A worker that fails or stops fails the jobs it had; the next job starts another.
 */
export class SuggestionWorker {
  private worker: Worker | null = null;
  private waiting: ((answer: SuggestResult) => void)[] = [];
  /** The tagger version the current worker was sent. */
  private sent: number | null = null;
  /** Workers started and models sent to them (the tests count them). */
  started = 0;
  modelsSent = 0;

  constructor(private readonly workerFile: string) {}

  suggest(job: Omit<SuggestJob['suggest'], 'tagger'>, tagger: TaggerForWorker | null): Promise<SuggestResult> {
    const worker = this.worker ?? this.start();
    const send = tagger !== null && tagger.version !== this.sent;
    const message: SuggestJob = {
      suggest: { ...job, tagger: tagger && (send ? tagger : { version: tagger.version }) },
    };
    if (tagger) this.sent = tagger.version;
    if (send) this.modelsSent++;
    worker.ref();
    return new Promise<SuggestResult>((resolve) => {
      this.waiting.push((answer) => {
        if (!answer.ok) this.sent = null; // the model may not have loaded: sent again with the next job
        resolve(answer);
      });
      worker.postMessage(message);
    });
  }

  /** Ends the worker; the jobs it had fail (the service is stopping). */
  stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.sent = null;
    void worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.workerFile);
    this.started++;
    this.sent = null;
    worker.on('message', (answer: SuggestResult) => {
      const answered = this.waiting.shift();
      // Idle, it keeps no program alive (a CLI run ends when its work does).
      if (this.waiting.length === 0) worker.unref();
      answered?.(answer);
    });
    const fail = (message: string): void => {
      if (this.worker === worker) {
        this.worker = null;
        this.sent = null;
      }
      const failed = this.waiting;
      this.waiting = [];
      for (const answered of failed) answered({ ok: false, message });
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`the tagger's worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }
}

function inWorker<R>(workerFile: string, job: TrainJob): { result: Promise<R | FailedJob>; stop(): void } {
  const worker = new Worker(workerFile);
  const result = new Promise<R | FailedJob>((resolve) => {
    worker.once('message', (answer: R) => resolve(answer));
    worker.once('error', (e) => resolve({ ok: false, message: e.message }));
    worker.once('exit', (code) => resolve({ ok: false, message: `the tagger's worker stopped (exit code ${code})` }));
  });
  worker.postMessage(job);
  void result.then(() => worker.terminate());
  return { result, stop: () => void worker.terminate() };
}

export interface TaggerServiceOptions {
  /** The worker's bundle (default: findTaggerWorker()). */
  workerFile?: string | null;
  trainAfterMs?: number;
}

export class WorkspaceEntitySuggestions {
  private index: Map<string, IndexedDocument> | null = null;
  /** The text files the word profiles come from (relative to the workspace, path order, at most MAX_PROFILE_TEXTS). */
  private texts: string[] = [];
  /** The word profiles built last, and the fingerprint of the texts they came from. */
  private profiles: { fingerprint: string; profiles: [string, string][] } | null = null;
  private reading: Promise<void> | null = null;
  /**
   * The tagger loaded on this thread, only when suggestions are worked out here (no worker, or it failed): loading
   * NewsFANE's model costs ~0.6 s of CPU, which the back end, answering the editor, would spend after every training
   * for nothing while the worker is well.
   */
  private loaded: { version: number; tagger: { tagger: Tagger; gazetteer: Gazetteer } } | null = null;
  /** How many times a model was loaded on this thread (for tests: none while the worker is well). */
  taggersLoadedHere = 0;
  private trained: { fingerprint: string; documents: number; sentences: number; trainedAt: string } | null = null;
  private training: { stop(): void } | null = null;
  private trainAgain = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Why the tagger is off or its model not kept: a message, said in English by status() for the CLI. */
  private problem: Message | undefined;
  private stopped = false;
  private readonly workerFile: string | null;
  /** Settles when the training under way (if any) ends: for tests and the bench. */
  private trainingDone: Promise<void> = Promise.resolve();
  /**
   * The last answer and what it was worked out from (the document's text, every indexed sidecar as read, the tagger):
   * the editor asks again every little while as the tagger trains, and on a long document each answer takes seconds.
   */
  private last: {
    id: string;
    text: string;
    documents: IndexedDocument[];
    tagger: TaggerForWorker | null;
    found: Promise<Found>;
  } | null = null;
  /** The tagger's model as plain data, for the worker that works out suggestions. */
  private taggerModel: TaggerForWorker | null = null;
  private taggerVersions = 0;
  private suggestionWorker: SuggestionWorker | null = null;
  /** Cache writes begun and not yet landed (writesSettled() waits for them). */
  private readonly writing = new Set<Promise<void>>();
  /** The last answer given per document (the last VERSIONS_KEPT documents), and its version. */
  private readonly given = new Map<string, { version: string } & Found>();
  /** Versions are this back end's own: one from before a restart is unknown, never taken for another. */
  private readonly epoch = randomUUID().slice(0, 8);
  private versions = 0;

  constructor(
    private readonly root: string,
    private readonly config: () => WorkspaceConfig,
    private readonly options: TaggerServiceOptions = {},
  ) {
    this.workerFile = options.workerFile === undefined ? findTaggerWorker() : options.workerFile;
    if (!this.workerFile) this.problem = message('tagger-problem.not-built');
  }

  /** Suggestions for document `id` whose source text is `text`; the first call reads the workspace's sidecars. */
  async suggest(id: string, text: string): Promise<AnnotationSuggestions> {
    await this.read();
    const index = this.index ?? new Map<string, IndexedDocument>();
    // A sidecar read again or saved is a new IndexedDocument: the same list means the same names and own entities.
    const documents = [...index.values()];
    const last = this.last;
    if (
      last?.id === id &&
      last.text === text &&
      last.tagger === this.taggerModel &&
      last.documents.length === documents.length &&
      last.documents.every((d, i) => d === documents[i])
    )
      return { ...(await last.found), tagger: this.status() };
    const names: WorkspaceName[] = [];
    for (const d of documents)
      for (const e of d.entities) if (!e.orphaned) names.push({ text: e.text, label: e.label });
    const own = (index.get(id)?.entities ?? []).filter((e) => !e.orphaned);
    const found = this.workOut(text, names, own);
    this.last = { id, text, documents, tagger: this.taggerModel, found };
    return { ...(await found), tagger: this.status() };
  }

  /**
   * The suggestions for `id` as changes since the answer of version `since`: only the few that came and went after
   * a save or a training (the whole answer of a long document is ~100,000, 8 MB of JSON), the whole answer when
   * `since` is not the last version given for this document.
   */
  async changesSince(id: string, text: string, since: string | null): Promise<AnnotationSuggestionChanges> {
    const { entities, quotes, tagger } = await this.suggest(id, text);
    const had = this.given.get(id);
    let version = had?.version;
    let changes = { added: [], removed: [] } as NonNullable<AnnotationSuggestionChanges['changes']>;
    if (!had || had.entities !== entities || had.quotes !== quotes) {
      // Worked out again: the same as before (a training that learned nothing new) keeps its version.
      if (had) changes = diffSuggestions([...had.entities, ...had.quotes], [...entities, ...quotes]);
      if (!had || changes.added.length > 0 || changes.removed.length > 0) version = `${this.epoch}-${++this.versions}`;
    }
    this.given.delete(id);
    this.given.set(id, { version: version!, entities, quotes });
    for (const old of this.given.keys()) if (this.given.size > VERSIONS_KEPT) this.given.delete(old);
    if (had && since === had.version) return { version: version!, tagger, changes };
    return { version: version!, tagger, all: { entities, quotes } };
  }

  /**
   * The suggestions, worked out in a worker thread (seconds over a long document: the back end answers the editor
   * meanwhile); here when there is no worker or it failed (suggestions are only suggestions, but they still come).
   */
  private async workOut(text: string, names: WorkspaceName[], own: IndexedDocument['entities']): Promise<Found> {
    const here = () => documentSuggestions(text, { names, existing: own, tagger: this.taggerHere() });
    if (!this.workerFile || this.stopped) return here();
    this.suggestionWorker ??= new SuggestionWorker(this.workerFile);
    const answer = await this.suggestionWorker.suggest({ text, names, own }, this.taggerModel);
    if (answer.ok) return { entities: answer.entities, quotes: answer.quotes };
    return this.stopped ? { entities: [], quotes: [] } : here();
  }

  /** The trained tagger, loaded on this thread (see `loaded`); null when there is none. */
  private taggerHere(): { tagger: Tagger; gazetteer: Gazetteer } | null {
    const model = this.taggerModel;
    if (!model) return null;
    if (this.loaded?.version !== model.version) {
      this.taggersLoadedHere++;
      this.loaded = {
        version: model.version,
        tagger: { tagger: loadTagger(JSON.parse(model.modelJson)), gazetteer: { names: new Map(model.names) } },
      };
    }
    return this.loaded.tagger;
  }

  status(): TaggerStatus {
    const trained = this.trained;
    const base = {
      documents: trained?.documents ?? 0,
      sentences: trained?.sentences ?? 0,
      ...(trained ? { trainedAt: trained.trainedAt } : {}),
      ...(this.problem ? { problem: inEnglish(this.problem), problemMessage: this.problem } : {}),
    };
    if (!this.workerFile) return { state: 'unavailable', ...base };
    if (!this.index) return { state: 'reading', ...base };
    if (this.training || this.timer) return { state: 'training', ...base };
    return { state: this.taggerModel ? 'ready' : 'untrained', ...base };
  }

  /** A sidecar the back end saved: its entities are known at once, and the tagger trains again once saves pause. */
  noteSaved(id: string, sidecar: Sidecar, revision: string): void {
    if (!this.index) return;
    this.index.set(id, indexed(sidecar, revision));
    this.trainSoon();
  }

  /** Changes on disk (another program, a git pull). */
  noteChange(event: TahrirEvent): void {
    if (!this.index) return;
    if (event.type === 'sidecar-changed') void this.reread(event.id);
    else if (event.type === 'document-removed') {
      this.index.delete(event.id);
      this.trainSoon();
    } else if (event.type === 'documents-changed') {
      this.index = null;
      this.reading = null;
      void this.read();
    }
  }

  /** Waits for the workspace to be read and the training under way (and any it asked for) to end. */
  async settled(): Promise<void> {
    await this.read();
    for (;;) {
      const done = this.trainingDone;
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        void this.train();
      }
      await this.trainingDone;
      if (done === this.trainingDone && !this.timer && !this.training) return;
    }
  }

  /**
   * Resolves once no cache write of the tagger is under way: after stop(), nothing more lands in the workspace
   * (a write not yet begun is not begun; the training's worker is stopped by stop()).
   */
  async writesSettled(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.training?.stop();
    this.suggestionWorker?.stop();
  }

  private read(): Promise<void> {
    this.reading ??= this.readWorkspace().catch((e) => {
      const why = isTahrirError(e)
        ? errorMessage(e.toData())
        : message('error.raw', { text: e instanceof Error ? e.message : String(e) });
      this.problem = message('tagger-problem.unreadable', undefined, { why });
      this.index = new Map();
    });
    return this.reading;
  }

  private async readWorkspace(): Promise<void> {
    const { sidecars, texts, realRoot } = await findFiles(this.root);
    this.texts = texts.sort().slice(0, MAX_PROFILE_TEXTS);
    const index = new Map<string, IndexedDocument>();
    for (const rel of sidecars) {
      // A broken sidecar only means its entities are not suggested elsewhere (validate names it).
      const stored = await readSidecar(join(realRoot, ...rel.split('/')), rel).catch(() => null);
      if (stored) index.set(documentIdOfSidecar(rel), indexed(stored.sidecar, stored.revision));
    }
    this.index = index;
    await this.loadModel();
    if (!this.trained || this.trained.fingerprint !== this.fingerprint()) this.trainSoon(0);
  }

  private async reread(id: string): Promise<void> {
    const file = sidecarFileOf(id);
    const stored = await readSidecar(join(this.root, file), file).catch(() => null);
    if (!this.index) return;
    if (stored) this.index.set(id, indexed(stored.sidecar, stored.revision));
    else this.index.delete(id);
    this.trainSoon();
  }

  /** The texts the word profiles come from, in one hash (a text's words stay: its edits are kept in its sidecar). */
  private textsFingerprint(): string {
    return createHash('sha256').update(this.texts.join('\n')).digest('hex');
  }

  /** What the tagger learns from, in one hash: the teaching documents, their sidecars' revisions, the texts. */
  private fingerprint(): string {
    const hash = createHash('sha256').update(`${MODEL_VERSION}\n${this.textsFingerprint()}\n`);
    for (const [id, d] of [...(this.index ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      if (teachesTagger(d)) hash.update(`${id}\u0000${d.revision}\n`);
    return hash.digest('hex');
  }

  private trainSoon(after = this.options.trainAfterMs ?? TRAIN_AFTER_MS): void {
    if (this.stopped || !this.workerFile) return;
    if (this.training) {
      this.trainAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.train();
    }, after);
  }

  private train(): Promise<void> {
    if (this.training || !this.workerFile || this.stopped) return this.trainingDone;
    const workerFile = this.workerFile;
    this.trainingDone = (async () => {
      const fingerprint = this.fingerprint();
      if (this.trained?.fingerprint === fingerprint) return;
      const documents = await this.teachingDocuments();
      if (this.stopped) return;
      const textsFingerprint = this.textsFingerprint();
      const profiles = await this.cachedProfiles(textsFingerprint);
      const run = trainInWorker(workerFile, {
        documents,
        ...(profiles
          ? { profiles }
          : {
              unlabeled: {
                root: this.root,
                files: this.texts.map((file) => ({ file, encoding: encodingFor(this.config(), file) })),
              },
            }),
      });
      this.training = run;
      const answer = await run.result;
      this.training = null;
      if (this.stopped) return;
      if (!answer.ok) {
        // The worker's own words: an unknown error, kept as the system said it.
        this.problem = message('tagger-problem.not-trained', undefined, {
          why: message('error.raw', { text: answer.message }),
        });
        return;
      }
      this.problem = undefined;
      if (answer.profiles) {
        this.profiles = { fingerprint: textsFingerprint, profiles: answer.profiles };
        const file: ProfilesFile = {
          format: PROFILES_FORMAT,
          version: PROFILES_VERSION,
          fingerprint: textsFingerprint,
          texts: this.texts.length,
          profiles: answer.profiles,
        };
        await this.saveCache(WORD_PROFILES_FILE, JSON.stringify(file)).catch(() => {
          // Only a cache: the next training builds them again.
        });
        if (this.stopped) return;
      }
      const trainedAt = new Date().toISOString();
      this.trained = { fingerprint, documents: documents.length, sentences: answer.sentences, trainedAt };
      if (!answer.modelJson) {
        this.taggerModel = null;
        return;
      }
      this.taggerModel = { version: ++this.taggerVersions, modelJson: answer.modelJson, names: answer.names };
      const about = { fingerprint, trainedAt, documents: documents.length, sentences: answer.sentences };
      await this.saveModel(about, this.taggerModel).catch((e) => {
        if (this.stopped) return; // the workspace was closed: nothing to say
        // Only a cache: the model in memory is right all the same (a read-only workspace trains again next time).
        const why = errorMessage(toTahrirError(e, TAHRIR_DIR).toData());
        this.problem = message('tagger-problem.not-kept', { folder: TAHRIR_DIR }, { why });
      });
    })().finally(() => {
      this.training = null;
      if (this.trainAgain) {
        this.trainAgain = false;
        this.trainSoon();
      }
    });
    return this.trainingDone;
  }

  /** The documents the tagger learns from, with their texts (one that cannot be read is left out). */
  private async teachingDocuments(): Promise<WorkspaceDocument[]> {
    const out: WorkspaceDocument[] = [];
    for (const [id, d] of this.index ?? []) {
      if (!teachesTagger(d)) continue;
      const file = textFileOf(id);
      const text = await readTextFile(join(this.root, file), encodingFor(this.config(), file), { file }).catch(
        () => null,
      );
      if (text) out.push({ text: text.text, status: d.status, entities: d.entities, rejected: d.rejected });
    }
    return out;
  }

  private async loadModel(): Promise<void> {
    let file: ModelFile;
    try {
      file = JSON.parse(await readFile(join(this.root, TAHRIR_DIR, TAGGER_MODEL_FILE), 'utf8')) as ModelFile;
    } catch {
      return; // none yet, or unreadable: trained again
    }
    if (file?.format !== MODEL_FORMAT || file.version !== MODEL_VERSION) return;
    // A broken model is trained again. Its weights are packed where it is used (the worker; `taggerHere`), not here.
    if (!isTaggerModel(file.model) || !Array.isArray(file.names)) return;
    // Written out again for the worker (~0.1 s once per workspace opened; a training hands its own JSON over).
    this.taggerModel = { version: ++this.taggerVersions, modelJson: JSON.stringify(file.model), names: file.names };
    this.trained = {
      fingerprint: file.fingerprint,
      documents: file.documents,
      sentences: file.sentences,
      trainedAt: file.trainedAt,
    };
  }

  /** The word profiles of these texts, from memory or the cache file; null when they must be built. */
  private async cachedProfiles(fingerprint: string): Promise<[string, string][] | null> {
    if (this.profiles?.fingerprint === fingerprint) return this.profiles.profiles;
    try {
      const file = JSON.parse(await readFile(join(this.root, TAHRIR_DIR, WORD_PROFILES_FILE), 'utf8')) as ProfilesFile;
      if (file?.format !== PROFILES_FORMAT || file.version !== PROFILES_VERSION || file.fingerprint !== fingerprint)
        return null;
      if (!Array.isArray(file.profiles)) return null;
      this.profiles = { fingerprint, profiles: file.profiles };
      return file.profiles;
    } catch {
      return null; // none yet, or unreadable: built again
    }
  }

  /** The model file (ModelFile), the worker's JSON of the model put in as it is: not parsed and written again. */
  private async saveModel(about: ModelAbout, tagger: TaggerForWorker): Promise<void> {
    const head = JSON.stringify({ format: MODEL_FORMAT, version: MODEL_VERSION, ...about });
    const json = `${head.slice(0, -1)},"model":${tagger.modelJson},"names":${JSON.stringify(tagger.names)}}`;
    await this.saveCache(TAGGER_MODEL_FILE, json);
  }

  /**
   * Writes one of the tagger's files (its JSON) in the workspace's git-ignored `.tahrir/`, unless stopped before it
   * begins.
   */
  private async saveCache(name: string, json: string): Promise<void> {
    const dir = join(this.root, TAHRIR_DIR);
    const cancelled = () => new TahrirError('cancelled', 'the workspace was closed', TAHRIR_DIR);
    const write = (async () => {
      if (this.stopped) throw cancelled();
      // Not recursive: a workspace folder removed meanwhile is not made again.
      await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
      const ignore = join(dir, '.gitignore');
      await stat(ignore).catch(() =>
        writeFile(ignore, '# Tahrir caches: template counts, learned model, recovery journal\n*\n'),
      );
      if (this.stopped) throw cancelled();
      await writeFileAtomic(join(dir, name), `${json}\n`, `${TAHRIR_DIR}/${name}`);
    })();
    this.writing.add(write);
    try {
      await write;
    } finally {
      this.writing.delete(write);
    }
  }
}

function indexed(sidecar: Sidecar, revision: string): IndexedDocument {
  return {
    status: sidecar.document.status,
    entities: sidecar.entities.map(({ start, end, label, text, orphaned }) => ({ start, end, label, text, orphaned })),
    rejected: sidecar.rejected ?? [],
    revision,
  };
}
