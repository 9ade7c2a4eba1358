// An answer's JSON with some of its parts already encoded (the document list, an opened document): `tahrir serve`
// encodes those once, ahead of the request when it can, and writes the rest of the answer around them.
import { randomBytes } from 'node:crypto';

/** Marks a part's place in the JSON; random, so no string in a workspace can be taken for one. */
const PART = `\u0000tahrir-part-${randomBytes(9).toString('base64url')}-`;
const QUOTED_PART = JSON.stringify(PART).slice(0, -1);

/**
 * `value` as JSON, each object found in `parts` (by identity) written as the bytes given for it, which must be that
 * object's JSON (or what the page reads in its place). Only the rest of `value` is encoded here.
 */
export function encodeWithParts(value: unknown, parts: ReadonlyMap<object, Buffer>): Buffer {
  const used: Buffer[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    const part = v !== null && typeof v === 'object' ? parts.get(v) : undefined;
    if (!part) return v;
    used.push(part);
    return PART + (used.length - 1);
  });
  // JSON.stringify visits the values in the order it writes them: the marks are found in `used`'s order.
  const pieces: Buffer[] = [];
  let from = 0;
  used.forEach((part, i) => {
    const mark = `${QUOTED_PART}${i}"`;
    const at = json.indexOf(mark, from);
    pieces.push(Buffer.from(json.slice(from, at)), part);
    from = at + mark.length;
  });
  pieces.push(Buffer.from(json.slice(from)));
  return Buffer.concat(pieces);
}
