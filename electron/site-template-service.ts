// The workspace's site templates on disk: how many articles of each site hold each line
// (shared/boilerplate/site-counts.ts), kept up to date file by file and cached in
// `.tahrir/template-counts.json`, and what the editor taught (`.tahrir/learned.json`, a
// readable model per site). `.tahrir/` holds a `.gitignore` of its own, so a workspace under
// git never commits them; the listing and the watcher skip dot-folders.
//
// Counting reads every text once (later runs only the changed ones), 64 articles between two
// turns of the event loop, so a 10,000-article workspace never holds the editor up.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { TahrirError } from '../shared/errors';
import {
  emptyModel,
  learnSite,
  LEARNED_FORMAT,
  type LearnedModel,
  type ReviewedLine,
} from '../shared/boilerplate/learner';
import { SiteCounts, type TemplateLine } from '../shared/boilerplate/site-counts';
import { siteOf } from '../shared/boilerplate/site-of';
import type { SiteTemplate } from '../shared/boilerplate/site-template';
import { lessonsOf } from '../shared/boilerplate/teaching';
import { documentKeys, hashKey, wholeLineKey } from '../shared/boilerplate/template-keys';
import type { WorkspaceConfig } from '../shared/model';
import { isMissing, toTahrirError } from './io-error';
import { readSidecarSync, writeFileAtomic } from './sidecar-store';
import { TAHRIR_DIR, textFileOfSidecar } from '../shared/workspace-layout';
import { readTextFileSync } from './text-file';
import { findFiles } from './workspace';
import { encodingFor, readWorkspaceConfig } from './workspace-config';

export const CACHE_DIR = TAHRIR_DIR;
export const COUNTS_FILE = 'template-counts.json';
export const LEARNED_FILE = 'learned.json';
const COUNTS_FORMAT = 'tahrir-template-counts';
/** Bumped when template-keys.ts changes what it counts: an older cache is rebuilt. */
const COUNTS_VERSION = 1;
const BATCH = 64;

interface CountedDocument {
  site: string;
  size: number;
  mtimeMs: number;
  keys: string[];
}

/**
 * The cache file: a header line ({format, version, examples by site}), then one line per
 * counted text with its keys joined by spaces. Line by line, it is written and read a slice at
 * a time (one JSON object of 10,000 articles' keys took seconds to parse in one go), and the
 * counts are added up again from the keys, so a cache can only hold what its texts hold.
 */
interface CountsHeader {
  format: typeof COUNTS_FORMAT;
  version: number;
  examples: Record<string, Record<string, string>>;
}

interface CountsLine {
  file: string;
  site: string;
  size: number;
  mtimeMs: number;
  keys: string;
}

/** Lines of the cache parsed or written between two turns of the event loop. */
const CACHE_SLICE = 500;

