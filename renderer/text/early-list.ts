// The document list's first screen drawn by early.js (early-paint.ts), before app.js has run: the same elements and
// classes as DocumentList.tsx draws as the workspace opens (no filter, the list scrolled to its top), from the start's
// first screen of rows. The list waited for app.js before: its fetch, compile and run and React's first render were
// most of a 100,000-document open (a trace at load 20: early frame 1.9 s, app.js in at 3.0 s, its run 0.77 s, the
// list painted at 4.6 s after navigation). A/B against the app's list at 100,000 (load 17–20, 3 rounds): the page's
// HTML in → the list painted 1.6–2.8 s → 0.4–0.8 s, the renderer's CPU to that paint 1.4–2.6 → 0.9–1.75 s.
import type { DocumentSummary, WorkspaceInfo } from '../../shared/api';
import type { Locale } from '../../shared/i18n/translator';

/** A row's height (px): DocumentList.tsx's ROW_HEIGHT (app.css's `.document-row`), not imported (React's module). */
const ROW_HEIGHT = 84;

/**
 * The list's words as the app's catalogs say them (shared/i18n/en.ts, ar.ts; a test holds them equal): early.js does
 * not carry the catalogs nor the message formatter (see early-panel.ts).
 */
export const EARLY_LIST_WORDS = {
  en: {
    'list.filter-placeholder': 'Filter (words of the title or text, status:done)…',
    'list.reading': 'reading…',
  },
  ar: {
    'list.filter-placeholder': 'تصفية (كلمات، status:done)…',
    'list.reading': 'جارٍ القراءة…',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** `n` as the English catalog's `#` writes it (1234 → 1,234), without an Intl object (ICU's data: early-start.ts). */
export function englishNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const counted = (n: number, one: string, other: string) => `${englishNumber(n)} ${n === 1 ? one : other}`;

/**
 * A row's counts as the English catalog's `list.counts` says them; null in Arabic (its plural forms and digits need
 * Intl: the row's line stays empty until the app's list, its height the row's all the same).
 */
export function earlyCounts(d: DocumentSummary, locale: Locale): string | null {
  if (locale !== 'en') return null;
  const edits = d.edits ? ` · ${counted(d.edits, 'edit', 'edits')}` : '';
  return `${counted(d.entities, 'entity', 'entities')} · ${counted(d.quotes, 'quote', 'quotes')}${edits}`;
}

/**
 * The progress line as the English catalog's `list.progress` says it (its numbers are plain arguments, written without
 * grouping, unlike a plural's `#`); null in Arabic (as earlyCounts).
 */
export function earlyProgress(done: number, total: number, locale: Locale): string | null {
  return locale === 'en' ? `${done} of ${total} done` : null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

/** A line of text, or a no-break space where the app will write words (the line keeps its height). */
function line(tag: 'span' | 'div', className: string, text: string | null): HTMLElement {
  const el = element(tag, className);
  el.textContent = text ?? '\u00a0';
  return el;
}

/** A row, as DocumentList.tsx's DocumentRow draws it: the `at`th (from 1) of `of`. */
function row(d: DocumentSummary, current: boolean, locale: Locale, at: number, of: number): HTMLElement {
  const li = element('li', 'document-row');
  li.setAttribute('aria-posinset', String(at));
  li.setAttribute('aria-setsize', String(of));
  const button = element('button', `document-item${current ? ' current' : ''}${d.problem ? ' has-problem' : ''}`);
  button.dataset.docId = d.id;
  const name = element('span', 'document-name');
  const title = element('bdi', 'document-title');
  title.textContent = d.title || d.id;
  name.append(title);
  if (d.title) {
    const id = element('bdi', 'document-id');
    id.textContent = d.id;
    name.append(id);
  }
  // A problem is said in the interface's words with values (the app's): its line is left for the app.
  if (d.problem) name.append(line('span', 'problem', null));
  else
    name.append(line('span', 'counts', d.pending ? EARLY_LIST_WORDS[locale]['list.reading'] : earlyCounts(d, locale)));
  button.append(element('span', `status-dot status-${d.status}`), name);
  li.append(button);
  return li;
}

/**
 * The document list (its progress line, the filter, the rows that fill `heightPx` and room for the rest, so its scroll
 * bar is the whole list's) for the workspace of the start, `current` marked; null when `current` is below those rows
 * (the app scrolls the list to it: drawn at its top, the list would jump).
 */
export function earlyList(
  workspace: WorkspaceInfo,
  current: string | null,
  locale: Locale,
  heightPx: number,
): HTMLElement | null {
  const { documents } = workspace;
  const drawn = Math.min(documents.length, Math.ceil(heightPx / ROW_HEIGHT) + 1);
  const at = current === null ? -1 : documents.findIndex((d) => d.id === current);
  if ((at + 1) * ROW_HEIGHT > heightPx / 2) return null;
  const total = documents.length + (workspace.moreDocuments ?? 0);
  let done = 0;
  for (const d of documents) if (d.status === 'done') done++;
  const nav = element('nav', 'document-list');
  const progress = element('div', 'progress');
  const bar = element('div', 'progress-bar');
  const fill = element('div', 'progress-fill');
  fill.style.width = total ? `${(100 * done) / total}%` : '0%';
  bar.append(fill);
  progress.append(line('div', 'progress-text', earlyProgress(done, total, locale)), bar);
  const filterRow = element('div', 'filter-row');
  const filter = element('input', 'filter');
  filter.type = 'search';
  filter.placeholder = EARLY_LIST_WORDS[locale]['list.filter-placeholder'];
  filterRow.append(filter);
  const list = element('ul');
  list.dataset.filter = '';
  for (let i = 0; i < drawn; i++) list.append(row(documents[i], documents[i].id === current, locale, i + 1, total));
  if (drawn < total) {
    const room = element('li', 'list-room');
    room.style.height = `${(total - drawn) * ROW_HEIGHT}px`;
    list.append(room);
  }
  nav.append(progress, filterRow, list);
  return nav;
}
