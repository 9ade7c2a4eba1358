// The store's one way to the disk: the current session's TahrirApi (the bridge in the app, the
// real back end in tests). Kept out of the store itself so it stays plain data.
import type { TahrirApi } from '../../shared/api';
import { session } from './session';

/** Points the current session at another API (tests: a back end whose saves fail). */
export function connectApi(api: TahrirApi): void {
  session().api = api;
}

export function getApi(): TahrirApi {
  return session().api;
}
