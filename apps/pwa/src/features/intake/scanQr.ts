/**
 * Reading a QR code from camera frames with jsQR, loaded on first use (it is bundled and cached by
 * the service worker, so scanning works offline).
 */

/** Decodes the QR code in an RGBA frame, or null when there is none. */
export type FrameDecoder = (rgba: Uint8ClampedArray, width: number, height: number) => string | null;

let decoder: Promise<FrameDecoder> | undefined;

/** Loads jsQR once. The text is decoded from the raw bytes as UTF-8 (the card's payload encoding). */
export function loadQrDecoder(): Promise<FrameDecoder> {
  decoder ??= import('jsqr').then(({ default: jsQR }) => (rgba, width, height) => {
    const found = jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' });
    if (!found) return null;
    if (found.binaryData?.length) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(found.binaryData));
      } catch {
        return found.data;
      }
    }
    return found.data;
  });
  return decoder;
}

/** Grabs the current video frame, scaled down to at most `maxWidth`, and decodes it. */
export function decodeVideoFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, decode: FrameDecoder, maxWidth = 960): string | null {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) return null;
  const scale = Math.min(1, maxWidth / w);
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return decode(image.data, image.width, image.height);
}
