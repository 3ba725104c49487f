import { Show } from 'solid-js';
import { isOverdue, statusLabel, type Dossier } from '@motcua/model';

const TONE: Record<number, string> = { 0: 'draft', 1: 'new', 2: 'active', 3: 'bad', 4: 'active', 5: 'warn', 6: 'warn', 7: 'warn', 8: 'bad', 9: 'ok', 10: 'ok' };

/** The national status name, plus "Quá hạn" when the appointment date has passed. */
export function StatusBadge(props: { dossier: Dossier; now?: Date }) {
  return (
    <span class="badges">
      <span class={`badge ${TONE[props.dossier.status] ?? ''}`}>{statusLabel(props.dossier.status as Parameters<typeof statusLabel>[0])}</span>
      <Show when={isOverdue(props.dossier, props.now ?? new Date())}>
        <span class="badge bad">Quá hạn</span>
      </Show>
    </span>
  );
}
