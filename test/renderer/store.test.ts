// The store: slices, annotation actions in code points, undo/redo and typing groups.
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  deleteSpan,
  markQuote,
  relabelEntity,
  setEntityLink,
  setQuoteSpeaker,
  setQuoteSpeakerName,
  tagAllOccurrences,
  tagEntity,
  toggleDone,
} from '../../renderer/session/annotation-actions';
import { sidecarFromData } from '../../shared/document-data';
import {
  chooseDocument,
  documentFilter,
  doneAndNext,
  loadWorkspace,
  openDocument,
  searchTexts,
  progress,
  refreshDocuments,
  setFilter,
  stepDocument,
  visibleDocuments,
} from '../../renderer/session/document-actions';
import { changeDocument, endChangeGroup, redo, undo } from '../../renderer/session/history';
import { startAutosave } from '../../renderer/session/autosave';
import { store } from '../../renderer/session/store';
import { session } from '../../renderer/session/session';
import { ARABIC, ENGLISH, cp, openWorkspace } from './store-workspace';

async function openArabic(): Promise<void> {
  await openWorkspace();
  await loadWorkspace();
  await openDocument('ar');
}

const range = (needle: string, from = 0) => ({
  start: cp(ARABIC, needle, from),
  end: cp(ARABIC, needle, from) + Array.from(needle).length,
});

