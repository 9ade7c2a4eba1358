// The checks every value taken in passes before code that recurses sees it.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import fc from 'fast-check';
import { MAX_NESTING, jsonValueProblem } from '../../shared/json-limits';

/** `levels` containers one inside the other, made as text (JSON.stringify itself recurses). */
function nested(levels: number, open = '{"deeper":', close = '}'): unknown {
  return JSON.parse(`${open.repeat(levels)}"bottom"${close.repeat(levels)}`);
}

describe('jsonValueProblem', () => {
  it('takes what a sidecar holds: nesting up to the limit, Arabic, emoji (surrogate pairs)', () => {
    expect(jsonValueProblem({ entities: [{ text: 'عمّان 🇯🇴', attrs: { مفتاح: '👋' } }] })).toBeNull();
    expect(jsonValueProblem(nested(MAX_NESTING))).toBeNull();
    expect(jsonValueProblem(nested(MAX_NESTING, '[', ']'))).toBeNull();
    expect(jsonValueProblem(['', 0, null, true, {}])).toBeNull();
  });

  it('finds a value nested 5,000 deep, naming where, without overflowing the stack', () => {
    const deep = { sidecar: nested(5000) };
    // What it guards against: the recursive code after it.
    expect(() => JSON.stringify(deep)).toThrow(/call stack/);
    expect(() => v.parse(v.looseObject({}), deep) && JSON.stringify(deep)).toThrow(/call stack/);
    const problem = jsonValueProblem(deep);
    expect(problem?.message).toBe(`is nested more than ${MAX_NESTING} levels deep`);
    expect(problem?.path).toMatch(/^sidecar\.deeper\.deeper\..*…/);
    expect(jsonValueProblem(nested(MAX_NESTING + 1))?.message).toMatch(/nested/);
    expect(jsonValueProblem(nested(5000, '[', ']'))?.path).toMatch(/^0\.0\.0/);
    expect(jsonValueProblem(nested(10), { maxNesting: 5 })?.message).toMatch(/more than 5 levels/);
  });

  it('finds a lone surrogate in a string or a name, unless asked about nesting only', () => {
    expect(jsonValueProblem({ a: ['ok', 'Zo\ud800'] })).toEqual({
      path: 'a.1',
      message: 'holds a lone UTF-16 surrogate (U+D800), which is no character',
    });
    expect(jsonValueProblem({ a: '\udc00 at the start' })?.message).toMatch(/U\+DC00/);
    expect(jsonValueProblem({ 'bad\udfff': 1 })?.message).toMatch(/a name holding a lone UTF-16 surrogate \(U\+DFFF\)/);
    expect(jsonValueProblem('🇯🇴'.slice(0, 3))?.message).toMatch(/U\+D83C/); // a flag cut in half
    expect(jsonValueProblem({ a: 'Zo\ud800' }, { strings: false })).toBeNull();
  });

  it('finds a problem exactly when a plain recursive reading does (property)', () => {
    const deepest = (x: unknown): number =>
      typeof x === 'object' && x !== null ? 1 + Math.max(0, ...Object.values(x).map(deepest)) : 0;
    const lone = (x: unknown): boolean =>
      typeof x === 'string'
        ? /\p{Surrogate}/u.test(x)
        : typeof x === 'object' && x !== null
          ? Object.entries(x).some(([k, y]) => lone(k) || lone(y))
          : false;
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\ud800', 'a\udc00b', '🇯🇴'),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(text, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 6 }), (x, maxNesting) => {
        const problem = jsonValueProblem(x, { maxNesting });
        expect(problem !== null).toBe(deepest(x) > maxNesting || lone(x));
        expect(jsonValueProblem(x, { maxNesting, strings: false }) !== null).toBe(deepest(x) > maxNesting);
      }),
      { numRuns: 2000 },
    );
  });
});
