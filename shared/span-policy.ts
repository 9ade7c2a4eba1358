// What a label's entities may do, as tahrir.json says per label: cross another entity (overlap it
// without either holding the other) and run across a paragraph break. Nesting is always allowed.
// One check for the editor (a tag refused with the reason) and `tahrir validate` (a span breaking one).
import { inEnglish, type Message } from './i18n/message';
import type { Entity, LabelConfig } from './model';

export interface SpanPolicy {
  /** May an entity of this label cross another entity (default true, as brat and INCEpTION allow)? */
  allowCrossing: boolean;
  /** May it run across a paragraph break (default false: CoNLL would merge two sentences into one span)? */
  allowAcrossParagraphs: boolean;
}

export function labelPolicy(label: LabelConfig | undefined): SpanPolicy {
  return {
    allowCrossing: label?.allowCrossing ?? true,
    allowAcrossParagraphs: label?.allowAcrossParagraphs ?? false,
  };
}

/** A paragraph is a line of the text: a span whose text holds a line break runs across a paragraph break. */
export function crossesParagraphBreak(text: string): boolean {
  return /[\n\r\u2029]/.test(text);
}

/** The two spans overlap and neither holds the other. */
export function spansCross(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = a.start < b.end && b.start < a.end;
  const nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
  return overlap && !nested;
}

export interface PolicyBreak {
  rule: 'across-paragraphs' | 'crossing';
  /** What the editor says (naming the label, the other span and the setting that allows it), in English. */
  message: string;
  /** The same as a catalog message: the editor says it in its language. */
  said: Message;
  /** The entity it would cross (rule 'crossing'). */
  other?: Entity;
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length > 40 ? `${points.slice(0, 39).join('')}…` : flat;
}

function said(rule: PolicyBreak['rule'], message: Message): PolicyBreak {
  return { rule, message: inEnglish(message), said: message };
}

/**
 * Why an entity labelled `label` on [start, end) (its source text `text`) may not be there, or null.
 * `others` are the entities it could cross (all of the document's, or those overlapping it); the span
 * itself, by id, is skipped. A crossing is refused when either entity's label refuses it.
 */
export function policyBreak(
  span: { id?: string; start: number; end: number; text: string; label: string },
  labels: readonly LabelConfig[],
  others: Iterable<Entity>,
): PolicyBreak | null {
  const byName = new Map(labels.map((l) => [l.name, l]));
  const own = labelPolicy(byName.get(span.label));
  if (!own.allowAcrossParagraphs && crossesParagraphBreak(span.text))
    return said('across-paragraphs', {
      key: 'policy.across-paragraphs',
      values: { label: span.label, setting: '"allowAcrossParagraphs": true' },
    });
  for (const other of others) {
    if (other.id === span.id || other.orphaned || !spansCross(span, other)) continue;
    const theirs = labelPolicy(byName.get(other.label));
    if (own.allowCrossing && theirs.allowCrossing) continue;
    const refusing = own.allowCrossing ? other.label : span.label;
    const values = { label: span.label, other: other.label, text: shortText(other.text), refusing };
    return { ...said('crossing', { key: 'policy.crossing', values: { ...values, setting: 'allowCrossing' } }), other };
  }
  return null;
}

export type OverlapRelation = 'same' | 'inside' | 'holds' | 'crosses';

/** How span `a` lies against `b` (null: apart); what the inspector lists under "Overlaps". */
export function overlapRelation(
  a: { start: number; end: number },
  b: { start: number; end: number },
): OverlapRelation | null {
  if (!(a.start < b.end && b.start < a.end)) return null;
  if (a.start === b.start && a.end === b.end) return 'same';
  if (b.start <= a.start && a.end <= b.end) return 'inside';
  if (a.start <= b.start && b.end <= a.end) return 'holds';
  return 'crosses';
}
