import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { TEST_DATABASES } from '../store/test-databases.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { dueIn, signIn, submitNew, testDevice, type SignedIn } from '../routes/action-test-helpers.ts';
import { pullAll, pullOne } from '../routes/sync-test-helpers.ts';
import { enqueueNotifications } from './enqueue.ts';
import { smtpSender, type NotificationSender, type OutgoingMessage } from './senders.ts';
import { createNotifyWorker } from './worker.ts';

/** The text of a quoted-printable or base64 UTF-8 mail body. */
function decodeMail(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).trim();
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

interface Received {
  to: string[];
  raw: string;
}

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Received[] = [];


beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});
beforeEach(() => {
  inbox.length = 0;
});

/**
 * An online dossier of An's, received at the Đắk La desk: the receive event (as the server stored
 * it, applied) is the one the citizen is told about.
 */
async function receivedDossier(desk: SignedIn, notify = { email: true, sms: false, zalo: false }) {
  const citizen = await signIn(t, '062099000123');
  const submitted = await submitNew(t, citizen, { notify, applicant: { email: 'an@example.vn', phone: '0912345678' } });
  const device = testDevice(t);
  const received = await device.act(...desk, await pullOne(t, desk[0], 'dossiers', submitted.id), { type: 'receive', dueAt: dueIn() });
  expect(received.stored?.outcome?.status).toBe('applied');
  return { dossierId: submitted.id, event: received.event, device };
}

describe.each(TEST_DATABASES)('the notification outbox on %s', (database) => {
  beforeAll(async () => {
    t = await createTestApp({}, { database });
  });
  afterAll(() => t?.close());

  it('emails once per event, even when its push is retried, also from a new session', async () => {
    const desk = await signIn(t, 'motcua.dakla');
    const { event, dossierId, device } = await receivedDossier(desk);
    const worker = createNotifyWorker({ store: t.store, senders: [smtpSender({ url: smtpUrl, from: 'Motcua <no-reply@motcua.local>' })] });
    await worker.runOnce();
    // The answer was lost: the device pushes the same event again, then again after signing in anew.
    expect((await device.pushEvents(desk[0], [event])).status).toBe(200);
    const login = await t.call('POST', '/api/auth/login', {
      body: { username: 'motcua.dakla', password: 'Demo@2026' }, headers: { 'X-Device-Id': device.deviceId },
    });
    const session = ((await login.json()) as { accessToken: string }).accessToken;
    expect((await device.pushEvents(session, [event])).status).toBe(200);
    await worker.runOnce();
    await worker.runOnce();
    await worker.stop();

    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual(['an@example.vn']);
    const code = (await pullOne(t, desk[0], 'dossiers', dossierId)).code as string;
    expect(code).toMatch(/^H34\.29\.2-\d{6}-\d{4}$/);
    const messages = await t.store.outbox.messages(event.id);
    expect(messages).toMatchObject([{ channel: 'email', status: 'sent', attempts: 1 }]);
    expect(messages[0]!.subject).toBe(`Đã tiếp nhận hồ sơ ${code}`);
    expect(decodeMail(inbox[0]!.raw)).toContain(`Cơ quan đã tiếp nhận hồ sơ ${code}`);
  });

  it('sends once when two server processes work the same outbox at the same time', async () => {
    const desk = await signIn(t, 'motcua.dakla');
    for (let i = 0; i < 3; i++) await receivedDossier(desk);
    const sender = () => smtpSender({ url: smtpUrl, from: 'Motcua <no-reply@motcua.local>' });
    const a = createNotifyWorker({ store: t.store, senders: [sender()] });
    const b = createNotifyWorker({ store: t.store, senders: [sender()] });
    await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(inbox).toHaveLength(3);
  });

  it('records a chosen channel with no adapter configured as skipped', async () => {
    const { event } = await receivedDossier(await signIn(t, 'motcua.dakla'), { email: false, sms: true, zalo: true });
    const worker = createNotifyWorker({ store: t.store, senders: [] });
    expect(await worker.runOnce()).toMatchObject({ expanded: 1, sent: 0, skipped: 2 });
    const messages = await t.store.outbox.messages(event.id);
    expect(messages.map((m) => [m.channel, m.status, m.lastError])).toEqual([
      ['sms', 'skipped', 'channel_not_configured'],
      ['zalo', 'skipped', 'channel_not_configured'],
    ]);
  });

  it('retries a failing adapter with exponential backoff, then gives up', async () => {
    const desk = await signIn(t, 'motcua.dakla');
    const { event } = await receivedDossier(desk, { email: false, sms: true, zalo: false });
    const tries: Array<{ at: number; message: OutgoingMessage }> = [];
    let clock = Date.now() + 1000;
    let failuresLeft = 2;
    const flaky: NotificationSender = {
      channel: 'sms',
      async send(message) {
        tries.push({ at: clock, message });
        if (failuresLeft-- > 0) throw new Error('gateway 503');
      },
    };
    const worker = createNotifyWorker({
      store: t.store, senders: [flaky], now: () => new Date(clock), backoff: { baseMs: 10_000, maxMs: 60_000, maxAttempts: 5 },
    });
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    clock += 9_000; // before the first backoff (10 s) is over: nothing
    expect(await worker.runOnce()).toMatchObject({ sent: 0, failed: 0 });
    clock += 1_000;
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    clock += 19_000; // the second backoff is 20 s
    expect(await worker.runOnce()).toMatchObject({ sent: 0, failed: 0 });
    clock += 1_000;
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(tries.map((x) => x.at - tries[0]!.at)).toEqual([0, 10_000, 30_000]);
    expect(tries[0]!.message).toMatchObject({ to: '0912345678', idempotencyKey: `${event.id}.sms` });
    expect(await t.store.outbox.messages(event.id)).toMatchObject([{ channel: 'sms', status: 'sent', attempts: 3 }]);

    const { event: second } = await receivedDossier(desk, { email: false, sms: true, zalo: false });
    const broken: NotificationSender = { channel: 'sms', send: async () => Promise.reject(new Error('down')) };
    const giveUp = createNotifyWorker({ store: t.store, senders: [broken], now: () => new Date(clock), backoff: { baseMs: 1, maxMs: 1, maxAttempts: 2 } });
    await giveUp.runOnce();
    clock += 10;
    await giveUp.runOnce();
    expect(await t.store.outbox.messages(second.id)).toMatchObject([{ status: 'failed', attempts: 2, lastError: 'down' }]);
  });

  it('waits for the dossier when the event arrives first', async () => {
    // A person's push stores the dossier with its event, so the outbox is fed directly here: the
    // worker must still never expand an event whose dossier it cannot read.
    const [sample] = await pullAll(t, await t.token('motcua.dakla'), 'events');
    const orphan = { ...sample!, id: 'ev-notify-orphan', dossierId: 'not-yet-here', type: 'v1.DossierRejected' };
    expect(await enqueueNotifications(t.store, 'events', [orphan])).toBe(1);
    const worker = createNotifyWorker({ store: t.store, senders: [] });
    expect(await worker.runOnce()).toMatchObject({ expanded: 0 });
    expect(await t.store.outbox.messages('ev-notify-orphan')).toEqual([]);
  });
});
