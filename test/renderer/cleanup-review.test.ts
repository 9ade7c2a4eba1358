// The cleanup review's second round (issue 16's keyboard flow, issue 19's defects) against a real
// Backend in a temp folder: why each suggestion was made, how many entities and quotes an accept
// hides, what a rejected block held suggested at once, accept / reject / next by the keyboard's
// actions, the next document with suggestions, and "remove everywhere" as a workspace rule.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acceptSuggestions,
  cleanupState,
  currentSuggestion,
  decideCurrent,
  hiddenByAccepting,
  loadSuggestions,
  nextDocumentToClean,
  rejectSuggestions,
  reviewOrder,
  ruleDescription,
  stepSuggestion,
  suggestionWhy,
} from '../../renderer/session/cleanup-suggestions';
import { removeEverywhere } from '../../renderer/session/corpus-cleanup';
import { markQuote, tagEntity } from '../../renderer/session/annotation-actions';
import { loadWorkspace, openDocument } from '../../renderer/session/document-actions';
import { undo } from '../../renderer/session/history';
import { setLocale } from '../../renderer/session/locale';
import { store } from '../../renderer/session/store';
import { cp, openWorkspace } from './store-workspace';
import { isolated, words } from '../helpers/isolated';

/** A source line holding a glued year ("2024وجاء"): the split inside it is held back while the line is suggested for removal. */
const GLUED =
  'قال الرئيس 👋 جو بايدن 🇺🇸 في عمّان إن الأمر جيد.\r\nالمصدر: وكالات 2024وجاء\r\nوتابع الرئيس حديثه عن الحوار.\r\nكلمات دلالية: بايدن عمّان الحوار\r\n';

const order = () => reviewOrder(cleanupState().suggestions, store().getState().data);
const rules = () => order().map((s) => s.rule);

async function open(files: Record<string, string>, id: string) {
  const ws = await openWorkspace(files);
  await loadWorkspace();
  await openDocument(id);
  await loadSuggestions();
  return ws;
}

