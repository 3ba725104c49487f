/**
 * Account messages (first account details, password-reset codes) go through the notification
 * outbox of `notify/`, as messages already expanded: the worker sends them like any other, by
 * email or SMS, and records them skipped when the channel is not configured.
 */
import { randomToken } from '@motcua/crypto';
import type { NewMessage } from '../notify/outbox-store.ts';
import type { SyncStore } from '../store/types.ts';

export interface AccountContact {
  email?: string | null;
  phone?: string | null;
}

/** Queues one message per known contact channel; returns the outbox event id. */
export async function sendAccountNotice(
  store: Pick<SyncStore, 'outbox'>,
  userId: string,
  kind: 'account.registered' | 'account.reset_code',
  contact: AccountContact,
  subject: string,
  body: string,
): Promise<string> {
  const eventId = `${kind}:${userId}:${randomToken(8)}`;
  const messages: NewMessage[] = [];
  if (contact.email) messages.push({ channel: 'email', recipient: contact.email, subject, body });
  if (contact.phone) messages.push({ channel: 'sms', recipient: contact.phone, subject, body: `${subject}. ${body}` });
  await store.outbox.enqueue([{ eventId, dossierId: '', type: kind, event: { userId } }]);
  await store.outbox.expand(eventId, messages);
  return eventId;
}
