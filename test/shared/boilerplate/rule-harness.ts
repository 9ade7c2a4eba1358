// Runs one rule on a text and returns what it would remove, for short readable assertions.
import type { SuggestedEdit } from '../../../shared/api';
import { createRuleContext, type BoilerplateRule } from '../../../shared/boilerplate/rule';

export function run(rule: BoilerplateRule, text: string): SuggestedEdit[] {
  return rule.detect(text, createRuleContext(text, [rule]));
}

/** The source texts the rule proposes to edit. */
export function removed(rule: BoilerplateRule, text: string): string[] {
  return run(rule, text).map((e) => e.text);
}

/** Code point slice, as Python would take it. */
export function slice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}
