// Suggestions from what the other articles of the same site show: lines most of them share
// (end markers, datelines, app promos, disclaimers), prefixes and suffixes glued to a line that
// recur ("NEW YORK (Reuters) - "), and lines like the ones the editor removed. Each suggestion
// says why ("appears in 87 of 100 spa articles", "like 12 lines you removed").

import type { SuggestedEdit } from '../api';
import { inEnglish, type Message } from '../i18n/message';
import { removalProbability, SiteMemory, type LearnedSite } from './learner';
import { FEATURE_NAMES, jaccard, lineFeatures, shingles } from './line-features';
import type { BoilerplateRule, RuleContext } from './rule';
import type { SiteCounts } from './site-counts';
import {
  EDGE_TOKENS,
  MAX_EDGE_REACH,
  hashKey,
  keyedLines,
  lineKey,
  prefixKey,
  suffixKey,
  wholeLineKey,
  type KeyedLine,
  type LineToken,
} from './template-keys';

/** What a document's suggestions know of its site. */
export interface SiteTemplate {
  site: string;
  counts: SiteCounts;
  /** The document's own keys when it is among the counted articles (its lines then count one less). */
  ownKeys?: ReadonlySet<string>;
  learned?: LearnedSite;
}

/** Thresholds of the template rule: counts below them are too weak to call a line the site's template. */
export const TEMPLATE = {
  /** Other articles that must hold a line. */
  minCount: 3,
  /** Share of the site's other articles that must hold a line… */
  minShare: 0.04,
  /** …or, for a short line (fewer letters than `shortLetters`: "وقال:", "VERDICT"), this share. */
  shortShare: 0.5,
  shortLetters: 10,
  /** Share of the articles whose first (last) lines have a glued prefix (suffix) ending (starting) the same. */
  edgeShare: 0.2,
  /** A near-duplicate of a template line (Jaccard of token shingles) counts as it. */
  nearDuplicate: 0.7,
  /** Lines of at most this many tokens may be a whole-line prefix (a dateline line whose place varies). */
  maxWholeLineEdge: 16,
  /** The learner's probability above which a line is suggested… */
  learnedProbability: 0.5,
  /**
   * …when it is also this like a line removed by hand: with a few dozen examples the weights
   * alone also take crossheads and the article's own paragraphs (a short line without a full
   * stop, a paragraph near the end) for what was removed.
   */
  learnedSimilarity: 0.5,
  /**
   * The probability above which a line with a cue word, a URL or a handle is suggested however unlike the removed ones.
   */
  learnedAlone: 0.9,
};

export const SITE_TEMPLATE_RULE = 'site-template';
export const SITE_LEARNED_RULE = 'site-learned';

const TEMPLATE_DESCRIPTION: Message = { key: 'rule.site-template' };
const LEARNED_DESCRIPTION: Message = { key: 'rule.site-learned' };

function letters(key: string): number {
  return (key.match(/\p{L}/gu) ?? []).length;
}

const isWord = (t: LineToken) => /[\p{L}]/u.test(t.key);

/** Counts that leave the document itself out. */
class OtherArticles {
  readonly documents: number;

  constructor(private readonly template: SiteTemplate) {
    this.documents = template.counts.documents - (template.ownKeys ? 1 : 0);
  }

  count(hash: string): number {
    const n = this.template.counts.count(hash);
    return this.template.ownKeys?.has(hash) ? n - 1 : n;
  }

  share(hash: string): number {
    return this.documents <= 0 ? 0 : this.count(hash) / this.documents;
  }
}

function isTemplateCount(count: number, documents: number, key: string): boolean {
  if (count < TEMPLATE.minCount || documents <= 0) return false;
  // A short line ending in a colon introduces what follows ("وقال:", "He added:"): the
  // article's own, however many articles have it.
  if (letters(key) < TEMPLATE.shortLetters && /:$/.test(key)) return false;
  const share = count / documents;
  return share >= (letters(key) < TEMPLATE.shortLetters ? TEMPLATE.shortShare : TEMPLATE.minShare);
}

/** The recurring lines of the site with their shingles, for near-duplicate matching (built once per counts). */
type TemplateLineShingles = { hash: string; key: string; shingles: Set<string> }[];
const nearCache = new WeakMap<SiteCounts, { documents: number; lines: TemplateLineShingles }>();
function templateMemory(counts: SiteCounts): TemplateLineShingles {
  const cached = nearCache.get(counts);
  if (cached && cached.documents === counts.documents) return cached.lines;
  const lines: TemplateLineShingles = [];
  for (const l of counts.templateLines(TEMPLATE.minCount)) {
    const key = lineKey(l.example);
    if (letters(key) >= TEMPLATE.shortLetters) lines.push({ hash: l.key, key, shingles: shingles(key) });
  }
  nearCache.set(counts, { documents: counts.documents, lines });
  return lines;
}

