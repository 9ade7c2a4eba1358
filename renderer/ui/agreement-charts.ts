// The agreement view's charts, drawn by uPlot on a canvas: a pairwise heatmap (each pair's value
// in its cell, on a colour scale from the panel's colour to the accent; below zero toward the
// danger colour) and grouped bars per label. uPlot sets sizes through the CSSOM, never a style
// attribute or a stylesheet of its own at run time, so the strict CSP (style-src 'self') holds;
// its stylesheet is bundled with ours. Colours come from the theme as the browser resolved them.
import type uPlot from 'uplot';

/**
 * uPlot, evaluated when a chart is first drawn: its module makes an Intl.NumberFormat and an Intl.DateTimeFormat
 * when it runs, the page's first of each (ICU's data loaded: 50–60 ms measured in headless Chromium), which app.js
 * paid before every first paint although only the agreement view draws charts.
 */
export function loadUPlot(): Promise<typeof uPlot> {
  return import('uplot').then((m) => m.default);
}

export interface ChartColors {
  text: string;
  grid: string;
  panel: string;
  first: string;
  second: string;
  danger: string;
}

/**
 * The theme's colours, resolved: the chart's box carries them as its text, border and outline colours
 * (app.css `.agreement-chart`), since a canvas cannot read `var()`.
 */
export function chartColors(box: HTMLElement): ChartColors {
  const c = getComputedStyle(box);
  return {
    text: c.color,
    grid: c.borderInlineStartColor,
    panel: c.backgroundColor,
    first: c.borderTopColor,
    second: c.borderBottomColor,
    danger: c.outlineColor,
  };
}

function rgb(color: string): [number, number, number] {
  const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [255, 255, 255];
}

/** A colour `share` (0–1) of the way from `from` to `to`. */
function mix(from: string, to: string, share: number): string {
  const a = rgb(from);
  const b = rgb(to);
  const k = Math.max(0, Math.min(1, share));
  return `rgb(${a.map((x, i) => Math.round(x + (b[i] - x) * k)).join(',')})`;
}

function readableOn(fill: string): string {
  const [r, g, b] = rgb(fill);
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1b1300' : '#ffffff';
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Names without the folder they share (`annotators/ali`, `annotators/sara` → `ali`, `sara`), for the axes. */
export function shortNames(names: readonly string[]): string[] {
  let prefix = names.length > 1 ? names[0].slice(0, names[0].lastIndexOf('/') + 1) : '';
  while (prefix && !names.every((n) => n.startsWith(prefix) && n.length > prefix.length))
    prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return names.map((n) => {
    const s = n.slice(prefix.length);
    return s.length > 16 ? `…${s.slice(-15)}` : s;
  });
}

/**
 * The heatmap: `values[i][j]` between versions i and j (null: not measured; the diagonal is left
 * blank), version 0 on the top row. Resolves to the chart, to destroy when the box goes.
 */
export async function heatmap(
  box: HTMLElement,
  names: readonly string[],
  values: readonly (readonly (number | null)[])[],
  colors: ChartColors,
  format: (x: number | null) => string,
): Promise<uPlot> {
  const UPlot = await loadUPlot();
  const n = names.length;
  const px = devicePixelRatio || 1;
  const row = (y: number) => n - 1 - y;
  const short = shortNames(names);
  const axis = (label: (i: number) => string): uPlot.Axis => ({
    stroke: colors.text,
    grid: { show: false },
    ticks: { show: false },
    splits: () => indexes(n),
    values: (_u, splits) => splits.map((s) => label(s)),
    size: 40,
  });
  return new UPlot(
    {
      width: Math.min(680, 110 * n + 140),
      height: Math.min(460, 64 * n + 50),
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: [-0.5, n - 0.5] } },
      axes: [axis((i) => short[i] ?? ''), { ...axis((i) => short[row(i)] ?? ''), size: 120 }],
      series: [{}, { show: false }],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.font = `${12 * px}px sans-serif`;
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++) {
                const x0 = u.valToPos(i - 0.5, 'x', true);
                const x1 = u.valToPos(i + 0.5, 'x', true);
                const y0 = u.valToPos(row(j) + 0.5, 'y', true);
                const y1 = u.valToPos(row(j) - 0.5, 'y', true);
                const v = i === j ? null : values[i][j];
                const fill =
                  v === null
                    ? colors.grid
                    : v < 0
                      ? mix(colors.panel, colors.danger, -v)
                      : mix(colors.panel, colors.first, v);
                ctx.fillStyle = fill;
                ctx.fillRect(x0 + px, y0 + px, x1 - x0 - 2 * px, y1 - y0 - 2 * px);
                ctx.fillStyle = readableOn(fill);
                ctx.fillText(i === j ? '—' : format(v), (x0 + x1) / 2, (y0 + y1) / 2);
              }
            ctx.restore();
          },
        ],
      },
    },
    [indexes(n), indexes(n).map(() => null)],
    box,
  );
}

/** Grouped bars per label: two series (e.g. Fleiss' κ and mean F1), each value printed above its bar. */
export async function labelBars(
  box: HTMLElement,
  labels: readonly string[],
  first: readonly (number | null)[],
  second: readonly (number | null)[],
  colors: ChartColors,
  names: [string, string],
): Promise<uPlot> {
  const UPlot = await loadUPlot();
  const n = labels.length;
  const low = Math.min(0, ...first.map((x) => x ?? 0), ...second.map((x) => x ?? 0));
  const bars = UPlot.paths.bars!;
  return new UPlot(
    {
      width: Math.min(620, Math.max(280, 80 * n + 80)),
      height: 220,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.6, n - 0.4] }, y: { range: [low, 1] } },
      axes: [
        {
          stroke: colors.text,
          grid: { show: false },
          splits: () => indexes(n),
          values: (_u, splits) => splits.map((s) => labels[s] ?? ''),
        },
        { stroke: colors.text, grid: { stroke: colors.grid, width: 1 }, size: 44 },
      ],
      series: [
        {},
        {
          label: names[0],
          fill: colors.first,
          stroke: colors.first,
          paths: bars({ size: [0.38, 48], align: -1 }),
          points: { show: false },
        },
        {
          label: names[1],
          fill: colors.second,
          stroke: colors.second,
          paths: bars({ size: [0.38, 48], align: 1 }),
          points: { show: false },
        },
      ],
    },
    [indexes(n), first.map((x) => x), second.map((x) => x)],
    box,
  );
}
