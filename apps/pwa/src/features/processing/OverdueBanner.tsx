/** The banner no officer can miss while the agency has overdue dossiers. */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { createAgencyQueues } from './createAgencyQueues.ts';
import './processing.css';

export function OverdueBanner() {
  const { queues } = createAgencyQueues();
  const count = () => queues().overdue.length;
  return (
    <Show when={count() > 0}>
      <div class="alert error overdue-banner" role="alert">
        <strong>Cơ quan đang có {count()} hồ sơ quá hạn.</strong> <A href="/xu-ly?hang=qua-han">Xem hồ sơ quá hạn</A>
      </div>
    </Show>
  );
}
