// The desktop's system dialogs: folders to open, export destinations, import sources. Each
// answers null when cancelled or when there is no window to attach the dialog to.
import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { join, resolve } from 'node:path';
import type { ExportFormat, ImportFormat } from '../../shared/api';
import { defaultExportDestination, exportsToFolder } from '../../shared/export-destination';

export async function chooseFolder(
  window: BrowserWindow | null,
  title: string,
  defaultPath: string,
  create = false,
): Promise<string | null> {
  if (!window) return null;
  const answer = await dialog.showOpenDialog(window, {
    title,
    defaultPath: defaultPath || undefined,
    properties: create ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
  });
  return answer.canceled || answer.filePaths.length === 0 ? null : resolve(answer.filePaths[0]);
}

/** A folder (brat, hf, …) or a file to export into, suggested inside the workspace. */
export async function chooseExportDestination(
  window: BrowserWindow | null,
  workspaceRoot: string,
  format: ExportFormat,
): Promise<string | null> {
  if (exportsToFolder(format)) return chooseFolder(window, `Export (${format}) into a folder`, workspaceRoot, true);
  if (!window) return null;
  const answer = await dialog.showSaveDialog(window, {
    title: `Export (${format})`,
    defaultPath: join(workspaceRoot, defaultExportDestination(format)),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return answer.canceled || !answer.filePath ? null : answer.filePath;
}

const IMPORT_EXTENSIONS: Record<Exclude<ImportFormat, 'brat'>, string[]> = {
  jsonl: ['jsonl', 'json'],
  conll: ['conll', 'txt', 'tsv'],
  labelstudio: ['json'],
};

/** A brat folder, or a file of the other formats. */
export async function chooseImportSource(
  window: BrowserWindow | null,
  workspaceRoot: string,
  format: ImportFormat,
): Promise<string | null> {
  if (format === 'brat') return chooseFolder(window, 'Import brat annotations from a folder', workspaceRoot);
  if (!window) return null;
  const options: OpenDialogOptions = {
    title: `Import (${format})`,
    defaultPath: workspaceRoot,
    properties: ['openFile'],
    filters: [
      { name: format, extensions: IMPORT_EXTENSIONS[format] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const answer = await dialog.showOpenDialog(window, options);
  return answer.canceled || answer.filePaths.length === 0 ? null : answer.filePaths[0];
}
