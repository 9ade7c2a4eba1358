// What a JSON value taken in (API arguments, a sidecar) must not be, checked without recursion
// before any code that recurses sees it: JSON.stringify (every save, every answer) and valibot
// overflow their stack on a value nested a few thousand levels deep; and a lone UTF-16 surrogate
// is no character at all, written as U+FFFD into every UTF-8 file it reaches.

/** Far deeper than a sidecar's own 5 levels, far shallower than any stack. */
export const MAX_NESTING = 64;

export interface JsonValueProblem {
  /** Dot path of the value, e.g. "1.extra.deeper" (shortened when very long). */
  path: string;
  message: string;
}

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | null;
  key: string;
}

const LONE_SURROGATE = /\p{Surrogate}/u; // with the u flag, a well-formed pair is one code point and does not match

function loneSurrogate(text: string): string | null {
  const match = LONE_SURROGATE.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase()}` : null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(at.key);
  keys.reverse();
  const path = keys.join('.');
  return path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-40)}` : path;
}

/**
 * Is there anything to report? One pass that makes nothing per value (a save of 10,000 spans walks 100,000 of them).
 */
function hasProblem(value: unknown, maxNesting: number, strings: boolean): boolean {
  const bad = (x: unknown) => strings && typeof x === 'string' && LONE_SURROGATE.test(x);
  if (bad(value)) return true;
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop() as object;
    const depth = depths.pop() as number;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxNesting) return true;
    const items: unknown[] = Array.isArray(v) ? v : Object.values(v);
    if (strings && !Array.isArray(v) && Object.keys(v).some(bad)) return true;
    for (const item of items) {
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth + 1);
      } else if (bad(item)) return true;
    }
  }
  return false;
}

/**
 * The first value nested deeper than `maxNesting`, or string (or key) holding a lone surrogate; null when there is
 * none.
 */
export function jsonValueProblem(
  value: unknown,
  options: { maxNesting?: number; strings?: boolean } = {},
): JsonValueProblem | null {
  const maxNesting = options.maxNesting ?? MAX_NESTING;
  const strings = options.strings ?? true;
  if (!hasProblem(value, maxNesting, strings)) return null;
  // Found: walk again, keeping the way to each value, to say where.
  const pending: Visit[] = [{ value, depth: 0, parent: null, key: '' }];
  while (pending.length > 0) {
    const visit = pending.pop() as Visit;
    const v = visit.value;
    if (typeof v === 'string') {
      const lone = strings ? loneSurrogate(v) : null;
      if (lone)
        return { path: pathOf(visit), message: `holds a lone UTF-16 surrogate (${lone}), which is no character` };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (visit.depth >= maxNesting)
      return { path: pathOf(visit), message: `is nested more than ${maxNesting} levels deep` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        pending.push({ value: v[i], depth: visit.depth + 1, parent: visit, key: String(i) });
      continue;
    }
    for (const key of Object.keys(v).reverse()) {
      const lone = strings ? loneSurrogate(key) : null;
      if (lone)
        return {
          path: pathOf({ value: null, depth: 0, parent: visit, key }),
          message: `is a name holding a lone UTF-16 surrogate (${lone}), which is no character`,
        };
      pending.push({ value: (v as Record<string, unknown>)[key], depth: visit.depth + 1, parent: visit, key });
    }
  }
  return null;
}
