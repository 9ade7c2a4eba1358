// Checks a well-shaped sidecar for what the schema cannot see: ids, edit order, speakers,
// and (given its source text) offsets in range and text anchors that match. Orphaned
// spans are not errors: they wait for the editor to re-attach them.
import { CodePointIndex } from './code-points';
import { message } from './i18n/catalog-message';
import { compareSpans } from './sidecar';
import type { SidecarProblem } from './sidecar';
import type { Sidecar } from './model';

export type { SidecarProblem } from './sidecar';

export interface SidecarCheckOptions {
  /** The workspace labels; when given, an entity with another label is a problem. */
  labels?: readonly string[];
}

function show(s: string, max = 40): string {
  const cps = Array.from(s);
  return JSON.stringify(cps.length > max ? cps.slice(0, max).join('') + '…' : s);
}

/** An id used by more than one edit, entity or quote (ids are shared by the three lists). */
export function duplicateIdProblems(sidecar: Sidecar): SidecarProblem[] {
  if (fewDistinctIds(sidecar)) return [];
  return duplicateIdsByMap(sidecar);
}

/**
 * duplicateIdProblems for a sidecar with many spans, in a function of its own: V8 inlines duplicateIdProblems into
 * toExportRecord, and this path, first taken deep into an export (4 of the bench's 10,000 documents have more than
 * FEW_SPANS spans, the first near the 6,000th), then threw away toExportRecord's optimized code twice (a `new Map`,
 * then a quote where only entities had been seen), and V8 compiled that large function a third time. Out of line:
 * thrown away once, compiled twice (`node --trace-opt`, 10k export). CPU of the 10k export, 10 interleaved rounds
 * at load 18-35: main median 1,747 / 1,768 ms, this 1,574 / 1,610 (lower in 8 of 10); TurboFan is ~14% of its
 * instructions.
 */
function duplicateIdsByMap(sidecar: Sidecar): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  // Where each id was first seen, as its list and place; a path is written only for a duplicate (every
  // listing, stats, validate and export checks every span: a string made per span was most of this).
  const seen = new Map<string, number>();
  const lists = [sidecar.edits, sidecar.entities, sidecar.quotes];
  const names = ['edits', 'entities', 'quotes'];
  const pathOf = (at: number) => `${names[at % 3]}[${Math.floor(at / 3)}]`;
  for (let l = 0; l < 3; l++) {
    const list = lists[l];
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i * 3 + l);
      else
        problems.push({
          path: pathOf(i * 3 + l),
          message: `id ${JSON.stringify(id)} is already used by ${pathOf(first)}`,
        });
    }
  }
  return problems;
}

/** Spans up to which fewDistinctIds compares every pair: ~500 comparisons at most, nothing allocated. */
const FEW_SPANS = 32;

/**
 * True when the sidecar has at most FEW_SPANS spans in all and no two share an id, seen without a map: a short
 * article's check (every listing, stats, validate and export makes one) made a map of its few ids, a twentieth of
 * what an export allocated. False tells nothing (duplicateIdProblems then looks with its map).
 */
function fewDistinctIds({ edits, entities, quotes }: Sidecar): boolean {
  if (edits.length + entities.length + quotes.length > FEW_SPANS) return false;
  const lists = [edits, entities, quotes];
  for (let l = 0; l < 3; l++) {
    const list = lists[l];
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id;
      for (let j = i + 1; j < list.length; j++) if (list[j].id === id) return false;
      for (let m = l + 1; m < 3; m++) for (const other of lists[m]) if (other.id === id) return false;
    }
  }
  return true;
}

