import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, REPO_ROOT, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has demo defaults: port 8787, ./data, embedded storage, province tier, the built PWA', () => {
    expect(loadConfig({}, '/srv/motcua')).toEqual({
      port: 8787,
      host: '0.0.0.0',
      dataDir: '/srv/motcua/data',
      databaseUrl: null,
      tier: 'province',
      upstreamUrl: null,
      upstream: { username: null, password: null, intervalMs: 15_000 },
      pwaDir: join(REPO_ROOT, 'apps/pwa/dist'),
      demo: true,
      logLevel: 'error',
      notify: { smtpUrl: null, mailFrom: 'Motcua <no-reply@motcua.local>', smsUrl: null, smsKey: null, zaloUrl: null, zaloKey: null },
      corsOrigins: [],
    });
  });

  it('reads CORS_ORIGINS as origins and refuses a non-URL', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.gov.vn/x, http://10.0.0.2:8080' }).corsOrigins).toEqual(['https://a.gov.vn', 'http://10.0.0.2:8080']);
    expect(() => loadConfig({ CORS_ORIGINS: 'ftp://x' })).toThrow(/CORS_ORIGINS/);
  });

  it('reads the notification channels', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', SMS_URL: 'https://sms.example.vn/send', SMS_KEY: 'k1', ZALO_URL: 'https://zns.example.vn', ZALO_KEY: 'k2' });
    expect(config.notify).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', smsUrl: 'https://sms.example.vn/send', smsKey: 'k1', zaloKey: 'k2' });
    expect(() => loadConfig({ SMTP_URL: 'http://x' })).toThrow(/SMTP_URL/);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000', DATA_DIR: '/var/lib/motcua', DATABASE_URL: 'postgres://u@db:5432/motcua', TIER: 'commune',
        UPSTREAM_URL: 'https://kontum.example.vn', PWA_DIR: 'off', DEMO: '0', LOG_LEVEL: 'info',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 9000, dataDir: '/var/lib/motcua', databaseUrl: 'postgres://u@db:5432/motcua', tier: 'commune',
      upstreamUrl: 'https://kontum.example.vn', pwaDir: null, demo: false, logLevel: 'info',
    });
  });

  it('names the variable that is wrong', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /PORT/],
      [{ PORT: '70000' }, /PORT/],
      [{ TIER: 'district' }, /TIER/],
      [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
      [{ UPSTREAM_URL: 'not a url' }, /UPSTREAM_URL/],
      [{ DEMO: 'maybe' }, /DEMO/],
      [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrowError(ConfigError);
      expect(() => loadConfig(env)).toThrowError(message);
    }
  });
});