/** A site's summary for `tahrir learn` and the cleanup view. */
export interface SiteSummary {
  site: string;
  documents: number;
  templateLines: TemplateLine[];
  examples: { removed: number; kept: number };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SiteTemplateService {
  private readonly documents = new Map<string, CountedDocument>();
  private readonly sites = new Map<string, SiteCounts>();
  private model: LearnedModel = emptyModel();
  private config: WorkspaceConfig | undefined;
  private readonly writeCache: boolean;
  /** Set by stop(): no more counting or writing (the workspace was closed). */
  stopped = false;

  constructor(
    readonly root: string,
    config?: WorkspaceConfig,
    options: { writeCache?: boolean } = {},
  ) {
    this.config = config;
    this.writeCache = options.writeCache ?? true;
  }

  private get cacheDir(): string {
    return join(this.root, CACHE_DIR);
  }

  /** The site of a workspace-relative text file. */
  siteOf(file: string): string {
    return siteOf(file, this.config?.sites, basename(this.root));
  }

  /** Cache writes begun and not yet landed (settled() waits for them). */
  private readonly writing = new Set<Promise<void>>();

  /** Stops counting and writing: what is under way ends at its next file, a cache write not yet begun is not. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once no cache write of this service is under way: after stop(), nothing more lands in the workspace. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  /**
   * One file of the cache, written whole, unless stopped meanwhile: the counts are built over several turns, and a
   * workspace closed (a server stopped, its folder removed) during them must not get a file after its close.
   */
  private async writeCacheFile(name: string, content: string): Promise<void> {
    const write = (async () => {
      await this.ensureCacheDir();
      if (this.stopped) throw new TahrirError('cancelled', 'the workspace was closed', CACHE_DIR);
      await writeFileAtomic(join(this.cacheDir, name), content, `${CACHE_DIR}/${name}`);
    })();
    this.writing.add(write);
    try {
      await write;
    } finally {
      this.writing.delete(write);
    }
  }

  /** Reads the cache and the model, then brings the counts up to date with the files. */
  async open(): Promise<this> {
    if (!this.config) this.config = (await readWorkspaceConfig(this.root)).config;
    await this.readCache();
    await this.readModel();
    await this.refresh();
    return this;
  }

  private async readCache(): Promise<void> {
    let text: string;
    try {
      text = await readFile(join(this.cacheDir, COUNTS_FILE), 'utf8');
    } catch {
      return; // no cache: counted from the texts
    }
    try {
      const lines = text.split('\n');
      const header = JSON.parse(lines[0]) as CountsHeader;
      if (header?.format !== COUNTS_FORMAT || header.version !== COUNTS_VERSION || typeof header.examples !== 'object')
        return;
      const documents = new Map<string, CountedDocument>();
      for (let i = 1; i < lines.length; i++) {
        if (i % CACHE_SLICE === 0) await turn();
        if (lines[i] === '') continue;
        const line = JSON.parse(lines[i]) as CountsLine;
        if (typeof line.file !== 'string' || typeof line.site !== 'string' || typeof line.keys !== 'string')
          throw new Error('not a counted text');
        documents.set(line.file, {
          site: line.site,
          size: line.size,
          mtimeMs: line.mtimeMs,
          keys: line.keys === '' ? [] : line.keys.split(' '),
        });
      }
      const none = new Map<string, string>();
      for (const [rel, doc] of documents) {
        this.documents.set(rel, doc);
        this.countsOf(doc.site).add({ keys: doc.keys, examples: none });
      }
      for (const [site, examples] of Object.entries(header.examples)) {
        const counts = this.sites.get(site);
        if (!counts) continue;
        for (const [k, t] of Object.entries(examples)) if (counts.count(k) >= 2) counts.examples.set(k, t);
      }
    } catch {
      // A broken cache is counted again from the texts.
      this.documents.clear();
      this.sites.clear();
    }
  }

  private async readModel(): Promise<void> {
    const path = join(this.cacheDir, LEARNED_FILE);
    let json: string;
    try {
      json = await readFile(path, 'utf8');
    } catch (e) {
      if (isMissing(e)) return;
      throw toTahrirError(e, `${CACHE_DIR}/${LEARNED_FILE}`);
    }
    let data: LearnedModel;
    try {
      data = JSON.parse(json) as LearnedModel;
    } catch (e) {
      // A broken data file as a broken sidecar is (exit 1, the file left as it is).
      throw new TahrirError(
        'broken-sidecar',
        `is not valid JSON (${(e as Error).message}); \`tahrir learn\` rebuilds it`,
        `${CACHE_DIR}/${LEARNED_FILE}`,
      );
    }
    if (data?.format !== LEARNED_FORMAT || typeof data.sites !== 'object') {
      throw new TahrirError(
        'broken-sidecar',
        `is not a learned model (format "${LEARNED_FORMAT}"); \`tahrir learn\` rebuilds it`,
        `${CACHE_DIR}/${LEARNED_FILE}`,
      );
    }
    this.model = data;
  }

  /** Why the cache could not be written, if it could not (the counts are right all the same). */
  cacheProblem: string | undefined;

  /** Counts the texts that are new or changed since the cache, forgets the ones gone; saves when anything changed. */
  async refresh(): Promise<{ counted: number; removed: number }> {
    const { texts } = await findFiles(this.root, { texts: true, sidecars: false });
    const present = new Set(texts);
    let removed = 0;
    for (const rel of [...this.documents.keys()]) {
      if (!present.has(rel)) {
        this.forgetDocument(rel);
        removed++;
      }
    }
    let counted = 0;
    for (let i = 0; i < texts.length; i++) {
      if (this.stopped) return { counted, removed };
      if (i % BATCH === BATCH - 1) await turn();
      if (await this.updateDocument(texts[i])) counted++;
    }
    if ((counted > 0 || removed > 0) && this.writeCache && !this.stopped) {
      // Only a cache: a read-only workspace still gets its counts, counted again next time.
      this.cacheProblem = await this.saveCache().then(
        () => undefined,
        (e: unknown) => (e instanceof TahrirError && e.file ? `${e.file}: ${e.message}` : String(e)),
      );
    }
    return { counted, removed };
  }

  /**
   * Brings one text's counts up to date (the watcher calls this on a change); true when it
   * changed. A text that cannot be read is left out of the counts.
   */
  async updateDocument(rel: string): Promise<boolean> {
    const path = join(this.root, rel);
    const info = await stat(path).catch(() => null);
    const old = this.documents.get(rel);
    const site = this.siteOf(rel);
    if (!info || !info.isFile()) {
      if (!old) return false;
      this.forgetDocument(rel);
      return true;
    }
    if (old && old.size === info.size && old.mtimeMs === info.mtimeMs && old.site === site) return false;
    if (old) this.forgetDocument(rel);
    let text: string;
    try {
      text = readTextFileSync(path, encodingFor(this.config ?? { labels: [] }, rel), { file: rel }).text;
    } catch {
      return old !== undefined;
    }
    const keys = documentKeys(text);
    this.countsOf(site).add(keys);
    this.documents.set(rel, { site, size: info.size, mtimeMs: info.mtimeMs, keys: keys.keys });
    return true;
  }

  /** Takes a text out of the counts (deleted, or before it is counted again). */
  forgetDocument(rel: string): void {
    const old = this.documents.get(rel);
    if (!old) return;
    this.sites.get(old.site)?.remove(old.keys);
    if (this.sites.get(old.site)?.documents === 0) this.sites.delete(old.site);
    this.documents.delete(rel);
  }

  private countsOf(site: string): SiteCounts {
    let counts = this.sites.get(site);
    if (!counts) this.sites.set(site, (counts = new SiteCounts()));
    return counts;
  }

  /** Counts of every site (for tests: an update equals a rebuild). */
  countsBySite(): Map<string, SiteCounts> {
    return this.sites;
  }

  private async ensureCacheDir(): Promise<void> {
    if (this.stopped) throw new TahrirError('cancelled', 'the workspace was closed', CACHE_DIR);
    // Not recursive: a workspace folder removed meanwhile is not made again.
    await mkdir(this.cacheDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw toTahrirError(e, CACHE_DIR, 'write');
    });
    const ignore = join(this.cacheDir, '.gitignore');
    await stat(ignore).catch(() =>
      writeFile(ignore, '# Tahrir caches: template counts, learned model, recovery journal\n*\n'),
    );
  }

