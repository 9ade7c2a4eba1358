// The workspace's progress (shared/corpus-progress.ts) over its sidecars on disk, for the
// editor's progress view and `tahrir stats --html`. Each sidecar is read (blocking, as stats and
// validate read) and folded in at once, a slice at a time between turns of the event loop; one
// that cannot be read counts as to do.
import { join } from 'node:path';
import { ProgressCount, type CorpusProgress } from '../shared/corpus-progress';
import type { Sidecar } from '../shared/model';
import { documentIdOf, documentIdOfSidecar, sidecarFileOf } from '../shared/workspace-layout';
import { readSidecarSync } from './sidecar-store';
import { findFiles } from './workspace';

const SLICE = 64;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function workspaceProgress(root: string, labels: readonly string[]): Promise<CorpusProgress> {
  const { texts, sidecars, realRoot } = await findFiles(root);
  const ids = new Set(texts.map(documentIdOf));
  for (const s of sidecars) ids.add(documentIdOfSidecar(s));
  const count = new ProgressCount();
  let n = 0;
  for (const id of ids) {
    if (++n % SLICE === 0) await nextTurn();
    const file = sidecarFileOf(id);
    let sidecar: Sidecar | null = null;
    try {
      sidecar = readSidecarSync(join(realRoot, file), file)?.sidecar ?? null;
    } catch {
      sidecar = null; // validate and the list name it; here it is a document still to do
    }
    count.add(sidecar);
  }
  return count.result(labels);
}
