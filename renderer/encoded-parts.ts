// The sidecar worker's bodies as Blobs of the sidecar text's parts (SidecarText.parts), each long part (a chunk of
// spans' JSON) encoded once and kept while it is unchanged: a save after a keypress encodes one chunk, not the whole
// text again (50,000 entities: 4 MB turned into bytes, ~110 ms of the worker's thread a save on a loaded machine).

/** Parts shorter than this (the header, commas, brackets) are encoded each time: cheaper than keeping them. */
const KEPT_FROM = 1024;

export class EncodedParts {
  /** The long parts of the last Blob made, by their text. */
  private kept = new Map<string, Blob>();
  /** Characters of long parts encoded so far (how much work the Blobs cost). */
  encodedChars = 0;

  /** A Blob of `parts` in order; a long part the last call had too is taken from its Blob, not encoded again. */
  blob(parts: readonly string[]): Blob {
    const next = new Map<string, Blob>();
    const out: (string | Blob)[] = [];
    for (const part of parts) {
      if (part.length < KEPT_FROM) {
        out.push(part);
        continue;
      }
      let blob = next.get(part) ?? this.kept.get(part);
      if (!blob) {
        blob = new Blob([part]);
        this.encodedChars += part.length;
      }
      next.set(part, blob);
      out.push(blob);
    }
    this.kept = next;
    return new Blob(out);
  }
}
