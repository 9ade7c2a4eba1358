// The progress view's charts as SVG trees: drawn by the editor (React, under the strict CSP: no
// script, no inline style, attributes only) and written into `tahrir stats --html` (serialized),
// from the same CorpusProgress. Small hand-made charts: three kinds, no library to load.
import type { CorpusProgress } from './corpus-progress';
import { inEnglish, type Say } from './i18n/message';
import { createTranslator, type Locale, type MessageKey } from './i18n/translator';
import type { DocumentStatus } from './model';

/** An SVG element: its attributes in camelCase (React's spelling; serialized in kebab-case) and its children. */
export interface SvgNode {
  tag: 'svg' | 'g' | 'rect' | 'text' | 'line' | 'title' | 'desc';
  attrs: Record<string, string | number>;
  children?: (SvgNode | string)[];
}

/** The words inside the charts: the editor passes its interface language's, `tahrir stats --html` its --lang's. */
export interface ChartWords {
  status: Record<DocumentStatus, string>;
  statusOverTime: string;
  entitiesPerLabel: string;
  documentsPerAnnotator: string;
  noneYet: string;
  /** Between the items of a chart's spoken summary (", ", "، "). */
  separator: string;
}

/** The charts' words from the message catalogs, in the language of `t`. */
export function chartWords(t: Say): ChartWords {
  return {
    status: { todo: t('status.todo'), in_progress: t('status.in_progress'), done: t('status.done') },
    statusOverTime: t('progress.status-over-time'),
    entitiesPerLabel: t('progress.labels'),
    documentsPerAnnotator: t('progress.annotators'),
    noneYet: t('progress.none-yet'),
    separator: t('app.list-separator'),
  };
}
export const ENGLISH_CHART_WORDS: ChartWords = chartWords((key, values) => inEnglish({ key, values }));
/** Distinct in lightness too (they read apart in grey and to the colour-blind): light grey, amber, dark green. */
export const STATUS_COLORS: Record<DocumentStatus, string> = {
  todo: '#cfcbc3',
  in_progress: '#d99a1e',
  done: '#2c7a4b',
};
const STACK: readonly DocumentStatus[] = ['done', 'in_progress', 'todo'];
const WIDTH = 560;
const FONT = 12;
const INK = '#3a3631';
const GRID = '#e2dfd8';

const el = (tag: SvgNode['tag'], attrs: SvgNode['attrs'], ...children: (SvgNode | string)[]): SvgNode => ({
  tag,
  attrs,
  children,
});
const text = (x: number, y: number, s: string, attrs: SvgNode['attrs'] = {}): SvgNode =>
  el('text', { x, y, fontSize: FONT, fill: INK, ...attrs }, s);

function frame(height: number, label: string, ...children: SvgNode[]): SvgNode {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'img',
      ariaLabel: label,
    },
    el('title', {}, label),
    ...children,
  );
}

/** Documents per status, a stacked bar per day of saving (the last bar: today's counts). */
export function statusOverTimeChart(p: CorpusProgress, words: ChartWords = ENGLISH_CHART_WORDS): SvgNode {
  const days = p.overTime.length > 0 ? p.overTime : [{ day: '', ...p.byStatus }];
  const left = 44;
  const top = 28;
  const plot = { width: WIDTH - left - 12, height: 170 };
  const total = Math.max(1, p.documents);
  const step = plot.width / days.length;
  const bar = Math.max(1, Math.min(40, step * 0.8));
  const bars = days.map((d, i) => {
    let y = top + plot.height;
    const x = left + i * step + (step - bar) / 2;
    const parts = STACK.map((status) => {
      const h = (d[status] / total) * plot.height;
      y -= h;
      return el(
        'rect',
        { x, y, width: bar, height: h, fill: STATUS_COLORS[status], dataStatus: status },
        el('title', {}, `${d.day}: ${d[status]} ${words.status[status]}`),
      );
    });
    return el('g', { dataDay: d.day }, ...parts);
  });
  const ticks = [0, Math.round(total / 2), total].filter((v, i, a) => a.indexOf(v) === i);
  const axis = ticks.map((v) => {
    const y = top + plot.height - (v / total) * plot.height;
    return el(
      'g',
      {},
      el('line', { x1: left, x2: WIDTH - 12, y1: y, y2: y, stroke: GRID }),
      text(left - 6, y + 4, String(v), { textAnchor: 'end' }),
    );
  });
  const labelled = days.length <= 6 ? days.map((_, i) => i) : [0, Math.floor((days.length - 1) / 2), days.length - 1];
  const dayLabels = labelled.map((i) =>
    text(left + i * step + step / 2, top + plot.height + 16, days[i].day, { textAnchor: 'middle' }),
  );
  const legend = STACK.map((status, i) =>
    el(
      'g',
      {},
      el('rect', { x: left + i * 110, y: 6, width: 12, height: 12, fill: STATUS_COLORS[status] }),
      text(left + i * 110 + 17, 16, `${words.status[status]} ${p.byStatus[status]}`),
    ),
  );
  return frame(
    top + plot.height + 26,
    `${words.statusOverTime}: ${STACK.map((s) => `${p.byStatus[s]} ${words.status[s]}`).join(words.separator)}`,
    ...axis,
    ...bars,
    ...dayLabels,
    ...legend,
  );
}

