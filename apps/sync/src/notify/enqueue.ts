/**
 * The push hook: events that matter to the citizen enter the outbox as soon as they are stored.
 * Idempotent by event id, so a retried push or a second device pushing the same event adds nothing.
 */
import type { CollectionName } from '@motcua/model';
import type { SyncStore } from '../store/types.ts';
import { notifiableEvents } from './messages.ts';

/** Records the batch's notifiable events; a no-op for other collections. */
export async function enqueueNotifications(
  store: Pick<SyncStore, 'outbox'>,
  collection: CollectionName,
  docs: Array<Record<string, unknown>>,
): Promise<number> {
  if (collection !== 'events') return 0;
  const events = notifiableEvents(docs);
  return events.length ? store.outbox.enqueue(events) : 0;
}