describe('store slices', () => {
  it('loads the workspace and opens a document normalized by id, with empty history', async () => {
    await openArabic();
    const s = store().getState();
    expect(s.workspace?.documents.map((d) => d.id)).toEqual(['ar', 'en']);
    expect(s.doc?.id).toBe('ar');
    expect(s.doc?.source.startsWith('قال')).toBe(true); // BOM removed by the back end
    expect(s.data?.entities).toEqual({});
    expect(s.revision).toBeNull();
    expect(s.past).toEqual([]);
    expect(s.save.state).toBe('saved');
  });

  it('tags in source code points (after an emoji and a flag), with the exact source text, and selects the entity', async () => {
    await openArabic();
    const id = tagEntity('PERSON', range('بايدن', ARABIC.indexOf('وأضاف')));
    const s = store().getState();
    const entity = s.data!.entities[id!];
    expect(entity).toEqual({ id: 't1', label: 'PERSON', text: 'بايدن', ...range('بايدن', ARABIC.indexOf('وأضاف')) });
    // The emoji (1 code point, 2 UTF-16 units) and the flag (2 code points) before it are counted as code points.
    expect(Array.from(s.doc!.source).slice(entity.start, entity.end).join('')).toBe('بايدن');
    expect(s.doc!.source.indexOf('بايدن', s.doc!.source.indexOf('وأضاف'))).toBe(entity.start + 3);
    expect(s.selected).toEqual({ kind: 'entity', id: 't1' });
    expect(s.data!.document.status).toBe('in_progress'); // the first change starts the document
  });

  it('relabels instead of duplicating, and ids stay stable', async () => {
    await openArabic();
    tagEntity('PERSON', range('جو بايدن'));
    tagEntity('GPE', range('عمّان'));
    expect(tagEntity('ORG', range('جو بايدن'))).toBe('t1');
    relabelEntity('t2', 'LOC');
    const entities = store().getState().data!.entities;
    expect(Object.keys(entities).sort()).toEqual(['t1', 't2']);
    expect(entities.t1.label).toBe('ORG');
    expect(entities.t2).toMatchObject({ label: 'LOC', text: 'عمّان' });
    deleteSpan({ kind: 'entity', id: 't1' });
    expect(tagEntity('PERSON', range('بايدن', ARABIC.indexOf('وأضاف')))).toBe('t3'); // never reuses t1
  });

  it('undoes and redoes every change, and a new change drops the redo steps', async () => {
    await openArabic();
    tagEntity('PERSON', range('جو بايدن'));
    tagEntity('GPE', range('عمّان'));
    relabelEntity('t2', 'LOC');
    expect(undo()).toBe(true);
    expect(store().getState().data!.entities.t2.label).toBe('GPE');
    expect(undo()).toBe(true);
    expect(store().getState().data!.entities.t2).toBeUndefined();
    expect(redo()).toBe(true);
    expect(store().getState().data!.entities.t2.label).toBe('GPE');
    tagEntity('DATE', range('هنا'));
    expect(redo()).toBe(false);
    expect(undo() && undo() && undo()).toBe(true);
    expect(store().getState().data!.entities).toEqual({});
    expect(store().getState().data!.document.status).toBe('todo');
    expect(undo()).toBe(false);
  });

  it('merges consecutive typing in one field into one undo step, until the field is left', async () => {
    await openArabic();
    tagEntity('PERSON', range('جو بايدن'));
    for (const link of ['Q', 'Q6', 'Q62', 'Q627', 'Q6279']) setEntityLink('t1', link);
    expect(store().getState().past).toHaveLength(2);
    endChangeGroup();
    setEntityLink('t1', 'Q6279x');
    expect(store().getState().past).toHaveLength(3);
    undo();
    expect(store().getState().data!.entities.t1.link).toBe('Q6279');
    undo();
    expect(store().getState().data!.entities.t1.link).toBeUndefined();
    // Typing in another field is another step.
    markQuote(range('نرحب بالحوار'));
    setQuoteSpeakerName('q1', 'ب');
    setQuoteSpeakerName('q1', 'بايدن');
    setEntityLink('t1', 'Q1');
    undo();
    expect(store().getState().data!.quotes.q1.speakerName).toBe('بايدن');
    undo();
    expect(store().getState().data!.quotes.q1.speakerName).toBeUndefined();
  });

  it('choosing in the list the document open, or the one being opened, asks the back end nothing and keeps what was done', async () => {
    const { api } = await openWorkspace();
    await loadWorkspace();
    let asked = 0;
    const open = api.openDocument.bind(api);
    api.openDocument = (id) => {
      asked++;
      return open(id);
    };
    const opening = openDocument('ar');
    await chooseDocument('ar'); // clicked while the remembered document opens at start-up
    await opening;
    expect(asked).toBe(1);
    tagEntity('PERSON', range('جو بايدن'));
    await chooseDocument('ar');
    expect(asked).toBe(1);
    expect(Object.values(store().getState().data!.entities).map((e) => e.text)).toEqual(['جو بايدن']);
    await chooseDocument('en');
    expect(asked).toBe(2);
    expect(store().getState().doc?.id).toBe('en');
  });

  it('clears history when another document opens', async () => {
    await openArabic();
    tagEntity('PERSON', range('جو بايدن'));
    await openDocument('en');
    expect(store().getState().past).toEqual([]);
    expect(store().getState().future).toEqual([]);
    expect(undo()).toBe(false);
  });

  it('marks quotes direct between quotation marks, indirect otherwise; a removed speaker leaves their name', async () => {
    await openArabic();
    const direct = markQuote(range('نرحب بالحوار'))!;
    const indirect = markQuote(range('إن الأمر جيد'))!;
    expect(store().getState().data!.quotes[direct]).toMatchObject({
      kind: 'direct',
      speaker: null,
      text: 'نرحب بالحوار',
    });
    expect(store().getState().data!.quotes[indirect].kind).toBe('indirect');
    const speaker = tagEntity('PERSON', range('بايدن', ARABIC.indexOf('وأضاف')))!;
    setQuoteSpeaker(direct, speaker);
    deleteSpan({ kind: 'entity', id: speaker });
    expect(store().getState().data!.quotes[direct]).toMatchObject({ speaker: null, speakerName: 'بايدن' });
    undo();
    expect(store().getState().data!.quotes[direct]).toMatchObject({ speaker });
    expect(store().getState().data!.quotes[direct].speakerName).toBeUndefined();
  });

  it('tags all occurrences with Arabic-normalized, whole-word matching, as one step', async () => {
    await openArabic();
    tagEntity('GPE', range('أمريكا'));
    // إمريكا matches أمريكا once hamza forms are folded; بايدن inside وبايدن is not a whole word.
    expect(tagAllOccurrences('t1')).toBe(1);
    const texts = Object.values(store().getState().data!.entities)
      .map((e) => e.text)
      .sort();
    expect(texts).toEqual(['أمريكا', 'إمريكا']);
    expect(tagAllOccurrences('t1')).toBe(0);
    undo();
    expect(Object.keys(store().getState().data!.entities)).toEqual(['t1']);
  });

  it('builds the sidecar to save in the format’s order', async () => {
    await openArabic();
    tagEntity('GPE', range('عمّان'));
    tagEntity('PERSON', range('جو بايدن'));
    const s = store().getState();
    const sidecar = sidecarFromData(s.doc!.base, s.data!, '2026-11-28T10:00:00Z');
    expect(sidecar.entities.map((e) => e.id)).toEqual(['t2', 't1']);
    expect(Object.keys(sidecar)).toEqual([
      'format',
      'version',
      'source',
      'document',
      'edits',
      'entities',
      'quotes',
      'updatedAt',
    ]);
  });

  it('an edit of a document marked done takes it back to in progress, says so, and one undo takes both back', async () => {
    await openArabic();
    toggleDone();
    expect(store().getState().data!.document.status).toBe('done');
    const edits: [string, () => void][] = [
      ['tag', () => void tagEntity('PERSON', range('بايدن'))],
      ['relabel', () => relabelEntity('t1', 'ORG')],
      ['quote', () => void markQuote(range('جو بايدن'))],
      ['delete', () => deleteSpan({ kind: 'entity', id: 't1' })],
    ];
    for (const [name, edit] of edits) {
      if (store().getState().data!.document.status !== 'done') toggleDone();
      store().setState({ notice: null });
      edit();
      const s = store().getState();
      expect(s.data!.document.status, name).toBe('in_progress');
      expect(s.notice?.text, name).toMatch(/marked done.*back to in progress/i);
      undo();
      expect(store().getState().data!.document.status, name).toBe('done');
      redo();
    }
    // Marking it done is no edit that reopens it.
    toggleDone();
    expect(store().getState().data!.document.status).toBe('done');
  });

  it('lists documents live with a filter, progress and next/previous', async () => {
    await openArabic();
    toggleDone();
    const s = store().getState();
    expect(progress(s)).toEqual({ done: 1, total: 2 });
    expect(visibleDocuments(s).find((d) => d.id === 'ar')?.status).toBe('done');
    setFilter('status:done');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['ar']);
    setFilter('');
    await stepDocument(1);
    expect(store().getState().doc?.id).toBe('en');
    await stepDocument(1); // the last one: stays
    expect(store().getState().doc?.id).toBe('en');
    await stepDocument(-1);
    expect(store().getState().doc?.id).toBe('ar');
  });

  it('progress: after an edit of the open document, only that row is counted again, not the whole listing', async () => {
    await openWorkspace(Object.fromEntries([...'abcdefgh'].map((n) => [`${n}.txt`, ENGLISH])));
    await loadWorkspace();
    await openDocument('b');
    // Every listed row's status read is counted (the open document's own row included).
    let reads = 0;
    store().setState({
      documents: store()
        .getState()
        .documents.map((d) => {
          const row = { ...d };
          const status = d.status;
          Object.defineProperty(row, 'status', { enumerable: true, get: () => (reads++, status) });
          return row;
        }),
    });
    expect(progress(store().getState())).toEqual({ done: 0, total: 8 });
    const firstCount = reads;
    expect(firstCount).toBeGreaterThanOrEqual(8);
    toggleDone();
    expect(progress(store().getState())).toEqual({ done: 1, total: 8 });
    undo();
    expect(progress(store().getState())).toEqual({ done: 0, total: 8 });
    redo();
    expect(progress(store().getState())).toEqual({ done: 1, total: 8 });
    // Three edits: the open row's listed status read twice each (liveDocuments' copy of the row, the count's
    // difference), never the whole listing again (the walk of every row read 8 + 1 each).
    expect(reads - firstCount).toBeLessThanOrEqual(6);
  });

  it('done and next: marks done (one undo step), opens the next not done in the filtered list, says when none is left', async () => {
    await openWorkspace({ 'a.txt': ENGLISH, 'b.txt': ENGLISH, 'c.txt': ENGLISH, 'd.txt': ENGLISH });
    await loadWorkspace();
    // Saved on leaving a document, the list learns each status as the app's does.
    const stop = startAutosave({ debounceMs: 60_000 });
    onTestFinished(stop);
    await openDocument('c');
    toggleDone(); // c done already
    await openDocument('a');
    await doneAndNext();
    expect(store().getState().doc?.id).toBe('b');
    await doneAndNext();
    expect(store().getState().doc?.id).toBe('d'); // c skipped
    expect(progress(store().getState())).toEqual({ done: 3, total: 4 });
    await doneAndNext();
    const s = store().getState();
    expect(s.doc?.id).toBe('d');
    expect(s.data?.document.status).toBe('done');
    expect(s.notice?.text).toBe('Marked done. Every document in the list is done.');
    undo();
    expect(store().getState().data?.document.status).toBe('todo');
    // Under `status:todo` the document leaves the list when done: the next is still the one after it.
    await openDocument('a');
    toggleDone();
    setFilter('status:todo');
    await openDocument('d');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['d']);
    await doneAndNext();
    expect(store().getState().doc?.id).toBe('d');
    expect(store().getState().notice?.text).toBe('Marked done. Every document in the filtered list is done.');
  });

  it('says how many are left above when the end of the list is reached', async () => {
    await openWorkspace({ 'a.txt': ENGLISH, 'b.txt': ENGLISH, 'c.txt': ENGLISH });
    await loadWorkspace();
    await openDocument('c');
    await doneAndNext();
    expect(store().getState().doc?.id).toBe('c');
    expect(store().getState().notice?.text).toBe(
      'Marked done. No document after this one in the list is left to do; 2 not done are above it.',
    );
  });

  it('Backspace back to an earlier filter gives that filter’s list again, not the list filtered anew', async () => {
    await openWorkspace({ 'ab1.txt': ENGLISH, 'ab2.txt': ENGLISH, 'ac3.txt': ENGLISH, 'x4.txt': ENGLISH });
    await loadWorkspace();
    setFilter('a');
    const a = visibleDocuments(store().getState());
    expect(a.map((d) => d.id)).toEqual(['ab1', 'ab2', 'ac3']);
    setFilter('ab');
    const ab = visibleDocuments(store().getState());
    expect(ab.map((d) => d.id)).toEqual(['ab1', 'ab2']);
    setFilter('ab2');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['ab2']);
    setFilter('ab');
    expect(visibleDocuments(store().getState())).toBe(ab); // the same rows: nothing filtered, nothing rendered anew
    setFilter('a');
    expect(visibleDocuments(store().getState())).toBe(a);
    // Typing on from there narrows as before.
    setFilter('ac');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['ac3']);
    // Other documents (a new listing): filtered anew.
    store().setState({ documents: [...store().getState().documents] });
    setFilter('a');
    const again = visibleDocuments(store().getState());
    expect(again).not.toBe(a);
    expect(again.map((d) => d.id)).toEqual(['ab1', 'ab2', 'ac3']);
  });

  it('filters by words of the text, Arabic-normalized, through the back end', async () => {
    await openArabic();
    setFilter('امريكا'); // the text has أمريكا; nothing in the names
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual([]);
    await searchTexts();
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['ar']);
    setFilter('window status:todo');
    await searchTexts();
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['en']);
    setFilter('window status:done');
    await searchTexts();
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual([]);
    // `a`: in the name `ar`, and in the English text. The back end's answer names only what the texts add (en); the
    // name's match passes all the same.
    setFilter('a');
    await searchTexts();
    expect([...store().getState().textMatches!.ids]).toEqual(['en']);
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['ar', 'en']);
  });

  it('folds the names for the filter once per listing, not per keystroke; counts progress once per list', async () => {
    await openWorkspace({ 'ar.txt': ARABIC, 'en.txt': ENGLISH, 'إعلان.txt': ENGLISH });
    await loadWorkspace();
    const { memo } = session();
    setFilter('اعلان'); // أ/إ folded: the name matches
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['إعلان']);
    const names = memo.names!;
    expect(names.folded).toEqual(['ar\nقال الرئيس الامريكي جو بايدن 🇺🇸 في عمان 👋:', 'en\n', 'اعلان\n']);
    setFilter('en');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['en']);
    setFilter('ا');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['ar', 'إعلان']);
    // Keystrokes fold nothing: the same folded names, the same object.
    expect(memo.names).toBe(names);
    // A new listing of the same documents folds no name again: each is taken over from the last (a name marked here
    // comes over as it is).
    names.folded[1] = 'en\nmarked';
    await refreshDocuments();
    expect(store().getState().documents).not.toBe(names.documents);
    setFilter('اع');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['إعلان']);
    expect(memo.names).not.toBe(names);
    expect(memo.names!.folded).toEqual(['ar\nقال الرئيس الامريكي جو بايدن 🇺🇸 في عمان 👋:', 'en\nmarked', 'اعلان\n']);
    // In another order (a document added before them, say), taken over all the same.
    const again = memo.names!;
    store().setState({ documents: [...store().getState().documents].reverse() });
    setFilter('marked');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['en']);
    expect(memo.names!.folded).toEqual([...again.folded].reverse());
    // The progress line is counted once for a list, whatever else changes in the store.
    const counted = progress(store().getState());
    setFilter('x');
    expect(progress(store().getState())).toBe(counted);
  });

  it('a keystroke while the names are folded when idle folds on from where the idle folding got', async () => {
    // The page's idle callbacks, run by the test: each one a slice of names (the deadline says no time is left).
    const idle: IdleRequestCallback[] = [];
    const had = Object.getOwnPropertyDescriptor(globalThis, 'requestIdleCallback');
    Object.defineProperty(globalThis, 'requestIdleCallback', {
      configurable: true,
      writable: true,
      value: (callback: IdleRequestCallback) => idle.push(callback),
    });
    onTestFinished(() => {
      if (had) Object.defineProperty(globalThis, 'requestIdleCallback', had);
      else delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
    });
    const files: Record<string, string> = {};
    for (let i = 0; i < 2_500; i++) files[`doc-${String(i).padStart(4, '0')}.txt`] = ENGLISH;
    await openWorkspace(files);
    await loadWorkspace();
    const { memo } = session();
    const documents = store().getState().documents;
    expect(documents.length).toBe(2_500);
    idle.shift()!({ didTimeout: false, timeRemaining: () => 0 });
    // One slice folded, the rest not yet: a keystroke now takes the slice over (a name of it, marked here, is the one
    // the filter reads) and folds the others.
    const folding = memo.folding!;
    expect(folding.documents).toBe(documents);
    expect(folding.folded.length).toBeGreaterThan(0);
    expect(folding.folded.length).toBeLessThan(documents.length);
    folding.folded[0] = 'marked by the idle folding';
    setFilter('marked');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['doc-0000']);
    setFilter('doc-2499');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['doc-2499']);
    expect(memo.names!.documents).toBe(documents);
    expect(memo.folding).toBe(null);
    // The idle folding stops: the keystroke finished it.
    idle.shift()?.({ didTimeout: false, timeRemaining: () => 0 });
    expect(memo.names!.folded[0]).toBe('marked by the idle folding');
  });

  it('a keystroke that narrows the filter looks again only at the rows the last one kept', async () => {
    await openWorkspace({
      'kishida-1.txt': ENGLISH,
      'kishida-2.txt': ENGLISH,
      'kim.txt': ENGLISH,
      'إسرائيل.txt': ENGLISH,
      'ar.txt': ARABIC,
    });
    await loadWorkspace();
    const { memo } = session();
    setFilter('k');
    expect(visibleDocuments(store().getState()).map((d) => d.id)).toEqual(['kim', 'kishida-1', 'kishida-2']);
    // Each name the filter reads, counted.
    let read = 0;
    const count = () => {
      const folded = memo.names!.folded;
      memo.names!.folded = new Proxy(folded, {
        get: (target, key, receiver) => {
          if (typeof key === 'string' && /^\d+$/.test(key)) read++;
          return Reflect.get(target, key, receiver);
        },
      });
    };
    count();
    const expectRows = (filter: string, ids: string[], reads: number) => {
      read = 0;
      setFilter(filter);
      const s = store().getState();
      expect(
        visibleDocuments(s).map((d) => d.id),
        filter,
      ).toEqual(ids);
      // The same rows as the whole list filtered afresh.
      expect(ids, filter).toEqual(s.documents.filter(documentFilter(filter, s.textMatches, s)).map((d) => d.id));
      expect(read, `names read for "${filter}"`).toBe(reads);
    };
    expectRows('ki', ['kim', 'kishida-1', 'kishida-2'], 3); // the three rows `k` kept
    expectRows('kis', ['kishida-1', 'kishida-2'], 3);
    expectRows('kish', ['kishida-1', 'kishida-2'], 2);
    expectRows('kish 2', ['kishida-2'], 2);
    expectRows('kish', ['kishida-1', 'kishida-2'], 0); // Backspace: the list `kish` had, no name read
    expectRows('kish status:done', [], 0); // the status decides first
    expectRows('اسر', ['إسرائيل'], 5);
    expectRows('إسرائ', ['إسرائيل'], 1); // the hamza folded: narrows what `اسر` kept
    expectRows('status:todo', ['ar', 'kim', 'kishida-1', 'kishida-2', 'إسرائيل'], 0);
  });

  it('opens a document whose sidecar is broken read-only, and refuses every change', async () => {
    await openWorkspace({
      'ar.txt': ARABIC,
      'ar.annotations.json': '{"format": "tahrir-annotations", "version": 1, "entities": [',
    });
    await loadWorkspace();
    await openDocument('ar');
    const s = store().getState();
    expect(s.doc?.readOnly?.code).toBe('broken-sidecar');
    expect(tagEntity('PERSON', range('جو بايدن'))).toBeNull();
    expect(changeDocument((d) => ({ ...d }))).toBe(false);
    expect(store().getState().data!.entities).toEqual({});
  });
});
