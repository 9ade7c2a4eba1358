// The cleanup review's store actions against a real Backend in a temp folder: accepted
// suggestions become edits (one undo step, exact source text in code points), rejected ones
// are saved and not proposed again, hand edits of the clean text become edits.
import { describe, expect, it } from 'vitest';
import {
  acceptSuggestions,
  cleanupState,
  editClean,
  groupByRule,
  loadSuggestions,
  openSuggestions,
  rejectSuggestions,
  ruleDescription,
} from '../../renderer/session/cleanup-suggestions';
import { tagEntity } from '../../renderer/session/annotation-actions';
import { saveNow, startAutosave, stopAutosave } from '../../renderer/session/autosave';
import { loadWorkspace, openDocument } from '../../renderer/session/document-actions';
import { sortedSpans } from '../../shared/document-data';
import { redo, undo } from '../../renderer/session/history';
import { store } from '../../renderer/session/store';
import { shownSpanOf, shownText } from '../../shared/text-view';
import { cp, openWorkspace } from './store-workspace';

/** An emoji and a flag before the boilerplate (code points ≠ UTF-16 units), CRLF line ends. */
const TEXT =
  'قال الرئيس 👋 جو بايدن 🇺🇸 في عمّان إن الأمر جيد.\r\nالمصدر: وكالات\r\nوتابع الرئيس حديثه عن الحوار.\r\nكلمات دلالية: بايدن عمّان الحوار\r\n';

const SOURCE_LINE = 'المصدر: وكالات\r\n';

async function openSample() {
  const ws = await openWorkspace({ 'news.txt': TEXT });
  await loadWorkspace();
  await openDocument('news');
  await loadSuggestions();
  return ws;
}

const open = () => openSuggestions(cleanupState().suggestions, store().getState().data);

describe('cleanup suggestions in the store', () => {
  it('groups the suggestions by rule with their descriptions', async () => {
    await openSample();
    const groups = groupByRule(open());
    expect(groups.map((g) => g.rule)).toEqual(['source-line', 'keywords-line']);
    expect(groups.every((g) => ruleDescription(g).length > 0)).toBe(true);
  });

  it('accepting makes an edit with the exact source text; an entity inside is hidden until undo', async () => {
    await openSample();
    const start = cp(TEXT, 'المصدر');
    const entity = tagEntity('ORG', { start: start + 8, end: start + 13 }); // وكالات
    const source = open().find((s) => s.rule === 'source-line')!;
    expect(acceptSuggestions([source])).toBe(1);
    const edits = sortedSpans(store().getState().data!.edits);
    expect(edits).toEqual([
      {
        id: 'e1',
        start,
        end: start + Array.from(SOURCE_LINE).length,
        text: SOURCE_LINE,
        replacement: '',
        kind: 'boilerplate',
        rule: 'source-line',
      },
    ]);
    expect(Array.from(TEXT).slice(edits[0].start, edits[0].end).join('')).toBe(SOURCE_LINE);
    expect(open().map((s) => s.rule)).toEqual(['keywords-line']);

    const hidden = () => {
      const s = store().getState();
      return shownSpanOf(shownText(s.doc!.source, s.data!.edits, 'clean'), s.data!.entities[entity!]) === null;
    };
    expect(hidden()).toBe(true);
    undo();
    expect(hidden()).toBe(false);
    expect(open().map((s) => s.rule)).toEqual(['source-line', 'keywords-line']);
    redo();
    expect(hidden()).toBe(true);
  });

  it('a rejected suggestion is saved in the sidecar and not proposed again', async () => {
    const { backend } = await openSample();
    startAutosave({ debounceMs: 10_000 });
    const keywords = open().find((s) => s.rule === 'keywords-line')!;
    expect(rejectSuggestions([keywords])).toBe(1);
    expect(open().map((s) => s.rule)).toEqual(['source-line']);
    expect(await saveNow()).toBe(true);
    const again = await backend.suggest('news');
    expect(again.edits.map((e) => e.rule)).toEqual(['source-line']);
    const { sidecar } = await backend.openDocument('news');
    expect(sidecar.rejected).toEqual([
      { rule: 'keywords-line', start: keywords.start, end: keywords.end, text: keywords.text },
    ]);
    stopAutosave();
    undo();
    expect(open().map((s) => s.rule)).toEqual(['source-line', 'keywords-line']);
  });

  it('hand edits of the clean text: delete a word after an emoji and a flag, insert a space', async () => {
    await openSample();
    const s = store().getState();
    const clean = shownText(s.doc!.source, s.data!.edits, 'clean').text;
    const at = Array.from(clean.slice(0, clean.indexOf('عمّان'))).length;
    expect(editClean(at, at + 5, '', 'typo')).toBe(true);
    let edits = sortedSpans(store().getState().data!.edits);
    expect(edits).toEqual([
      { id: 'e1', start: cp(TEXT, 'عمّان'), end: cp(TEXT, 'عمّان') + 5, text: 'عمّان', replacement: '', kind: 'typo' },
    ]);
    const glued = Array.from(clean.slice(0, clean.indexOf('الحوار.'))).length - 4; // before "عن ", now shifted by the deletion
    expect(editClean(glued, glued, ' ', 'split')).toBe(true);
    edits = sortedSpans(store().getState().data!.edits);
    expect(edits[1]).toMatchObject({ start: edits[1].end, replacement: ' ', kind: 'split', text: '' });
    undo();
    undo();
    expect(store().getState().data!.edits).toEqual({});
  });
});