describe('the cleanup review', () => {
  it('says why each suggestion was made: its reason when it has one, else its rule’s description', async () => {
    await openWorkspace({ 'a.txt': 'نص.\n' });
    expect(
      suggestionWhy({
        rule: 'site-template',
        description: 'A line most of the site’s other articles share (template)',
        reason: 'appears in 87 of 100 spa articles',
      }),
    ).toBe('appears in 87 of 100 spa articles');
    expect(suggestionWhy({ rule: 'source-line', description: 'A line naming the source' })).toBe(
      'A line naming the source',
    );
    expect(suggestionWhy({ rule: 'x' })).toBe(isolated`Rule ${'x'}`);
    setLocale('ar');
    expect(suggestionWhy({ rule: 'x' })).toBe(isolated`القاعدة ${'x'}`);
    setLocale('en');
  });

  it('says the rule’s description and the site’s reason in the interface’s language (issue 19)', async () => {
    await open({ 'news.txt': GLUED }, 'news');
    const source = order().find((s) => s.rule === 'source-line')!;
    expect(ruleDescription(source)).toBe(source.description);
    setLocale('ar');
    expect(ruleDescription(source)).toBe('سطر يذكر المصدر أو الوكالة ("المصدر: …"، "وكالات").');
    const site = {
      rule: 'site-template',
      descriptionMessage: { key: 'rule.site-template' },
      reason: 'appears in 87 of 100 spa articles',
      reasonMessage: { key: 'reason.appears-in', values: { count: 87, n: 100, site: 'spa' } },
    } as const;
    expect(suggestionWhy(site)).toBe(isolated`يظهر في ${87} من 100 مقالة من ${'spa'}`);
    expect(ruleDescription(site)).toBe('سطر تشترك فيه معظم مقالات الموقع الأخرى (قالب الموقع).');
    // A workspace rule's own words are shown as written.
    expect(ruleDescription({ description: 'our footer' })).toBe('our footer');
    setLocale('en');
    expect(suggestionWhy(site)).toBe(isolated`appears in ${87} of 100 ${'spa'} articles`);
  });

  it('suggests what a rejected block held at once, before any save or Refresh (issue 19)', async () => {
    const { backend } = await open({ 'news.txt': GLUED }, 'news');
    expect(rules()).toEqual(['source-line', 'keywords-line']);
    const block = order().find((s) => s.rule === 'source-line')!;
    rejectSuggestions([block]);
    await expect.poll(() => cleanupState().suggestions.some((s) => s.kind === 'split'), { timeout: 5_000 }).toBe(true);
    const split = order().find((s) => s.kind === 'split')!;
    expect(split.start).toBe(cp(GLUED, 'وجاء'));
    expect(rules()).toContain('keywords-line');
    // Nothing was saved: the rejection went along with the question.
    expect((await backend.openDocument('news')).sidecar.rejected ?? []).toEqual([]);
    // Undone, the block is back and what it holds waits again.
    undo();
    expect(rules()).toEqual(['source-line', 'keywords-line']);
  });

  it('counts the entities and quotes accepting would hide, and says so after (issue 19)', async () => {
    await open({ 'news.txt': GLUED }, 'news');
    const start = cp(GLUED, 'المصدر');
    tagEntity('ORG', { start: start + 8, end: start + 13 }); // وكالات, inside the source line
    tagEntity('PERSON', { start: cp(GLUED, 'جو بايدن'), end: cp(GLUED, 'جو بايدن') + 8 }); // stays
    markQuote({ start: cp(GLUED, 'بايدن عمّان'), end: cp(GLUED, 'بايدن عمّان') + 11 }); // inside the keywords line
    const s = store().getState();
    expect(hiddenByAccepting(s.doc!.source, s.data!, order())).toEqual({ entities: 1, quotes: 1 });
    expect(
      hiddenByAccepting(
        s.doc!.source,
        s.data!,
        order().filter((x) => x.rule === 'source-line'),
      ),
    ).toEqual({ entities: 1, quotes: 0 });
    expect(acceptSuggestions(order())).toBe(2);
    expect(store().getState().notice?.text).toBe(
      isolated`Accepted 2 suggestions: ${'1 entity and 1 quote'} hidden from the clean text (Ctrl+Z brings them back).`,
    );
    undo();
    store().setState({ notice: null });
    // An accept that hides nothing says nothing.
    const keywords = order().find((x) => x.rule === 'keywords-line')!;
    const t = store().getState();
    expect(hiddenByAccepting(t.doc!.source, { ...t.data!, quotes: {} }, [keywords])).toEqual({
      entities: 0,
      quotes: 0,
    });
  });

  it('reviews by the keyboard’s actions: next, previous, accept, reject; the cursor takes the next one’s place', async () => {
    await open({ 'news.txt': GLUED }, 'news');
    expect(currentSuggestion()).toBeUndefined();
    expect(decideCurrent('accept')).toBe(false); // on no suggestion
    expect(stepSuggestion(1)?.rule).toBe('source-line');
    expect(stepSuggestion(1)?.rule).toBe('keywords-line');
    expect(stepSuggestion(1)?.rule).toBe('keywords-line'); // stays on the last
    expect(stepSuggestion(-1)?.rule).toBe('source-line');
    expect(decideCurrent('accept')).toBe(true);
    expect(Object.values(store().getState().data!.edits).map((e) => e.rule)).toEqual(['source-line']);
    expect(currentSuggestion()?.rule).toBe('keywords-line');
    expect(decideCurrent('reject')).toBe(true);
    expect(
      store()
        .getState()
        .data!.rejected?.map((r) => r.rule),
    ).toEqual(['keywords-line']);
    expect(cleanupState().cursor).toBeNull();
  });

  it('opens the next document with suggestions open, in the list’s order, skipping one without', async () => {
    const plain = 'قال الوزير إن الاتفاق سيوقع غدا.\nوأضاف أن الوفد وصل.\n';
    await open({ 'a.txt': GLUED, 'b.txt': plain, 'c.txt': GLUED.replace('جو بايدن', 'كامالا هاريس') }, 'a');
    expect(await nextDocumentToClean()).toBe(true);
    expect(store().getState().doc?.id).toBe('c');
    expect(currentSuggestion()?.rule).toBe('source-line');
    // From c, around to a (b has none).
    expect(await nextDocumentToClean()).toBe(true);
    expect(store().getState().doc?.id).toBe('a');
  });

  it('removes a template line everywhere: a rule in tahrir.json (the rest kept), a suggestion in the open document', async () => {
    const footer = 'نشرة الوكالة المسائية (العدد 14) — الصفحة الأولى';
    const a = `قال الوزير إن الاتفاق سيوقع غدا.\n${footer}\n`;
    const b = `وأضاف أن الوفد وصل.\n${footer.replace('14', '15')}\n`;
    const { root } = await open(
      { 'site/a.txt': a, 'site/b.txt': b, 'tahrir.json': JSON.stringify({ annotator: 'mona', disabledRules: ['x'] }) },
      'site/b',
    );
    expect(rules()).toEqual([]);
    await removeEverywhere(footer, 'site');
    const config = JSON.parse(await readFile(join(root, 'tahrir.json'), 'utf8'));
    expect(config.annotator).toBe('mona');
    expect(config.disabledRules).toEqual(['x']);
    expect(config.boilerplateRules).toHaveLength(1);
    expect(store().getState().workspace?.config.boilerplateRules).toEqual(config.boilerplateRules);
    expect(order().map((s) => s.text)).toEqual([`${footer.replace('14', '15')}\n`]);
    expect(words(suggestionWhy(order()[0]))).toContain('template line of site');
    // Again: not added twice.
    await removeEverywhere(footer, 'site');
    expect(JSON.parse(await readFile(join(root, 'tahrir.json'), 'utf8')).boilerplateRules).toHaveLength(1);
    // A broken tahrir.json is not touched, and the error names it.
    await writeFile(join(root, 'tahrir.json'), '{ "labels": [');
    await expect(removeEverywhere('وأضاف أن الوفد وصل.', 'site')).rejects.toMatchObject({ file: 'tahrir.json' });
    expect(await readFile(join(root, 'tahrir.json'), 'utf8')).toBe('{ "labels": [');
  });
});
