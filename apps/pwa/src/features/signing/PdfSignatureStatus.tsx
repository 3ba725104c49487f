/**
 * A file's signature status with its "Xem lịch sử ký số" button: verifies the PDF on the device
 * (lazily: pkijs and pdf code load only here) and shows the result.
 */
import { Show, createResource, createSignal } from 'solid-js';
import { SignatureHistoryDialog } from './SignatureHistoryDialog.tsx';
import { SignatureStatusView } from './SignatureStatusView.tsx';

export interface PdfSignatureStatusProps {
  fileName: string;
  /** Loads the PDF bytes (from the device or the server). */
  load: () => Promise<Uint8Array>;
}

export function PdfSignatureStatus(props: PdfSignatureStatusProps) {
  const [reports] = createResource(
    () => props.load,
    async (load) => {
      const [{ verifyPdf }, bytes] = await Promise.all([import('./index.ts'), load()]);
      return verifyPdf(bytes);
    },
  );
  const [showHistory, setShowHistory] = createSignal(false);
  return (
    <div class="pdf-signature-status">
      <SignatureStatusView
        reports={reports.error ? [] : (reports() ?? null)}
        error={reports.error ? (reports.error instanceof Error ? reports.error.message : String(reports.error)) : null}
      />{' '}
      <button type="button" class="button small" disabled={!reports()} onClick={() => setShowHistory(true)}>
        Xem lịch sử ký số
      </button>
      <Show when={showHistory() && reports()}>
        {(list) => <SignatureHistoryDialog fileName={props.fileName} reports={list()} onClose={() => setShowHistory(false)} />}
      </Show>
    </div>
  );
}
