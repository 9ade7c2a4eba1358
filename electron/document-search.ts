// The document list's filter over the workspace's texts: which documents hold every word in their
// name, title or text, Arabic-normalized (shared/document-filter.ts). The folded texts are kept
// between searches (re-read only when a file changed), up to a budget: past it a text is read
// again for each search instead of held. With the workspace watched, a kept text is believed without a stat while
// the watch has seen no change since it was last checked: one stat pass per search at most, none while nothing
// changes (10,000 documents: a stat each was ~60 ms of the server's CPU per search).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSummary } from '../shared/api';
import { TahrirError } from '../shared/errors';
import { foldForFilter, foldWords, wordsMissing } from '../shared/document-filter';
import type { WorkspaceConfig } from '../shared/model';
import { textFileOf } from '../shared/workspace-layout';
import { DEFAULT_MAX_TEXT_BYTES, decodeText, readBytesSync } from './text-file';
import { encodingFor } from './workspace-config';

/** Code units of folded text kept (about 2 bytes each): a few thousand articles several times over. */
const KEPT_UNITS = 64 * 1024 * 1024;
/** Documents searched between two turns of the event loop (the server and the window stay responsive). */
const SEARCH_SLICE = 64;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Folded {
  size: number;
  mtimeMs: number;
  encoding: string | undefined;
  text: string;
  /** The watch's change count read before the stat that last found the file so (null: not watched). */
  changes: number | null;
}

/** One search: who asks (a window) and the search's number. */
export interface SearchTicket {
  searcher: string;
  n: number;
}

export class DocumentSearch {
  private readonly kept = new Map<string, Folded>();
  private keptUnits = 0;
  /** Each document's name and title folded, by id: folded again only when its title changes. */
  private readonly names = new Map<string, { title: string | undefined; folded: string }>();
  /** Searches begun (begin()), counted over all searchers. */
  private begun = 0;
  /** Each searcher's last search: an older one of the same searcher still under way stops at its next slice. */
  private readonly latest = new Map<string, number>();

  constructor(
    private readonly root: string,
    private readonly config: () => WorkspaceConfig,
    private readonly maxTextBytes = DEFAULT_MAX_TEXT_BYTES,
    /** The workspace watch's count of changes seen on disk (WorkspaceEvents.changesSeen); null: not watched. */
    private readonly changesSeen: () => number | null = () => null,
  ) {}

  /**
   * A search begins (its ticket, for search): the ones the same searcher began before it are answered
   * by none, as the filter asks again at each pause in typing, and only its latest answer is shown. Each
   * search of 100,000 texts took seconds of the CPU the page types on; left running, they piled up.
   * Another searcher's (another window's) search is left to run: it waits for its own answer.
   */
  begin(searcher = ''): SearchTicket {
    const n = ++this.begun;
    this.latest.set(searcher, n);
    return { searcher, n };
  }

  /**
   * The ids, in the listing's order, of the documents holding every word with their text, not in their name and title
   * alone (no words: none);
   * 'cancelled' once the same searcher began a later one (`search`: its begin(), one is taken when not given).
   */
  async search(
    documents: readonly DocumentSummary[],
    words: readonly string[],
    search = this.begin(),
  ): Promise<string[]> {
    try {
      return await this.searchSliced(documents, words, search);
    } finally {
      // Forgotten once answered, so a window that closed holds nothing.
      if (this.latest.get(search.searcher) === search.n) this.latest.delete(search.searcher);
    }
  }

  private async searchSliced(
    documents: readonly DocumentSummary[],
    words: readonly string[],
    search: SearchTicket,
  ): Promise<string[]> {
    const needles = foldWords(words);
    const out: string[] = [];
    const changes = this.changesSeen();
    for (let i = 0; i < documents.length; i++) {
      if (i > 0 && i % SEARCH_SLICE === 0) {
        await nextTurn();
        if (this.latest.get(search.searcher) !== search.n)
          throw new TahrirError('cancelled', 'a later search replaced this one');
      }
      const d = documents[i];
      // The name and title first: the text is read only for the words they do not hold. Those they hold all of are
      // the page's to find (TahrirApi.searchDocuments).
      const rest = wordsMissing(this.foldedName(d), needles);
      if (rest.length > 0 && !d.problem) {
        const text = this.foldedText(d.id, changes);
        if (text !== null && wordsMissing(text, rest).length === 0) out.push(d.id);
      }
    }
    return out;
  }

  /** The document's id and title folded as the filter compares them. */
  private foldedName(d: DocumentSummary): string {
    const kept = this.names.get(d.id);
    if (kept && kept.title === d.title) return kept.folded;
    const folded = foldForFilter(`${d.id}\n${d.title ?? ''}`);
    this.names.set(d.id, { title: d.title, folded });
    return folded;
  }

  /**
   * The document's text folded, or null when it cannot be read now (the listing names the problem). `changes`: the
   * watch's count as this search began; a text kept when the count was the same is believed without a stat.
   */
  private foldedText(id: string, changes: number | null): string | null {
    const file = textFileOf(id);
    const path = join(this.root, file);
    const encoding = encodingFor(this.config(), file);
    const kept = this.kept.get(id);
    if (kept && changes !== null && kept.changes === changes && kept.encoding === encoding) return kept.text;
    try {
      const { size, mtimeMs } = statSync(path);
      if (kept && kept.size === size && kept.mtimeMs === mtimeMs && kept.encoding === encoding) {
        kept.changes = changes;
        return kept.text;
      }
      if (size > this.maxTextBytes) return null;
      const text = foldForFilter(decodeText(readBytesSync(path, this.maxTextBytes), file, encoding));
      if (kept) {
        this.kept.delete(id);
        this.keptUnits -= kept.text.length;
      }
      if (this.keptUnits + text.length <= KEPT_UNITS) {
        this.kept.set(id, { size, mtimeMs, encoding, text, changes });
        this.keptUnits += text.length;
      }
      return text;
    } catch {
      return null;
    }
  }
}
