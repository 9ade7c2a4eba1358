// Boilerplate and normalization suggestions for a document: every rule's proposals,
// merged into one sorted list of non-overlapping edits.
//
// Merge policy:
// - rejected suggestions (same rule and text) and anything overlapping an existing edit
//   are dropped first, so a rejected big block lets the smaller ones inside it through;
// - removals that overlap: the larger wins, then the earlier (a related block swallows the
//   tweet embedded in it); what sticks out of the loser beyond the winner is kept, trimmed;
// - normalize suggestions overlapping an accepted removal, and split insertions inside it
//   or at its edge, are dropped:
//   the text they would fix is going anyway (the Persian letters of the sample's keyword
//   line, the glue point right after a removed read-more headline).

import type { SuggestedEdit } from '../api';
import { TahrirError } from '../errors';
import type { Edit, RejectedSuggestion } from '../model';
import { authorBio } from './author-bio';
import { byline } from './byline';
import { dateLine, readingTimeLine } from './date-line';
import { dateline } from './dateline';
import { disclaimer } from './disclaimer';
import { endMarker } from './end-marker';
import { gluedWords } from './glued-words';
import { headlineLine } from './headline-line';
import { keywordsLine } from './keywords-line';
import { letterVariants } from './letter-variants';
import { linkLeftover } from './link-leftover';
import { pageNotice } from './page-notice';
import { outletByline } from './outlet-byline';
import { photoCaption } from './photo-caption';
import { photoCredit } from './photo-credit';
import { PROMO_RULES } from './promo-lines';
import { readMore } from './read-more';
import { relatedBlock } from './related-block';
import { createRuleContext, type BoilerplateRule } from './rule';
import { siteTemplateRules, type SiteTemplate } from './site-template';
import { socialEmbed } from './social-embed';
import { sourceLine } from './source-line';
import { syndication } from './syndication';
import { trailingHeadlines } from './trailing-headlines';
import { trailingTeasers } from './trailing-teasers';
import { widgetText } from './widget-text';
import { wireCredit } from './wire-credit';
import { workspaceRule, type WorkspaceRuleConfig } from './workspace-rule';
import { partitionPoint } from '../sorted-search';
import { CONFIG_FILE } from '../workspace-layout';

export type { BoilerplateRule, RuleContext } from './rule';
export type { WorkspaceRuleConfig } from './workspace-rule';
export type { SiteTemplate } from './site-template';

export const RULES: readonly BoilerplateRule[] = [
  dateLine,
  readingTimeLine,
  readMore,
  sourceLine,
  keywordsLine,
  relatedBlock,
  socialEmbed,
  ...PROMO_RULES,
  photoCredit,
  photoCaption,
  byline,
  dateline,
  endMarker,
  disclaimer,
  syndication,
  wireCredit,
  authorBio,
  pageNotice,
  widgetText,
  linkLeftover,
  headlineLine,
  trailingTeasers,
  trailingHeadlines,
  outletByline,
  letterVariants,
  gluedWords,
];

export interface SuggestOptions {
  /** Rule ids switched off (the workspace's `disabledRules`). */
  disabledRules?: string[];
  /** Suggestions the editor rejected for this document. */
  rejected?: RejectedSuggestion[];
  /** Edits the document already has. */
  existing?: Edit[];
  /** The workspace's own regular-expression rules. */
  workspaceRules?: WorkspaceRuleConfig[];
  /** What the other articles of the document's site and the editor's decisions there show (site-template.ts). */
  site?: SiteTemplate;
}

type Range = { start: number; end: number };

/** Overlap, where an insertion counts as overlapping a range it sits inside or at the edge of. */
function conflicts(a: Range, b: Range): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Accepted edits, sorted and non-overlapping, so both starts and ends are in order and the
 * ones near a range are found by binary search (a long document has thousands of candidates).
 */
class AcceptedEdits {
  readonly items: SuggestedEdit[] = [];

  /** Index of the first item whose end is at or after `pos`. */
  private firstEndingFrom(pos: number): number {
    return partitionPoint(this.items.length, (i) => this.items[i].end < pos);
  }

  /** Items that conflict with `r` (see `conflicts`). */
  near(r: Range): SuggestedEdit[] {
    const out: SuggestedEdit[] = [];
    for (let i = this.firstEndingFrom(r.start); i < this.items.length && this.items[i].start <= r.end; i++) {
      if (conflicts(r, this.items[i])) out.push(this.items[i]);
    }
    return out;
  }

  add(e: SuggestedEdit): void {
    let i = this.firstEndingFrom(e.start);
    while (
      i < this.items.length &&
      (this.items[i].start < e.start || (this.items[i].start === e.start && this.items[i].end <= e.end))
    )
      i++;
    this.items.splice(i, 0, e);
  }
}

/** The parts of `e` that no accepted removal covers. */
function outside(e: Range, accepted: readonly Range[]): Range[] {
  let pieces: Range[] = [{ start: e.start, end: e.end }];
  for (const a of accepted) {
    if (a.start === a.end) continue;
    pieces = pieces.flatMap((p) => {
      if (!(p.start < a.end && a.start < p.end)) return [p];
      const rest: Range[] = [];
      if (p.start < a.start) rest.push({ start: p.start, end: a.start });
      if (a.end < p.end) rest.push({ start: a.end, end: p.end });
      return rest;
    });
  }
  return pieces;
}

function isRemoval(e: SuggestedEdit): boolean {
  return e.kind === 'boilerplate';
}

export function suggestEdits(source: string, options: SuggestOptions = {}): SuggestedEdit[] {
  const disabled = new Set(options.disabledRules ?? []);
  const own = options.workspaceRules ?? [];
  if (!Array.isArray(own))
    throw new TahrirError('invalid-argument', 'boilerplateRules: must be a list of rules', CONFIG_FILE);
  const site = options.site ? siteTemplateRules(options.site) : [];
  const rules = [...RULES, ...own.map((r, i) => workspaceRule(r, i)), ...site].filter((r) => !disabled.has(r.id));
  const ctx = createRuleContext(source, rules);
  const rejected = new Set((options.rejected ?? []).map((r) => `${r.rule}\u0000${r.text}`));
  const existing = options.existing ?? [];

  const candidates = rules
    .flatMap((rule) => rule.detect(source, ctx))
    .filter((e) => !rejected.has(`${e.rule}\u0000${e.text}`))
    .filter((e) => !existing.some((x) => conflicts(e, x)));

  const accepted = new AcceptedEdits();
  const removals = candidates
    .filter(isRemoval)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  let chars: string[] | undefined;
  for (const e of removals) {
    const near = accepted.near(e).filter((x) => x.start < x.end);
    if (near.length === 0) {
      accepted.add(e);
      continue;
    }
    const pieces = outside(e, near);
    // Covered whole by a rule's removal: the workspace's reason ("appears in 87 of 100 spa
    // articles") still says why, so the kept one carries it.
    if (pieces.length === 0 && e.reason)
      for (const x of near)
        if (!x.reason && x.start <= e.start && e.end <= x.end) {
          x.reason = e.reason;
          if (e.reasonMessage) x.reasonMessage = e.reasonMessage;
        }
    for (const piece of pieces) {
      chars ??= [...source];
      const text = chars.slice(piece.start, piece.end).join('');
      if (text.trim().length > 0) accepted.add({ ...e, start: piece.start, end: piece.end, text });
    }
  }
  const fixes = candidates.filter((e) => !isRemoval(e)).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of fixes) if (accepted.near(e).length === 0) accepted.add(e);

  return accepted.items;
}
