// `jsonl` import: the lines our `jsonl` export writes (and Prodigy/spaCy-style lines
// with `text` and `spans`), offsets in code points into `text`.
import { message } from '../i18n/message';
import { CodePointIndex } from '../code-points';
import { TahrirError } from '../errors';
import type { ImportedDocument, ImportedEntity, ImportedQuote } from './pre-annotations';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isOffset = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** One line → one document. `where` names the file and line for errors. */
export function parseJsonlLine(line: string, where: string): ImportedDocument {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (e) {
    const why = (e as Error).message;
    throw new TahrirError(
      'invalid-argument',
      `not JSON (${why})`,
      where,
      undefined,
      message('error.line-not-json', { why }),
    );
  }
  if (!isObject(data)) throw new TahrirError('invalid-argument', 'a line must be a JSON object', where);
  if (typeof data.text !== 'string') throw new TahrirError('invalid-argument', '"text" must be a string', where);
  const id = typeof data.id === 'string' ? data.id : typeof data.id === 'number' ? String(data.id) : undefined;
  const index = new CodePointIndex(data.text);
  // A span's own text must be what its offsets select: offsets in another unit (UTF-16, bytes)
  // would otherwise land every span after the first emoji in the wrong place, silently.
  const checkText = (what: string, x: Json) => {
    if (typeof x.text !== 'string') return;
    const at = index.slice(x.start as number, x.end as number);
    if (at !== x.text) {
      throw new TahrirError(
        'invalid-argument',
        `${what}: its text ${JSON.stringify(x.text)} is not the text at [${String(x.start)}, ${String(x.end)}) (${JSON.stringify(at)}); offsets must be code points`,
        where,
      );
    }
  };
  const entities: ImportedEntity[] = [];
  const spans = data.spans ?? [];
  if (!Array.isArray(spans)) throw new TahrirError('invalid-argument', '"spans" must be a list', where);
  spans.forEach((s, i) => {
    if (!isObject(s) || !isOffset(s.start) || !isOffset(s.end) || typeof s.label !== 'string' || s.label === '') {
      throw new TahrirError('invalid-argument', `spans[${i}] needs whole-number "start", "end" and a "label"`, where);
    }
    checkText(`spans[${i}]`, s);
    const e: ImportedEntity = { start: s.start, end: s.end, label: s.label };
    if (typeof s.link === 'string' && s.link) e.link = s.link;
    entities.push(e);
  });
  const quotes: ImportedQuote[] = [];
  const rawQuotes = data.quotes ?? [];
  if (!Array.isArray(rawQuotes)) throw new TahrirError('invalid-argument', '"quotes" must be a list', where);
  rawQuotes.forEach((q, i) => {
    if (!isObject(q) || !isOffset(q.start) || !isOffset(q.end)) {
      throw new TahrirError('invalid-argument', `quotes[${i}] needs whole-number "start" and "end"`, where);
    }
    checkText(`quotes[${i}]`, q);
    const speaker =
      typeof q.speaker === 'number' && Number.isInteger(q.speaker) && q.speaker >= 0 && q.speaker < entities.length
        ? q.speaker
        : null;
    const quote: ImportedQuote = {
      start: q.start,
      end: q.end,
      kind: q.kind === 'indirect' ? 'indirect' : 'direct',
      speaker,
    };
    if (speaker === null && typeof q.speakerName === 'string' && q.speakerName) quote.speakerName = q.speakerName;
    quotes.push(quote);
  });
  return { id, text: data.text, entities, quotes };
}

/** A whole JSONL file (blank lines skipped). */
export function parseJsonl(content: string, file: string): ImportedDocument[] {
  const docs: ImportedDocument[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() !== '') docs.push(parseJsonlLine(line, `${file}:${i + 1}`));
  });
  return docs;
}