/** The count (in the other articles) of the template line most like `key`, when one is alike enough. */
function nearestTemplateLine(key: string, lines: TemplateLineShingles, others: OtherArticles): number | undefined {
  const own = shingles(key);
  let best: { similarity: number; count: number } | undefined;
  for (const l of lines) {
    const s = jaccard(own, l.shingles);
    if (s < TEMPLATE.nearDuplicate || (best && s <= best.similarity)) continue;
    // Counted without the document itself: its own line is no evidence for itself.
    const count = others.count(l.hash);
    if (isTemplateCount(count, others.documents, l.key)) best = { similarity: s, count };
  }
  return best?.count;
}

/** End of the longest recurring glued prefix of a line, in tokens (0: none). */
function recurringPrefix(k: KeyedLine, others: OtherArticles): number {
  const reach = Math.min(MAX_EDGE_REACH, k.tokens.length);
  for (let end = reach; end >= EDGE_TOKENS; end--) {
    const whole = end === k.tokens.length;
    if (whole && k.tokens.length > TEMPLATE.maxWholeLineEdge) continue;
    // A glued prefix ends at punctuation (the dash of a dateline); one ending in a word would
    // take the article's first word along when that word is common ("… (CNN) – قال").
    if (!whole && (isWord(k.tokens[end - 1]) || !k.tokens.slice(0, end).some(isWord))) continue;
    const count = others.count(hashKey(prefixKey(k.tokens, end)));
    if (count >= TEMPLATE.minCount && count / Math.max(1, others.documents) >= TEMPLATE.edgeShare) return end;
  }
  return 0;
}

