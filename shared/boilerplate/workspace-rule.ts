// A workspace's own rule from `tahrir.json` ("boilerplateRules"): a regular expression and
// the kind of edit each match becomes, e.g.
// {"id": "site-footer", "pattern": "^شارك عبر.*$", "flags": "m", "kind": "boilerplate"}.

import { TahrirError } from '../errors';
import type { Message } from '../i18n/message';
import type { EditKind, WorkspaceBoilerplateRule } from '../model';
import { defineRule, type BoilerplateRule } from './rule';
import { CONFIG_FILE } from '../workspace-layout';

export type WorkspaceRuleConfig = WorkspaceBoilerplateRule;

const KINDS: readonly EditKind[] = ['boilerplate', 'join', 'split', 'normalize', 'typo'];

/** A "Remove everywhere" rule's description as templateLineRule writes it into tahrir.json. */
const REMOVED_EVERYWHERE = /^Removed everywhere: a template line of (.+?) \("(.*)"\)$/su;

/**
 * The rule's own words, shown as written; the app's own words (no description: the pattern; the
 * description "Remove everywhere" wrote) as a catalog message, shown in the editor's language.
 */
function describedBy(config: WorkspaceRuleConfig): Message | string {
  if (typeof config.description !== 'string') return { key: 'rule.workspace', values: { pattern: config.pattern } };
  const generated = config.id.startsWith('remove-everywhere-') && REMOVED_EVERYWHERE.exec(config.description);
  return generated
    ? { key: 'rule.removed-everywhere', values: { site: generated[1], line: generated[2] } }
    : config.description;
}

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
    description: describedBy(config),
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
