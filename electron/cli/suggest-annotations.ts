// Entity and quote suggestions for `tahrir suggest --entities --quotes`: the workspace's own
// entities looked for in the document, a tagger trained on the workspace's done and
// in-progress documents, and quote candidates with their speakers. Offsets are source code
// points, like the edits. Reads the workspace, writes nothing.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Entity } from '../../shared/model';
import {
  loadTagger,
  suggestEntities,
  trainWorkspaceTagger,
  type AnnotatedDocument,
} from '../../shared/ner/document-entities';
import type { WorkspaceName } from '../../shared/ner/workspace-matcher';
import { findQuotes } from '../../shared/quote-finder';
import type { EntitySuggestion, QuoteSuggestion } from '../../shared/suggestions';
import { SIDECAR_SUFFIX, TEXT_SUFFIX } from '../../shared/workspace-layout';
import { readSidecarSync } from '../sidecar-store';
import { readTextFile } from '../text-file';
import { CONFIG_FILE } from '../workspace-config';
import { findFiles } from '../workspace';

/** The workspace of a document: the nearest folder above it holding tahrir.json, else its own folder. */
export function workspaceOf(file: string): string {
  const own = dirname(resolve(file));
  for (let dir = own; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) return own;
  }
}

interface WorkspaceAnnotations {
  names: WorkspaceName[];
  /** Done and in-progress documents other than the one suggested for. */
  annotated: AnnotatedDocument[];
  /** The document's own entities (from its sidecar, when it has one). */
  own: Entity[];
}

/** Every sidecar of the workspace; a broken one is named on stderr and skipped (suggestions are only suggestions). */
async function readWorkspace(root: string, documentPath: string): Promise<WorkspaceAnnotations> {
  const { sidecars, realRoot } = await findFiles(root, { texts: false });
  const names: WorkspaceName[] = [];
  const annotated: AnnotatedDocument[] = [];
  let own: Entity[] = [];
  const ownSidecar =
    (documentPath.endsWith(TEXT_SUFFIX) ? documentPath.slice(0, -TEXT_SUFFIX.length) : documentPath) + SIDECAR_SUFFIX;
  const ownReal = existsSync(ownSidecar) ? realpathSync(ownSidecar) : null;
  for (const rel of sidecars.sort()) {
    const path = join(realRoot, ...rel.split('/'));
    let stored;
    try {
      stored = readSidecarSync(path, rel);
    } catch (e) {
      process.stderr.write(
        `tahrir suggest: ${e instanceof Error ? e.message : String(e)} (its entities are not used)\n`,
      );
      continue;
    }
    if (!stored) continue;
    const { sidecar } = stored;
    const entities = sidecar.entities.filter((e) => !e.orphaned);
    names.push(...entities.map((e) => ({ text: e.text, label: e.label })));
    if (path === ownReal) {
      own = entities;
      continue;
    }
    if (sidecar.document.status === 'todo' || entities.length === 0) continue;
    const textPath = join(dirname(path), sidecar.source.file);
    if (!textPath.endsWith(TEXT_SUFFIX)) continue;
    try {
      const { text } = await readTextFile(textPath, undefined, { file: relative(realRoot, textPath) });
      annotated.push({ text, entities });
    } catch (e) {
      process.stderr.write(`tahrir suggest: ${e instanceof Error ? e.message : String(e)} (not learned from)\n`);
    }
  }
  return { names, annotated, own };
}

export interface AnnotationSuggestions {
  entities?: Pick<EntitySuggestion, 'start' | 'end' | 'label' | 'score' | 'source' | 'conflicts'>[];
  quotes?: Pick<QuoteSuggestion, 'start' | 'end' | 'kind' | 'speaker' | 'score'>[];
}

/** The suggestions asked for, for the document at `file` whose source text is `text`. */
export async function annotationSuggestions(
  file: string,
  text: string,
  wanted: { entities: boolean; quotes: boolean },
): Promise<AnnotationSuggestions> {
  const documentPath = resolve(file);
  const workspace = await readWorkspace(workspaceOf(documentPath), documentPath);
  const trained = trainWorkspaceTagger(workspace.annotated);
  const entities = suggestEntities(text, {
    names: workspace.names,
    existing: workspace.own,
    tagger: trained ? { tagger: loadTagger(trained.model), gazetteer: trained.gazetteer } : null,
  });
  const out: AnnotationSuggestions = {};
  if (wanted.entities)
    out.entities = entities.map(({ start, end, label, score, source, conflicts }) => ({
      start,
      end,
      label,
      score,
      source,
      ...(conflicts ? { conflicts } : {}),
    }));
  if (wanted.quotes) {
    // Speakers: the document's people, tagged or suggested.
    const people = [...workspace.own, ...entities];
    out.quotes = findQuotes(text, people).map(({ start, end, kind, speaker, score }) => ({
      start,
      end,
      kind,
      speaker,
      score,
    }));
  }
  return out;
}

/** Lines of the readable list. */
export function describeAnnotationSuggestions(
  s: AnnotationSuggestions,
  slice: (start: number, end: number) => string,
): string[] {
  const shown = (t: string) => {
    const flat = t.replace(/\r?\n/gu, '⏎');
    return [...flat].length > 70 ? `${[...flat].slice(0, 67).join('')}…` : flat;
  };
  const lines: string[] = [];
  if (s.entities) {
    lines.push(`entities: ${s.entities.length}`);
    for (const e of s.entities) {
      const conflict = e.conflicts ? ` (also ${e.conflicts.join(', ')})` : '';
      lines.push(
        `  ${`${e.start}–${e.end}`.padEnd(11)} ${e.label.padEnd(8)} ${e.source.padEnd(9)} ${e.score.toFixed(2)} "${shown(slice(e.start, e.end))}"${conflict}`,
      );
    }
  }
  if (s.quotes) {
    lines.push(`quotes: ${s.quotes.length}`);
    for (const q of s.quotes) {
      const speaker = q.speaker ? ` — ${shown(slice(q.speaker.start, q.speaker.end))}` : '';
      lines.push(
        `  ${`${q.start}–${q.end}`.padEnd(11)} ${q.kind.padEnd(8)} ${q.score.toFixed(2)} "${shown(slice(q.start, q.end))}"${speaker}`,
      );
    }
  }
  return lines;
}
