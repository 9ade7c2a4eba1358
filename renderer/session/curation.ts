// Curation (Teams): a document opened against two or more annotators' versions (git branches or
// folders). The main copy becomes what every version agrees on (one undo step, unless it is
// already being curated from those versions: then it goes on where it stopped), and each
// difference is settled in text order by taking one version's side, both or neither
// (shared/curation.ts). Each take is one undo step, saved by autosave like any edit.
import type { CurationOpened } from '../../shared/api';
import {
  curatingFrom,
  curationDiff,
  openDifferences,
  startCuration,
  takeDifference,
  type Choice,
  type Difference,
} from '../../shared/curation';
import { sidecarFromData } from '../../shared/document-data';
import { getApi } from './api-connection';
import { openDocument } from './document-actions';
import { changeDocument } from './history';
import { t } from './locale';
import type { TahrirState } from './state';
import { store } from './store';
import { showNotice } from './ui-actions';

/**
 * The differences of the curation under way not settled yet, in text order (none when not curating). A new list
 * each call: components select `curation` and `data` and keep it with useMemo.
 */
export function curationLeft(s: Pick<TahrirState, 'curation' | 'data'>): Difference[] {
  return s.curation && s.data ? openDifferences(s.data, s.curation.differences) : [];
}

/** Is a curation under way with differences to settle (M/T/B/N and the digits take sides then)? */
export function curating(s: TahrirState): boolean {
  return curationLeft(s).length > 0 && !s.doc?.readOnly;
}

/** Opens `id` in curation mode against `versions` (two or more git revisions or folders). */
export async function openCuration(id: string, versions: string[]): Promise<void> {
  const asked = getApi().openCuration(id, versions);
  asked.catch(() => undefined); // openDocument shows the error
  await openDocument(id, asked);
  let opened: CurationOpened;
  try {
    opened = await asked;
  } catch {
    return;
  }
  const s = store().getState();
  if (s.doc?.id !== id || !s.data) return;
  if (s.doc.readOnly) {
    showNotice(t('curation.read-only'), 'error');
    return;
  }
  const present = opened.versions.filter((v) => v.sidecar);
  const missing = opened.versions.filter((v) => !v.sidecar).map((v) => ({ name: v.name, problem: v.problem }));
  if (present.length < 2) {
    showNotice(t('curation.too-few', { id, versions: missing.map((m) => m.name).join(', ') }), 'error');
    return;
  }
  const names = present.map((v) => v.name);
  const sidecars = present.map((v) => v.sidecar!);
  const diff = curationDiff(sidecars);
  const { differences } = diff;
  store().setState({ curation: { versions: names, sidecars, differences, missing } });
  if (!curatingFrom(s.data, names)) {
    const main = sidecarFromData(s.doc.base, s.data);
    changeDocument(() => startCuration(main, sidecars, names, diff));
  }
  const left = curationLeft(store().getState()).length;
  showNotice(left ? t('curation.started', { n: left }) : t('curation.nothing-differs'));
}

/** Settles the first open difference by `choice` (one undo step); says why when it cannot. */
export function takeCurrent(choice: Choice): void {
  const s = store().getState();
  const c = s.curation;
  const d = curationLeft(s)[0];
  if (!c || !d || !s.data) return;
  let refused: string | null = null;
  changeDocument((data) => {
    const next = takeDifference(data, c.sidecars, d, choice);
    if ('refused' in next) {
      refused = next.refused;
      return data;
    }
    return next;
  });
  if (refused) {
    showNotice(t(`curation.refused-${refused as 'one-speaker' | 'overlapping-edits' | 'overlap'}`), 'error');
    return;
  }
  const left = curationLeft(store().getState()).length;
  showNotice(left ? t('curation.left', { n: left }) : t('curation.finished'));
}

/** Takes the side of the version with this index (M: the first, T: the second, digits 1–9). */
export function takeVersion(index: number): void {
  const c = store().getState().curation;
  if (c && index < c.versions.length) takeCurrent({ version: index });
}
