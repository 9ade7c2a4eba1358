// The document list's filter as typed, key by key (narrowing, widening, statuses, the back end's
// text answers, assignments), against the filter applied afresh to every document: the same rows
// in the same order, whatever the list's memo and its fast path for words alone remember.
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, WorkspaceInfo } from '../../shared/api';
import type { TahrirState } from '../../renderer/session/state';
import type { DocumentStatus } from '../../shared/model';
import { documentFilter, loadWorkspace, visibleDocuments } from '../../renderer/session/document-actions';
import { store } from '../../renderer/session/store';
import { openWorkspace } from './store-workspace';

const STATUSES: DocumentStatus[] = ['todo', 'in_progress', 'done'];
const PIECES = ['article-', '0', '1', '12', 'أ', 'ا', 'إعلان', 'اعلان', 'Kish', 'kishida', 'ـ', 'َ', 'news/', ' '];
const KEYS = ['a', 'r', '-', '0', '1', '2', 'ا', 'أ', 'k', ' ', 'status:done', 'status:todo', 'assigned:me', 'x'];

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('the document list filter, key by key', () => {
  it('lists what the filter applied afresh lists, over random lists and typing', async () => {
    await openWorkspace({ 'a.txt': 'A' });
    await loadWorkspace();
    const rand = random(21);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    for (let round = 0; round < 40; round++) {
      const documents: DocumentSummary[] = [];
      const count = 1 + Math.floor(rand() * 300);
      for (let i = 0; i < count; i++) {
        const id = `${pick(PIECES)}${pick(PIECES)}${String(i).padStart(4, '0')}`;
        const title = rand() < 0.5 ? `${pick(PIECES)}${pick(PIECES)}${pick(PIECES)}` : undefined;
        documents.push({ id, file: `${id}.txt`, status: pick(STATUSES), entities: 0, quotes: 0, edits: 0, title });
      }
      const workspace = store().getState().workspace as WorkspaceInfo;
      const assignment = Object.fromEntries(documents.filter(() => rand() < 0.3).map((d) => [d.id, ['me', 'lina']]));
      store().setState({
        documents,
        filter: '',
        textMatches: null,
        annotator: 'me',
        workspace: { ...workspace, documents, assignment },
      });
      let filter = '';
      for (let key = 0; key < 25; key++) {
        const r = rand();
        if (r < 0.25 && filter.length > 0) filter = filter.slice(0, -1 - Math.floor(rand() * 3));
        else if (r < 0.3) filter = '';
        else filter += pick(KEYS);
        const patch: Partial<TahrirState> = { filter };
        // Now and then the back end's answer for the words as typed, or for older words.
        if (rand() < 0.15) {
          const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
          const ids = new Set(documents.filter(() => rand() < 0.5).map((d) => d.id));
          patch.textMatches = { words: rand() < 0.7 ? words.join(' ') : 'older', ids };
        }
        store().setState(patch);
        const s = store().getState();
        const afresh = s.documents.filter(documentFilter(s.filter, s.textMatches, s));
        expect(
          visibleDocuments(s).map((d) => d.id),
          `round ${round}, filter ${JSON.stringify(filter)}`,
        ).toEqual(afresh.map((d) => d.id));
      }
    }
  });
});
