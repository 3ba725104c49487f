/**
 * Sizing and quality of scanned pages: fit each page to A4 at about 150 dpi, never upscale, and
 * pick the best JPEG quality that keeps the page within its byte budget (a one-page A4 scan under
 * 300 KB stays legible at these settings).
 */

/** A4 in inches. */
const A4_INCHES = { short: 8.27, long: 11.69 } as const;
/** A4 in PDF points (1/72 inch). */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;
export const DEFAULT_DPI = 150;
/** The whole scan aims under this, in bytes. */
export const SCAN_BUDGET_BYTES = 300 * 1024;
/** JPEG qualities tried, best first. */
export const QUALITY_STEPS = [0.72, 0.62, 0.52, 0.42, 0.34] as const;

export interface Size {
  width: number;
  height: number;
}

/** Margins cut off each side, as fractions of the width/height (0 ≤ x < 0.45). */
export interface Crop {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_CROP: Crop = { top: 0, right: 0, bottom: 0, left: 0 };

/** The size after `quarterTurns` clockwise quarter turns. */
export function rotatedSize(size: Size, quarterTurns: number): Size {
  return ((quarterTurns % 4) + 4) % 2 === 1 ? { width: size.height, height: size.width } : size;
}

/** The source rectangle left after cropping (pixels, rounded, at least 1×1). */
export function cropRect(size: Size, crop: Crop): { x: number; y: number; width: number; height: number } {
  const clamp = (v: number) => Math.min(Math.max(v, 0), 0.45);
  const x = Math.round(size.width * clamp(crop.left));
  const y = Math.round(size.height * clamp(crop.top));
  const width = Math.max(1, size.width - x - Math.round(size.width * clamp(crop.right)));
  const height = Math.max(1, size.height - y - Math.round(size.height * clamp(crop.bottom)));
  return { x, y, width, height };
}

/**
 * The pixel size to encode a page at: the image scaled to fit A4 at `dpi` in its own orientation,
 * aspect kept, never enlarged.
 *
 * @example
 * fitToA4({ width: 3024, height: 4032 }) // → { width: 1241, height: 1655 }
 */
export function fitToA4(size: Size, dpi = DEFAULT_DPI): Size {
  const portrait = size.height >= size.width;
  const maxW = Math.round((portrait ? A4_INCHES.short : A4_INCHES.long) * dpi);
  const maxH = Math.round((portrait ? A4_INCHES.long : A4_INCHES.short) * dpi);
  const scale = Math.min(1, maxW / size.width, maxH / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** Byte budget of each page of a scan of `pages` pages (a floor keeps long scans legible). */
export function pageBudget(pages: number, total = SCAN_BUDGET_BYTES): number {
  return Math.max(120 * 1024, Math.floor((total - 8 * 1024) / Math.max(1, pages)));
}

/**
 * Encodes at the qualities of `QUALITY_STEPS` until the result fits `budget`; returns the first
 * that fits, else the smallest tried.
 */
export async function encodeWithinBudget<T extends { size: number }>(encode: (quality: number) => Promise<T>, budget: number): Promise<{ result: T; quality: number }> {
  let best: { result: T; quality: number } | null = null;
  for (const quality of QUALITY_STEPS) {
    const result = await encode(quality);
    if (result.size <= budget) return { result, quality };
    if (!best || result.size < best.result.size) best = { result, quality };
  }
  return best!;
}

/** Where an image of `size` points sits on an A4 page (centred, fitted), in PDF points. */
export function placeOnPage(size: Size): { page: Size; x: number; y: number; width: number; height: number } {
  const landscape = size.width > size.height;
  const page = landscape ? { width: A4_POINTS.height, height: A4_POINTS.width } : { ...A4_POINTS };
  const scale = Math.min(page.width / size.width, page.height / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  return { page, x: (page.width - width) / 2, y: (page.height - height) / 2, width, height };
}
