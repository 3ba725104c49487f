/**
 * The channel adapters, all behind one small interface: email through SMTP (nodemailer), SMS and
 * Zalo through an HTTP gateway (POST JSON with a bearer key), as SMS brands and the Zalo
 * Notification Service are reached in practice.
 */
import nodemailer from 'nodemailer';
import type { NotifyChannelName } from './outbox-store.ts';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per (event, channel): gateways that de-duplicate use it. */
  idempotencyKey: string;
}

export interface NotificationSender {
  readonly channel: NotifyChannelName;
  /** Resolves when the message was handed over; throws on failure (the worker retries). */
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

/**
 * Email through an SMTP server. `url` as nodemailer reads it: `smtp://user:pass@host:587`,
 * `smtps://…:465`; add `?ignoreTLS=true` for a plain local relay.
 */
export function smtpSender(options: { url: string; from: string }): NotificationSender {
  const transport = nodemailer.createTransport(options.url);
  return {
    channel: 'email',
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.idempotencyKey}@motcua>`,
      });
    },
    async close() {
      transport.close();
    },
  };
}

/** A gateway answered with something other than 2xx. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly channel: NotifyChannelName,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * SMS or Zalo through an HTTP gateway: `POST url` with `Authorization: Bearer <key>` and the JSON
 * body `{ channel, to, subject, text, idempotencyKey }`.
 */
export function httpSender(
  channel: Exclude<NotifyChannelName, 'email'>,
  options: { url: string; key: string; fetch?: typeof fetch; timeoutMs?: number },
): NotificationSender {
  const doFetch = options.fetch ?? fetch;
  return {
    channel,
    async send(message) {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.key}`, 'Idempotency-Key': message.idempotencyKey },
        body: JSON.stringify({ channel, to: message.to, subject: message.subject, text: message.text, idempotencyKey: message.idempotencyKey }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (!response.ok) {
        throw new GatewayError(channel, response.status, `${channel} gateway answered ${response.status}`);
      }
    },
  };
}

export interface NotifyConfig {
  smtpUrl: string | null;
  mailFrom: string;
  smsUrl: string | null;
  smsKey: string | null;
  zaloUrl: string | null;
  zaloKey: string | null;
}

/** The senders the configuration enables; a channel left out is recorded as skipped. */
export function sendersFromConfig(config: NotifyConfig): NotificationSender[] {
  const senders: NotificationSender[] = [];
  if (config.smtpUrl) senders.push(smtpSender({ url: config.smtpUrl, from: config.mailFrom }));
  if (config.smsUrl && config.smsKey) senders.push(httpSender('sms', { url: config.smsUrl, key: config.smsKey }));
  if (config.zaloUrl && config.zaloKey) senders.push(httpSender('zalo', { url: config.zaloUrl, key: config.zaloKey }));
  return senders;
}
