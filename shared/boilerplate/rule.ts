// What a boilerplate rule is, and the context it runs in. Rules scan the source text
// with ordinary (UTF-16) regular expressions; the context turns their UTF-16 ranges into
// the code point offsets we store and export.

import type { SuggestedEdit } from '../api';
import { inEnglish, type Message } from '../i18n/message';
import type { EditKind } from '../model';
import { lowerBound } from '../sorted-search';

/** One line of the source text, in UTF-16 offsets. */
export interface SourceLine {
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character, before the line break. */
  end: number;
  /** Offset after the line break (=== end on a last line without one). */
  next: number;
  text: string;
}

export interface RuleContext {
  readonly text: string;
  readonly lines: readonly SourceLine[];
  /** A suggestion for the UTF-16 range [start, end) of the source, in code points. */
  suggest(start: number, end: number, kind: EditKind, rule: string, replacement?: string): SuggestedEdit;
  /** The whole line with its line break. */
  suggestLines(first: SourceLine, last: SourceLine, rule: string): SuggestedEdit;
}

export interface BoilerplateRule {
  id: string;
  /**
   * What the rule removes or fixes: a built-in rule's is a catalog message (`rule.<id>`, shown in the
   * interface's language); a workspace rule's own words from tahrir.json are shown as written.
   */
  description: Message | string;
  language: 'ar' | 'en' | 'any';
  detect(text: string, context: RuleContext): SuggestedEdit[];
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({
      index: lines.length,
      start,
      end: m.index,
      next: m.index + m[0].length,
      text: text.slice(start, m.index),
    });
    start = m.index + m[0].length;
  }
  if (start < text.length || lines.length === 0) {
    lines.push({ index: lines.length, start, end: text.length, next: text.length, text: text.slice(start) });
  }
  return lines;
}

/** UTF-16 offset → code point offset, by counting the surrogate pairs before it. */
export function utf16ToCodePoints(text: string): (offset: number) => number {
  const lowSurrogates: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const p = text.charCodeAt(i - 1);
    if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) lowSurrogates.push(i);
  }
  if (lowSurrogates.length === 0) return (offset) => offset;
  return (offset) => offset - lowerBound(lowSurrogates, offset);
}

/**
 * The context for one run of a rule set over `text`. Suggestions carry the description of the
 * rule that made them, looked up in `rules` (this run's set: the built-ins and the workspace's
 * own), so a workspace rule named like a built-in describes itself in that workspace only. A
 * catalog description goes along as its message (the editor translates it) and in English (the CLI).
 */
export function createRuleContext(
  text: string,
  rules: readonly Pick<BoilerplateRule, 'id' | 'description'>[] = [],
): RuleContext {
  const descriptions = new Map(rules.map((r) => [r.id, r.description]));
  const english = new Map<string, string>();
  const toCodePoint = utf16ToCodePoints(text);
  const lines = splitLines(text);
  const suggest = (start: number, end: number, kind: EditKind, rule: string, replacement = ''): SuggestedEdit => {
    const edit: SuggestedEdit = {
      start: toCodePoint(start),
      end: toCodePoint(end),
      text: text.slice(start, end),
      replacement,
      kind,
      rule,
    };
    const description = descriptions.get(rule);
    if (typeof description === 'string') {
      if (description) edit.description = description;
    } else if (description) {
      let words = english.get(rule);
      if (words === undefined) english.set(rule, (words = inEnglish(description)));
      edit.description = words;
      edit.descriptionMessage = description;
    }
    return edit;
  };
  return {
    text,
    lines,
    suggest,
    suggestLines: (first, last, rule) => suggest(first.start, last.next, 'boilerplate', rule),
  };
}

/** Declares a rule (typed; no registry: descriptions come from the rule set a run uses). */
export function defineRule(rule: BoilerplateRule): BoilerplateRule {
  return rule;
}

/** A block found at a line: the suggestion that removes it, and the index of its last line. */
export interface LineBlock {
  edit: SuggestedEdit;
  last: number;
}

/**
 * The suggestions of a rule that looks for a block at each line, top to bottom: the scan goes on
 * after each block found, so one rule's blocks never overlap.
 */
export function scanLines(ctx: RuleContext, blockAt: (i: number) => LineBlock | undefined): SuggestedEdit[] {
  const out: SuggestedEdit[] = [];
  for (let i = 0; i < ctx.lines.length; i++) {
    const block = blockAt(i);
    if (!block) continue;
    out.push(block.edit);
    i = block.last;
  }
  return out;
}

/**
 * A rule that removes blocks of whole lines: `blockEnd(lines, i)` is the index of the last line of
 * the block starting at line i, or -1 where none starts there.
 */
export function blockRule(
  id: string,
  description: Message,
  blockEnd: (lines: readonly SourceLine[], i: number) => number,
): BoilerplateRule {
  return defineRule({
    id,
    description,
    language: 'any',
    detect(_text, ctx) {
      return scanLines(ctx, (i) => {
        const last = blockEnd(ctx.lines, i);
        return last < 0 ? undefined : { edit: ctx.suggestLines(ctx.lines[i], ctx.lines[last], id), last };
      });
    },
  });
}

/** A rule that removes each line `test` accepts, with the lines `extend` takes along after it (none by default). */
export function lineRule(
  id: string,
  description: Message,
  test: (line: string) => boolean,
  extend: (lines: readonly SourceLine[], i: number) => number = (_lines, i) => i,
): BoilerplateRule {
  return blockRule(id, description, (lines, i) => (test(lines[i].text) ? extend(lines, i) : -1));
}
