// Where an export goes when nobody picked a place (serve has no save dialog; the desktop
// dialog starts there): a dated name under exports/ in the workspace.
import type { ExportFormat } from './api';
import { EXPORTS_FOLDER } from './workspace-layout';

const EXTENSION: Record<ExportFormat, string> = {
  jsonl: '.jsonl',
  conll: '.conll',
  hf: '.jsonl',
  brat: '', // a folder of .txt/.ann pairs
  w3c: '.jsonld',
  labelstudio: '.json',
};

/** e.g. "exports/conll-20260128-093015.conll" (relative to the workspace, `/` separators). */
export function defaultExportDestination(format: ExportFormat, now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${EXPORTS_FOLDER}/${format}-${stamp}${EXTENSION[format]}`;
}

/** Whether the format writes a folder (brat) rather than one file. */
export function exportsToFolder(format: ExportFormat): boolean {
  return EXTENSION[format] === '';
}
