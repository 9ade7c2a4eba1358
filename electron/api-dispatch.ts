// One TahrirApi call from a host (IPC or HTTP) to the back end: the arguments are checked
// against their shapes, then the call goes to the host's own handler for that operation
// (dialogs, recent folders, links) or, by the same name, to the workspace's Backend.
import type { ApiMethod, TahrirApi, TahrirEvent } from '../shared/api';
import { isApiMethod, parseApiArguments } from '../shared/api-arguments';
import { TahrirError } from '../shared/errors';

type Operation = (...args: never[]) => Promise<unknown>;

/** Operations a host answers itself instead of the workspace's Backend. */
export type HostOperations = Partial<Pick<TahrirApi, ApiMethod>>;

/** What a host needs of Backend: the TahrirApi operations by name, events, and closing. */
export interface HostedBackend {
  onEvent?(listener: (event: TahrirEvent) => void): () => void;
  close?(): Promise<void> | void;
}

export async function dispatchApiCall(
  backend: HostedBackend,
  host: HostOperations,
  method: string,
  rawArgs: unknown,
): Promise<unknown> {
  if (!isApiMethod(method)) throw new TahrirError('invalid-argument', `There is no operation named "${method.slice(0, 80)}"`);
  const args = parseApiArguments(method, rawArgs);
  const own = host[method] as Operation | undefined;
  if (own) return own(...(args as never[]));
  const forwarded = (backend as Record<string, unknown>)[method];
  if (typeof forwarded !== 'function') {
    throw new TahrirError('invalid-argument', `${method} is not available in this version of Tahrir`);
  }
  return (forwarded as Operation).apply(backend, args as never[]);
}
