import { describe, expect, it, vi } from 'vitest';
import { TahrirError, isTahrirError } from '../../shared/errors';

describe('isTahrirError', () => {
  it('knows an error made by another copy of the module (each tahrir command is a bundle of its own)', async () => {
    vi.resetModules();
    const other = await import('../../shared/errors');
    expect(other.TahrirError).not.toBe(TahrirError);
    const e = new other.TahrirError('invalid-argument', 'the folder nope does not exist');
    expect(e instanceof TahrirError).toBe(false);
    expect(isTahrirError(e)).toBe(true);
    expect(isTahrirError(new TahrirError('io', 'x'))).toBe(true);
  });

  it('is false for other errors and for anything else', () => {
    expect(isTahrirError(new Error('x'))).toBe(false);
    expect(isTahrirError(Object.assign(new Error('x'), { name: 'TahrirError', code: 'io' }))).toBe(false);
    expect(isTahrirError({ code: 'io', message: 'x' })).toBe(false);
    expect(isTahrirError(undefined)).toBe(false);
  });

  it('is not in the data an error sends (the mark is on the class, not enumerable)', () => {
    const e = new TahrirError('not-found', 'no such folder', 'a.txt');
    expect(Object.keys(e)).not.toContain('tahrir.error');
    expect(JSON.stringify(e.toData())).toBe(
      JSON.stringify({ code: 'not-found', message: 'a.txt: no such folder', file: 'a.txt' }),
    );
  });
});
