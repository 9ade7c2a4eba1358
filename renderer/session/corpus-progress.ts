// The progress view's numbers: the open document saved first, so its status counts as it is now.
import type { CorpusProgress } from '../../shared/corpus-progress';
import { getApi } from './api-connection';
import { session } from './session';

export async function loadCorpusProgress(): Promise<CorpusProgress> {
  await session().autosave.saveNow();
  return getApi().corpusProgress();
}