/** Start of the longest recurring glued suffix of a line, in tokens (tokens.length: none). */
function recurringSuffix(k: KeyedLine, others: OtherArticles): number {
  const n = k.tokens.length;
  for (let start = Math.max(0, n - MAX_EDGE_REACH); start <= n - 1; start++) {
    const whole = start === 0;
    if (whole && n > TEMPLATE.maxWholeLineEdge) continue;
    // A glued suffix follows the end of a sentence and says something (not the last full stop).
    if (
      !whole &&
      (!/[.!?؟»"”)]$/u.test(k.tokens[start - 1].key) || n - start < 2 || !k.tokens.slice(start).some(isWord))
    )
      continue;
    const count = others.count(hashKey(suffixKey(k.tokens, start)));
    if (count >= TEMPLATE.minCount && count / Math.max(1, others.documents) >= TEMPLATE.edgeShare) return start;
  }
  return n;
}

/** A suggestion for tokens [from, to) of a line: to the line's end (with its break) or through the spaces after. */
function suggestTokens(
  ctx: RuleContext,
  k: KeyedLine,
  from: number,
  to: number,
  rule: string,
  why: Message,
): SuggestedEdit {
  // The reason in English for the CLI and the API's readers; its message for the editor's language.
  const reason = { reason: inEnglish(why), reasonMessage: why };
  const text = k.line.text;
  if (from === 0 && to === k.tokens.length) return { ...ctx.suggestLines(k.line, k.line, rule), ...reason };
  let start = k.line.start + (from === 0 ? 0 : k.tokens[from].start);
  let end = k.line.start + (to === k.tokens.length ? text.length : k.tokens[to - 1].end);
  if (from === 0) {
    start = k.line.start;
    while (end < k.line.end && /\s/u.test(ctx.text[end])) end++;
  } else {
    while (start > k.line.start && /\s/u.test(ctx.text[start - 1])) start--;
  }
  return { ...ctx.suggest(start, end, 'boilerplate', rule), ...reason };
}

/** The template rule and, once the editor has taught the site something, the learned rule. */
export function siteTemplateRules(template: SiteTemplate): BoilerplateRule[] {
  const rules: BoilerplateRule[] = [
    {
      id: SITE_TEMPLATE_RULE,
      description: TEMPLATE_DESCRIPTION,
      language: 'any',
      detect: (text, ctx) => templateSuggestions(text, ctx, template),
    },
  ];
  const learned = template.learned;
  if (
    learned &&
    (learned.examples.removed > 0 ||
      Object.keys(learned.removedPrefixes).length > 0 ||
      Object.keys(learned.removedSuffixes).length > 0)
  ) {
    rules.push({
      id: SITE_LEARNED_RULE,
      description: LEARNED_DESCRIPTION,
      language: 'any',
      detect: (text, ctx) => learnedSuggestions(text, ctx, template, learned),
    });
  }
  return rules;
}

function templateSuggestions(text: string, ctx: RuleContext, template: SiteTemplate): SuggestedEdit[] {
  const others = new OtherArticles(template);
  if (others.documents < TEMPLATE.minCount) return [];
  const near = templateMemory(template.counts);
  const out: SuggestedEdit[] = [];
  const of = others.documents;
  for (const k of keyedLines(text)) {
    const count = others.count(hashKey(wholeLineKey(k.key)));
    if (isTemplateCount(count, of, k.key)) {
      out.push(
        suggestTokens(ctx, k, 0, k.tokens.length, SITE_TEMPLATE_RULE, {
          key: 'reason.appears-in',
          values: { count, n: of, site: template.site },
        }),
      );
      continue;
    }
    if (near.length > 0 && letters(k.key) >= TEMPLATE.shortLetters) {
      const like = nearestTemplateLine(k.key, near, others);
      if (like) {
        out.push(
          suggestTokens(ctx, k, 0, k.tokens.length, SITE_TEMPLATE_RULE, {
            key: 'reason.like-a-line',
            values: { count: like, n: of, site: template.site },
          }),
        );
        continue;
      }
    }
    if (!k.edge) continue;
    const prefixEnd = recurringPrefix(k, others);
    if (prefixEnd > 0) {
      const count = others.count(hashKey(prefixKey(k.tokens, prefixEnd)));
      out.push(
        suggestTokens(ctx, k, 0, prefixEnd, SITE_TEMPLATE_RULE, {
          key: 'reason.begins-like',
          values: { count, n: of, site: template.site },
        }),
      );
      if (prefixEnd === k.tokens.length) continue;
    }
    const suffixStart = recurringSuffix(k, others);
    if (suffixStart < k.tokens.length && suffixStart > prefixEnd) {
      const count = others.count(hashKey(suffixKey(k.tokens, suffixStart)));
      out.push(
        suggestTokens(ctx, k, suffixStart, k.tokens.length, SITE_TEMPLATE_RULE, {
          key: 'reason.ends-like',
          values: { count, n: of, site: template.site },
        }),
      );
    }
  }
  return out;
}

function learnedSuggestions(
  text: string,
  ctx: RuleContext,
  template: SiteTemplate,
  learned: LearnedSite,
): SuggestedEdit[] {
  const memory = memories.get(learned) ?? new SiteMemory(learned);
  memories.set(learned, memory);
  const others = new OtherArticles(template);
  const lines = keyedLines(text);
  const out: SuggestedEdit[] = [];
  for (const k of lines) {
    const removed = memory.removed.best(k.key);
    const features = lineFeatures(k, {
      lines: lines.length,
      recurrence: others.share(hashKey(wholeLineKey(k.key))),
      similarToRemoved: removed.similarity,
      similarToKept: memory.kept.best(k.key).similarity,
    });
    const p = removalProbability(learned, features);
    const cue =
      features[FEATURE_NAMES.indexOf('cueWords')] > 0 ||
      features[FEATURE_NAMES.indexOf('urls')] > 0 ||
      features[FEATURE_NAMES.indexOf('handles')] > 0;
    if (
      (p >= TEMPLATE.learnedProbability && removed.similarity >= TEMPLATE.learnedSimilarity) ||
      (p >= TEMPLATE.learnedAlone && cue)
    ) {
      const reason: Message =
        removed.alike > 0
          ? { key: 'reason.like-lines-removed', values: { n: removed.alike } }
          : { key: 'reason.learned-from-removed', values: { n: learned.examples.removed } };
      out.push(suggestTokens(ctx, k, 0, k.tokens.length, SITE_LEARNED_RULE, reason));
      continue;
    }
    if (!k.edge) continue;
    const prefixEnd = learnedEdge(k, learned.removedPrefixes, 'prefix');
    if (prefixEnd > 0)
      out.push(
        suggestTokens(ctx, k, 0, prefixEnd, SITE_LEARNED_RULE, {
          key: 'reason.like-beginnings-removed',
          values: { n: learned.removedPrefixes[prefixKey(k.tokens, prefixEnd)] },
        }),
      );
    const suffixStart = learnedEdge(k, learned.removedSuffixes, 'suffix');
    if (suffixStart < k.tokens.length && suffixStart > prefixEnd)
      out.push(
        suggestTokens(ctx, k, suffixStart, k.tokens.length, SITE_LEARNED_RULE, {
          key: 'reason.like-endings-removed',
          values: { n: learned.removedSuffixes[suffixKey(k.tokens, suffixStart)] },
        }),
      );
  }
  return out;
}

const memories = new WeakMap<LearnedSite, SiteMemory>();

/**
 * Where a removed prefix (suffix) of the same ending (beginning) ends (starts) in this line; 0 (tokens.length) when
 * none.
 */
function learnedEdge(k: KeyedLine, removed: Record<string, number>, side: 'prefix' | 'suffix'): number {
  const n = k.tokens.length;
  const reach = Math.min(MAX_EDGE_REACH, n - 1);
  if (side === 'prefix') {
    for (let end = reach; end >= 1; end--)
      if (Object.hasOwn(removed, prefixKey(k.tokens, end)) && !isWord(k.tokens[end - 1])) return end;
    return 0;
  }
  for (let start = n - reach; start < n; start++)
    if (Object.hasOwn(removed, suffixKey(k.tokens, start)) && !isWord(k.tokens[start])) return start;
  return n;
}
