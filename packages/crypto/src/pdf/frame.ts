/**
 * The page as a person sees it: a page with /Rotate is displayed turned, so "top-left" depends on
 * the rotation. `visualFrame` maps between what is seen (origin at the visible bottom-left) and
 * the page's own coordinates.
 * @module
 */
import type { PDFPage } from 'pdf-lib';

export interface VisualFrame {
  /** Visible width and height. */
  width: number;
  height: number;
  /** [a b c d e f] taking visible coordinates to page coordinates. */
  matrix: [number, number, number, number, number, number];
  toPage(u: number, v: number): [number, number];
  toVisual(x: number, y: number): [number, number];
}

/** The frame of the page's crop box under its /Rotate (0, 90, 180 or 270, clockwise). */
export function visualFrame(page: PDFPage): VisualFrame {
  const box = page.getCropBox();
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as number;
  const { x: bx, y: by, width: W, height: H } = box;
  const [a, b, c, d, e, f] =
    rotation === 90
      ? [0, 1, -1, 0, bx + W, by]
      : rotation === 180
        ? [-1, 0, 0, -1, bx + W, by + H]
        : rotation === 270
          ? [0, -1, 1, 0, bx, by + H]
          : [1, 0, 0, 1, bx, by];
  const turned = rotation === 90 || rotation === 270;
  return {
    width: turned ? H : W,
    height: turned ? W : H,
    matrix: [a, b, c, d, e, f],
    toPage: (u, v) => [a * u + c * v + e, b * u + d * v + f],
    // The inverse of a rotation matrix is its transpose.
    toVisual: (x, y) => [a * (x - e) + b * (y - f), c * (x - e) + d * (y - f)],
  };
}
