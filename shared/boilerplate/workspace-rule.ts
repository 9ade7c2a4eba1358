// A workspace's own rule from `tahrir.json`: a regular expression and the kind of edit
// each match becomes ({"id": "site-footer", "pattern": "^شارك عبر.*$", "flags": "m", "kind": "boilerplate"}).

import type { EditKind } from '../model';
import { TahrirError } from '../errors';
import { defineRule, type BoilerplateRule } from './rule';

export interface WorkspaceRuleConfig {
  id: string;
  pattern: string;
  /** RegExp flags; "g" and "u" are always added. */
  flags?: string;
  kind?: EditKind;
  /** Replacement for each match; '' (removal) by default. */
  replacement?: string;
  description?: string;
}

/** Compiles a workspace rule; a pattern that does not compile is an `invalid-argument` error naming the rule. */
export function workspaceRule(config: WorkspaceRuleConfig, file = 'tahrir.json'): BoilerplateRule {
  let re: RegExp;
  try {
    const flags = new Set([...(config.flags ?? ''), 'g', 'u']);
    re = new RegExp(config.pattern, [...flags].filter((f) => 'dgimsuy'.includes(f)).join(''));
  } catch (e) {
    throw new TahrirError('invalid-argument', `rule "${config.id}": the pattern is not a valid regular expression (${(e as Error).message})`, file);
  }
  const kind = config.kind ?? 'boilerplate';
  return defineRule({
    id: config.id,
    description: config.description ?? `Workspace rule /${config.pattern}/`,
    language: 'any',
    detect(text, ctx) {
      const out = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        // A whole-line match takes its line break along, like the built-in line rules.
        let end = m.index + m[0].length;
        const atLineStart = m.index === 0 || text[m.index - 1] === '\n';
        if (kind === 'boilerplate' && atLineStart && (text[end] === '\n' || text[end] === '\r')) end += text.startsWith('\r\n', end) ? 2 : 1;
        out.push(ctx.suggest(m.index, end, kind, config.id, config.replacement ?? ''));
      }
      return out;
    },
  });
}