/** Problems that do not need the source text: unique ids, edits sorted and non-overlapping, speakers exist. */
export function checkSidecarStructure(sidecar: Sidecar, options: SidecarCheckOptions = {}): SidecarProblem[] {
  const problems = duplicateIdProblems(sidecar);

  sidecar.edits.forEach((e, i) => {
    const before = sidecar.edits[i - 1];
    if (before && compareSpans(before, e) > 0) {
      problems.push({
        path: `edits[${i}]`,
        message: `edits are not sorted by start: ${e.start}–${e.end} comes after ${before.start}–${before.end}`,
      });
    }
  });
  // Overlaps are judged in file order even when the list is unsorted. Two edits may touch
  // (one ends where the next starts; insertions at the same point), never overlap.
  const placed = sidecar.edits
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => !e.orphaned)
    .sort((a, b) => compareSpans(a.e, b.e));
  let reach: { e: { start: number; end: number }; i: number } | undefined;
  for (const item of placed) {
    if (reach && item.e.start < reach.e.end) {
      problems.push({
        path: `edits[${item.i}]`,
        message: `edit ${item.e.start}–${item.e.end} overlaps edits[${reach.i}] (${reach.e.start}–${reach.e.end})`,
      });
    }
    if (!reach || item.e.end > reach.e.end) reach = item;
  }

  const entityIds = new Set(sidecar.entities.map((e) => e.id));
  sidecar.quotes.forEach((q, i) => {
    if (q.speaker !== null && !entityIds.has(q.speaker)) {
      problems.push({
        path: `quotes[${i}].speaker`,
        message: `speaker ${JSON.stringify(q.speaker)} is not an entity in this file`,
      });
    }
  });

  if (options.labels) {
    const labels = new Set(options.labels);
    sidecar.entities.forEach((e, i) => {
      if (!labels.has(e.label)) {
        problems.push({
          path: `entities[${i}].label`,
          message: `label ${JSON.stringify(e.label)} is not one of the workspace labels (${[...labels].join(', ')})`,
          said: message('problem.unknown-label', { label: e.label, labels: [...labels].join(', ') }),
        });
      }
    });
  }
  return problems;
}

/** `source.length` against the text's length in code points: a problem when they differ. */
export function sourceLengthProblems(sidecar: Sidecar, length: number): SidecarProblem[] {
  if (sidecar.source.length === length) return [];
  return [
    {
      path: 'source.length',
      message: `is ${sidecar.source.length} but the text has ${length} code points: the text changed since the sidecar was saved (open it in Tahrir to re-anchor)`,
      said: message('problem.length-changed', { length: String(sidecar.source.length), actual: String(length) }),
    },
  ];
}

/**
 * Everything `tahrir validate` checks for one sidecar against its text: the structure above,
 * `source.file` naming this text file, `source.length`, offsets in range, and every
 * `text` anchor equal to the source substring (code points).
 */
export function checkSidecarAgainstSource(
  sidecar: Sidecar,
  source: string,
  textFileName: string,
  options: SidecarCheckOptions = {},
): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  if (sidecar.source.file !== textFileName) {
    problems.push({
      path: 'source.file',
      message: `names ${JSON.stringify(sidecar.source.file)}, not the text file beside it (${JSON.stringify(textFileName)})`,
    });
  }
  const index = new CodePointIndex(source);
  problems.push(...sourceLengthProblems(sidecar, index.length));
  problems.push(...checkSidecarStructure(sidecar, options));

  const spans: [string, readonly { start: number; end: number; text: string; orphaned?: boolean }[]][] = [
    ['edits', sidecar.edits],
    ['entities', sidecar.entities],
    ['quotes', sidecar.quotes],
  ];
  for (const [name, list] of spans) {
    list.forEach((s, i) => {
      if (s.orphaned) return;
      const path = `${name}[${i}]`;
      if (s.end > index.length) {
        problems.push({
          path,
          message: `end ${s.end} is past the end of the text (${index.length} code points)`,
          said: message('problem.past-end', { end: String(s.end), length: String(index.length) }),
        });
        return;
      }
      const actual = index.slice(s.start, s.end);
      if (actual !== s.text) {
        problems.push({
          path,
          message: `text ${show(s.text)} does not match the source at ${s.start}–${s.end} (${show(actual)})`,
          said: message('problem.text-mismatch', {
            text: show(s.text),
            start: String(s.start),
            end: String(s.end),
            actual: show(actual),
          }),
        });
      }
    });
  }
  return problems;
}
