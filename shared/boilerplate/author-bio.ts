// How to reach or follow the author, at the end of a story: "Jane Doe is a health reporter for
// … She can be reached at jdoe@example.com", "Reach Jane at …", "Follow Jane Doe on Twitter:
// @jdoe", "– Jane Doe, editor of …, jdoe@example.com.", "للتواصل مع الكاتب: …".
// An e-mail address inside a sentence of the story needs one of these cues to go.

import { wordCount } from './line-shape';
import { lineRule } from './rule';

const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const reachCue = new RegExp(
  [
    String.raw`\b(?:can be reached|may be reached|reach (?:him|her|them|me|us|the (?:author|writer|reporter))|reach [A-Z][\p{L}'’-]+ at|contact (?:him|her|them|the (?:author|writer|reporter))|email (?:him|her|them|me)|e-mail (?:him|her|them|me)|send (?:tips|story ideas|feedback) to|is (?:a|an|the) [\p{L} -]{0,50}(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|producer) (?:for|at|with|covering)\b)`,
    String.raw`للتواصل مع (?:الكاتب|الكاتبة|المحرر|المراسل)`,
    String.raw`البريد الإلكتروني للكاتب`,
  ].join('|'),
  'iu',
);
const follow =
  /^[\s\u00A0]*[Ff]ollow\s+(?:[A-Z][\p{L}.'’-]*\s+){1,4}on\s+(?:[Tt]wi{1,2}tter|[Xx]|[Ii]nstagram|[Ff]acebook|[Tt]hreads|[Bb]luesky|[Ll]inked[Ii]n|[Tt]ik[Tt]ok)\b.{0,40}(?:@\w{1,30})?\.?[\s\u00A0]*$/u;
const dashSignOff = /^[\s\u00A0]*[–—-]\s*[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3},/u;

export function isAuthorBioLine(line: string): boolean {
  const n = wordCount(line);
  if (n === 0 || n > 70) return false;
  if (follow.test(line)) return n <= 20;
  if (!line.includes('@') && !line.includes('للتواصل') && !line.includes('البريد')) return false;
  if (!email.test(line) && !/@\w{2,}/u.test(line)) return false;
  return reachCue.test(line) || (dashSignOff.test(line) && email.test(line) && n <= 30);
}

export const authorBio = lineRule('author-bio', { key: 'rule.author-bio' }, isAuthorBioLine);
