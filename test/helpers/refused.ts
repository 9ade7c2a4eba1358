// The error a refused operation throws, for tests that look at its code, message and file.
import { expect } from 'vitest';
import { TahrirError } from '../../shared/errors';

/** Awaits `p`, which must be refused with a TahrirError; returns that error. */
export async function refused(p: Promise<unknown>): Promise<TahrirError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TahrirError);
    return e as TahrirError;
  }
  throw new Error('expected a refusal');
}
