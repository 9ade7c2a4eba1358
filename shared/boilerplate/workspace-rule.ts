// A workspace's own rule from `tahrir.json` ("boilerplateRules"): a regular expression and
// the kind of edit each match becomes, e.g.
// {"id": "site-footer", "pattern": "^شارك عبر.*$", "flags": "m", "kind": "boilerplate"}.

import { TahrirError } from '../errors';
import type { EditKind, WorkspaceBoilerplateRule } from '../model';
import { defineRule, type BoilerplateRule } from './rule';
import { CONFIG_FILE } from '../workspace-layout';

export type WorkspaceRuleConfig = WorkspaceBoilerplateRule;

const KINDS: readonly EditKind[] = ['boilerplate', 'join', 'split', 'normalize', 'typo'];

/**
 * Compiles a workspace rule. tahrir.json is read loosely, so the shape is checked here: a rule
 * without an id or pattern, an unknown kind or a pattern that does not compile is an
 * `invalid-argument` error naming the file and the rule.
 */
export function workspaceRule(config: WorkspaceRuleConfig, index = 0, file = CONFIG_FILE): BoilerplateRule {
  const where = `boilerplateRules[${index}]`;
  const bad = (message: string) => new TahrirError('invalid-argument', `${where}: ${message}`, file);
  if (typeof config !== 'object' || config === null) throw bad('must be an object with an id and a pattern');
  if (typeof config.id !== 'string' || config.id.length === 0) throw bad('needs an "id" (a non-empty string)');
  if (typeof config.pattern !== 'string' || config.pattern.length === 0)
    throw bad(`rule "${config.id}" needs a "pattern" (a regular expression as a string)`);
  if (config.kind !== undefined && !KINDS.includes(config.kind))
    throw bad(`rule "${config.id}": kind must be one of ${KINDS.join(', ')}`);
  if (config.replacement !== undefined && typeof config.replacement !== 'string')
    throw bad(`rule "${config.id}": replacement must be a string`);
  let re: RegExp;
  try {
    const flags = new Set([...(typeof config.flags === 'string' ? config.flags : ''), 'g', 'u']);
    re = new RegExp(config.pattern, [...flags].filter((f) => 'gimsuy'.includes(f)).join(''));
  } catch (e) {
    throw bad(`rule "${config.id}": the pattern is not a valid regular expression (${(e as Error).message})`);
  }
  const kind = config.kind ?? 'boilerplate';
  return defineRule({
    id: config.id,
    description: typeof config.description === 'string' ? config.description : `Workspace rule /${config.pattern}/`,
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
        if (kind === 'boilerplate' && atLineStart && (text[end] === '\n' || text[end] === '\r'))
          end += text.startsWith('\r\n', end) ? 2 : 1;
        out.push(ctx.suggest(m.index, end, kind, config.id, config.replacement ?? ''));
      }
      return out;
    },
  });
}
