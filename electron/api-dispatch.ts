// One TahrirApi call from a host (IPC or HTTP): the method is one of TahrirApi's, its arguments
// are checked against their shapes, and the call goes to the host's handler table
// (electron/host-policy.ts), where every operation has its TahrirApi signature.
import type { ApiHandlers, ApiMethod, TahrirApi } from '../shared/api';
import { isApiMethod, parseApiArguments } from '../shared/api-arguments';
import { TahrirError } from '../shared/errors';

export async function dispatchApiCall(handlers: ApiHandlers, method: string, rawArgs: unknown): Promise<unknown> {
  if (!isApiMethod(method))
    throw new TahrirError('invalid-argument', `There is no operation named "${method.slice(0, 80)}"`);
  return call(handlers, method, parseApiArguments(method, rawArgs));
}

function call<M extends ApiMethod>(
  handlers: ApiHandlers,
  method: M,
  args: Parameters<TahrirApi[M]>,
): ReturnType<TahrirApi[M]> {
  return handlers[method](...args);
}
