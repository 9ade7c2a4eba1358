// Fresh ids for edits, entities and quotes: `<prefix><n>`, unique within a sidecar.

/**
 * A maker of ids `<prefix><n>` not in `taken`, numbered after the highest one there; each id made is added to `taken`.
 */
export function idMaker(prefix: string, taken: Set<string>): () => string {
  let n = 0;
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  for (const id of taken) {
    const m = pattern.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return () => {
    let id: string;
    do id = `${prefix}${++n}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
}
