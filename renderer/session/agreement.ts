// The agreement view (Teams): agreement between annotators' versions of the workspace, measured by
// the back end as `tahrir agree` measures it; its versions and last report stay in the store while
// the workspace is open, so coming back from curating a document shows them again at once.
import type { AgreementRun } from '../../shared/api';
import { getApi } from './api-connection';
import { store } from './store';

export const AGREEMENT_DIALOG = 'agreement';

/** The versions to offer: the repository's branches, `annotators/…` first. */
export async function agreementBranches(): Promise<string[]> {
  const branches = await getApi().agreementVersions();
  const annotators = branches.filter((b) => /(^|\/)annotators\//.test(b));
  return [...annotators, ...branches.filter((b) => !annotators.includes(b))];
}

export function setAgreementVersions(versions: string[]): void {
  const { agreement } = store().getState();
  store().setState({ agreement: { ...agreement, versions } });
}

/**
 * Measures agreement between the chosen versions; `onProgress` follows the back end's
 * agreement-progress events until the answer comes.
 */
export async function measureAgreement(onProgress: (done: number, total: number) => void): Promise<AgreementRun> {
  const api = getApi();
  const off = api.onEvent((e) => {
    if (e.type === 'agreement-progress') onProgress(e.done, e.total);
  });
  try {
    const report = await api.measureAgreement(store().getState().agreement.versions);
    store().setState({ agreement: { ...store().getState().agreement, report } });
    return report;
  } finally {
    off();
  }
}