  async saveCache(): Promise<void> {
    if (this.stopped) throw new TahrirError('cancelled', 'the workspace was closed', CACHE_DIR);
    const header: CountsHeader = {
      format: COUNTS_FORMAT,
      version: COUNTS_VERSION,
      examples: Object.fromEntries(
        [...this.sites].map(([site, counts]) => [site, Object.fromEntries(counts.examples)]),
      ),
    };
    const parts = [JSON.stringify(header)];
    for (const [file, doc] of this.documents) {
      if (parts.length % CACHE_SLICE === 0) await turn();
      const line: CountsLine = { file, site: doc.site, size: doc.size, mtimeMs: doc.mtimeMs, keys: doc.keys.join(' ') };
      parts.push(JSON.stringify(line));
    }
    await this.writeCacheFile(COUNTS_FILE, `${parts.join('\n')}\n`);
  }

  /**
   * What a document's suggestions know of its site (`text` given: the document's own lines count one less only if it is
   * counted).
   */
  templateFor(rel: string): SiteTemplate {
    const site = this.siteOf(rel);
    const counts = this.sites.get(site) ?? new SiteCounts();
    const own = this.documents.get(rel);
    return {
      site,
      counts,
      ownKeys: own && own.site === site ? new Set(own.keys) : undefined,
      learned: this.model.sites[site],
    };
  }

