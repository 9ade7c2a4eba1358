// Who annotates on this machine (Teams): the name the editor writes as the sidecar's `annotator`
// on each save, which the back end stamps as createdBy/changedBy. Remembered per machine (it is
// a person, not a workspace); until one is chosen it is git's user.name for the workspace.
import type { WorkspaceInfo } from '../../shared/api';
import { store } from './store';

const ANNOTATOR_KEY = 'tahrir.annotator';

/** The name chosen earlier on this machine; null when none was (the default applies). */
export function rememberedAnnotator(): string | null {
  try {
    return localStorage.getItem(ANNOTATOR_KEY);
  } catch {
    return null; // storage unavailable: the default name applies
  }
}

/** Names are one line of text, trimmed (as the back end's cleanAnnotatorName). */
export function cleanName(name: string): string {
  return name.split(/\r?\n/)[0].trim();
}

/** The chosen name, else git's user.name, else tahrir.json's annotator; '' when there is none. */
export function annotatorOf(
  chosen: string | null,
  workspace: Pick<WorkspaceInfo, 'gitUserName' | 'config'> | null,
): string {
  if (chosen !== null) return chosen;
  return workspace?.gitUserName ?? workspace?.config.annotator ?? '';
}

/** The name saves are made under now ('' for none: the base's writer is then not claimed). */
export function currentAnnotator(): string {
  const s = store().getState();
  return annotatorOf(s.annotator, s.workspace);
}

/** Sets (and remembers) the name; an empty one goes back to the default. */
export function setAnnotator(name: string): void {
  const clean = cleanName(name);
  const chosen = clean === '' ? null : clean;
  try {
    if (chosen === null) localStorage.removeItem(ANNOTATOR_KEY);
    else localStorage.setItem(ANNOTATOR_KEY, chosen);
  } catch {
    // storage unavailable: the name holds for this session only
  }
  store().setState({ annotator: chosen });
}
