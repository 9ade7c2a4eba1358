// What the back end and shared code hand to the editor in words (issue 19, the Arabic interface):
// a boilerplate rule's description, why a site's suggestion was made, why an export left a span
// out. Each is a catalog message, in both languages; the English sentence beside it (what the CLI
// prints) is that message in English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, suggestEdits } from '../../shared/boilerplate/index';
import { siteTemplateRules } from '../../shared/boilerplate/site-template';
import { SiteCounts } from '../../shared/boilerplate/site-counts';
import { templateLineRule } from '../../shared/boilerplate/template-line-rule';
import { workspaceRule } from '../../shared/boilerplate/workspace-rule';
import { LEFT_OUT_MESSAGES, leftOutMessage, toExportRecord } from '../../shared/export/export-record';
import { tagTokens } from '../../shared/export/iob-tags';
import { AR } from '../../shared/i18n/ar';
import { EN } from '../../shared/i18n/en';
import { inEnglish, type Message } from '../../shared/i18n/message';
import { createTranslator } from '../../shared/i18n/translator';

const ROOT = join(__dirname, '..', '..');
const ar = createTranslator('ar');

function inBothCatalogs(m: unknown, what: string): void {
  expect(typeof m === 'object' && m !== null && 'key' in m, `${what}: a catalog message, not English words`).toBe(true);
  const { key } = m as Message;
  expect(Object.hasOwn(EN, key), `${what}: ${key} in en.ts`).toBe(true);
  expect(Object.hasOwn(AR, key), `${what}: ${key} in ar.ts`).toBe(true);
}

/** The .ts files under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the back end’s words in the catalogs', () => {
  const siteRules = siteTemplateRules({
    site: 'wire',
    counts: new SiteCounts(),
    learned: { examples: { removed: 1, kept: 0 }, removedPrefixes: {}, removedSuffixes: {} } as never,
  });

  it('every built-in rule describes itself by a message in English and Arabic', () => {
    expect(siteRules.map((r) => r.id)).toEqual(['site-template', 'site-learned']);
    for (const rule of [...RULES, ...siteRules]) {
      inBothCatalogs(rule.description, rule.id);
      const m = rule.description as Message;
      expect(m.key).toBe(`rule.${rule.id}`);
      // Real Arabic, not the English copied over.
      expect(ar(m.key, m.values), rule.id).toMatch(/\p{Script=Arabic}{3}/u);
      expect(ar(m.key, m.values)).not.toBe(inEnglish(m));
    }
  });

  it('a suggestion carries its rule’s message and the same words in English (what the CLI prints)', () => {
    const source = 'قال الوزير إن الاتفاق سيوقع.\nالمصدر: وكالات\n';
    const edit = suggestEdits(source).find((e) => e.rule === 'source-line')!;
    expect(edit.descriptionMessage).toEqual({ key: 'rule.source-line' });
    expect(edit.description).toBe('A line naming the source or agency ("المصدر: …", "Source: …", "وكالات").');
    // Apostrophes of the English examples survive the ICU message ("'Quote': Headline").
    const headline = RULES.find((r) => r.id === 'headline-line')!;
    expect(inEnglish(headline.description as Message)).toBe(
      'The headline of another story alone between paragraphs ("[…]", "GRAPHIC: … - here", "\'Quote\': Headline").',
    );
  });

  it('a workspace rule’s own words stay as written; the app’s own words are messages', () => {
    expect(workspaceRule({ id: 'ours', pattern: 'x', description: 'our footer' }).description).toBe('our footer');
    const bare = workspaceRule({ id: 'bare', pattern: '^x$' }).description;
    inBothCatalogs(bare, 'bare');
    expect(inEnglish(bare as Message)).toBe('Workspace rule /^x$/');
    expect(ar((bare as Message).key, (bare as Message).values)).toBe('قاعدة من مساحة العمل /^x$/');
    // "Remove everywhere" writes English into tahrir.json; read back, it is said in the editor's language.
    const written = templateLineRule('نشرة الوكالة (العدد 14)', 'wire');
    expect(written.description).toBe('Removed everywhere: a template line of wire ("نشرة الوكالة (العدد 14)")');
    const read = workspaceRule(written).description as Message;
    expect(read).toEqual({ key: 'rule.removed-everywhere', values: { site: 'wire', line: 'نشرة الوكالة (العدد 14)' } });
    expect(ar(read.key, read.values)).toBe('محذوف في كل مكان: سطر من قالب wire ("نشرة الوكالة (العدد 14)")');
  });

  it('every reason an export leaves a span out for is a message in both languages; the summary keeps the reason', () => {
    for (const [reason, m] of Object.entries(LEFT_OUT_MESSAGES)) {
      inBothCatalogs(m, reason);
      expect(ar(m.key, m.values), reason).toMatch(/\p{Script=Arabic}{3}/u);
    }
    // The reasons an export gives: inside removed text, orphaned, an overlap CoNLL cannot hold.
    const text = 'قال جو بايدن إن الأمر جيد.\nالمصدر: وكالات\n';
    const at = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length;
    const span = (id: string, s: string, label = 'PERSON') => ({
      id,
      start: at(s),
      end: at(s) + Array.from(s).length,
      text: s,
      label,
    });
    const sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'x', length: Array.from(text).length },
      document: { status: 'done' },
      entities: [
        span('e1', 'جو بايدن'),
        span('e2', 'بايدن', 'LOC'),
        span('e3', 'وكالات', 'ORG'),
        { ...span('e4', 'جيد'), orphaned: true },
      ],
      quotes: [],
      edits: [{ ...span('d1', 'المصدر: وكالات\n'), replacement: '', kind: 'boilerplate' }],
    } as never;
    const { record, leftOutSpans } = toExportRecord('a', text, sidecar);
    const reasons = [...leftOutSpans, ...tagTokens(record, 'conll').leftOutSpans].map((s) => s.reason).sort();
    expect(reasons).toEqual(['inside removed text', 'orphaned', 'overlap (conll)']);
    for (const r of reasons) expect(leftOutMessage(r), r).toBeDefined();
    expect(ar('left-out.overlap', leftOutMessage('overlap (conll)')!.values)).toContain('CoNLL');
    expect(leftOutMessage('a reason of another version')).toBeUndefined();
  });

  it('every message key the back end and shared code name is in both catalogs (the check can fail)', () => {
    const keyed = /\bkey: '([a-z][\w-]*\.[\w.-]+)'/g;
    const found = new Map<string, string>();
    for (const file of [...sources(join(ROOT, 'shared')), ...sources(join(ROOT, 'electron'))]) {
      if (file.includes(`${join('shared', 'i18n')}`)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(keyed)) found.set(m[1], file);
    }
    // The rules' keys and the site's reasons at least.
    expect([...found.keys()].filter((k) => k.startsWith('rule.')).length).toBeGreaterThanOrEqual(35);
    expect([...found.keys()].filter((k) => k.startsWith('reason.')).length).toBe(8);
    for (const [key, file] of found) {
      expect(Object.hasOwn(EN, key), `${key} (${file}) in en.ts`).toBe(true);
      expect(Object.hasOwn(AR, key), `${key} (${file}) in ar.ts`).toBe(true);
    }
    expect(() => inBothCatalogs({ key: 'rule.no-such-rule' }, 'x')).toThrow(/in en\.ts/);
  });
});
