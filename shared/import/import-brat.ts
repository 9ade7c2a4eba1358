// `brat` import: one `.ann` with its `.txt`. Offsets are code points into the .txt.
// A discontinuous span imports as the range from its first to its last fragment
// (our own export splits spans only at line breaks, so this restores them).
import { CodePointIndex } from '../code-points';
import { TahrirError } from '../errors';
import type { ImportedDocument, ImportedEntity, ImportedQuote } from './pre-annotations';

export const BRAT_QUOTE_LABEL = 'QUOTE';

interface TextBound {
  type: string;
  start: number;
  end: number;
}

export function parseBratAnn(ann: string, text: string, file: string, id?: string): ImportedDocument {
  const index = new CodePointIndex(text);
  const bounds = new Map<string, TextBound>();
  const notes = new Map<string, string[]>();
  const kinds = new Map<string, string>();
  const speakers = new Map<string, string>();
  const lines = ann.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    const cols = line.split('\t');
    const key = cols[0];
    if (key.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
      if (!m)
        throw new TahrirError(
          'invalid-argument',
          `text-bound line "${line.slice(0, 60)}" is not "T<n><TAB>TYPE START END<TAB>text"`,
          where,
        );
      const pairs = m[2].split(';').map((p) => p.split(' ').map(Number));
      const start = Math.min(...pairs.map((p) => p[0]));
      const end = Math.max(...pairs.map((p) => p[1]));
      if (start >= end || end > index.length) {
        throw new TahrirError(
          'invalid-argument',
          `${key}: span [${start}, ${end}) is not within the text (${index.length} characters)`,
          where,
        );
      }
      // The text column must be what the offsets select, fragments joined by a space, as brat checks.
      const expected = pairs.map(([s, e]) => index.slice(s, e)).join(' ');
      if (cols[2] !== undefined && cols[2] !== expected) {
        throw new TahrirError(
          'invalid-argument',
          `${key}: its text "${cols[2]}" is not "${expected}" found at its offsets`,
          where,
        );
      }
      bounds.set(key, { type: m[1], start, end });
    } else if (key.startsWith('R')) {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(cols[1] ?? '');
      if (m && m[1].toLowerCase() === 'speaker') speakers.set(m[2], m[3]);
    } else if (key.startsWith('A') || key.startsWith('M')) {
      const m = /^(\S+) (\S+)(?: (\S+))?$/.exec(cols[1] ?? '');
      if (m && m[1].toLowerCase() === 'kind' && m[3]) kinds.set(m[2], m[3]);
    } else if (key.startsWith('#')) {
      const m = /^AnnotatorNotes (\S+)$/.exec(cols[1] ?? '');
      if (m) notes.set(m[1], [...(notes.get(m[1]) ?? []), cols.slice(2).join('\t')]);
    }
  });

  const entities: ImportedEntity[] = [];
  const entityIndex = new Map<string, number>();
  const quotes: ImportedQuote[] = [];
  for (const [key, b] of bounds) {
    if (b.type === BRAT_QUOTE_LABEL) continue;
    const e: ImportedEntity = { start: b.start, end: b.end, label: b.type };
    const link = notes.get(key)?.[0];
    if (link) e.link = link;
    entityIndex.set(key, entities.length);
    entities.push(e);
  }
  for (const [key, b] of bounds) {
    if (b.type !== BRAT_QUOTE_LABEL) continue;
    const speakerKey = speakers.get(key);
    const speaker = speakerKey === undefined ? null : (entityIndex.get(speakerKey) ?? null);
    const q: ImportedQuote = {
      start: b.start,
      end: b.end,
      kind: kinds.get(key) === 'indirect' ? 'indirect' : 'direct',
      speaker,
    };
    const named = notes.get(key)?.find((n) => n.startsWith('speaker: '));
    if (speaker === null && named) q.speakerName = named.slice('speaker: '.length);
    quotes.push(q);
  }
  return { id, text, entities, quotes };
}