export interface BarRow {
  name: string;
  value: number;
  color: string;
  /** A darker part drawn over the bar's start (the done documents of an annotator's). */
  part?: { value: number; color: string; name: string };
}

/**
 * How wide a label is drawn, at most (no text measuring in shared/ code, nor under `tahrir stats --html`): digits and
 * Latin letters of a 12 px sans-serif are at most 0.62 em, Arabic letters narrower.
 */
export function labelWidth(s: string): number {
  return Array.from(s).length * FONT * 0.62;
}

/** A name cut to `width` with an ellipsis (a long annotator's name ran out of the chart's start edge). */
function fitted(name: string, width: number): string {
  const chars = Array.from(name);
  const most = Math.floor(width / labelWidth('m'));
  return chars.length <= most ? name : `${chars.slice(0, most - 1).join('')}…`;
}

/** Horizontal bars, one row each, the value written after the bar; the whole name in the bar's title. */
export function barChart(rows: readonly BarRow[], label: string, noneYet = ENGLISH_CHART_WORDS.noneYet): SvgNode {
  const row = 24;
  const left = 130;
  const number = (r: BarRow) => (r.part ? `${r.value} (${r.part.value} ${r.part.name})` : String(r.value));
  // Room after the longest bar for the longest number: a fixed 60 px cut "12 (7 done)" and its Arabic at the edge.
  const room = Math.max(0, ...rows.map((r) => labelWidth(number(r)))) + 12;
  const width = WIDTH - left - Math.max(40, room);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const drawn = rows.map((r, i) => {
    const y = i * row + 4;
    const w = (r.value / max) * width;
    return el(
      'g',
      { dataName: r.name, dataValue: r.value },
      text(left - 8, y + 13, fitted(r.name, left - 12), { textAnchor: 'end' }),
      el('rect', { x: left, y, width: w, height: row - 8, fill: r.color }, el('title', {}, `${r.name}: ${r.value}`)),
      ...(r.part
        ? [
            el(
              'rect',
              { x: left, y, width: (r.part.value / max) * width, height: row - 8, fill: r.part.color },
              el('title', {}, `${r.name}: ${r.part.value} ${r.part.name}`),
            ),
          ]
        : []),
      text(left + w + 6, y + 13, number(r)),
    );
  });
  if (rows.length === 0) drawn.push(el('g', {}, text(left, 16, noneYet)));
  return frame(Math.max(1, rows.length) * row + 8, label, ...drawn);
}

const listed = (items: string[], words: ChartWords) => items.join(words.separator) || words.noneYet;

/** Entities per label, in the label's colour. */
export function entitiesChart(
  p: CorpusProgress,
  colors: Readonly<Record<string, string>> = {},
  words: ChartWords = ENGLISH_CHART_WORDS,
): SvgNode {
  return barChart(
    p.entitiesByLabel.map((l) => ({ name: l.label, value: l.entities, color: colors[l.label] ?? '#9aa6b8' })),
    `${words.entitiesPerLabel}: ${listed(
      p.entitiesByLabel.map((l) => `${l.label} ${l.entities}`),
      words,
    )}`,
    words.noneYet,
  );
}

