import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RULES, suggestEdits } from '../../../shared/boilerplate/index';
import { SiteCounts } from '../../../shared/boilerplate/site-counts';
import { globToRegExp, siteOf } from '../../../shared/boilerplate/site-of';
import { SITE_TEMPLATE_RULE, type SiteTemplate } from '../../../shared/boilerplate/site-template';
import { documentKeys, hashKey, lineKey, lineTokens } from '../../../shared/boilerplate/template-keys';
import { AR_TEMPLATE, EN_TEMPLATE, arabicArticle, englishArticle } from './site-articles';
import { slice } from './rule-harness';

/** A site of `n` articles, counted; the template for article `i`, which is among them. */
function site(
  make: (n: number) => string,
  n: number,
  name: string,
): { counts: SiteCounts; templateFor(i: number): SiteTemplate } {
  const counts = new SiteCounts();
  const keys = Array.from({ length: n }, (_, i) => documentKeys(make(i)));
  for (const k of keys) counts.add(k);
  return { counts, templateFor: (i) => ({ site: name, counts, ownKeys: new Set(keys[i].keys) }) };
}

// The site template's own suggestions, with the hand-written cues off (several of these made-up
// template lines, the end marker among them, are cues too, and a cue's removal would keep them).
const templateOnly = (site: SiteTemplate) => ({ site, disabledRules: RULES.map((r) => r.id) });

function removedTexts(text: string, template: SiteTemplate): string[] {
  return suggestEdits(text, templateOnly(template))
    .filter((e) => e.rule === SITE_TEMPLATE_RULE)
    .map((e) => slice(text, e.start, e.end));
}

