// The store's one way to the disk: the TahrirApi given at start-up (the bridge in the
// app, the real back end in tests). Kept out of the store itself so it stays plain data.
import type { TahrirApi } from '../../shared/api';

let current: TahrirApi | null = null;

export function connectApi(api: TahrirApi): void {
  current = api;
}

export function getApi(): TahrirApi {
  if (!current) throw new Error('Tahrir: no API connected (call connectApi first)');
  return current;
}
