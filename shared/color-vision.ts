// How label colours look to readers: WCAG contrast of text on a highlight, and how far apart two
// colours are (CIEDE2000) in normal vision and as simulated for protanopia, deuteranopia and
// tritanopia (Machado, Oliveira & Fernandes 2009, severity 1). The label palettes are checked
// with it (test/shared/color-vision.test.ts); nothing here touches the DOM.

/** A colour as sRGB components 0–255. */
export type Rgb = readonly [number, number, number];

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

type Matrix = readonly [Rgb, Rgb, Rgb];

/** Machado et al. 2009, severity 1.0, applied to linear RGB (as DaltonLens and colorspacious do). */
const MACHADO: Record<Exclude<Vision, 'normal'>, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** `#rgb` or `#rrggbb`; throws on anything else (the palettes are ours, a typo must fail the test). */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function toHex(c: Rgb): string {
  return `#${c
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** CSS `color-mix(in srgb, a p, b)`: `p` (0–1) of `a`, the rest `b`, in gamma-encoded sRGB. */
export function mix(a: Rgb, b: Rgb, p: number): Rgb {
  return [a[0] * p + b[0] * (1 - p), a[1] * p + b[1] * (1 - p), a[2] * p + b[2] * (1 - p)];
}

const toLinear = (v: number): number => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c: number): number => {
  const v = Math.min(1, Math.max(0, c));
  return 255 * (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055);
};

/** WCAG 2 relative luminance. */
export function luminance(c: Rgb): number {
  return 0.2126 * toLinear(c[0]) + 0.7152 * toLinear(c[1]) + 0.0722 * toLinear(c[2]);
}

/** WCAG 2 contrast ratio, 1–21 (text needs 4.5, large text 3). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour as a reader with `vision` sees it. */
export function simulate(c: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return c;
  const m = MACHADO[vision];
  const lin = c.map(toLinear);
  const row = (r: Rgb): number => fromLinear(r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2]);
  return [row(m[0]), row(m[1]), row(m[2])];
}

/** CIE L*a*b* (D65) of an sRGB colour. */
export function toLab(c: Rgb): [number, number, number] {
  const [r, g, b] = c.map(toLinear);
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deg = (rad: number): number => (rad * 180) / Math.PI;
const rad = (d: number): number => (d * Math.PI) / 180;

/**
 * CIEDE2000 colour difference of two L*a*b* colours (Sharma, Wu & Dalal 2005). About 2: barely seen; over 10: clearly
 * different.
 */
export function deltaE2000(lab1: readonly number[], lab2: readonly number[]): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number): number => (b === 0 && a === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));
  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = (h1p + h2p) / 2;
    else hbarp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos(rad(hbarp - 30)) +
    0.24 * Math.cos(rad(2 * hbarp)) +
    0.32 * Math.cos(rad(3 * hbarp + 6)) -
    0.2 * Math.cos(rad(4 * hbarp - 63));
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const Cbarp7 = Cbarp ** 7;
  const RC = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbarp - 50) ** 2) / Math.sqrt(20 + (Lbarp - 50) ** 2);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(rad(2 * dTheta)) * RC;
  return Math.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2 + RT * (dCp / SC) * (dHp / SH));
}

/** How far apart two colours look to a reader with `vision`. */
export function visibleDifference(a: Rgb, b: Rgb, vision: Vision): number {
  return deltaE2000(toLab(simulate(a, vision)), toLab(simulate(b, vision)));
}

/** A theme's highlights as painted: each label's background, the page, the text on them, the browser's selection. */
export interface PaintedPalette {
  /** The labels' highlight backgrounds as the reader sees them (composited over the page). */
  highlights: readonly Rgb[];
  page: Rgb;
  text: Rgb;
  selection: Rgb;
}

export interface PaletteReport {
  /** Per vision, the smallest CIEDE2000 difference between two labels' highlights, and which pair. */
  labels: Record<Vision, { deltaE: number; pair: [number, number] }>;
  /** Per vision, the smallest difference between a highlight and the selection colour, or the page. */
  selection: Record<Vision, number>;
  page: Record<Vision, number>;
  /** The lowest WCAG contrast of the text on a highlight, and on the selection. */
  textContrast: number;
  selectionContrast: number;
}

/** The figures a palette is judged by: distinct labels, distinct from the selection and the page, readable text. */
export function paletteReport(p: PaintedPalette): PaletteReport {
  const labels = {} as PaletteReport['labels'];
  const selection = {} as PaletteReport['selection'];
  const page = {} as PaletteReport['page'];
  for (const vision of VISIONS) {
    let least = { deltaE: Infinity, pair: [0, 0] as [number, number] };
    for (let i = 0; i < p.highlights.length; i++)
      for (let j = i + 1; j < p.highlights.length; j++) {
        const d = visibleDifference(p.highlights[i], p.highlights[j], vision);
        if (d < least.deltaE) least = { deltaE: d, pair: [i, j] };
      }
    labels[vision] = least;
    selection[vision] = Math.min(...p.highlights.map((h) => visibleDifference(h, p.selection, vision)));
    page[vision] = Math.min(...p.highlights.map((h) => visibleDifference(h, p.page, vision)));
  }
  return {
    labels,
    selection,
    page,
    textContrast: Math.min(...p.highlights.map((h) => contrastRatio(p.text, h))),
    selectionContrast: contrastRatio(p.text, p.selection),
  };
}
