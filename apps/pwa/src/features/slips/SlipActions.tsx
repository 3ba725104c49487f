/**
 * "In phiếu": the slip buttons of a dossier. Each makes the PDF on the device (offline too) and
 * opens it for the browser's print dialog.
 */
import { For, Show, createSignal } from 'solid-js';
import type { Agency, Dossier, Procedure } from '@motcua/model';
import type { SlipKind } from '@motcua/model/slips';
import { useDatabase } from '../../lib/useDatabase.ts';
import { SLIP_FILE_NAMES, SLIP_LABELS, availableSlips } from './availableSlips.ts';

export interface SlipActionsProps {
  dossier: Dossier;
  /** Only these kinds (default: every slip the dossier has grounds for). */
  kinds?: SlipKind[];
}

export function SlipActions(props: SlipActionsProps) {
  const { db, user } = useDatabase();
  const [busy, setBusy] = createSignal<SlipKind | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const kinds = () => props.kinds ?? availableSlips(props.dossier);

  async function print(kind: SlipKind): Promise<void> {
    setBusy(kind);
    setError(null);
    try {
      const d = props.dossier;
      const agency = (await db.agencies.findOne(d.agencyId).exec())?.toMutableJSON() as Agency | undefined;
      const procedure = (await db.procedures.findOne(d.procedureId).exec())?.toMutableJSON() as Procedure | undefined;
      const { makeSlip, openPdf } = await import('./makeSlip.ts');
      const bytes = await makeSlip({
        kind,
        dossier: d,
        agency: agency ?? { name: 'Bộ phận tiếp nhận và trả kết quả', placeName: '' },
        procedure: procedure ?? null,
        officer: { name: user.fullName, phone: (agency as { phone?: string } | undefined)?.phone },
        lookupBase: `${location.origin}/tra-cuu-ho-so`,
      });
      openPdf(bytes, `${SLIP_FILE_NAMES[kind]}-${d.code ?? d.id}`);
    } catch (e) {
      setError(`Không tạo được phiếu: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Show when={kinds().length > 0}>
      <section class="panel" aria-labelledby="slips-title">
        <h2 id="slips-title" class="label">In phiếu</h2>
        <div class="actions">
          <For each={kinds()}>
            {(kind) => (
              <button type="button" class="button" disabled={busy() !== null} onClick={() => void print(kind)}>
                {busy() === kind ? 'Đang tạo phiếu…' : SLIP_LABELS[kind]}
              </button>
            )}
          </For>
        </div>
        <Show when={error()}>
          <p class="alert error" role="alert">{error()}</p>
        </Show>
      </section>
    </Show>
  );
}
