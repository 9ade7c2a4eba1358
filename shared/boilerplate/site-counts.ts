// How many articles of a site hold each line key (see template-keys.ts). Adding and removing
// an article's keys is all an update does, so counts kept up to date file by file equal the
// counts rebuilt from scratch.

import type { DocumentKeys } from './template-keys';

/** A site's counts as stored in the workspace's cache (`.tahrir/template-counts.json`). */
export interface SiteCountsData {
  documents: number;
  /** Key hash → number of articles holding it. */
  counts: Record<string, number>;
  /** Whole-line key hash → the text of one such line (kept for keys held by two articles or more). */
  examples: Record<string, string>;
}

/** One recurring line of a site, for the cleanup view and `tahrir learn`. */
export interface TemplateLine {
  /** Articles of the site holding the line (or a line that reads the same). */
  count: number;
  /** Articles of the site. */
  documents: number;
  example: string;
  key: string;
}

export class SiteCounts {
  documents = 0;
  readonly counts = new Map<string, number>();
  readonly examples = new Map<string, string>();

  count(hash: string): number {
    return this.counts.get(hash) ?? 0;
  }

  add(doc: DocumentKeys): void {
    this.documents++;
    for (const k of doc.keys) {
      const n = (this.counts.get(k) ?? 0) + 1;
      this.counts.set(k, n);
      if (n >= 2 && !this.examples.has(k)) {
        const example = doc.examples.get(k);
        if (example !== undefined) this.examples.set(k, example);
      }
    }
  }

  /** Takes an article's keys back out (the keys it was added with). */
  remove(keys: readonly string[]): void {
    this.documents = Math.max(0, this.documents - 1);
    for (const k of keys) {
      const n = (this.counts.get(k) ?? 0) - 1;
      if (n <= 0) this.counts.delete(k);
      else this.counts.set(k, n);
      if (n < 2) this.examples.delete(k);
    }
  }

  /** The lines held by at least `minCount` articles, most frequent first. */
  templateLines(minCount = 2, limit = Infinity): TemplateLine[] {
    const out: TemplateLine[] = [];
    for (const [key, example] of this.examples) {
      const count = this.count(key);
      if (count >= minCount) out.push({ count, documents: this.documents, example, key });
    }
    out.sort((a, b) => b.count - a.count || (a.example < b.example ? -1 : a.example > b.example ? 1 : 0));
    return out.slice(0, limit);
  }

  toData(): SiteCountsData {
    return {
      documents: this.documents,
      counts: Object.fromEntries(this.counts),
      examples: Object.fromEntries(this.examples),
    };
  }

  static fromData(data: SiteCountsData): SiteCounts {
    const counts = new SiteCounts();
    counts.documents = data.documents;
    for (const [k, n] of Object.entries(data.counts)) counts.counts.set(k, n);
    for (const [k, t] of Object.entries(data.examples)) counts.examples.set(k, t);
    return counts;
  }
}
