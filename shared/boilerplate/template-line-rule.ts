// "Remove everywhere" in the corpus cleanup view: a site's template line becomes a workspace
// rule (tahrir.json `boilerplateRules`). The line is matched as a literal, as a whole line, with
// its digits and dashes masked as the template counts mask them ("Updated 20:26" also matches
// "Updated 9:05"), and spaces as any run of spaces.
import { inEnglish } from '../i18n/message';
import type { WorkspaceBoilerplateRule } from '../model';
import { hashKey, lineKey } from './template-keys';
import { escapeRegExp } from './line-shape';

/** Digit runs, dash runs (with tatweel), runs of spaces: what may vary between two copies of the line. */
const VARYING = /(\p{N}+)|([-‐‑‒–—―−ـ]+)|([^\S\n]+)/gu;

/** The pattern of a whole line reading as `line` does (digits, dashes and spaces masked). */
export function templateLinePattern(line: string): string {
  const body = line.trim().replace(/\r$/, '');
  let out = '';
  let last = 0;
  VARYING.lastIndex = 0;
  for (let m = VARYING.exec(body); m; m = VARYING.exec(body)) {
    out += escapeRegExp(body.slice(last, m.index));
    out += m[1] ? '\\p{N}+' : m[2] ? '[-‐‑‒–—―−ـ]+' : '[^\\S\\n]+';
    last = m.index + m[0].length;
  }
  out += escapeRegExp(body.slice(last));
  // Spaces (and a CR) around the line are part of it; the line break is taken along by the rule.
  return `^[^\\S\\n]*${out}[^\\S\\n]*$`;
}

/** The workspace rule removing `line` from every document (its id from the line's template key). */
export function templateLineRule(line: string, site: string): WorkspaceBoilerplateRule {
  const shown = Array.from(line.trim());
  return {
    id: `remove-everywhere-${hashKey(lineKey(line))}`,
    pattern: templateLinePattern(line),
    flags: 'm',
    kind: 'boilerplate',
    // Written in English into tahrir.json (the file's words); the editor shows it in its own language (workspace-rule.ts).
    description: inEnglish({
      key: 'rule.removed-everywhere',
      values: { site, line: shown.length > 60 ? `${shown.slice(0, 60).join('')}…` : shown.join('') },
    }),
  };
}

/** Whether one of the workspace's rules already removes `line` as a whole (shown as removed everywhere). */
export function removedEverywhere(line: string, rules: readonly WorkspaceBoilerplateRule[] | undefined): boolean {
  const body = line.replace(/\r?\n$/, '');
  for (const rule of rules ?? []) {
    if (rule.kind !== undefined && rule.kind !== 'boilerplate') continue;
    try {
      const flags = [...new Set([...(rule.flags ?? ''), 'u'])].filter((f) => 'imsu'.includes(f)).join('');
      const m = new RegExp(rule.pattern, flags).exec(body);
      if (m && m[0].trim() === body.trim()) return true;
    } catch {
      // a rule that does not compile removes nothing (tahrir.json's problem says so)
    }
  }
  return false;
}
