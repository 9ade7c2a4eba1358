// The corpus cleanup view's actions: the workspace's site templates, and "remove everywhere",
// which makes a template line a workspace rule (tahrir.json) and so a suggestion in every document.
import type { SiteTemplateLines } from '../../shared/api';
import { templateLineRule } from '../../shared/boilerplate/template-line-rule';
import { getApi } from './api-connection';
import { loadSuggestions } from './cleanup-suggestions';
import { store } from './store';
import { t } from './locale';
import { showNotice } from './ui-actions';

export function siteTemplateLines(): Promise<SiteTemplateLines[]> {
  return getApi().siteTemplateLines();
}

/** Adds the rule removing `line` everywhere; the open document's suggestions are asked again. */
export async function removeEverywhere(line: string, site: string): Promise<void> {
  const rule = templateLineRule(line, site);
  const workspace = await getApi().addBoilerplateRule(rule);
  store().setState({ workspace });
  showNotice(t('notice.removed-everywhere'));
  if (store().getState().doc) await loadSuggestions();
}
