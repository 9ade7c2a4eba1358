// The bridge between the sandboxed renderer and the main process: `window.tahrir`, one method
// per TahrirApi operation (never a generic `send(channel, ...)`). Bundled into one CommonJS
// file, as a sandboxed preload must be; it may import only `electron` and shared/ code.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiMethod, TahrirApi, TahrirEvent } from '../shared/api';
import { IPC_EVENT_CHANNEL, ipcChannel } from '../shared/ipc-protocol';
import type { IpcResult } from '../shared/ipc-protocol';

// The preload runs in the page's sandbox, where the page's navigator is; it is checked with
// electron/ (Node's types, no DOM), so this is the one part of the DOM it uses.
declare const navigator: { userActivation?: { isActive: boolean } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method below gives its own typed signature
async function call(method: ApiMethod, ...args: unknown[]): Promise<any> {
  const answer = (await ipcRenderer.invoke(ipcChannel(method), ...args)) as IpcResult;
  if (answer.ok) return answer.result;
  // Plain data, not an Error: the context bridge would keep only an Error's message.
  // renderer/bridge.ts turns it back into a TahrirError.
  throw answer.error;
}

const api = {
  getWorkspace: () => call('getWorkspace'),
  startEditor: (lastDocuments) => call('startEditor', lastDocuments),
  openWorkspace: (path) => call('openWorkspace', path),
  chooseWorkspace: () => call('chooseWorkspace'),
  recentWorkspaces: () => call('recentWorkspaces'),
  listDocuments: () => call('listDocuments'),
  listedDocuments: () => call('listedDocuments'),
  searchDocuments: (words, searcher) =>
    searcher === undefined ? call('searchDocuments', words) : call('searchDocuments', words, searcher),
  corpusProgress: () => call('corpusProgress'),
  openDocument: (id) => call('openDocument', id),
  saveSidecar: (id, sidecar, baseRevision) => call('saveSidecar', id, sidecar, baseRevision),
  writeRecovery: (id, sidecar) => call('writeRecovery', id, sidecar),
  discardRecovery: (id) => call('discardRecovery', id),
  suggest: (id, decisions) => (decisions === undefined ? call('suggest', id) : call('suggest', id, decisions)),
  suggestAnnotations: (id) => call('suggestAnnotations', id),
  annotationSuggestionChanges: (id, since) => call('annotationSuggestionChanges', id, since),
  siteTemplateLines: () => call('siteTemplateLines'),
  addBoilerplateRule: (rule) => call('addBoilerplateRule', rule),
  agreementVersions: () => call('agreementVersions'),
  measureAgreement: (versions) => call('measureAgreement', versions),
  openCuration: (id, versions) => call('openCuration', id, versions),
  chooseExportDestination: (format) => call('chooseExportDestination', format),
  startExport: (request) => call('startExport', request),
  cancelExport: (jobId) => call('cancelExport', jobId),
  chooseImportSource: (format) => call('chooseImportSource', format),
  importAnnotations: (request) => call('importAnnotations', request),
  cancelImport: () => call('cancelImport'),
  sync: (request) => call('sync', request),
  syncStatus: (annotator) => call('syncStatus', annotator),
  // Only right after a click or key press in the page (transient user activation): a script
  // running on its own cannot send the user to a web page.
  openExternal: (url) =>
    navigator.userActivation && !navigator.userActivation.isActive
      ? Promise.reject({ code: 'invalid-argument', message: 'openExternal: links open only when clicked' })
      : call('openExternal', url),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, event: TahrirEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
} satisfies TahrirApi;

contextBridge.exposeInMainWorld('tahrir', api);
