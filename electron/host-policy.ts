// What the desktop app (main.ts, ipc.ts) and `tahrir serve` (serve.ts) share of answering
// TahrirApi: which operations a host answers itself (dialogs, recent folders, links) and which
// go to the open workspace's Backend, and which paths the page may name for an export or an
// import: one inside the workspace, or one the user picked in the host's own dialog. Each host
// gives only what differs, its HostOperations and the paths its dialogs granted.
import { isAbsolute, resolve } from 'node:path';
import type { ApiHandlers, ApiMethod } from '../shared/api';
import { resolveInside } from './confine';

/** The operations a host answers itself: a workspace has no dialog, recent list or browser. */
export type HostMethod =
  | 'openWorkspace'
  | 'chooseWorkspace'
  | 'recentWorkspaces'
  | 'chooseExportDestination'
  | 'chooseImportSource'
  | 'openExternal';
export type HostOperations = Pick<ApiHandlers, HostMethod>;

/** The operations the workspace's Backend answers (all the others). */
export type BackendMethod = Exclude<ApiMethod, HostMethod>;
export type BackendOperations = Pick<ApiHandlers, BackendMethod>;

/** What the handlers need of the open workspace: its operations and its folder. */
export interface HostedBackend extends BackendOperations {
  /** Absolute path of the workspace folder. */
  readonly root: string;
}

export interface Host {
  operations: HostOperations;
  /** The open workspace's Backend (the desktop app switches workspaces; serve has one). */
  backend(): HostedBackend;
  /** Is this absolute path one the user picked in a dialog (export destination, import source)? None under serve. */
  isGrantedPath?(absolutePath: string): boolean;
}

/** The handler table of a host: its own operations, the rest forwarded to the Backend with the paths confined. */
export function apiHandlers(host: Host): ApiHandlers {
  const backend = () => host.backend();
  const allowed = (path: string) => pathThePageMayName(backend().root, path, host.isGrantedPath);
  return {
    ...host.operations,
    getWorkspace: () => backend().getWorkspace(),
    startEditor: (lastDocuments) => backend().startEditor(lastDocuments),
    listDocuments: () => backend().listDocuments(),
    listedDocuments: () => backend().listedDocuments(),
    searchDocuments: (words, searcher) => backend().searchDocuments(words, searcher),
    corpusProgress: () => backend().corpusProgress(),
    openDocument: (id) => backend().openDocument(id),
    saveSidecar: (id, sidecar, baseRevision) => backend().saveSidecar(id, sidecar, baseRevision),
    writeRecovery: (id, sidecar) => backend().writeRecovery(id, sidecar),
    discardRecovery: (id) => backend().discardRecovery(id),
    suggest: (id, decisions) => backend().suggest(id, decisions),
    suggestAnnotations: (id) => backend().suggestAnnotations(id),
    annotationSuggestionChanges: (id, since) => backend().annotationSuggestionChanges(id, since),
    siteTemplateLines: () => backend().siteTemplateLines(),
    addBoilerplateRule: (rule) => backend().addBoilerplateRule(rule),
    agreementVersions: () => backend().agreementVersions(),
    measureAgreement: (versions) => backend().measureAgreement(versions),
    openCuration: (id, versions) => backend().openCuration(id, versions),
    startExport: async (request) => backend().startExport({ ...request, out: await allowed(request.out) }),
    cancelExport: (jobId) => backend().cancelExport(jobId),
    importAnnotations: async (request) =>
      backend().importAnnotations({ ...request, from: await allowed(request.from) }),
    cancelImport: () => backend().cancelImport(),
    sync: (request) => backend().sync(request),
    syncStatus: (annotator) => backend().syncStatus(annotator),
  } satisfies ApiHandlers;
}

/**
 * The absolute path of a path the page names: one the user picked in a dialog as it is, else a
 * path inside the workspace (refused with 'outside-workspace' when it leads out of it).
 */
export async function pathThePageMayName(
  root: string,
  path: string,
  isGranted?: (absolutePath: string) => boolean,
): Promise<string> {
  if (isAbsolute(path) && isGranted?.(resolve(path))) return resolve(path);
  return resolveInside(root, path);
}