  /** The site's recurring lines, most frequent first, with their counts and an example. */
  templateLines(site: string, limit = 50): TemplateLine[] {
    return this.sites.get(site)?.templateLines(2, limit) ?? [];
  }

  summaries(limit = 10): SiteSummary[] {
    const names = new Set([...this.sites.keys(), ...Object.keys(this.model.sites)]);
    return [...names].sort().map((site) => ({
      site,
      documents: this.sites.get(site)?.documents ?? 0,
      templateLines: this.templateLines(site, limit),
      examples: this.model.sites[site]?.examples ?? { removed: 0, kept: 0 },
    }));
  }

  get learned(): LearnedModel {
    return this.model;
  }

  /**
   * Learns every site's model again from the sidecars (boilerplate edits, rejected suggestions
   * of reviewed documents) and saves it. A sidecar that cannot be read is skipped and named
   * in `problems`.
   */
  async learn(): Promise<{ problems: string[] }> {
    const { sidecars } = await findFiles(this.root, { texts: false, sidecars: true });
    const bySite = new Map<
      string,
      { lines: ReviewedLine[]; prefixes: string[]; suffixes: string[]; rejected: string[] }
    >();
    const problems: string[] = [];
    for (let i = 0; i < sidecars.length; i++) {
      if (i % BATCH === BATCH - 1) await turn();
      const rel = textFileOfSidecar(sidecars[i]);
      let stored;
      let text: string;
      try {
        stored = readSidecarSync(join(this.root, sidecars[i]), sidecars[i]);
        if (!stored) continue;
        text = readTextFileSync(join(this.root, rel), encodingFor(this.config ?? { labels: [] }, rel), {
          file: rel,
        }).text;
      } catch (e) {
        problems.push(`${e instanceof TahrirError && e.file ? e.file : sidecars[i]}: ${(e as Error).message}`);
        continue;
      }
      const site = this.siteOf(rel);
      const template = this.templateFor(rel);
      const counts = template.counts;
      const others = counts.documents - (template.ownKeys ? 1 : 0);
      const recurrence = (key: string) => {
        const h = hashKey(wholeLineKey(key));
        const n = counts.count(h) - (template.ownKeys?.has(h) ? 1 : 0);
        return others > 0 ? n / others : 0;
      };
      const lessons = lessonsOf(rel, text, stored.sidecar, recurrence);
      const into = bySite.get(site) ?? { lines: [], prefixes: [], suffixes: [], rejected: [] };
      into.lines.push(...lessons.lines);
      into.prefixes.push(...lessons.prefixes);
      into.suffixes.push(...lessons.suffixes);
      into.rejected.push(...lessons.rejected);
      bySite.set(site, into);
    }
    const model = emptyModel();
    for (const [site, l] of [...bySite].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (l.lines.length === 0 && l.prefixes.length === 0 && l.suffixes.length === 0) continue;
      model.sites[site] = learnSite(l.lines, l, l.rejected);
    }
    this.model = model;
    await this.writeCacheFile(LEARNED_FILE, `${JSON.stringify(model, null, 1)}\n`);
    return { problems };
  }

  /** Forgets what was learned: the model file goes; the counts, read off the texts, stay. */
  async forget(): Promise<void> {
    this.model = emptyModel();
    await rm(join(this.cacheDir, LEARNED_FILE), { force: true });
  }
}
