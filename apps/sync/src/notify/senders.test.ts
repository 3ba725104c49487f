import { describe, expect, it } from 'vitest';
import { nextAttemptAt } from './backoff.ts';
import { messagesFor, notifiableEvents } from './messages.ts';
import { GatewayError, httpSender, sendersFromConfig } from './senders.ts';

describe('httpSender (SMS, Zalo)', () => {
  it('POSTs JSON with the bearer key and an idempotency key', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const sms = httpSender('sms', {
      url: 'https://sms.example.vn/send', key: 'secret',
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init! });
        return new Response('{}', { status: 202 });
      },
    });
    await sms.send({ to: '0912345678', subject: 'S', text: 'T', idempotencyKey: 'ev-1.sms' });
    expect(calls[0]!.url).toBe('https://sms.example.vn/send');
    expect(calls[0]!.init.headers).toMatchObject({ Authorization: 'Bearer secret', 'Idempotency-Key': 'ev-1.sms' });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ channel: 'sms', to: '0912345678', subject: 'S', text: 'T', idempotencyKey: 'ev-1.sms' });
  });

  it('throws on a non-2xx answer so the worker retries', async () => {
    const zalo = httpSender('zalo', { url: 'https://zns.example.vn', key: 'k', fetch: async () => new Response('busy', { status: 503 }) });
    await expect(zalo.send({ to: '0912345678', subject: 'S', text: 'T', idempotencyKey: 'k' })).rejects.toBeInstanceOf(GatewayError);
  });

  it('enables only configured channels', () => {
    const senders = sendersFromConfig({ smtpUrl: null, mailFrom: 'x', smsUrl: 'https://s', smsKey: 'k', zaloUrl: 'https://z', zaloKey: null });
    expect(senders.map((s) => s.channel)).toEqual(['sms']);
  });
});

describe('messages', () => {
  const dossier = {
    code: 'H34.29.2-260302-0001', summary: 'Đăng ký thường trú', dueAt: '2026-03-06T09:00:00.000Z',
    applicant: { fullName: 'Trần Thị Bình', email: 'binh@example.vn', phone: '' },
    notify: { email: true, sms: true, zalo: false }, decision: null, apology: null,
  };

  it('makes one message per chosen channel; a channel with no address is recorded as skipped', () => {
    const out = messagesFor({ type: 'v1.DossierReceived', data: {} }, dossier);
    expect(out.map((m) => [m.channel, m.recipient, m.skipped ?? null])).toEqual([
      ['email', 'binh@example.vn', null],
      ['sms', '', 'no_recipient'],
    ]);
    expect(out[0]!.subject).toBe('Đã tiếp nhận hồ sơ H34.29.2-260302-0001');
    expect(out[0]!.body).toContain('Ngày hẹn trả kết quả: 06/03/2026');
  });

  it('tells the reason of a supplement request and of a rejection', () => {
    const [supplement] = messagesFor({ type: 'v1.SupplementRequested', data: { reason: 'Thiếu giấy tờ', items: ['Giấy chứng sinh'] } }, dossier);
    expect(supplement!.body).toContain('cần bổ sung: Giấy chứng sinh. Lý do: Thiếu giấy tờ.');
    const [rejected] = messagesFor({ type: 'v1.DossierRejected', data: { reason: 'Không thuộc thẩm quyền' } }, dossier);
    expect(rejected!.body).toContain('Lý do: Không thuộc thẩm quyền');
  });

  it('keeps only the events that matter to the citizen', () => {
    const docs = ['v1.DossierReceived', 'v1.StepMoved', 'v1.DossierResolved', 'v1.ApologyIssued', 'v1.DossierRejected', 'v1.SupplementRequested', 'v1.DossierSubmitted']
      .map((type, i) => ({ id: `e${i}`, dossierId: 'd', type }));
    expect(notifiableEvents(docs).map((e) => e.type)).toEqual(['v1.DossierReceived', 'v1.DossierResolved', 'v1.ApologyIssued', 'v1.DossierRejected', 'v1.SupplementRequested']);
  });
});

describe('nextAttemptAt', () => {
  it('doubles the delay, caps it, then gives up', () => {
    const policy = { baseMs: 1000, maxMs: 5000, maxAttempts: 5 };
    const at = (n: number) => nextAttemptAt(new Date(0), n, policy)?.getTime() ?? null;
    expect([1, 2, 3, 4, 5].map(at)).toEqual([1000, 2000, 4000, 5000, null]);
  });
});
