/**
 * The outbox worker: expands recorded events into per-channel messages once their dossier is on
 * the server, then sends due messages with retry and exponential backoff. Woken by new events on
 * the change bus and by a slow timer (for retries); one run at a time per process, and leases
 * keep two processes on one database from sending the same message together.
 */
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import type { SyncStore } from '../store/types.ts';
import type { ChangeBus } from '../sync/change-bus.ts';
import { DEFAULT_BACKOFF, nextAttemptAt, type BackoffPolicy } from './backoff.ts';
import { messagesFor } from './messages.ts';
import type { NotifyChannelName } from './outbox-store.ts';
import type { NotificationSender } from './senders.ts';

export interface NotifyWorkerOptions {
  store: Pick<SyncStore, 'outbox' | 'documents'>;
  senders: NotificationSender[];
  log?: Logger;
  now?: () => Date;
  backoff?: BackoffPolicy;
  /** Timer period for retries; default 15 s. */
  pollMs?: number;
  /** How long a claimed message is reserved for this process; default 2 min. */
  leaseMs?: number;
  bus?: ChangeBus;
}

export interface RunReport {
  expanded: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface NotifyWorker {
  /** One pass: expand due events, send due messages. */
  runOnce(): Promise<RunReport>;
  /** Runs soon (coalesces calls). */
  wake(): void;
  start(): void;
  stop(): Promise<void>;
}

/** A dossier not yet on the server is awaited with a short, growing delay (max 1 min). */
const awaitDossierDelay = (attempts: number) => Math.min(60_000, 500 * 2 ** Math.min(attempts, 7));
/** Deferrals while the dossier lacks its code; after that the message goes out without it. */
const MAX_CODE_WAITS = 10;

export function createNotifyWorker(options: NotifyWorkerOptions): NotifyWorker {
  const { store } = options;
  const log = options.log ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const senders = new Map<NotifyChannelName, NotificationSender>(options.senders.map((s) => [s.channel, s]));
  let running: Promise<RunReport> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let unsubscribe: Array<() => void> = [];
  // Wakes scheduled but not run yet: a stopped worker runs none (the store may be closed by then).
  const wakes = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;

  async function expandDue(report: RunReport): Promise<void> {
    for (const item of await store.outbox.dueEvents(now(), 100)) {
      const doc = await store.documents.get('dossiers', item.dossierId);
      const dossier = doc && !doc.deleted ? doc.data : null;
      const waitingForCode = dossier && dossier.code === null && Number(item.event.toStatus) >= 2 && item.attempts < MAX_CODE_WAITS;
      if (!dossier || waitingForCode) {
        await store.outbox.defer(item.eventId, new Date(now().getTime() + awaitDossierDelay(item.attempts)));
        continue;
      }
      const messages = messagesFor(item.event, dossier).map((m) =>
        !m.skipped && !senders.has(m.channel) ? { ...m, skipped: 'channel_not_configured' } : m,
      );
      await store.outbox.expand(item.eventId, messages);
      report.expanded++;
      report.skipped += messages.filter((m) => m.skipped).length;
    }
  }

  async function sendDue(report: RunReport): Promise<void> {
    const claimed = await store.outbox.claim(now(), 50, options.leaseMs ?? 120_000);
    for (const message of claimed) {
      const sender = senders.get(message.channel);
      if (!sender) {
        await store.outbox.markSkipped(message.eventId, message.channel, 'channel_not_configured');
        report.skipped++;
        continue;
      }
      try {
        await sender.send({
          to: message.recipient,
          subject: message.subject,
          text: message.body,
          idempotencyKey: `${message.eventId}.${message.channel}`,
        });
        await store.outbox.markSent(message.eventId, message.channel, now());
        report.sent++;
      } catch (error) {
        const retryAt = nextAttemptAt(now(), message.attempts, backoff);
        await store.outbox.markFailed(message.eventId, message.channel, String((error as Error)?.message ?? error), retryAt);
        log.warn('notification failed', { eventId: message.eventId, channel: message.channel, attempt: message.attempts, retryAt: retryAt?.toISOString() ?? null });
        report.failed++;
      }
    }
  }

  async function pass(): Promise<RunReport> {
    const report: RunReport = { expanded: 0, sent: 0, failed: 0, skipped: 0 };
    await expandDue(report);
    await sendDue(report);
    return report;
  }

  const worker: NotifyWorker = {
    runOnce() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          let report = await pass();
          while (again) {
            again = false;
            report = await pass();
          }
          return report;
        } finally {
          running = null;
        }
      })();
      return running;
    },
    wake() {
      if (stopped) return;
      const id = setTimeout(() => {
        wakes.delete(id);
        worker.runOnce().catch((error) => log.error('notify worker', { error: String(error) }));
      }, 50);
      wakes.add(id);
    },
    start() {
      stopped = false;
      timer = setInterval(() => worker.wake(), options.pollMs ?? 15_000);
      timer.unref?.();
      if (options.bus) unsubscribe = [options.bus.subscribe('events', () => worker.wake()), options.bus.subscribe('dossiers', () => worker.wake())];
      worker.wake();
    },
    async stop() {
      stopped = true;
      for (const id of wakes) clearTimeout(id);
      wakes.clear();
      clearInterval(timer);
      for (const off of unsubscribe) off();
      unsubscribe = [];
      // A pass that fails has logged itself (runOnce's caller); stopping only waits for it to end.
      await running?.catch(() => undefined);
      for (const sender of options.senders) await sender.close?.();
    },
  };
  return worker;
}
