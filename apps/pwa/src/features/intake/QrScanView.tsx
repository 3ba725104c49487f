/**
 * "Quét mã": reads the QR code of a chip-based CCCD with the tablet's or the desk's webcam, or
 * from a handheld scanner that types into a box. A code that is not a CCCD payload is reported
 * and scanning goes on.
 */
import { Show, createSignal, onCleanup } from 'solid-js';
import { CccdQrError, parseCccdQr, type CccdQrData } from '@motcua/model';
import { decodeVideoFrame, loadQrDecoder } from './scanQr.ts';

export interface QrScanViewProps {
  onScan: (data: CccdQrData) => void;
}

function cameraProblem(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'NotAllowedError') return 'Chưa được cấp quyền dùng camera. Hãy cho phép camera trong trình duyệt rồi thử lại.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'Không tìm thấy camera trên thiết bị này.';
  return 'Không mở được camera. Có thể dùng máy quét cầm tay ở ô bên dưới.';
}

export function QrScanView(props: QrScanViewProps) {
  const [open, setOpen] = createSignal(false);
  const [status, setStatus] = createSignal<{ kind: 'info' | 'error' | 'ok'; text: string } | null>(null);
  const [typed, setTyped] = createSignal('');
  let video: HTMLVideoElement | undefined;
  const canvas = document.createElement('canvas');
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearTimeout(timer);
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    setOpen(false);
  }
  onCleanup(stop);

  function accept(text: string): boolean {
    let data: CccdQrData;
    try {
      data = parseCccdQr(text);
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof CccdQrError ? e.message : 'Không đọc được mã QR.' });
      return false;
    }
    props.onScan(data);
    setStatus({ kind: 'ok', text: `Đã đọc mã QR của thẻ CCCD số ${data.cccd}. Vui lòng đối chiếu từng thông tin với thẻ.` });
    return true;
  }

  async function start(): Promise<void> {
    setStatus({ kind: 'info', text: 'Đang mở camera…' });
    try {
      const decode = await loadQrDecoder();
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false });
      setOpen(true);
      video!.srcObject = stream;
      await video!.play();
      setStatus({ kind: 'info', text: 'Đưa mã QR trên thẻ CCCD vào khung hình.' });
      let last = '';
      const tick = () => {
        const text = video && stream ? decodeVideoFrame(video, canvas, decode) : null;
        if (text && text !== last) {
          last = text;
          if (accept(text)) return stop();
        }
        if (stream) timer = setTimeout(tick, 150);
      };
      tick();
    } catch (e) {
      stop();
      setStatus({ kind: 'error', text: cameraProblem(e) });
    }
  }

  return (
    <section class="qr-scan" aria-labelledby="qr-scan-title">
      <h3 id="qr-scan-title" class="label">Đọc mã QR trên thẻ CCCD</h3>
      <div class="actions">
        <Show when={!open()} fallback={<button type="button" class="button" onClick={stop}>Tắt camera</button>}>
          <button type="button" class="button" onClick={() => void start()}>
            Quét mã
          </button>
        </Show>
      </div>
      <div class="qr-video" hidden={!open()}>
        <video ref={video} muted playsinline aria-label="Hình ảnh từ camera" />
      </div>
      <div class="field">
        <label for="qr-text">Hoặc dùng máy quét cầm tay (quét vào ô này)</label>
        <input
          id="qr-text"
          type="text"
          autocomplete="off"
          value={typed()}
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (accept(typed())) setTyped('');
            }
          }}
        />
      </div>
      <Show when={status()}>
        {(s) => (
          <p class={`alert ${s().kind === 'error' ? 'error' : s().kind === 'ok' ? 'ok' : 'info'}`} role="status">
            {s().text}
          </p>
        )}
      </Show>
    </section>
  );
}