/** Documents per annotator, the done ones darker. */
export function annotatorsChart(p: CorpusProgress, words: ChartWords = ENGLISH_CHART_WORDS): SvgNode {
  return barChart(
    p.byAnnotator.map((a) => ({
      name: a.annotator,
      value: a.documents,
      color: '#9cc0e8',
      part: { value: a.done, color: '#2f5f9e', name: words.status.done },
    })),
    `${words.documentsPerAnnotator}: ${listed(
      p.byAnnotator.map((a) => `${a.annotator} ${a.documents}`),
      words,
    )}`,
    words.noneYet,
  );
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** SVG spells its attributes in kebab-case, but for viewBox. */
const kebab = (name: string) => (name === 'viewBox' ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/** The tree as SVG markup (attributes in their SVG spelling, every text escaped). */
export function svgMarkup(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${kebab(k)}="${escapeXml(String(typeof v === 'number' ? Math.round(v * 100) / 100 : v))}"`)
    .join('');
  const children = (node.children ?? []).map((c) => (typeof c === 'string' ? escapeXml(c) : svgMarkup(c))).join('');
  return `<${node.tag}${attrs}>${children}</${node.tag}>`;
}

/**
 * `tahrir stats --html`: one self-contained page (inline SVG and style, no script, nothing
 * fetched) with the three charts and their numbers as tables, in the words of `locale` (an Arabic
 * page reads right to left; the charts keep their left-to-right drawing, as in the editor).
 */
export function progressReportHtml(
  name: string,
  p: CorpusProgress,
  colors: Readonly<Record<string, string>> = {},
  generated = '',
  locale: Locale = 'en',
): string {
  const t = createTranslator(locale);
  const words = chartWords(t);
  const table = (caption: string, head: string[], rows: (string | number)[][], id: string) =>
    `<table id="${id}"><caption>${escapeXml(caption)}</caption><thead><tr>${head
      .map((h) => `<th scope="col">${escapeXml(h)}</th>`)
      .join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${escapeXml(String(c))}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const statuses: DocumentStatus[] = ['todo', 'in_progress', 'done'];
  // A message as HTML, its string values isolated (<bdi>): a Latin folder name or a time stamp keeps its
  // own order in an Arabic sentence.
  const isolated = (key: MessageKey, values: Record<string, string | number>) => {
    const marks = new Map<object, string>();
    const rich: Record<string, object | number> = {};
    for (const [k, v] of Object.entries(values)) {
      if (typeof v === 'number') rich[k] = v;
      else marks.set((rich[k] = {}), `<bdi>${escapeXml(v)}</bdi>`);
    }
    return t
      .rich<object>(key, rich)
      .map((part) => (typeof part === 'string' ? escapeXml(part) : (marks.get(part) ?? '')))
      .join('');
  };
  const note = escapeXml(t('progress.status-note', { n: p.documents }));
  const counted = generated ? ` ${isolated('report.counted', { when: generated })}` : '';
  return `<!doctype html>
<html lang="${locale}" dir="${t.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeXml(t('report.title', { name }))}</title>
<style>
body {
  font: 14px/1.5 'Noto Sans', 'Noto Naskh Arabic', system-ui, sans-serif;
  color: #23211e; background: #fff; margin: 24px auto; max-width: 640px; padding: 0 12px;
}
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
svg { display: block; max-width: 100%; height: auto; direction: ltr; }
table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
caption { text-align: start; color: #77716a; }
th, td { border-bottom: 1px solid #e2dfd8; padding: 2px 10px; text-align: start; }
.muted { color: #77716a; }
</style>
</head>
<body>
<h1>${isolated('report.title', { name })}</h1>
<p class="muted">${note}${counted}</p>
<h2>${escapeXml(words.statusOverTime)}</h2>
${svgMarkup(statusOverTimeChart(p, words))}
${table(
  t('report.by-status'),
  [t('report.column.status'), t('report.column.documents')],
  statuses.map((s) => [words.status[s], p.byStatus[s]]),
  'by-status',
)}
${table(
  t('report.by-day'),
  [t('report.column.day'), ...statuses.map((s) => words.status[s])],
  p.overTime.map((d) => [d.day, ...statuses.map((s) => d[s])]),
  'over-time',
)}
<h2>${escapeXml(words.entitiesPerLabel)}</h2>
${svgMarkup(entitiesChart(p, colors, words))}
${table(
  words.entitiesPerLabel,
  [t('report.column.label'), t('report.column.entities')],
  p.entitiesByLabel.map((l) => [l.label, l.entities]),
  'by-label',
)}
<h2>${escapeXml(words.documentsPerAnnotator)}</h2>
${svgMarkup(annotatorsChart(p, words))}
${table(
  words.documentsPerAnnotator,
  [t('report.column.annotator'), t('report.column.documents'), words.status.done],
  p.byAnnotator.map((a) => [a.annotator, a.documents, a.done]),
  'by-annotator',
)}
</body>
</html>
`;
}
