// `labelstudio` import: tasks with `labels` results (annotations, else predictions).
// Current Label Studio counts `start`/`end` in code points; versions before 2022 counted
// UTF-16 units. A region's `text` tells which: code points are tried first, then UTF-16.
// Without a text, code points are assumed.
import { CodePointIndex } from '../code-points';
import { TahrirError } from '../errors';
import type { ImportedDocument, ImportedEntity, ImportedQuote } from './pre-annotations';

export const LS_QUOTE_LABEL = 'QUOTE';
type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function resultsOf(task: Json): Json[] {
  for (const key of ['annotations', 'completions', 'predictions']) {
    const list = task[key];
    if (Array.isArray(list)) {
      const first = list.find((a) => isObject(a) && Array.isArray(a.result) && !a.was_cancelled);
      if (first) return (first.result as unknown[]).filter(isObject);
    }
  }
  return [];
}

function noteValue(r: Json, prefix: string): string | undefined {
  const texts = isObject(r.meta) && Array.isArray(r.meta.text) ? r.meta.text : [];
  const hit = texts.find((t): t is string => typeof t === 'string' && t.startsWith(prefix));
  return hit?.slice(prefix.length);
}

export function parseLabelStudioTask(task: unknown, where: string): ImportedDocument {
  if (!isObject(task) || !isObject(task.data))
    throw new TahrirError('invalid-argument', 'a task must be an object with "data"', where);
  const data = task.data;
  const text =
    typeof data.text === 'string' ? data.text : Object.values(data).find((v): v is string => typeof v === 'string');
  if (text === undefined) throw new TahrirError('invalid-argument', 'the task has no text in "data"', where);
  const id = typeof data.document === 'string' ? data.document : undefined;
  const index = new CodePointIndex(text);
  const entities: ImportedEntity[] = [];
  const quotes: (ImportedQuote & { resultId?: string })[] = [];
  const entityByResult = new Map<string, number>();
  const results = resultsOf(task);
  for (const r of results) {
    if (r.type !== 'labels' || !isObject(r.value)) continue;
    const v = r.value;
    const labels = Array.isArray(v.labels) ? v.labels.filter((l): l is string => typeof l === 'string') : [];
    if (typeof v.start !== 'number' || typeof v.end !== 'number' || labels.length === 0) {
      throw new TahrirError(
        'invalid-argument',
        `result ${String(r.id)} needs numeric "start", "end" and "labels"`,
        where,
      );
    }
    if (!Number.isInteger(v.start) || !Number.isInteger(v.end) || v.start < 0 || v.start >= v.end) {
      throw new TahrirError(
        'invalid-argument',
        `result ${String(r.id)}: [${v.start}, ${v.end}) is not a range of the text`,
        where,
      );
    }
    let start = v.start;
    let end = v.end;
    const asCodePoints = end <= index.length ? index.slice(start, end) : undefined;
    if (typeof v.text === 'string' && v.text !== asCodePoints) {
      if (end <= text.length && v.text === text.slice(start, end)) {
        // An older Label Studio's UTF-16 indices.
        start = index.toCodePoint(start);
        end = index.toCodePoint(end);
      } else {
        throw new TahrirError(
          'invalid-argument',
          `result ${String(r.id)}: its text "${v.text}" is not the text at [${v.start}, ${v.end}) (as code points or UTF-16 units)`,
          where,
        );
      }
    } else if (asCodePoints === undefined) {
      throw new TahrirError(
        'invalid-argument',
        `result ${String(r.id)}: [${v.start}, ${v.end}) is past the end of the text (${index.length} code points)`,
        where,
      );
    }
    for (const label of labels) {
      if (label === LS_QUOTE_LABEL) {
        const q: ImportedQuote & { resultId?: string } = {
          start,
          end,
          kind: noteValue(r, 'kind: ') === 'indirect' ? 'indirect' : 'direct',
          speaker: null,
        };
        const named = noteValue(r, 'speaker: ');
        if (named) q.speakerName = named;
        if (typeof r.id === 'string') q.resultId = r.id;
        quotes.push(q);
      } else {
        const e: ImportedEntity = { start, end, label };
        const link = noteValue(r, 'link: ');
        if (link) e.link = link;
        if (typeof r.id === 'string') entityByResult.set(r.id, entities.length);
        entities.push(e);
      }
    }
  }
  for (const r of results) {
    if (r.type !== 'relation' || typeof r.from_id !== 'string' || typeof r.to_id !== 'string') continue;
    const q = quotes.find((x) => x.resultId === r.from_id);
    const speaker = entityByResult.get(r.to_id);
    if (q && speaker !== undefined) {
      q.speaker = speaker;
      delete q.speakerName;
    }
  }
  return { id, text, entities, quotes: quotes.map(({ resultId: _r, ...q }) => q) };
}

/** A Label Studio JSON file: a list of tasks, or one task. */
export function parseLabelStudio(content: string, file: string): ImportedDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    throw new TahrirError('invalid-argument', `not JSON (${(e as Error).message})`, file);
  }
  const tasks = Array.isArray(data) ? data : [data];
  return tasks.map((t, i) => parseLabelStudioTask(t, `${file}: task ${i + 1}`));
}
