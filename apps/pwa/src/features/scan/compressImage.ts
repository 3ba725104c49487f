/**
 * Turns a photo or image file into a compressed JPEG page: rotate, crop, downscale to A4 at
 * ~150 dpi, then the best JPEG quality within the page budget (canvas in the browser).
 */
import { cropRect, encodeWithinBudget, fitToA4, rotatedSize, type Crop } from './scanSizing.ts';

export interface PageEdit {
  /** Clockwise quarter turns. */
  turns: number;
  crop: Crop;
}

export interface JpegPage {
  bytes: Uint8Array;
  width: number;
  height: number;
  quality: number;
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Không nén được ảnh.'))), 'image/jpeg', quality),
  );
}

/** Compresses one image source (a file or a camera frame) into a JPEG page within `budget` bytes. */
export async function compressImage(source: Blob, edit: PageEdit, budget: number): Promise<JpegPage> {
  const bitmap = await createImageBitmap(source);
  try {
    const rect = cropRect({ width: bitmap.width, height: bitmap.height }, edit.crop);
    const turned = rotatedSize({ width: rect.width, height: rect.height }, edit.turns);
    const target = fitToA4(turned);
    const canvas = document.createElement('canvas');
    canvas.width = target.width;
    canvas.height = target.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Trình duyệt không hỗ trợ vẽ ảnh (canvas).');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, target.width, target.height);
    ctx.translate(target.width / 2, target.height / 2);
    ctx.rotate((((edit.turns % 4) + 4) % 4) * (Math.PI / 2));
    const scale = target.width / turned.width;
    const w = rect.width * scale;
    const h = rect.height * scale;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, -w / 2, -h / 2, w, h);
    const { result, quality } = await encodeWithinBudget((q) => toBlob(canvas, q), budget);
    return { bytes: new Uint8Array(await result.arrayBuffer()), width: target.width, height: target.height, quality };
  } finally {
    bitmap.close();
  }
}
