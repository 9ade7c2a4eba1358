// The colour checks the label palettes are held to: WCAG contrast, CIEDE2000 against the published
// test pairs (Sharma, Wu & Dalal 2005), and the colour-vision simulation (Machado et al. 2009).
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  deltaE2000,
  mix,
  paletteReport,
  parseHex,
  simulate,
  toHex,
  toLab,
  visibleDifference,
} from '../../shared/color-vision';

describe('colour vision', () => {
  it('WCAG contrast: black on white is 21:1, #767676 on white just passes 4.5:1, #777 just fails', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#767676'), parseHex('#fff'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(parseHex('#777777'), parseHex('#ffffff'))).toBeLessThan(4.5);
    expect(contrastRatio([10, 20, 30], [10, 20, 30])).toBe(1);
  });

  it('CIEDE2000 gives the published values of Sharma’s test pairs', () => {
    const pairs: [number[], number[], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [56, -27, -3], 31.903],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
    ];
    for (const [a, b, expected] of pairs) {
      expect(deltaE2000(a, b)).toBeCloseTo(expected, 3);
      expect(deltaE2000(b, a)).toBeCloseTo(expected, 3);
    }
  });

  it('sRGB to L*a*b*: white is L 100, black L 0, mid grey has no hue', () => {
    expect(toLab([255, 255, 255])[0]).toBeCloseTo(100, 2);
    expect(toLab([0, 0, 0])[0]).toBeCloseTo(0, 5);
    const grey = toLab([119, 119, 119]);
    expect(Math.abs(grey[1]) + Math.abs(grey[2])).toBeLessThan(0.01);
  });

  it('the simulation keeps greys, and folds red into green for protanopia and deuteranopia but not tritanopia', () => {
    for (const v of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      const grey = simulate([128, 128, 128], v);
      for (const c of grey) expect(c).toBeCloseTo(128, 0);
    }
    // The paper's matrices on pure red (linear RGB in, sRGB out).
    expect(simulate([255, 0, 0], 'protanopia').map(Math.round)).toEqual([109, 95, 0]);
    expect(simulate([255, 0, 0], 'deuteranopia').map(Math.round)).toEqual([163, 144, 0]);
    const red = parseHex('#c66');
    const green = parseHex('#6a6');
    const normal = visibleDifference(red, green, 'normal');
    expect(visibleDifference(red, green, 'protanopia')).toBeLessThan(normal / 3);
    expect(visibleDifference(red, green, 'deuteranopia')).toBeLessThan(normal / 3);
    expect(visibleDifference(red, green, 'tritanopia')).toBeGreaterThan(normal / 2);
    // Blue and green fall together for tritanopia instead.
    expect(visibleDifference(parseHex('#3c8dde'), parseHex('#3fbf9f'), 'tritanopia')).toBeLessThan(
      visibleDifference(parseHex('#3c8dde'), parseHex('#3fbf9f'), 'normal') / 2,
    );
  });

  it('mix is CSS color-mix in srgb; hex round-trips', () => {
    expect(toHex(mix([255, 0, 0], [0, 0, 255], 0.25))).toBe('#4000bf');
    expect(toHex(parseHex('#1c1B19'))).toBe('#1c1b19');
    expect(() => parseHex('red')).toThrow(/not a #rgb/);
  });

  it('a palette report names the closest pair per vision, and the lowest text contrast', () => {
    const r = paletteReport({
      highlights: [parseHex('#d33'), parseHex('#4a4'), parseHex('#36c')],
      page: parseHex('#fff'),
      text: parseHex('#000'),
      selection: parseHex('#9bf'),
    });
    expect(r.labels.deuteranopia.pair).toEqual([0, 1]);
    expect(r.labels.deuteranopia.deltaE).toBeLessThan(r.labels.normal.deltaE);
    expect(r.textContrast).toBeCloseTo(contrastRatio([0, 0, 0], parseHex('#36c')), 5);
  });
});
