// An export's output sent to a browser under `tahrir serve`, which cannot reach the server's disk:
// a file as it is, a folder (brat) as one tar archive. Only outputs an export of ours wrote (listed
// in the manifest beside them) inside the workspace, and only the files it listed.
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { TahrirError } from '../shared/errors';
import { tarArchive } from '../shared/tar-archive';
import { resolveInside, toWorkspacePath } from './confine';
import { recordedExport } from './export-manifest';

export interface Download {
  name: string;
  contentType: string;
  data: Uint8Array;
}

export async function exportDownload(root: string, path: string): Promise<Download> {
  const abs = await resolveInside(root, isAbsolute(path) ? toWorkspacePath(root, path) : path);
  const entry = await recordedExport(abs);
  if (!entry) throw new TahrirError('not-found', 'no export of ours is there', path);
  if ('sha256' in entry)
    return { name: basename(abs), contentType: 'application/octet-stream', data: await readFile(abs) };
  const folder = basename(abs);
  const files = [];
  for (const relative of Object.keys(entry.files).sort())
    files.push({ path: `${folder}/${relative}`, data: await readFile(join(abs, relative)) });
  return { name: `${folder}.tar`, contentType: 'application/x-tar', data: tarArchive(files) };
}
