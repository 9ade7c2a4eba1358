// The side panel's entity list drawn by early.js with the first screen (early-paint.ts), before app.js has run: the
// same elements and classes as SidePanel.tsx's Entities tab as the document opens (nothing selected, no list shown
// whole), so the app's list, once rendered, stands where this one stood. From the start's `entityList` (worked out by
// the server: shared/entity-groups.ts), or here for a small document that came whole.
import type { OpenedDocument } from '../../shared/api';
import {
  entityListStart,
  rowsInView,
  workspaceOrder,
  type EntityListStart,
  type ListedEntity,
} from '../../shared/entity-groups';
import type { Locale } from '../../shared/i18n/translator';
import type { FirstScreenDocument } from '../../shared/start-answer-wire';
import { labelClass } from './label-rules';

/**
 * The panel's words as the app's catalogs say them (shared/i18n/en.ts, ar.ts; a test holds them equal): early.js does
 * not carry the catalogs (~130 KB) nor the message formatter, whose Intl objects would load ICU's data on the main
 * thread before the paint (early-start.ts). Messages with values (a row's title, "Show all n") are left to the app:
 * they are not seen in the first frames (a tooltip; a button under a list's 50th row).
 */
export const EARLY_PANEL_WORDS = {
  en: {
    'side.annotations': 'Annotations',
    'side.entities': 'Entities',
    'side.quotes': 'Quotes',
    'side.cleanup': 'Cleanup',
    'side.orphaned': 'orphaned',
    'side.hidden': 'hidden',
  },
  ar: {
    'side.annotations': 'التوسيمات',
    'side.entities': 'الكيانات',
    'side.quotes': 'الاقتباسات',
    'side.cleanup': 'التنظيف',
    'side.orphaned': 'يتيم',
    'side.hidden': 'مخفي',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Past this many entities a document that came whole is not grouped here: it would hold the first paint back. */
const GROUPED_HERE_AT_MOST = 2_000;

/** The entity list to draw: the one the start carries, else worked out for a small whole document; else null. */
export function entityListOf(opened: OpenedDocument, labels: readonly string[]): EntityListStart | null {
  const given = (opened as FirstScreenDocument).entityList;
  if (given) return given;
  if ((opened as FirstScreenDocument).restLineLengths) return null; // cut, and no list with it
  if (opened.sidecar.entities.length > GROUPED_HERE_AT_MOST) return null;
  return entityListStart(opened.text, opened.sidecar, labels);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

function countOf(n: number): HTMLElement {
  const count = element('span', 'count');
  count.textContent = String(n);
  return count;
}

/** A row, as SidePanel.tsx's EntityItem draws it. */
function row({ entity: e, hidden, context }: ListedEntity, words: (typeof EARLY_PANEL_WORDS)[Locale]): HTMLElement {
  const li = element('li');
  const button = element('button', `span-item${hidden ? ' hidden-span' : ''}`);
  const text = element('bdi');
  text.textContent = e.text;
  button.append(text);
  if (e.link) {
    const link = element('span', 'muted link-mark');
    link.textContent = e.link;
    button.append(link);
  }
  if (e.orphaned) {
    const badge = element('span', 'badge warn');
    badge.textContent = words['side.orphaned'];
    button.append(badge);
  }
  if (hidden && !e.orphaned) {
    const badge = element('span', 'badge');
    badge.textContent = words['side.hidden'];
    button.append(badge);
  }
  if (context) {
    const line = element('span', 'span-context');
    line.dir = context.direction;
    line.dataset.testid = 'entity-context';
    const mark = element('mark');
    mark.textContent = context.span;
    line.append(context.before, mark, context.after);
    button.append(line);
  }
  li.append(button);
  return li;
}

/**
 * The side panel (its tabs, the Entities tab current, and its list) for `list`, with the workspace's `labels` first:
 * every label with its count, and the rows that fill `heightPx` (the rest are out of view until the app's list, which
 * has them all, takes its place).
 */
export function earlyPanel(
  list: EntityListStart,
  labels: readonly string[],
  locale: Locale,
  heightPx: number,
): HTMLElement {
  const words = EARLY_PANEL_WORDS[locale];
  const aside = element('aside', 'side-panel');
  aside.setAttribute('aria-label', words['side.annotations']);
  const tabs = element('div', 'tabs');
  tabs.setAttribute('role', 'tablist');
  const entities = list.groups.reduce((n, g) => n + g.count, 0);
  for (const [id, count] of [
    ['entities', entities],
    ['quotes', list.quotes],
    ['cleanup', null],
  ] as const) {
    const tab = element('button', id === 'entities' ? 'current' : undefined);
    tab.setAttribute('role', 'tab');
    tab.dataset.tab = id;
    tab.setAttribute('aria-selected', String(id === 'entities'));
    tab.append(words[`side.${id}`]);
    if (count !== null) tab.append(countOf(count));
    tabs.append(tab);
  }
  const body = element('div', 'tab-body');
  body.setAttribute('role', 'tabpanel');
  const groups = element('div', 'span-groups');
  const ordered = workspaceOrder(list.groups, labels);
  const drawn = rowsInView(ordered, heightPx);
  for (const [i, group] of ordered.entries()) {
    const section = element('section', 'span-group');
    section.setAttribute('aria-label', group.label);
    const heading = element('h3');
    const chip = element('span', `label-chip ${labelClass(labels.indexOf(group.label))}`);
    chip.textContent = group.label;
    heading.append(chip, ' ', countOf(group.count));
    const ul = element('ul');
    for (const listed of group.first.slice(0, drawn[i])) ul.append(row(listed, words));
    section.append(heading, ul);
    groups.append(section);
  }
  body.append(groups);
  aside.append(tabs, body);
  return aside;
}
