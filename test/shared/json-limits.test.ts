// The checks every value taken in passes before code that recurses sees it.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { MAX_NESTING, jsonValueProblem } from '../../shared/json-limits';

/** `levels` containers one inside the other, made as text (JSON.stringify itself recurses). */
function nested(levels: number, open = '{"deeper":', close = '}'): unknown {
  return JSON.parse(`${open.repeat(levels)}"bottom"${close.repeat(levels)}`);
}

describe('jsonValueProblem', () => {
  it('takes what a sidecar holds: nesting up to the limit, Arabic, emoji (surrogate pairs)', () => {
    expect(jsonValueProblem({ entities: [{ text: 'عمّان 🇯🇴', attrs: { 'مفتاح': '👋' } }] })).toBeNull();
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
    expect(jsonValueProblem({ a: ['ok', 'Zo\ud800'] })).toEqual({ path: 'a.1', message: 'holds a lone UTF-16 surrogate (U+D800), which is no character' });
    expect(jsonValueProblem({ a: '\udc00 at the start' })?.message).toMatch(/U\+DC00/);
    expect(jsonValueProblem({ 'bad\udfff': 1 })?.message).toMatch(/a name holding a lone UTF-16 surrogate \(U\+DFFF\)/);
    expect(jsonValueProblem('🇯🇴'.slice(0, 3))?.message).toMatch(/U\+D83C/); // a flag cut in half
    expect(jsonValueProblem({ a: 'Zo\ud800' }, { strings: false })).toBeNull();
  });
});
