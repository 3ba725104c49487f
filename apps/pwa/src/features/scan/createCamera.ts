/**
 * The device camera for scanning: starts the back camera with getUserMedia and captures frames
 * as image blobs; stops the stream when the owner is cleaned up.
 */
import { createSignal, onCleanup } from 'solid-js';

export function createCamera() {
  const [stream, setStream] = createSignal<MediaStream | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  async function start(video: HTMLVideoElement) {
    setError(null);
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 2480 }, height: { ideal: 3508 } },
        audio: false,
      });
      video.srcObject = media;
      await video.play();
      setStream(media);
    } catch (e) {
      setError(e instanceof Error && e.name === 'NotAllowedError'
        ? 'Chưa được phép dùng máy ảnh. Hãy cho phép trong cài đặt trình duyệt, hoặc chọn tệp ảnh.'
        : 'Không mở được máy ảnh trên thiết bị này; hãy chọn tệp ảnh hoặc PDF.');
    }
  }

  function stop() {
    stream()?.getTracks().forEach((t) => t.stop());
    setStream(null);
  }

  /** The current frame as a PNG blob (compressed later with the page's edits). */
  async function capture(video: HTMLVideoElement): Promise<Blob> {
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Không chụp được ảnh.'))), 'image/png'));
  }

  onCleanup(stop);
  return { stream, error, start, stop, capture };
}
