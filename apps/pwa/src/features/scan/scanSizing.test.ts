import { describe, expect, it } from 'vitest';
import { A4_POINTS, cropRect, encodeWithinBudget, fitToA4, pageBudget, placeOnPage, rotatedSize, SCAN_BUDGET_BYTES } from './scanSizing.ts';

describe('scan sizing', () => {
  it('fits a phone photo to A4 at 150 dpi, keeping the aspect', () => {
    expect(fitToA4({ width: 3024, height: 4032 })).toEqual({ width: 1241, height: 1655 });
    expect(fitToA4({ width: 4032, height: 3024 })).toEqual({ width: 1655, height: 1241 });
    expect(fitToA4({ width: 2480, height: 3508 })).toEqual({ width: 1240, height: 1754 });
  });

  it('never enlarges a small image', () => {
    expect(fitToA4({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
  });

  it('rotates and crops', () => {
    expect(rotatedSize({ width: 10, height: 20 }, 1)).toEqual({ width: 20, height: 10 });
    expect(rotatedSize({ width: 10, height: 20 }, -2)).toEqual({ width: 10, height: 20 });
    expect(cropRect({ width: 1000, height: 2000 }, { top: 0.1, right: 0.05, bottom: 0, left: 0.05 })).toEqual({ x: 50, y: 200, width: 900, height: 1800 });
    expect(cropRect({ width: 100, height: 100 }, { top: 0.9, right: 0, bottom: 0.9, left: 0 }).height).toBe(10);
  });

  it('splits the 300 KB budget between pages with a floor', () => {
    expect(pageBudget(1)).toBe(SCAN_BUDGET_BYTES - 8 * 1024);
    expect(pageBudget(10)).toBe(120 * 1024);
  });

  it('takes the best quality that fits the budget, else the smallest', async () => {
    const sizes: Record<number, number> = { 0.72: 400_000, 0.62: 310_000, 0.52: 250_000, 0.42: 200_000, 0.34: 150_000 };
    const fits = await encodeWithinBudget(async (q) => ({ size: sizes[q]! }), 292 * 1024);
    expect(fits).toEqual({ result: { size: 250_000 }, quality: 0.52 });
    const none = await encodeWithinBudget(async (q) => ({ size: sizes[q]! + 1_000_000 }), 1000);
    expect(none.quality).toBe(0.34);
  });

  it('centres an image on an A4 page of its orientation', () => {
    const portrait = placeOnPage({ width: 1240, height: 1653 });
    expect(portrait.page).toEqual(A4_POINTS);
    expect(portrait.width).toBeCloseTo(595.28);
    expect(placeOnPage({ width: 2000, height: 1000 }).page.width).toBeCloseTo(A4_POINTS.height);
  });
});
