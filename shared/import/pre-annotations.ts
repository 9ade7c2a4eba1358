// Pre-annotations read from another tool's file, in the coordinates of the text they
// came with (an export's clean text), and their mapping back to source coordinates.
import { CodePointIndex, codePointLength } from '../code-points';
import { PositionMap } from '../position-map';
import { inEnglish, message, type Message } from '../i18n/message';
import type { QuoteKind, Sidecar } from '../model';

export interface ImportedEntity {
  /** Code points into the imported document's text. */
  start: number;
  end: number;
  label: string;
  link?: string;
}

export interface ImportedQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  /** Index into the document's `entities`, or null. */
  speaker: number | null;
  speakerName?: string;
}

export interface ImportedDocument {
  /** Document id (workspace path without `.txt`) when the format names one. */
  id?: string;
  /** The text the offsets refer to, when the format carries it. */
  text?: string;
  entities: ImportedEntity[];
  quotes: ImportedQuote[];
}

/** The same annotations in source coordinates, each with its anchor text. */
export interface SourceAnnotations {
  entities: (ImportedEntity & { text: string })[];
  quotes: (ImportedQuote & { text: string })[];
}

/**
 * Maps a document's pre-annotations to source coordinates. Their text must be the
 * document's clean text (what exports contain) or its source text; anything else
 * means the offsets point elsewhere, and the document is refused with a reason.
 */
export function toSourceAnnotations(
  doc: ImportedDocument,
  source: string,
  sidecar: Sidecar,
): { annotations: SourceAnnotations } | { problem: string; said: Message } {
  const map = new PositionMap(source, sidecar.edits);
  let toSource = (start: number, end: number) => ({
    start: map.toSource(start, 'after'),
    end: map.toSource(end, 'before'),
  });
  let length = map.cleanLength;
  if (doc.text !== undefined && doc.text !== map.cleanText) {
    if (doc.text === source) {
      toSource = (start, end) => ({ start, end });
      length = map.sourceLength;
    } else {
      const said = message('import-skip.not-its-text', {
        length: String(codePointLength(doc.text)),
        clean: String(map.cleanLength),
      });
      return { problem: inEnglish(said), said };
    }
  }
  const sourceIndex = new CodePointIndex(source);
  const bad = [...doc.entities, ...doc.quotes].find(
    (s) =>
      !(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= length),
  );
  if (bad) {
    const where = { start: String(bad.start), end: String(bad.end), length: String(length) };
    const said = message('import-skip.span-outside', where);
    return { problem: inEnglish(said), said };
  }
  const place = <T extends { start: number; end: number }>(s: T) => {
    const r = toSource(s.start, s.end);
    return { ...s, start: r.start, end: r.end, text: sourceIndex.slice(r.start, r.end) };
  };
  return { annotations: { entities: doc.entities.map(place), quotes: doc.quotes.map(place) } };
}
