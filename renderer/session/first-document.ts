// Which document the editor opens on start: the one last opened in this workspace, else the first.
import type { WorkspaceInfo } from '../../shared/api';

const LAST_DOCUMENT = 'tahrir.lastDocument';

function storageKey(root: string): string {
  return `${LAST_DOCUMENT}:${root}`;
}

export function firstDocumentId(workspace: WorkspaceInfo): string | null {
  if (workspace.documents.length === 0) return null;
  let last: string | null = null;
  try {
    last = localStorage.getItem(storageKey(workspace.root));
  } catch {
    last = null; // storage unavailable: only the convenience of reopening is lost
  }
  // None remembered (a first visit): no look through the list (100,000 rows, on the way to the first paint).
  if (last === null) return workspace.documents[0].id;
  return (workspace.documents.find((d) => d.id === last) ?? workspace.documents[0]).id;
}

export function rememberLastDocument(root: string, id: string): void {
  try {
    localStorage.setItem(storageKey(root), id);
  } catch {
    // storage unavailable: only the convenience of reopening is lost
  }
}
