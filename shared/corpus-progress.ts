// The corpus's progress, as the progress view and `tahrir stats --html` chart it: documents per
// status over time, entities per label, documents per annotator. One document at a time is folded
// in (a workspace of 50,000 sidecars is never held at once). A sidecar's `statusHistory` dates
// each change of its status (shared/status-history.ts): a document counts in each status from the
// day it changed to it. An older sidecar without one has only its last save (`updatedAt`): it
// counts in its present status from that day, as to do before it.
import type { DocumentStatus, Sidecar } from './model';
import { DOCUMENT_STATUSES } from './model';

export interface CorpusProgress {
  documents: number;
  byStatus: Record<DocumentStatus, number>;
  /**
   * Each day (UTC, YYYY-MM-DD) a status changed on (or an older sidecar was last saved on), in
   * order: the documents in each status at its end. Documents saved at no known time count from
   * the first day.
   */
  overTime: ({ day: string } & Record<DocumentStatus, number>)[];
  /** Entities per label, the workspace's labels first (in their order), then any other. */
  entitiesByLabel: { label: string; entities: number }[];
  /**
   * Per annotator (createdBy / changedBy of the items, else the sidecar's `annotator`): the
   * documents they worked on, and how many of those are done. Most documents first.
   */
  byAnnotator: { annotator: string; documents: number; done: number }[];
}

/** What the count needs of one document: its sidecar, or null (no sidecar yet: to do). */
export class ProgressCount {
  private documents = 0;
  private readonly byStatus = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<
    DocumentStatus,
    number
  >;
  /** day → status → documents that came into (+) or left (−) that status that day. */
  private readonly saved = new Map<string, Record<DocumentStatus, number>>();
  /** Documents with a status other than to do and no known time of saving. */
  private readonly undated = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>;
  private readonly labels = new Map<string, number>();
  private readonly annotators = new Map<string, { documents: number; done: number }>();

  add(sidecar: Sidecar | null): void {
    this.documents++;
    const status = sidecar?.document.status ?? 'todo';
    this.byStatus[status]++;
    if (!sidecar) return;
    // Each dated change moves the document from the status it was in (to do, first) to the new one.
    let was: DocumentStatus = 'todo';
    for (const change of sidecar.statusHistory ?? []) {
      const day = dayOf(change.at);
      if (!day || change.status === was) continue;
      this.move(day, was, change.status);
      was = change.status;
    }
    if (was !== status) {
      // No history, or one that ends elsewhere (written by an older version): the last save dates the status.
      const day = dayOf(sidecar.updatedAt);
      if (day) this.move(day, was, status);
      else if (was === 'todo') this.undated[status]++;
    }
    for (const e of sidecar.entities) this.labels.set(e.label, (this.labels.get(e.label) ?? 0) + 1);
    const names = new Set<string>();
    for (const item of [...sidecar.edits, ...sidecar.entities, ...sidecar.quotes]) {
      if (item.createdBy) names.add(item.createdBy);
      if (item.changedBy) names.add(item.changedBy);
    }
    if (names.size === 0 && sidecar.annotator) names.add(sidecar.annotator);
    for (const name of names) {
      const a = this.annotators.get(name) ?? { documents: 0, done: 0 };
      a.documents++;
      if (status === 'done') a.done++;
      this.annotators.set(name, a);
    }
  }

  private move(day: string, from: DocumentStatus, to: DocumentStatus): void {
    const counts =
      this.saved.get(day) ??
      (Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>);
    counts[from]--;
    counts[to]++;
    this.saved.set(day, counts);
  }

  /** The counts; `labels`: the workspace's labels, listed first and in their order (even at 0). */
  result(labels: readonly string[] = []): CorpusProgress {
    const days = [...this.saved.keys()].sort();
    // Before its last save a document counts as to do: the days add their documents to the other statuses.
    const running = { ...this.undated, todo: this.documents - this.undated.in_progress - this.undated.done };
    const overTime = days.map((day) => {
      const counts = this.saved.get(day)!;
      for (const s of DOCUMENT_STATUSES) running[s] += counts[s];
      return { day, ...running };
    });
    const others = [...this.labels.keys()].filter((l) => !labels.includes(l)).sort();
    return {
      documents: this.documents,
      byStatus: { ...this.byStatus },
      overTime,
      entitiesByLabel: [...labels, ...others].map((label) => ({ label, entities: this.labels.get(label) ?? 0 })),
      byAnnotator: [...this.annotators]
        .map(([annotator, a]) => ({ annotator, ...a }))
        .sort((x, y) => y.documents - x.documents || (x.annotator < y.annotator ? -1 : 1)),
    };
  }
}

/** The UTC day of a sidecar time ("2026-11-28T10:00:00Z" → "2026-11-28"); null when there is none or it is no time. */
function dayOf(stamp: string | undefined): string | null {
  if (!stamp) return null;
  const t = Date.parse(stamp);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** The progress of these documents (each its sidecar, or null when it has none). */
export function corpusProgress(sidecars: Iterable<Sidecar | null>, labels: readonly string[] = []): CorpusProgress {
  const count = new ProgressCount();
  for (const s of sidecars) count.add(s);
  return count.result(labels);
}
