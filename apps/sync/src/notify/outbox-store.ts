/**
 * The notification outbox over SQL (tables of migration 4). Two stages: an event that matters to
 * the citizen is recorded once (`notify_events`, keyed by event id); the worker expands it into one
 * message per chosen channel (`notify_messages`, keyed by event id + channel), so a second push of
 * the same event, from any device, never makes a second message.
 */
import type { SqlClient, SqlDriver } from '../store/sql.ts';

export type NotifyChannelName = 'email' | 'sms' | 'zalo';
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface OutboxEvent {
  eventId: string;
  dossierId: string;
  type: string;
  event: Record<string, unknown>;
  attempts: number;
}

export interface NewMessage {
  channel: NotifyChannelName;
  recipient: string;
  subject: string;
  body: string;
  /** `skipped` with a reason when there is nowhere to send (no address, channel not configured). */
  skipped?: string;
}

export interface OutboxMessage extends Omit<NewMessage, 'skipped'> {
  eventId: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface OutboxStore {
  /** Records events (idempotent); returns how many were new. */
  enqueue(events: Array<Omit<OutboxEvent, 'attempts'>>): Promise<number>;
  /** Pending events due by `now`. */
  dueEvents(now: Date, limit: number): Promise<OutboxEvent[]>;
  /** Writes the event's messages (existing ones are kept) and marks it expanded. */
  expand(eventId: string, messages: NewMessage[]): Promise<void>;
  /** Leaves the event pending until `nextAt` (its dossier has not arrived yet). */
  defer(eventId: string, nextAt: Date): Promise<void>;
  /** Takes due messages for sending, each leased until `now + leaseMs`; counts an attempt. */
  claim(now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  markSent(eventId: string, channel: NotifyChannelName, at: Date): Promise<void>;
  /** A failed attempt: retried at `nextAt`, or given up (`failed`) when null. */
  markFailed(eventId: string, channel: NotifyChannelName, error: string, nextAt: Date | null): Promise<void>;
  markSkipped(eventId: string, channel: NotifyChannelName, reason: string): Promise<void>;
  /** Messages, for an event or all, oldest first. */
  messages(eventId?: string): Promise<OutboxMessage[]>;
}

interface MessageRow {
  event_id: string;
  channel: NotifyChannelName;
  recipient: string;
  subject: string;
  body: string;
  status: MessageStatus;
  attempts: number;
  last_error: string | null;
  sent_at: Date | string | null;
}

const toMessage = (r: MessageRow): OutboxMessage => ({
  eventId: r.event_id,
  channel: r.channel,
  recipient: r.recipient,
  subject: r.subject,
  body: r.body,
  status: r.status,
  attempts: Number(r.attempts),
  lastError: r.last_error,
  sentAt: r.sent_at === null ? null : new Date(r.sent_at).toISOString(),
});

const MESSAGE_COLUMNS = 'event_id, channel, recipient, subject, body, status, attempts, last_error, sent_at';

async function insertMessage(sql: SqlClient, eventId: string, m: NewMessage): Promise<void> {
  await sql.query(
    `INSERT INTO notify_messages (event_id, channel, recipient, subject, body, status, last_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id, channel) DO NOTHING`,
    [eventId, m.channel, m.recipient, m.subject, m.body, m.skipped ? 'skipped' : 'pending', m.skipped ?? null],
  );
}

/** The outbox on the sync server's PostgreSQL (PGlite or a server). */
export function sqlOutboxStore(driver: SqlDriver): OutboxStore {
  return {
    async enqueue(events) {
      let added = 0;
      for (const e of events) {
        const rows = await driver.query(
          `INSERT INTO notify_events (event_id, dossier_id, type, event) VALUES ($1, $2, $3, $4)
           ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [e.eventId, e.dossierId, e.type, JSON.stringify(e.event)],
        );
        added += rows.length;
      }
      return added;
    },
    async dueEvents(now, limit) {
      const rows = await driver.query<{ event_id: string; dossier_id: string; type: string; event: unknown; attempts: number }>(
        `SELECT event_id, dossier_id, type, event, attempts FROM notify_events
         WHERE status = 'pending' AND next_at <= $1 ORDER BY created_at LIMIT $2`,
        [now.toISOString(), limit],
      );
      return rows.map((r) => ({
        eventId: r.event_id,
        dossierId: r.dossier_id,
        type: r.type,
        event: (typeof r.event === 'string' ? JSON.parse(r.event) : r.event) as Record<string, unknown>,
        attempts: Number(r.attempts),
      }));
    },
    async expand(eventId, messages) {
      await driver.transaction(async (sql) => {
        for (const m of messages) await insertMessage(sql, eventId, m);
        await sql.query(`UPDATE notify_events SET status = 'expanded' WHERE event_id = $1`, [eventId]);
      });
    },
    async defer(eventId, nextAt) {
      await driver.query('UPDATE notify_events SET attempts = attempts + 1, next_at = $2 WHERE event_id = $1', [
        eventId,
        nextAt.toISOString(),
      ]);
    },
    async claim(now, limit, leaseMs) {
      const rows = await driver.query<MessageRow>(
        `UPDATE notify_messages m SET status = 'sending', attempts = m.attempts + 1, lease_until = $2
         FROM (SELECT event_id, channel FROM notify_messages
               WHERE (status = 'pending' AND next_at <= $1) OR (status = 'sending' AND lease_until <= $1)
               ORDER BY next_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
         WHERE m.event_id = due.event_id AND m.channel = due.channel
         RETURNING m.event_id, m.channel, m.recipient, m.subject, m.body, m.status, m.attempts, m.last_error, m.sent_at`,
        [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit],
      );
      return rows.map(toMessage);
    },
    async markSent(eventId, channel, at) {
      await driver.query(
        `UPDATE notify_messages SET status = 'sent', sent_at = $3, lease_until = NULL, last_error = NULL
         WHERE event_id = $1 AND channel = $2`,
        [eventId, channel, at.toISOString()],
      );
    },
    async markFailed(eventId, channel, error, nextAt) {
      await driver.query(
        `UPDATE notify_messages SET status = $3, next_at = COALESCE($4, next_at), lease_until = NULL, last_error = $5
         WHERE event_id = $1 AND channel = $2`,
        [eventId, channel, nextAt ? 'pending' : 'failed', nextAt?.toISOString() ?? null, error.slice(0, 1000)],
      );
    },
    async markSkipped(eventId, channel, reason) {
      await driver.query(
        `UPDATE notify_messages SET status = 'skipped', lease_until = NULL, last_error = $3 WHERE event_id = $1 AND channel = $2`,
        [eventId, channel, reason],
      );
    },
    async messages(eventId) {
      const rows = eventId
        ? await driver.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM notify_messages WHERE event_id = $1 ORDER BY created_at, channel`, [eventId])
        : await driver.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM notify_messages ORDER BY created_at, channel`);
      return rows.map(toMessage);
    },
  };
}