describe('line keys', () => {
  test('mask digits, fold letter variants, dashes and spaces', () => {
    expect(lineKey(' 20:26 ت م ')).toBe(lineKey('09:05  ت م'));
    expect(lineKey('أغسطس')).toBe(lineKey('اغسطس'));
    expect(lineKey('(CNN) – ')).toBe(lineKey('(CNN)--'));
    expect(lineKey('Read more')).toBe(lineKey('READ   MORE'));
    expect(lineKey('\u200f ')).toBe('');
  });

  test('a full stop and a glued suffix are two tokens; neighbouring punctuation is one', () => {
    expect(lineTokens('end. (bit.ly/x)').map((t) => t.key)).toEqual(['end', '.', '(', 'bit', '.', 'ly', '/', 'x', ')']);
    expect(lineTokens('(CNN) – قال').map((t) => t.key)).toEqual(['(', 'cnn', ')-', 'قال']);
  });

  test('token ranges are UTF-16 ranges of the line, in order and inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (line) => {
        let last = 0;
        for (const t of lineTokens(line)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeLessThanOrEqual(line.length);
          last = t.end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('hashes are stable and spread', () => {
    expect(hashKey('l // انتهى //')).toBe(hashKey('l // انتهى //'));
    const hashes = new Set(Array.from({ length: 5000 }, (_, i) => hashKey(`l line ${i}`)));
    expect(hashes.size).toBe(5000);
  });
});

describe('site template suggestions', () => {
  const ar = site(arabicArticle, 40, 'wire');

  test('the end marker, the time line, the promo and the dateline line of an Arabic wire, each with its reason', () => {
    const text = arabicArticle(3);
    const edits = suggestEdits(text, templateOnly(ar.templateFor(3))).filter((e) => e.rule === SITE_TEMPLATE_RULE);
    const removed = edits.map((e) => slice(text, e.start, e.end));
    expect(removed).toContain(`${AR_TEMPLATE.endMarker}\n`);
    expect(removed.some((r) => /^ \d+:\d+ ت م/.test(r))).toBe(true);
    expect(removed).toContain(`${AR_TEMPLATE.promo}\n`);
    expect(removed[0]).toMatch(/^ \S+ \d+ محرم 1447 هـ الموافق \d+ يوليو 2025 م واس\n$/);
    const marker = edits.find((e) => e.text.startsWith(AR_TEMPLATE.endMarker));
    expect(marker?.reason).toBe('appears in 39 of 39 wire articles');
  });

  test('the article\'s own lines stay: "وقال:" in 40% of the articles, the quote after it, every paragraph', () => {
    const text = arabicArticle(1);
    expect(text).toContain(`\n${AR_TEMPLATE.shortCommon}\n`);
    const removed = removedTexts(text, ar.templateFor(1));
    expect(removed).not.toContain(`${AR_TEMPLATE.shortCommon}\n`);
    const kept = text.split('\n').filter((l) => !removed.some((r) => r.startsWith(l)));
    expect(kept.filter((l) => /\.$|"$/.test(l)).length).toBe(
      text.split('\n').filter((l) => /\.$|"$/.test(l) && l !== AR_TEMPLATE.promo).length,
    );
  });

  test('a glued dateline prefix recurring before the first sentence, up to and including its dash and space', () => {
    const en = site(englishArticle, 30, 'metro');
    const text = englishArticle(7);
    const removed = removedTexts(text, en.templateFor(7));
    expect(removed[0]).toMatch(/^[A-Z ]+ \(Metro Wire\) - $/);
    expect(removed).toContain(`${EN_TEMPLATE.newsletter}\n`);
    // "Follow X on Twitter" (a quarter of the articles per name) goes too, by the site's counts or the follow-us rule.
    expect(suggestEdits(text, templateOnly(en.templateFor(7))).some((e) => e.text.startsWith('Follow '))).toBe(true);
  });

  test('nothing from a site of too few articles, or for a document whose lines are all its own', () => {
    const few = site(arabicArticle, 3, 'wire');
    expect(removedTexts(arabicArticle(0), few.templateFor(0))).toEqual([]);
    const other = englishArticle(2);
    expect(removedTexts(other, ar.templateFor(0))).toEqual([]);
  });

  test("the document's own lines do not count for it: the same article twice is no template", () => {
    const counts = new SiteCounts();
    const text = englishArticle(1);
    for (let i = 0; i < 2; i++) counts.add(documentKeys(text));
    for (let i = 10; i < 20; i++) counts.add(documentKeys(arabicArticle(i)));
    expect(removedTexts(text, { site: 'x', counts, ownKeys: new Set(documentKeys(text).keys) })).toEqual([]);
  });

  test('template lines list the most frequent first, with counts and an example', () => {
    const lines = ar.counts.templateLines(2, 3);
    expect(lines[0]).toMatchObject({ count: 40, documents: 40, example: AR_TEMPLATE.endMarker.trim() });
    expect(lines.map((l) => l.count)).toEqual([...lines.map((l) => l.count)].sort((a, b) => b - a));
  });

  test('a rejected template suggestion is not proposed again', () => {
    const text = arabicArticle(3);
    const template = ar.templateFor(3);
    const marker = suggestEdits(text, templateOnly(template)).find((e) => e.text.startsWith(AR_TEMPLATE.endMarker))!;
    const again = suggestEdits(text, {
      site: template,
      rejected: [{ rule: marker.rule, start: marker.start, end: marker.end, text: marker.text }],
    });
    expect(again.some((e) => e.text === marker.text)).toBe(false);
  });
});

describe('offsets', () => {
  test('every site suggestion slices its text out of the source at its code point offsets (emoji, CRLF, BOM, glued prefixes)', () => {
    const line = fc.stringMatching(/^[a-zA-Z\u0627-\u064a 😀🇸🇦\u200f.,:-]{0,30}$/);
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (own, eol, bom) => {
          const template = ['😀 شارك الخبر 😀 على المنصات', 'DUBAI (Wire 😀) - '];
          const article = (body: string[]) =>
            `${bom ? '\ufeff' : ''}${template[1]}${body.join(eol)}${eol}${template[0]}${eol}`;
          const counts = new SiteCounts();
          for (let i = 0; i < 6; i++)
            counts.add(documentKeys(article([`line ${i} of its own`, `more ${i * 7} here.`])));
          const text = article(own);
          const edits = suggestEdits(text, { site: { site: 's', counts } });
          // The template line and the glued prefix are always there to find.
          const found = edits.filter((e) => e.rule === SITE_TEMPLATE_RULE).map((e) => e.text);
          for (const t of template) expect(found.some((f) => f.includes(t.trim()))).toBe(true);
          for (const e of edits) expect(slice(text, e.start, e.end)).toBe(e.text);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('sites', () => {
  test('a site is the folder by default, else the first glob of tahrir.json that matches', () => {
    expect(siteOf('news/spa/a.txt', undefined, 'ws')).toBe('news/spa');
    expect(siteOf('a.txt', undefined, 'ws')).toBe('ws');
    const sites = { 'archive/**/wam-*.txt': 'wam', '**/*.txt': 'other' };
    expect(siteOf('archive/2024/05/wam-12.txt', sites, 'ws')).toBe('wam');
    expect(siteOf('archive/wam-1.txt', sites, 'ws')).toBe('wam');
    expect(siteOf('archive/2024/spa-1.txt', sites, 'ws')).toBe('other');
    expect(globToRegExp('a?c.txt').test('abc.txt')).toBe(true);
    expect(globToRegExp('a*.txt').test('a/b.txt')).toBe(false);
  });
});
