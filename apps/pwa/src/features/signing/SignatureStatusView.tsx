/**
 * The signature status of one file: "Chữ ký hợp lệ" with signer and time, "Chữ ký không hợp lệ"
 * with the reason, or "Chưa ký số". Props only.
 */
import { Show } from 'solid-js';
import type { SignatureReport } from '@motcua/crypto/pdf';
import { summarizeSignatures } from './signatureLabels.ts';

export interface SignatureStatusViewProps {
  /** Null while checking. */
  reports: readonly SignatureReport[] | null;
  /** A failure to check at all (e.g. no CA on the device yet). */
  error?: string | null;
}

export function SignatureStatusView(props: SignatureStatusViewProps) {
  return (
    <Show
      when={!props.error}
      fallback={
        <span class="badge warn" role="status">
          Chưa kiểm tra được chữ ký: {props.error}
        </span>
      }
    >
      <Show when={props.reports} fallback={<span class="badge draft" role="status">Đang kiểm tra chữ ký…</span>}>
        {(reports) => {
          const summary = () => summarizeSignatures(reports());
          return (
            <span role="status" class="signature-status">
              <span class={`badge ${summary().kind === 'valid' ? 'ok' : summary().kind === 'invalid' ? 'bad' : 'draft'}`}>{summary().title}</span>
              <Show when={summary().kind !== 'unsigned' && 'detail' in summary() ? (summary() as { detail: string }).detail : null}>
                {(detail) => <span class="muted"> {detail()}</span>}
              </Show>
            </span>
          );
        }}
      </Show>
    </Show>
  );
}
