// Which document the editor opens on start: the one last opened in this workspace, else the first.
import type { WorkspaceInfo } from '../../shared/api';
import { firstDocumentOf } from '../../shared/first-document';

const LAST_DOCUMENT = 'tahrir.lastDocument';

function storageKey(root: string): string {
  return `${LAST_DOCUMENT}:${root}`;
}

export function firstDocumentId(workspace: WorkspaceInfo): string | null {
  let last: string | null = null;
  try {
    last = localStorage.getItem(storageKey(workspace.root));
  } catch {
    last = null; // storage unavailable: only the convenience of reopening is lost
  }
  return firstDocumentOf(workspace.documents, last);
}

/** The document last opened per workspace root, as this page remembers them: what startEditor chooses by. */
export function lastDocuments(): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const id = key?.startsWith(`${LAST_DOCUMENT}:`) ? localStorage.getItem(key) : null;
      if (key && id) out[key.slice(LAST_DOCUMENT.length + 1)] = id;
    }
  } catch {
    // storage unavailable: the workspace's first document is opened
  }
  return out;
}

export function rememberLastDocument(root: string, id: string): void {
  try {
    localStorage.setItem(storageKey(root), id);
  } catch {
    // storage unavailable: only the convenience of reopening is lost
  }
}
