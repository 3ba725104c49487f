import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { TEST_DATABASES } from '../store/test-databases.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { pullAll, push, type Doc } from '../routes/sync-test-helpers.ts';
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

let dossierCounter = 0;

/** An in-person reception at the Đắk La desk (a new dossier straight at status 2), with its event. */
async function receiveWithEvent(token: string, notify = { email: true, sms: false, zalo: false }) {
  const template = (await pullAll(t, token, 'dossiers')).find((d) => d.agencyId === '001.29.00.H34');
  if (!template) throw new Error('no demo dossier');
  const at = new Date();
  // A new dossier made from the template's fields: without its content, which the server seeds.
  const { content: _content, ...fields } = template;
  const dossier: Doc = {
    ...fields, id: `ds-notify-${++dossierCounter}`, code: null, status: 2, channel: 1, submittedAt: null,
    receivedAt: at.toISOString(), dueAt: new Date(at.getTime() + 3 * 86_400_000).toISOString(), decision: null,
    notify, applicant: { ...(template.applicant as object), email: 'an@example.vn', phone: '0912345678' },
    stepIndex: -1, previousStatus: null, updatedAt: at.getTime(),
  };
  expect((await push(t, token, 'dossiers', [{ assumedMasterState: null, newDocumentState: dossier }])).status).toBe(200);
  const [sample] = await pullAll(t, token, 'events');
  const event: Doc = {
    ...sample!, id: `ev-notify-${dossierCounter}`, dossierId: dossier.id, ownerCccd: dossier.ownerCccd, agencyId: dossier.agencyId,
    type: 'v1.DossierReceived', fromStatus: 0, toStatus: 2, deviceSeq: 100 + dossierCounter, at: at.toISOString(), data: {},
    actor: { userId: 'u-motcua.dakla', name: 'Phạm Thị Hoa', role: 'receptionist' },
  };
  return { dossier, event };
}

describe.each(TEST_DATABASES)('the notification outbox on %s', (database) => {
  beforeAll(async () => {
    t = await createTestApp({}, { database });
  });
  afterAll(() => t?.close());

  it('emails once per event, even when it is pushed twice and from a second device', async () => {
    const deviceA = await t.token('motcua.dakla');
    const { event, dossier } = await receiveWithEvent(deviceA);
    const worker = createNotifyWorker({ store: t.store, senders: [smtpSender({ url: smtpUrl, from: 'Motcua <no-reply@motcua.local>' })] });
    expect((await push(t, deviceA, 'events', [{ assumedMasterState: null, newDocumentState: event }])).status).toBe(200);
    await worker.runOnce();
    // The same event again: a retried push, then another device of the desk that synced it offline.
    expect((await push(t, deviceA, 'events', [{ assumedMasterState: null, newDocumentState: event }])).status).toBe(200);
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'motcua.dakla', password: 'Demo@2026' } });
    const deviceB = ((await login.json()) as { accessToken: string }).accessToken;
    expect((await push(t, deviceB, 'events', [{ assumedMasterState: null, newDocumentState: event }])).status).toBe(200);
    await worker.runOnce();
    await worker.runOnce();
    await worker.stop();

    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual(['an@example.vn']);
    const code = (await pullAll(t, deviceA, 'dossiers')).find((d) => d.id === dossier.id)!.code as string;
    expect(code).toMatch(/^H34\.29\.2-\d{6}-\d{4}$/);
    const messages = await t.store.outbox.messages(event.id);
    expect(messages).toMatchObject([{ channel: 'email', status: 'sent', attempts: 1 }]);
    expect(messages[0]!.subject).toBe(`Đã tiếp nhận hồ sơ ${code}`);
    expect(decodeMail(inbox[0]!.raw)).toContain(`Cơ quan đã tiếp nhận hồ sơ ${code}`);
  });

  it('sends once when two server processes work the same outbox at the same time', async () => {
    const token = await t.token('motcua.dakla');
    const events = [];
    for (let i = 0; i < 3; i++) events.push((await receiveWithEvent(token)).event);
    expect((await push(t, token, 'events', events.map((e) => ({ assumedMasterState: null, newDocumentState: e })))).status).toBe(200);
    const sender = () => smtpSender({ url: smtpUrl, from: 'Motcua <no-reply@motcua.local>' });
    const a = createNotifyWorker({ store: t.store, senders: [sender()] });
    const b = createNotifyWorker({ store: t.store, senders: [sender()] });
    await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(inbox).toHaveLength(3);
  });

  it('records a chosen channel with no adapter configured as skipped', async () => {
    const token = await t.token('motcua.dakla');
    const { event } = await receiveWithEvent(token, { email: false, sms: true, zalo: true });
    expect((await push(t, token, 'events', [{ assumedMasterState: null, newDocumentState: event }])).status).toBe(200);
    const worker = createNotifyWorker({ store: t.store, senders: [] });
    expect(await worker.runOnce()).toMatchObject({ expanded: 1, sent: 0, skipped: 2 });
    const messages = await t.store.outbox.messages(event.id);
    expect(messages.map((m) => [m.channel, m.status, m.lastError])).toEqual([
      ['sms', 'skipped', 'channel_not_configured'],
      ['zalo', 'skipped', 'channel_not_configured'],
    ]);
  });

  it('retries a failing adapter with exponential backoff, then gives up', async () => {
    const token = await t.token('motcua.dakla');
    const { event } = await receiveWithEvent(token, { email: false, sms: true, zalo: false });
    expect((await push(t, token, 'events', [{ assumedMasterState: null, newDocumentState: event }])).status).toBe(200);
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

    const { event: second } = await receiveWithEvent(token, { email: false, sms: true, zalo: false });
    await push(t, token, 'events', [{ assumedMasterState: null, newDocumentState: second }]);
    const broken: NotificationSender = { channel: 'sms', send: async () => Promise.reject(new Error('down')) };
    const giveUp = createNotifyWorker({ store: t.store, senders: [broken], now: () => new Date(clock), backoff: { baseMs: 1, maxMs: 1, maxAttempts: 2 } });
    await giveUp.runOnce();
    clock += 10;
    await giveUp.runOnce();
    expect(await t.store.outbox.messages(second.id)).toMatchObject([{ status: 'failed', attempts: 2, lastError: 'down' }]);
  });

  it('waits for the dossier when the event arrives first', async () => {
    const token = await t.token('motcua.dakla');
    const [sample] = await pullAll(t, token, 'events');
    const orphan = { ...sample!, id: 'ev-notify-orphan', dossierId: 'not-yet-here', type: 'v1.DossierRejected', deviceSeq: 999, actor: { userId: 'u-motcua.dakla', name: 'Phạm Thị Hoa', role: 'receptionist' } };
    expect((await push(t, token, 'events', [{ assumedMasterState: null, newDocumentState: orphan }])).status).toBe(200);
    const worker = createNotifyWorker({ store: t.store, senders: [] });
    expect(await worker.runOnce()).toMatchObject({ expanded: 0 });
    expect(await t.store.outbox.messages('ev-notify-orphan')).toEqual([]);
  });
});
